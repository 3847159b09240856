package health.workwell.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Which patients a signed-in user may have in context (SMART launch): an employee only their own
 * Patient; a clinician the subjects of active CareTeams they are a participant member of; an
 * administrator any patient; HR none. Read server-side (not through the API's access rules).
 */
public class PatientAccess {

	/** How many patients a picker lists at most. */
	static final int PICKER_LIMIT = 100;

	private final ObjectProvider<DaoRegistry> daos;

	public PatientAccess(ObjectProvider<DaoRegistry> daos) {
		this.daos = daos;
	}

	public boolean maySee(RegisteredUser user, String patientId) {
		if (!exists(patientId)) {
			return false;
		}
		return switch (user.role()) {
			case EMPLOYEE -> user.ownPatientId().filter(patientId::equals).isPresent();
			case CLINICIAN -> careTeamPatients(user).contains(patientId);
			case ADMIN -> true;
			case HR -> false;
		};
	}

	/** The patients a picker offers this user: id → display name. */
	public Map<String, String> pickable(RegisteredUser user, String nameFilter) {
		List<String> ids = switch (user.role()) {
			case EMPLOYEE -> user.ownPatientId().stream().toList();
			case CLINICIAN -> careTeamPatients(user);
			case ADMIN -> List.of();
			case HR -> List.of();
		};
		Map<String, String> names = new LinkedHashMap<>();
		if (user.role() == UserRole.ADMIN) {
			SearchParameterMap all = SearchParameterMap.newSynchronous();
			all.setCount(PICKER_LIMIT);
			if (nameFilter != null && !nameFilter.isBlank()) {
				all.add(Patient.SP_NAME, new StringParam(nameFilter));
			}
			daos.getObject().getResourceDao(Patient.class).searchForResources(all, new SystemRequestDetails())
					.forEach(p -> names.put(p.getIdElement().getIdPart(), displayName((Patient) p)));
			return names;
		}
		for (String id : ids) {
			patient(id).ifPresent(p -> names.put(id, displayName(p)));
		}
		return names;
	}

	private List<String> careTeamPatients(RegisteredUser user) {
		if (user.practitionerId().isEmpty()) {
			return List.of();
		}
		SearchParameterMap teams = SearchParameterMap.newSynchronous();
		teams.add(CareTeam.SP_PARTICIPANT, new ReferenceParam("Practitioner/" + user.practitionerId().get()));
		teams.add(CareTeam.SP_STATUS, new TokenParam("active"));
		return daos.getObject().getResourceDao(CareTeam.class).searchForResources(teams, new SystemRequestDetails())
				.stream()
				.map(CareTeam.class::cast)
				.map(CareTeam::getSubject)
				.map(Reference::getReferenceElement)
				.filter(ref -> "Patient".equals(ref.getResourceType()))
				.map(ref -> ref.getIdPart())
				.distinct()
				.limit(PICKER_LIMIT)
				.toList();
	}

	boolean exists(String patientId) {
		return patient(patientId).isPresent();
	}

	private java.util.Optional<Patient> patient(String id) {
		if (id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of((Patient) daos.getObject().getResourceDao(Patient.class)
					.read(new IdType("Patient", id), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException missing) {
			return java.util.Optional.empty();
		}
	}

	private static String displayName(Patient patient) {
		if (patient.hasName()) {
			var name = patient.getNameFirstRep();
			String text = name.hasText() ? name.getText() : (name.getGivenAsSingleString() + " " + name.getFamily()).trim();
			if (!text.isBlank()) {
				return text;
			}
		}
		return "Patient/" + patient.getIdElement().getIdPart();
	}
}
