package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
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
import health.workwell.scoring.psych.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Timing;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Patient/{id}/$tier}: from the patient's latest stored assessments (run
 * {@code $risk-assess} first), sets the management tier and writes the plan: a CarePlan (tier,
 * follow-up cadence of the management group, psychological intervention), a Flag while the tier is high
 * or very high (made inactive when it no longer is), and a Task due within 24 h when the PHQ-9 shows a
 * crisis. Every output has a per-patient identifier and is written as a conditional update in one
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

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(transaction, carePlan(id, tier, psychological, composite, now), id + "/care-plan");
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

	private static void put(Bundle transaction, Resource resource, String identifier) {
		String type = resource.fhirType();
		var planIdentifier = new org.hl7.fhir.r4.model.Identifier().setSystem(PLAN_ID_SYSTEM).setValue(identifier);
		if (resource instanceof CarePlan plan) {
			plan.addIdentifier(planIdentifier);
		} else if (resource instanceof Flag flag) {
			flag.addIdentifier(planIdentifier);
		} else if (resource instanceof Task task) {
			task.addIdentifier(planIdentifier);
		} else {
			throw new IllegalArgumentException(type);
		}
		transaction.addEntry().setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(type + "?identifier=" + PLAN_ID_SYSTEM + "|" + identifier);
	}

	private static String code(String enumName) {
		return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
