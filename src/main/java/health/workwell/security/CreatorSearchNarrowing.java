package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A device vendor's searches are narrowed before they run to what the vendor's client created
 * ({@code _tag=}{@value LabelsOnWrite#CREATED_BY_SYSTEM}{@code |<client id>}, added to any tag the search
 * already names), so results and {@code Bundle.total} never count another client's records: a GET, a
 * {@code POST _search} and the search entries of a batch alike. (Its conditional creates:
 * {@link ConditionalMatchNarrowing}.)
 */
@Interceptor
public class CreatorSearchNarrowing {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrow(RequestDetails request) {
		GrantedAccess access = GrantedAccess.current();
		// by the operation, not the HTTP method: POST Type/_search is the same search
		if (access.role() != AccessRole.DEVICE_VENDOR || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
			return;
		}
		Map<String, String[]> parameters = new HashMap<>(request.getParameters());
		String[] tags = parameters.getOrDefault("_tag", new String[0]);
		String[] narrowed = Arrays.copyOf(tags, tags.length + 1);
		narrowed[tags.length] = creatorTag(access);
		parameters.put("_tag", narrowed);
		request.setParameters(parameters);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void narrowEntries(RequestDetails request, RestOperationTypeEnum operation) {
		GrantedAccess access = GrantedAccess.current();
		if (access.role() != AccessRole.DEVICE_VENDOR || !(request.getResource() instanceof Bundle bundle)
				|| (operation != RestOperationTypeEnum.BATCH && operation != RestOperationTypeEnum.TRANSACTION)) {
			return;
		}
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (!entry.getRequest().hasUrl() || entry.getRequest().getMethod() == null) {
				continue;
			}
			EntryRequest parsed = EntryRequest.of(entry.getRequest(), request.getFhirServerBase());
			boolean search = (parsed.method() == Bundle.HTTPVerb.GET || parsed.method() == Bundle.HTTPVerb.HEAD)
					&& parsed.type() != null && parsed.id() == null && parsed.operation() == null;
			if (search) {
				String url = entry.getRequest().getUrl();
				entry.getRequest().setUrl(url + (url.contains("?") ? "&" : "?") + "_tag=" + UrlUtil.escapeUrlParam(creatorTag(access)));
			}
		}
	}

	private static String creatorTag(GrantedAccess access) {
		return LabelsOnWrite.CREATED_BY_SYSTEM + "|" + access.client();
	}
}
