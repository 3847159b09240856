package health.workwell.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * CORS for browser apps (SMART: the token endpoint and the FHIR API answer the origins of the app's
 * registered redirect URIs, nobody else). The client is the token request's {@code client_id} (or Basic
 * user), or the FHIR request's bearer token's {@code client_id} claim (read here only to pick the
 * origin; the token itself is verified afterwards as for any request). Preflights carry neither, so they
 * are answered for any origin: they reveal nothing, and the real response is readable only by the
 * client's own origins. The CapabilityStatement is readable from any origin. No cookies are allowed
 * cross-origin.
 */
final class RegisteredClientOrigins implements CorsConfigurationSource {

	private final RegisteredClientRepository clients;

	RegisteredClientOrigins(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return null;
		}
		boolean preflight = HttpMethod.OPTIONS.matches(request.getMethod())
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
		// SMART: any origin may read the CapabilityStatement (fhirclient's fallback discovery)
		boolean capabilityStatement = HttpMethod.GET.matches(request.getMethod())
				&& (request.getContextPath() + FhirAudience.FHIR_PATH + "/metadata").equals(request.getRequestURI());
		if (!preflight && !capabilityStatement && !originsOf(clientId(request)).contains(origin)) {
			return null;
		}
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.of(origin));
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Prefer", "If-Match", "If-None-Match",
				"If-None-Exist", "If-Modified-Since"));
		cors.setExposedHeaders(List.of("Location", "ETag", "Content-Location", "Last-Modified", "WWW-Authenticate"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(600L);
		return cors;
	}

	private Set<String> originsOf(String clientId) {
		RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
		if (client == null) {
			return Set.of();
		}
		return client.getRedirectUris().stream().map(RegisteredClientOrigins::origin).collect(Collectors.toSet());
	}

	private static String clientId(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		try {
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				Object claim = JWTParser.parse(authorization.substring(7).trim()).getJWTClaimsSet().getClaim(AdminAccess.CLIENT_ID_CLAIM);
				return claim == null ? null : claim.toString();
			}
			if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				String user = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
				return java.net.URLDecoder.decode(user.substring(0, Math.max(0, user.indexOf(':'))), StandardCharsets.UTF_8);
			}
		} catch (java.text.ParseException | IllegalArgumentException unreadable) {
			return null;
		}
		return request.getParameter("client_id");
	}

	private static String origin(String uri) {
		try {
			URI parsed = URI.create(uri);
			return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
		} catch (IllegalArgumentException invalid) {
			return "";
		}
	}
}
