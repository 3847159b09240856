package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/**
 * The server's mark on what an employee wrote themself (patient-reported data): {@code meta.tag}
 * {@value #SYSTEM}{@code |<their Patient id>}, set when an employee creates a record, kept on every later
 * version whoever writes it, and never taken from a client (a tag of that system sent by anyone is
 * dropped). {@link WriteRules} lets an employee change or delete only records carrying their own mark.
 */
@Interceptor
public class PatientReported {

	public static final String SYSTEM = "http://workwell.health/fhir/CodeSystem/patient-reported";

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		if (resource instanceof Resource stored) {
			stored.getMeta().getTag().removeIf(PatientReported::isMark);
			GrantedAccess access = GrantedAccess.current();
			if (access.role() == AccessRole.EMPLOYEE) {
				access.self().ifPresent(self -> stored.getMeta().addTag(SYSTEM, self, "Reported by the patient"));
			}
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource before, IBaseResource after) {
		if (after instanceof Resource stored) {
			stored.getMeta().getTag().removeIf(PatientReported::isMark);
			if (before instanceof Resource previous) {
				previous.getMeta().getTag().stream().filter(PatientReported::isMark).forEach(tag -> stored.getMeta().addTag(tag.copy()));
			}
		}
	}

	/** The employee who reported this record, if one did. */
	static Optional<String> reporter(IBaseResource resource) {
		return resource instanceof Resource stored
				? stored.getMeta().getTag().stream().filter(PatientReported::isMark).map(Coding::getCode).findFirst()
				: Optional.empty();
	}

	private static boolean isMark(Coding tag) {
		return SYSTEM.equals(tag.getSystem());
	}
}
