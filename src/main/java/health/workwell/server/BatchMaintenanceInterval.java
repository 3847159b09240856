package health.workwell.server;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.maintenance.JobMaintenanceServiceImpl;
import org.springframework.stereotype.Component;

/**
 * Batch jobs (Bulk Data export, reindex) advance one step per maintenance pass, every 60 s by default
 * in HAPI, so a one-patient export took almost 4 minutes. WorkWell passes every few seconds instead
 * ({@code workwell.batch.maintenance-interval-millis}).
 */
@Component
public class BatchMaintenanceInterval {

	public BatchMaintenanceInterval(IJobMaintenanceService maintenance, WorkWellProperties properties) {
		if (maintenance instanceof JobMaintenanceServiceImpl impl) {
			impl.setScheduledJobFrequencyMillis(properties.batch().maintenanceIntervalMillis());
		}
	}
}
