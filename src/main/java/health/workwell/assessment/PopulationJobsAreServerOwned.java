package health.workwell.assessment;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import health.workwell.server.ClientWriteGuard;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The Tasks that record population runs are written by the server alone: a client that could create
 * or change one would start a run with the server's privileges, or forge its progress (405). Runs are
 * started with the kick-off operations and cancelled with DELETE on their status URL.
 */
@Component
public class PopulationJobsAreServerOwned extends ClientWriteGuard {

	public PopulationJobsAreServerOwned(IInterceptorService storageInterceptors) {
		storageInterceptors.registerInterceptor(this);
	}

	@Override
	protected void refuseIfProtected(IBaseResource resource) {
		if (resource instanceof Task task
				&& task.getIdentifier().stream().anyMatch(i -> PopulationJob.JOB_ID_SYSTEM.equals(i.getSystem()))) {
			throw new MethodNotAllowedException("Population runs are started with Organization or Group $tier / $risk-assess "
					+ "(Prefer: respond-async) and cancelled with DELETE on their status URL; their Tasks cannot be written directly");
		}
	}
}
