package health.workwell.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** JSON error bodies of the non-FHIR endpoints, in the OAuth 2.0 error shape. */
final class OAuthErrors {

	private OAuthErrors() {}

	static ResponseEntity<Object> of(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status).body(Map.of("error", error, "error_description", description));
	}

	static ResponseEntity<Object> badRequest(String description) {
		return of(HttpStatus.BAD_REQUEST, "invalid_request", description);
	}

	static ResponseEntity<Object> forbidden(String description) {
		return of(HttpStatus.FORBIDDEN, "insufficient_scope", description);
	}
}
