package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.HapiExtensions;
import com.sun.net.httpserver.HttpServer;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Subscriptions are the administrator's, their endpoints must be https to a public address (or be
 * allow-listed: the test configuration allows {@code http://localhost}), and deliveries carry no
 * psychological record. No test here sends anything but to 127.0.0.1: every forbidden endpoint is
 * refused before a connection is attempted.
 */
abstract class SubscriptionContract {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	/** A fresh reason per test, so that "nothing stored" can be searched for. */
	String marker;

	@BeforeEach
	void freshMarker() {
		marker = "attack-" + UUID.randomUUID();
	}

	@Test
	void anIntegrationClientMayNotSubscribeToQuestionnaireResponses() throws Exception {
		String integration = TestTokens.signed(port, "system/Subscription.cruds system/QuestionnaireResponse.rs", null);

		HttpResponse<String> response = send(integration, "POST", "/Subscription",
				subscription("QuestionnaireResponse?", "http://127.0.0.1:9/x"));

		assertRefused(response, 403, "Subscription");
		assertNothingStored();
	}

	@Test
	void anIntegrationClientMayNotReadOrSearchSubscriptions() throws Exception {
		String integration = TestTokens.signed(port, "system/Subscription.cruds", null);

		assertRefused(send(integration, "GET", "/Subscription", null), 403, "Subscription");
	}

	@Test
	void anAdministratorMaySubscribeOnlyToTypesItsScopesSearch() throws Exception {
		String narrowAdmin = TestTokens.signed(port, "system/Subscription.cruds system/Observation.rs", null,
				java.util.Map.of(AccessRole.CLAIM, AccessRole.ADMIN.claimValue()));

		HttpResponse<String> response = send(narrowAdmin, "POST", "/Subscription",
				subscription("QuestionnaireResponse?", "http://localhost:9/x"));

		assertRefused(response, 403, "QuestionnaireResponse");
		assertNothingStored();
	}

	@Test
	void aLoopbackEndpointIsRefused() throws Exception {
		assertEndpointRefused("http://127.0.0.1:9/x", "127.0.0.1");
	}

	@Test
	void theCloudMetadataAddressIsRefused() throws Exception {
		assertEndpointRefused("https://169.254.169.254/latest/meta-data/", "169.254.169.254");
	}

	@Test
	void aPrivateAddressIsRefused() throws Exception {
		assertEndpointRefused("https://10.0.0.1/x", "10.0.0.1");
	}

	@Test
	void aUniqueLocalIpv6AddressIsRefused() throws Exception {
		assertEndpointRefused("https://[fd00::1]/x", "fd00");
	}

	@Test
	void aHostNameResolvingToLoopbackIsRefused() throws Exception {
		// the allow-list names http://localhost only; https://localhost is a name like any other, resolved and refused
		assertEndpointRefused("https://localhost:9/x", "127.0.0.1");
	}

	@Test
	void plainHttpIsRefused() throws Exception {
		// 203.0.113.5 is a documentation address (RFC 5737): refused for its scheme, nothing is sent
		assertEndpointRefused("http://203.0.113.5/x", "https");
	}

	@Test
	void aSubscriptionCannotBeMovedToAForbiddenEndpoint() throws Exception {
		HttpResponse<String> created = send(TestTokens.admin(port), "POST", "/Subscription",
				subscription("Flag?patient=Patient/none", "http://localhost:9/allowed"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = FhirClients.R4.newJsonParser().parseResource(Subscription.class, created.body()).getIdPart();

		String moved = subscription("Flag?patient=Patient/none", "https://10.0.0.1/x")
				.replaceFirst("\\{", "{\"id\":\"" + id + "\",");
		assertRefused(send(TestTokens.admin(port), "PUT", "/Subscription/" + id, moved), 422, "10.0.0.1");

		Subscription stored = FhirClients.client(port).read().resource(Subscription.class).withId(id).execute();
		assertThat(stored.getChannel().getEndpoint()).isEqualTo("http://localhost:9/allowed");
	}

	@Test
	void aForbiddenEndpointInsideATransactionIsRefused() throws Exception {
		String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
				+ subscription("Flag?patient=Patient/none", "https://192.168.1.1/x")
				+ ",\"request\":{\"method\":\"POST\",\"url\":\"Subscription\"}}]}";

		assertRefused(send(TestTokens.admin(port), "POST", "", bundle), 422, "192.168.1.1");
		assertNothingStored();
	}

	@Test
	void deliveriesCarryNoPsychologicalRecord() throws Exception {
		IGenericClient admin = FhirClients.client(port);
		String patient = admin.create().resource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(marker)))
				.execute().getId().getIdPart();
		try (Subscriber subscriber = new Subscriber()) {
			subscribe(admin, "QuestionnaireResponse?subject=Patient/" + patient, subscriber.endpoint());

			String phq9 = admin.create().resource(AccessMatrixIT.psych(patient)).execute().getId().getIdPart();
			String ordinary = admin.create().resource(satisfactionSurvey(patient)).execute().getId().getIdPart();

			subscriber.awaitOneContaining(ordinary);
			assertThat(subscriber.received).as("the PHQ-9 is not delivered")
					.noneMatch(r -> r.contains("QuestionnaireResponse/" + phq9) || r.contains("44250-9"));
		}
	}

	@Test
	void aDeliveredPatientIsMasked() throws Exception {
		IGenericClient admin = FhirClients.client(port);
		try (Subscriber subscriber = new Subscriber()) {
			subscribe(admin, "Patient?family=" + marker, subscriber.endpoint());

			Patient patient = new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(marker));
			patient.addIdentifier().setSystem("http://workwell.health/fhir/sid/national-id").setValue("110101199003075678");
			patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("13800138000");
			String id = admin.create().resource(patient).execute().getId().getIdPart();

			String delivered = subscriber.awaitOneContaining(id);
			assertThat(delivered).contains("5678").doesNotContain("110101199003075678").doesNotContain("13800138000");
		}
	}

	@Test
	void deliverLatestVersionIsRefused() throws Exception {
		String withExtension = subscription("Flag?patient=Patient/none", "http://localhost:9/x").replace(
				"\"channel\":{", "\"channel\":{\"extension\":[{\"url\":\"" + HapiExtensions.EXT_SUBSCRIPTION_RESTHOOK_DELIVER_LATEST_VERSION
						+ "\",\"valueBoolean\":true}],");

		assertRefused(send(TestTokens.admin(port), "POST", "/Subscription", withExtension), 422, "deliver-latest-version");
		assertNothingStored();
	}

	/** A rest-hook subscriber on 127.0.0.1, reached as the allow-listed http://localhost; keeps what it receives. */
	private static final class Subscriber implements AutoCloseable {
		final List<String> received = new CopyOnWriteArrayList<>();
		private final HttpServer server;

		Subscriber() throws java.io.IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				received.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
		}

		String endpoint() {
			return "http://localhost:" + server.getAddress().getPort() + "/hook";
		}

		/** The delivery naming this id; then waits a moment more for deliveries that should not come. */
		String awaitOneContaining(String id) throws InterruptedException {
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (Instant.now().isBefore(deadline) && received.stream().noneMatch(r -> r.contains(id))) {
				Thread.sleep(100);
			}
			Thread.sleep(2000);
			return received.stream().filter(r -> r.contains(id)).findFirst()
					.orElseThrow(() -> new AssertionError("nothing delivered for " + id + ": " + received));
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}

	private void subscribe(IGenericClient admin, String criteria, String endpoint) throws Exception {
		HttpResponse<String> created = send(TestTokens.admin(port), "POST", "/Subscription", subscription(criteria, endpoint));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		awaitActive(admin, FhirClients.R4.newJsonParser().parseResource(Subscription.class, created.body()).getIdPart());
	}

	private void assertEndpointRefused(String endpoint, String named) throws Exception {
		HttpResponse<String> response = send(TestTokens.admin(port), "POST", "/Subscription",
				subscription("Flag?patient=Patient/none", endpoint));
		assertRefused(response, 422, named);
		assertNothingStored();
	}

	private static void assertRefused(HttpResponse<String> response, int status, String named) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains(named);
	}

	private void assertNothingStored() throws Exception {
		List<Subscription> all = FhirClients.client(port).search().forResource(Subscription.class).count(500)
				.returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry().stream()
				.map(e -> (Subscription) e.getResource()).toList();
		assertThat(all).as("nothing stored").noneMatch(s -> marker.equals(s.getReason()));
	}

	private String subscription(String criteria, String endpoint) {
		return "{\"resourceType\":\"Subscription\",\"status\":\"requested\",\"reason\":\"" + marker + "\",\"criteria\":\""
				+ criteria + "\",\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + endpoint
				+ "\",\"payload\":\"application/fhir+json\"}}";
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		} else {
			request.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void awaitActive(IGenericClient admin, String id) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			if (admin.read().resource(Subscription.class).withId(id).execute().getStatus() == Subscription.SubscriptionStatus.ACTIVE) {
				Thread.sleep(1000); // the registry takes it up from the activation message
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Subscription " + id + " never became active");
	}

	private static QuestionnaireResponse satisfactionSurvey(String patient) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(new Reference("Patient/" + patient));
		response.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-02"));
		response.addItem().setLinkId("canteen").addAnswer().setValue(new org.hl7.fhir.r4.model.StringType("good"));
		return response;
	}
}
