package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.workwell.scoring.composite.CompositeIndex;
import health.workwell.security.PatientConsents;
import health.workwell.scoring.occupational.Gbz188Surveillance;
import health.workwell.scoring.psych.ScreeningQuestionnaire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * What {@code $tier} reads for a set of patients, with one search per kind of resource whatever the
 * number of patients (a population run reads a few hundred patients at a time): the latest stored
 * assessments it needs, the occupational record, and the plan resources an earlier run wrote.
 */
final class TierInputs {

	static final List<String> MODELS_READ = List.of(CompositeIndex.MODEL.code(), ScreeningQuestionnaire.PHQ_9.model().code(),
			ScreeningQuestionnaire.GAD_7.model().code(), Gbz188Surveillance.MODEL.code());

	private final Map<String, RiskAssessment> assessments = new HashMap<>();
	private final Map<String, Resource> planByIdentifier = new HashMap<>();
	private final Map<String, List<ServiceRequest>> activeExamRequests = new HashMap<>();
	private final Map<String, OccupationalRecord> occupational = new HashMap<>();

	static TierInputs read(DaoRegistry daos, List<String> patientIds, RequestDetails request) {
		TierInputs inputs = new TierInputs();
		List<String> assessmentIds = new ArrayList<>();
		TokenOrListParam planIds = new TokenOrListParam();
		for (String patient : patientIds) {
			MODELS_READ.forEach(model -> assessmentIds.add(patient + "/" + model));
			planIds.addOr(new TokenParam(TierPlan.PLAN_ID_SYSTEM, patient + "/care-plan"));
			planIds.addOr(new TokenParam(TierPlan.PLAN_ID_SYSTEM, patient + "/risk-flag"));
		}
		inputs.assessments.putAll(RiskAssessments.storedByIdentifier(daos, assessmentIds, request));
		// PIPL Art. 29: psychological results count only while the employee's consent is active
		java.util.Set<String> consented = PatientConsents.consentedPatients(daos, patientIds, PatientConsents.PSYCHOLOGICAL);
		for (String patient : patientIds) {
			if (!consented.contains(patient)) {
				inputs.assessments.remove(patient + "/" + ScreeningQuestionnaire.PHQ_9.model().code());
				inputs.assessments.remove(patient + "/" + ScreeningQuestionnaire.GAD_7.model().code());
			}
		}
		search(daos, CarePlan.class, byToken("identifier", planIds), request)
				.forEach(plan -> inputs.planByIdentifier.put(identifierIn(plan.getIdentifier(), TierPlan.PLAN_ID_SYSTEM), plan));
		search(daos, Flag.class, byToken("identifier", planIds), request)
				.forEach(flag -> inputs.planByIdentifier.put(identifierIn(flag.getIdentifier(), TierPlan.PLAN_ID_SYSTEM), flag));
		SearchParameterMap crisisTasks = PatientRecord.referencing("patient", patientIds);
		crisisTasks.add("identifier", new TokenParam(TierPlan.PLAN_ID_SYSTEM, null));
		search(daos, Task.class, crisisTasks, request)
				.forEach(task -> inputs.planByIdentifier.put(identifierIn(task.getIdentifier(), TierPlan.PLAN_ID_SYSTEM), task));
		SearchParameterMap examRequests = PatientRecord.referencing("subject", patientIds);
		examRequests.add("identifier", new TokenParam(TierPlan.PLAN_ID_SYSTEM, null));
		examRequests.add("status", new TokenParam("active"));
		for (ServiceRequest exam : search(daos, ServiceRequest.class, examRequests, request)) {
			inputs.activeExamRequests.computeIfAbsent(patientOf(exam.getSubject().getReference()), p -> new ArrayList<>()).add(exam);
		}
		inputs.occupational.putAll(OccupationalRecord.read(daos, patientIds, request));
		return inputs;
	}

	Optional<RiskAssessment> latest(String patientId, String model) {
		return Optional.ofNullable(assessments.get(patientId + "/" + model));
	}

	Optional<Resource> planResource(String identifier) {
		return Optional.ofNullable(planByIdentifier.get(identifier));
	}

	List<ServiceRequest> activeExamRequests(String patientId) {
		return activeExamRequests.getOrDefault(patientId, List.of());
	}

	OccupationalRecord occupational(String patientId) {
		return occupational.getOrDefault(patientId, OccupationalRecord.EMPTY);
	}

	private static SearchParameterMap byToken(String param, TokenOrListParam tokens) {
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.add(param, tokens);
		return map;
	}

	@SuppressWarnings("unchecked")
	private static <T extends IBaseResource> List<T> search(DaoRegistry daos, Class<T> type, SearchParameterMap map,
			RequestDetails request) {
		return (List<T>) daos.getResourceDao(type).searchForResources(map, request);
	}

	private static String identifierIn(List<org.hl7.fhir.r4.model.Identifier> identifiers, String system) {
		return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(org.hl7.fhir.r4.model.Identifier::getValue)
				.findFirst().orElse("");
	}

	private static String patientOf(String reference) {
		return reference.substring(reference.indexOf('/') + 1);
	}
}
