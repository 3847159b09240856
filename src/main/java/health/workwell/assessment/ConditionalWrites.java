package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;

/** Runs a transaction of the operations' outputs and gives each written resource its stored id. */
final class ConditionalWrites {

	private ConditionalWrites() {}

	/** Commits {@code transaction} atomically; afterwards each entry's resource carries its id and version. */
	static void commit(IFhirSystemDao<Bundle, Meta> systemDao, RequestDetails request, Bundle transaction) {
		Bundle response = systemDao.transaction(request, transaction);
		// a transaction response lists its entries in the order of the request's
		for (int i = 0; i < transaction.getEntry().size(); i++) {
			transaction.getEntry().get(i).getResource()
					.setId(new IdType(response.getEntry().get(i).getResponse().getLocation()));
		}
	}
}
