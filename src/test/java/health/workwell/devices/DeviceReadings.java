package health.workwell.devices;

import java.math.BigDecimal;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Device readings as a vendor's gateway sends them (IG device profiles, docs/design.md §3): a device
 * reference, the device's own time, and an identifier of device + patient + code + device time, so a
 * re-sent reading is a conditional create that finds the stored one.
 */
final class DeviceReadings {

	static final String READING_ID_SYSTEM = "http://workwell.health/fhir/sid/device-reading";
	private static final String LOINC = "http://loinc.org";
	private static final String UCUM = "http://unitsofmeasure.org";

	private DeviceReadings() {}

	static Device device(String type, String patientId) {
		Device device = new Device();
		String serial = type + "-" + UUID.randomUUID();
		device.addIdentifier().setSystem("http://example-vendor.com/fhir/sid/serial").setValue(serial);
		device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
		device.setManufacturer("Example Medical Devices Co.");
		device.setSerialNumber(serial);
		device.setType(new CodeableConcept(new Coding("http://workwell.health/fhir/CodeSystem/device-type", type, null)));
		device.setPatient(new Reference("Patient/" + patientId));
		return device;
	}

	static Observation bloodPressure(String patientId, String deviceId, String time, double systolic, double diastolic) {
		Observation reading = reading(patientId, deviceId, "vital-signs", "85354-9", time);
		reading.addComponent().setCode(loinc("8480-6")).setValue(mmHg(systolic));
		reading.addComponent().setCode(loinc("8462-4")).setValue(mmHg(diastolic));
		return reading;
	}

	static Observation homeBloodPressure(String patientId, String deviceId, String time, double systolic, double diastolic) {
		Observation reading = bloodPressure(patientId, deviceId, time, systolic, diastolic);
		reading.addCategory(new CodeableConcept(new Coding("http://workwell.health/fhir/CodeSystem/observation-category", "home-measurement", null)));
		return reading;
	}

	static Observation heartRate(String patientId, String deviceId, String time, double perMinute) {
		return reading(patientId, deviceId, "vital-signs", "8867-4", time).setValue(quantity(perMinute, "/min", "beats/minute"));
	}

	static Observation restingHeartRate(String patientId, String deviceId, String time, double perMinute) {
		Observation reading = heartRate(patientId, deviceId, time, perMinute);
		reading.getCode().addCoding(new Coding(LOINC, "40443-4", "Heart rate --resting"));
		reading.getIdentifierFirstRep().setValue(reading.getIdentifierFirstRep().getValue() + "-resting");
		return reading;
	}

	static Observation oxygenSaturation(String patientId, String deviceId, String time, double percent) {
		Observation reading = reading(patientId, deviceId, "vital-signs", "2708-6", time).setValue(quantity(percent, "%", "%"));
		reading.getCode().addCoding(new Coding(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"));
		return reading;
	}

	static Observation sleep(String patientId, String deviceId, String start, String end, double hours) {
		Observation reading = reading(patientId, deviceId, "activity", "93832-4", end);
		reading.setEffective(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
		return reading.setValue(quantity(hours, "h", "h"));
	}

	static Observation steps(String patientId, String deviceId, String start, String end, double steps) {
		Observation reading = reading(patientId, deviceId, "activity", "41950-7", end);
		reading.setEffective(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
		return reading.setValue(quantity(steps, "{steps}", "steps"));
	}

	static Observation bodyWeight(String patientId, String deviceId, String time, double kg) {
		return reading(patientId, deviceId, "vital-signs", "29463-7", time).setValue(quantity(kg, "kg", "kg"));
	}

	private static Observation reading(String patientId, String deviceId, String category, String code, String time) {
		Observation reading = new Observation();
		reading.setStatus(Observation.ObservationStatus.FINAL);
		reading.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", category, null)));
		reading.setCode(loinc(code));
		reading.setSubject(new Reference("Patient/" + patientId));
		reading.setDevice(new Reference("Device/" + deviceId));
		reading.setEffective(new DateTimeType(time));
		reading.addIdentifier().setSystem(READING_ID_SYSTEM).setValue(deviceId + "-" + patientId + "-" + code + "-" + time.replaceAll("[^0-9T]", ""));
		return reading;
	}

	/** A conditional create of each reading on its identifier, as a retrying gateway sends them. */
	static Bundle conditionalCreates(Bundle.BundleType type, Observation... readings) {
		Bundle bundle = new Bundle().setType(type);
		for (Observation reading : readings) {
			bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(reading).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation")
					.setIfNoneExist("identifier=" + java.net.URLEncoder.encode(
							READING_ID_SYSTEM + "|" + reading.getIdentifierFirstRep().getValue(), java.nio.charset.StandardCharsets.UTF_8));
		}
		return bundle;
	}

	private static CodeableConcept loinc(String code) {
		return new CodeableConcept(new Coding(LOINC, code, null));
	}

	private static Quantity mmHg(double value) {
		return quantity(value, "mm[Hg]", "mmHg");
	}

	private static Quantity quantity(double value, String code, String unit) {
		return new Quantity().setValue(BigDecimal.valueOf(value)).setSystem(UCUM).setCode(code).setUnit(unit);
	}
}
