package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * A patient's occupational record: exposures (Observations of category occupational-exposure, usable
 * ones only), occupational exam visits (Encounters typed with the exam-type code system, finished) and
 * their reports (DiagnosticReports of category occupational-health, final). Read for many patients at
 * once with one search per kind; the exams only for patients with an exposure to surveil.
 */
record OccupationalRecord(List<Observation> exposures, List<Encounter> exams, List<DiagnosticReport> reports) {

	static final OccupationalRecord EMPTY = new OccupationalRecord(List.of(), List.of(), List.of());

	/** The records of the patients who have an exposure, by patient id; the others have none ({@link #EMPTY}). */
	static Map<String, OccupationalRecord> read(DaoRegistry daos, List<String> patientIds, RequestDetails request) {
		Map<String, List<Observation>> exposures = byPatient(daos, Observation.class,
				withCategory(patientIds, "occupational-exposure"), request, Observation::getSubject);
		exposures.values().forEach(list -> list.removeIf(o -> !PatientRecord.usable(o)));
		exposures.values().removeIf(List::isEmpty);
		if (exposures.isEmpty()) {
			return Map.of();
		}
		List<String> exposed = List.copyOf(exposures.keySet());
		SearchParameterMap examSearch = PatientRecord.referencing("subject", exposed);
		examSearch.add("type", new TokenParam(Codes.EXAM_TYPE_SYSTEM, null));
		Map<String, List<Encounter>> exams = byPatient(daos, Encounter.class, examSearch, request, Encounter::getSubject);
		Map<String, List<DiagnosticReport>> reports = byPatient(daos, DiagnosticReport.class,
				withCategory(exposed, "occupational-health"), request, DiagnosticReport::getSubject);
		Map<String, OccupationalRecord> records = new HashMap<>();
		exposures.forEach((patient, list) -> records.put(patient, new OccupationalRecord(list,
				exams.getOrDefault(patient, List.of()).stream().filter(OccupationalRecord::finishedExam).toList(),
				reports.getOrDefault(patient, List.of()).stream().filter(OccupationalRecord::finalReport).toList())));
		return records;
	}

	static OccupationalRecord read(DaoRegistry daos, String patientId, RequestDetails request) {
		return read(daos, List.of(patientId), request).getOrDefault(patientId, EMPTY);
	}

	static boolean finishedExam(Encounter exam) {
		return exam.getStatus() == Encounter.EncounterStatus.FINISHED && exam.getPeriod().getStart() != null;
	}

	static boolean finalReport(DiagnosticReport report) {
		return report.getStatus() == DiagnosticReport.DiagnosticReportStatus.FINAL
				|| report.getStatus() == DiagnosticReport.DiagnosticReportStatus.AMENDED
				|| report.getStatus() == DiagnosticReport.DiagnosticReportStatus.CORRECTED;
	}

	private static SearchParameterMap withCategory(List<String> patientIds, String category) {
		SearchParameterMap map = PatientRecord.referencing("subject", patientIds);
		map.add("category", new TokenParam(Codes.OBSERVATION_CATEGORY_SYSTEM, category));
		return map;
	}

	@SuppressWarnings("unchecked")
	private static <T extends org.hl7.fhir.r4.model.Resource> Map<String, List<T>> byPatient(DaoRegistry daos, Class<T> type,
			SearchParameterMap search, RequestDetails request, Function<T, Reference> subject) {
		Map<String, List<T>> grouped = new HashMap<>();
		for (Object found : daos.getResourceDao(type).searchForResources(search, request)) {
			T resource = (T) found;
			String reference = subject.apply(resource).getReference();
			grouped.computeIfAbsent(reference.substring(reference.indexOf('/') + 1), p -> new ArrayList<>()).add(resource);
		}
		return grouped;
	}
}
