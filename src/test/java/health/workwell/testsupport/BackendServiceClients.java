package health.workwell.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SMART Backend Services clients for the servers under test: makes keys, registers a client through the
 * admin API ({@code POST /admin/clients}) with the bootstrap administrator's token, signs client assertions
 * ({@code private_key_jwt}) and asks the token endpoint, without a {@code client_id} parameter, as the
 * SMART specification's clients do.
 */
public final class BackendServiceClients {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();

	private BackendServiceClients() {}

	public static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	public static ECKey p384Key() {
		try {
			return new ECKeyGenerator(Curve.P_384).keyID(UUID.randomUUID().toString()).generate();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The public half of these keys as a JWK Set object (what a client registers). */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> publicJwks(JWK... keys) {
		return new JWKSet(List.of(keys)).toJSONObject(true);
	}

	/** Registers a backend service with these scopes, role and keys; the admin API's answer. */
	public static HttpResponse<String> register(int port, String clientId, String scope, String role, JWK... keys) {
		return registerWith(port, TestTokens.admin(port), clientId, scope, role, keys);
	}

	/** As {@link #register}, with this administrator token. */
	public static HttpResponse<String> registerWith(int port, String adminToken, String clientId, String scope, String role, JWK... keys) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "backend-service");
		body.put("client_id", clientId);
		body.put("client_name", "Test backend " + clientId);
		body.put("scope", scope);
		body.put("role", role);
		body.put("jwks", publicJwks(keys));
		return adminPost(port, adminToken, body);
	}

	/** {@code POST /admin/clients} with the administrator's token. */
	public static HttpResponse<String> adminPost(int port, Object body) {
		return adminPost(port, TestTokens.admin(port), body);
	}

	public static HttpResponse<String> adminPost(int port, String adminToken, Object body) {
		try {
			return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/clients"))
					.header("Authorization", "Bearer " + adminToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)))
					.build());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String tokenEndpoint(int port) {
		return "http://127.0.0.1:" + port + "/oauth2/token";
	}

	/** A client assertion as SMART prescribes: iss = sub = client id, aud the token endpoint, 4 minutes, a new jti. */
	public static String assertion(int port, String clientId, JWK key, JWSAlgorithm algorithm) {
		return assertion(clientId, key, algorithm, tokenEndpoint(port), Instant.now().plusSeconds(240), UUID.randomUUID().toString());
	}

	public static String assertion(String clientId, JWK key, JWSAlgorithm algorithm, String audience, Instant expires, String jti) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
							.expirationTime(Date.from(expires)).issueTime(new Date()).jwtID(jti).build());
			jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The token endpoint's answer to a client-credentials request authenticated by this assertion (no client_id). */
	public static HttpResponse<String> tokenResponse(int port, String assertion, String scope) {
		String form = "grant_type=client_credentials"
				+ "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
				+ "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&client_assertion=" + assertion;
		return send(HttpRequest.newBuilder(URI.create(tokenEndpoint(port)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build());
	}

	/** The access token for a successful token response, else an exception with the answer. */
	@SuppressWarnings("unchecked")
	public static String accessToken(HttpResponse<String> tokenResponse) {
		if (tokenResponse.statusCode() != 200) {
			throw new IllegalStateException("No token: " + tokenResponse.statusCode() + " " + tokenResponse.body());
		}
		try {
			return (String) JSON.readValue(tokenResponse.body(), Map.class).get("access_token");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
