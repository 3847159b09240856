package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Search parameters that would let a search reveal records the caller may not read, refused (403)
 * before anything runs, for every role whose reading is filtered per record (everyone but the
 * administrator). They apply wherever a search hides: the query of a GET or {@code POST _search}, a
 * conditional URL ({@code If-None-Exist}, {@code PUT}/{@code DELETE Type?...}), batch and transaction
 * entries.
 * <ul>
 *   <li>{@code _has} and chained parameters ({@code subject.name}, {@code subject:Patient.identifier}):
 *   they select by the content of records the search does not return, and so are never filtered by
 *   {@link RecordVisibility} (who answered a PHQ-9, their score band, a label);</li>
 *   <li>the national ID ({@value PatientMasking#NATIONAL_ID_SYSTEM}, or any identifier of type NNCHN)
 *   for roles that see it masked: a Patient {@code identifier} search must name another system, with
 *   no modifier, and may not sort by identifier; likewise {@code phone}/{@code telecom} for roles that
 *   see the phone masked ({@link PatientMasking}), so guesses cannot unmask them;</li>
 *   <li>{@code $validate} of an existing record ({@code Type/id/$validate}, mode update or delete): it
 *   reads the stored record and what refers to it without the read rules.</li>
 * </ul>
 */
@Interceptor
public class SearchShapeGate {

	private static final Set<String> PATIENT_PHONE_PARAMETERS = Set.of("phone", "telecom");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		GrantedAccess access = GrantedAccess.current();
		if (access.role() == AccessRole.ADMIN || operation == RestOperationTypeEnum.METADATA) {
			return;
		}
		if (operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE && "$validate".equals(request.getOperation())) {
			throw refused("$validate of a stored record (" + request.getResourceName() + "/[id]/$validate) is the administrator's");
		}
		checkSearch(access, request.getResourceName(), request.getParameters());
		String ifNoneExist = request.getHeader(Constants.HEADER_IF_NONE_EXIST);
		if (ifNoneExist != null) {
			checkSearch(access, request.getResourceName(), queryOf(ifNoneExist));
		}
		if ((operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH)
				&& request.getResource() instanceof Bundle bundle) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (!entry.getRequest().hasUrl() || entry.getRequest().getMethod() == null) {
					continue;
				}
				EntryRequest entryRequest = EntryRequest.of(entry.getRequest(), request.getFhirServerBase());
				if ("$validate".equals(entryRequest.operation()) && entryRequest.id() != null) {
					throw refused("$validate of a stored record (" + entryRequest.type() + "/[id]/$validate) is the administrator's");
				}
				checkSearch(access, entryRequest.type(), entryRequest.query());
				if (entryRequest.ifNoneExist() != null) {
					checkSearch(access, entryRequest.type(), queryOf(entryRequest.ifNoneExist()));
				}
			}
		}
	}

	static void checkSearch(GrantedAccess access, String type, Map<String, String[]> parameters) {
		boolean patients = type == null || "Patient".equals(type);
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String base = name.split(":", 2)[0];
			if (name.startsWith(Constants.PARAM_HAS)) {
				throw refused("_has is refused: it selects by records the search does not return");
			}
			if (name.contains(".")) {
				throw refused("Chained search parameters (" + name + ") are refused: they select by records the search does not return");
			}
			if (patients && !seesNationalIdUnmasked(access)) {
				if ("identifier".equals(base) && (!name.equals(base) || Arrays.stream(parameter.getValue()).anyMatch(SearchShapeGate::mayMatchNationalId))) {
					throw refused("A Patient identifier search must be system|value of a system other than the national ID, without modifier");
				}
				if (Constants.PARAM_SORT.equals(name) && Arrays.stream(parameter.getValue()).anyMatch(v -> v.contains("identifier")
						|| PATIENT_PHONE_PARAMETERS.stream().anyMatch(v::contains))) {
					throw refused("Sorting Patients by identifier or phone is refused");
				}
			}
			if (Constants.PARAM_SORT.equals(name) && Arrays.stream(parameter.getValue()).anyMatch(v -> v.contains("."))) {
				throw refused("Sorting by a chained parameter is refused");
			}
			if (patients && PATIENT_PHONE_PARAMETERS.contains(base) && !seesPhoneUnmasked(access)) {
				throw refused("Patient phone searches are refused: the phone is masked for this role");
			}
		}
	}

	/** Any value of an OR list without an explicit system, or with the national ID's, may match a national ID. */
	private static boolean mayMatchNationalId(String value) {
		for (String alternative : value.split(",")) {
			int bar = alternative.indexOf('|');
			if (bar <= 0 || PatientMasking.NATIONAL_ID_SYSTEM.equals(alternative.substring(0, bar))) {
				return true;
			}
		}
		return false;
	}

	private static boolean seesNationalIdUnmasked(GrantedAccess access) {
		return access.role() == AccessRole.EMPLOYEE; // the administrator returned above; an employee is narrowed to themself
	}

	private static boolean seesPhoneUnmasked(GrantedAccess access) {
		return access.role() == AccessRole.EMPLOYEE || access.role() == AccessRole.CLINICIAN;
	}

	private static Map<String, String[]> queryOf(String conditionalUrl) {
		int question = conditionalUrl.indexOf('?');
		return UrlUtil.parseQueryString(question < 0 ? conditionalUrl : conditionalUrl.substring(question + 1));
	}

	private static ForbiddenOperationException refused(String message) {
		return new ForbiddenOperationException(message);
	}
}
