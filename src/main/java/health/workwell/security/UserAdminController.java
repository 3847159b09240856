package health.workwell.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * User registration for administrators: {@code POST /admin/users} registers a user,
 * {@code GET /admin/users} lists them (never their password hashes), {@code DELETE /admin/users/{username}}
 * disables one. JSON; bearer token of an administrator ({@link AdminAccess}).
 */
@RestController
class UserAdminController {

	static final String PATH = "/admin/users";
	static final int MIN_PASSWORD_LENGTH = 12;
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

	private final UserRegistry users;
	private final AdminAccess admins;

	UserAdminController(UserRegistry users, AdminAccess admins) {
		this.users = users;
		this.admins = admins;
	}

	@PostMapping(PATH)
	ResponseEntity<Object> register(@RequestBody(required = false) Map<String, Object> body) {
		if (!admins.isAdmin()) {
			return OAuthErrors.forbidden("Only an administrator may register users");
		}
		if (body == null) {
			return OAuthErrors.badRequest("Send a JSON object: username, password, role, fhirUser");
		}
		String username = text(body, "username");
		String password = text(body, "password");
		String roleName = text(body, "role");
		String fhirUser = text(body, "fhirUser");
		if (username == null || !USERNAME.matcher(username).matches()) {
			return OAuthErrors.badRequest("username is required: 1 to 100 letters, digits, '.', '_', '@' or '-'");
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return OAuthErrors.badRequest("password is required, at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		Optional<UserRole> role = UserRole.fromClaim(roleName);
		if (role.isEmpty()) {
			return OAuthErrors.badRequest("role must be one of employee, clinician, hr, admin");
		}
		String expectedType = role.get().fhirUserType();
		boolean fhirUserRequired = role.get() == UserRole.EMPLOYEE || role.get() == UserRole.CLINICIAN;
		if (fhirUser == null && fhirUserRequired) {
			return OAuthErrors.badRequest("fhirUser is required for role " + roleName + ": " + expectedType + "/<id>");
		}
		if (fhirUser != null && (!fhirUser.startsWith(expectedType + "/") || !ID.matcher(fhirUser.substring(expectedType.length() + 1)).matches())) {
			return OAuthErrors.badRequest("fhirUser for role " + roleName + " must be " + expectedType + "/<id>");
		}
		Object enabled = body.getOrDefault("enabled", Boolean.TRUE);
		if (!(enabled instanceof Boolean)) {
			return OAuthErrors.badRequest("enabled must be true or false");
		}
		RegisteredUser user = new RegisteredUser(username, role.get(), fhirUser, (Boolean) enabled);
		if (!users.register(user, password)) {
			return OAuthErrors.of(HttpStatus.CONFLICT, "invalid_request", "A user named " + username + " exists already");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(json(user));
	}

	@GetMapping(PATH)
	ResponseEntity<Object> list() {
		if (!admins.isAdmin()) {
			return OAuthErrors.forbidden("Only an administrator may list users");
		}
		return ResponseEntity.ok(users.list().stream().map(UserAdminController::json).toList());
	}

	@DeleteMapping(PATH + "/{username}")
	ResponseEntity<Object> disable(@PathVariable String username) {
		if (!admins.isAdmin()) {
			return OAuthErrors.forbidden("Only an administrator may disable users");
		}
		if (!users.disable(username)) {
			return OAuthErrors.of(HttpStatus.NOT_FOUND, "invalid_request", "No user named " + username);
		}
		return ResponseEntity.noContent().build();
	}

	private static String text(Map<String, Object> body, String name) {
		Object value = body.get(name);
		return value instanceof String s && !s.isBlank() ? s : null;
	}

	private static Map<String, Object> json(RegisteredUser user) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("username", user.username());
		json.put("role", user.role().claim());
		json.put("fhirUser", user.fhirUser());
		json.put("enabled", user.enabled());
		return json;
	}
}
