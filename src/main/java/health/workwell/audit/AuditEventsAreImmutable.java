package health.workwell.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * The audit trail is written by the server alone: through the API an AuditEvent can be read and
 * searched, never created, changed or deleted (405), also not inside a batch or transaction.
 */
@Interceptor
public class AuditEventsAreImmutable {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(RequestDetails request, IBaseResource resource) {
		refuse(request, resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		refuse(request, resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(RequestDetails request, IBaseResource resource) {
		refuse(request, resource);
	}

	private static void refuse(RequestDetails request, IBaseResource resource) {
		if (resource instanceof AuditEvent && request != null && !(request instanceof SystemRequestDetails)) {
			throw new MethodNotAllowedException("AuditEvents are written by the server only and cannot be created, changed or deleted");
		}
	}
}
