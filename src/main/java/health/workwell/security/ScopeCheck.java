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
 * The first gate: does the token hold a scope whose letter allows this interaction on this resource
 * type (SMART v2: {@code c}reate, {@code r}ead/vread/instance history, {@code u}pdate/patch,
 * {@code d}elete, {@code s}earch/type history)? A batch or transaction is checked entry by entry and
 * refused whole when one entry is not allowed. A type that is not granted gets 403, not an empty
 * result. Which records may be reached (the patient's compartment) is {@link CompartmentRules}' part.
 */
@Interceptor
public class ScopeCheck {

	/** Operations that read like a search of their resource type. */
	private static final Set<String> SEARCH_LIKE_OPERATIONS = Set.of("$lastn");
	/** Operations that check a resource without storing or returning any. */
	private static final Set<String> DATA_FREE_OPERATIONS = Set.of("$validate");
	/** Operations a clinician may run on their own patients. */
	private static final Set<String> CLINICIAN_OPERATIONS = Set.of("$risk-assess", "$tier");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		GrantedAccess access = GrantedAccess.current();
		switch (operation) {
			case METADATA, GET_PAGE -> {}
			case TRANSACTION, BATCH -> checkEntries(access, (Bundle) request.getResource(), request.getFhirServerBase());
			case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
					checkOperation(access, request.getResourceName(), request.getOperation());
			case SEARCH_SYSTEM, HISTORY_SYSTEM -> require(access, "*", Interaction.SEARCH);
			case SEARCH_TYPE, HISTORY_TYPE -> require(access, request.getResourceName(), Interaction.SEARCH);
			case READ, VREAD, HISTORY_INSTANCE -> require(access, request.getResourceName(), Interaction.READ);
			case CREATE -> require(access, request.getResourceName(), Interaction.CREATE);
			case UPDATE, PATCH -> require(access, request.getResourceName(), Interaction.UPDATE);
			case DELETE -> require(access, request.getResourceName(), Interaction.DELETE);
			default -> throw refused("The access token's scopes do not allow " + operation);
		}
	}

	private void checkEntries(GrantedAccess access, Bundle bundle, String serverBase) {
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (!entry.getRequest().hasUrl() || entry.getRequest().getMethod() == null) {
				continue; // HAPI refuses the entry itself
			}
			EntryRequest request = EntryRequest.of(entry.getRequest(), serverBase);
			String type = request.type() == null ? "*" : request.type();
			if (request.operation() != null) {
				checkOperation(access, request.type(), request.operation());
				continue;
			}
			switch (request.method()) {
				case GET, HEAD -> require(access, type, request.id() != null ? Interaction.READ : Interaction.SEARCH);
				case POST -> require(access, type, Interaction.CREATE);
				case PUT, PATCH -> require(access, type, Interaction.UPDATE);
				case DELETE -> require(access, type, Interaction.DELETE);
				default -> throw refused("Unsupported entry method " + request.method());
			}
		}
	}

	/**
	 * {@code $everything} reads every type of the patient's record; {@code $lastn} is a search;
	 * {@code $validate} touches no stored data. Every other operation (Bulk Data export, $risk-assess,
	 * $tier, ...) needs a system scope with every letter on every type, except that a clinician may run
	 * $risk-assess and $tier with a user scope allowing c, r and u on every type.
	 */
	private void checkOperation(GrantedAccess access, String type, String name) {
		if ("$everything".equals(name)) {
			require(access, "*", Interaction.READ);
		} else if (SEARCH_LIKE_OPERATIONS.contains(name)) {
			require(access, type, Interaction.SEARCH);
		} else if (!DATA_FREE_OPERATIONS.contains(name)) {
			boolean fullSystemScope = access.reachesAllRecords() && access.scopes().stream().anyMatch(s -> s.context() == SmartScope.Context.SYSTEM
					&& "*".equals(s.resourceType()) && s.interactions().size() == Interaction.values().length);
			// a clinician runs the assessment operations for their own patients (RoleGate, CompartmentRules):
			// they read the whole record and write their outputs, so they need c, r and u on every type
			boolean clinicianAssessment = access.role() == AccessRole.CLINICIAN && CLINICIAN_OPERATIONS.contains(name)
					&& access.allowsOnEveryType(Interaction.CREATE, Interaction.READ, Interaction.UPDATE);
			if (!fullSystemScope && !clinicianAssessment) {
				throw refused("The operation " + name + " needs the scope system/*.cruds"
						+ (CLINICIAN_OPERATIONS.contains(name) ? " (or, for a clinician, a user/* scope with c, r and u)" : ""));
			}
		}
	}

	private static void require(GrantedAccess access, String type, Interaction interaction) {
		// for "*" (system-wide search, $everything) only a wildcard scope matches: SmartScope.allows compares the types
		if (!access.allows(type, interaction)) {
			throw refused("The access token's scopes do not allow " + interaction.name().toLowerCase(java.util.Locale.ROOT)
					+ " of " + ("*".equals(type) ? "all resource types" : type));
		}
	}

	private static ForbiddenOperationException refused(String message) {
		return new ForbiddenOperationException(message);
	}
}
