package health.workwell.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for the servers under test, from their own embedded authorization server: the
 * bootstrap administrator client (client credentials, {@code system/*.cruds}) that the test servers
 * are started with. A token is reused until a minute before it expires.
 */
public final class TestTokens {

	public static final String ADMIN_CLIENT_ID = "test-admin";
	public static final String ADMIN_CLIENT_SECRET = "test-admin-secret";
	/** Spring properties that create the bootstrap administrator, as the environment variables would. */
	public static final String ADMIN_CLIENT_PROPERTIES_ID = "WORKWELL_ADMIN_CLIENT_ID=" + ADMIN_CLIENT_ID;
	public static final String ADMIN_CLIENT_PROPERTIES_SECRET = "WORKWELL_ADMIN_CLIENT_SECRET=" + ADMIN_CLIENT_SECRET;

	private record Token(String value, Instant renewAfter) {}

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final Map<Integer, Token> BY_PORT = new ConcurrentHashMap<>();

	private TestTokens() {}

	/** A valid administrator access token for the server on this port. */
	public static String admin(int port) {
		Token token = BY_PORT.get(port);
		if (token == null || Instant.now().isAfter(token.renewAfter())) {
			token = request(port, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, "system/*.cruds");
			BY_PORT.put(port, token);
		}
		return token.value();
	}

	/** A request to the server on this port carrying an administrator token. */
	public static HttpRequest.Builder authorized(int port, String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin(port));
	}

	/** The token endpoint's raw answer to a client-credentials request. */
	public static HttpResponse<String> tokenResponse(int port, String clientId, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
							+ java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The signing key of the H2 test server ({@link H2Server}'s data directory). */
	private static final java.nio.file.Path H2_SIGNING_KEY = java.nio.file.Path.of("target/it-data/keys/token-signing-key.json");

	/**
	 * A token signed with the H2 test server's own key, with the claims a test chooses: how tests
	 * stand in for the SMART launches that are not built yet, and forge bad tokens.
	 */
	public static String signed(String issuer, String audience, String scope, String patient, Instant expires) {
		return signed(issuer, audience, scope, patient, expires, Map.of());
	}

	/**
	 * As {@link #signed(String, String, String, String, Instant)}, with further claims (e.g.
	 * {@code workwell_role}, {@code fhirUser}, {@code client_id}) as the token customizer adds them.
	 */
	public static String signed(String issuer, String audience, String scope, String patient, Instant expires,
			Map<String, Object> extraClaims) {
		return signed(H2_SIGNING_KEY, issuer, audience, scope, patient, expires, extraClaims);
	}

	/** The data directories of the shared test servers ({@link H2Server}, {@link PostgresServer}), whose keys tests may use. */
	private static final java.util.List<java.nio.file.Path> TEST_SERVER_KEYS = java.util.List.of(H2_SIGNING_KEY,
			java.nio.file.Path.of("target/it-data-pg/keys/token-signing-key.json"));

	/** The signing key of the test server on this port: the one whose key id its JWKS publishes. */
	private static java.nio.file.Path signingKeyOf(int port) {
		try {
			String jwks = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/jwks")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			java.util.Set<String> published = new java.util.HashSet<>();
			com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys().forEach(k -> published.add(k.getKeyID()));
			for (java.nio.file.Path candidate : TEST_SERVER_KEYS) {
				if (java.nio.file.Files.exists(candidate)
						&& published.contains(com.nimbusds.jose.jwk.JWK.parse(java.nio.file.Files.readString(candidate)).getKeyID())) {
					return candidate;
				}
			}
			throw new IllegalStateException("No test server key matches the JWKS of port " + port);
		} catch (java.io.IOException | java.text.ParseException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String signed(java.nio.file.Path keyFile, String issuer, String audience, String scope, String patient,
			Instant expires, Map<String, Object> extraClaims) {
		try {
			com.nimbusds.jose.jwk.RSAKey key = com.nimbusds.jose.jwk.JWK.parse(java.nio.file.Files.readString(keyFile)).toRSAKey();
			com.nimbusds.jwt.JWTClaimsSet.Builder claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
					.issuer(issuer).audience(audience).subject("test").claim("scope", scope)
					.issueTime(new java.util.Date()).expirationTime(java.util.Date.from(expires))
					.jwtID(java.util.UUID.randomUUID().toString());
			if (patient != null) {
				claims.claim("patient", patient);
			}
			extraClaims.forEach(claims::claim);
			com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
					new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims.build());
			token.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
			return token.serialize();
		} catch (Exception e) {
			throw new IllegalStateException("Could not sign a test token", e);
		}
	}

	/** A token for the test server on this port with these scopes and, if not null, this patient in context. */
	public static String signed(int port, String scope, String patient) {
		return signed(port, scope, patient, Map.of());
	}

	/** A token for the test server on this port with these scopes, patient (or null) and further claims. */
	public static String signed(int port, String scope, String patient, Map<String, Object> extraClaims) {
		String origin = "http://127.0.0.1:" + port;
		return signed(signingKeyOf(port), origin, origin + "/fhir", scope, patient, Instant.now().plusSeconds(300), extraClaims);
	}

	@SuppressWarnings("unchecked")
	private static Token request(int port, String clientId, String secret, String scope) {
		HttpResponse<String> response = tokenResponse(port, clientId, secret, scope);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token from the test server: " + response.statusCode() + " " + response.body());
		}
		try {
			Map<String, Object> body = new ObjectMapper().readValue(response.body(), Map.class);
			long lifetime = ((Number) body.get("expires_in")).longValue();
			return new Token((String) body.get("access_token"), Instant.now().plus(Duration.ofSeconds(lifetime - 60)));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
