package health.workwell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every request that reads or writes personal data leaves an AuditEvent, refused ones included; the trail is read-only. */
@H2Server
class AuditTrailIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String patient;

	@BeforeEach
	void aPatient() {
		patient = FhirClients.client(port).create().resource(new Patient().setActive(true)).execute().getId().getIdPart();
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<AuditEvent> auditEvents(String query) {
		Bundle found = FhirClients.client(port).search().byUrl("AuditEvent?" + query).returnBundle(Bundle.class).execute();
		return found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
	}

	@Test
	void aReadLeavesAnAuditEventNamingTheClientTheAddressAndTheRecord() throws Exception {
		assertThat(send(TestTokens.admin(port), "GET", "/Patient/" + patient, null).statusCode()).isEqualTo(200);

		List<AuditEvent> events = await().atMost(Duration.ofSeconds(10))
				.until(() -> auditEvents("entity-name=Patient/" + patient + "&subtype=read"), list -> !list.isEmpty());

		AuditEvent event = events.get(0);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
		AuditEvent.AuditEventAgentComponent agent = event.getAgentFirstRep();
		assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo(TestTokens.ADMIN_CLIENT_ID);
		assertThat(agent.getNetwork().getAddress()).isEqualTo("127.0.0.1");
		assertThat(event.getRecorded()).isNotNull();
	}

	@Test
	void aRefusedRequestIsAuditedToo() throws Exception {
		String someoneElse = TestTokens.signed(port, "patient/*.rs", "someone-else");

		assertThat(send(someoneElse, "GET", "/Patient/" + patient, null).statusCode()).isEqualTo(404);

		List<AuditEvent> refused = await().atMost(Duration.ofSeconds(10))
				.until(() -> auditEvents("entity-name=Patient/" + patient + "&outcome=4"), list -> !list.isEmpty());
		assertThat(refused.get(0).getOutcomeDesc()).isEqualTo("HTTP 404");
		assertThat(refused.get(0).getAgentFirstRep().getAltId()).isEqualTo("test");
	}

	@Test
	void aRefusedReadOfAMissingRecordAndADeleteAreAuditedAndTheTrailDoesNotBlockTheDelete() throws Exception {
		String admin = TestTokens.admin(port);
		assertThat(send(admin, "GET", "/Patient/" + patient, null).statusCode()).isEqualTo(200);
		assertThat(send(admin, "GET", "/Patient/no-such-patient", null).statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10)).until(() -> auditEvents("entity-name=Patient/" + patient), list -> !list.isEmpty());

		assertThat(send(admin, "DELETE", "/Patient/" + patient, null).statusCode()).isIn(200, 204);

		await().atMost(Duration.ofSeconds(10)).until(() -> auditEvents("entity-name=Patient/no-such-patient&outcome=4"), list -> !list.isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> auditEvents("entity-name=Patient/" + patient + "&subtype=delete"), list -> !list.isEmpty());
	}

	@Test
	void theTrailCannotBeWrittenChangedOrDeletedThroughTheApi() throws Exception {
		send(TestTokens.admin(port), "GET", "/Patient/" + patient, null);
		AuditEvent event = await().atMost(Duration.ofSeconds(10))
				.until(() -> auditEvents("entity-name=Patient/" + patient), list -> !list.isEmpty()).get(0);
		String id = event.getIdElement().getIdPart();
		String json = FhirClients.R4.newJsonParser().encodeResourceToString(event);
		String admin = TestTokens.admin(port);

		assertThat(send(admin, "PUT", "/AuditEvent/" + id, json).statusCode()).isEqualTo(405);
		assertThat(send(admin, "DELETE", "/AuditEvent/" + id, null).statusCode()).isEqualTo(405);
		event.setId((String) null);
		assertThat(send(admin, "POST", "/AuditEvent", FhirClients.R4.newJsonParser().encodeResourceToString(event)).statusCode())
				.isEqualTo(405);
		assertThat(send(admin, "GET", "/AuditEvent/" + id, null).statusCode()).isEqualTo(200);
	}
}
