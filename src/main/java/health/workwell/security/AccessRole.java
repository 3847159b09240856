package health.workwell.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who the token's user or client is, from the {@code workwell_role} claim (docs/design.md §5). The
 * role decides whose records and which kinds of data may be reached; the scopes only narrow that
 * further (effective permission = role policy ∩ scopes ∩ Consent ∩ security labels).
 */
public enum AccessRole {
	/** An employee (fhirUser Patient/X): their own record only, whatever scopes the app asked for. */
	EMPLOYEE("employee"),
	/** A clinician or health manager (fhirUser Practitioner/Y): patients on their active care teams or who consented. */
	CLINICIAN("clinician"),
	/** Enterprise HR: no individual clinical record at all; de-identified report operations only. */
	HR("hr"),
	/** A device vendor's backend: creates Observations and Devices, reads back only what it created. */
	DEVICE_VENDOR("device-vendor"),
	/** A HIS/LIS backend: what its system scopes grant, without psychological or unconsented data. */
	INTEGRATION("integration"),
	/** The operator: what its system scopes grant. */
	ADMIN("admin"),
	/** An unknown role, or a token whose role cannot be established: nothing. */
	NONE("none");

	public static final String CLAIM = "workwell_role";

	private final String claimValue;

	AccessRole(String claimValue) {
		this.claimValue = claimValue;
	}

	public String claimValue() {
		return claimValue;
	}

	/** The role named by a claim value; an unknown name is {@link #NONE}, never a guess. */
	public static AccessRole fromClaim(String value) {
		Optional<AccessRole> role = Arrays.stream(values()).filter(r -> r != NONE && r.claimValue.equals(value)).findFirst();
		return role.orElse(NONE);
	}

	/** Roles that treat patients: they may search by security label. */
	boolean clinical() {
		return this == EMPLOYEE || this == CLINICIAN || this == ADMIN;
	}

	/** Roles that treat patients (employee, clinician, administrator), for rules outside this package. */
	public boolean treatsPatients() {
		return clinical();
	}
}
