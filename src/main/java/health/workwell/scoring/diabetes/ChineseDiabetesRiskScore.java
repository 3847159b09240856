package health.workwell.scoring.diabetes;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import health.workwell.scoring.RequiredInputs;
import health.workwell.scoring.Sex;

/**
 * Chinese Diabetes Risk Score: Zhou X, Qiao Q, Ji L et al., "Nonlaboratory-based risk assessment
 * algorithm for undiagnosed type 2 diabetes developed on a nation-wide diabetes survey", Diabetes Care
 * 2013;36:3944–3952, as adopted by the Chinese type 2 diabetes guideline (中国糖尿病风险评分表).
 * Points 0–51, 25 or more = at risk (OGTT advised). Ages 20–74. Point table:
 * docs/scoring-sources.md §3.2.
 */
public final class ChineseDiabetesRiskScore {

	public static final ModelId MODEL = new ModelId("cdrs", "2013");
	public static final int MAXIMUM = 51;
	public static final int AT_RISK_FROM = 25;

	/** Lower bounds of the age bands (years) and their points; the last band ends at 74. */
	private static final int[] AGE_FROM = {20, 25, 35, 40, 45, 50, 55, 60, 65};
	private static final int[] AGE_POINTS = {0, 4, 8, 11, 12, 13, 15, 16, 18};

	private static final double[] BMI_FROM = {22.0, 24.0, 30.0};
	private static final int[] BMI_POINTS = {1, 3, 5};

	private static final double[] WAIST_FROM_MEN = {75, 80, 85, 90, 95};
	private static final double[] WAIST_FROM_WOMEN = {70, 75, 80, 85, 90};
	private static final int[] WAIST_POINTS = {3, 5, 7, 8, 10};

	private static final double[] SBP_FROM = {110, 120, 130, 140, 150, 160};
	private static final int[] SBP_POINTS = {1, 3, 6, 7, 8, 10};

	private ChineseDiabetesRiskScore() {}

	public static Assessment<DiabetesScore> assess(DiabetesInputs in) {
		RequiredInputs required = new RequiredInputs()
				.require("sex", in.sex())
				.requireRange("age", in.ageYears(), 20, 74)
				.require("BMI", in.bmi())
				.require("waist circumference", in.waistCm())
				.require("systolic blood pressure", in.systolicBpMmHg())
				.require("family history of diabetes", in.familyHistoryOfDiabetes());
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		boolean male = in.sex() == Sex.MALE;
		int points = AGE_POINTS[bandIndex(in.ageYears())]
				+ (male ? 2 : 0)
				+ points(in.bmi(), BMI_FROM, BMI_POINTS)
				+ points(in.waistCm(), male ? WAIST_FROM_MEN : WAIST_FROM_WOMEN, WAIST_POINTS)
				+ points(in.systolicBpMmHg(), SBP_FROM, SBP_POINTS)
				+ (in.familyHistoryOfDiabetes() ? 6 : 0);
		return new Assessment.Computed<>(MODEL, new DiabetesScore(points, MAXIMUM, points >= AT_RISK_FROM));
	}

	private static int bandIndex(int age) {
		int index = 0;
		for (int i = 0; i < AGE_FROM.length; i++) {
			if (age >= AGE_FROM[i]) {
				index = i;
			}
		}
		return index;
	}

	/** Points of the highest band whose lower bound the value reaches; 0 below the first band. */
	private static int points(double value, double[] bandFrom, int[] bandPoints) {
		int result = 0;
		for (int i = 0; i < bandFrom.length; i++) {
			if (value >= bandFrom[i]) {
				result = bandPoints[i];
			}
		}
		return result;
	}
}
