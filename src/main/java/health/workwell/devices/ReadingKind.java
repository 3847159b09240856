package health.workwell.devices;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/** The device readings WorkWell checks and alerts on, by LOINC code (docs/design.md §3). */
public enum ReadingKind {
	BLOOD_PRESSURE("85354-9"),
	HEART_RATE("8867-4", "40443-4"),
	OXYGEN_SATURATION("2708-6", "59408-5"),
	STEPS("41950-7"),
	SLEEP("93832-4"),
	BODY_WEIGHT("29463-7"),
	GLUCOSE("2339-0", "15074-8", "2345-7", "14749-6", "1558-6", "14771-0", "41653-7", "14743-9");

	static final String LOINC = "http://loinc.org";
	static final String SYSTOLIC = "8480-6";
	static final String DIASTOLIC = "8462-4";

	private final List<String> codes;

	ReadingKind(String... codes) {
		this.codes = List.of(codes);
	}

	List<String> codes() {
		return codes;
	}

	/** A device reading: an Observation with a {@code device} and one of the kinds' codes. */
	static Optional<ReadingKind> of(Observation observation) {
		if (!observation.hasDevice()) {
			return Optional.empty();
		}
		for (Coding coding : observation.getCode().getCoding()) {
			if (LOINC.equals(coding.getSystem())) {
				Optional<ReadingKind> kind = Arrays.stream(values()).filter(k -> k.codes.contains(coding.getCode())).findFirst();
				if (kind.isPresent()) {
					return kind;
				}
			}
		}
		return Optional.empty();
	}
}
