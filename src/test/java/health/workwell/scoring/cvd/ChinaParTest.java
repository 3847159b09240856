package health.workwell.scoring.cvd;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import health.workwell.scoring.Sex;
import org.junit.jupiter.api.Test;

class ChinaParTest {

	/**
	 * The worked example of Yang et al., Circulation 2016, Supplemental Table 2 (the paper's Table 2
	 * profile): age 60, SBP 130 mmHg untreated, TC 210 mg/dL, HDL 55 mg/dL, waist 80 cm, non-smoker,
	 * diabetic, northern China, urban, no family history → men 11.0 %, women 10.1 % (printed to one
	 * decimal, hence the 0.05 tolerance). Transcription: docs/scoring-sources.md §2.3.
	 */
	private static CardiovascularInputs paperExample(Sex sex) {
		return new CardiovascularInputs(sex, 60.0, 210.0, 55.0, 130.0, false, false, true, null, 80.0, true, true, false);
	}

	@Test
	void reproducesThePapersWorkedExampleForMen() {
		ChinaParRisk risk = computed(ChinaPar.assess(paperExample(Sex.MALE)));
		assertThat(risk.percent()).isCloseTo(11.0, within(0.05));
		assertThat(risk.category()).isEqualTo(ChinaParCategory.HIGH);
	}

	/**
	 * For women the baseline survival 0.9851 was itself solved from this example, so this case checks
	 * the women's coefficients and terms (their individual sum must be the paper's 119.22), not S10.
	 */
	@Test
	void reproducesThePapersWorkedExampleForWomen() {
		ChinaParRisk risk = computed(ChinaPar.assess(paperExample(Sex.FEMALE)));
		assertThat(risk.percent()).isCloseTo(10.1, within(0.05));
		assertThat(risk.category()).isEqualTo(ChinaParCategory.HIGH);
	}

	/**
	 * Smoking and family history enter men's equation with an ln(age) interaction (3.96 − 0.94·ln age,
	 * 6.22 − 1.53·ln age), so they raise the risk of younger men and fade with age: family history adds
	 * nothing from about 58 years. Checked at 45, where both must raise it, and treatment at any age.
	 */
	@Test
	void adverseFactorsRaiseTheRiskOfAYoungerMan() {
		double base = computed(ChinaPar.assess(man45(false, false, false))).percent();
		assertThat(computed(ChinaPar.assess(man45(true, false, false))).percent()).isGreaterThan(base);
		assertThat(computed(ChinaPar.assess(man45(false, true, false))).percent()).isGreaterThan(base);
		assertThat(computed(ChinaPar.assess(man45(false, false, true))).percent()).isGreaterThan(base);
	}

	private static CardiovascularInputs man45(boolean smoker, boolean familyHistory, boolean treated) {
		return new CardiovascularInputs(Sex.MALE, 45.0, 210.0, 55.0, 130.0, treated, smoker, false, null, 80.0, true, true,
				familyHistory);
	}

	/** Category edges of the 2019 Chinese guideline: <5 low, 5–<10 medium, ≥10 high. */
	@Test
	void guidelineCategoryEdges() {
		assertThat(ChinaParCategory.of(4.999)).isEqualTo(ChinaParCategory.LOW);
		assertThat(ChinaParCategory.of(5.0)).isEqualTo(ChinaParCategory.MEDIUM);
		assertThat(ChinaParCategory.of(9.999)).isEqualTo(ChinaParCategory.MEDIUM);
		assertThat(ChinaParCategory.of(10.0)).isEqualTo(ChinaParCategory.HIGH);
	}

	@Test
	void menNeedUrbanAndFamilyHistoryWomenDoNot() {
		CardiovascularInputs man = new CardiovascularInputs(Sex.MALE, 60.0, 210.0, 55.0, 130.0, false, false, true, null, 80.0,
				true, null, null);
		assertThat(reasons(ChinaPar.assess(man)))
				.containsExactlyInAnyOrder("urban/rural is missing", "family history of ASCVD is missing");
		CardiovascularInputs woman = new CardiovascularInputs(Sex.FEMALE, 60.0, 210.0, 55.0, 130.0, false, false, true, null, 80.0,
				true, null, null);
		assertThat(computed(ChinaPar.assess(woman)).percent()).isCloseTo(10.1, within(0.05));
		CardiovascularInputs tooYoung = new CardiovascularInputs(Sex.FEMALE, 34.0, 210.0, 55.0, 130.0, false, false, true, null,
				80.0, true, null, null);
		assertThat(reasons(ChinaPar.assess(tooYoung))).singleElement().asString().contains("age 34.0 is outside");
	}
}
