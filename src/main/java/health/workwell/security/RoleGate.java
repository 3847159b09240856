package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.workwell.security.SmartScope.Interaction;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The role policies' part of the first gate (after {@link ScopeCheck}): which types, interactions and
 * operations a role may use at all, whatever its scopes. Refusals are 403.
 * <ul>
 *   <li>AuditEvent and Subscription: the administrator only (a Subscription sends records to a system
 *   outside the server: {@link SubscriptionRules}, {@link SubscriptionDeliveries}).</li>
 *   <li>HR: no individual record of any kind: only reference data ({@link #REFERENCE_TYPES}), read and
 *   search; no operation (the de-identified report operations are to come).</li>
 *   <li>device vendor: create, read and search of Observation and Device; nothing else.</li>
 *   <li>CareTeam written only by the administrator and integration, Consent only by the employee and
 *   the administrator ({@link WriteRules#mayWriteType}).</li>
 *   <li>employee: no operation but their own {@code $everything}, {@code $lastn}, {@code $validate}.</li>
 *   <li>clinician: also {@code $risk-assess} and {@code $tier} on a Patient (their own patients:
 *   {@link CompartmentRules}); no Bulk Data export, no population operation.</li>
 *   <li>integration: no Bulk Data {@code $export} (its files bypass {@link RecordVisibility}).</li>
 *   <li>{@code _security} (searching by security label, which would find labelled data) only for the
 *   clinical roles: employee, clinician, administrator.</li>
 * </ul>
 */
@Interceptor
public class RoleGate {

	/** Resource types that hold no one's personal record: conformance, terminology, organisations, forms. */
	public static final Set<String> REFERENCE_TYPES = Set.of("Organization", "Location", "HealthcareService", "Questionnaire",
			"ValueSet", "CodeSystem", "ConceptMap", "NamingSystem", "StructureDefinition", "SearchParameter", "OperationDefinition",
			"CapabilityStatement", "ImplementationGuide", "PlanDefinition", "ActivityDefinition", "Library", "Measure", "Medication",
			"Substance");
	/** Staff directory: readable by employees and clinicians (who treats me / who is on the team), not by HR. */
	static final Set<String> STAFF_TYPES = Set.of("Practitioner", "PractitionerRole");
	private static final Set<String> VENDOR_TYPES = Set.of("Observation", "Device");
	private static final Set<String> EMPLOYEE_OPERATIONS = Set.of("$everything", "$lastn", "$validate");
	private static final Set<String> CLINICIAN_OPERATIONS = Set.of("$everything", "$lastn", "$validate", "$risk-assess", "$tier");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		GrantedAccess access = GrantedAccess.current();
		if (operation == RestOperationTypeEnum.METADATA) {
			return;
		}
		if (!access.role().clinical() && request.getParameters().keySet().stream().anyMatch(p -> p.startsWith("_security"))) {
			throw refused(access, "search by security label");
		}
		switch (operation) {
			case GET_PAGE -> {}
			case TRANSACTION, BATCH -> entries(access, (Bundle) request.getResource(), request.getFhirServerBase());
			case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
					operation(access, request.getResourceName(), request.getOperation(), operation);
			case SEARCH_SYSTEM, HISTORY_SYSTEM -> type(access, "*", Interaction.SEARCH);
			case SEARCH_TYPE, HISTORY_TYPE -> type(access, request.getResourceName(), Interaction.SEARCH);
			case READ, VREAD, HISTORY_INSTANCE -> type(access, request.getResourceName(), Interaction.READ);
			case CREATE -> type(access, request.getResourceName(), Interaction.CREATE);
			case UPDATE, PATCH -> type(access, request.getResourceName(), Interaction.UPDATE);
			case DELETE -> type(access, request.getResourceName(), Interaction.DELETE);
			default -> {}
		}
	}

	private void entries(GrantedAccess access, Bundle bundle, String serverBase) {
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (!entry.getRequest().hasUrl() || entry.getRequest().getMethod() == null) {
				continue;
			}
			EntryRequest request = EntryRequest.of(entry.getRequest(), serverBase);
			if (!access.role().clinical() && (entry.getRequest().getUrl().contains("_security")
					|| request.ifNoneExist() != null && request.ifNoneExist().contains("_security"))) {
				throw refused(access, "search by security label");
			}
			if (request.operation() != null) {
				operation(access, request.type(), request.operation(), RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);
				continue;
			}
			switch (request.method()) {
				case GET, HEAD -> type(access, request.type(), request.id() != null ? Interaction.READ : Interaction.SEARCH);
				case POST -> type(access, request.type(), Interaction.CREATE);
				case PUT, PATCH -> type(access, request.type(), Interaction.UPDATE);
				case DELETE -> type(access, request.type(), Interaction.DELETE);
				default -> {}
			}
		}
	}

	private void type(GrantedAccess access, String resourceType, Interaction interaction) {
		String type = resourceType == null ? "*" : resourceType;
		if ("AuditEvent".equals(type) && access.role() != AccessRole.ADMIN) {
			throw refused(access, "audit records");
		}
		if ("Subscription".equals(type) && access.role() != AccessRole.ADMIN) {
			throw refused(access, "Subscriptions");
		}
		boolean write = interaction == Interaction.CREATE || interaction == Interaction.UPDATE || interaction == Interaction.DELETE;
		boolean allowed = switch (access.role()) {
			case ADMIN, INTEGRATION, EMPLOYEE, CLINICIAN -> !write || WriteRules.mayWriteType(access.role(), type);
			case HR -> REFERENCE_TYPES.contains(type) && (interaction == Interaction.READ || interaction == Interaction.SEARCH);
			case DEVICE_VENDOR -> VENDOR_TYPES.contains(type) && interaction != Interaction.UPDATE && interaction != Interaction.DELETE;
			case NONE -> false;
		};
		if (!allowed) {
			throw refused(access, interaction.name().toLowerCase(java.util.Locale.ROOT) + " of " + ("*".equals(type) ? "all types" : type));
		}
	}

	private void operation(GrantedAccess access, String type, String name, RestOperationTypeEnum level) {
		boolean allowed = switch (access.role()) {
			case ADMIN -> true; // held to its scopes by ScopeCheck
			// Bulk Data export writes files outside the per-record filters (labels, consents): the administrator's only
			case INTEGRATION -> !"$export".equals(name);
			case EMPLOYEE -> EMPLOYEE_OPERATIONS.contains(name);
			case CLINICIAN -> CLINICIAN_OPERATIONS.contains(name)
					&& ("$lastn".equals(name) || "$validate".equals(name) || "Patient".equals(type));
			case DEVICE_VENDOR -> "$validate".equals(name);
			case HR, NONE -> false;
		};
		if (!allowed) {
			throw refused(access, "the operation " + name + (type == null ? "" : " on " + type));
		}
	}

	private static ForbiddenOperationException refused(GrantedAccess access, String what) {
		return new ForbiddenOperationException("The role " + access.role().claimValue() + " may not use " + what);
	}
}
