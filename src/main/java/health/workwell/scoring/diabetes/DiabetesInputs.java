package health.workwell.scoring.diabetes;

import health.workwell.scoring.Sex;

/**
 * Risk factors for the diabetes risk scores; {@code null} = not known.
 *
 * @param ageYears age in completed years
 * @param gestationalDiabetesHistory a woman's history of gestational diabetes (not asked of men)
 * @param familyHistoryOfDiabetes a parent or sibling with diabetes
 * @param hypertension ever diagnosed with high blood pressure
 * @param physicallyActive at least 150 minutes of activity a week
 * @param bmi body-mass index, kg/m²
 * @param waistCm waist circumference, cm
 * @param systolicBpMmHg systolic blood pressure, mmHg
 */
public record DiabetesInputs(
		Sex sex,
		Integer ageYears,
		Boolean gestationalDiabetesHistory,
		Boolean familyHistoryOfDiabetes,
		Boolean hypertension,
		Boolean physicallyActive,
		Double bmi,
		Double waistCm,
		Double systolicBpMmHg) {}
