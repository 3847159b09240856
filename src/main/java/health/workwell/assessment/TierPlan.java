package health.workwell.assessment;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import health.workwell.scoring.composite.ManagementGroup;
import health.workwell.scoring.composite.PsychologicalTier;
import health.workwell.scoring.composite.Tier;
import health.workwell.scoring.occupational.Gbz188Surveillance;
import health.workwell.scoring.psych.Severity;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Timing;

/**
 * The management plan {@code $tier} keeps for one patient, from the latest stored assessments
 * (docs/assessment-inputs.md, "$tier"): a CarePlan (tier, management group, follow-up cadence,
 * psychological intervention, occupational exams), a Flag while the tier is high or very high (made
 * inactive when it drops), a crisis Task due within 24 h when the PHQ-9 shows a crisis, and a
 * ServiceRequest per occupational exam GBZ 188 asks for (revoked when its exposure has ended).
 *
 * <p>Each resource has a per-patient identifier and is kept by {@link StoredOutputs}. A resource an
 * earlier run wrote keeps its start and authoring times (a re-run must not move a crisis deadline).
 */
final class TierPlan {

	static final String PLAN_ID_SYSTEM = Codes.WORKWELL + "/NamingSystem/management-plan";
	static final String MANAGEMENT_GROUP_SYSTEM = Codes.WORKWELL + "/CodeSystem/management-group";
	static final String INTERVENTION_SYSTEM = Codes.WORKWELL + "/CodeSystem/intervention";

	final String patientId;
	final Tier tier;
	private final StoredOutputs outputs = new StoredOutputs();
	private final TierInputs inputs;
	private final Date now;

	private TierPlan(String patientId, Tier tier, TierInputs inputs, Date now) {
		this.patientId = patientId;
		this.tier = tier;
		this.inputs = inputs;
		this.now = now;
	}

	/** The plan, or empty when the patient has no composite assessment yet. */
	static Optional<TierPlan> of(String patientId, TierInputs inputs, Date now) {
		Optional<RiskAssessment> composite = inputs.latest(patientId, "workwell-composite");
		if (composite.isEmpty()) {
			return Optional.empty();
		}
		Tier tier = Tier.valueOf(enumName(composite.get().getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode()));
		TierPlan plan = new TierPlan(patientId, tier, inputs, now);
		plan.build(composite.get());
		return Optional.of(plan);
	}

	/** Adds this plan's creates and updates to a transaction (nothing when nothing changed). */
	void addTo(Bundle transaction) {
		outputs.addTo(transaction);
	}

	/** The plan's resources as they stand once the writes are committed (answered to the caller). */
	List<Resource> current() {
		return outputs.current;
	}

	private void build(RiskAssessment composite) {
		Optional<RiskAssessment> phq9 = inputs.latest(patientId, "phq-9");
		PsychologicalTier psychological = psychologicalTier(phq9, inputs.latest(patientId, "gad-7"));
		OccupationalSurveillance occupational = new OccupationalSurveillance(inputs.occupational(patientId),
				OccupationalSurveillance.localDate(now));
		Optional<RiskAssessment> surveillance = inputs.latest(patientId, Gbz188Surveillance.MODEL.code());

		CarePlan plan = carePlan(psychological, composite, surveillance);
		List<OccupationalSurveillance.HazardPlan> exams = occupational.plans.stream().filter(h -> h.plan().required()).toList();
		exams.forEach(hazard -> addExamActivity(plan, hazard));
		occupational.plans.stream().map(OccupationalSurveillance.HazardPlan::risk).max(Comparator.naturalOrder())
				.ifPresent(risk -> plan.addCategory(new CodeableConcept(new Coding(Codes.OCCUPATIONAL_RISK_SYSTEM, code(risk.name()), null))));
		String planReference = keep(plan, patientId + "/care-plan");

		boolean raised = tier == Tier.HIGH || tier == Tier.VERY_HIGH;
		Optional<Resource> existingFlag = inputs.planResource(patientId + "/risk-flag");
		if (raised || existingFlag.isPresent()) {
			keep(flag(raised, composite, existingFlag.map(Flag.class::cast)), patientId + "/risk-flag");
		}
		if (psychological == PsychologicalTier.CRISIS) {
			RiskAssessment screen = phq9.orElseThrow();
			keep(crisisTask(screen), patientId + "/crisis-task/" + screen.getMeta().getVersionId());
		}
		Set<String> examIdentifiers = new HashSet<>();
		for (OccupationalSurveillance.HazardPlan hazard : exams) {
			String identifier = patientId + "/exam/" + hazard.hazard().getCode();
			examIdentifiers.add(identifier);
			keep(examRequest(hazard, surveillance, planReference), identifier);
		}
		for (ServiceRequest outdated : inputs.activeExamRequests(patientId)) {
			if (!examIdentifiers.contains(outdated.getIdentifierFirstRep().getValue())) {
				ServiceRequest revoked = outdated.copy();
				revoked.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
				outputs.update(revoked, outdated);
			}
		}
	}

	/**
	 * Makes {@code wanted} the resource under {@code identifier}: created when there is none, updated
	 * (keeping its start and authoring times) when it differs from the stored one, left alone otherwise.
	 * Answers the reference other resources of the plan use for it.
	 */
	private String keep(Resource wanted, String identifier) {
		identifiers(wanted).add(new Identifier().setSystem(PLAN_ID_SYSTEM).setValue(identifier));
		Optional<Resource> stored = existing(wanted, identifier);
		stored.ifPresent(before -> keepTimes(wanted, before));
		return outputs.keep(wanted, PLAN_ID_SYSTEM, identifier, stored);
	}

	private Optional<Resource> existing(Resource wanted, String identifier) {
		if (wanted instanceof ServiceRequest) {
			return inputs.activeExamRequests(patientId).stream()
					.filter(r -> identifier.equals(r.getIdentifierFirstRep().getValue())).map(Resource.class::cast).findFirst();
		}
		return inputs.planResource(identifier);
	}

	/** What an earlier run set once and a re-run keeps: plan start, flag period, authoring time, crisis deadline. */
	private void keepTimes(Resource wanted, Resource stored) {
		if (wanted instanceof CarePlan plan && stored instanceof CarePlan before) {
			plan.setPeriod(before.getPeriod().copy());
		} else if (wanted instanceof Flag flag && stored instanceof Flag before) {
			if (flag.getStatus() == before.getStatus()) {
				flag.setPeriod(before.getPeriod().copy());
			} else if (flag.getStatus() == Flag.FlagStatus.INACTIVE) {
				flag.setPeriod(before.getPeriod().copy().setEnd(now));
			}
		} else if (wanted instanceof Task task && stored instanceof Task before) {
			task.setAuthoredOnElement(before.getAuthoredOnElement().copy());
			task.setRestriction(before.getRestriction().copy());
		} else if (wanted instanceof ServiceRequest request && stored instanceof ServiceRequest before) {
			request.setAuthoredOnElement(before.getAuthoredOnElement().copy());
		}
	}

	private static List<Identifier> identifiers(Resource resource) {
		if (resource instanceof CarePlan plan) {
			return plan.getIdentifier();
		} else if (resource instanceof Flag flag) {
			return flag.getIdentifier();
		} else if (resource instanceof Task task) {
			return task.getIdentifier();
		} else if (resource instanceof ServiceRequest request) {
			return request.getIdentifier();
		}
		throw new IllegalArgumentException(resource.fhirType());
	}

	private static PsychologicalTier psychologicalTier(Optional<RiskAssessment> phq9, Optional<RiskAssessment> gad7) {
		boolean crisis = phq9.isPresent() && phq9.get().getNote().stream().anyMatch(n -> n.getText().startsWith("crisis"));
		return PsychologicalTier.of(crisis, severity(phq9), severity(gad7));
	}

	/** The severity a screening RiskAssessment recorded in qualitativeRisk, if any. */
	private static Severity severity(Optional<RiskAssessment> screen) {
		return screen.map(s -> s.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode())
				.map(code -> Severity.valueOf(enumName(code)))
				.orElse(null);
	}

	private CarePlan carePlan(PsychologicalTier psychological, RiskAssessment composite, Optional<RiskAssessment> surveillance) {
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
		plan.addSupportingInfo(reference(composite));
		surveillance.ifPresent(ra -> plan.addSupportingInfo(reference(ra)));
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

	private static void addExamActivity(CarePlan plan, OccupationalSurveillance.HazardPlan hazard) {
		CarePlan.CarePlanActivityDetailComponent exam = plan.addActivity().getDetail();
		exam.setKind(CarePlan.CarePlanActivityKind.SERVICEREQUEST);
		exam.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
		exam.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, "occupational-re-exam", "Occupational re-examination")));
		exam.addReasonCode(new CodeableConcept(hazard.hazard().copy()));
		exam.setScheduled(new Period().setStartElement(day(hazard.due())));
		exam.setDescription(hazard.plan().source() + ": every " + hazard.plan().intervalMonths() + " months");
	}

	private Flag flag(boolean raised, RiskAssessment composite, Optional<Flag> before) {
		Flag flag = new Flag();
		flag.getMeta().addProfile(Codes.profile("workwell-flag"));
		flag.setStatus(raised ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
		flag.setSubject(new Reference("Patient/" + patientId));
		flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
		flag.setCode(new CodeableConcept(new Coding(Codes.RISK_TIER_SYSTEM, code(tier.name()), null))
				.setText(raised ? "Health risk " + code(tier.name()) : "Health risk no longer high"));
		flag.setPeriod(new Period().setStart(now));
		flag.addExtension("http://hl7.org/fhir/StructureDefinition/flag-detail", reference(composite));
		return flag;
	}

	private Task crisisTask(RiskAssessment screen) {
		Task task = new Task();
		task.getMeta().addProfile(Codes.profile("workwell-crisis-task"));
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setPriority(Task.TaskPriority.STAT);
		task.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, "crisis-follow-up", "Crisis follow-up")));
		task.setDescription("PHQ-9 item 9 answered above 0: assess suicide risk within 24 hours");
		task.setFor(new Reference("Patient/" + patientId));
		task.setFocus(reference(screen));
		task.setAuthoredOn(now);
		task.getRestriction().setPeriod(new Period().setEnd(Date.from(now.toInstant().plus(24, ChronoUnit.HOURS))));
		return task;
	}

	/**
	 * The next periodic exam for one hazard (profile workwell-occupational-exam-request): due on the
	 * computed date, its items as order details, the exposure and the surveillance assessment behind it.
	 */
	private ServiceRequest examRequest(OccupationalSurveillance.HazardPlan hazard, Optional<RiskAssessment> surveillance,
			String planReference) {
		ServiceRequest exam = new ServiceRequest();
		exam.getMeta().addProfile(Codes.profile("workwell-occupational-exam-request"));
		exam.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		exam.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		exam.setCode(new CodeableConcept(new Coding(Codes.EXAM_TYPE_SYSTEM, "periodic", "Periodic in-service examination (在岗期间)")));
		hazard.plan().items().forEach(item -> exam.addOrderDetail().setText(item.nameEn() + " (" + item.nameZh() + ")"));
		exam.setSubject(new Reference("Patient/" + patientId));
		exam.setOccurrence(day(hazard.due()));
		exam.setAuthoredOn(now);
		exam.addReasonCode(new CodeableConcept(hazard.hazard().copy()));
		exam.addReasonReference(reference(hazard.exposure()));
		surveillance.ifPresent(ra -> exam.addSupportingInfo(reference(ra)));
		exam.addBasedOn(new Reference(planReference));
		if (!hazard.plan().contraindications().isEmpty()) {
			exam.addNote().setText("Occupational contraindications (" + hazard.plan().source() + "): "
					+ String.join("; ", hazard.plan().contraindications()));
		}
		return exam;
	}

	private static Reference reference(Resource resource) {
		return new Reference(resource.getIdElement().toUnqualifiedVersionless().getValue());
	}

	private static DateTimeType day(LocalDate day) {
		return new DateTimeType(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()), TemporalPrecisionEnum.DAY, java.util.TimeZone.getTimeZone("UTC"));
	}

	static String code(String enumName) {
		return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String enumName(String code) {
		return code.toUpperCase(Locale.ROOT).replace('-', '_');
	}
}
