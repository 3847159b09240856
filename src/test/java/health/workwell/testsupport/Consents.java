package health.workwell.testsupport;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/** Employee Consents as docs/security.md "Consent" describes them (PIPL Art. 29: one per purpose). */
public final class Consents {

	public static final String PURPOSE_SYSTEM = "http://workwell.health/fhir/CodeSystem/consent-purpose";

	private Consents() {}

	/** An active consent to process psychological data ({@code psychological-data}). */
	public static Consent psychological(String patientReference) {
		return purpose(patientReference, "psychological-data");
	}

	/** An active consent to process occupational-disease data ({@code occupational-disease-data}). */
	public static Consent occupational(String patientReference) {
		return purpose(patientReference, "occupational-disease-data");
	}

	/** The employee's privacy consent with no purpose category yet: a base to add a permit or deny provision to. */
	public static Consent privacy(String patientReference) {
		Consent consent = new Consent();
		consent.setStatus(Consent.ConsentState.ACTIVE);
		consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
		consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		consent.setPatient(new Reference(patientReference));
		consent.setDateTimeElement(DateTimeType.now());
		consent.addPolicy().setUri("http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml");
		return consent;
	}

	private static Consent purpose(String patientReference, String purpose) {
		Consent consent = privacy(patientReference);
		consent.addCategory(new CodeableConcept(new Coding(PURPOSE_SYSTEM, purpose, null)));
		consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
		return consent;
	}
}
