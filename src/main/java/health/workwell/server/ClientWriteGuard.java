package health.workwell.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Resources that clients may read but never create, change or delete, whether alone or inside a
 * batch or transaction; the server's own writes (as the system) pass. Register with the storage
 * layer's interceptor service. A subclass says which resources are protected by throwing from
 * {@link #refuseIfProtected}; on an update both the stored and the new version are checked.
 */
@Interceptor
public abstract class ClientWriteGuard {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(RequestDetails request, IBaseResource resource) {
		check(request, resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		check(request, previous);
		check(request, resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(RequestDetails request, IBaseResource resource) {
		check(request, resource);
	}

	private void check(RequestDetails request, IBaseResource resource) {
		if (request != null && !(request instanceof SystemRequestDetails) && resource != null) {
			refuseIfProtected(resource);
		}
	}

	/** Throws (405 Method Not Allowed) when a client may not write this resource. */
	protected abstract void refuseIfProtected(IBaseResource resource);
}
