package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A gzip body is held to the request body limit as it expands, and to the decompression ratio: a
 * bomb is refused with 413 and an OperationOutcome, nothing is stored, and the server still answers.
 */
@H2Server
class CompressedBodyAttackIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String family;

	@BeforeEach
	void freshName() {
		family = "Gzip" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void aGzipBombIsRefusedWith413AndNothingIsStored() throws Exception {
		// a Patient whose gender runs on for 300 MB of spaces: about 300 KB compressed, built 1 MB at a time
		byte[] bomb = gzipPatient("\"gender\":\"", ' ', 300, "unknown\"");
		assertThat(bomb.length).as("the bomb is small on the wire").isLessThan(1024 * 1024);

		HttpResponse<String> response = postGzip(bomb);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
		assertNothingStored();
	}

	@Test
	void aBodyExpandingFarBeyondTheRatioIsRefusedEvenBelowTheSizeLimit() throws Exception {
		// 10 KB compressed that expand to 10 MB, 1000:1: within the 20 MB limit, so only the ratio refuses it
		// (the report's 40 KB that expand to 40 MB were stored, 201, before the fix)
		byte[] bomb = gzipPatient("\"address\":[{\"text\":\"", 'a', 10, "\"}]");

		HttpResponse<String> response = postGzip(bomb);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("expand");
		assertNothingStored();
	}

	@Test
	void anOrdinaryGzipBodyIsStored() throws Exception {
		byte[] body = gzip(out -> out.write(("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}")
				.getBytes(StandardCharsets.UTF_8)));

		HttpResponse<String> response = postGzip(body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(count()).contains("\"total\":1");
	}

	@Test
	void aBrokenGzipBodyIsABadRequest() throws Exception {
		HttpResponse<String> response = postGzip("{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
	}

	private interface Writer {
		void write(GZIPOutputStream out) throws IOException;
	}

	/** A Patient of this test's family whose {@code field} runs on for {@code megabytes} of {@code fill}, compressed. */
	private byte[] gzipPatient(String field, char fill, int megabytes, String end) throws IOException {
		return gzip(out -> {
			out.write(("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]," + field)
					.getBytes(StandardCharsets.UTF_8));
			byte[] chunk = new byte[1024 * 1024];
			java.util.Arrays.fill(chunk, (byte) fill);
			for (int i = 0; i < megabytes; i++) {
				out.write(chunk);
			}
			out.write((end + "}").getBytes(StandardCharsets.UTF_8));
		});
	}

	private static byte[] gzip(Writer writer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
			writer.write(out);
		}
		return bytes.toByteArray();
	}

	private HttpResponse<String> postGzip(byte[] body) throws Exception {
		return HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient")
				.header("Content-Type", "application/fhir+json")
				.header("Content-Encoding", "gzip")
				.header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private String count() throws Exception {
		HttpResponse<String> search = HTTP.send(TestTokens.authorized(port,
				FhirClients.baseUrl(port) + "/Patient?family=" + family + "&_summary=count").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(search.statusCode()).as("the server still answers").isEqualTo(200);
		return search.body();
	}

	private void assertNothingStored() throws Exception {
		assertThat(count()).as("nothing stored").contains("\"total\":0");
	}
}
