package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replays the bad-input corpus ({@code src/test/resources/bad-input/corpus.jsonl}, written by
 * {@code src/test/bad-input/generate_corpus.py}: malformed and truncated JSON and XML, wrong types, huge numbers and
 * strings, deep nesting, invalid UTF-8 and UTF-16, compressed bombs, injection in search parameters and ids,
 * dangling references, conflicting transactions, wrong content types, path tricks, operations with wrong
 * parameters) against the server: no case may get a 5xx; the cases marked {@code 4xx} must get a 4xx with an
 * OperationOutcome ({@code 4xx-any}: a 4xx the servlet container gives before the application runs); and none
 * may store anything (every body carries the marker "BadCorpus"). Prints the count per
 * class and per status.
 */
@H2Server
class BadInputCorpusIT {

	private static final String MARK = "BadCorpus";
	private static final String REPEAT = "@@REPEAT@@";
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

	@LocalServerPort
	int port;

	@Test
	void everyBadRequestGetsAClientErrorAndNothingIsStored() throws Exception {
		String patient = createPatient();
		Map<String, Integer> storedBefore = markedRecords();
		List<String> violations = new ArrayList<>();
		Map<String, Integer> perClass = new TreeMap<>();
		Map<Integer, Integer> perStatus = new TreeMap<>();
		int cases = 0;
		for (JsonNode testCase : corpus()) {
			cases++;
			String label = testCase.get("class").asText() + " / " + testCase.get("name").asText();
			perClass.merge(testCase.get("class").asText(), 1, Integer::sum);
			HttpResponse<String> answer;
			try {
				answer = HTTP.send(request(testCase, patient), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			} catch (java.io.IOException e) {
				// the server may close the connection on a body it refuses before reading it all (413)
				violations.add(label + ": no answer (" + e + ")");
				continue;
			}
			int status = answer.statusCode();
			perStatus.merge(status, 1, Integer::sum);
			String body = answer.body();
			if (status >= 500) {
				violations.add(label + ": " + status + " " + abbreviate(body));
			} else if (testCase.get("expect").asText().startsWith("4xx")) {
				if (status < 400) {
					violations.add(label + ": expected a 4xx, got " + status + " " + abbreviate(body));
				} else if ("4xx".equals(testCase.get("expect").asText())
						&& !body.contains("\"resourceType\":\"OperationOutcome\"") && !body.contains("<OperationOutcome")) {
					violations.add(label + ": " + status + " without an OperationOutcome: " + abbreviate(body));
				}
			}
		}
		System.out.println("Bad-input corpus: " + cases + " cases; by class " + perClass + "; by status " + perStatus);
		assertThat(violations).as("of %d cases", cases).isEmpty();
		assertThat(markedRecords()).as("records carrying the marker, before and after the corpus").isEqualTo(storedBefore);
		assertThat(cases).isGreaterThanOrEqualTo(500);
	}

	private HttpRequest request(JsonNode testCase, String patient) {
		String path = testCase.get("path").asText().replace("{patient}", patient);
		HttpRequest.Builder request = TestTokens.authorized(port, "http://127.0.0.1:" + port + "/fhir")
				.uri(uri(FhirClients.baseUrl(port) + path))
				.timeout(Duration.ofMinutes(2))
				.header("Accept", "application/fhir+json");
		if (testCase.has("headers")) {
			testCase.get("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
		}
		byte[] body = body(testCase, patient);
		String method = testCase.get("method").asText();
		return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
	}

	private static byte[] body(JsonNode testCase, String patient) {
		if (testCase.has("body_base64")) {
			return Base64.getDecoder().decode(testCase.get("body_base64").asText());
		}
		if (!testCase.has("body")) {
			return null;
		}
		String text = testCase.get("body").asText().replace("{patient}", patient);
		if (testCase.has("repeat")) {
			String unit = testCase.get("repeat").get("unit").asText();
			text = text.replace(REPEAT, unit.repeat(testCase.get("repeat").get("times").asInt()));
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The path as a client library would send it: characters a URI may not hold percent-encoded, escapes kept. */
	private static URI uri(String raw) {
		StringBuilder encoded = new StringBuilder();
		for (int i = 0; i < raw.length(); ) {
			int c = raw.codePointAt(i);
			Matcher escape = ESCAPE.matcher(raw).region(i, raw.length());
			if (c == '%' && escape.lookingAt()) {
				encoded.append(escape.group());
				i += 3;
				continue;
			}
			if (c < 128 && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=".indexOf(c) >= 0)) {
				encoded.append((char) c);
			} else {
				for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
					encoded.append(String.format("%%%02X", b & 0xff));
				}
			}
			i += Character.charCount(c);
		}
		return URI.create(encoded.toString());
	}

	private String createPatient() throws Exception {
		HttpResponse<String> created = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient")
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"CorpusTarget\"}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).get("id").asText();
	}

	/** How many records of each type the corpus writes carry its marker. */
	private Map<String, Integer> markedRecords() throws Exception {
		Map<String, Integer> counts = new TreeMap<>();
		for (String query : List.of("Patient?identifier=urn:workwell:bad-corpus%7C" + MARK, "Patient?family=" + MARK,
				"Observation?identifier=urn:workwell:bad-corpus%7C" + MARK, "Basic?_content=" + MARK, "Patient?_content=" + MARK)) {
			HttpResponse<String> answer = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/" + query
					+ "&_summary=count").build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
			counts.put(query, JSON.readTree(answer.body()).get("total").asInt());
		}
		return counts;
	}

	private static List<JsonNode> corpus() throws Exception {
		List<JsonNode> cases = new ArrayList<>();
		try (InputStream in = BadInputCorpusIT.class.getResourceAsStream("/bad-input/corpus.jsonl");
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					cases.add(JSON.readTree(line));
				}
			}
		}
		return cases;
	}

	private static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
	}
}
