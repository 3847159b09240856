package health.workwell.devices;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;

/**
 * Observations come back in device-time order: a search for Observations that names no {@code _sort}
 * is sorted by {@code date} (effective[x], the device's own clock), oldest first, so readings that
 * arrived late or out of order sit where they were measured. A client's own {@code _sort} is kept.
 */
@Interceptor
public class DeviceTimeOrder {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean sortByDeviceTime(RequestDetails request) {
		if (request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE
				&& "Observation".equals(request.getResourceName())
				&& !request.getParameters().containsKey(Constants.PARAM_SORT)) {
			Map<String, String[]> parameters = new HashMap<>(request.getParameters());
			parameters.put(Constants.PARAM_SORT, new String[] {"date"});
			request.setParameters(parameters);
		}
		return true;
	}
}
