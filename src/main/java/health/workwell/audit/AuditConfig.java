package health.workwell.audit;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail (registered with the REST server) and its protection (with the storage layer). */
@Configuration
public class AuditConfig {

	@Bean
	public AuditTrail auditTrail(DaoRegistry daos) {
		return new AuditTrail(daos.getResourceDao(AuditEvent.class));
	}

	@Bean
	public AuditEventsAreImmutable auditEventsAreImmutable(IInterceptorService storageInterceptors) {
		AuditEventsAreImmutable immutable = new AuditEventsAreImmutable();
		storageInterceptors.registerInterceptor(immutable);
		return immutable;
	}
}
