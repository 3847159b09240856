package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A batch or transaction entry whose request says something else than its resource is refused (400), not
 * guessed at: HAPI stores a POST to {@code Observation} carrying a Patient as a Patient, a PUT to
 * {@code Patient/a} carrying id {@code b} as {@code a}, and an entry with an empty URL by its resource type. FHIR R4
 * http.html#transaction: the entry's request URL names the resource type (and, for PUT, the id) of its resource.
 */
@Interceptor
public class TransactionEntryConsistency {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request) {
		if (!(request.getResource() instanceof Bundle bundle)
				|| (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH)) {
			return;
		}
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
			Resource resource = entry.getResource();
			Bundle.HTTPVerb method = entry.getRequest().getMethod();
			if (resource == null || (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT)) {
				continue;
			}
			String url = entry.getRequest().getUrl() == null ? "" : entry.getRequest().getUrl().replaceFirst("^/", "");
			if (url.contains("://")) {
				continue; // absolute URLs are HAPI's to refuse
			}
			String path = url.split("\\?", 2)[0];
			String[] segments = path.split("/");
			String type = resource.fhirType();
			if (!type.equals(segments[0])) {
				throw new InvalidRequestException("Bundle entry " + i + ": request " + method.toCode() + " '" + url
						+ "' does not name the type of its resource (" + type + ")");
			}
			if (method == Bundle.HTTPVerb.PUT && segments.length == 2 && resource.hasIdElement()
					&& resource.getIdElement().hasIdPart() && !resource.getIdElement().getIdPart().equals(segments[1])) {
				throw new InvalidRequestException("Bundle entry " + i + ": PUT '" + url + "' carries a resource with id '"
						+ resource.getIdElement().getIdPart() + "'");
			}
		}
	}
}
