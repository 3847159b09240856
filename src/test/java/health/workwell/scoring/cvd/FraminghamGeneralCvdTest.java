package health.workwell.scoring.cvd;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import health.workwell.scoring.Sex;
import health.workwell.scoring.Units;
import org.junit.jupiter.api.Test;

class FraminghamGeneralCvdTest {

	private static CardiovascularInputs person(Sex sex, double age, Double tc, Double hdl, double sbp, boolean treated,
			boolean smoker, boolean diabetes, Double bmi) {
		return new CardiovascularInputs(sex, age, tc, hdl, sbp, treated, smoker, diabetes, bmi, null, null, null, null);
	}

	/**
	 * Reference values: the CVrisk R package (Castro V, CRAN), tests/testthat/test-compute_CVrisk.R —
	 * ascvd_10y_frs (lipid model) and ascvd_10y_frs_simple (BMI model), rounded there to 2 decimals.
	 */
	@Test
	void lipidModelMatchesCvriskReferenceCases() {
		assertThat(computed(FraminghamGeneralCvd.lipidModel(person(Sex.MALE, 55, 213.0, 50.0, 140, false, false, false, null)))
				.percent()).isCloseTo(13.53, within(0.005));
		assertThat(computed(FraminghamGeneralCvd.lipidModel(person(Sex.FEMALE, 45, 200.0, 50.0, 125, true, false, false, null)))
				.percent()).isCloseTo(4.68, within(0.005));
	}

	@Test
	void officeModelMatchesCvriskReferenceCases() {
		assertThat(computed(FraminghamGeneralCvd.officeModel(person(Sex.MALE, 55, null, null, 140, false, false, false, 30.0)))
				.percent()).isCloseTo(16.75, within(0.005));
		assertThat(computed(FraminghamGeneralCvd.officeModel(person(Sex.FEMALE, 45, null, null, 125, true, false, false, 27.0)))
				.percent()).isCloseTo(4.91, within(0.005));
	}

	/**
	 * Reference values: fonnesbeck/framingham_risk (Python), README examples of frs():
	 * woman 35, BMI 24.3, SBP 122 untreated, smoker → 0.029352227; man 30, BMI 22.5, SBP 125 treated,
	 * smoker, diabetic → 0.0838895. They exercise the smoker, diabetes and treated-SBP terms.
	 */
	@Test
	void officeModelMatchesFrsPythonReferenceCases() {
		assertThat(computed(FraminghamGeneralCvd.officeModel(person(Sex.FEMALE, 35, null, null, 122, false, true, false, 24.3)))
				.percent()).isCloseTo(2.9352227, within(0.00001));
		assertThat(computed(FraminghamGeneralCvd.officeModel(person(Sex.MALE, 30, null, null, 125, true, true, true, 22.5)))
				.percent()).isCloseTo(8.38895, within(0.0001));
	}

	@Test
	void ageOutsideThirtyToSeventyFourIsNotComputable() {
		assertThat(reasons(FraminghamGeneralCvd.lipidModel(person(Sex.MALE, 29, 213.0, 50.0, 140, false, false, false, null))))
				.singleElement().asString().contains("age 29.0 is outside");
		assertThat(computed(FraminghamGeneralCvd.lipidModel(person(Sex.MALE, 74, 213.0, 50.0, 140, false, false, false, null)))
				.percent()).isBetween(0.0, 100.0);
		assertThat(reasons(FraminghamGeneralCvd.lipidModel(person(Sex.MALE, 75, 213.0, 50.0, 140, false, false, false, null))))
				.hasSize(1);
	}

	@Test
	void missingInputsAreNamedNotGuessed() {
		CardiovascularInputs unknownLipids = new CardiovascularInputs(Sex.FEMALE, 50.0, null, null, 120.0, null, false, false,
				null, null, null, null, null);
		assertThat(reasons(FraminghamGeneralCvd.lipidModel(unknownLipids)))
				.containsExactlyInAnyOrder("antihypertensive treatment is missing", "total cholesterol is missing",
						"HDL cholesterol is missing");
		assertThat(reasons(FraminghamGeneralCvd.officeModel(unknownLipids)))
				.containsExactlyInAnyOrder("antihypertensive treatment is missing", "BMI is missing");
	}

	@Test
	void cholesterolFromMillimolesPerLitre() {
		assertThat(Units.cholesterolMmolToMgDl(5.5)).isCloseTo(212.685, within(1e-9));
	}
}
