package health.workwell.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per minute before authentication, on the token endpoint and the FHIR API. On the FHIR API a
 * bearer token this server's decoder accepts (signature, expiry, audience checked) counts for its
 * {@code client_id}, with the client's own {@code rate_limit_per_minute} when registered with one, else
 * {@code workwell.security.rate-limit-per-minute} (0: no limit). Everything else, and every token request,
 * counts per source address with the default limit: a {@code client_id}, HTTP Basic user or assertion
 * issuer is only a claim until the client has authenticated, and must not let a stranger spend that
 * client's allowance. Authenticated token requests are counted per client afterwards
 * ({@link AuthenticatedClientRateLimit}).
 */
final class ClientRateLimit extends OncePerRequestFilter {

	private final JwtDecoder accessTokens;
	private final CachedClients clients;
	private final int defaultPerMinute;
	private final RateLimitWindows windows;

	ClientRateLimit(JwtDecoder accessTokens, CachedClients clients, int defaultPerMinute, RateLimitWindows windows) {
		this.accessTokens = accessTokens;
		this.clients = clients;
		this.defaultPerMinute = defaultPerMinute;
		this.windows = windows;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return "OPTIONS".equals(request.getMethod())
				|| !(path.equals("/oauth2/token") || path.equals("/fhir") || path.startsWith("/fhir/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// on /fhir the client comes from a verified token; on /oauth2/token it is unverified here
		String clientId = request.getRequestURI().startsWith("/fhir") ? CallingClient.of(request, accessTokens).orElse(null) : null;
		int limit = clientId != null ? RateLimitWindows.limitOf(clients, clientId, defaultPerMinute) : defaultPerMinute;
		if (limit <= 0) {
			chain.doFilter(request, response);
			return;
		}
		String bucket = clientId != null ? "client:" + clientId : "address:" + request.getRemoteAddr();
		long retryAfterMillis = windows.admit(bucket, limit, System.currentTimeMillis());
		if (retryAfterMillis == 0) {
			chain.doFilter(request, response);
		} else {
			RateLimitWindows.refuse(request, response, limit, retryAfterMillis);
		}
	}
}
