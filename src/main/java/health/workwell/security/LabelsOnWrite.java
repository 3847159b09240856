package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Server-side marks on every stored resource, whoever writes it (REST, transactions, the operations'
 * outputs): the psychological labels ({@link SensitiveData#label}), and the creating client's tag on
 * what a device vendor creates ({@value #CREATED_BY_SYSTEM}{@code |<client id>}), which is how a
 * vendor is later held to reading back only its own records; and the employee's mark on what they
 * create ({@link PatientReported}). A tag of those systems sent by a client is dropped: only the server
 * sets them, and later versions keep them. A Patient written back with the masked national ID or phone numbers a
 * viewer was shown keeps the stored values ({@link PatientMasking#keepStoredWhereMasked}).
 */
@Interceptor
public class LabelsOnWrite {

	public static final String CREATED_BY_SYSTEM = "http://workwell.health/fhir/CodeSystem/created-by-client";
	private static final java.util.Set<String> SERVER_TAG_SYSTEMS = java.util.Set.of(CREATED_BY_SYSTEM, PatientReported.SYSTEM);

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		if (resource instanceof Resource stored) {
			stored.getMeta().getTag().removeIf(LabelsOnWrite::serverTag);
			GrantedAccess access = GrantedAccess.current();
			if (access.role() == AccessRole.DEVICE_VENDOR) {
				stored.getMeta().addTag(CREATED_BY_SYSTEM, access.client(), null);
			}
			if (access.role() == AccessRole.EMPLOYEE) {
				access.self().ifPresent(self -> stored.getMeta().addTag(PatientReported.SYSTEM, self, PatientReported.DISPLAY));
			}
			SensitiveData.label(stored);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource before, IBaseResource after) {
		if (after instanceof Resource stored) {
			stored.getMeta().getTag().removeIf(LabelsOnWrite::serverTag);
			if (before instanceof Resource previous) {
				// the creator stays the creator, the reporter the reporter
				previous.getMeta().getTag().stream().filter(LabelsOnWrite::serverTag)
						.forEach(tag -> stored.getMeta().addTag(tag.copy()));
			}
			SensitiveData.label(stored);
			if (before instanceof org.hl7.fhir.r4.model.Patient previous && after instanceof org.hl7.fhir.r4.model.Patient patient) {
				PatientMasking.keepStoredWhereMasked(previous, patient);
			}
		}
	}

	private static boolean serverTag(org.hl7.fhir.r4.model.Coding tag) {
		return SERVER_TAG_SYSTEMS.contains(tag.getSystem());
	}
}
