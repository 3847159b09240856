package health.workwell.security;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * The second gate, HAPI's AuthorizationInterceptor: which records the token reaches, by role.
 * <ul>
 *   <li>administrator, integration: every record ({@link ScopeCheck} has held them to their types and
 *   letters; {@link RecordVisibility} hides psychological and unconsented data from integration);</li>
 *   <li>employee: their own compartment only (the {@code fhirUser} Patient, or the {@code patient} claim
 *   of a role-less patient-scoped token): reads, searches (narrowed by {@link PatientSearchNarrowing}),
 *   creates, updates and deletes, each checked on the resource itself, and their own
 *   {@code $everything};</li>
 *   <li>clinician: the compartments of the patients on their active care teams, or who consented to
 *   them by name ({@link CareTeamAssignments}), with {@code $everything}, {@code $risk-assess} and
 *   {@code $tier} of those patients;</li>
 *   <li>device vendor: Observations and Devices, any id: which of them it may read back is
 *   {@link RecordVisibility}'s part (its own), and its searches are narrowed ({@link CreatorSearchNarrowing});</li>
 *   <li>HR: reference data only.</li>
 * </ul>
 * Employees, clinicians and HR also read reference data ({@link RoleGate#REFERENCE_TYPES}); employees
 * and clinicians the staff directory. Anything else is denied.
 */
public class CompartmentRules extends AuthorizationInterceptor {

	private static final java.util.Set<RestOperationTypeEnum> READS_BY_ID = java.util.EnumSet.of(
			RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE,
			RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);

	private final CareTeamAssignments careTeams;

	public CompartmentRules(CareTeamAssignments careTeams) {
		this.careTeams = careTeams;
	}

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
		if (request instanceof ConditionalMatchNarrowing.Resolution) {
			// the server's own look-up of a conditional URL's matches, which it sorts by visibility itself
			return new RuleBuilder().allowAll("conditional URL resolution").build();
		}
		GrantedAccess access = GrantedAccess.current();
		return switch (access.role()) {
			case ADMIN, INTEGRATION -> new RuleBuilder().allowAll("system access").build();
			case EMPLOYEE -> employee(new IdType("Patient", access.self().orElseThrow()));
			case CLINICIAN -> clinician(careTeams.patientsOf(access.practitioner().orElseThrow(), request).keySet());
			case DEVICE_VENDOR -> deviceVendor();
			case HR -> referenceData(new RuleBuilder(), false).denyAll("HR sees no individual record").build();
			case NONE -> new RuleBuilder().allow("metadata").metadata().andThen().denyAll("no usable role or scope").build();
		};
	}

	private static List<IAuthRule> employee(IdType patient) {
		return referenceData(new RuleBuilder(), true)
				.allow("read own record").read().allResources().inCompartment("Patient", patient).andThen()
				.allow("write own record").write().allResources().inCompartment("Patient", patient).andThen()
				.allow("delete own record").delete().allResources().inCompartment("Patient", patient).andThen()
				.allow("own $everything").operation().named("$everything").onInstance(patient)
						.andRequireExplicitResponseAuthorization().andThen()
				.allow("own $lastn").operation().named("$lastn").onType(Observation.class)
						.andRequireExplicitResponseAuthorization().andThen()
				.allow("$validate").operation().named("$validate").atAnyLevel().andRequireExplicitResponseAuthorization().andThen()
				.allow("transactions, entry by entry").transaction().withAnyOperation().andApplyNormalRules().andThen()
				.denyAll("outside the patient's compartment")
				.build();
	}

	private static List<IAuthRule> clinician(Set<String> patientIds) {
		IAuthRuleBuilder rules = referenceData(new RuleBuilder(), true);
		if (!patientIds.isEmpty()) {
			Collection<IIdType> patients = patientIds.stream().map(id -> (IIdType) new IdType("Patient", id)).toList();
			rules = rules
					.allow("read their patients' records").read().allResources().inCompartment("Patient", patients).andThen()
					.allow("write their patients' records").write().allResources().inCompartment("Patient", patients).andThen()
					.allow("delete in their patients' records").delete().allResources().inCompartment("Patient", patients).andThen()
					// what $everything gathers (also by reference, from other compartments) is filtered by RecordVisibility
					.allow("their patients' $everything").operation().named("$everything").onInstances(patients)
							.andAllowAllResponses().andThen()
					// the assessments read the whole record with the server's authority; RecordVisibility filters their outputs
					.allow("their patients' $risk-assess").operation().named("$risk-assess").onInstances(patients)
							.andAllowAllResponses().andThen()
					.allow("their patients' $tier").operation().named("$tier").onInstances(patients).andAllowAllResponses().andThen()
					.allow("$lastn").operation().named("$lastn").onType(Observation.class).andRequireExplicitResponseAuthorization().andThen();
		}
		return rules
				.allow("$validate").operation().named("$validate").atAnyLevel().andRequireExplicitResponseAuthorization().andThen()
				.allow("transactions, entry by entry").transaction().withAnyOperation().andApplyNormalRules().andThen()
				.denyAll("not a patient of this clinician's care teams")
				.build();
	}

	private static List<IAuthRule> deviceVendor() {
		return new RuleBuilder()
				.allow("create Observations").create().resourcesOfType(Observation.class).withAnyId().andThen()
				.allow("create Devices").create().resourcesOfType(Device.class).withAnyId().andThen()
				.allow("read Observations (own, RecordVisibility)").read().resourcesOfType(Observation.class).withAnyId().andThen()
				.allow("read Devices (own, RecordVisibility)").read().resourcesOfType(Device.class).withAnyId().andThen()
				.allow("$validate").operation().named("$validate").atAnyLevel().andRequireExplicitResponseAuthorization().andThen()
				.allow("transactions, entry by entry").transaction().withAnyOperation().andApplyNormalRules().andThen()
				.denyAll("a device vendor creates Observations and Devices only")
				.build();
	}

	@SuppressWarnings("unchecked")
	private static IAuthRuleBuilder referenceData(IAuthRuleBuilder rules, boolean withStaff) {
		IAuthRuleBuilder result = rules.allow("metadata").metadata().andThen();
		for (String type : RoleGate.REFERENCE_TYPES) {
			result = result.allow("read " + type).read().resourcesOfType(type).withAnyId().andThen();
		}
		if (withStaff) {
			for (String type : RoleGate.STAFF_TYPES) {
				result = result.allow("read " + type).read().resourcesOfType(type).withAnyId().andThen();
			}
		}
		return result;
	}
}
