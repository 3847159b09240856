package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A device vendor's searches are narrowed before they run to what the vendor's client created
 * ({@code _tag=}{@value LabelsOnWrite#CREATED_BY_SYSTEM}{@code |<client id>}, added to any tag the search
 * already names), so results and {@code Bundle.total} never count another client's records.
 */
@Interceptor
public class CreatorSearchNarrowing {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrow(RequestDetails request) {
		GrantedAccess access = GrantedAccess.current();
		if (access.role() != AccessRole.DEVICE_VENDOR || request.getRequestType() != RequestTypeEnum.GET
				|| request.getResourceName() == null || request.getId() != null) {
			return;
		}
		Map<String, String[]> parameters = new HashMap<>(request.getParameters());
		String[] tags = parameters.getOrDefault("_tag", new String[0]);
		String[] narrowed = Arrays.copyOf(tags, tags.length + 1);
		narrowed[tags.length] = LabelsOnWrite.CREATED_BY_SYSTEM + "|" + access.client();
		parameters.put("_tag", narrowed);
		request.setParameters(parameters);
	}
}
