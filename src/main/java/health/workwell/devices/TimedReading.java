package health.workwell.devices;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A plausible reading reduced to what the alert rules need: the device's own time (with its UTC
 * offset, so that a day is the device's calendar day), one or two values, and whether it was measured
 * at home.
 *
 * @param id the Observation's id (the alert's evidence)
 * @param value heart rate, SpO2, sleep hours, or systolic
 * @param secondValue diastolic for blood pressure, otherwise unused
 */
record TimedReading(String id, OffsetDateTime deviceTime, double value, double secondValue, boolean home) {

	LocalDate day() {
		return deviceTime.toLocalDate();
	}
}
