package health.workwell.scoring.diabetes;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.scoring.Sex;
import org.junit.jupiter.api.Test;

/**
 * ADA Type 2 Diabetes Risk Test, point table as published by the CDC ("How your test is scored") after
 * Bang et al., Ann Intern Med 2009: age <40/40–49/50–59/≥60 → 0/1/2/3; man 1; gestational diabetes 1;
 * parent or sibling with diabetes 1; high blood pressure 1; not physically active 1; BMI <25/25–29.9/
 * 30–39.9/≥40 → 0/1/2/3; maximum 10; 5 or more = at risk.
 */
class AdaDiabetesRiskTestTest {

	private static DiabetesInputs person(Sex sex, int age, Boolean gdm, boolean family, boolean hypertension, boolean active,
			double bmi) {
		return new DiabetesInputs(sex, age, gdm, family, hypertension, active, bmi, null, null);
	}

	@Test
	void lowestAndHighestScores() {
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.FEMALE, 39, false, false, false, true, 24.9))))
				.isEqualTo(new DiabetesScore(0, 10, false));
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.MALE, 60, null, true, true, false, 40.0))))
				.isEqualTo(new DiabetesScore(10, 10, true));
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.FEMALE, 60, true, true, true, false, 40.0))))
				.isEqualTo(new DiabetesScore(10, 10, true));
	}

	@Test
	void cutOffAtFive() {
		// man (1) aged 45 (1), inactive (1), BMI 27 (1): 4 — then a parent with diabetes makes 5
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.MALE, 45, null, false, false, false, 27))).points()).isEqualTo(4);
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.MALE, 45, null, false, false, false, 27))).atRisk()).isFalse();
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.MALE, 45, null, true, false, false, 27))))
				.isEqualTo(new DiabetesScore(5, 10, true));
	}

	@Test
	void ageAndBmiBandEdges() {
		assertThat(AdaDiabetesRiskTest.agePoints(39)).isZero();
		assertThat(AdaDiabetesRiskTest.agePoints(40)).isEqualTo(1);
		assertThat(AdaDiabetesRiskTest.agePoints(49)).isEqualTo(1);
		assertThat(AdaDiabetesRiskTest.agePoints(50)).isEqualTo(2);
		assertThat(AdaDiabetesRiskTest.agePoints(59)).isEqualTo(2);
		assertThat(AdaDiabetesRiskTest.agePoints(60)).isEqualTo(3);
		assertThat(AdaDiabetesRiskTest.bmiPoints(24.99)).isZero();
		assertThat(AdaDiabetesRiskTest.bmiPoints(25.0)).isEqualTo(1);
		assertThat(AdaDiabetesRiskTest.bmiPoints(29.99)).isEqualTo(1);
		assertThat(AdaDiabetesRiskTest.bmiPoints(30.0)).isEqualTo(2);
		assertThat(AdaDiabetesRiskTest.bmiPoints(39.99)).isEqualTo(2);
		assertThat(AdaDiabetesRiskTest.bmiPoints(40.0)).isEqualTo(3);
	}

	@Test
	void gestationalDiabetesIsAskedOfWomenOnly() {
		assertThat(reasons(AdaDiabetesRiskTest.assess(person(Sex.FEMALE, 45, null, false, false, true, 22))))
				.containsExactly("history of gestational diabetes is missing");
		// a man's answer to the gestational question, if any, never scores
		assertThat(computed(AdaDiabetesRiskTest.assess(person(Sex.MALE, 45, true, false, false, true, 22))).points()).isEqualTo(2);
	}
}
