package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Observation/$lastn} is narrowed before it runs, like a search ({@link PatientSearchNarrowing}):
 * an employee's to themself, a clinician's to their patients ({@link CareTeamAssignments}). A
 * {@code patient} or {@code subject} naming anyone else is refused (403) whether or not they have a
 * matching Observation, and without one the operation gets {@code patient=} the reachable patients, so
 * it never computes on another patient's records (it used to be refused after the fact, which told
 * whether they had one). Their parameters are read from the URL, so these roles send it as a GET.
 */
@Interceptor
public class LastNNarrowing {

	private static final Set<String> PATIENT_PARAMETERS = Set.of("patient", "subject");

	private final CareTeamAssignments careTeams;

	public LastNNarrowing(CareTeamAssignments careTeams) {
		this.careTeams = careTeams;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void narrow(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation != RestOperationTypeEnum.EXTENDED_OPERATION_TYPE || !"$lastn".equals(request.getOperation())) {
			return;
		}
		GrantedAccess access = GrantedAccess.current();
		Set<String> reachable = switch (access.role()) {
			case EMPLOYEE -> Set.of(access.self().orElseThrow());
			case CLINICIAN -> careTeams.patientsOf(access.practitioner().orElseThrow(), request).keySet();
			default -> null;
		};
		if (reachable == null) {
			return;
		}
		if (request.getRequestType() != RequestTypeEnum.GET) {
			throw new ForbiddenOperationException("$lastn is narrowed to the patients this token reaches: send it as a GET");
		}
		Map<String, String[]> parameters = new HashMap<>(request.getParameters());
		boolean named = false;
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String base = parameter.getKey().split(":", 2)[0];
			if (!PATIENT_PARAMETERS.contains(base)) {
				continue;
			}
			named = true;
			for (String value : parameter.getValue()) {
				for (String reference : value.split(",")) {
					if (!parameter.getKey().equals(base) || !reachable.contains(patientId(reference))) {
						throw new ForbiddenOperationException("$lastn may name only the patients this token reaches");
					}
				}
			}
		}
		if (!named) {
			String patients = reachable.isEmpty() ? PatientSearchNarrowing.NO_PATIENT
					: reachable.stream().sorted().map(id -> "Patient/" + id).collect(Collectors.joining(","));
			parameters.put("patient", new String[] {patients});
			request.setParameters(parameters);
		}
	}

	/** {@code Patient/123}, {@code 123} or an absolute URL ending in {@code Patient/123} → {@code 123}; anything else → "". */
	private static String patientId(String reference) {
		String[] parts = reference.split("/");
		if (parts.length == 1) {
			return parts[0];
		}
		return "Patient".equals(parts[parts.length - 2]) ? parts[parts.length - 1] : "";
	}
}
