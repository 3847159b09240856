package health.workwell.assessment;

import health.workwell.devices.ReadingQuality;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.workwell.testsupport.ConformanceAssertions;
import health.workwell.testsupport.FhirClients;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code Patient/$risk-assess} end to end over HTTP. The patient is China-PAR's published worked
 * example (Yang et al., Circulation 2016, Supplemental Table 2: man of 60, SBP 130 untreated, TC 210
 * and HDL 55 mg/dL, waist 80 cm, non-smoker, diabetic, northern and urban, no family history →
 * 11.0 %), stored as FHIR resources the way the input table (docs/assessment-inputs.md) reads them.
 */
abstract class RiskAssessContract {

	@LocalServerPort
	int port;

	IGenericClient client;
	IdType patient;
	IdType cholesterol;

	@BeforeEach
	void storeTheWorkedExample() {
		client = FhirClients.client(port);
		Patient p = new Patient();
		p.addIdentifier().setSystem("urn:workwell:test").setValue(UUID.randomUUID().toString());
		p.setGender(AdministrativeGender.MALE);
		p.setBirthDateElement(new DateType("1966-03-15"));
		p.addAddress().setState("Beijing").addExtension(AssessmentInputs.URBAN_EXTENSION, new BooleanType(true));
		patient = create(p);
		cholesterol = create(quantity("2093-3", 210, "mg/dL", "2026-05-20"));
		create(quantity("2085-9", 55, "mg/dL", "2026-05-20"));
		create(quantity("8280-0", 80, "cm", "2026-05-20"));
		create(quantity("39156-5", 24.5, "kg/m2", "2026-05-20"));
		create(quantity("82290-8", 200, "min/wk", "2026-05-20"));
		Observation bloodPressure = quantity("85354-9", 0, "mm[Hg]", "2026-05-20");
		bloodPressure.setValue(null);
		bloodPressure.addComponent().setCode(loinc("8480-6")).setValue(mmHg(130));
		bloodPressure.addComponent().setCode(loinc("8462-4")).setValue(mmHg(80));
		create(bloodPressure);
		// newer readings that must not count: one marked questionable, one entered in error
		Observation implausible = quantity("8480-6", 300, "mm[Hg]", "2026-05-25");
		implausible.addInterpretation().addCoding()
				.setSystem(ReadingQuality.SYSTEM).setCode(ReadingQuality.QUESTIONABLE);
		create(implausible);
		Observation wrong = quantity("2093-3", 400, "mg/dL", "2026-05-26");
		wrong.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
		create(wrong);
		Observation smoking = new Observation();
		smoking.setStatus(Observation.ObservationStatus.FINAL);
		smoking.setCode(loinc("72166-2"));
		smoking.setSubject(new Reference(patient));
		smoking.setEffective(new DateTimeType("2026-05-20"));
		smoking.setValue(new CodeableConcept(new Coding("http://snomed.info/sct", "266919005", "Never smoked tobacco")));
		create(smoking);
		Condition diabetes = new Condition();
		diabetes.setSubject(new Reference(patient));
		diabetes.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "E11.9", "Type 2 diabetes")));
		diabetes.setClinicalStatus(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
		create(diabetes);
		QuestionnaireResponse phq9 = new QuestionnaireResponse();
		phq9.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		phq9.setSubject(new Reference(patient));
		phq9.setAuthoredElement(new DateTimeType("2026-05-21"));
		List<String> answers = List.of("LA6569-3", "LA6568-5", "LA6568-5", "LA6569-3", "LA6568-5", "LA6568-5", "LA6568-5",
				"LA6568-5", "LA6569-3");
		for (int i = 0; i < 9; i++) {
			phq9.addItem().setLinkId(Codes.PHQ9_ITEMS.get(i)).addAnswer().setValue(new Coding("http://loinc.org", answers.get(i), null));
		}
		create(phq9);
		// PIPL Art. 29: the PHQ-9 is scored only with the employee's separate consent
		create(health.workwell.testsupport.Consents.psychological(patient.getValue()));
	}

	private IdType create(Resource resource) {
		return (IdType) client.create().resource(resource).execute().getId().toUnqualifiedVersionless();
	}

	private static CodeableConcept loinc(String code) {
		return new CodeableConcept(new Coding("http://loinc.org", code, null));
	}

	private static Quantity mmHg(double value) {
		return new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode("mm[Hg]").setUnit("mmHg");
	}

	private Observation quantity(String code, double value, String unit, String when) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(loinc(code));
		observation.setSubject(new Reference(patient));
		observation.setEffective(new DateTimeType(when));
		observation.setValue(new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit).setUnit(unit));
		return observation;
	}

	private Bundle riskAssess(Parameters parameters) {
		return client.operation().onInstance(patient).named("$risk-assess").withParameters(parameters)
				.returnResourceType(Bundle.class).execute();
	}

	private static Parameters onDate(String date) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("date").setValue(new DateType(date));
		return parameters;
	}

	private static RiskAssessment byModel(Bundle bundle, String model) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(RiskAssessment.class::isInstance).map(RiskAssessment.class::cast)
				.filter(ra -> ra.getMethod().getCodingFirstRep().getCode().equals(model))
				.findFirst().orElseThrow(() -> new AssertionError("no RiskAssessment for " + model));
	}

	@Test
	void computesEveryModelTheRecordAllowsAndStoresThem() {
		Bundle result = riskAssess(onDate("2026-06-01"));

		RiskAssessment chinaPar = byModel(result, "china-par");
		assertThat(chinaPar.getPredictionFirstRep().getProbabilityDecimalType().getValueAsNumber().doubleValue())
				.as("China-PAR on the paper's worked example").isCloseTo(11.0, within(0.05));
		assertThat(chinaPar.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("high");
		assertThat(chinaPar.getMethod().getExtensionByUrl(RiskAssessments.MODEL_VERSION_EXTENSION).getValue().primitiveValue())
				.isEqualTo("2016-derived");
		assertThat(chinaPar.getMethod().getCodingFirstRep().hasVersion()).isFalse();
		assertThat(chinaPar.getBasis()).extracting(Reference::getReference)
				.contains(patient.getValue(), cholesterol.getValue());
		assertThat(chinaPar.getIdElement().getIdPart()).as("stored").isNotBlank();
		// stored, so it passed the server's validation against the profile it claims
		assertThat(chinaPar.getMeta().getProfile()).extracting(org.hl7.fhir.r4.model.PrimitiveType::getValue)
				.containsExactly("http://workwell.health/fhir/StructureDefinition/workwell-risk-assessment");

		assertThat(byModel(result, "framingham-cvd-lipid").getPredictionFirstRep().getProbabilityDecimalType().getValue())
				.isPositive();
		assertThat(byModel(result, "framingham-cvd-bmi")).isNotNull();
		// CDRS: age 60 (16) + male (2) + BMI 24.5 (3) + waist 80 (5) + SBP 130 (6) = 32 → at risk
		RiskAssessment cdrs = byModel(result, "cdrs");
		assertThat(cdrs.getPredictionFirstRep().getExtensionByUrl(RiskAssessments.SCORE_EXTENSION).getValue().primitiveValue())
				.isEqualTo("32");
		// ADA: age 60 (3) + male (1), active, no hypertension or family history, BMI < 25 → 4, not at risk
		assertThat(byModel(result, "ada-diabetes").getPredictionFirstRep().getExtensionByUrl(RiskAssessments.SCORE_EXTENSION)
				.getValue().primitiveValue()).isEqualTo("4");
		RiskAssessment phq9 = byModel(result, "phq-9");
		assertThat(phq9.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("minimal");
		assertThat(phq9.getNoteFirstRep().getText()).contains("crisis");
		// composite: diagnosed diabetes + crisis → very high, 80 + 5 × (1 trigger + disease)
		RiskAssessment composite = byModel(result, "workwell-composite");
		assertThat(composite.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("very-high");
		assertThat(composite.getPredictionFirstRep().getExtensionByUrl(RiskAssessments.SCORE_EXTENSION).getValue().primitiveValue())
				.isEqualTo("90");
		assertThat(composite.getBasis()).extracting(Reference::getReference)
				.contains(chinaPar.getIdElement().toUnqualifiedVersionless().getValue());

		OperationOutcome notComputable = result.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast).findFirst().orElseThrow();
		assertThat(notComputable.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
				.containsExactly("not computable: gad-7: no completed response",
						"not computable: gbz188-surveillance: no current occupational exposure recorded");

		assertThat(stored()).hasSize(7);
		// outputs are not validated again when written (ProfileEnforcement.SERVER_GENERATED): each conforms
		stored().forEach(assessment -> ConformanceAssertions.assertConforms(port, assessment));
	}

	/** Only the few newest readings per code are loaded; when they are all questionable, an older usable one still counts. */
	@Test
	void anOlderReadingCountsWhenTheNewestAreAllQuestionable() {
		for (String day : List.of("2026-05-21", "2026-05-22", "2026-05-23", "2026-05-24")) {
			Observation implausible = quantity("8280-0", 400, "cm", day);
			implausible.addInterpretation().addCoding()
					.setSystem(ReadingQuality.SYSTEM).setCode(ReadingQuality.QUESTIONABLE);
			create(implausible);
		}
		RiskAssessment cdrs = byModel(riskAssess(onDate("2026-06-01")), "cdrs");
		assertThat(cdrs.getPredictionFirstRep().getExtensionByUrl(RiskAssessments.SCORE_EXTENSION).getValue().primitiveValue())
				.as("waist 80 cm from 2026-05-20, as before the implausible readings").isEqualTo("32");
	}

	/** A prescription may name its drug through a Medication resource, stored or contained, as hospital systems do. */
	@Test
	void antihypertensiveNamedByMedicationReferenceCountsAsTreatment() {
		org.hl7.fhir.r4.model.Medication enalapril = new org.hl7.fhir.r4.model.Medication();
		enalapril.setCode(new CodeableConcept(new Coding("http://www.whocc.no/atc", "C09AA02", "enalapril")));
		IdType stored = create(enalapril);
		IdType byReference = create(prescription(new Reference(stored)));
		org.hl7.fhir.r4.model.MedicationRequest withContained = prescription(new Reference("#drug"));
		org.hl7.fhir.r4.model.Medication amlodipine = new org.hl7.fhir.r4.model.Medication();
		amlodipine.setId("drug");
		amlodipine.setCode(new CodeableConcept(new Coding("http://www.whocc.no/atc", "C08CA01", "amlodipine")));
		withContained.addContained(amlodipine);
		IdType contained = create(withContained);
		org.hl7.fhir.r4.model.Medication paracetamol = new org.hl7.fhir.r4.model.Medication();
		paracetamol.setCode(new CodeableConcept(new Coding("http://www.whocc.no/atc", "N02BE01", "paracetamol")));
		IdType notAntihypertensive = create(prescription(new Reference(create(paracetamol))));

		RiskAssessment framingham = byModel(riskAssess(onDate("2026-06-01")), "framingham-cvd-lipid");
		assertThat(framingham.getBasis()).extracting(Reference::getReference)
				.contains(byReference.getValue(), contained.getValue()).doesNotContain(notAntihypertensive.getValue());
	}

	private org.hl7.fhir.r4.model.MedicationRequest prescription(Reference medication) {
		org.hl7.fhir.r4.model.MedicationRequest request = new org.hl7.fhir.r4.model.MedicationRequest();
		request.setStatus(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus.ACTIVE);
		request.setIntent(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent.ORDER);
		request.setSubject(new Reference(patient));
		request.setMedication(medication);
		return request;
	}

	@Test
	void rerunningOnUnchangedDataSupersedesInsteadOfPilingUp() {
		Bundle first = riskAssess(onDate("2026-06-01"));
		Bundle second = riskAssess(onDate("2026-06-01"));
		assertThat(stored()).hasSize(7);
		assertThat(byModel(second, "china-par").getIdElement().toUnqualifiedVersionless().getValue())
				.isEqualTo(byModel(first, "china-par").getIdElement().toUnqualifiedVersionless().getValue());
		RiskAssessment current = client.read().resource(RiskAssessment.class)
				.withId(byModel(second, "china-par").getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(current.getMeta().getVersionId()).as("unchanged data, no new version").isEqualTo("1");

		Parameters later = onDate("2027-06-01");
		later.addParameter().setName("model").setValue(new CodeType("china-par"));
		riskAssess(later);
		assertThat(stored()).hasSize(7);
		assertThat(client.read().resource(RiskAssessment.class).withId(current.getIdElement().toUnqualifiedVersionless()).execute()
				.getMeta().getVersionId()).isEqualTo("2");
	}

	@Test
	void previewDoesNotStore() {
		Parameters preview = onDate("2026-06-01");
		preview.addParameter().setName("persist").setValue(new BooleanType(false));
		Bundle result = riskAssess(preview);
		assertThat(byModel(result, "china-par").getIdElement().getIdPart()).isNull();
		assertThat(stored()).isEmpty();
	}

	@Test
	void unknownModelIs400AndUnknownPatientIs404() {
		Parameters bad = new Parameters();
		bad.addParameter().setName("model").setValue(new CodeType("horoscope"));
		assertThatThrownBy(() -> riskAssess(bad)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("horoscope");
		assertThatThrownBy(() -> client.operation().onInstance(new IdType("Patient", UUID.randomUUID().toString()))
				.named("$risk-assess").withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute())
				.isInstanceOf(ResourceNotFoundException.class);
		assertThat(stored()).isEmpty();
	}

	private Bundle tier() {
		return client.operation().onInstance(patient).named("$tier").withNoParameters(Parameters.class)
				.returnResourceType(Bundle.class).execute();
	}

	private <T extends Resource> T only(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
				.reduce((a, b) -> {
					throw new AssertionError("more than one " + type.getSimpleName());
				}).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
	}

	private int count(Class<? extends Resource> type, String subjectParam) {
		return client.search().forResource(type).where(new ca.uhn.fhir.rest.gclient.ReferenceClientParam(subjectParam).hasId(patient))
				.returnBundle(Bundle.class).execute().getTotal();
	}

	@Test
	void tierWritesOnePlanFlagAndCrisisTaskAndUpdatesThemOnRerun() {
		Bundle assessed = riskAssess(onDate("2026-06-01"));
		Bundle first = tier();

		org.hl7.fhir.r4.model.CarePlan plan = only(first, org.hl7.fhir.r4.model.CarePlan.class);
		assertThat(plan.getCategory()).extracting(c -> c.getCodingFirstRep().getCode())
				.containsExactly("very-high", "high-risk-intensive");
		org.hl7.fhir.r4.model.Timing.TimingRepeatComponent cadence = plan.getActivityFirstRep().getDetail().getScheduledTiming().getRepeat();
		assertThat(cadence.getPeriod().intValue()).isEqualTo(1);
		assertThat(cadence.getPeriodUnit().toCode()).isEqualTo("wk");
		assertThat(plan.getActivity()).extracting(a -> a.getDetail().getCode().getCodingFirstRep().getCode())
				.containsExactly("follow-up", "crisis");

		org.hl7.fhir.r4.model.Flag flag = only(first, org.hl7.fhir.r4.model.Flag.class);
		assertThat(flag.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Flag.FlagStatus.ACTIVE);

		org.hl7.fhir.r4.model.Task task = only(first, org.hl7.fhir.r4.model.Task.class);
		long dueInMillis = task.getRestriction().getPeriod().getEnd().getTime() - task.getAuthoredOn().getTime();
		assertThat(dueInMillis).isEqualTo(24L * 3600 * 1000);
		assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo(patient.getIdPart() + "/crisis-task/1");
		assertThat(task.getFocus().getReference())
				.isEqualTo(byModel(assessed, "phq-9").getIdElement().toUnqualifiedVersionless().getValue());
		java.util.List.of(plan, flag, task).forEach(output -> ConformanceAssertions.assertConforms(port, output));
		assertThat(java.util.List.of(plan, flag, task)).extracting(r -> r.getMeta().getProfile().get(0).getValue()).containsExactly(
				"http://workwell.health/fhir/StructureDefinition/workwell-care-plan",
				"http://workwell.health/fhir/StructureDefinition/workwell-flag",
				"http://workwell.health/fhir/StructureDefinition/workwell-crisis-task");

		Bundle second = tier();
		org.hl7.fhir.r4.model.CarePlan again = only(second, org.hl7.fhir.r4.model.CarePlan.class);
		assertThat(again.getIdElement().getIdPart()).isEqualTo(plan.getIdElement().getIdPart());
		assertThat(again.getMeta().getVersionId()).as("unchanged assessments: the plan is not written again").isEqualTo("1");
		assertThat(only(second, org.hl7.fhir.r4.model.Task.class).getRestriction().getPeriod().getEnd())
				.as("a re-run does not move the crisis deadline").isEqualTo(task.getRestriction().getPeriod().getEnd());
		assertThat(count(org.hl7.fhir.r4.model.CarePlan.class, "subject")).isEqualTo(1);
		assertThat(count(org.hl7.fhir.r4.model.Flag.class, "subject")).isEqualTo(1);
		assertThat(count(org.hl7.fhir.r4.model.Task.class, "patient")).isEqualTo(1);
	}

	@Test
	void tierBeforeAnyAssessmentIs400() {
		assertThatThrownBy(this::tier).isInstanceOf(InvalidRequestException.class).hasMessageContaining("run $risk-assess first");
	}

	private static final String WW = "http://workwell.health/fhir/CodeSystem/";

	/** An exposure as the occupational-exposure profile has it (the IG's example shape). */
	private Observation exposure(String hazard, double level, String unit, String metric, String grade, String start, String end) {
		Observation exposure = new Observation();
		exposure.getMeta().addProfile("http://workwell.health/fhir/StructureDefinition/workwell-occupational-exposure");
		exposure.setStatus(Observation.ObservationStatus.FINAL);
		exposure.addCategory(new CodeableConcept(new Coding(WW + "observation-category", "occupational-exposure", null)));
		exposure.setCode(new CodeableConcept(new Coding(WW + "hazard-agent", hazard, null)));
		exposure.setSubject(new Reference(patient));
		exposure.setEffective(new org.hl7.fhir.r4.model.Period().setStartElement(new DateTimeType(start))
				.setEndElement(end == null ? null : new DateTimeType(end)));
		exposure.setValue(new Quantity().setValue(level).setSystem("http://unitsofmeasure.org").setCode(unit).setUnit(unit));
		exposure.setMethod(new CodeableConcept(new Coding(WW + "exposure-metric", metric, null)));
		if (grade != null) {
			exposure.addComponent().setCode(new CodeableConcept(new Coding(WW + "observation-code", "exposure-grade", null)))
					.setValue(new CodeableConcept(new Coding(WW + "exposure-grade", grade, null)));
		}
		return exposure;
	}

	/** A finished periodic exam for {@code hazard} on {@code day}, and its report with {@code conclusion}. */
	private void exam(String hazard, String day, String conclusion) {
		org.hl7.fhir.r4.model.Encounter exam = new org.hl7.fhir.r4.model.Encounter();
		exam.getMeta().addProfile("http://workwell.health/fhir/StructureDefinition/workwell-occupational-exam-encounter");
		exam.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED);
		exam.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
		exam.addType(new CodeableConcept(new Coding(WW + "exam-type", "periodic", null)));
		exam.setSubject(new Reference(patient));
		exam.setPeriod(new org.hl7.fhir.r4.model.Period().setStartElement(new DateTimeType(day + "T08:30:00+08:00")));
		exam.addReasonCode(new CodeableConcept(new Coding(WW + "hazard-agent", hazard, null)));
		IdType examId = create(exam);
		org.hl7.fhir.r4.model.DiagnosticReport report = new org.hl7.fhir.r4.model.DiagnosticReport();
		report.getMeta().addProfile("http://workwell.health/fhir/StructureDefinition/workwell-occupational-exam-report");
		report.setStatus(org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus.FINAL);
		report.addCategory(new CodeableConcept(new Coding(WW + "observation-category", "occupational-health", null)));
		report.setCode(new CodeableConcept(new Coding(WW + "exam-type", "periodic", null)));
		report.setSubject(new Reference(patient));
		report.setEncounter(new Reference(examId));
		report.setEffective(new DateTimeType(day));
		report.setIssuedElement(new org.hl7.fhir.r4.model.InstantType(day + "T16:00:00+08:00"));
		report.setConclusion("periodic exam for " + hazard);
		report.addConclusionCode(new CodeableConcept(new Coding(WW + "exam-conclusion", conclusion, null)));
		create(report);
	}

	private static java.util.Map<String, RiskAssessment.RiskAssessmentPredictionComponent> byHazard(RiskAssessment surveillance) {
		java.util.Map<String, RiskAssessment.RiskAssessmentPredictionComponent> byHazard = new java.util.TreeMap<>();
		surveillance.getPrediction().forEach(p -> byHazard.put(p.getOutcome().getCodingFirstRep().getCode(), p));
		return byHazard;
	}

	private List<org.hl7.fhir.r4.model.ServiceRequest> examRequests(String status) {
		return client.search().forResource(org.hl7.fhir.r4.model.ServiceRequest.class)
				.where(org.hl7.fhir.r4.model.ServiceRequest.SUBJECT.hasId(patient))
				.and(org.hl7.fhir.r4.model.ServiceRequest.STATUS.exactly().code(status))
				.returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> (org.hl7.fhir.r4.model.ServiceRequest) e.getResource()).toList();
	}

	/**
	 * GBZ 188-2014 through both operations: noise L_EX,8h 88 dB(A) ≥ 85 → audiometry yearly (grade I and a
	 * normal exam: yellow, so 12 months after the 2026-05-12 exam); silica dust grade III (severe: red) →
	 * chest radiograph and spirometry, the 12-month GBZ interval for grade II+ shortened to 6, due now as
	 * it was never examined; an ended benzene exposure is not surveilled; ending the silica exposure
	 * revokes its request on the next $tier.
	 */
	@Test
	void occupationalExposuresGiveGbz188AssessmentAndExamRequests() {
		IdType noise = create(exposure("noise", 88, "dB[SPL]", "lex-8h", "grade-1", "2015-07-01", null));
		Observation silicaExposure = exposure("silica-dust", 0.9, "mg/m3", "twa-8h", "grade-3", "2024-01-01", null);
		IdType silica = create(silicaExposure);
		create(exposure("benzene", 2.4, "mg/m3", "twa-8h", null, "2018-01-01", "2020-12-31"));
		exam("noise", "2026-05-12", "no-abnormality");

		Parameters onlyOccupational = onDate("2026-06-01");
		onlyOccupational.addParameter().setName("model").setValue(new CodeType("gbz188-surveillance"));
		RiskAssessment surveillance = byModel(riskAssess(onlyOccupational), "gbz188-surveillance");
		var predictions = byHazard(surveillance);
		assertThat(predictions.keySet()).containsExactly("noise", "silica-dust");
		assertThat(predictions.get("noise").getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("yellow");
		assertThat(predictions.get("noise").getRationale()).contains("every 12 months", "pure-tone audiometry", "due 2027-05-12");
		assertThat(predictions.get("silica-dust").getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("red");
		assertThat(predictions.get("silica-dust").getRationale()).contains("every 6 months (GBZ 188 interval 12", "due 2026-06-01");
		assertThat(surveillance.getBasis()).extracting(Reference::getReference).contains(noise.getValue(), silica.getValue());

		riskAssess(onDate("2026-06-01"));
		Bundle planned = tier();
		var plan = only(planned, org.hl7.fhir.r4.model.CarePlan.class);
		assertThat(plan.getCategory()).extracting(c -> c.getCodingFirstRep().getCode()).contains("red");
		assertThat(plan.getActivity()).filteredOn(a -> a.getDetail().getCode().getCodingFirstRep().getCode().equals("occupational-re-exam"))
				.hasSize(2);
		List<org.hl7.fhir.r4.model.ServiceRequest> requests = examRequests("active");
		assertThat(requests).hasSize(2);
		var noiseExam = requests.stream().filter(r -> r.getReasonCodeFirstRep().getCodingFirstRep().getCode().equals("noise")).findFirst().orElseThrow();
		assertThat(noiseExam.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2027-05-12");
		assertThat(noiseExam.getOrderDetail()).extracting(CodeableConcept::getText).singleElement().asString().contains("pure-tone audiometry");
		assertThat(noiseExam.getReasonReferenceFirstRep().getReference()).isEqualTo(noise.getValue());
		assertThat(noiseExam.getSupportingInfoFirstRep().getReference())
				.isEqualTo(surveillance.getIdElement().toUnqualifiedVersionless().getValue());
		assertThat(noiseExam.getBasedOnFirstRep().getReference()).isEqualTo(plan.getIdElement().toUnqualifiedVersionless().getValue());
		var silicaExam = requests.stream().filter(r -> r.getReasonCodeFirstRep().getCodingFirstRep().getCode().equals("silica-dust")).findFirst().orElseThrow();
		assertThat(silicaExam.getOrderDetail()).extracting(CodeableConcept::getText)
				.anyMatch(t -> t.contains("chest radiograph")).anyMatch(t -> t.contains("spirometry"));
		assertThat(silicaExam.getOccurrenceDateTimeType().getValueAsString())
				.as("never examined: due now").isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
		assertThat(silicaExam.getMeta().getProfile().get(0).getValue())
				.isEqualTo("http://workwell.health/fhir/StructureDefinition/workwell-occupational-exam-request");
		ConformanceAssertions.assertConforms(port, silicaExam);
		ConformanceAssertions.assertConforms(port, noiseExam);
		ConformanceAssertions.assertConforms(port, client.read().resource(RiskAssessment.class)
				.withId(surveillance.getIdElement().toUnqualifiedVersionless()).execute());

		tier();
		assertThat(examRequests("active")).as("re-running updates, no second request").hasSize(2);

		silicaExposure.setId(silica);
		silicaExposure.getEffectivePeriod().setEndElement(new DateTimeType("2026-01-31"));
		client.update().resource(silicaExposure).execute();
		tier();
		assertThat(examRequests("active")).extracting(r -> r.getReasonCodeFirstRep().getCodingFirstRep().getCode()).containsExactly("noise");
		assertThat(examRequests("revoked")).extracting(r -> r.getIdElement().getIdPart()).containsExactly(silicaExam.getIdElement().getIdPart());
	}

	@Test
	void aNoiseLevelInAnotherUnitIsRefusedNotAssumed() {
		create(exposure("noise", 88, "dB", "lex-8h", null, "2015-07-01", null));
		Parameters onlyOccupational = onDate("2026-06-01");
		onlyOccupational.addParameter().setName("model").setValue(new CodeType("gbz188-surveillance"));
		Bundle result = riskAssess(onlyOccupational);
		assertThat(result.getEntry()).noneMatch(e -> e.getResource() instanceof RiskAssessment);
		assertThat(only(result, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("gbz188-surveillance: noise: the exposure level must be an L_EX,8h", "dB by lex-8h");
	}

	private List<RiskAssessment> stored() {
		Bundle bundle = client.search().forResource(RiskAssessment.class)
				.where(RiskAssessment.SUBJECT.hasId(patient)).count(100).returnBundle(Bundle.class).execute();
		return bundle.getEntry().stream().map(e -> (RiskAssessment) e.getResource()).toList();
	}
}
