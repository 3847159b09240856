package health.workwell.conformance;

import ca.uhn.fhir.parser.IParser;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Raw FHIR JSON over HTTP, so tests see the server's exact status codes and bodies. */
final class FhirHttp {

	record Response(int status, String body) {
		<T extends IBaseResource> T as(Class<T> type) {
			return JSON.parseResource(type, body);
		}

		/** Every error issue's diagnostics and expression, one per line. */
		String errors() {
			StringBuilder text = new StringBuilder();
			for (var issue : as(OperationOutcome.class).getIssue()) {
				if (issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
						|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL) {
					text.append(issue.getDiagnostics()).append(" @ ").append(issue.getExpression()).append('\n');
				}
			}
			return text.toString();
		}
	}

	static final IParser JSON = FhirClients.R4.newJsonParser();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;
	private final int port;

	FhirHttp(int port) {
		this.base = FhirClients.baseUrl(port);
		this.port = port;
	}

	Response get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	Response delete(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	Response post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response put(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response post(String path, IBaseResource resource) throws Exception {
		return post(path, JSON.encodeResourceToString(resource));
	}

	private Response send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = HTTP.send(request
				.header("Content-Type", "application/fhir+json")
				.header("Accept", "application/fhir+json")
				.header("Authorization", "Bearer " + TestTokens.admin(port))
				.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}
}
