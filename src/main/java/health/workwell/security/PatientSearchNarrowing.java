package health.workwell.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;

/**
 * A patient-scoped token's searches are narrowed to the patient's compartment before they run, so
 * results and {@code Bundle.total} never include anyone else; a search that names another patient is
 * refused.
 */
public class PatientSearchNarrowing extends SearchNarrowingInterceptor {

	@Override
	protected AuthorizedList buildAuthorizedList(RequestDetails request) {
		GrantedAccess access = GrantedAccess.current();
		if (access.isPatientScoped()) {
			return new AuthorizedList().addCompartment("Patient/" + access.patient().get());
		}
		return null;
	}
}
