package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input gets a 4xx with an OperationOutcome, never a 5xx, and nothing is stored. Each request
 * carries a fresh family name; afterwards a search for it must find nothing.
 */
@H2Server
class BadInputIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String family;

	@BeforeEach
	void freshName() {
		family = "Bad" + UUID.randomUUID().toString().replace("-", "");
	}

	private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + path)
				.header("Content-Type", contentType)
				.header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertRefused(HttpResponse<String> response, int status, String diagnosticsFragment) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains(diagnosticsFragment);
		HttpResponse<String> search = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient?family=" + family + "&_summary=count").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(search.body()).as("nothing stored").contains("\"total\":0");
	}

	private String patientJson() {
		return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}";
	}

	@Test
	void malformedJson() throws Exception {
		assertRefused(post("/Patient", "application/fhir+json", patientJson().substring(0, 40)), 400, "Failed to parse");
	}

	@Test
	void malformedXml() throws Exception {
		assertRefused(post("/Patient", "application/fhir+xml",
				"<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + family + "\"></name>"), 400, "Failed to parse");
	}

	@Test
	void unknownResourceType() throws Exception {
		assertRefused(post("/Employee", "application/fhir+json", "{\"resourceType\":\"Employee\"}"), 404, "Unknown resource type");
	}

	@Test
	void bodyOfAnotherTypeThanTheUrl() throws Exception {
		assertRefused(post("/Observation", "application/fhir+json", patientJson()), 400, "Patient");
	}

	@Test
	void wrongContentType() throws Exception {
		assertRefused(post("/Patient", "text/plain", patientJson()), 400, "Content-Type");
	}

	@Test
	void xmlWithExternalEntityIsRefusedNotResolved() throws Exception {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Patient [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
				+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + family + "\"/><given value=\"&secret;\"/></name></Patient>";
		HttpResponse<String> response = post("/Patient", "application/fhir+xml", xxe);
		assertRefused(response, 400, "DOCTYPE");
	}

	@Test
	void xmlWithAnyDoctypeIsRefused() throws Exception {
		String doctype = "<?xml version=\"1.0\"?><!DOCTYPE Patient SYSTEM \"http://127.0.0.1:9/fhir.dtd\">"
				+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + family + "\"/></name></Patient>";
		assertRefused(post("/Patient", "application/fhir+xml", doctype), 400, "DOCTYPE");
	}

	@Test
	void transactionWithTooManyEntries() throws Exception {
		StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
		bundle.append("{\"resource\":").append(patientJson()).append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
		for (int i = 1; i < 100_000; i++) {
			bundle.append(",{\"request\":{\"method\":\"GET\",\"url\":\"Patient?_id=").append(i).append("\"}}");
		}
		bundle.append("]}");
		assertRefused(post("/", "application/fhir+json", bundle.toString()), 413, "100000 entries");
	}

	@Test
	void bodyOverTheSizeLimit() throws Exception {
		String padding = "x".repeat(21 * 1024 * 1024);
		String body = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"text\":\"" + padding + "\"}]}";
		assertRefused(post("/Patient", "application/fhir+json", body), 413, "larger than this server accepts");
	}

	@Test
	void chunkedBodyOverTheSizeLimit() throws Exception {
		String padding = "x".repeat(21 * 1024 * 1024);
		byte[] body = ("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"text\":\"" + padding + "\"}]}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		// An InputStream publisher has no known length, so the body goes chunked, with no Content-Length.
		HttpResponse<String> response = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient")
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertRefused(response, 413, "larger than this server accepts");
	}

	@Test
	void unknownSearchParameterIsRefused() throws Exception {
		HttpResponse<String> response = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient?favourite-colour=blue").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("OperationOutcome").contains("favourite-colour");
	}

	@Test
	void unknownSearchParameterIsDroppedWhenTheClientPrefersLenient() throws Exception {
		HttpResponse<String> response = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient?favourite-colour=blue&family=" + family)
				.header("Prefer", "handling=lenient").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"total\":0");
	}
}
