package health.workwell.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token requests per minute per client, counted once the client has authenticated (in the authorization
 * server's filter chain, after client authentication and before the token endpoint), in the client's
 * bucket shared with its FHIR requests ({@link RateLimitWindows}). A request that fails to authenticate
 * never reaches here: it counted only for its source address ({@link ClientRateLimit}).
 */
final class AuthenticatedClientRateLimit extends OncePerRequestFilter {

	private final CachedClients clients;
	private final int defaultPerMinute;
	private final RateLimitWindows windows;

	AuthenticatedClientRateLimit(CachedClients clients, int defaultPerMinute, RateLimitWindows windows) {
		this.clients = clients;
		this.defaultPerMinute = defaultPerMinute;
		this.windows = windows;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/oauth2/token".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			chain.doFilter(request, response);
			return;
		}
		String clientId = client.getRegisteredClient().getClientId();
		int limit = RateLimitWindows.limitOf(clients, clientId, defaultPerMinute);
		long retryAfterMillis = limit <= 0 ? 0 : windows.admit("client:" + clientId, limit, System.currentTimeMillis());
		if (retryAfterMillis == 0) {
			chain.doFilter(request, response);
		} else {
			RateLimitWindows.refuse(request, response, limit, retryAfterMillis);
		}
	}
}
