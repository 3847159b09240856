package health.workwell.security;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;

/**
 * The second gate, HAPI's AuthorizationInterceptor: which records the token reaches. A system scope
 * reaches every record ({@link ScopeCheck} has already held it to its types and letters). A patient
 * scope reaches only the patient's compartment: reads, searches (narrowed by
 * {@link PatientSearchNarrowing}), creates, updates and deletes, each checked on the resource itself,
 * and {@code $everything} of that patient only. Anything else is denied.
 */
public class CompartmentRules extends AuthorizationInterceptor {

	private static final java.util.Set<RestOperationTypeEnum> READS_BY_ID = java.util.EnumSet.of(
			RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE,
			RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);

	/**
	 * A record the token may not reach answers a read by id exactly as a missing one does (404 with
	 * HAPI's own wording), so that ids cannot be probed for existence. Other refusals stay 403.
	 */
	@Override
	protected void handleDeny(RequestDetails request, Verdict verdict) {
		if (READS_BY_ID.contains(request.getRestOperationType()) && request.getId() != null) {
			throw new ResourceNotFoundException(Msg.code(2001) + "Resource "
					+ request.getId().toUnqualifiedVersionless().getValue() + " is not known");
		}
		super.handleDeny(request, verdict);
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		GrantedAccess access = GrantedAccess.current();
		if (access.hasSystemScope()) {
			return new RuleBuilder().allowAll("system scope").build();
		}
		if (access.patient().isPresent()) {
			IdType patient = new IdType("Patient", access.patient().get());
			return new RuleBuilder()
					.allow("metadata").metadata().andThen()
					.allow("read own record").read().allResources().inCompartment("Patient", patient).andThen()
					.allow("write own record").write().allResources().inCompartment("Patient", patient).andThen()
					.allow("delete own record").delete().allResources().inCompartment("Patient", patient).andThen()
					.allow("own $everything").operation().named("$everything").onInstance(patient)
							.andRequireExplicitResponseAuthorization().andThen()
					.allow("own $lastn").operation().named("$lastn").onType(org.hl7.fhir.r4.model.Observation.class)
							.andRequireExplicitResponseAuthorization().andThen()
					.allow("transactions, entry by entry").transaction().withAnyOperation().andApplyNormalRules().andThen()
					.denyAll("outside the patient's compartment")
					.build();
		}
		return new RuleBuilder().allow("metadata").metadata().andThen().denyAll("no usable scope").build();
	}
}
