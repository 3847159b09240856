package health.workwell.assessment;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.composite.CompositeIndex;
import health.workwell.scoring.composite.CompositeResult;
import health.workwell.scoring.composite.HealthProfile;
import health.workwell.scoring.cvd.ChinaPar;
import health.workwell.scoring.cvd.ChinaParRisk;
import health.workwell.scoring.cvd.FraminghamGeneralCvd;
import health.workwell.scoring.cvd.TenYearRisk;
import health.workwell.scoring.diabetes.AdaDiabetesRiskTest;
import health.workwell.scoring.diabetes.ChineseDiabetesRiskScore;
import health.workwell.scoring.diabetes.DiabetesScore;
import health.workwell.scoring.occupational.Gbz188Surveillance;
import health.workwell.scoring.occupational.OccupationalRiskPolicy;
import health.workwell.scoring.psych.ScreeningQuestionnaire;
import health.workwell.scoring.psych.ScreeningResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * Runs the scoring core's models over one patient's inputs and turns each result into a
 * RiskAssessment; models that cannot run are listed with their reasons.
 */
final class RiskAssessmentRun {

	static final List<String> ALL_MODELS = List.of(FraminghamGeneralCvd.LIPID.code(), FraminghamGeneralCvd.OFFICE_BMI.code(),
			ChinaPar.MODEL.code(), AdaDiabetesRiskTest.MODEL.code(), ChineseDiabetesRiskScore.MODEL.code(),
			ScreeningQuestionnaire.PHQ_9.model().code(), ScreeningQuestionnaire.GAD_7.model().code(), Gbz188Surveillance.MODEL.code(),
			CompositeIndex.MODEL.code());

	private static final List<String> CVD_INPUTS = List.of(AssessmentInputs.SEX, AssessmentInputs.AGE,
			AssessmentInputs.TOTAL_CHOLESTEROL, AssessmentInputs.HDL, AssessmentInputs.SYSTOLIC, AssessmentInputs.TREATMENT,
			AssessmentInputs.SMOKER, AssessmentInputs.DIABETES);

	private final PatientRecord record;
	private final AssessmentInputs inputs;
	private final LocalDate date;
	final List<RiskAssessment> assessments = new ArrayList<>();
	final List<String> notComputable = new ArrayList<>();

	private TenYearRisk framinghamLipid;
	private TenYearRisk framinghamBmi;
	private ChinaParRisk chinaPar;
	private DiabetesScore cdrs;
	private DiabetesScore ada;
	private ScreeningResult phq9;
	/** Kept apart: it cites the other assessments once they have ids. */
	RiskAssessment compositeAssessment;

	/** Reported for PHQ-9 and GAD-7 while the employee has no active consent to process psychological data. */
	static final String NO_PSYCHOLOGICAL_CONSENT =
			"no active consent of the employee to process psychological data (PIPL Art. 29; Consent category psychological-data)";

	private final boolean psychologicalConsent;

	RiskAssessmentRun(PatientRecord record, LocalDate date, boolean psychologicalConsent) {
		this.record = record;
		this.psychologicalConsent = psychologicalConsent;
		this.inputs = new AssessmentInputs(record, date);
		this.date = date;
	}

	RiskAssessmentRun run(Set<String> models) {
		if (models.contains(FraminghamGeneralCvd.LIPID.code())) {
			framinghamLipid = tenYear(FraminghamGeneralCvd.lipidModel(inputs.cardiovascular()), "Framingham general CVD (lipids)",
					CVD_INPUTS);
		}
		if (models.contains(FraminghamGeneralCvd.OFFICE_BMI.code())) {
			framinghamBmi = tenYear(FraminghamGeneralCvd.officeModel(inputs.cardiovascular()), "Framingham general CVD (BMI)",
					List.of(AssessmentInputs.SEX, AssessmentInputs.AGE, AssessmentInputs.BMI, AssessmentInputs.SYSTOLIC,
							AssessmentInputs.TREATMENT, AssessmentInputs.SMOKER, AssessmentInputs.DIABETES));
		}
		if (models.contains(ChinaPar.MODEL.code())) {
			chinaPar();
		}
		if (models.contains(AdaDiabetesRiskTest.MODEL.code())) {
			ada = diabetes(AdaDiabetesRiskTest.assess(inputs.diabetes()), "ADA type 2 diabetes risk test",
					List.of(AssessmentInputs.SEX, AssessmentInputs.AGE, AssessmentInputs.GESTATIONAL_DIABETES,
							AssessmentInputs.FAMILY_DIABETES, AssessmentInputs.HYPERTENSION, AssessmentInputs.ACTIVITY,
							AssessmentInputs.BMI));
		}
		if (models.contains(ChineseDiabetesRiskScore.MODEL.code())) {
			cdrs = diabetes(ChineseDiabetesRiskScore.assess(inputs.diabetes()), "Chinese Diabetes Risk Score",
					List.of(AssessmentInputs.SEX, AssessmentInputs.AGE, AssessmentInputs.BMI, AssessmentInputs.WAIST,
							AssessmentInputs.SYSTOLIC, AssessmentInputs.FAMILY_DIABETES));
		}
		if (models.contains(ScreeningQuestionnaire.PHQ_9.model().code())) {
			phq9 = screening(ScreeningQuestionnaire.PHQ_9, Codes.PHQ9_ITEMS, "PHQ-9 depression screen");
		}
		if (models.contains(ScreeningQuestionnaire.GAD_7.model().code())) {
			screening(ScreeningQuestionnaire.GAD_7, Codes.GAD7_ITEMS, "GAD-7 anxiety screen");
		}
		if (models.contains(Gbz188Surveillance.MODEL.code())) {
			occupationalSurveillance();
		}
		if (models.contains(CompositeIndex.MODEL.code())) {
			composite();
		}
		return this;
	}

	private TenYearRisk tenYear(Assessment<TenYearRisk> result, String display, List<String> basis) {
		if (result instanceof Assessment.Computed<TenYearRisk> computed) {
			RiskAssessment assessment = RiskAssessments.start(result.model(), display, record.patient(), date, inputs.basis(basis));
			RiskAssessments.tenYear(assessment, "Cardiovascular disease within 10 years", computed.result().percent(), date);
			assessments.add(assessment);
			return computed.result();
		}
		skipped(result);
		return null;
	}

	private void chinaPar() {
		Assessment<ChinaParRisk> result = ChinaPar.assess(inputs.cardiovascular());
		if (result instanceof Assessment.Computed<ChinaParRisk> computed) {
			List<String> basis = new ArrayList<>(CVD_INPUTS);
			basis.addAll(List.of(AssessmentInputs.WAIST, AssessmentInputs.REGION, AssessmentInputs.FAMILY_ASCVD));
			RiskAssessment assessment = RiskAssessments.start(result.model(), "China-PAR 10-year ASCVD risk", record.patient(), date,
					inputs.basis(basis));
			RiskAssessments.qualitative(
					RiskAssessments.tenYear(assessment, "Atherosclerotic cardiovascular disease within 10 years",
							computed.result().percent(), date),
					Codes.RISK_TIER_SYSTEM, computed.result().category().name().toLowerCase(Locale.ROOT));
			assessments.add(assessment);
			chinaPar = computed.result();
		} else {
			skipped(result);
		}
	}

	private DiabetesScore diabetes(Assessment<DiabetesScore> result, String display, List<String> basis) {
		if (result instanceof Assessment.Computed<DiabetesScore> computed) {
			RiskAssessment assessment = RiskAssessments.start(result.model(), display, record.patient(), date, inputs.basis(basis));
			RiskAssessments.qualitative(RiskAssessments.score(assessment, "Undiagnosed type 2 diabetes", computed.result().points()),
					Codes.RISK_TIER_SYSTEM, computed.result().atRisk() ? "high" : "low");
			assessments.add(assessment);
			return computed.result();
		}
		skipped(result);
		return null;
	}

	private ScreeningResult screening(ScreeningQuestionnaire questionnaire, List<String> items, String display) {
		if (!psychologicalConsent) {
			notComputable.add(questionnaire.model().code() + ": " + NO_PSYCHOLOGICAL_CONSENT);
			return null;
		}
		for (QuestionnaireResponse response : record.completedResponsesNewestFirst()) {
			var answers = QuestionnaireAnswers.read(response, items);
			if (answers.isEmpty()) {
				continue;
			}
			Assessment<ScreeningResult> result = questionnaire.score(answers.get());
			if (!(result instanceof Assessment.Computed<ScreeningResult> computed)) {
				skipped(result);
				return null;
			}
			RiskAssessment assessment = RiskAssessments.start(result.model(), display, record.patient(), date, List.of(response));
			ScreeningResult scored = computed.result();
			RiskAssessment.RiskAssessmentPredictionComponent prediction = scored.complete()
					? RiskAssessments.score(assessment, display, scored.total())
					: assessment.addPrediction().setRationale("incomplete: items " + scored.unansweredItems() + " unanswered");
			if (scored.severity() != null) {
				RiskAssessments.qualitative(prediction, Codes.PSYCHOLOGICAL_SEVERITY_SYSTEM,
						scored.severity().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			if (scored.crisis()) {
				assessment.addNote().setText("crisis: item 9 (thoughts of self-harm) answered above 0");
			}
			assessments.add(assessment);
			return scored;
		}
		notComputable.add(questionnaire.model().code() + ": no completed response");
		return null;
	}

	/** One assessment for all current exposures: a prediction per hazard with its class and exam schedule. */
	private void occupationalSurveillance() {
		OccupationalSurveillance surveillance = new OccupationalSurveillance(record.occupational(), date);
		surveillance.notComputable.forEach(reason -> notComputable.add(Gbz188Surveillance.MODEL.code() + ": " + reason));
		if (surveillance.plans.isEmpty()) {
			if (surveillance.notComputable.isEmpty()) {
				notComputable.add(Gbz188Surveillance.MODEL.code() + ": no current occupational exposure recorded");
			}
			return;
		}
		Set<Resource> basis = new LinkedHashSet<>();
		surveillance.plans.forEach(hazard -> {
			basis.add(hazard.exposure());
			hazard.lastExam().ifPresent(basis::add);
			basis.addAll(hazard.lastReports());
		});
		RiskAssessment assessment = RiskAssessments.start(Gbz188Surveillance.MODEL, "GBZ 188-2014 occupational health surveillance",
				record.patient(), date, List.copyOf(basis));
		for (OccupationalSurveillance.HazardPlan hazard : surveillance.plans) {
			RiskAssessment.RiskAssessmentPredictionComponent prediction = assessment.addPrediction();
			prediction.getOutcome().addCoding(hazard.hazard().copy()).setText("Occupational disease from " + hazard.hazard().getCode());
			RiskAssessments.qualitative(prediction, Codes.OCCUPATIONAL_RISK_SYSTEM, hazard.risk().name().toLowerCase(Locale.ROOT));
			prediction.setRationale(rationale(hazard));
		}
		assessment.addNote().setText("occupational risk (red/yellow/green) by WorkWell policy " + OccupationalRiskPolicy.VERSION);
		assessments.add(assessment);
	}

	private static String rationale(OccupationalSurveillance.HazardPlan hazard) {
		var plan = hazard.plan();
		if (!plan.required()) {
			return plan.source() + ": no periodic surveillance required at this exposure level";
		}
		return plan.source() + ": periodic exam every " + plan.intervalMonths() + " months (GBZ 188 interval "
				+ plan.gbzIntervalMonths() + ", occupational risk " + hazard.risk().name().toLowerCase(Locale.ROOT) + "); items: "
				+ plan.items().stream().map(item -> item.nameEn()).collect(java.util.stream.Collectors.joining(", "))
				+ "; next exam due " + hazard.due();
	}

	private void composite() {
		Double cvd = chinaPar != null ? Double.valueOf(chinaPar.percent())
				: framinghamLipid != null ? Double.valueOf(framinghamLipid.percent())
				: framinghamBmi != null ? Double.valueOf(framinghamBmi.percent()) : null;
		Boolean diabetesRisk = cdrs != null ? Boolean.valueOf(cdrs.atRisk()) : ada != null ? Boolean.valueOf(ada.atRisk()) : null;
		HealthProfile profile = new HealthProfile(inputs.get(AssessmentInputs.SEX), inputs.get(AssessmentInputs.BMI),
				inputs.get(AssessmentInputs.WAIST), inputs.get(AssessmentInputs.SYSTOLIC), inputs.get(AssessmentInputs.DIASTOLIC),
				inputs.get(AssessmentInputs.SMOKER), inputs.get(AssessmentInputs.TOTAL_CHOLESTEROL), inputs.get(AssessmentInputs.HDL),
				inputs.get(AssessmentInputs.ACTIVITY), inputs.diagnosedChronicDiseases(), cvd, diabetesRisk,
				phq9 == null ? null : phq9.crisis());
		Assessment<CompositeResult> result = CompositeIndex.assess(profile);
		if (result instanceof Assessment.Computed<CompositeResult> computed) {
			RiskAssessment assessment = RiskAssessments.start(result.model(), "WorkWell composite health-risk index", record.patient(),
					date, inputs.basis(List.of(AssessmentInputs.SEX, AssessmentInputs.BMI, AssessmentInputs.WAIST,
							AssessmentInputs.SYSTOLIC, AssessmentInputs.DIASTOLIC, AssessmentInputs.SMOKER,
							AssessmentInputs.TOTAL_CHOLESTEROL, AssessmentInputs.HDL, AssessmentInputs.ACTIVITY,
							AssessmentInputs.DIABETES, AssessmentInputs.HYPERTENSION, AssessmentInputs.ASCVD)));
			CompositeResult composite = computed.result();
			RiskAssessments.qualitative(RiskAssessments.score(assessment, "Overall health risk", composite.index()),
					Codes.RISK_TIER_SYSTEM, composite.tier().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			assessment.getPredictionFirstRep().setRationale("risk factors " + composite.riskFactors() + "; acute "
					+ composite.acuteTriggers() + "; unknown " + composite.unknown());
			compositeAssessment = assessment;
		} else {
			skipped(result);
		}
	}

	private void skipped(Assessment<?> result) {
		notComputable.add(result.model().code() + ": " + String.join("; ", ((Assessment.NotComputable<?>) result).reasons()));
	}
}
