package health.workwell.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Standalone launch with {@code launch/patient} by a signed-in user who may see several patients (a
 * clinician, an administrator): before the authorization endpoint issues a code, send them to the patient
 * picker ({@link PatientPickerController}), which comes back to the same authorization request once a
 * patient is picked. Employees have their own patient and see no picker.
 */
final class PatientPickerRedirect extends OncePerRequestFilter {

	static final String PICKER_PATH = "/smart/pick-patient";

	private final UserRegistry users;

	PatientPickerRedirect(UserRegistry users) {
		this.users = users;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !AuthorizePostAsGet.AUTHORIZE_PATH.equals(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (needsPicker(request)) {
			response.sendRedirect(request.getContextPath() + PICKER_PATH + "?" + request.getQueryString());
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean needsPicker(HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (!(signedIn instanceof UsernamePasswordAuthenticationToken) || !signedIn.isAuthenticated()) {
			return false;
		}
		List<String> scopes = Arrays.asList(Optional.ofNullable(request.getParameter("scope")).orElse("").split(" "));
		if (!scopes.contains(LaunchContextBinding.LAUNCH_PATIENT_SCOPE) || scopes.contains(SmartAuthorizationRequests.LAUNCH_SCOPE)) {
			return false;
		}
		if (PatientPicks.has(request.getSession(false), request.getParameter("client_id"), request.getParameter("state"))) {
			return false;
		}
		return users.find(signedIn.getName()).map(user -> user.role() != UserRole.EMPLOYEE).orElse(false);
	}
}
