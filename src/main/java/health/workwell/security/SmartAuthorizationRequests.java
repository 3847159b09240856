package health.workwell.security;

import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.util.StringUtils;

/**
 * What SMART App Launch 2.2 asks of an authorization request beyond OAuth 2.0, checked before the user
 * signs in (after Spring Authorization Server's own redirect-URI and scope checks, so an error goes back
 * to the client's registered redirect URI and no code is issued):
 * <ul>
 *   <li>PKCE for every client, confidential ones too: a {@code code_challenge} is required (the server
 *       then also requires the matching {@code code_verifier} at the token endpoint; only S256 is
 *       accepted);</li>
 *   <li>{@code aud} must be this server's FHIR base (ONC (g)(10): an invalid aud gets no code);</li>
 *   <li>the {@code launch} scope needs a {@code launch} value that this server issued and that has not
 *       expired or been used.</li>
 * </ul>
 */
final class SmartAuthorizationRequests implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	static final String AUD = "aud";
	static final String LAUNCH = "launch";
	static final String LAUNCH_SCOPE = "launch";

	private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> oauthDefaults;
	private final FhirAudience audience;
	private final LaunchContexts launches;

	/** The redirect URI is checked first (SAS's own check), then the scopes by SMART's rules ({@link RegisteredScopePolicy}). */
	SmartAuthorizationRequests(FhirAudience audience, LaunchContexts launches, RegisteredScopePolicy scopes) {
		this.audience = audience;
		this.launches = launches;
		this.oauthDefaults = OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR
				.andThen(scopes::validateAuthorizationCodeRequest);
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		oauthDefaults.accept(context);
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		Object challenge = request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE);
		if (!(challenge instanceof String value) || !StringUtils.hasText(value)) {
			fail(request, OAuth2ErrorCodes.INVALID_REQUEST, "PKCE is required: send code_challenge with code_challenge_method=S256");
		}
		String fhirBase = audience.issuer() + FhirAudience.FHIR_PATH;
		Object aud = request.getAdditionalParameters().get(AUD);
		if (!(aud instanceof String value) || !withoutTrailingSlash(value).equals(fhirBase)) {
			fail(request, OAuth2ErrorCodes.INVALID_REQUEST, "aud must be this server's FHIR base URL, " + fhirBase);
		}
		Set<String> scopes = request.getScopes();
		Object launch = request.getAdditionalParameters().get(LAUNCH);
		if (scopes.contains(LAUNCH_SCOPE)) {
			if (!(launch instanceof String value) || !StringUtils.hasText(value)) {
				fail(request, OAuth2ErrorCodes.INVALID_REQUEST, "The launch scope needs the launch parameter of an EHR launch");
			} else if (launches.peek(value).isEmpty()) {
				fail(request, OAuth2ErrorCodes.INVALID_REQUEST, "Unknown or expired launch");
			}
		}
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static void fail(OAuth2AuthorizationCodeRequestAuthenticationToken request, String code, String description) {
		throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null), request);
	}
}
