package health.workwell.devices;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert rules as readings arrive: notes which patients and devices a request's stored
 * readings touch, and once the request's writes are committed (just before the response goes out),
 * re-evaluates each touched patient's rules and each touched device's silence. The evaluation reads
 * what is stored, so a batch whose entries partly failed, or readings that came out of order, give the
 * same alerts as any other order would. A failed evaluation does not fail the request: the readings
 * are stored, and the next reading (or the silent-device timer) evaluates again.
 */
@Interceptor
public class AlertTrigger {

	private static final Logger log = LoggerFactory.getLogger(AlertTrigger.class);
	private static final String TOUCHED = AlertTrigger.class.getName() + ".touched";

	private record Touched(String patientId, DeviceAlerts.Rule rule, String deviceId) {}

	private final DeviceAlerts alerts;
	private final SilentDevices silentDevices;

	AlertTrigger(DeviceAlerts alerts, SilentDevices silentDevices) {
		this.alerts = alerts;
		this.silentDevices = silentDevices;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		note(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		note(resource, request);
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean beforeResponse(RequestDetails request) {
		@SuppressWarnings("unchecked")
		Set<Touched> touched = (Set<Touched>) request.getUserData().remove(TOUCHED);
		if (touched == null) {
			return true;
		}
		Set<String> rulesDone = new LinkedHashSet<>();
		Set<String> devicesDone = new LinkedHashSet<>();
		for (Touched t : touched) {
			try {
				if (t.rule() != null && rulesDone.add(t.patientId() + "|" + t.rule())) {
					alerts.evaluate(t.patientId(), t.rule());
				}
				if (t.deviceId() != null && devicesDone.add(t.deviceId() + "|" + t.patientId())) {
					silentDevices.readingArrived(t.deviceId(), t.patientId());
				}
			} catch (RuntimeException e) {
				log.warn("Alert evaluation for patient {} failed; it runs again with the next reading", t.patientId(), e);
			}
		}
		return true;
	}

	private static void note(IBaseResource resource, RequestDetails request) {
		if (request == null || !(resource instanceof Observation reading)) {
			return;
		}
		var kind = ReadingKind.of(reading);
		if (kind.isEmpty() || !reading.getSubject().getReferenceElement().hasIdPart()
				|| !"Patient".equals(reading.getSubject().getReferenceElement().getResourceType())) {
			return;
		}
		String patientId = reading.getSubject().getReferenceElement().getIdPart();
		String deviceId = reading.getDevice().getReferenceElement().hasIdPart()
				&& "Device".equals(reading.getDevice().getReferenceElement().getResourceType())
				? reading.getDevice().getReferenceElement().getIdPart() : null;
		DeviceAlerts.Rule rule = DeviceAlerts.Rule.fedBy(kind.get())
				.filter(r -> r != DeviceAlerts.Rule.RESTING_HEART_RATE_OUT_OF_RANGE || isResting(reading))
				.orElse(null);
		@SuppressWarnings("unchecked")
		Set<Touched> touched = (Set<Touched>) request.getUserData().computeIfAbsent(TOUCHED, key -> new LinkedHashSet<>());
		touched.add(new Touched(patientId, rule, deviceId));
	}

	private static boolean isResting(Observation reading) {
		return reading.getCode().getCoding().stream()
				.anyMatch(c -> ReadingKind.LOINC.equals(c.getSystem()) && DeviceAlerts.RESTING_HEART_RATE.equals(c.getCode()));
	}
}
