package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The client registration API, {@code /admin/clients}: only a token with role admin may use it (401 without
 * a token, 403 for other roles); each kind of client is registered as SMART needs it (PKCE for apps, a
 * server-made secret shown once, public keys only, system scopes and a role for backend services); bad
 * input is a 400 that says what is wrong; a removed client can no longer get tokens.
 */
@H2Server
class ClientAdminApiIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private HttpResponse<String> call(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return BackendServiceClients.send(request.build());
	}

	private static Map<String, Object> app(String kind) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", kind);
		body.put("client_name", "Test app");
		body.put("scope", "launch/patient openid fhirUser patient/*.rs offline_access");
		body.put("redirect_uris", List.of("http://localhost:9000/callback"));
		body.put("allowed_origins", List.of("http://localhost:9000"));
		return body;
	}

	private static String json(Object body) throws Exception {
		return JSON.writeValueAsString(body);
	}

	@Test
	void withoutATokenTheApiIsClosed() throws Exception {
		assertThat(call("GET", "/admin/clients", null, null).statusCode()).isEqualTo(401);
		assertThat(call("POST", "/admin/clients", null, json(app("public"))).statusCode()).isEqualTo(401);
		assertThat(call("DELETE", "/admin/clients/" + TestTokens.ADMIN_CLIENT_ID, null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutTheAdminRoleIsForbidden() throws Exception {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = "integration-" + UUID.randomUUID();
		assertThat(BackendServiceClients.register(port, clientId, "system/*.cruds", "integration", key.toPublicJWK()).statusCode()).isEqualTo(201);
		String integration = BackendServiceClients.accessToken(BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384), "system/*.cruds"));
		assertThat(call("GET", "/admin/clients", integration, null).statusCode()).isEqualTo(403);
		assertThat(call("POST", "/admin/clients", integration, json(app("public"))).statusCode()).isEqualTo(403);
		// a patient's token neither
		assertThat(call("GET", "/admin/clients", TestTokens.signed(port, "patient/*.rs", "123"), null).statusCode()).isEqualTo(403);
	}

	@Test
	void aPublicAppIsRegisteredWithPkceRedirectsAndOrigins() throws Exception {
		HttpResponse<String> created = call("POST", "/admin/clients", TestTokens.admin(port), json(app("public")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode client = JSON.readTree(created.body());
		String clientId = client.get("client_id").asText();
		assertThat(created.headers().firstValue("Location")).hasValue("/admin/clients/" + clientId);
		assertThat(client.get("token_endpoint_auth_method").asText()).isEqualTo("none");
		assertThat(client.get("require_pkce").asBoolean()).isTrue();
		assertThat(client.get("grant_types").toString()).contains("authorization_code", "refresh_token").doesNotContain("client_credentials");
		assertThat(client.has("client_secret")).isFalse();

		JsonNode read = JSON.readTree(call("GET", "/admin/clients/" + clientId, TestTokens.admin(port), null).body());
		assertThat(read.get("redirect_uris").toString()).contains("http://localhost:9000/callback");
		assertThat(read.get("allowed_origins").toString()).contains("http://localhost:9000");
		assertThat(read.get("scope").asText()).contains("patient/*.rs", "launch/patient");
		assertThat(call("GET", "/admin/clients", TestTokens.admin(port), null).body()).contains(clientId, TestTokens.ADMIN_CLIENT_ID);
	}

	@Test
	void aSymmetricClientsSecretIsShownOnceAndAuthenticatesIt() throws Exception {
		HttpResponse<String> created = call("POST", "/admin/clients", TestTokens.admin(port), json(app("confidential-symmetric")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode client = JSON.readTree(created.body());
		String clientId = client.get("client_id").asText();
		String secret = client.get("client_secret").asText();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(call("GET", "/admin/clients/" + clientId, TestTokens.admin(port), null).body()).doesNotContain(secret, "\"client_secret\"");
		// the secret authenticates the client (at the introspection endpoint); another does not
		assertThat(introspect(clientId, secret).statusCode()).isEqualTo(200);
		assertThat(introspect(clientId, secret + "x").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> introspect(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create(url("/oauth2/introspect")))
				.header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=unknown")).build());
	}

	@Test
	void anAsymmetricAppRegistersPublicKeys() throws Exception {
		Map<String, Object> body = app("confidential-asymmetric");
		body.put("jwks", BackendServiceClients.publicJwks(BackendServiceClients.p384Key().toPublicJWK()));
		HttpResponse<String> created = call("POST", "/admin/clients", TestTokens.admin(port), json(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode client = JSON.readTree(created.body());
		assertThat(client.get("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
		assertThat(client.get("jwks").get("keys").get(0).get("crv").asText()).isEqualTo("P-384");
	}

	@Test
	void badRegistrationsAreRefusedWithAReason() throws Exception {
		RSAKey key = BackendServiceClients.rsaKey();
		Map<String, Object> backend = new LinkedHashMap<>(Map.of("kind", "backend-service", "client_name", "Feed",
				"scope", "system/Observation.c", "role", "device-vendor", "jwks", BackendServiceClients.publicJwks(key.toPublicJWK())));
		assertRefused(with(backend, "kind", "robot"), "kind");
		assertRefused(with(backend, "jwks", null), "jwks");
		assertRefused(with(backend, "jwks", new com.nimbusds.jose.jwk.JWKSet(key).toJSONObject(false)), "public keys only");
		assertRefused(with(backend, "jwks", Map.of("keys", "nonsense")), "jwks");
		assertRefused(with(backend, "role", null), "role");
		assertRefused(with(backend, "role", "clinician"), "role");
		assertRefused(with(backend, "scope", "patient/Observation.rs"), "system/");
		assertRefused(with(backend, "scope", "system/Observation.x"), "unknown scope");
		assertRefused(with(backend, "scope", ""), "scope");
		assertRefused(with(backend, "client_name", " "), "client_name");
		assertRefused(with(backend, "client_id", "has spaces"), "client_id");
		assertRefused(with(app("public"), "scope", "system/*.cruds"), "patient/");
		assertRefused(with(app("public"), "redirect_uris", List.of()), "redirect_uris");
		assertRefused(with(app("public"), "redirect_uris", List.of("/relative")), "redirect URI");
		assertRefused(with(app("public"), "redirect_uris", List.of("http://app/cb#fragment")), "redirect URI");
		assertRefused(with(app("public"), "allowed_origins", List.of("http://localhost:9000/path")), "origin");
		assertRefused(with(app("public"), "allowed_origins", List.of("*")), "origin");
		assertRefused(with(app("public"), "role", "admin"), "role");
		assertRefused(with(app("public"), "rate_limit_per_minute", 0), "rate_limit_per_minute");
		HttpResponse<String> notJson = call("POST", "/admin/clients", TestTokens.admin(port), "{not json");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("invalid_client_metadata");
	}

	@Test
	void aClientIdIsRegisteredOnce() throws Exception {
		Map<String, Object> body = with(app("public"), "client_id", "twice-" + UUID.randomUUID());
		assertThat(call("POST", "/admin/clients", TestTokens.admin(port), json(body)).statusCode()).isEqualTo(201);
		HttpResponse<String> again = call("POST", "/admin/clients", TestTokens.admin(port), json(body));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("already registered");
	}

	@Test
	void aRemovedClientGetsNoMoreTokens() {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = "removed-" + UUID.randomUUID();
		BackendServiceClients.register(port, clientId, "system/Observation.rs", "integration", key.toPublicJWK());
		assertThat(BackendServiceClients.tokenResponse(port, BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384),
				"system/Observation.rs").statusCode()).isEqualTo(200);
		assertThat(call("DELETE", "/admin/clients/" + clientId, TestTokens.admin(port), null).statusCode()).isEqualTo(204);
		assertThat(call("GET", "/admin/clients/" + clientId, TestTokens.admin(port), null).statusCode()).isEqualTo(404);
		assertThat(call("DELETE", "/admin/clients/" + clientId, TestTokens.admin(port), null).statusCode()).isEqualTo(404);
		assertThat(BackendServiceClients.tokenResponse(port, BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384),
				"system/Observation.rs").statusCode()).isEqualTo(401);
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	private void assertRefused(Map<String, Object> body, String mentioned) throws Exception {
		HttpResponse<String> response = call("POST", "/admin/clients", TestTokens.admin(port), json(body));
		assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
		JsonNode error = JSON.readTree(response.body());
		assertThat(error.get("error").asText()).isEqualTo("invalid_client_metadata");
		assertThat(error.get("error_description").asText()).contains(mentioned);
	}
}
