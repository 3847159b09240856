package health.workwell.lastn;

import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.jpa.rp.r4.ObservationResourceProvider;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.RawParam;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateAndListParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Observation;

/**
 * HAPI's JPA Observation provider with {@code $lastn} answered by {@link LastNQuery} instead of
 * HAPI's Elasticsearch-only implementation. Overriding the method keeps one {@code $lastn} binding
 * and the generated search, CRUD and history methods as they are.
 */
public class ObservationLastNProvider extends ObservationResourceProvider {

	private final LastNQuery lastN;

	public ObservationLastNProvider(LastNQuery lastN) {
		this.lastN = lastN;
	}

	@Override
	@Operation(name = JpaConstants.OPERATION_LASTN, idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
	public IBundleProvider observationLastN(
			HttpServletRequest servletRequest,
			HttpServletResponse servletResponse,
			RequestDetails requestDetails,
			@Description(shortDefinition = "Page size of the result")
					@OperationParam(name = Constants.PARAM_COUNT, typeName = "unsignedInt")
					IPrimitiveType<Integer> count,
			@Description(shortDefinition = "The classification of the type of observation")
					@OperationParam(name = "category")
					TokenAndListParam category,
			@Description(shortDefinition = "The code of the observation type") @OperationParam(name = "code")
					TokenAndListParam code,
			@Description(shortDefinition = "The effective date of the observation") @OperationParam(name = "date")
					DateAndListParam date,
			@Description(shortDefinition = "The subject that the observation is about (if patient)")
					@OperationParam(name = "patient")
					ReferenceAndListParam patient,
			@Description(shortDefinition = "The subject that the observation is about") @OperationParam(name = "subject")
					ReferenceAndListParam subject,
			@Description(shortDefinition = "The maximum number of observations to return for each observation code")
					@OperationParam(name = "max", typeName = "integer", min = 0, max = 1)
					IPrimitiveType<Integer> max,
			@RawParam Map<String, List<String>> otherSearchParameters) {
		int perCode = max == null || max.getValue() == null ? 1 : max.getValue();
		if (perCode < 1) {
			throw new InvalidRequestException("$lastn: 'max' must be a positive integer, got " + perCode);
		}
		startRequest(servletRequest);
		try {
			SearchParameterMap filters = new SearchParameterMap();
			filters.add(Observation.SP_CATEGORY, category);
			filters.add(Observation.SP_CODE, code);
			filters.add(Observation.SP_DATE, date);
			filters.add(Observation.SP_PATIENT, patient);
			filters.add(Observation.SP_SUBJECT, subject);
			Map<String, List<String>> rest = new HashMap<>(otherSearchParameters == null ? Map.of() : otherSearchParameters);
			rest.remove("max");
			getDao().translateRawParameters(rest, filters);
			List<Observation> found = lastN.execute(filters, perCode, requestDetails);
			SimpleBundleProvider result = new SimpleBundleProvider(found);
			if (count != null && count.getValue() != null) {
				result.setPreferredPageSize(count.getValue());
			}
			return result;
		} finally {
			endRequest(servletRequest);
		}
	}
}
