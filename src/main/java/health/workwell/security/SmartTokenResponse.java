package health.workwell.security;

import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * SMART launch context in the token response: {@code patient} (and {@code need_patient_banner}) when the
 * authorization has a patient in context ({@link LaunchContextBinding}).
 */
final class SmartTokenResponse implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	private final OAuth2AuthorizationService authorizations;

	SmartTokenResponse(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken issued = context.getAuthentication();
		String token = issued.getAccessToken().getTokenValue();
		OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		String patient = SmartTokenClaims.patient(authorization);
		if (patient != null) {
			// the builder's additionalParameters replaces; keep SAS's (id_token)
			java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>(issued.getAdditionalParameters());
			parameters.put(SmartTokenClaims.PATIENT, patient);
			parameters.put("need_patient_banner", true);
			context.getAccessTokenResponse().additionalParameters(parameters);
		}
	}
}
