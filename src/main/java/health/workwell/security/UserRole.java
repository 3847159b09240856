package health.workwell.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The role of a person who signs in (claim {@code workwell_role}). Clients (devices, integrations) carry
 * their own roles in their registrations.
 */
public enum UserRole {
	EMPLOYEE("employee", "Patient"),
	CLINICIAN("clinician", "Practitioner"),
	HR("hr", "Practitioner"),
	ADMIN("admin", "Practitioner");

	private final String claim;
	/** The resource type the user's {@code fhirUser} must name. */
	private final String fhirUserType;

	UserRole(String claim, String fhirUserType) {
		this.claim = claim;
		this.fhirUserType = fhirUserType;
	}

	public String claim() {
		return claim;
	}

	String fhirUserType() {
		return fhirUserType;
	}

	static Optional<UserRole> fromClaim(String value) {
		return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
	}
}
