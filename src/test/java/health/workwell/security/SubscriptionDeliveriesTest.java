package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.net.InetAddress;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The check before each rest-hook delivery. The resolver is fixed: "hooks.partner.example" first resolves
 * to a public address, then (as after a DNS change) to a private one; nothing is resolved or sent for real.
 */
class SubscriptionDeliveriesTest {

	private static final FhirContext R4 = FhirContext.forR4Cached();

	private InetAddress partnerAddress;
	private final SubscriptionDeliveries deliveries = new SubscriptionDeliveries(R4, new SubscriptionEndpoints(
			List.of("http://localhost"), host -> new InetAddress[] {"hooks.partner.example".equals(host) ? partnerAddress
					: InetAddress.getByName("127.0.0.1")}));

	@Test
	void aNameThatNowResolvesToAPrivateAddressIsNotCalled() throws Exception {
		partnerAddress = InetAddress.getByName("203.0.113.9");
		assertThat(deliver("https://hooks.partner.example/x", reading())).isTrue();

		partnerAddress = InetAddress.getByName("10.1.2.3");
		assertThat(deliver("https://hooks.partner.example/x", reading())).isFalse();
	}

	@Test
	void aForbiddenEndpointStoredBeforeTheRulesIsNotCalled() throws Exception {
		assertThat(deliver("http://169.254.169.254/latest", reading())).isFalse();
		assertThat(deliver("https://10.0.0.1/x", reading())).isFalse();
	}

	@Test
	void aPsychologicalRecordIsNotDelivered() throws Exception {
		assertThat(deliver("http://localhost:1234/x", AccessMatrixIT.psych("p1").setId("QuestionnaireResponse/q1"))).isFalse();
	}

	@Test
	void aLabelledRecordIsNotDelivered() throws Exception {
		Observation labelled = reading();
		labelled.getMeta().addSecurity(SensitiveData.CONFIDENTIALITY, SensitiveData.RESTRICTED, null);

		assertThat(deliver("http://localhost:1234/x", labelled)).isFalse();
	}

	@Test
	void aPatientIsDeliveredMasked() throws Exception {
		Patient patient = new Patient();
		patient.setId("Patient/p1");
		patient.addIdentifier(new Identifier().setSystem(PatientMasking.NATIONAL_ID_SYSTEM).setValue("110101199003071234"));
		ResourceDeliveryMessage message = message("http://localhost:1234/x", patient);

		assertThat(deliveries.beforeDelivery(message.getSubscription(), message)).isTrue();
		assertThat(((Patient) message.getPayload(R4)).getIdentifierFirstRep().getValue()).isEqualTo("**************1234");
		assertThat(message.getPayloadString()).doesNotContain("110101199003071234");
	}

	private boolean deliver(String endpoint, Resource resource) {
		ResourceDeliveryMessage message = message(endpoint, resource);
		return deliveries.beforeDelivery(message.getSubscription(), message);
	}

	private static ResourceDeliveryMessage message(String endpoint, Resource resource) {
		CanonicalSubscription subscription = new CanonicalSubscription();
		subscription.setIdElement(new IdType("Subscription/s1"));
		subscription.setEndpointUrl(endpoint);
		ResourceDeliveryMessage message = new ResourceDeliveryMessage();
		message.setSubscription(subscription);
		message.setPayload(R4, resource, EncodingEnum.JSON);
		return message;
	}

	private static Observation reading() {
		Observation observation = new Observation();
		observation.setId("Observation/o1");
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		return observation;
	}
}
