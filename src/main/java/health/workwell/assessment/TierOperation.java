package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.workwell.scoring.composite.ManagementGroup;
import health.workwell.scoring.composite.PsychologicalTier;
import health.workwell.scoring.composite.Tier;
import health.workwell.scoring.occupational.Gbz188Surveillance;
import health.workwell.scoring.psych.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Timing;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Patient/{id}/$tier}: from the patient's latest stored assessments (run
 * {@code $risk-assess} first), sets the management tier and writes the plan: a CarePlan (tier,
 * follow-up cadence of the management group, psychological intervention), a Flag while the tier is high
 * or very high (made inactive when it no longer is), and a Task due within 24 h when the PHQ-9 shows a
 * crisis, and for each current occupational exposure that GBZ 188-2014 surveils a ServiceRequest for
 * the next periodic exam with its due date (one whose exposure has ended is revoked). Every output has
 * a per-patient identifier and is written as a conditional update in one
 * transaction, so re-running updates the plan instead of adding a second one.
 */
@Component
public class TierOperation {

	static final String PLAN_ID_SYSTEM = Codes.WORKWELL + "/NamingSystem/management-plan";
	static final String MANAGEMENT_GROUP_SYSTEM = Codes.WORKWELL + "/CodeSystem/management-group";
	static final String INTERVENTION_SYSTEM = Codes.WORKWELL + "/CodeSystem/intervention";

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	public TierOperation(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.daos = daos;
		this.systemDao = systemDao;
	}

	@Operation(name = "$tier", typeName = "Patient")
	@Description(shortDefinition = "Set the management tier and write the plan from the latest assessments")
	public Bundle tier(@IdParam IdType patientId, RequestDetails request) {
		Patient patient = daos.getResourceDao(Patient.class).read(patientId.toUnqualifiedVersionless(), request);
		String id = patient.getIdElement().getIdPart();
		RiskAssessment composite = latest(id, "workwell-composite", request).orElseThrow(() -> new InvalidRequestException(
				"Patient/" + id + " has no composite RiskAssessment yet: run $risk-assess first"));
		Tier tier = Tier.valueOf(composite.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode()
				.toUpperCase(Locale.ROOT).replace('-', '_'));
		Optional<RiskAssessment> phq9 = latest(id, "phq-9", request);
		PsychologicalTier psychological = psychologicalTier(phq9, latest(id, "gad-7", request));
		Date now = new Date();

		CarePlan plan = carePlan(id, tier, psychological, composite, now);
		OccupationalSurveillance occupational = new OccupationalSurveillance(OccupationalRecord.read(daos, id, request),
				OccupationalSurveillance.localDate(now));
		Optional<RiskAssessment> surveillance = latest(id, Gbz188Surveillance.MODEL.code(), request);
		surveillance.ifPresent(ra -> plan.addSupportingInfo(new Reference(ra.getIdElement().toUnqualifiedVersionless().getValue())));

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String planUrl = put(transaction, plan, id + "/care-plan");
		Set<String> examIdentifiers = new HashSet<>();
		for (OccupationalSurveillance.HazardPlan hazard : occupational.plans) {
			if (hazard.plan().required()) {
				addExamActivity(plan, hazard);
				String examIdentifier = id + "/exam/" + hazard.hazard().getCode();
				examIdentifiers.add(examIdentifier);
				put(transaction, examRequest(id, hazard, surveillance, planUrl, now), examIdentifier);
			}
		}
		occupational.plans.stream().map(OccupationalSurveillance.HazardPlan::risk).max(Comparator.naturalOrder())
				.ifPresent(risk -> plan.addCategory(new CodeableConcept(new Coding(Codes.OCCUPATIONAL_RISK_SYSTEM, code(risk.name()), null))));
		for (ServiceRequest outdated : activeExamRequests(id, request)) {
			String identifier = outdated.getIdentifierFirstRep().getValue();
			if (!examIdentifiers.contains(identifier)) {
				outdated.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
				outdated.getIdentifier().clear();
				outdated.setId((String) null);
				put(transaction, outdated, identifier);
			}
		}
		put(transaction, flag(id, tier, composite, now), id + "/risk-flag");
		if (psychological == PsychologicalTier.CRISIS) {
			RiskAssessment screen = phq9.orElseThrow();
			put(transaction, crisisTask(id, screen, now), id + "/crisis-task/" + screen.getMeta().getVersionId());
		}
		ConditionalWrites.commit(systemDao, request, transaction);
		Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
		transaction.getEntry().forEach(entry -> result.addEntry().setResource(entry.getResource()));
		return result;
	}

	private Optional<RiskAssessment> latest(String patientId, String model, RequestDetails request) {
		SearchParameterMap search = SearchParameterMap.newSynchronous("subject", new ReferenceParam("Patient/" + patientId));
		search.add("identifier", new TokenParam(Codes.ASSESSMENT_ID_SYSTEM, patientId + "/" + model));
		return daos.getResourceDao(RiskAssessment.class).searchForResources(search, request).stream().findFirst();
	}

	/** The exam requests an earlier run wrote that are still active. */
	private List<ServiceRequest> activeExamRequests(String patientId, RequestDetails request) {
		SearchParameterMap search = SearchParameterMap.newSynchronous("subject", new ReferenceParam("Patient/" + patientId));
		search.add("identifier", new TokenParam(PLAN_ID_SYSTEM, null));
		search.add("status", new TokenParam("active"));
		return daos.getResourceDao(ServiceRequest.class).searchForResources(search, request).stream()
				.map(ServiceRequest.class::cast)
				.toList();
	}

	private static void addExamActivity(CarePlan plan, OccupationalSurveillance.HazardPlan hazard) {
		CarePlan.CarePlanActivityDetailComponent exam = plan.addActivity().getDetail();
		exam.setKind(CarePlan.CarePlanActivityKind.SERVICEREQUEST);
		exam.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
		exam.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, "occupational-re-exam", "Occupational re-examination")));
		exam.addReasonCode(new CodeableConcept(hazard.hazard().copy()));
		exam.setScheduled(new Period().setStartElement(new DateTimeType(date(hazard.due()), TemporalPrecisionEnum.DAY)));
		exam.setDescription(hazard.plan().source() + ": every " + hazard.plan().intervalMonths() + " months");
	}

	/**
	 * The next periodic exam for one hazard (profile workwell-occupational-exam-request): due on the
	 * computed date, its items as order details, the exposure and the surveillance assessment behind it.
	 */
	private static ServiceRequest examRequest(String patientId, OccupationalSurveillance.HazardPlan hazard,
			Optional<RiskAssessment> surveillance, String planUrl, Date now) {
		ServiceRequest exam = new ServiceRequest();
		exam.getMeta().addProfile(Codes.profile("workwell-occupational-exam-request"));
		exam.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		exam.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		exam.setCode(new CodeableConcept(new Coding(Codes.EXAM_TYPE_SYSTEM, "periodic", "Periodic in-service examination (在岗期间)")));
		hazard.plan().items().forEach(item -> exam.addOrderDetail().setText(item.nameEn() + " (" + item.nameZh() + ")"));
		exam.setSubject(new Reference("Patient/" + patientId));
		exam.setOccurrence(new DateTimeType(date(hazard.due()), TemporalPrecisionEnum.DAY));
		exam.setAuthoredOn(now);
		exam.addReasonCode(new CodeableConcept(hazard.hazard().copy()));
		exam.addReasonReference(new Reference(hazard.exposure().getIdElement().toUnqualifiedVersionless().getValue()));
		surveillance.ifPresent(ra -> exam.addSupportingInfo(new Reference(ra.getIdElement().toUnqualifiedVersionless().getValue())));
		exam.addBasedOn(new Reference(planUrl));
		if (!hazard.plan().contraindications().isEmpty()) {
			exam.addNote().setText("Occupational contraindications (" + hazard.plan().source() + "): "
					+ String.join("; ", hazard.plan().contraindications()));
		}
		return exam;
	}

	private static Date date(java.time.LocalDate day) {
		return Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}

	private static PsychologicalTier psychologicalTier(Optional<RiskAssessment> phq9, Optional<RiskAssessment> gad7) {
		boolean crisis = phq9.isPresent() && phq9.get().getNote().stream().anyMatch(n -> n.getText().startsWith("crisis"));
		return PsychologicalTier.of(crisis, severity(phq9), severity(gad7));
	}

	/** The severity a screening RiskAssessment recorded in qualitativeRisk, if any. */
	private static Severity severity(Optional<RiskAssessment> screen) {
		return screen.map(s -> s.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode())
				.map(code -> Severity.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_')))
				.orElse(null);
	}

	private static CarePlan carePlan(String patientId, Tier tier, PsychologicalTier psychological, RiskAssessment composite, Date now) {
		ManagementGroup group = ManagementGroup.of(tier);
		CarePlan plan = new CarePlan();
		plan.getMeta().addProfile(Codes.profile("workwell-care-plan"));
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.setSubject(new Reference("Patient/" + patientId));
		plan.setTitle("WorkWell health management plan");
		plan.addCategory(new CodeableConcept(new Coding(Codes.RISK_TIER_SYSTEM, code(tier.name()), null)));
		plan.addCategory(new CodeableConcept(new Coding(MANAGEMENT_GROUP_SYSTEM, code(group.name()), null)));
		plan.setPeriod(new Period().setStart(now));
		plan.addSupportingInfo(new Reference(composite.getIdElement().toUnqualifiedVersionless().getValue()));
		CarePlan.CarePlanActivityDetailComponent followUp = plan.addActivity().getDetail();
		followUp.setKind(CarePlan.CarePlanActivityKind.TASK);
		followUp.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
		followUp.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, "follow-up", "Follow-up")));
		followUp.setScheduled(new Timing().setRepeat(new Timing.TimingRepeatComponent().setFrequency(1)
				.setPeriod(group.period()).setPeriodUnit(Timing.UnitsOfTime.fromCode(group.periodUnit()))));
		if (psychological != PsychologicalTier.NONE) {
			CarePlan.CarePlanActivityDetailComponent intervention = plan.addActivity().getDetail();
			intervention.setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED);
			intervention.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, code(psychological.name()), null)));
		}
		return plan;
	}

	private static Flag flag(String patientId, Tier tier, RiskAssessment composite, Date now) {
		boolean raised = tier == Tier.HIGH || tier == Tier.VERY_HIGH;
		Flag flag = new Flag();
		flag.getMeta().addProfile(Codes.profile("workwell-flag"));
		flag.setStatus(raised ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
		flag.setSubject(new Reference("Patient/" + patientId));
		flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
		flag.setCode(new CodeableConcept(new Coding(Codes.RISK_TIER_SYSTEM, code(tier.name()), null))
				.setText(raised ? "Health risk " + code(tier.name()) : "Health risk no longer high"));
		flag.setPeriod(new Period().setStart(now));
		flag.addExtension("http://hl7.org/fhir/StructureDefinition/flag-detail",
				new Reference(composite.getIdElement().toUnqualifiedVersionless().getValue()));
		return flag;
	}

	private static Task crisisTask(String patientId, RiskAssessment screen, Date now) {
		Task task = new Task();
		task.getMeta().addProfile(Codes.profile("workwell-crisis-task"));
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setPriority(Task.TaskPriority.STAT);
		task.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, "crisis-follow-up", "Crisis follow-up")));
		task.setDescription("PHQ-9 item 9 answered above 0: assess suicide risk within 24 hours");
		task.setFor(new Reference("Patient/" + patientId));
		task.setFocus(new Reference(screen.getIdElement().toUnqualifiedVersionless().getValue()));
		task.setAuthoredOn(now);
		task.getRestriction().setPeriod(new Period().setEnd(Date.from(now.toInstant().plus(24, ChronoUnit.HOURS))));
		return task;
	}

	/** Adds a conditional update on the plan identifier; answers the entry's fullUrl for references within the transaction. */
	private static String put(Bundle transaction, Resource resource, String identifier) {
		String type = resource.fhirType();
		var planIdentifier = new org.hl7.fhir.r4.model.Identifier().setSystem(PLAN_ID_SYSTEM).setValue(identifier);
		if (resource instanceof CarePlan plan) {
			plan.addIdentifier(planIdentifier);
		} else if (resource instanceof Flag flag) {
			flag.addIdentifier(planIdentifier);
		} else if (resource instanceof Task task) {
			task.addIdentifier(planIdentifier);
		} else if (resource instanceof ServiceRequest serviceRequest) {
			serviceRequest.addIdentifier(planIdentifier);
		} else {
			throw new IllegalArgumentException(type);
		}
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		transaction.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(type + "?identifier=" + PLAN_ID_SYSTEM + "|" + identifier);
		return fullUrl;
	}

	private static String code(String enumName) {
		return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
