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

	/** The interpretation the server adds, with the reason as its text. */
	static CodeableConcept questionable(String reason) {
		return new CodeableConcept(new Coding(SYSTEM, QUESTIONABLE, "Questionable")).setText(reason);
	}
}
