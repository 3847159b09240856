package health.workwell.security;

import health.workwell.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form's guard against password guessing ({@link SignInAttempts}): a POST to {@code /login} for a
 * locked username or from a locked address is refused before the password is checked, as a failed sign-in
 * ({@code /login?error}); failures are counted and successes clear them. Every failure and every refusal is
 * an AuditEvent ({@link AuditTrail#recordRefusedBeforeFhir}, entity {@code /login}, the username in the
 * outcome description).
 */
final class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

	private final SignInAttempts attempts;
	private final ObjectProvider<AuditTrail> audit;
	private final AuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler(SecurityConfig.SIGN_IN_PATH + "?error");
	private final AuthenticationSuccessHandler succeeded = new SavedRequestAwareAuthenticationSuccessHandler();

	SignInThrottle(SignInAttempts attempts, ObjectProvider<AuditTrail> audit) {
		this.attempts = attempts;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && SecurityConfig.SIGN_IN_PATH.equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> locked = attempts.lockedOut(username(request), request.getRemoteAddr(), Instant.now());
		if (locked.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		record(request, 429, "sign-in refused for user '" + username(request) + "': " + locked.get());
		failed.onAuthenticationFailure(request, response, new LockedException("Too many failed sign-ins; try again later"));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		String username = username(request);
		Optional<String> locked = attempts.recordFailure(username, request.getRemoteAddr(), Instant.now());
		record(request, 401, "sign-in failed for user '" + username + "'"
				+ locked.map(what -> "; the " + what + " is now locked").orElse(""));
		failed.onAuthenticationFailure(request, response, exception);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		attempts.recordSuccess(authentication.getName());
		succeeded.onAuthenticationSuccess(request, response, authentication);
	}

	private static String username(HttpServletRequest request) {
		String username = request.getParameter("username");
		if (username == null) {
			return "";
		}
		return username.length() > 100 ? username.substring(0, 100) : username;
	}

	private void record(HttpServletRequest request, int status, String reason) {
		AuditTrail trail = audit.getIfAvailable();
		if (trail != null) {
			trail.recordRefusedBeforeFhir(request, status, reason);
		}
	}
}
