package health.workwell.assessment;

import health.workwell.devices.ReadingQuality;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.workwell.lastn.LastNQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.FamilyMemberHistory;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * One patient's stored resources, read once per assessment through HAPI's DAOs (so the same search
 * rules apply as over REST). Only the Observation codes the models read are fetched (a device-heavy
 * record has thousands of others), and of those the few newest per code, newest first; those whose
 * status is not final/amended/corrected, or marked questionable, are dropped here and never reach a model.
 */
final class PatientRecord {

	private final Patient patient;
	private static final int NEWEST_PER_CODE = 3;

	private final List<Observation> observations;
	/** What was loaded, usable or not: tells whether older Observations may hold what the newest lack. */
	private final List<Observation> loaded;
	private final Function<List<String>, List<Observation>> allObservationsOf;
	private List<Observation> allObservations;
	private final List<Condition> conditions;
	private final List<MedicationStatement> medicationStatements;
	private final List<MedicationRequest> medicationRequests;
	/** Medications named by reference, by their id ({@code Medication/x}). */
	private final Map<String, Medication> medications = new HashMap<>();
	private final List<FamilyMemberHistory> familyHistory;
	private final List<QuestionnaireResponse> questionnaireResponses;
	private final OccupationalRecord occupational;

	private PatientRecord(Patient patient, List<Observation> observations, List<Observation> loaded, Function<List<String>, List<Observation>> allObservationsOf,
			List<Condition> conditions,
			List<Resource> medicationStatements, List<Resource> medicationRequests,
			List<FamilyMemberHistory> familyHistory, List<QuestionnaireResponse> questionnaireResponses,
			OccupationalRecord occupational) {
		this.patient = patient;
		this.observations = observations;
		this.loaded = loaded;
		this.allObservationsOf = allObservationsOf;
		this.conditions = conditions;
		this.medicationStatements = only(MedicationStatement.class, medicationStatements);
		this.medicationRequests = only(MedicationRequest.class, medicationRequests);
		Stream.concat(medicationStatements.stream(), medicationRequests.stream())
				.filter(Medication.class::isInstance).map(Medication.class::cast)
				.forEach(m -> medications.put(m.getIdElement().toUnqualifiedVersionless().getValue(), m));
		this.familyHistory = familyHistory;
		this.questionnaireResponses = questionnaireResponses;
		this.occupational = occupational;
	}

	/**
	 * Reads the record; the occupational part only {@code withOccupational} (three more searches). Of the
	 * Observations only the {@value #NEWEST_PER_CODE} newest final ones per code the models read are
	 * loaded (a device-heavy record has hundreds per code); older ones are read only when none of those
	 * is usable with a value.
	 */
	static PatientRecord read(DaoRegistry daos, LastNQuery lastN, Patient patient, RequestDetails request,
			boolean withOccupational) {
		String subject = "Patient/" + patient.getIdElement().getIdPart();
		List<Observation> newestPerCode = lastN.execute(usableObservations(subject, Codes.OBSERVATION_CODES_READ), NEWEST_PER_CODE,
				request);
		Function<List<String>, List<Observation>> allOf = codes -> {
			SearchParameterMap search = usableObservations(subject, codes);
			search.setSort(new SortSpec("date", SortOrderEnum.DESC));
			return daos.getResourceDao(Observation.class).searchForResources(search, request).stream().filter(PatientRecord::usable)
					.toList();
		};
		return new PatientRecord(
				patient,
				newestFirst(newestPerCode),
				newestPerCode,
				allOf,
				search(daos, Condition.class, "subject", subject, request, null),
				withMedications(daos, MedicationStatement.class, subject, request),
				withMedications(daos, MedicationRequest.class, subject, request),
				search(daos, FamilyMemberHistory.class, "patient", subject, request, null),
				search(daos, QuestionnaireResponse.class, "subject", subject, request, "authored"),
				withOccupational ? OccupationalRecord.read(daos, patient.getIdElement().getIdPart(), request) : OccupationalRecord.EMPTY);
	}

	/** Observations of the subject with these LOINC codes, final/amended/corrected (R4 has no interpretation search). */
	private static SearchParameterMap usableObservations(String subject, List<String> loincCodes) {
		SearchParameterMap search = SearchParameterMap.newSynchronous("subject", new ReferenceParam(subject));
		TokenOrListParam codes = new TokenOrListParam();
		loincCodes.forEach(code -> codes.addOr(new TokenParam(Codes.LOINC, code)));
		search.add("code", codes);
		search.add("status", new TokenOrListParam().addOr(new TokenParam("final")).addOr(new TokenParam("amended"))
				.addOr(new TokenParam("corrected")));
		return search;
	}

	/** Usable ones only, newest first by their effective time (the latest instant they name). */
	private static List<Observation> newestFirst(List<Observation> observations) {
		return observations.stream()
				.filter(PatientRecord::usable)
				.sorted(Comparator.comparing(PatientRecord::effective, Comparator.nullsLast(Comparator.reverseOrder())))
				.toList();
	}

	private static Date effective(Observation observation) {
		if (observation.hasEffectiveDateTimeType()) {
			return observation.getEffectiveDateTimeType().getValue();
		}
		if (observation.hasEffectivePeriod()) {
			Period period = observation.getEffectivePeriod();
			return period.getEnd() != null ? period.getEnd() : period.getStart();
		}
		if (observation.hasEffectiveInstantType()) {
			return observation.getEffectiveInstantType().getValue();
		}
		return null;
	}

	/** The subject's statements or requests, and the stored Medication resources they name by reference. */
	private static List<Resource> withMedications(DaoRegistry daos, Class<? extends Resource> type, String subject,
			RequestDetails request) {
		List<Resource> found = new ArrayList<>();
		daos.getResourceDao(type).searchForResources(SearchParameterMap.newSynchronous("subject", new ReferenceParam(subject)), request)
				.forEach(resource -> found.add((Resource) resource));
		TokenOrListParam named = new TokenOrListParam();
		for (Resource resource : found) {
			Type medication = resource instanceof MedicationStatement statement ? statement.getMedication()
					: ((MedicationRequest) resource).getMedication();
			if (medication instanceof Reference reference && reference.getReference() != null && !reference.getReference().startsWith("#")
					&& "Medication".equals(new IdType(reference.getReference()).getResourceType())) {
				named.addOr(new TokenParam(new IdType(reference.getReference()).getIdPart()));
			}
		}
		if (!named.getValuesAsQueryTokens().isEmpty()) {
			SearchParameterMap byId = SearchParameterMap.newSynchronous();
			byId.add("_id", named);
			daos.getResourceDao(Medication.class).searchForResources(byId, request).forEach(found::add);
		}
		return found;
	}


	/** A synchronous search for resources whose {@code param} references any of the patients. */
	static SearchParameterMap referencing(String param, List<String> patientIds) {
		return referencing(param, "Patient", patientIds);
	}

	/** A synchronous search for resources whose {@code param} references any of the {@code type} resources with these ids. */
	static SearchParameterMap referencing(String param, String type, List<String> ids) {
		ReferenceOrListParam references = new ReferenceOrListParam();
		ids.forEach(id -> references.addOr(new ReferenceParam(type + "/" + id)));
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.add(param, references);
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
		return ReadingQuality.isUsable(observation);
	}

	Patient patient() {
		return patient;
	}

	/** The newest usable Observation with any of the codes, itself or as a component, and its value. */
	Optional<Measurement> newest(List<String> loincCodes, String unitSystemCode) {
		Optional<Measurement> found = newestIn(observations, loincCodes);
		boolean newestHadNoValue = found.isEmpty() && loaded.stream().anyMatch(o -> Codes.hasLoinc(o.getCode(), loincCodes)
				|| o.getComponent().stream().anyMatch(c -> Codes.hasLoinc(c.getCode(), loincCodes)));
		// the few newest per code were questionable or carried no value: the newest usable one is older
		return newestHadNoValue ? newestIn(allObservations(), loincCodes) : found;
	}

	/** Every usable Observation of the read codes, newest first: read once, and only when a fallback needs it. */
	private List<Observation> allObservations() {
		if (allObservations == null) {
			allObservations = allObservationsOf.apply(Codes.OBSERVATION_CODES_READ);
		}
		return allObservations;
	}

	private static Optional<Measurement> newestIn(List<Observation> newestFirst, List<String> loincCodes) {
		for (Observation observation : newestFirst) {
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
		List<String> code = List.of(loincCode);
		Optional<Observation> found = observations.stream().filter(o -> Codes.hasLoinc(o.getCode(), code)).findFirst();
		if (found.isEmpty() && loaded.stream().anyMatch(o -> Codes.hasLoinc(o.getCode(), code))) {
			return allObservationsOf.apply(code).stream().findFirst();
		}
		return found;
	}

	List<Condition> activeConditions() {
		return conditions.stream()
				.filter(c -> !c.hasVerificationStatus() || Codes.isConfirmedOrProvisional(c.getVerificationStatus()))
				.filter(c -> !c.hasClinicalStatus() || Codes.isActive(c.getClinicalStatus()))
				.toList();
	}

	private static <T> List<T> only(Class<T> type, List<Resource> resources) {
		return resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** What a statement or request says was taken: its code, or the code of the Medication it refers to (contained or stored). */
	Optional<CodeableConcept> medicationCode(Resource statementOrRequest) {
		Type medication = statementOrRequest instanceof MedicationStatement statement ? statement.getMedication()
				: ((MedicationRequest) statementOrRequest).getMedication();
		if (medication instanceof CodeableConcept code) {
			return Optional.of(code);
		}
		if (medication instanceof Reference reference && reference.getReference() != null) {
			Medication named = reference.getReference().startsWith("#")
					? ((DomainResource) statementOrRequest).getContained().stream()
							.filter(c -> c instanceof Medication && reference.getReference().equals("#" + c.getIdElement().getIdPart()))
							.map(Medication.class::cast).findFirst().orElse(null)
					: medications.get(new IdType(reference.getReference()).toUnqualifiedVersionless().getValue());
			return Optional.ofNullable(named).filter(Medication::hasCode).map(Medication::getCode);
		}
		return Optional.empty();
	}

	List<Resource> activeMedications() {
		List<Resource> active = new ArrayList<>();
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
