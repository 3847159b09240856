package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Content that FHIR JSON forbids is refused with 400 naming the problem, not half-kept (FHIR R4 json.html), and
 * malformed parameters are the client's error (400), not the server's (500). Each body carries a fresh family
 * name; afterwards a search for it must find nothing.
 */
@H2Server
class StrictInputIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String family;

	@BeforeEach
	void freshName() {
		family = "Strict" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void aPropertyGivenTwiceIsRefusedNotHalfKept() throws Exception {
		assertRefusedAndNothingStored(post("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family
				+ "\"}],\"name\":[{\"family\":\"Other\"}]}"), "Duplicate field 'name'");
	}

	@Test
	void anEmptyArrayDeepInsideIsRefused() throws Exception {
		StringBuilder nest = new StringBuilder("[]");
		for (int i = 0; i < 30; i++) {
			nest.insert(0, "[{\"url\":\"http://example.org/x" + i + "\",\"extension\":").append("}]");
		}
		assertRefusedAndNothingStored(post("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family
				+ "\"}],\"extension\":" + nest + "}"), "an empty array");
	}

	@Test
	void nestingDeeperThanTheLimitIsRefused() throws Exception {
		StringBuilder nest = new StringBuilder("{\"url\":\"http://example.org/leaf\",\"valueString\":\"x\"}");
		for (int i = 0; i < 200; i++) {
			nest.insert(0, "{\"url\":\"http://example.org/x" + i + "\",\"extension\":[").append("]}");
		}
		assertRefusedAndNothingStored(post("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family
				+ "\"}],\"extension\":[" + nest + "]}"), "nesting depth");
	}

	@ParameterizedTest
	@ValueSource(strings = {"\\ud800", "a\\udc00b", "\\ud800\\ud800"})
	void aStringWithAnUnpairedSurrogateIsRefused(String escaped) throws Exception {
		assertRefusedAndNothingStored(post("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family
				+ "\",\"given\":[\"" + escaped + "\"]}]}"), "unpaired UTF-16 surrogate");
	}

	@Test
	void aPairedSurrogateIsAccepted() throws Exception {
		// U+1D11E MUSICAL SYMBOL G CLEF, written as its escaped surrogate pair
		HttpResponse<String> created = post("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family
				+ "\",\"given\":[\"\\ud834\\udd1e\"]}]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\uD834\uDD1E");
	}

	@ParameterizedTest
	@ValueSource(strings = {"/Observation/$lastn?max=abc", "/Observation/$lastn?max=99999999999999999999",
			"/Patient?_count=abc"})
	void aMalformedNumberParameterIsTheClientsError(String pathAndQuery) throws Exception {
		HttpResponse<String> answer = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + pathAndQuery)
				.header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"");
	}

	private HttpResponse<String> post(String body) throws Exception {
		return HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient")
				.header("Content-Type", "application/fhir+json")
				.header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertRefusedAndNothingStored(HttpResponse<String> response, String diagnosticsFragment) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains(diagnosticsFragment);
		HttpResponse<String> search = HTTP.send(TestTokens.authorized(port,
				FhirClients.baseUrl(port) + "/Patient?family=" + family + "&_summary=count").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(search.body()).as("nothing stored").contains("\"total\":0");
	}
}
