package health.workwell.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per minute per client on the token endpoint and the FHIR API: the client's own
 * {@code rate_limit_per_minute} when registered with one, else {@code workwell.security.rate-limit-per-minute}
 * (0: no limit). Requests naming no known client count per source address. Over the limit: 429 with
 * {@code Retry-After} (seconds until the client's minute is over) and an OAuth2 error or an OperationOutcome.
 * Counted in memory on each node (a fixed window that starts with the client's first request), so N nodes
 * behind a load balancer allow up to N times the limit.
 */
final class ClientRateLimit extends OncePerRequestFilter {

	private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

	private static final class Window {
		long startedAt;
		int count;
	}

	private final JwtDecoder accessTokens;
	private final CachedClients clients;
	private final int defaultPerMinute;
	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	ClientRateLimit(JwtDecoder accessTokens, CachedClients clients, int defaultPerMinute) {
		this.accessTokens = accessTokens;
		this.clients = clients;
		this.defaultPerMinute = defaultPerMinute;
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
		String clientId = CallingClient.of(request, accessTokens).orElse(null);
		int limit = defaultPerMinute;
		if (clientId != null) {
			String own = clients.find(clientId).map(c -> ClientSettingNames.get(c, ClientSettingNames.RATE_LIMIT)).orElse(null);
			if (own != null) {
				limit = Integer.parseInt(own);
			}
		}
		if (limit <= 0) {
			chain.doFilter(request, response);
			return;
		}
		String bucket = clientId != null ? "client:" + clientId : "address:" + request.getRemoteAddr();
		long retryAfterMillis = admit(bucket, limit, System.currentTimeMillis());
		if (retryAfterMillis == 0) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		String message = "Too many requests: at most " + limit + " a minute; retry after " + seconds + " s";
		if (request.getRequestURI().startsWith("/oauth2/")) {
			response.setContentType("application/json");
			response.getOutputStream().write(("{\"error\":\"temporarily_unavailable\",\"error_description\":\"" + message + "\"}")
					.getBytes(StandardCharsets.UTF_8));
		} else {
			response.setContentType("application/fhir+json");
			response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
					+ "\"code\":\"throttled\",\"diagnostics\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8));
		}
	}

	/** 0 when the request may go on, else how long until the bucket's window ends. */
	long admit(String bucket, int limit, long now) {
		if (windows.size() > 100_000) {
			windows.values().removeIf(window -> now - window.startedAt >= WINDOW_MILLIS);
		}
		Window window = windows.computeIfAbsent(bucket, key -> new Window());
		synchronized (window) {
			if (window.count == 0 || now - window.startedAt >= WINDOW_MILLIS) {
				window.startedAt = now;
				window.count = 0;
			}
			if (window.count < limit) {
				window.count++;
				return 0;
			}
			return window.startedAt + WINDOW_MILLIS - now;
		}
	}
}
