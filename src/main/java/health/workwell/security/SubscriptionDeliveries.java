package health.workwell.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each rest-hook delivery just before it is sent (HAPI's {@code SUBSCRIPTION_BEFORE_REST_HOOK_DELIVERY}):
 * <ul>
 *   <li>the endpoint again ({@link SubscriptionEndpoints}), resolved now: a name may point elsewhere than
 *   when the Subscription was stored;</li>
 *   <li>no psychological or occupational-disease record ({@link SensitiveData}), and nothing carrying a
 *   security label: a subscriber is a system outside the server, which neither labels nor consents can
 *   follow, so such a change is not announced at all (not even by id);</li>
 *   <li>a Patient goes out masked as for any system that is not the employee (no national ID, no phone:
 *   {@link PatientMasking}).</li>
 * </ul>
 * What cannot be checked here is not sent: deliveries of whole search results (payload search criteria),
 * of the latest version read after this check (deliver-latest-version), and messages without the record.
 */
@Interceptor
public class SubscriptionDeliveries {

	private static final Logger LOG = LoggerFactory.getLogger(SubscriptionDeliveries.class);
	/** Who a subscriber counts as for masking: a system that is neither the employee nor a clinician. */
	private static final GrantedAccess SUBSCRIBER = new GrantedAccess(AccessRole.INTEGRATION, List.of(), Optional.empty(),
			Optional.empty(), Optional.empty(), "subscription", false);

	private final FhirContext fhirContext;
	private final SubscriptionEndpoints endpoints;

	public SubscriptionDeliveries(FhirContext fhirContext, SubscriptionEndpoints endpoints) {
		this.fhirContext = fhirContext;
		this.endpoints = endpoints;
	}

	/** {@code false}: HAPI does not deliver this notification. */
	@Hook(Pointcut.SUBSCRIPTION_BEFORE_REST_HOOK_DELIVERY)
	public boolean beforeDelivery(CanonicalSubscription subscription, ResourceDeliveryMessage message) {
		String subscriptionId = subscription.getIdPart();
		Optional<String> problem = endpoints.problemWith(subscription.getEndpointUrl());
		if (problem.isPresent()) {
			LOG.warn("Not delivering for Subscription/{}: {}", subscriptionId, problem.get());
			return false;
		}
		if (subscription.getPayloadSearchCriteria() != null || subscription.getRestHookDetails().isDeliverLatestVersion()) {
			// whole search results, or the record read again after this check: neither could be checked here
			LOG.warn("Not delivering for Subscription/{}: payload search criteria and deliver-latest-version are not supported",
					subscriptionId);
			return false;
		}
		IBaseResource payload = message.getPayload(fhirContext);
		if (!(payload instanceof Resource resource)) {
			// an id-only message (HAPI then reads the record itself): no way to check it here
			LOG.warn("Not delivering for Subscription/{}: the message carries no record to check", subscriptionId);
			return false;
		}
		if (sensitive(resource)) {
			LOG.info("Not delivering {} for Subscription/{}: sensitive record", resource.getIdElement().toUnqualifiedVersionless(), subscriptionId);
			return false;
		}
		if (resource instanceof Patient patient) {
			Patient masked = PatientMasking.forViewer(SUBSCRIBER, patient);
			if (masked != patient) {
				// HAPI delivers the decoded payload it keeps (getPayload), which setPayload does not replace: mask that instance
				masked.copyValues(patient);
				message.setPayload(fhirContext, patient, EncodingEnum.JSON);
			}
		}
		return true;
	}

	private static boolean sensitive(Resource resource) {
		return SensitiveData.psychological(resource) || SensitiveData.occupational(resource) || resource.getMeta().hasSecurity();
	}
}
