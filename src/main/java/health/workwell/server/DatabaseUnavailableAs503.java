package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/** Inside the FHIR server: a request that failed because the database is out of reach gets 503, not 500. */
@Interceptor
public class DatabaseUnavailableAs503 {

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException translate(Throwable exception) {
		if (exception instanceof BaseServerResponseException answered && answered.getStatusCode() < 500) {
			return null;
		}
		return DatabaseUnavailable.isCause(exception) ? new DatabaseUnavailable() : null;
	}
}
