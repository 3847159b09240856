package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.HapiExtensions;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/** The server's own writes (no token): held to the endpoint and extension rules all the same. */
class SubscriptionRulesTest {

	private final SubscriptionRules rules = new SubscriptionRules(FhirContext.forR4Cached(),
			new SubscriptionEndpoints(List.of("http://localhost")));

	@Test
	void anAllowListedEndpointIsAccepted() {
		assertThatCode(() -> rules.beforeCreate(subscription("http://localhost:8080/hook"))).doesNotThrowAnyException();
	}

	@Test
	void aForbiddenEndpointIsRefusedOnUpdateToo() {
		assertThatThrownBy(() -> rules.beforeUpdate(subscription("http://localhost:8080/hook"), subscription("https://10.0.0.1/x")))
				.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("Subscription.channel.endpoint")
				.hasMessageContaining("10.0.0.1");
	}

	@Test
	void payloadSearchCriteriaAreRefused() {
		Subscription subscription = subscription("http://localhost:8080/hook");
		subscription.getChannel().getPayloadElement().addExtension(HapiExtensions.EXT_SUBSCRIPTION_PAYLOAD_SEARCH_CRITERIA,
				new StringType("QuestionnaireResponse?"));

		assertThatThrownBy(() -> rules.beforeCreate(subscription)).isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("payload-search-criteria");
	}

	@Test
	void deliverLatestVersionIsRefused() {
		Subscription subscription = subscription("http://localhost:8080/hook");
		subscription.getChannel().addExtension(HapiExtensions.EXT_SUBSCRIPTION_RESTHOOK_DELIVER_LATEST_VERSION, new BooleanType(true));

		assertThatThrownBy(() -> rules.beforeCreate(subscription)).isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("deliver-latest-version");
	}

	private static Subscription subscription(String endpoint) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
		subscription.setCriteria("Flag?patient=Patient/1");
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
				.setPayload("application/fhir+json");
		return subscription;
	}
}
