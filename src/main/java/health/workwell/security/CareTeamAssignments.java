package health.workwell.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Which patients a clinician may see, looked up once per request: the subjects of the active
 * CareTeams on which the Practitioner is a {@code participant.member}, and the patients whose active
 * Consent permits the Practitioner by name ({@code provision.actor}). For each, whether the clinician
 * takes part in the patient's psychological care: a CareTeam participant role of SNOMED CT
 * {@value #PSYCHOLOGIST} (Psychologist) or {@value #PSYCHIATRIST} (Psychiatrist).
 */
public class CareTeamAssignments {

	public static final String SNOMED = "http://snomed.info/sct";
	public static final String PSYCHOLOGIST = "59944000";
	public static final String PSYCHIATRIST = "80584001";
	static final Set<String> PSYCHOLOGICAL_CARE_ROLES = Set.of(PSYCHOLOGIST, PSYCHIATRIST);

	private static final String CACHE_KEY = CareTeamAssignments.class.getName();

	private final DaoRegistry daos;

	public CareTeamAssignments(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The clinician's patients (id → takes part in their psychological care), read once per request. */
	@SuppressWarnings("unchecked")
	public Map<String, Boolean> patientsOf(String practitionerId, RequestDetails request) {
		String key = CACHE_KEY + "/" + practitionerId;
		Object cached = request == null ? null : request.getUserData().get(key);
		if (cached != null) {
			return (Map<String, Boolean>) cached;
		}
		Map<String, Boolean> patients = lookUp(practitionerId);
		if (request != null) {
			request.getUserData().put(key, patients);
		}
		return patients;
	}

	private Map<String, Boolean> lookUp(String practitionerId) {
		String practitioner = "Practitioner/" + practitionerId;
		Map<String, Boolean> patients = new LinkedHashMap<>();
		SearchParameterMap teams = SearchParameterMap.newSynchronous("participant", new ReferenceParam(practitioner));
		teams.add("status", new TokenParam("active"));
		for (Object found : daos.getResourceDao(CareTeam.class).searchForResources(teams, new SystemRequestDetails())) {
			CareTeam team = (CareTeam) found;
			String patient = patientId(team.getSubject());
			if (patient == null || !current(team.getPeriod())) {
				continue;
			}
			boolean psychological = team.getParticipant().stream()
					.filter(p -> practitioner.equals(p.getMember().getReference()) && current(p.getPeriod()))
					.flatMap(p -> p.getRole().stream()).flatMap(role -> role.getCoding().stream())
					.anyMatch(c -> SNOMED.equals(c.getSystem()) && PSYCHOLOGICAL_CARE_ROLES.contains(c.getCode()));
			boolean member = team.getParticipant().stream()
					.anyMatch(p -> practitioner.equals(p.getMember().getReference()) && current(p.getPeriod()));
			if (member) {
				patients.merge(patient, psychological, Boolean::logicalOr);
			}
		}
		SearchParameterMap consents = SearchParameterMap.newSynchronous("actor", new ReferenceParam(practitioner));
		consents.add("status", new TokenParam("active"));
		for (Object found : daos.getResourceDao(Consent.class).searchForResources(consents, new SystemRequestDetails())) {
			Consent consent = (Consent) found;
			String patient = patientId(consent.getPatient());
			if (patient != null && PatientConsents.permitsActor(consent, practitioner)) {
				patients.putIfAbsent(patient, false);
			}
		}
		return patients;
	}

	private static String patientId(Reference reference) {
		String value = reference.getReference();
		if (value == null || !value.startsWith("Patient/")) {
			return null;
		}
		return value.substring("Patient/".length()).split("/")[0];
	}

	static boolean current(Period period) {
		Date now = new Date();
		return period == null || ((period.getStart() == null || !period.getStart().after(now))
				&& (period.getEnd() == null || !period.getEnd().before(now)));
	}
}
