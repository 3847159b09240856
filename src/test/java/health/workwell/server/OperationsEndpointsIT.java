package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What people who run the server rely on: health probes, metrics, and a truthful CapabilityStatement. */
@H2Server
class OperationsEndpointsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void livenessAndReadinessIncludingTheDatabase() throws Exception {
		assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"db\"").contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusCountsRequestsPerFhirInteraction() throws Exception {
		FhirClients.client(port).create().resource(new Patient().setActive(true)).execute();
		get("/fhir/Patient?_count=1");
		get("/fhir/Patient?no-such-parameter=1");

		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).containsPattern("workwell_fhir_requests_seconds_count\\{[^}]*interaction=\"create\"[^}]*resource=\"Patient\"[^}]*status=\"201\"");
		assertThat(metrics).containsPattern("workwell_fhir_requests_seconds_count\\{[^}]*interaction=\"search-type\"[^}]*status=\"200\"");
		assertThat(metrics).containsPattern("workwell_fhir_requests_seconds_count\\{[^}]*outcome=\"client_error\"[^}]*status=\"400\"");
		assertThat(metrics).contains("workwell_fhir_requests_seconds_bucket");
	}

	@Test
	void capabilityStatementTellsWhatTheServerDoes() {
		CapabilityStatement capabilities = FhirClients.client(port).capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
		List<CapabilityStatementRestResourceComponent> resources = capabilities.getRestFirstRep().getResource();
		assertThat(resources).hasSizeGreaterThan(140);

		CapabilityStatementRestResourceComponent observation = resource(capabilities, "Observation");
		assertThat(observation.getOperation()).extracting(op -> op.getName()).contains("lastn", "validate");
		assertThat(observation.getSearchParam()).extracting(p -> p.getName()).contains("_content", "_text", "code", "date");
		assertThat(resource(capabilities, "Patient").getOperation()).extracting(op -> op.getName())
				.contains("everything", "export", "risk-assess");
		assertThat(resource(capabilities, "Group").getOperation()).extracting(op -> op.getName()).contains("export");
		assertThat(capabilities.getRestFirstRep().getOperation()).extracting(op -> op.getName()).contains("export");
		assertThat(capabilities.getRestFirstRep().getInteraction()).extracting(i -> i.getCode().toCode())
				.contains("transaction", "batch", "history-system");
	}

	private static CapabilityStatementRestResourceComponent resource(CapabilityStatement capabilities, String type) {
		return capabilities.getRestFirstRep().getResource().stream()
				.filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
	}
}
