package health.workwell.security;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Holds granular category scopes ({@link CategoryScopes}) to their category. A search of the type is
 * narrowed before it runs by one more {@code category} parameter (ANDed with whatever the client asked, so
 * results and {@code Bundle.total} hold only those categories); a read by id of a record in another category
 * answers exactly as a missing id (404, HAPI's wording), as {@link CompartmentRules} does; and any record of
 * another category that would still be shown (e.g. through {@code _include}) is left out.
 */
@Interceptor
public class CategoryScopeEnforcement {

	private static final Set<RestOperationTypeEnum> READS_BY_ID = Set.of(
			RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE);

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrowSearch(RequestDetails request) {
		if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE || request.getResourceName() == null) {
			return;
		}
		limit(request.getResourceName(), SmartScope.Interaction.SEARCH).ifPresent(categories -> {
			Map<String, String[]> parameters = new HashMap<>(request.getParameters());
			String[] existing = parameters.getOrDefault("category", new String[0]);
			String[] narrowed = java.util.Arrays.copyOf(existing, existing.length + 1);
			narrowed[existing.length] = String.join(",", categories.stream().map(c -> c.replace(",", "\\,")).toList());
			parameters.put("category", narrowed);
			request.setParameters(parameters);
		});
	}

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void holdToCategory(IPreResourceShowDetails shown, RequestDetails request) {
		if (request == null) {
			return;
		}
		boolean readById = READS_BY_ID.contains(request.getRestOperationType());
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource == null) {
				continue;
			}
			String type = resource.fhirType();
			if (!CategoryScopes.TYPES_WITH_CATEGORY.contains(type)) {
				continue;
			}
			Optional<Set<String>> limit = limit(type, readById ? SmartScope.Interaction.READ : SmartScope.Interaction.SEARCH);
			if (limit.isPresent() && !CategoryScopes.hasCategory(resource, limit.get())) {
				if (readById && request.getId() != null) {
					throw new ResourceNotFoundException(Msg.code(2001) + "Resource "
							+ request.getId().toUnqualifiedVersionless().getValue() + " is not known");
				}
				shown.setResource(i, null);
			}
		}
	}

	private static Optional<Set<String>> limit(String type, SmartScope.Interaction interaction) {
		List<String> raw = GrantedAccess.currentRawScopes();
		if (raw.stream().noneMatch(scope -> scope.indexOf('?') >= 0)) {
			return Optional.empty();
		}
		return CategoryScopes.limitFor(GrantedAccess.current(), raw, type, interaction);
	}
}
