package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.FamilyMemberHistory;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

/**
 * One patient's stored resources, read once per assessment through HAPI's DAOs (so the same search
 * rules apply as over REST). Only the Observation codes the models read are fetched (a device-heavy
 * record has thousands of others), newest first by {@code date}; those whose status is not
 * final/amended/corrected, or marked questionable, are dropped here and never reach a model.
 */
final class PatientRecord {

	private final Patient patient;
	private final List<Observation> observations;
	private final List<Condition> conditions;
	private final List<MedicationStatement> medicationStatements;
	private final List<MedicationRequest> medicationRequests;
	private final List<FamilyMemberHistory> familyHistory;
	private final List<QuestionnaireResponse> questionnaireResponses;
	private final OccupationalRecord occupational;

	private PatientRecord(Patient patient, List<Observation> observations, List<Condition> conditions,
			List<MedicationStatement> medicationStatements, List<MedicationRequest> medicationRequests,
			List<FamilyMemberHistory> familyHistory, List<QuestionnaireResponse> questionnaireResponses,
			OccupationalRecord occupational) {
		this.patient = patient;
		this.observations = observations;
		this.conditions = conditions;
		this.medicationStatements = medicationStatements;
		this.medicationRequests = medicationRequests;
		this.familyHistory = familyHistory;
		this.questionnaireResponses = questionnaireResponses;
		this.occupational = occupational;
	}

	/** Reads the record; the occupational part only {@code withOccupational} (three more searches). */
	static PatientRecord read(DaoRegistry daos, Patient patient, RequestDetails request, boolean withOccupational) {
		String subject = "Patient/" + patient.getIdElement().getIdPart();
		SearchParameterMap observationSearch = SearchParameterMap.newSynchronous("subject", new ReferenceParam(subject));
		TokenOrListParam codes = new TokenOrListParam();
		Codes.OBSERVATION_CODES_READ.forEach(code -> codes.addOr(new TokenParam(Codes.LOINC, code)));
		observationSearch.add("code", codes);
		observationSearch.setSort(new SortSpec("date", SortOrderEnum.DESC));
		List<Observation> observations = daos.getResourceDao(Observation.class).searchForResources(observationSearch, request)
				.stream()
				.filter(PatientRecord::usable)
				.toList();
		return new PatientRecord(
				patient,
				observations,
				search(daos, Condition.class, "subject", subject, request, null),
				search(daos, MedicationStatement.class, "subject", subject, request, null),
				search(daos, MedicationRequest.class, "subject", subject, request, null),
				search(daos, FamilyMemberHistory.class, "patient", subject, request, null),
				search(daos, QuestionnaireResponse.class, "subject", subject, request, "authored"),
				withOccupational ? OccupationalRecord.read(daos, patient.getIdElement().getIdPart(), request) : OccupationalRecord.EMPTY);
	}

	/** A synchronous search for resources whose {@code param} references any of the patients. */
	static SearchParameterMap referencing(String param, List<String> patientIds) {
		ca.uhn.fhir.rest.param.ReferenceOrListParam patients = new ca.uhn.fhir.rest.param.ReferenceOrListParam();
		patientIds.forEach(id -> patients.addOr(new ReferenceParam("Patient/" + id)));
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.add(param, patients);
		return map;
	}

	private static <T extends IBaseResource> List<T> search(DaoRegistry daos, Class<T> type, String referenceParam,
			String subject, RequestDetails request, String newestFirstBy) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(referenceParam, new ReferenceParam(subject));
		if (newestFirstBy != null) {
			map.setSort(new SortSpec(newestFirstBy, SortOrderEnum.DESC));
		}
		return daos.getResourceDao(type).searchForResources(map, request);
	}

	/** Final, amended or corrected, and not marked questionable: the only Observations a model may read. */
	static boolean usable(Observation observation) {
		boolean finalStatus = switch (observation.getStatus() == null ? Observation.ObservationStatus.NULL : observation.getStatus()) {
			case FINAL, AMENDED, CORRECTED -> true;
			default -> false;
		};
		boolean questionable = observation.getInterpretation().stream()
				.flatMap(concept -> concept.getCoding().stream())
				.anyMatch(coding -> Codes.QUESTIONABLE.equals(coding.getCode()));
		return finalStatus && !questionable;
	}

	Patient patient() {
		return patient;
	}

	/** The newest usable Observation with any of the codes, itself or as a component, and its value. */
	Optional<Measurement> newest(List<String> loincCodes, String unitSystemCode) {
		for (Observation observation : observations) {
			if (Codes.hasLoinc(observation.getCode(), loincCodes) && observation.hasValueQuantity()) {
				return Optional.of(new Measurement(observation, observation.getValueQuantity()));
			}
			for (Observation.ObservationComponentComponent component : observation.getComponent()) {
				if (Codes.hasLoinc(component.getCode(), loincCodes) && component.hasValueQuantity()) {
					return Optional.of(new Measurement(observation, component.getValueQuantity()));
				}
			}
		}
		return Optional.empty();
	}

	/** The newest usable Observation with this LOINC code, whatever its value type. */
	Optional<Observation> newestObservation(String loincCode) {
		return observations.stream().filter(o -> Codes.hasLoinc(o.getCode(), List.of(loincCode))).findFirst();
	}

	List<Condition> activeConditions() {
		return conditions.stream()
				.filter(c -> !c.hasVerificationStatus() || Codes.isConfirmedOrProvisional(c.getVerificationStatus()))
				.filter(c -> !c.hasClinicalStatus() || Codes.isActive(c.getClinicalStatus()))
				.toList();
	}

	List<Resource> activeMedications() {
		List<Resource> active = new java.util.ArrayList<>();
		medicationStatements.stream()
				.filter(m -> m.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE)
				.forEach(active::add);
		medicationRequests.stream()
				.filter(m -> m.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE)
				.forEach(active::add);
		return active;
	}

	OccupationalRecord occupational() {
		return occupational;
	}

	List<FamilyMemberHistory> familyHistory() {
		return familyHistory;
	}

	List<QuestionnaireResponse> completedResponsesNewestFirst() {
		return questionnaireResponses.stream()
				.filter(r -> r.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
						|| r.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED)
				.sorted(Comparator.comparing(QuestionnaireResponse::getAuthored, Comparator.nullsLast(Comparator.reverseOrder())))
				.toList();
	}
}
