package health.workwell.scoring.cvd;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import health.workwell.scoring.RequiredInputs;
import health.workwell.scoring.Sex;

/**
 * Framingham general cardiovascular disease 10-year risk: D'Agostino RB Sr et al., "General
 * cardiovascular risk profile for use in primary care: the Framingham Heart Study", Circulation
 * 2008;117:743–753. Two variants: the lipid model (total and HDL cholesterol) and the office model
 * (BMI instead of lipids). Risk = 1 − S0(10)^exp(Σβx − mean), continuous terms as natural logs; the
 * systolic pressure enters through the treated or the untreated coefficient. Valid for ages 30–74.
 * Coefficients: Framingham Heart Study "Cardiovascular Disease (10-year risk)" page, as tabulated in
 * docs/scoring-sources.md §1.2–1.3.
 */
public final class FraminghamGeneralCvd {

	public static final ModelId LIPID = new ModelId("framingham-cvd-lipid", "2008");
	public static final ModelId OFFICE_BMI = new ModelId("framingham-cvd-bmi", "2008");

	/** One sex's equation. {@code marker} is ln(total cholesterol) and ln(HDL) or ln(BMI). */
	private record Equation(
			double lnAge,
			double lnMarker1,
			double lnMarker2,
			double lnSbpUntreated,
			double lnSbpTreated,
			double smoker,
			double diabetes,
			double meanSum,
			double baselineSurvival) {}

	private static final Equation LIPID_MEN =
			new Equation(3.06117, 1.12370, -0.93263, 1.93303, 1.99881, 0.65451, 0.57367, 23.9802, 0.88936);
	private static final Equation LIPID_WOMEN =
			new Equation(2.32888, 1.20904, -0.70833, 2.76157, 2.82263, 0.52873, 0.69154, 26.1931, 0.95012);
	private static final Equation BMI_MEN =
			new Equation(3.11296, 0.79277, 0, 1.85508, 1.92672, 0.70953, 0.53160, 23.9388, 0.88431);
	private static final Equation BMI_WOMEN =
			new Equation(2.72107, 0.51125, 0, 2.81291, 2.88267, 0.61868, 0.77763, 26.0145, 0.94833);

	private FraminghamGeneralCvd() {}

	public static Assessment<TenYearRisk> lipidModel(CardiovascularInputs in) {
		RequiredInputs required = common(in)
				.require("total cholesterol", in.totalCholesterolMgDl())
				.require("HDL cholesterol", in.hdlCholesterolMgDl());
		if (!required.complete()) {
			return required.notComputable(LIPID);
		}
		Equation eq = in.sex() == Sex.MALE ? LIPID_MEN : LIPID_WOMEN;
		double sum = eq.lnMarker1() * Math.log(in.totalCholesterolMgDl()) + eq.lnMarker2() * Math.log(in.hdlCholesterolMgDl());
		return new Assessment.Computed<>(LIPID, risk(eq, in, sum));
	}

	public static Assessment<TenYearRisk> officeModel(CardiovascularInputs in) {
		RequiredInputs required = common(in).require("BMI", in.bmi());
		if (!required.complete()) {
			return required.notComputable(OFFICE_BMI);
		}
		Equation eq = in.sex() == Sex.MALE ? BMI_MEN : BMI_WOMEN;
		return new Assessment.Computed<>(OFFICE_BMI, risk(eq, in, eq.lnMarker1() * Math.log(in.bmi())));
	}

	private static RequiredInputs common(CardiovascularInputs in) {
		return new RequiredInputs()
				.require("sex", in.sex())
				.requireRange("age", in.ageYears(), 30, 74)
				.require("systolic blood pressure", in.systolicBpMmHg())
				.require("antihypertensive treatment", in.onAntihypertensiveTreatment())
				.require("smoking status", in.currentSmoker())
				.require("diabetes", in.diabetes());
	}

	private static TenYearRisk risk(Equation eq, CardiovascularInputs in, double markerTerms) {
		double lnSbp = Math.log(in.systolicBpMmHg());
		double sum = eq.lnAge() * Math.log(in.ageYears())
				+ markerTerms
				+ (in.onAntihypertensiveTreatment() ? eq.lnSbpTreated() : eq.lnSbpUntreated()) * lnSbp
				+ (in.currentSmoker() ? eq.smoker() : 0)
				+ (in.diabetes() ? eq.diabetes() : 0);
		double probability = 1 - Math.pow(eq.baselineSurvival(), Math.exp(sum - eq.meanSum()));
		return new TenYearRisk(100 * probability);
	}
}
