package health.workwell.devices;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Set;

/**
 * Two copies of a reading sent at the same moment (a gateway retrying on a second connection) race to
 * the same conditional create: HAPI lets one insert its identifier's match URL and fails the other on
 * the unique index with a version conflict (409). Retrying that request's transaction finds the stored
 * copy, so the second client gets it back (200) instead of an error, as a sequential retry would.
 * Only creates and batch/transaction Bundles are retried: a stale {@code If-Match} stays a 412 at once.
 */
@Interceptor
public class ConditionalCreateRetry {

	private static final Set<RestOperationTypeEnum> RETRIED = Set.of(RestOperationTypeEnum.CREATE, RestOperationTypeEnum.TRANSACTION);
	private final int maxRetries;

	public ConditionalCreateRetry(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	public ResourceVersionConflictResolutionStrategy onConflict(RequestDetails request) {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		boolean retry = request instanceof SystemRequestDetails
				|| (request != null && RETRIED.contains(request.getRestOperationType()) && request.getHeader("If-Match") == null);
		strategy.setRetry(retry);
		strategy.setMaxRetries(retry ? maxRetries : 0);
		return strategy;
	}
}
