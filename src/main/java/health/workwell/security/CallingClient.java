package health.workwell.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Which client a request comes from, before Spring Security has run (for CORS and rate limits): on the
 * authorization server's endpoints the {@code client_id} parameter, the HTTP Basic user or the client
 * assertion's {@code iss}; on the FHIR API the {@code client_id} claim of a bearer token that this server's
 * decoder accepts. Authentication itself happens later; a name read here only picks the CORS origins and the
 * rate-limit bucket. Computed once per request.
 */
final class CallingClient {

	private static final String ATTRIBUTE = CallingClient.class.getName();
	private static final String NONE = "";

	private CallingClient() {}

	static Optional<String> of(HttpServletRequest request, JwtDecoder accessTokens) {
		Object known = request.getAttribute(ATTRIBUTE);
		if (known == null) {
			known = identify(request, accessTokens).orElse(NONE);
			request.setAttribute(ATTRIBUTE, known);
		}
		return NONE.equals(known) ? Optional.empty() : Optional.of((String) known);
	}

	private static Optional<String> identify(HttpServletRequest request, JwtDecoder accessTokens) {
		String authorization = request.getHeader("Authorization");
		if (request.getRequestURI().startsWith("/oauth2/")) {
			if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				try {
					String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
					int colon = credentials.indexOf(':');
					return colon > 0 ? Optional.of(java.net.URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8))
							: Optional.empty();
				} catch (IllegalArgumentException e) {
					return Optional.empty();
				}
			}
			String clientId = request.getParameter("client_id");
			if (clientId != null) {
				return Optional.of(clientId);
			}
			String assertion = request.getParameter("client_assertion");
			if (assertion != null) {
				try {
					return Optional.ofNullable(JWTParser.parse(assertion).getJWTClaimsSet().getIssuer());
				} catch (java.text.ParseException e) {
					return Optional.empty();
				}
			}
			return Optional.empty();
		}
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			try {
				Jwt token = accessTokens.decode(authorization.substring(7).trim());
				return Optional.ofNullable(token.getClaimAsString(ClientTokenClaims.CLIENT_ID_CLAIM));
			} catch (JwtException invalid) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}
}
