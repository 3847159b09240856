package health.workwell.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The EHR side of an EHR launch: {@code POST /smart/launch} with {@code {"patient": "<id>"}} and the bearer
 * token of a signed-in clinician (who must be allowed to see the patient) or of an administrator, answers
 * {@code {"launch": "<opaque>", "patient": ..., "expires_in": ...}}. The app is then started with that
 * {@code launch} value and the FHIR base as {@code iss}; the value works once, for a short time.
 */
@RestController
class SmartLaunchController {

	static final String PATH = "/smart/launch";

	private final LaunchContexts launches;
	private final PatientAccess patients;
	private final UserRegistry users;
	private final AdminAccess admins;

	SmartLaunchController(LaunchContexts launches, PatientAccess patients, UserRegistry users, AdminAccess admins) {
		this.launches = launches;
		this.patients = patients;
		this.users = users;
		this.admins = admins;
	}

	@PostMapping(PATH)
	ResponseEntity<Object> launch(@RequestBody(required = false) Map<String, Object> body) {
		Object patient = body == null ? null : body.get("patient");
		if (!(patient instanceof String patientId) || patientId.isBlank()) {
			return OAuthErrors.badRequest("Send {\"patient\": \"<Patient id>\"}");
		}
		Jwt token = AdminAccess.currentToken();
		boolean allowed;
		if (admins.isAdmin(token)) {
			allowed = patients.exists(patientId);
		} else {
			Optional<RegisteredUser> user = Optional.ofNullable(token).map(Jwt::getSubject).flatMap(users::find)
					.filter(RegisteredUser::enabled).filter(u -> u.role() == UserRole.CLINICIAN)
					// a user's token, not a client's whose id happens to be a username
					.filter(u -> u.fhirUser() != null && u.fhirUser().equals(token.getClaimAsString(SmartTokenClaims.FHIR_USER)));
			if (user.isEmpty()) {
				return OAuthErrors.forbidden("Only a clinician or an administrator may start an EHR launch");
			}
			allowed = patients.maySee(user.get(), patientId);
		}
		if (!allowed) {
			// the same answer for a missing patient and one the caller may not see
			return OAuthErrors.badRequest("No patient " + patientId + " that you may open");
		}
		String launch = launches.create(patientId, token.getSubject());
		return ResponseEntity.ok(Map.of("launch", launch, "patient", patientId, "expires_in", launches.lifetime().toSeconds()));
	}
}
