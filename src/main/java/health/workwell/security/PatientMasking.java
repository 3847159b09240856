package health.workwell.security;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * National ID numbers (identifier system {@value #NATIONAL_ID_SYSTEM}, or type v2-0203 {@code NNCHN})
 * and phone numbers ({@code telecom.system = phone}, also of the Patient's contacts) in outgoing
 * Patients, by who is looking:
 * <table>
 *   <tr><th>viewer</th><th>national ID</th><th>phone</th></tr>
 *   <tr><td>the employee themself, the administrator</td><td>shown</td><td>shown</td></tr>
 *   <tr><td>clinician (to reach the patient)</td><td>masked</td><td>shown</td></tr>
 *   <tr><td>integration, anyone else</td><td>masked</td><td>masked</td></tr>
 * </table>
 * Masked values keep their last 4 characters when 8 or more long ({@code **************1234}), none when shorter;
 * a masked Patient carries the
 * label v3-ObservationValue {@code MASKED}.
 */
final class PatientMasking {

	static final String NATIONAL_ID_SYSTEM = "http://workwell.health/fhir/sid/national-id";
	static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

	private PatientMasking() {}

	static Patient forViewer(GrantedAccess access, Patient patient) {
		boolean own = access.role() == AccessRole.EMPLOYEE && access.self().isPresent()
				&& access.self().get().equals(patient.getIdElement().getIdPart());
		if (own || access.role() == AccessRole.ADMIN) {
			return patient;
		}
		boolean maskPhone = access.role() != AccessRole.CLINICIAN;
		Patient masked = patient.copy();
		boolean changed = false;
		for (Identifier identifier : masked.getIdentifier()) {
			if (nationalId(identifier) && identifier.hasValue()) {
				identifier.setValue(mask(identifier.getValue()));
				changed = true;
			}
		}
		if (maskPhone) {
			changed |= maskPhones(masked.getTelecom());
			for (Patient.ContactComponent contact : masked.getContact()) {
				changed |= maskPhones(contact.getTelecom());
			}
		}
		if (changed) {
			masked.getMeta().addSecurity(OBSERVATION_VALUE, "MASKED", "masked");
		}
		return changed ? masked : patient;
	}

	/**
	 * A client that read a masked Patient and writes it back must not overwrite the stored numbers with
	 * the mask: a masked value (it starts with {@code *}) is replaced by the stored value of the same kind.
	 */
	static void keepStoredWhereMasked(Patient stored, Patient incoming) {
		String storedId = stored.getIdentifier().stream().filter(PatientMasking::nationalId).map(Identifier::getValue)
				.filter(java.util.Objects::nonNull).findFirst().orElse(null);
		for (Identifier identifier : incoming.getIdentifier()) {
			if (nationalId(identifier) && masked(identifier.getValue()) && storedId != null) {
				identifier.setValue(storedId);
			}
		}
		java.util.List<String> storedPhones = stored.getTelecom().stream()
				.filter(p -> p.getSystem() == ContactPoint.ContactPointSystem.PHONE && p.hasValue()).map(ContactPoint::getValue).toList();
		for (ContactPoint point : incoming.getTelecom()) {
			if (point.getSystem() == ContactPoint.ContactPointSystem.PHONE && masked(point.getValue())) {
				String value = point.getValue();
				storedPhones.stream().filter(p -> p.length() == value.length() && p.endsWith(value.replace("*", ""))).findFirst()
						.ifPresent(point::setValue);
			}
		}
		incoming.getMeta().getSecurity().removeIf(c -> OBSERVATION_VALUE.equals(c.getSystem()) && "MASKED".equals(c.getCode()));
	}

	private static boolean masked(String value) {
		return value != null && value.startsWith("*");
	}

	static boolean nationalId(Identifier identifier) {
		return NATIONAL_ID_SYSTEM.equals(identifier.getSystem()) || identifier.getType().getCoding().stream()
				.anyMatch(c -> "NNCHN".equals(c.getCode()));
	}

	private static boolean maskPhones(java.util.List<ContactPoint> telecom) {
		boolean changed = false;
		for (ContactPoint point : telecom) {
			if (point.getSystem() == ContactPoint.ContactPointSystem.PHONE && point.hasValue()) {
				point.setValue(mask(point.getValue()));
				changed = true;
			}
		}
		return changed;
	}

	static String mask(String value) {
		int keep = value.length() >= 8 ? 4 : 0; // a short value would be given away by its last 4

		return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
	}
}
