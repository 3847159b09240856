package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Which records are psychological or occupational-disease data, and the labels written on them. */
class SensitiveDataTest {

	@Test
	void phq9AndGad7ResponsesScoresAndCrisisTasksArePsychological() {
		assertThat(SensitiveData.psychological(new QuestionnaireResponse()
				.setQuestionnaire("http://workwell.health/fhir/Questionnaire/phq-9|1.0.0"))).isTrue();
		assertThat(SensitiveData.psychological(new QuestionnaireResponse()
				.setQuestionnaire("http://workwell.health/fhir/Questionnaire/gad-7"))).isTrue();
		assertThat(SensitiveData.psychological(new QuestionnaireResponse()
				.setQuestionnaire("http://workwell.health/fhir/Questionnaire/lifestyle"))).isFalse();
		assertThat(SensitiveData.psychological(new Observation().setCode(loinc("44261-6")))).as("PHQ-9 total").isTrue();
		assertThat(SensitiveData.psychological(new Observation().setCode(loinc("70274-6")))).as("GAD-7 total").isTrue();
		assertThat(SensitiveData.psychological(new Observation().setCode(loinc("44260-8")))).as("PHQ-9 item 9").isTrue();
		assertThat(SensitiveData.psychological(new Observation().setCode(loinc("8867-4")))).isFalse();
		RiskAssessment phq9 = new RiskAssessment();
		phq9.getMethod().addCoding().setSystem("http://workwell.health/fhir/CodeSystem/risk-model").setCode("phq-9");
		assertThat(SensitiveData.psychological(phq9)).isTrue();
		Task crisis = new Task().setCode(new CodeableConcept(new Coding("http://workwell.health/fhir/CodeSystem/intervention",
				"crisis-follow-up", null)));
		assertThat(SensitiveData.psychological(crisis)).isTrue();
	}

	@Test
	void psychologicalRecordsAreLabelledMentalHealthAndRestrictedOnce() {
		Observation total = new Observation().setCode(loinc("44261-6"));
		SensitiveData.label(total);
		SensitiveData.label(total);
		assertThat(total.getMeta().getSecurity()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
				org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "MH"),
				org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"));
		Observation heartRate = new Observation().setCode(loinc("8867-4"));
		SensitiveData.label(heartRate);
		assertThat(heartRate.getMeta().getSecurity()).isEmpty();
	}

	@Test
	void occupationalDataIsRecognisedByCategoryAndProfile() {
		Observation exposure = new Observation();
		exposure.addCategory().addCoding().setSystem("http://workwell.health/fhir/CodeSystem/observation-category").setCode("occupational-exposure");
		assertThat(SensitiveData.occupational(exposure)).isTrue();
		Condition silicosis = new Condition();
		silicosis.addCategory().addCoding().setCode("occupational-disease");
		assertThat(SensitiveData.occupational(silicosis)).isTrue();
		assertThat(SensitiveData.occupational(new Condition())).isFalse();
	}

	private static CodeableConcept loinc(String code) {
		return new CodeableConcept(new Coding("http://loinc.org", code, null));
	}
}
