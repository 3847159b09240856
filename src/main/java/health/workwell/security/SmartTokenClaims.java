package health.workwell.security;

import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * The SMART claims of tokens issued for a signed-in user (authorization code and its refreshes), per the
 * team's token contract: access tokens carry {@code fhirUser}, {@code workwell_role}, {@code patient}
 * (when a patient is in context, {@link LaunchContextBinding}) — {@code client_id} and {@code scope} as a
 * space-separated string come from {@link ClientTokenClaims}, as for every access token; the {@code id_token} carries {@code fhirUser} when the {@code fhirUser} scope
 * was granted. The user is read again from the registry each time, so a disabled user's refresh token
 * stops working.
 */
final class SmartTokenClaims {

	static final String FHIR_USER = "fhirUser";
	static final String FHIR_USER_SCOPE = "fhirUser";
	static final String PATIENT = GrantedAccess.PATIENT_CLAIM;

	private final UserRegistry users;

	SmartTokenClaims(UserRegistry users) {
		this.users = users;
	}

	void addTo(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!(context.getPrincipal() instanceof UsernamePasswordAuthenticationToken) || !(accessToken || idToken)) {
			return;
		}
		RegisteredUser user = users.find(context.getPrincipal().getName()).filter(RegisteredUser::enabled)
				.orElseThrow(() -> new OAuth2AuthenticationException(
						new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The user is disabled or unknown", null)));
		Set<String> scopes = context.getAuthorizedScopes();
		if (accessToken) {
			context.getClaims().claim(AccessRole.CLAIM, user.role().claim());
			if (user.fhirUser() != null) {
				context.getClaims().claim(FHIR_USER, user.fhirUser());
			}
			String patient = patient(context.getAuthorization());
			if (patient != null) {
				context.getClaims().claim(PATIENT, patient);
			}
		} else if (scopes.contains(FHIR_USER_SCOPE) && user.fhirUser() != null) {
			context.getClaims().claim(FHIR_USER, user.fhirUser());
		}
	}

	static String patient(OAuth2Authorization authorization) {
		return authorization == null ? null : authorization.getAttribute(LaunchContextBinding.PATIENT);
	}
}
