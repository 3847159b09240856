package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.jpa.searchparam.extractor.PathAndRef;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Who may write what (docs/security.md "Who writes what"), checked on every write the storage layer
 * makes for a client: single creates, updates (also conditional and PATCH, and an update that creates),
 * deletes (also conditional) and every entry of a batch or transaction. A refusal is 403; inside a
 * transaction it rolls the whole transaction back. The server's own writes (as the system) pass.
 * <ul>
 *   <li>The patient a record is about is the one in its {@code subject} or {@code patient} field (a
 *   Patient: itself). An employee or clinician writes only records whose patient is one they may write
 *   for: the employee themself; the clinician's own patients ({@link CareTeamAssignments}). Being in
 *   their compartment through another reference (performer, author, participant) is not enough, and a
 *   record naming no patient there is refused. On an update the stored version is checked too.</li>
 *   <li>CareTeams (which open patients' records to clinicians) are written by the administrator and the
 *   HIS integration only, never by a clinician or an employee.</li>
 *   <li>Consents are written by the employee (their own) and the administrator (a consent given on
 *   paper) only.</li>
 *   <li>An employee creates only what is theirs to report ({@link #SELF_REPORTED_TYPES}; marked by
 *   {@link PatientReported}), and changes or deletes only what they reported, their own Consents and
 *   (change only) their own Patient: results written by the clinic, laboratories, integrations and the server are
 *   corrected by their author (every version stays in the history).</li>
 * </ul>
 */
@Interceptor
public class WriteRules {

	/** What an employee reports themself: answers, readings of their own devices, consents, self-reported data. */
	static final Set<String> SELF_REPORTED_TYPES = Set.of("Observation", "QuestionnaireResponse", "Device", "Consent", "Condition",
			"AllergyIntolerance", "FamilyMemberHistory", "MedicationStatement", "DocumentReference", "Communication");
	private static final Set<String> PATIENT_FIELDS = Set.of("subject", "patient");

	private final ISearchParamExtractor references;
	private final CareTeamAssignments careTeams;

	public WriteRules(ISearchParamExtractor references, CareTeamAssignments careTeams) {
		this.references = references;
		this.careTeams = careTeams;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(RequestDetails request, IBaseResource resource) {
		if (byClient(request)) {
			GrantedAccess access = GrantedAccess.current();
			checkType(access, resource);
			if (access.role() == AccessRole.EMPLOYEE && !SELF_REPORTED_TYPES.contains(type(resource))) {
				throw refused(access, "create " + type(resource) + ": an employee creates only what is theirs to report");
			}
			checkPatient(access, request, resource);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		if (byClient(request)) {
			GrantedAccess access = GrantedAccess.current();
			checkChange(access, request, previous, "change");
			checkPatient(access, request, resource);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(RequestDetails request, IBaseResource resource) {
		if (byClient(request)) {
			checkChange(GrantedAccess.current(), request, resource, "delete");
		}
	}

	/** May the writer change or delete this stored record at all? */
	private void checkChange(GrantedAccess access, RequestDetails request, IBaseResource stored, String verb) {
		checkType(access, stored);
		checkPatient(access, request, stored);
		if (access.role() == AccessRole.EMPLOYEE) {
			String self = access.self().orElseThrow();
			String type = type(stored);
			boolean theirs = "Patient".equals(type) && "change".equals(verb) || "Consent".equals(type)
					|| PatientReported.reporter(stored).filter(self::equals).isPresent();
			if (!theirs) {
				throw refused(access, verb + " " + type + "/" + stored.getIdElement().getIdPart()
						+ ": it was not reported by the employee; corrections go through its author");
			}
		}
	}

	/**
	 * Whether the role may write records of this type at all: CareTeams only the administrator and the HIS
	 * integration, Consents only the employee and the administrator. {@link RoleGate} asks this before the
	 * request runs, so the refusal is the same whether or not the record exists or is visible.
	 */
	static boolean mayWriteType(AccessRole role, String type) {
		return switch (type) {
			case "CareTeam" -> role == AccessRole.ADMIN || role == AccessRole.INTEGRATION;
			case "Consent" -> role == AccessRole.ADMIN || role == AccessRole.EMPLOYEE;
			default -> true;
		};
	}

	private static void checkType(GrantedAccess access, IBaseResource resource) {
		if (!mayWriteType(access.role(), type(resource))) {
			throw refused(access, "write " + type(resource) + ": " + ("CareTeam".equals(type(resource))
					? "care teams are written by the administrator and the HIS integration"
					: "consents are written by the employee or, on paper consent, the administrator"));
		}
	}

	/** The record's patient must be one the writer may write for. */
	private void checkPatient(GrantedAccess access, RequestDetails request, IBaseResource resource) {
		Set<String> writable = switch (access.role()) {
			case EMPLOYEE -> Set.of(access.self().orElseThrow());
			case CLINICIAN -> careTeams.patientsOf(access.practitioner().orElseThrow(), request).keySet();
			default -> null; // the administrator and backends are held to their types by their scopes and roles
		};
		if (writable == null) {
			return;
		}
		Set<String> patients = patientsOf(resource);
		if (patients.isEmpty()) {
			throw refused(access, "write " + type(resource) + " naming no patient in subject or patient");
		}
		if (!writable.containsAll(patients)) {
			throw refused(access, "write " + type(resource) + " about a patient other than " + (access.role() == AccessRole.EMPLOYEE
					? "themself" : "their own patients"));
		}
	}

	/** The Patients in the record's subject or patient field; a Patient's own id. */
	private Set<String> patientsOf(IBaseResource resource) {
		if ("Patient".equals(type(resource))) {
			return resource.getIdElement().hasIdPart() ? Set.of(resource.getIdElement().getIdPart()) : Set.of();
		}
		return references.extractResourceLinks(resource, false).stream()
				.filter(link -> PATIENT_FIELDS.contains(link.getSearchParamName()))
				.map(PathAndRef::getRef).filter(java.util.Objects::nonNull)
				.map(ref -> ref.getReferenceElement())
				.filter(id -> "Patient".equals(id.getResourceType()) && id.hasIdPart())
				.map(IIdType::getIdPart)
				.collect(Collectors.toSet());
	}

	private static boolean byClient(RequestDetails request) {
		return request != null && !(request instanceof SystemRequestDetails);
	}

	private static String type(IBaseResource resource) {
		return resource.fhirType();
	}

	private static ForbiddenOperationException refused(GrantedAccess access, String what) {
		return new ForbiddenOperationException("The role " + access.role().claimValue() + " may not " + what);
	}
}
