package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nothing in the FHIR API is public but the CapabilityStatement and SMART discovery: a request needs
 * a valid bearer token issued by this server for this server's FHIR base (ONC (g)(10) negative tests:
 * no token, a tampered, expired or other-audience token are refused with 401).
 */
@H2Server
class FhirApiAuthenticationIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private String origin() {
		return "http://127.0.0.1:" + port;
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String signed(String issuer, String audience, String scope, Instant expires) {
		return TestTokens.signed(issuer, audience, scope, null, expires);
	}

	private void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
	}

	@Test
	void aRequestWithoutATokenIsRefused() throws Exception {
		assertUnauthorized(get("/fhir/Patient", null));
		assertUnauthorized(get("/fhir/Patient/employee-zhang-wei", null));
		assertUnauthorized(get("/fhir/Observation?code=8867-4", null));
	}

	@Test
	void theCapabilityStatementAndDiscoveryArePublic() throws Exception {
		assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(200);

		HttpResponse<String> discovery = get("/fhir/.well-known/smart-configuration", null);

		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
		assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		@SuppressWarnings("unchecked")
		Map<String, Object> configuration = new ObjectMapper().readValue(discovery.body(), Map.class);
		assertThat(configuration).containsEntry("token_endpoint", origin() + "/oauth2/token")
				.containsEntry("jwks_uri", origin() + "/oauth2/jwks");
		assertThat(configuration.get("code_challenge_methods_supported")).isEqualTo(java.util.List.of("S256"));
	}

	@Test
	void theCapabilityStatementNamesSmartAndTheTokenEndpoint() throws Exception {
		org.hl7.fhir.r4.model.CapabilityStatement capabilities = health.workwell.testsupport.FhirClients.R4.newJsonParser()
				.parseResource(org.hl7.fhir.r4.model.CapabilityStatement.class, get("/fhir/metadata", null).body());

		var security = capabilities.getRestFirstRep().getSecurity();
		assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
		assertThat(security.getExtensionByUrl(SmartCapabilityStatement.OAUTH_URIS).getExtensionByUrl("token").getValue()
				.primitiveValue()).isEqualTo(origin() + "/oauth2/token");
	}

	@Test
	void theAdministratorClientGetsAShortLivedTokenThatOpensTheApi() throws Exception {
		HttpResponse<String> tokenResponse = TestTokens.tokenResponse(port, TestTokens.ADMIN_CLIENT_ID,
				TestTokens.ADMIN_CLIENT_SECRET, "system/*.cruds");

		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		assertThat(tokenResponse.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		@SuppressWarnings("unchecked")
		Map<String, Object> token = new ObjectMapper().readValue(tokenResponse.body(), Map.class);
		assertThat(token).containsEntry("token_type", "Bearer").containsEntry("scope", "system/*.cruds");
		assertThat(((Number) token.get("expires_in")).intValue()).isBetween(1, 300);
		SignedJWT jwt = SignedJWT.parse((String) token.get("access_token"));
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(origin() + "/fhir");
		assertThat(get("/fhir/Patient", (String) token.get("access_token")).statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongClientSecretGetsNoToken() {
		assertThat(TestTokens.tokenResponse(port, TestTokens.ADMIN_CLIENT_ID, "not-the-secret", "system/*.cruds").statusCode())
				.isEqualTo(401);
		assertThat(TestTokens.tokenResponse(port, "no-such-client", "secret", "system/*.cruds").statusCode()).isEqualTo(401);
	}

	@Test
	void aScopeTheClientWasNotGrantedGetsNoToken() {
		assertThat(TestTokens.tokenResponse(port, TestTokens.ADMIN_CLIENT_ID, TestTokens.ADMIN_CLIENT_SECRET, "system/*.*:admin")
				.statusCode()).isEqualTo(400);
	}

	@Test
	void aTokenSignedHereForThisServerIsAccepted() throws Exception {
		String token = signed(origin(), origin() + "/fhir", "system/*.cruds", Instant.now().plusSeconds(120));

		assertThat(get("/fhir/Patient", token).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		assertUnauthorized(get("/fhir/Patient", signed(origin(), "http://other.example/fhir", "system/*.cruds",
				Instant.now().plusSeconds(120))));
		assertUnauthorized(get("/fhir/Patient", signed("http://other.example", origin() + "/fhir", "system/*.cruds",
				Instant.now().plusSeconds(120))));
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		assertUnauthorized(get("/fhir/Patient", signed(origin(), origin() + "/fhir", "system/*.cruds",
				Instant.now().minusSeconds(600))));
	}

	@Test
	void aTamperedTokenIsRefused() throws Exception {
		String[] parts = TestTokens.admin(port).split("\\.");
		String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("system/*.cruds", "system/*.cruds ")
						.getBytes());

		assertUnauthorized(get("/fhir/Patient", parts[0] + "." + otherClaims + "." + parts[2]));
	}

	@Test
	void aPatientScopeWithoutAPatientInContextGrantsNothing() throws Exception {
		HttpResponse<String> response = get("/fhir/Patient", signed(origin(), origin() + "/fhir", "patient/*.rs",
				Instant.now().plusSeconds(120)));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
	}

	@Test
	void pathsOutsideTheApiAreClosed() throws Exception {
		assertThat(get("/admin", null).statusCode()).isIn(401, 403);
		assertThat(get("/actuator/metrics", TestTokens.admin(port)).statusCode()).isIn(401, 403);
	}
}
