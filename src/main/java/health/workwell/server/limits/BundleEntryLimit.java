package health.workwell.server.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import org.hl7.fhir.r4.model.Bundle;

/** Refuses a Bundle with more entries than configured (413), before any entry is processed. */
@Interceptor
public class BundleEntryLimit {

	private final int maxEntries;

	public BundleEntryLimit(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request) {
		if (request.getResource() instanceof Bundle bundle && bundle.getEntry().size() > maxEntries) {
			throw new PayloadTooLargeException("Bundle has " + bundle.getEntry().size()
					+ " entries; this server accepts at most " + maxEntries + " per request");
		}
	}
}
