package health.workwell.scoring.cvd;

import health.workwell.scoring.Sex;

/**
 * Risk factors for the cardiovascular models; {@code null} = not known. Each model requires its own
 * subset.
 *
 * @param ageYears age in whole or fractional years at the assessment date
 * @param totalCholesterolMgDl total cholesterol, mg/dL
 * @param hdlCholesterolMgDl HDL cholesterol, mg/dL
 * @param systolicBpMmHg systolic blood pressure, mmHg
 * @param onAntihypertensiveTreatment currently treated for high blood pressure
 * @param currentSmoker current smoker
 * @param diabetes diagnosed diabetes
 * @param bmi body-mass index, kg/m²
 * @param waistCm waist circumference, cm
 * @param northernChina lives in northern China (China-PAR's geographic region)
 * @param urban lives in an urban area (China-PAR)
 * @param familyHistoryOfAscvd a parent or sibling with ASCVD (China-PAR)
 */
public record CardiovascularInputs(
		Sex sex,
		Double ageYears,
		Double totalCholesterolMgDl,
		Double hdlCholesterolMgDl,
		Double systolicBpMmHg,
		Boolean onAntihypertensiveTreatment,
		Boolean currentSmoker,
		Boolean diabetes,
		Double bmi,
		Double waistCm,
		Boolean northernChina,
		Boolean urban,
		Boolean familyHistoryOfAscvd) {}
