package health.workwell.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A token is good only for the server it was issued for: its {@code iss} must be this server's
 * issuer and its {@code aud} this server's FHIR base (SMART App Launch: the resource server SHALL
 * check the audience). Both are the configured issuer, or else taken from the request's own URL, as
 * the authorization server does when it issues the token.
 */
final class FhirAudience implements OAuth2TokenValidator<Jwt> {

	static final String FHIR_PATH = "/fhir";

	private final String configuredIssuer;

	FhirAudience(String configuredIssuer) {
		this.configuredIssuer = configuredIssuer;
	}

	String issuer() {
		if (!configuredIssuer.isBlank()) {
			return configuredIssuer;
		}
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String issuer = issuer();
		if (token.getIssuer() == null || !issuer.equals(token.getIssuer().toString())) {
			return failure("The token was not issued by " + issuer);
		}
		if (token.getAudience() == null || !token.getAudience().contains(issuer + FHIR_PATH)) {
			return failure("The token's audience is not " + issuer + FHIR_PATH);
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}
}
