package health.workwell.scoring.diabetes;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import health.workwell.scoring.RequiredInputs;
import health.workwell.scoring.Sex;

/**
 * ADA Type 2 Diabetes Risk Test: Bang H et al., "Development and validation of a patient
 * self-assessment score for diabetes risk", Ann Intern Med 2009;151:775–783, in the form the ADA and
 * CDC publish ("How your test is scored", cdc.gov). Points 0–10 (the male point and the gestational
 * diabetes point exclude each other); 5 or more = at risk. BMI bands are the general ones (25/30/40).
 */
public final class AdaDiabetesRiskTest {

	public static final ModelId MODEL = new ModelId("ada-diabetes", "2009");
	public static final int MAXIMUM = 10;
	public static final int AT_RISK_FROM = 5;

	private AdaDiabetesRiskTest() {}

	public static Assessment<DiabetesScore> assess(DiabetesInputs in) {
		RequiredInputs required = new RequiredInputs()
				.require("sex", in.sex())
				.require("age", in.ageYears())
				.require("family history of diabetes", in.familyHistoryOfDiabetes())
				.require("high blood pressure", in.hypertension())
				.require("physical activity", in.physicallyActive())
				.require("BMI", in.bmi());
		if (in.sex() == Sex.FEMALE) {
			required.require("history of gestational diabetes", in.gestationalDiabetesHistory());
		}
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		int points = agePoints(in.ageYears())
				+ (in.sex() == Sex.MALE ? 1 : 0)
				+ (in.sex() == Sex.FEMALE && in.gestationalDiabetesHistory() ? 1 : 0)
				+ (in.familyHistoryOfDiabetes() ? 1 : 0)
				+ (in.hypertension() ? 1 : 0)
				+ (in.physicallyActive() ? 0 : 1)
				+ bmiPoints(in.bmi());
		return new Assessment.Computed<>(MODEL, new DiabetesScore(points, MAXIMUM, points >= AT_RISK_FROM));
	}

	static int agePoints(int age) {
		if (age < 40) {
			return 0;
		}
		if (age < 50) {
			return 1;
		}
		return age < 60 ? 2 : 3;
	}

	static int bmiPoints(double bmi) {
		if (bmi < 25) {
			return 0;
		}
		if (bmi < 30) {
			return 1;
		}
		return bmi < 40 ? 2 : 3;
	}
}
