package health.workwell.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * A public client's code exchange without a {@code code_verifier} (or a blank one). Spring Authorization
 * Server recognises a public client only by its verifier, so it would answer {@code invalid_client}; SMART
 * and ONC (g)(10) expect the PKCE error. This hands such a request to the public-client authentication,
 * which then refuses it with {@code invalid_grant} (code_verifier) because the code was issued for a
 * challenge. Tried last, after every real client authentication.
 */
final class PublicClientWithoutVerifier implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| !StringUtils.hasText(request.getParameter(OAuth2ParameterNames.CODE)) || !StringUtils.hasText(clientId)
				|| StringUtils.hasText(request.getParameter(PkceParameterNames.CODE_VERIFIER))
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
				|| request.getParameterValues(OAuth2ParameterNames.CLIENT_ID).length != 1) {
			return null;
		}
		Map<String, Object> parameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals(OAuth2ParameterNames.CLIENT_ID)) {
				parameters.put(name, values.length == 1 ? values[0] : values);
			}
		});
		return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, parameters);
	}
}
