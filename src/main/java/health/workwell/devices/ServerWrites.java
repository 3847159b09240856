package health.workwell.devices;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import health.workwell.conformance.ProfileEnforcement;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;

/**
 * The server's own writes about device data (DetectedIssues, alert Flags and Tasks): made with a
 * system request, so the caller's access rules do not apply to them (a device vendor may not write a
 * Flag, but its reading may raise one), marked as server-generated (decision 17: not re-validated; the
 * tests validate each kind), and stored under name-based ids so that repeating a write, or two nodes
 * racing to make it, gives the same resource.
 */
final class ServerWrites {

	private ServerWrites() {}

	static SystemRequestDetails request() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.getUserData().put(ProfileEnforcement.SERVER_GENERATED, Boolean.TRUE);
		return request;
	}

	static String nameBasedId(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** Writes the resources (each already carrying its id) by PUT in one transaction. */
	static void putAll(IFhirSystemDao<Bundle, Meta> systemDao, Resource... resources) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource resource : resources) {
			transaction.addEntry().setResource(resource).getRequest()
					.setMethod(Bundle.HTTPVerb.PUT).setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
		}
		systemDao.transaction(request(), transaction);
	}
}
