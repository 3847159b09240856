package health.workwell.security;

import static health.workwell.testsupport.BackendServiceClients.assertion;
import static health.workwell.testsupport.BackendServiceClients.tokenEndpoint;
import static health.workwell.testsupport.BackendServiceClients.tokenResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.H2Server;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SMART Backend Services (backend-services.html): a client registered with public keys authenticates with a
 * signed assertion ({@code private_key_jwt}, RS384 or ES384, no {@code client_id} parameter), gets a
 * short-lived {@code system/} token carrying its role, and uses it on the FHIR API. Every rule on the
 * assertion is tested by breaking it: replayed {@code jti}, {@code exp} too far ahead, RS256, a key not
 * registered, a wrong {@code aud}, {@code iss} naming another client.
 */
@H2Server
class BackendServicesIT {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String REGISTERED = "system/Patient.cruds system/Observation.cruds";

	@LocalServerPort
	int port;

	private RSAKey rsa;
	private ECKey ec;
	private String clientId;

	@BeforeEach
	void registerClient() {
		rsa = BackendServiceClients.rsaKey();
		ec = BackendServiceClients.p384Key();
		clientId = "backend-" + UUID.randomUUID();
		HttpResponse<String> registered = BackendServiceClients.register(port, clientId, REGISTERED, "integration",
				rsa.toPublicJWK(), ec.toPublicJWK());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
	}

	@Test
	void anRs384AssertionGetsASystemTokenThatPostsATransaction() throws Exception {
		String token = tokenFor(assertion(port, clientId, rsa, JWSAlgorithm.RS384), "system/Patient.c system/Observation.crs");
		assertThat(postTransaction(token).statusCode()).isEqualTo(200);
	}

	@Test
	void anEs384AssertionGetsASystemTokenThatPostsATransaction() throws Exception {
		String token = tokenFor(assertion(port, clientId, ec, JWSAlgorithm.ES384), "system/Patient.write system/Observation.write");
		HttpResponse<String> transaction = postTransaction(token);
		assertThat(transaction.statusCode()).as(transaction.body()).isEqualTo(200);
		assertThat(transaction.body()).contains("\"status\":\"201 Created\"");
	}

	@SuppressWarnings("unchecked")
	@Test
	void theTokenCarriesTheClientsRoleAndTheGrantedSystemScopes() throws Exception {
		HttpResponse<String> response = tokenResponse(port, assertion(port, clientId, rsa, JWSAlgorithm.RS384), "system/Observation.rs");
		Map<String, Object> body = JSON.readValue(response.body(), Map.class);
		assertThat(body).containsEntry("token_type", "Bearer").containsEntry("scope", "system/Observation.rs");
		assertThat(((Number) body.get("expires_in")).intValue()).isLessThanOrEqualTo(300);
		var claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
		assertThat(claims.getStringClaim("workwell_role")).isEqualTo("integration");
		assertThat(claims.getStringClaim("scope")).isEqualTo("system/Observation.rs");
		assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId);
		assertThat(claims.getSubject()).isEqualTo(clientId);
		// the token is held to its scope: Observation only
		assertThat(get("/fhir/Observation", (String) body.get("access_token")).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/Patient", (String) body.get("access_token")).statusCode()).isEqualTo(403);
	}

	@Test
	void aReplayedJtiIsRefused() {
		String once = assertion(port, clientId, rsa, JWSAlgorithm.RS384);
		assertThat(tokenResponse(port, once, "system/Observation.rs").statusCode()).isEqualTo(200);
		assertInvalidClient(tokenResponse(port, once, "system/Observation.rs"), "jti");
		// the same jti in a freshly signed assertion is still a replay
		String jti = UUID.randomUUID().toString();
		Instant exp = Instant.now().plusSeconds(200);
		assertThat(tokenResponse(port, assertion(clientId, ec, JWSAlgorithm.ES384, tokenEndpoint(port), exp, jti), "system/Observation.rs")
				.statusCode()).isEqualTo(200);
		assertInvalidClient(tokenResponse(port, assertion(clientId, rsa, JWSAlgorithm.RS384, tokenEndpoint(port), exp, jti),
				"system/Observation.rs"), "jti");
	}

	@Test
	void anAssertionExpiringMoreThanFiveMinutesAheadIsRefused() {
		String longLived = assertion(clientId, rsa, JWSAlgorithm.RS384, tokenEndpoint(port), Instant.now().plusSeconds(600),
				UUID.randomUUID().toString());
		assertInvalidClient(tokenResponse(port, longLived, "system/Observation.rs"), "exp");
		String expired = assertion(clientId, rsa, JWSAlgorithm.RS384, tokenEndpoint(port), Instant.now().minusSeconds(120),
				UUID.randomUUID().toString());
		assertInvalidClient(tokenResponse(port, expired, "system/Observation.rs"), null);
	}

	@Test
	void rs256IsRefused() {
		assertInvalidClient(tokenResponse(port, assertion(port, clientId, rsa, JWSAlgorithm.RS256), "system/Observation.rs"), null);
	}

	@Test
	void aKeyThatIsNotRegisteredIsRefused() {
		// another key under a registered kid, and another key under its own kid
		RSAKey impostor = new RSAKey.Builder(BackendServiceClients.rsaKey()).keyID(rsa.getKeyID()).build();
		assertInvalidClient(tokenResponse(port, assertion(port, clientId, impostor, JWSAlgorithm.RS384), "system/Observation.rs"), null);
		assertInvalidClient(tokenResponse(port, assertion(port, clientId, BackendServiceClients.p384Key(), JWSAlgorithm.ES384),
				"system/Observation.rs"), null);
	}

	@Test
	void aWrongAudienceIsRefused() {
		String wrongAudience = assertion(clientId, rsa, JWSAlgorithm.RS384, "http://127.0.0.1:" + port + "/fhir",
				Instant.now().plusSeconds(200), UUID.randomUUID().toString());
		assertInvalidClient(tokenResponse(port, wrongAudience, "system/Observation.rs"), "aud");
	}

	@Test
	void anAssertionNamingAnUnknownClientIsRefused() {
		assertInvalidClient(tokenResponse(port, assertion(port, "nobody-" + UUID.randomUUID(), rsa, JWSAlgorithm.RS384),
				"system/Observation.rs"), null);
		assertInvalidClient(tokenResponse(port, "not-a-jwt", "system/Observation.rs"), null);
	}

	@Test
	void aScopeTheClientIsNotRegisteredForIsRefused() throws Exception {
		HttpResponse<String> response = tokenResponse(port, assertion(port, clientId, rsa, JWSAlgorithm.RS384),
				"system/Observation.rs system/Condition.rs");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_scope");
		assertThat(response.body()).contains("system/Condition.rs");
	}

	@Test
	void aGranularScopeUnderARegisteredScopeIsGranted() throws Exception {
		HttpResponse<String> response = tokenResponse(port, assertion(port, clientId, rsa, JWSAlgorithm.RS384),
				"system/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aWrongAssertionTypeOrGrantTypeIsAnOAuthError() {
		String assertion = assertion(port, clientId, rsa, JWSAlgorithm.RS384);
		HttpResponse<String> wrongType = form("grant_type=client_credentials&scope=system/Observation.rs"
				+ "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:saml2-bearer&client_assertion=" + assertion);
		assertInvalidClient(wrongType, "client_assertion_type");
		HttpResponse<String> wrongGrant = form("grant_type=password&scope=system/Observation.rs"
				+ "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion="
				+ assertion(port, clientId, rsa, JWSAlgorithm.RS384));
		assertThat(wrongGrant.statusCode()).isEqualTo(400);
		assertThat(wrongGrant.body()).contains("\"error\":\"unsupported_grant_type\"");
	}

	private HttpResponse<String> form(String body) {
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create(tokenEndpoint(port)))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** Spring Authorization Server does not say why (no error_description for a bad assertion), only that. */
	private void assertInvalidClient(HttpResponse<String> response, String why) {
		assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"invalid_client\"");
	}

	private String tokenFor(String assertion, String scope) {
		return BackendServiceClients.accessToken(tokenResponse(port, assertion, scope));
	}

	private HttpResponse<String> get(String path, String token) {
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token).GET().build());
	}

	private HttpResponse<String> postTransaction(String token) {
		String bundle = """
				{"resourceType": "Bundle", "type": "transaction", "entry": [
				  {"fullUrl": "urn:uuid:3f2a9e0c-1b7d-4c55-9d38-6a0f1e2b4c11",
				   "resource": {"resourceType": "Patient", "name": [{"family": "Backend", "given": ["Feed"]}]},
				   "request": {"method": "POST", "url": "Patient"}},
				  {"resource": {"resourceType": "Observation", "status": "final",
				     "code": {"coding": [{"system": "http://loinc.org", "code": "8302-2"}]},
				     "subject": {"reference": "urn:uuid:3f2a9e0c-1b7d-4c55-9d38-6a0f1e2b4c11"},
				     "valueQuantity": {"value": 172, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"}},
				   "request": {"method": "POST", "url": "Observation"}}]}""";
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(bundle)).build());
	}
}
