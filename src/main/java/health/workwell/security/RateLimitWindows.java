package health.workwell.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests a minute per bucket ({@code client:<id>} or {@code address:<ip>}), in memory on this node: a fixed
 * window that starts with the bucket's first request. Shared by {@link ClientRateLimit} (before
 * authentication) and {@link AuthenticatedClientRateLimit} (after it), so a client's token and FHIR requests
 * count in one bucket.
 */
final class RateLimitWindows {

	private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

	private static final class Window {
		long startedAt;
		int count;
	}

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

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

	/** The 429: {@code Retry-After}, and an OAuth2 error on the authorization server or an OperationOutcome on the FHIR API. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, int limit, long retryAfterMillis) throws IOException {
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

	/** The client's own {@code rate_limit_per_minute}, else the default. */
	static int limitOf(CachedClients clients, String clientId, int defaultPerMinute) {
		String own = clients.find(clientId).map(c -> ClientSettingNames.get(c, ClientSettingNames.RATE_LIMIT)).orElse(null);
		return own != null ? Integer.parseInt(own) : defaultPerMinute;
	}
}
