package health.workwell.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Checks with the server's own {@code $validate} that a resource conforms to the profiles it claims: the
 * operations' outputs are not validated again when they are written (ProfileEnforcement.SERVER_GENERATED),
 * so the tests do it.
 */
public final class ConformanceAssertions {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ConformanceAssertions() {}

	public static void assertConforms(int port, Resource resource) {
		assertThat(resource.getMeta().getProfile()).as(resource.getIdElement().getValue() + " claims a profile").isNotEmpty();
		HttpResponse<String> validated;
		try {
			validated = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/" + resource.fhirType() + "/$validate")
					.header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(FhirClients.R4.newJsonParser().encodeResourceToString(resource))).build(),
					HttpResponse.BodyHandlers.ofString());
		} catch (java.io.IOException | InterruptedException e) {
			throw new AssertionError(e);
		}
		assertThat(FhirClients.R4.newJsonParser().parseResource(OperationOutcome.class, validated.body()).getIssue())
				.as(resource.getIdElement().getValue() + ": " + validated.body())
				.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
						|| issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
	}
}
