package health.workwell.testsupport;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/**
 * An occupational-exposure Observation that claims no profile and lacks what the exposure profile
 * requires (subject, value): a server that enforces WorkWell's conformance rules refuses it.
 */
public final class UnprofiledExposure {

	private UnprofiledExposure() {}

	public static Observation noise() {
		Observation exposure = new Observation();
		exposure.setStatus(Observation.ObservationStatus.FINAL);
		exposure.addCategory(new CodeableConcept(new Coding(
				"http://workwell.health/fhir/CodeSystem/observation-category", "occupational-exposure", null)));
		exposure.setCode(new CodeableConcept(new Coding("http://workwell.health/fhir/CodeSystem/hazard-agent", "noise", null)));
		return exposure;
	}
}
