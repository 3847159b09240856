package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The record-level part of "role policy ∩ scopes ∩ Consent ∩ security labels", applied to every
 * resource the FHIR API returns (reads, search results and their includes, {@code $everything}, the
 * outputs of {@code $risk-assess} and {@code $tier}):
 * <ul>
 *   <li>psychological data ({@link SensitiveData#psychological}) only to the employee and to clinicians
 *   in a psychological-care role on the employee's care team ({@link CareTeamAssignments}), and to
 *   those only while the employee's psychological-data consent is active ({@link PatientConsents});</li>
 *   <li>occupational-disease data only to the employee, and to others while the employee's
 *   occupational-disease-data consent is active;</li>
 *   <li>whatever an active Consent denies (by class, code, security label; for named actors or all);</li>
 *   <li>a device vendor only what it created ({@link LabelsOnWrite#CREATED_BY_SYSTEM});</li>
 *   <li>Subscriptions only to the administrator.</li>
 * </ul>
 * The employee sees all of their own record. The administrator ({@code system/*.cruds}) is not
 * filtered (docs/security.md says why and what is still open). A hidden record read by id answers as
 * a missing one (404, HAPI's own wording); hidden search results are left out, and for the roles whose
 * results can be filtered here (clinician, integration) {@code Bundle.total} is left out too, so it never
 * counts what they cannot see. Finally the outgoing Patients are masked ({@link PatientMasking}).
 */
@Interceptor
public class RecordVisibility {

	/** Operations that compute on the whole record with the server's authority; their outputs are filtered on the way out. */
	private static final Set<String> SERVER_COMPUTED = Set.of("$risk-assess", "$tier");

	private final FhirContext fhirContext;
	private final DaoRegistry daos;
	private final CareTeamAssignments careTeams;

	public RecordVisibility(FhirContext fhirContext, DaoRegistry daos, CareTeamAssignments careTeams) {
		this.fhirContext = fhirContext;
		this.daos = daos;
		this.careTeams = careTeams;
	}

	@Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
	public void beforeAccess(RequestDetails request, IPreResourceAccessDetails details) {
		// a conditional URL's matches are sorted into visible and hidden by ConditionalMatchNarrowing itself
		if (request == null || request instanceof ConditionalMatchNarrowing.Resolution || serverComputed(request)) {
			return;
		}
		GrantedAccess access = GrantedAccess.current();
		for (int i = 0; i < details.size(); i++) {
			IBaseResource resource = details.getResource(i);
			if (resource instanceof Resource r && !visible(access, r, request)) {
				if (isReadOf(request, r)) {
					throw notFound(request);
				}
				details.setDontReturnResourceAtIndex(i);
			}
		}
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void beforeAnswer(RequestDetails request, ResponseDetails response) {
		GrantedAccess access = GrantedAccess.current();
		if (access.role() == AccessRole.ADMIN || !(response.getResponseResource() instanceof Resource resource)) {
			return;
		}
		if (resource instanceof Bundle bundle) {
			filter(access, bundle, request);
			return;
		}
		if (!visible(access, resource, request)) {
			if (request.getRestOperationType() == RestOperationTypeEnum.CREATE) {
				response.setResponseResource(null); // written, but not theirs to read back
				return;
			}
			throw notFound(request);
		}
		if (resource instanceof Patient patient) {
			response.setResponseResource(PatientMasking.forViewer(access, patient));
		}
	}

	/** A record the token may not see cannot be changed or deleted through it either: it answers as a missing one. */
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource stored, IBaseResource updated, RequestDetails request) {
		guardWrite(stored, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void beforeDelete(IBaseResource stored, RequestDetails request) {
		guardWrite(stored, request);
	}

	private void guardWrite(IBaseResource stored, RequestDetails request) {
		if (request == null || serverComputed(request) || !(stored instanceof Resource resource)) {
			return;
		}
		GrantedAccess access = GrantedAccess.current();
		if (access.role() != AccessRole.ADMIN && !visible(access, resource, request)) {
			throw new ResourceNotFoundException(Msg.code(2001) + "Resource "
					+ resource.getIdElement().toUnqualifiedVersionless().getValue() + " is not known");
		}
	}

	private void filter(GrantedAccess access, Bundle bundle, RequestDetails request) {
		bundle.getEntry().removeIf(entry -> entry.getResource() != null && !visible(access, entry.getResource(), request));
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getResource() instanceof Bundle nested) {
				filter(access, nested, request);
			} else if (entry.getResource() instanceof Patient patient) {
				entry.setResource(PatientMasking.forViewer(access, patient));
			}
		}
		if (bundle.getType() == Bundle.BundleType.SEARCHSET
				&& (access.role() == AccessRole.CLINICIAN || access.role() == AccessRole.INTEGRATION)) {
			bundle.setTotalElement(null);
		}
	}

	boolean visible(GrantedAccess access, Resource resource, RequestDetails request) {
		if (resource instanceof org.hl7.fhir.r4.model.Subscription && access.role() != AccessRole.ADMIN) {
			return false; // the administrator's only (RoleGate); also out of system-wide searches
		}
		switch (access.role()) {
			case ADMIN:
				return true;
			case DEVICE_VENDOR:
				// a Bundle is a batch entry's search result: its entries are filtered one by one
				return resource instanceof org.hl7.fhir.r4.model.OperationOutcome || resource instanceof Bundle
						|| resource.getMeta().getTag(LabelsOnWrite.CREATED_BY_SYSTEM, access.client()) != null;
			case EMPLOYEE:
				// all of their own record, nothing of anyone else's (also what $everything gathers by reference)
				return withinReach(resource, owners(resource), Set.of(access.self().orElseThrow()));
			case HR:
			case NONE:
				return true; // RoleGate and CompartmentRules let them reach no record
			default:
				break;
		}
		List<String> owners = owners(resource);
		if (access.role() == AccessRole.CLINICIAN && !withinReach(resource, owners,
				careTeams.patientsOf(access.practitioner().orElseThrow(), request).keySet())) {
			return false;
		}
		String actor = access.practitioner().map(p -> "Practitioner/" + p).orElse(access.client());
		for (String patient : owners) {
			PatientConsents consents = PatientConsents.of(daos, patient, request);
			if (SensitiveData.psychological(resource) && !(access.role() == AccessRole.CLINICIAN
					&& careTeams.patientsOf(access.practitioner().orElseThrow(), request).getOrDefault(patient, false)
					&& consents.consentedTo(PatientConsents.PSYCHOLOGICAL))) {
				return false;
			}
			if (SensitiveData.occupational(resource) && !consents.consentedTo(PatientConsents.OCCUPATIONAL)) {
				return false;
			}
			if (consents.denies(resource, actor)) {
				return false;
			}
		}
		return true;
	}

	/** Reference data and the staff directory, or a record in one of these patients' compartments. */
	private boolean withinReach(Resource resource, List<String> owners, Set<String> patients) {
		String type = resource.fhirType();
		if (RoleGate.REFERENCE_TYPES.contains(type) || RoleGate.STAFF_TYPES.contains(type)
				|| resource instanceof org.hl7.fhir.r4.model.OperationOutcome || resource instanceof Bundle) {
			return true;
		}
		return owners.stream().anyMatch(patients::contains);
	}

	private List<String> owners(Resource resource) {
		if (resource instanceof Patient patient) {
			return List.of(patient.getIdElement().getIdPart());
		}
		if (fhirContext.getResourceDefinition(resource).getSearchParams().stream()
				.noneMatch(p -> p.getProvidesMembershipInCompartments() != null
						&& p.getProvidesMembershipInCompartments().contains("Patient"))) {
			return List.of();
		}
		return fhirContext.newTerser().getCompartmentOwnersForResource("Patient", resource, Set.of()).stream()
				.map(IIdType::getIdPart).filter(java.util.Objects::nonNull).distinct().toList();
	}

	private static boolean serverComputed(RequestDetails request) {
		return request.getOperation() != null && SERVER_COMPUTED.contains(request.getOperation());
	}

	private static boolean isReadOf(RequestDetails request, Resource resource) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		return (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD) && request.getId() != null
				&& request.getId().getIdPart() != null && request.getId().getIdPart().equals(resource.getIdElement().getIdPart());
	}

	/** Exactly what HAPI answers for a missing id, so that a hidden record is no existence oracle. */
	static ResourceNotFoundException notFound(RequestDetails request) {
		IIdType id = request.getId();
		return new ResourceNotFoundException(Msg.code(2001) + "Resource "
				+ (id == null ? request.getResourceName() : id.toUnqualifiedVersionless().getValue()) + " is not known");
	}
}
