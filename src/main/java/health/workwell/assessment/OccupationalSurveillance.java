package health.workwell.assessment;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.occupational.ExamConclusion;
import health.workwell.scoring.occupational.ExposureInputs;
import health.workwell.scoring.occupational.Gbz188Surveillance;
import health.workwell.scoring.occupational.OccupationalRisk;
import health.workwell.scoring.occupational.OccupationalRiskPolicy;
import health.workwell.scoring.occupational.SurveillancePlan;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;

/**
 * Reads each current occupational exposure into the scoring core's inputs and runs GBZ 188-2014
 * surveillance on it (docs/assessment-inputs.md, "Occupational exposure"): the hazard from the hazard
 * coding, the noise level from an L<sub>EX,8h</sub> value in dB(A), the dust work grade from the
 * exposure-grade component, and the red/yellow/green class from that grade and the newest exam covering
 * the hazard. The next exam is due one scheduled interval after that exam, or on the assessment date
 * when the hazard was never examined.
 */
final class OccupationalSurveillance {

	/** One current exposure with what GBZ 188 asks for it. */
	record HazardPlan(Coding hazard, Observation exposure, Optional<Encounter> lastExam, List<DiagnosticReport> lastReports,
			OccupationalRisk risk, SurveillancePlan plan, LocalDate due) {}

	final List<HazardPlan> plans = new ArrayList<>();
	final List<String> notComputable = new ArrayList<>();

	OccupationalSurveillance(OccupationalRecord record, LocalDate date) {
		for (Observation exposure : currentExposuresByHazard(record.exposures(), date).values()) {
			surveil(exposure, record, date);
		}
	}

	/** The newest current exposure (started, not ended before {@code date}) per hazard. */
	private static Map<String, Observation> currentExposuresByHazard(List<Observation> exposures, LocalDate date) {
		Map<String, Observation> byHazard = new LinkedHashMap<>();
		exposures.stream()
				.filter(o -> o.hasEffectivePeriod() && o.getEffectivePeriod().getStart() != null)
				.filter(o -> !localDate(o.getEffectivePeriod().getStart()).isAfter(date))
				.filter(o -> o.getEffectivePeriod().getEnd() == null || !localDate(o.getEffectivePeriod().getEnd()).isBefore(date))
				.sorted(Comparator.comparing((Observation o) -> o.getEffectivePeriod().getStart()).reversed())
				.forEach(o -> {
					String hazard = Codes.codeIn(o.getCode(), Codes.HAZARD_SYSTEM);
					if (hazard != null) {
						byHazard.putIfAbsent(hazard, o);
					}
				});
		return byHazard;
	}

	private void surveil(Observation exposure, OccupationalRecord record, LocalDate date) {
		Coding hazard = exposure.getCode().getCoding().stream().filter(c -> Codes.HAZARD_SYSTEM.equals(c.getSystem())).findFirst()
				.orElseThrow();
		Optional<Encounter> lastExam = record.exams().stream()
				.filter(exam -> covers(exam, exposure, hazard.getCode()))
				.max(Comparator.comparing(exam -> exam.getPeriod().getStart()));
		List<DiagnosticReport> lastReports = lastExam.map(exam -> reportsOf(exam, record.reports())).orElse(List.of());
		OccupationalRisk risk = worstRisk(workGrade(exposure), lastReports);
		Double noiseLevel = noiseLevel(exposure, hazard.getCode());
		if ("noise".equals(hazard.getCode()) && noiseLevel == null && exposure.hasValueQuantity()) {
			notComputable.add("noise: the exposure level must be an L_EX,8h (method lex-8h) in UCUM dB[SPL]; "
					+ exposure.getIdElement().toUnqualifiedVersionless().getValue() + " has "
					+ exposure.getValueQuantity().getCode() + " by " + Codes.codeIn(exposure.getMethod(), Codes.EXPOSURE_METRIC_SYSTEM));
			return;
		}
		Assessment<SurveillancePlan> result = Gbz188Surveillance.plan(
				new ExposureInputs(hazard.getCode(), noiseLevel, workGrade(exposure), risk));
		if (result instanceof Assessment.Computed<SurveillancePlan> computed) {
			SurveillancePlan plan = computed.result();
			LocalDate due = lastExam.map(exam -> localDate(exam.getPeriod().getStart()).plusMonths(plan.intervalMonths())).orElse(date);
			plans.add(new HazardPlan(hazard, exposure, lastExam, lastReports, risk, plan, due));
		} else {
			notComputable.add(hazard.getCode() + ": " + String.join("; ", ((Assessment.NotComputable<?>) result).reasons()));
		}
	}

	/** An exam covers a hazard when it names the hazard among its reasons or refers to the exposure. */
	private static boolean covers(Encounter exam, Observation exposure, String hazard) {
		boolean namesHazard = exam.getReasonCode().stream().anyMatch(reason -> hazard.equals(Codes.codeIn(reason, Codes.HAZARD_SYSTEM)));
		String exposureId = exposure.getIdElement().toUnqualifiedVersionless().getValue();
		return namesHazard || exam.getReasonReference().stream().anyMatch(r -> exposureId.equals(r.getReference()));
	}

	private static List<DiagnosticReport> reportsOf(Encounter exam, List<DiagnosticReport> reports) {
		String examId = exam.getIdElement().toUnqualifiedVersionless().getValue();
		return reports.stream().filter(r -> examId.equals(r.getEncounter().getReference())).toList();
	}

	/** The class under the policy, taking the report conclusion that weighs most. */
	private static OccupationalRisk worstRisk(Integer grade, List<DiagnosticReport> reports) {
		OccupationalRisk worst = OccupationalRiskPolicy.classify(grade, null);
		for (DiagnosticReport report : reports) {
			for (var conclusion : report.getConclusionCode()) {
				ExamConclusion coded = ExamConclusion.ofCode(Codes.codeIn(conclusion, Codes.EXAM_CONCLUSION_SYSTEM));
				OccupationalRisk risk = OccupationalRiskPolicy.classify(grade, coded);
				if (risk.compareTo(worst) > 0) {
					worst = risk;
				}
			}
		}
		return worst;
	}

	/** The exposure-grade component as 0–4 (grade-0 … grade-4), or null when not graded. */
	private static Integer workGrade(Observation exposure) {
		for (Observation.ObservationComponentComponent component : exposure.getComponent()) {
			if ("exposure-grade".equals(Codes.codeIn(component.getCode(), Codes.OBSERVATION_CODE_SYSTEM)) && component.hasValueCodeableConcept()) {
				String grade = Codes.codeIn(component.getValueCodeableConcept(), Codes.EXPOSURE_GRADE_SYSTEM);
				if (grade != null && grade.matches("grade-[0-4]")) {
					return grade.charAt(grade.length() - 1) - '0';
				}
			}
		}
		return null;
	}

	/** A noise exposure's L<sub>EX,8h</sub> in dB(A) (UCUM dB[SPL] on an A-weighted metric); null otherwise. */
	private static Double noiseLevel(Observation exposure, String hazard) {
		if (!"noise".equals(hazard) || !exposure.hasValueQuantity()) {
			return null;
		}
		boolean eightHourLevel = "lex-8h".equals(Codes.codeIn(exposure.getMethod(), Codes.EXPOSURE_METRIC_SYSTEM));
		var quantity = exposure.getValueQuantity();
		boolean decibels = "http://unitsofmeasure.org".equals(quantity.getSystem()) && "dB[SPL]".equals(quantity.getCode());
		return eightHourLevel && decibels && quantity.hasValue() ? quantity.getValue().doubleValue() : null;
	}

	static LocalDate localDate(Date date) {
		return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
	}
}
