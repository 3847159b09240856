package health.workwell.devices;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;

/**
 * A batch or transaction Bundle that carries device readings holds at most the configured number of
 * entries (default 1,000; 413 beyond, before any entry runs): gateways upload in chunks, and one
 * oversized upload must not hold a database transaction for long. Other Bundles (a hospital's
 * transaction of a whole record) keep the server-wide limit.
 */
@Interceptor
public class DeviceBundleLimit {

	private final int maxEntries;

	public DeviceBundleLimit(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request) {
		if (request.getResource() instanceof Bundle bundle && bundle.getEntry().size() > maxEntries
				&& bundle.getEntry().stream().anyMatch(e -> e.getResource() instanceof Observation o && ReadingKind.of(o).isPresent())) {
			throw new PayloadTooLargeException("Bundle of device readings has " + bundle.getEntry().size()
					+ " entries; this server accepts at most " + maxEntries + " per upload (workwell.devices.max-bundle-entries)");
		}
	}
}
