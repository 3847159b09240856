package health.workwell.security;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Fixes the SMART launch context (the patient) of an authorization when its code is issued, and keeps it
 * on the authorization (attribute {@link #PATIENT}) for every token made from it, refreshes included:
 * <ul>
 *   <li>EHR launch (scope {@code launch}): the patient of the {@code launch} value, which is used up here;</li>
 *   <li>standalone launch (scope {@code launch/patient}): an employee's own Patient; for anyone else the
 *       patient they picked on the picker page after signing in;</li>
 *   <li>no launch scope: an employee asking for {@code patient/} scopes gets their own Patient; nobody else
 *       gets a patient.</li>
 * </ul>
 * In every case the user must be allowed to see the patient ({@link PatientAccess}); otherwise no code is
 * issued and the client gets {@code access_denied} at its redirect URI. Wraps the authorization service.
 */
final class LaunchContextBinding implements OAuth2AuthorizationService {

	static final String PATIENT = "workwell.smart.patient";
	private static final String RESOLVED = "workwell.smart.context-resolved";
	static final String LAUNCH_PATIENT_SCOPE = "launch/patient";

	private final OAuth2AuthorizationService delegate;
	private final UserRegistry users;
	private final PatientAccess patients;
	private final LaunchContexts launches;

	LaunchContextBinding(OAuth2AuthorizationService delegate, UserRegistry users, PatientAccess patients, LaunchContexts launches) {
		this.delegate = delegate;
		this.users = users;
		this.patients = patients;
		this.launches = launches;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (authorization.getToken(OAuth2AuthorizationCode.class) != null && authorization.getAccessToken() == null
				&& authorization.getAttribute(RESOLVED) == null) {
			OAuth2Authorization.Builder withContext = OAuth2Authorization.from(authorization).attribute(RESOLVED, Boolean.TRUE);
			patientFor(authorization).ifPresent(patient -> withContext.attribute(PATIENT, patient));
			authorization = withContext.build();
		}
		delegate.save(authorization);
	}

	private Optional<String> patientFor(OAuth2Authorization authorization) {
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		Set<String> scopes = authorization.getAuthorizedScopes();
		Optional<RegisteredUser> user = users.find(authorization.getPrincipalName()).filter(RegisteredUser::enabled);
		if (request == null || user.isEmpty()) {
			return Optional.empty();
		}
		if (scopes.contains(SmartAuthorizationRequests.LAUNCH_SCOPE)) {
			Object launch = request.getAdditionalParameters().get(SmartAuthorizationRequests.LAUNCH);
			String patient = launch instanceof String value ? launches.take(value).orElse(null) : null;
			if (patient == null) {
				throw denied(authorization, request, OAuth2ErrorCodes.INVALID_REQUEST, "Unknown, expired or already used launch");
			}
			return Optional.of(allowed(authorization, request, user.get(), patient));
		}
		if (user.get().role() == UserRole.EMPLOYEE
				&& (scopes.contains(LAUNCH_PATIENT_SCOPE) || scopes.stream().anyMatch(s -> s.startsWith("patient/")))) {
			String own = user.get().ownPatientId()
					.orElseThrow(() -> denied(authorization, request, OAuth2ErrorCodes.ACCESS_DENIED, "No patient record for this user"));
			return Optional.of(allowed(authorization, request, user.get(), own));
		}
		if (scopes.contains(LAUNCH_PATIENT_SCOPE)) {
			String picked = PatientPicks.take(session(), request.getClientId(), request.getState())
					.orElseThrow(() -> denied(authorization, request, OAuth2ErrorCodes.ACCESS_DENIED, "No patient was picked"));
			return Optional.of(allowed(authorization, request, user.get(), picked));
		}
		return Optional.empty();
	}

	private String allowed(OAuth2Authorization authorization, OAuth2AuthorizationRequest request, RegisteredUser user,
			String patient) {
		if (!patients.maySee(user, patient)) {
			throw denied(authorization, request, OAuth2ErrorCodes.ACCESS_DENIED, "This user may not open that patient's record");
		}
		return patient;
	}

	private static HttpSession session() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getSession(false) : null;
	}

	/** An error the authorization endpoint sends to the client's redirect URI. */
	private static OAuth2AuthorizationCodeRequestAuthenticationException denied(OAuth2Authorization authorization,
			OAuth2AuthorizationRequest request, String code, String description) {
		Authentication principal = authorization.getAttribute(Principal.class.getName());
		OAuth2AuthorizationCodeRequestAuthenticationToken failed = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getAuthorizationUri(), request.getClientId(), principal, request.getRedirectUri(), request.getState(),
				request.getScopes(), request.getAdditionalParameters());
		return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null), failed);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		delegate.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return delegate.findByToken(token, tokenType);
	}
}
