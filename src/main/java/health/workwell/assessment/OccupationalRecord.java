package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;

/**
 * A patient's occupational record: exposures (Observations of category occupational-exposure, usable
 * ones only), occupational exam visits (Encounters typed with the exam-type code system, finished) and
 * their reports (DiagnosticReports of category occupational-health, final). The exams are only read when
 * there is an exposure to surveil.
 */
record OccupationalRecord(List<Observation> exposures, List<Encounter> exams, List<DiagnosticReport> reports) {

	static final OccupationalRecord EMPTY = new OccupationalRecord(List.of(), List.of(), List.of());

	static OccupationalRecord read(DaoRegistry daos, String patientId, RequestDetails request) {
		String subject = "Patient/" + patientId;
		List<Observation> exposures = daos.getResourceDao(Observation.class)
				.searchForResources(byCategory(subject, Codes.OBSERVATION_CATEGORY_SYSTEM, "occupational-exposure"), request).stream()
				.filter(PatientRecord::usable)
				.toList();
		if (exposures.isEmpty()) {
			return EMPTY;
		}
		SearchParameterMap examSearch = SearchParameterMap.newSynchronous("subject", new ReferenceParam(subject));
		examSearch.add("type", new TokenParam(Codes.EXAM_TYPE_SYSTEM, null));
		List<Encounter> exams = daos.getResourceDao(Encounter.class).searchForResources(examSearch, request).stream()
				.filter(e -> e.getStatus() == Encounter.EncounterStatus.FINISHED && e.getPeriod().getStart() != null)
				.toList();
		List<DiagnosticReport> reports = daos.getResourceDao(DiagnosticReport.class)
				.searchForResources(byCategory(subject, Codes.OBSERVATION_CATEGORY_SYSTEM, "occupational-health"), request).stream()
				.filter(r -> r.getStatus() == DiagnosticReport.DiagnosticReportStatus.FINAL
						|| r.getStatus() == DiagnosticReport.DiagnosticReportStatus.AMENDED
						|| r.getStatus() == DiagnosticReport.DiagnosticReportStatus.CORRECTED)
				.toList();
		return new OccupationalRecord(exposures, exams, reports);
	}

	private static SearchParameterMap byCategory(String subject, String system, String code) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(subject));
		map.add("category", new TokenParam(system, code));
		return map;
	}
}
