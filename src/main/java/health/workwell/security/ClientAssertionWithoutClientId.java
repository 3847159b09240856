package health.workwell.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code private_key_jwt} client authentication as SMART Backend Services (and fhirclient's asymmetric
 * confidential clients) send it: {@code client_assertion_type} and {@code client_assertion}, <em>no</em>
 * {@code client_id} parameter (RFC 7523 makes it optional; Spring Authorization Server's own converter
 * requires it). The client is named by the assertion's {@code iss}, read here unverified only to find the
 * registration; the provider then verifies the signature with that client's keys and checks
 * {@code iss = sub = client_id} ({@link ClientAssertionDecoders}). Requests that do carry {@code client_id}
 * are left to Spring Authorization Server's converter.
 */
final class ClientAssertionWithoutClientId implements AuthenticationConverter {

	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
	private static final Set<String> CLIENT_AUTHENTICATION_PARAMETERS = Set.of(
			OAuth2ParameterNames.CLIENT_ASSERTION_TYPE, OAuth2ParameterNames.CLIENT_ASSERTION, OAuth2ParameterNames.CLIENT_ID);

	@Override
	public Authentication convert(HttpServletRequest request) {
		String assertionType = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
		String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (assertionType == null || assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null) {
			return null;
		}
		if (!JWT_BEARER.equals(assertionType)) {
			throw invalidClient("client_assertion_type must be " + JWT_BEARER);
		}
		if (request.getParameterValues(OAuth2ParameterNames.CLIENT_ASSERTION).length != 1) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "client_assertion given more than once", null));
		}
		String clientId;
		try {
			clientId = JWTParser.parse(assertion).getJWTClaimsSet().getIssuer();
		} catch (ParseException e) {
			throw invalidClient("client_assertion is not a JWT");
		}
		if (clientId == null || clientId.isBlank()) {
			throw invalidClient("client_assertion has no iss");
		}
		Map<String, Object> additionalParameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!CLIENT_AUTHENTICATION_PARAMETERS.contains(name)) {
				additionalParameters.put(name, values.length == 1 ? values[0] : values);
			}
		});
		// the method is named by the assertion type, as Spring Authorization Server's own converter does
		return new OAuth2ClientAuthenticationToken(clientId, new ClientAuthenticationMethod(JWT_BEARER), assertion, additionalParameters);
	}

	private static OAuth2AuthenticationException invalidClient(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
	}
}
