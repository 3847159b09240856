package health.workwell.scoring.cvd;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import health.workwell.scoring.RequiredInputs;
import health.workwell.scoring.Sex;

/**
 * China-PAR 10-year ASCVD risk: Yang X et al., "Predicting the 10-Year Risks of Atherosclerotic
 * Cardiovascular Disease in Chinese Population: The China-PAR Project", Circulation
 * 2016;134:1430–1440. Risk = 1 − S10^exp(Σβx − mean); cholesterol in mg/dL, waist in cm, continuous
 * terms as natural logs. Derivation cohort ages 35–74.
 *
 * <p>The paper prints its coefficients to two decimals, and with those its own worked example
 * (Supplemental Table 2) is not reproduced: men come out 11.6 % instead of 11.0 %, women 6.9 % instead
 * of 10.1 %. WorkWell uses the constants that reproduce the paper (version "2016-derived"; reasons and
 * numbers in docs/scoring.md): for men the six coefficients recovered from the worked example's
 * "coefficient × value" column (each rounds to the printed value), for women the baseline survival
 * 0.9851 solved from the worked example instead of the printed 0.99. Source of the printed and the
 * derived values: docs/scoring-sources.md §2.2–2.3.
 */
public final class ChinaPar {

	public static final ModelId MODEL = new ModelId("china-par", "2016-derived");

	private record Equation(
			double lnAge,
			double lnSbpTreated,
			double lnSbpUntreated,
			double lnTotalCholesterol,
			double lnHdl,
			double lnWaist,
			double smoker,
			double diabetes,
			double north,
			double urban,
			double familyHistory,
			double lnAgeLnSbpTreated,
			double lnAgeLnSbpUntreated,
			double lnAgeSmoker,
			double lnAgeFamilyHistory,
			double meanSum,
			double baselineSurvival) {}

	private static final Equation MEN = new Equation(
			31.96604, 27.39, 26.14876, 0.62090, -0.69373, -0.71200, 3.96, 0.36, 0.48, -0.16, 6.22,
			-6.02, -5.73074, -0.94, -1.53, 140.68, 0.9707);
	private static final Equation WOMEN = new Equation(
			24.87, 20.71, 19.98, 0.06, -0.22, 1.48, 0.49, 0.57, 0.54, 0, 0,
			-4.53, -4.36, 0, 0, 117.26, 0.9851);

	private ChinaPar() {}

	public static Assessment<ChinaParRisk> assess(CardiovascularInputs in) {
		RequiredInputs required = new RequiredInputs()
				.require("sex", in.sex())
				.requireRange("age", in.ageYears(), 35, 74)
				.require("systolic blood pressure", in.systolicBpMmHg())
				.require("antihypertensive treatment", in.onAntihypertensiveTreatment())
				.require("total cholesterol", in.totalCholesterolMgDl())
				.require("HDL cholesterol", in.hdlCholesterolMgDl())
				.require("waist circumference", in.waistCm())
				.require("smoking status", in.currentSmoker())
				.require("diabetes", in.diabetes())
				.require("region (north/south)", in.northernChina());
		if (in.sex() == Sex.MALE) {
			required.require("urban/rural", in.urban()).require("family history of ASCVD", in.familyHistoryOfAscvd());
		}
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		Equation eq = in.sex() == Sex.MALE ? MEN : WOMEN;
		double lnAge = Math.log(in.ageYears());
		double lnSbp = Math.log(in.systolicBpMmHg());
		boolean treated = in.onAntihypertensiveTreatment();
		boolean smoker = in.currentSmoker();
		boolean familyHistory = Boolean.TRUE.equals(in.familyHistoryOfAscvd());
		double sum = eq.lnAge() * lnAge
				+ (treated ? eq.lnSbpTreated() : eq.lnSbpUntreated()) * lnSbp
				+ (treated ? eq.lnAgeLnSbpTreated() : eq.lnAgeLnSbpUntreated()) * lnAge * lnSbp
				+ eq.lnTotalCholesterol() * Math.log(in.totalCholesterolMgDl())
				+ eq.lnHdl() * Math.log(in.hdlCholesterolMgDl())
				+ eq.lnWaist() * Math.log(in.waistCm())
				+ (smoker ? eq.smoker() + eq.lnAgeSmoker() * lnAge : 0)
				+ (in.diabetes() ? eq.diabetes() : 0)
				+ (in.northernChina() ? eq.north() : 0)
				+ (Boolean.TRUE.equals(in.urban()) ? eq.urban() : 0)
				+ (familyHistory ? eq.familyHistory() + eq.lnAgeFamilyHistory() * lnAge : 0);
		double percent = 100 * (1 - Math.pow(eq.baselineSurvival(), Math.exp(sum - eq.meanSum())));
		return new Assessment.Computed<>(MODEL, new ChinaParRisk(percent, ChinaParCategory.of(percent)));
	}
}
