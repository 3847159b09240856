package health.workwell.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS as SMART App Launch asks (conformance.html): discovery and the CapabilityStatement for any origin;
 * the token endpoint and the FHIR API only for the origins registered for the calling client
 * ({@code allowed_origins}), found from the request's client ({@link CallingClient}). Another origin gets no
 * {@code Access-Control-Allow-Origin}, so the browser keeps the answer from the page. A preflight carries no
 * credentials, so it is answered for an origin some client has registered; the real request is then held to
 * its own client's origins. Runs before Spring Security, which would refuse a preflight for lack of a token.
 */
final class RegisteredOriginsCors extends OncePerRequestFilter {

	static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
	static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Match, If-None-Exist, If-Modified-Since, X-Requested-With";
	static final String EXPOSED_HEADERS = "Location, Content-Location, ETag, Last-Modified, Retry-After, WWW-Authenticate";

	private final JwtDecoder accessTokens;
	private final CachedClients clients;
	private final JdbcTemplate jdbc;

	RegisteredOriginsCors(JwtDecoder accessTokens, CachedClients clients, JdbcTemplate jdbc) {
		this.accessTokens = accessTokens;
		this.clients = clients;
		this.jdbc = jdbc;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return request.getHeader("Origin") == null
				|| !(path.equals("/fhir") || path.startsWith("/fhir/") || path.equals("/oauth2/token")
						|| path.equals("/oauth2/introspect") || path.equals("/oauth2/revoke"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader("Origin");
		String path = request.getRequestURI();
		boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
		boolean open = path.equals("/fhir/metadata") || path.equals(SmartConfigurationFilter.PATH);
		boolean allowed = open || (preflight ? someClientRegistered(origin) : callingClientRegistered(request, origin));
		if (allowed) {
			response.setHeader("Access-Control-Allow-Origin", open ? "*" : origin);
			response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
		}
		response.addHeader("Vary", "Origin");
		if (preflight) {
			if (allowed) {
				response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
				response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
				response.setHeader("Access-Control-Max-Age", "600");
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			} else {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean callingClientRegistered(HttpServletRequest request, String origin) {
		return CallingClient.of(request, accessTokens).flatMap(clients::find)
				.map(ClientSettingNames::allowedOrigins).map(origins -> origins.contains(origin)).orElse(false);
	}

	/** Any client registered with this origin (narrowed by the database, then checked exactly). */
	private boolean someClientRegistered(String origin) {
		if (origin.isBlank() || "null".equals(origin)) {
			return false;
		}
		List<String> clientIds = jdbc.queryForList(
				"SELECT client_id FROM oauth2_registered_client WHERE client_settings LIKE ? ESCAPE '!'", String.class,
				"%" + origin.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		return clientIds.stream().map(clients::find).flatMap(java.util.Optional::stream)
				.anyMatch(client -> ClientSettingNames.allowedOrigins(client).contains(origin));
	}
}
