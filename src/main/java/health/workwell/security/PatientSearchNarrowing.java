package health.workwell.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import java.util.Set;

/**
 * Searches are narrowed before they run, so results and {@code Bundle.total} never include anyone
 * the token may not reach, and a search that names another patient is refused: an employee's to
 * their own compartment, a clinician's to the compartments of their patients
 * ({@link CareTeamAssignments}; a clinician with none to an id no patient has). Reference data and
 * the staff directory are not narrowed.
 */
public class PatientSearchNarrowing extends SearchNarrowingInterceptor {

	/** An id no Patient can have (ids are letters, digits, '-' and '.'): a clinician without patients finds nothing. */
	static final String NO_PATIENT = "Patient/no-patient-on-any-care-team";

	private final CareTeamAssignments careTeams;

	public PatientSearchNarrowing(CareTeamAssignments careTeams) {
		this.careTeams = careTeams;
	}

	@Override
	protected AuthorizedList buildAuthorizedList(RequestDetails request) {
		String type = request.getResourceName();
		if (type != null && (RoleGate.REFERENCE_TYPES.contains(type) || RoleGate.STAFF_TYPES.contains(type))) {
			return null;
		}
		GrantedAccess access = GrantedAccess.current();
		return switch (access.role()) {
			case EMPLOYEE -> new AuthorizedList().addCompartment("Patient/" + access.self().orElseThrow());
			case CLINICIAN -> {
				Set<String> patients = careTeams.patientsOf(access.practitioner().orElseThrow(), request).keySet();
				yield patients.isEmpty() ? new AuthorizedList().addCompartment(NO_PATIENT)
						: new AuthorizedList().addCompartments(patients.stream().map(id -> "Patient/" + id).toArray(String[]::new));
			}
			default -> null;
		};
	}
}
