package health.workwell.security;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The server's mark on what an employee wrote themself (patient-reported data): {@code meta.tag}
 * {@value #SYSTEM}{@code |<their Patient id>}, set by {@link LabelsOnWrite} when an employee creates a
 * record, kept on every later version whoever writes it, never taken from a client. {@link WriteRules}
 * lets an employee change or delete only records carrying their own mark.
 */
public final class PatientReported {

	public static final String SYSTEM = "http://workwell.health/fhir/CodeSystem/patient-reported";
	static final String DISPLAY = "Reported by the patient";

	private PatientReported() {}

	/** The employee who reported this record, if one did. */
	static Optional<String> reporter(IBaseResource resource) {
		return resource instanceof Resource stored
				? stored.getMeta().getTag().stream().filter(tag -> SYSTEM.equals(tag.getSystem())).map(tag -> tag.getCode()).findFirst()
				: Optional.empty();
	}
}
