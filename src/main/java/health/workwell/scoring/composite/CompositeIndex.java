package health.workwell.scoring.composite;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import health.workwell.scoring.RequiredInputs;
import health.workwell.scoring.Sex;
import java.util.ArrayList;
import java.util.List;

/**
 * WorkWell's composite health-risk index 0–100 (product policy, version 1.0.0; the rules and their
 * sources are in docs/scoring.md, "Composite index"). The tier follows the meaning the design gives
 * each band: no risk factor → low; one or two → medium; a diagnosed chronic disease, three or more
 * factors, or a 10-year cardiovascular risk of 10 % or more → high; an acute-event tendency → very high.
 */
public final class CompositeIndex {

	public static final ModelId MODEL = new ModelId("workwell-composite", "1.0.0");

	private CompositeIndex() {}

	public static Assessment<CompositeResult> assess(HealthProfile p) {
		RequiredInputs required = new RequiredInputs()
				.require("sex", p.sex())
				.require("BMI", p.bmi())
				.require("systolic blood pressure", p.systolicBpMmHg())
				.require("diastolic blood pressure", p.diastolicBpMmHg())
				.require("smoking status", p.currentSmoker())
				.require("diagnosed chronic diseases", p.diagnosedChronicDiseases());
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		List<String> factors = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		boolean hypertensive = p.diagnosedChronicDiseases().contains("hypertension");
		if (p.bmi() >= 24) {
			factors.add("overweight");
		}
		if (p.waistCm() == null) {
			unknown.add("central-obesity");
		} else if (p.waistCm() >= (p.sex() == Sex.MALE ? 90 : 85)) {
			factors.add("central-obesity");
		}
		if (p.currentSmoker()) {
			factors.add("smoking");
		}
		if (!hypertensive && (p.systolicBpMmHg() >= 140 || p.diastolicBpMmHg() >= 90)) {
			factors.add("elevated-blood-pressure");
		}
		if (p.totalCholesterolMgDl() == null && p.hdlCholesterolMgDl() == null) {
			unknown.add("dyslipidaemia");
		} else if ((p.totalCholesterolMgDl() != null && p.totalCholesterolMgDl() >= 240)
				|| (p.hdlCholesterolMgDl() != null && p.hdlCholesterolMgDl() < 40)) {
			factors.add("dyslipidaemia");
		}
		if (p.physicallyActive() == null) {
			unknown.add("physical-inactivity");
		} else if (!p.physicallyActive()) {
			factors.add("physical-inactivity");
		}
		if (p.diabetesRiskPositive() == null) {
			unknown.add("diabetes-risk");
		} else if (p.diabetesRiskPositive()) {
			factors.add("diabetes-risk");
		}
		if (p.cvdTenYearRiskPercent() == null) {
			unknown.add("cardiovascular-risk");
		}

		List<String> acute = new ArrayList<>();
		if (p.systolicBpMmHg() >= 180 || p.diastolicBpMmHg() >= 110) {
			acute.add("grade-3-blood-pressure");
		}
		if (p.cvdTenYearRiskPercent() != null && p.cvdTenYearRiskPercent() >= 20) {
			acute.add("very-high-cardiovascular-risk");
		}
		if (Boolean.TRUE.equals(p.psychologicalCrisis())) {
			acute.add("psychological-crisis");
		}

		int diseases = p.diagnosedChronicDiseases().size();
		boolean highCvd = p.cvdTenYearRiskPercent() != null && p.cvdTenYearRiskPercent() >= 10;
		int index;
		if (!acute.isEmpty()) {
			index = Math.min(100, 80 + 5 * (acute.size() + (diseases > 0 ? 1 : 0)));
		} else if (diseases > 0 || factors.size() >= 3 || highCvd) {
			index = Math.min(80, 60 + 5 * (diseases + factors.size() + (highCvd ? 1 : 0)));
		} else if (!factors.isEmpty()) {
			index = 30 + 15 * factors.size();
		} else {
			index = 10;
		}
		Tier tier = Tier.of(index);
		return new Assessment.Computed<>(MODEL,
				new CompositeResult(index, tier, ManagementGroup.of(tier), factors, acute, unknown));
	}
}
