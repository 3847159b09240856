package health.workwell.audit;

import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import health.workwell.server.ClientWriteGuard;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * The audit trail is written by the server alone: through the API an AuditEvent can be read and
 * searched, never created, changed or deleted (405), also not inside a batch or transaction.
 */
public class AuditEventsAreImmutable extends ClientWriteGuard {

	@Override
	protected void refuseIfProtected(IBaseResource resource) {
		if (resource instanceof AuditEvent) {
			throw new MethodNotAllowedException("AuditEvents are written by the server only and cannot be created, changed or deleted");
		}
	}
}
