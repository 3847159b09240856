package health.workwell.scoring.composite;

import health.workwell.scoring.Sex;
import java.util.Set;

/**
 * What the composite index looks at; {@code null} = not known.
 *
 * @param diagnosedChronicDiseases diagnosed chronic diseases (e.g. {@code hypertension}, {@code diabetes}, {@code ascvd})
 * @param cvdTenYearRiskPercent the best available 10-year cardiovascular risk (China-PAR first, else Framingham)
 * @param diabetesRiskPositive a diabetes risk score at or above its cut-off (CDRS ≥25 or ADA ≥5)
 * @param psychologicalCrisis PHQ-9 item 9 answered above 0
 */
public record HealthProfile(
		Sex sex,
		Double bmi,
		Double waistCm,
		Double systolicBpMmHg,
		Double diastolicBpMmHg,
		Boolean currentSmoker,
		Double totalCholesterolMgDl,
		Double hdlCholesterolMgDl,
		Boolean physicallyActive,
		Set<String> diagnosedChronicDiseases,
		Double cvdTenYearRiskPercent,
		Boolean diabetesRiskPositive,
		Boolean psychologicalCrisis) {}
