package health.workwell.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The patient a user picked for one authorization request (standalone launch with
 * {@code launch/patient}), kept in their sign-in session under the request's client and state until the
 * code is issued, and then used up.
 */
final class PatientPicks {

	private static final String PREFIX = "workwell.smart.picked-patient:";

	private PatientPicks() {}

	static void remember(HttpSession session, String clientId, String state, String patientId) {
		session.setAttribute(key(clientId, state), patientId);
	}

	static boolean has(HttpSession session, String clientId, String state) {
		return session != null && session.getAttribute(key(clientId, state)) != null;
	}

	static Optional<String> take(HttpSession session, String clientId, String state) {
		if (session == null) {
			return Optional.empty();
		}
		Object picked = session.getAttribute(key(clientId, state));
		session.removeAttribute(key(clientId, state));
		return Optional.ofNullable((String) picked);
	}

	private static String key(String clientId, String state) {
		return PREFIX + clientId + "|" + (state == null ? "" : state);
	}
}
