package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import health.workwell.conformance.ProfileEnforcement;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;

/**
 * Runs a transaction of the operations' outputs and gives each written resource its stored id. The
 * outputs are marked as the server's own ({@link ProfileEnforcement#SERVER_GENERATED}, decision 17):
 * they are not validated again one by one; the tests validate every kind of output.
 */
final class ConditionalWrites {

	private ConditionalWrites() {}

	/** Commits {@code transaction} atomically; afterwards each entry's resource carries its id and version. */
	static void commit(IFhirSystemDao<Bundle, Meta> systemDao, RequestDetails request, Bundle transaction) {
		Object before = request.getUserData().put(ProfileEnforcement.SERVER_GENERATED, Boolean.TRUE);
		Bundle response;
		try {
			response = systemDao.transaction(request, transaction);
		} finally {
			request.getUserData().put(ProfileEnforcement.SERVER_GENERATED, before);
		}
		// a transaction response lists its entries in the order of the request's
		for (int i = 0; i < transaction.getEntry().size(); i++) {
			transaction.getEntry().get(i).getResource()
					.setId(new IdType(response.getEntry().get(i).getResponse().getLocation()));
		}
	}
}
