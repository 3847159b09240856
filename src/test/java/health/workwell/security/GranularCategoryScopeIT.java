package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Granular scopes (SMART v2 {@code ?category=}, ONC (g)(10) fine-grained scope tests):
 * {@code patient/Observation.rs?category=...|vital-signs} lets the token search and read only the
 * patient's vital signs: a search is narrowed (also when it asks for another category), a laboratory
 * result read by id is 404 exactly as a missing id, and the scope does not let the token write.
 */
@H2Server
class GranularCategoryScopeIT {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";
	private static final String VITALS_ONLY = "patient/Observation.rs?category=" + CATEGORIES + "|vital-signs";

	@LocalServerPort
	int port;

	private String patient;
	private String vital;
	private String laboratory;

	@BeforeEach
	void createRecords() throws Exception {
		patient = create("Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Granular\"}]}");
		vital = create("Observation", observation("vital-signs", "8867-4"));
		laboratory = create("Observation", observation("laboratory", "2345-7"));
	}

	private String observation(String category, String code) {
		return """
				{"resourceType":"Observation","status":"final",
				 "category":[{"coding":[{"system":"%s","code":"%s"}]}],
				 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
				 "subject":{"reference":"Patient/%s"},"valueQuantity":{"value":70}}""".formatted(CATEGORIES, category, code, patient);
	}

	private String create(String type, String body) throws Exception {
		HttpResponse<String> created = BackendServiceClients.send(TestTokens.authorized(port, url("/fhir/" + type))
				.header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).get("id").asText();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private HttpResponse<String> get(String path, String token) {
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build());
	}

	private String vitalsToken() {
		return TestTokens.signed(port, VITALS_ONLY, patient);
	}

	@Test
	void aSearchReturnsOnlyTheScopesCategory() throws Exception {
		JsonNode bundle = JSON.readTree(get("/fhir/Observation?patient=" + patient, vitalsToken()).body());
		assertThat(bundle.get("total").asInt()).isEqualTo(1);
		assertThat(bundle.get("entry").get(0).get("resource").get("id").asText()).isEqualTo(vital);
		// asking for another category does not widen it
		JsonNode laboratoryOnly = JSON.readTree(get("/fhir/Observation?category=laboratory", vitalsToken()).body());
		assertThat(laboratoryOnly.get("total").asInt()).isZero();
		// an unrestricted scope sees both
		JsonNode all = JSON.readTree(get("/fhir/Observation?patient=" + patient, TestTokens.signed(port, "patient/Observation.rs", patient)).body());
		assertThat(all.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void aRecordOfAnotherCategoryReadsAsMissing() {
		assertThat(get("/fhir/Observation/" + vital, vitalsToken()).statusCode()).isEqualTo(200);
		HttpResponse<String> other = get("/fhir/Observation/" + laboratory, vitalsToken());
		HttpResponse<String> missing = get("/fhir/Observation/" + UUID.randomUUID(), vitalsToken());
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(other.body().replace(laboratory, "ID")).isEqualTo(missing.body().replaceAll("Observation/[0-9a-f-]{36}", "Observation/ID"));
	}

	@Test
	void aGranularScopeGrantsNoWritesAndNoOtherTypes() {
		String writeToo = TestTokens.signed(port, "patient/Observation.cruds?category=" + CATEGORIES + "|vital-signs", patient);
		HttpResponse<String> created = BackendServiceClients.send(HttpRequest.newBuilder(URI.create(url("/fhir/Observation")))
				.header("Authorization", "Bearer " + writeToo).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(observation("vital-signs", "8867-4"))).build());
		assertThat(created.statusCode()).isEqualTo(403);
		assertThat(get("/fhir/Condition?patient=" + patient, vitalsToken()).statusCode()).isEqualTo(403);
		// a query other than category grants nothing
		assertThat(get("/fhir/Observation?patient=" + patient,
				TestTokens.signed(port, "patient/Observation.rs?code=http://loinc.org|8867-4", patient)).statusCode()).isEqualTo(403);
	}
}
