package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.HapiExtensions;
import health.workwell.security.SmartScope.Interaction;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Subscription;

/**
 * What a stored Subscription may say, checked on every create and update (also inside transactions
 * and for the server's own activation): only the administrator writes Subscriptions ({@link RoleGate}
 * refuses everyone else first), only for types its scopes let it search, to an endpoint
 * {@link SubscriptionEndpoints} allows, and without HAPI's extensions whose deliveries
 * {@link SubscriptionDeliveries} could not check.
 * Refusals: 403 for who, 422 naming the problem for what.
 */
@Interceptor
public class SubscriptionRules {

	private static final Set<String> UNCHECKABLE_EXTENSIONS = Set.of(HapiExtensions.EXT_SUBSCRIPTION_PAYLOAD_SEARCH_CRITERIA,
			HapiExtensions.EXT_SUBSCRIPTION_RESTHOOK_DELIVER_LATEST_VERSION);

	private final FhirContext fhirContext;
	private final SubscriptionEndpoints endpoints;

	public SubscriptionRules(FhirContext fhirContext, SubscriptionEndpoints endpoints) {
		this.fhirContext = fhirContext;
		this.endpoints = endpoints;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource stored, IBaseResource updated) {
		check(updated);
	}

	private void check(IBaseResource resource) {
		if (!(resource instanceof Subscription subscription)) {
			return;
		}
		GrantedAccess access = GrantedAccess.current();
		// no token: the server's own write (activation, status changes); it is held to the endpoint rule all the same
		if (access != GrantedAccess.NOTHING) {
			if (access.role() != AccessRole.ADMIN) {
				throw new ForbiddenOperationException("The role " + access.role().claimValue() + " may not use Subscriptions");
			}
			String type = criteriaType(subscription.getCriteria());
			if (!access.allows(type, Interaction.SEARCH)) {
				throw new ForbiddenOperationException("Subscription.criteria: the token's scopes do not allow searching " + type);
			}
		}
		// the terser does not reach the extensions of primitive elements such as channel.payload
		for (Extension extension : subscription.getChannel().getPayloadElement().getExtension()) {
			refuseUncheckable(extension);
		}
		for (Extension extension : fhirContext.newTerser().getAllPopulatedChildElementsOfType(subscription, Extension.class)) {
			refuseUncheckable(extension);
		}
		if (subscription.getChannel().getType() == Subscription.SubscriptionChannelType.RESTHOOK) {
			endpoints.problemWith(subscription.getChannel().getEndpoint()).ifPresent(problem -> {
				throw new UnprocessableEntityException("Subscription.channel.endpoint: " + problem);
			});
		}
	}

	/**
	 * HAPI's extensions whose deliveries {@link SubscriptionDeliveries} could not check: whole search results
	 * (payload search criteria), or the record read again after the check (deliver latest version).
	 */
	private static void refuseUncheckable(Extension extension) {
		if (UNCHECKABLE_EXTENSIONS.contains(extension.getUrl())) {
			throw new UnprocessableEntityException("Subscription: the extension " + extension.getUrl()
					+ " is not supported by this server (its deliveries could not be checked)");
		}
	}

	/** The resource type a criteria such as {@code Observation?code=...} is about. */
	static String criteriaType(String criteria) {
		if (criteria == null || criteria.isBlank()) {
			throw new UnprocessableEntityException("Subscription.criteria is required");
		}
		return criteria.trim().split("\\?", 2)[0];
	}
}
