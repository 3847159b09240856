package health.workwell.devices;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/**
 * The server's mark on a physiologically implausible reading: kept, but excluded from scores and alert
 * windows. R4's v3 ObservationInterpretation has no code for it (QCF, "quality control failure", is
 * deprecated and means a failed laboratory control), so the mark is WorkWell's own code (IG CodeSystem
 * reading-quality).
 */
public final class ReadingQuality {

	public static final String SYSTEM = "http://workwell.health/fhir/CodeSystem/reading-quality";
	public static final String QUESTIONABLE = "questionable";

	private ReadingQuality() {}

	public static boolean isQuestionable(Observation observation) {
		return observation.getInterpretation().stream()
				.flatMap(concept -> concept.getCoding().stream())
				.anyMatch(coding -> SYSTEM.equals(coding.getSystem()) && QUESTIONABLE.equals(coding.getCode()));
	}

	/**
	 * Usable by scores and alerts: final, amended or corrected, and not marked questionable. (An
	 * Observation entered in error, preliminary or cancelled never counts.)
	 */
	public static boolean isUsable(Observation observation) {
		boolean finalStatus = switch (observation.getStatus() == null ? Observation.ObservationStatus.NULL : observation.getStatus()) {
			case FINAL, AMENDED, CORRECTED -> true;
			default -> false;
		};
		return finalStatus && !isQuestionable(observation);
	}

	/** A duration in h, min or s as hours; empty for any other unit. */
	static java.util.Optional<Double> hours(org.hl7.fhir.r4.model.Quantity duration) {
		double value = duration.getValue().doubleValue();
		return switch (String.valueOf(duration.getCode())) {
			case "h" -> java.util.Optional.of(value);
			case "min" -> java.util.Optional.of(value / 60);
			case "s" -> java.util.Optional.of(value / 3600);
			default -> java.util.Optional.empty();
		};
	}

	/** The interpretation the server adds, with the reason as its text. */
	static CodeableConcept questionable(String reason) {
		return new CodeableConcept(new Coding(SYSTEM, QUESTIONABLE, "Questionable")).setText(reason);
	}
}
