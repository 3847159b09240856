package health.workwell.devices;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registered device that has sent readings and then none for the configured number of days raises
 * a device-silent alert on its patient; a new reading from it closes the alert. Every node checks all
 * active devices on a timer (the writes are idempotent), and a device is checked again whenever one of
 * its readings arrives.
 */
public class SilentDevices {

	private static final Logger log = LoggerFactory.getLogger(SilentDevices.class);
	static final String CODE = "device-silent";
	private static final String DISPLAY = "Device stopped sending";

	private final DaoRegistry daos;
	private final AlertFlags flags;
	private final Duration silence;
	private final Clock clock;

	SilentDevices(DaoRegistry daos, AlertFlags flags, int silentDays, Clock clock) {
		this.daos = daos;
		this.flags = flags;
		this.silence = Duration.ofDays(silentDays);
		this.clock = clock;
	}

	/** Checks every active device that belongs to a patient; returns how many were checked. */
	public int checkAll() {
		SearchParameterMap search = SearchParameterMap.newSynchronous();
		search.add(Device.SP_STATUS, new TokenParam("active"));
		int checked = 0;
		for (var resource : daos.getResourceDao(Device.class).searchForResources(search, ServerWrites.request())) {
			Device device = (Device) resource;
			if (device.hasPatient() && device.getPatient().getReferenceElement().hasIdPart()) {
				try {
					check(device.getIdElement().getIdPart(), device.getPatient().getReferenceElement().getIdPart());
					checked++;
				} catch (RuntimeException e) {
					log.warn("Could not check device {} for silence", device.getIdElement().getIdPart(), e);
				}
			}
		}
		return checked;
	}

	/**
	 * A reading from the device arrived: only an open device-silent alert can change (the timer opens
	 * them), so this is one read by id unless the alert is open.
	 */
	void readingArrived(String deviceId, String patientId) {
		if (flags.isActive(alert(deviceId, patientId))) {
			check(deviceId, patientId);
		}
	}

	private static AlertFlags.Alert alert(String deviceId, String patientId) {
		return new AlertFlags.Alert(patientId, CODE, DISPLAY, deviceId);
	}

	void check(String deviceId, String patientId) {
		Optional<OffsetDateTime> newest = newestReading(deviceId);
		if (newest.isEmpty()) {
			return; // never sent anything: not stopped
		}
		OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(silence);
		boolean silent = newest.get().isBefore(cutoff);
		String summary = "newest reading at " + newest.get() + (silent ? ", nothing for more than " : ", within ")
				+ silence.toDays() + " days";
		AlertRules.Finding finding = silent
				? new AlertRules.Finding(true, java.util.List.of(), "Device/" + deviceId + " " + summary)
				: AlertRules.Finding.closed(summary);
		flags.reconcile(alert(deviceId, patientId), finding);
	}

	private Optional<OffsetDateTime> newestReading(String deviceId) {
		SearchParameterMap search = SearchParameterMap.newSynchronous();
		search.add(Observation.SP_DEVICE, new ReferenceParam("Device/" + deviceId));
		search.setSort(new SortSpec(Observation.SP_DATE, SortOrderEnum.DESC));
		search.setCount(1);
		return daos.getResourceDao(Observation.class).searchForResources(search, ServerWrites.request()).stream()
				.findFirst()
				.flatMap(reading -> DeviceAlerts.deviceTime(((Observation) reading).getEffective()));
	}
}
