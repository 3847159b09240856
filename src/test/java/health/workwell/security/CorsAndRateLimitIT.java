package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CORS (SMART conformance): discovery and the CapabilityStatement answer any origin; the token endpoint and
 * the FHIR API answer only the calling client's registered origins, preflights included. Rate limits: a
 * client over its requests per minute gets 429 with Retry-After, and other clients are not held back.
 */
@H2Server
class CorsAndRateLimitIT {

	private static final String APP_ORIGIN = "http://app.example:9000";
	private static final String EVIL_ORIGIN = "https://evil.example";

	@LocalServerPort
	int port;

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private HttpResponse<String> send(String method, String path, String origin, String token, String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
				.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form))
				.header("Origin", origin);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		if ("OPTIONS".equals(method)) {
			request.header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization");
		}
		return BackendServiceClients.send(request.build());
	}

	private static String allowOrigin(HttpResponse<String> response) {
		return response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
	}

	private String registerPublicApp() {
		Map<String, Object> app = new LinkedHashMap<>();
		app.put("kind", "public");
		app.put("client_id", "browser-" + UUID.randomUUID());
		app.put("client_name", "Browser app");
		app.put("scope", "launch/patient patient/*.rs");
		app.put("redirect_uris", List.of(APP_ORIGIN + "/callback"));
		app.put("allowed_origins", List.of(APP_ORIGIN));
		assertThat(BackendServiceClients.adminPost(port, app).statusCode()).isEqualTo(201);
		return (String) app.get("client_id");
	}

	/** A backend client with these origins and limit, and a token of it. */
	private String tokenOfClientWith(List<String> origins, Integer perMinute) {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = "cors-" + UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "backend-service");
		body.put("client_id", clientId);
		body.put("client_name", "Limited");
		body.put("scope", "system/Patient.rs");
		body.put("role", "integration");
		body.put("jwks", BackendServiceClients.publicJwks(key.toPublicJWK()));
		body.put("allowed_origins", origins);
		body.put("rate_limit_per_minute", perMinute);
		assertThat(BackendServiceClients.adminPost(port, body).statusCode()).isEqualTo(201);
		return BackendServiceClients.accessToken(BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384), "system/Patient.rs"));
	}

	@Test
	void discoveryAndMetadataAnswerAnyOrigin() {
		assertThat(allowOrigin(send("GET", "/fhir/metadata", EVIL_ORIGIN, null, null))).isEqualTo("*");
		assertThat(allowOrigin(send("GET", "/fhir/.well-known/smart-configuration", EVIL_ORIGIN, null, null))).isEqualTo("*");
		HttpResponse<String> preflight = send("OPTIONS", "/fhir/metadata", EVIL_ORIGIN, null, null);
		assertThat(allowOrigin(preflight)).isEqualTo("*");
	}

	@Test
	void theTokenEndpointAnswersOnlyTheClientsOrigins() {
		String clientId = registerPublicApp();
		String form = "grant_type=authorization_code&code=unknown&redirect_uri=" + APP_ORIGIN + "/callback&client_id=" + clientId
				+ "&code_verifier=" + "a".repeat(43);
		HttpResponse<String> fromApp = send("POST", "/oauth2/token", APP_ORIGIN, null, form);
		assertThat(fromApp.statusCode()).isEqualTo(400); // no such code; what matters is that the page may read the answer
		assertThat(allowOrigin(fromApp)).isEqualTo(APP_ORIGIN);
		assertThat(allowOrigin(send("POST", "/oauth2/token", EVIL_ORIGIN, null, form))).isNull();

		HttpResponse<String> preflight = send("OPTIONS", "/oauth2/token", APP_ORIGIN, null, null);
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(allowOrigin(preflight)).isEqualTo(APP_ORIGIN);
		HttpResponse<String> evilPreflight = send("OPTIONS", "/oauth2/token", EVIL_ORIGIN, null, null);
		assertThat(evilPreflight.statusCode()).isEqualTo(403);
		assertThat(allowOrigin(evilPreflight)).isNull();
	}

	@Test
	void theFhirApiAnswersOnlyTheTokensClientsOrigins() {
		String token = tokenOfClientWith(List.of(APP_ORIGIN), null);
		HttpResponse<String> fromApp = send("GET", "/fhir/Patient", APP_ORIGIN, token, null);
		assertThat(fromApp.statusCode()).isEqualTo(200);
		assertThat(allowOrigin(fromApp)).isEqualTo(APP_ORIGIN);
		assertThat(fromApp.headers().firstValue("Vary").orElse("")).contains("Origin");
		HttpResponse<String> fromEvil = send("GET", "/fhir/Patient", EVIL_ORIGIN, token, null);
		assertThat(allowOrigin(fromEvil)).isNull();
		// the administrator's client has no origins at all
		assertThat(allowOrigin(send("GET", "/fhir/Patient", APP_ORIGIN, TestTokens.admin(port), null))).isNull();
		// the "null" origin (sandboxed pages, files) never
		assertThat(send("OPTIONS", "/fhir/Patient", "null", null, null).statusCode()).isEqualTo(403);

		HttpResponse<String> preflight = send("OPTIONS", "/fhir/Patient", APP_ORIGIN, null, null);
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(allowOrigin(preflight)).isEqualTo(APP_ORIGIN);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("authorization");
	}

	@Test
	void aClientOverItsLimitGets429WithRetryAfter() {
		String token = tokenOfClientWith(List.of(), 3); // the token request was the first of three
		assertThat(send("GET", "/fhir/Patient", APP_ORIGIN, token, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/fhir/Patient", APP_ORIGIN, token, null).statusCode()).isEqualTo(200);
		HttpResponse<String> limited = send("GET", "/fhir/Patient", APP_ORIGIN, token, null);
		assertThat(limited.statusCode()).isEqualTo(429);
		int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1, 60);
		assertThat(limited.body()).contains("\"code\":\"throttled\"");
		// other clients go on
		assertThat(send("GET", "/fhir/Patient", APP_ORIGIN, TestTokens.admin(port), null).statusCode()).isEqualTo(200);
	}

	@Test
	void theTokenEndpointIsLimitedPerClientToo() throws Exception {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = "limited-" + UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "backend-service");
		body.put("client_id", clientId);
		body.put("client_name", "Once a minute");
		body.put("scope", "system/Patient.rs");
		body.put("role", "integration");
		body.put("jwks", BackendServiceClients.publicJwks(key.toPublicJWK()));
		body.put("rate_limit_per_minute", 1);
		assertThat(BackendServiceClients.adminPost(port, body).statusCode()).isEqualTo(201);
		assertThat(BackendServiceClients.tokenResponse(port, BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384),
				"system/Patient.rs").statusCode()).isEqualTo(200);
		HttpResponse<String> limited = BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384), "system/Patient.rs");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.body()).contains("\"error\":\"temporarily_unavailable\"");
	}
}
