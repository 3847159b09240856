package health.workwell.security;

import java.util.Optional;

/**
 * A person who may sign in: their role and who they are in FHIR ({@code fhirUser}, e.g.
 * {@code Patient/123} for an employee, {@code Practitioner/456} for a clinician).
 */
public record RegisteredUser(String username, UserRole role, String fhirUser, boolean enabled) {

	/** The id of the user's own Patient record, for an employee. */
	Optional<String> ownPatientId() {
		return fhirUser != null && fhirUser.startsWith("Patient/") ? Optional.of(fhirUser.substring(8)) : Optional.empty();
	}

	/** The id of the user's Practitioner record, for staff. */
	Optional<String> practitionerId() {
		return fhirUser != null && fhirUser.startsWith("Practitioner/") ? Optional.of(fhirUser.substring(13)) : Optional.empty();
	}
}
