package health.workwell.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMART {@code authorize-post}: an authorization request may be a form POST to the authorize endpoint.
 * Spring Authorization Server 1.4 takes such a POST for an authorization request only when its scope
 * contains {@code openid}, and for a consent submission otherwise. A POST that carries
 * {@code response_type} is an authorization request, so it is handed on as the equivalent GET (its form
 * parameters become the query string, which also makes the login redirect come back to it).
 */
final class AuthorizePostAsGet extends OncePerRequestFilter {

	static final String AUTHORIZE_PATH = "/oauth2/authorize";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !AUTHORIZE_PATH.equals(request.getServletPath())
				|| request.getParameter("response_type") == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new AsGet(request), response);
	}

	private static final class AsGet extends HttpServletRequestWrapper {

		private final String query;

		AsGet(HttpServletRequest request) {
			super(request);
			this.query = query(request.getParameterMap());
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getQueryString() {
			return query;
		}

		private static String query(Map<String, String[]> parameters) {
			StringJoiner query = new StringJoiner("&");
			parameters.forEach((name, values) -> {
				for (String value : values) {
					query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
				}
			});
			return query.toString();
		}
	}
}
