package health.workwell.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client registration API, {@code /admin/clients} (JSON): register, list, show, remove. Only a bearer
 * token with {@code workwell_role} {@code admin} gets here (SecurityConfig). Refusals answer in the style of
 * RFC 7591: {@code {"error": "invalid_client_metadata", "error_description": "..."}}.
 */
@RestController
@RequestMapping("/admin/clients")
class ClientAdminController {

	private final ClientRegistrations registrations;

	ClientAdminController(ClientRegistrations registrations) {
		this.registrations = registrations;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> register(@RequestBody ClientRegistrationRequest request) {
		ClientRegistrations.Registered registered = registrations.register(request);
		Map<String, Object> body = new LinkedHashMap<>(ClientRegistrations.view(registered.client()));
		if (registered.secret() != null) {
			body.put("client_secret", registered.secret());
		}
		return ResponseEntity.status(HttpStatus.CREATED)
				.header("Location", "/admin/clients/" + registered.client().getClientId())
				.header("Cache-Control", "no-store")
				.body(body);
	}

	@GetMapping
	List<Map<String, Object>> list() {
		return registrations.all().stream().map(ClientRegistrations::view).toList();
	}

	@GetMapping("/{clientId}")
	ResponseEntity<Map<String, Object>> show(@PathVariable String clientId) {
		return registrations.find(clientId).map(ClientRegistrations::view).map(ResponseEntity::ok)
				.orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", "No client " + clientId));
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Map<String, Object>> remove(@PathVariable String clientId) {
		return registrations.remove(clientId)
				? ResponseEntity.noContent().build()
				: error(HttpStatus.NOT_FOUND, "not_found", "No client " + clientId);
	}

	@ExceptionHandler(ClientRegistrations.Refused.class)
	ResponseEntity<Map<String, Object>> refused(ClientRegistrations.Refused refused) {
		return error(refused.status, refused.status == HttpStatus.CONFLICT ? "client_exists" : "invalid_client_metadata", refused.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		return error(HttpStatus.BAD_REQUEST, "invalid_client_metadata", "The body is not a client registration in JSON");
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", code);
		body.put("error_description", description);
		return ResponseEntity.status(status).body(body);
	}
}
