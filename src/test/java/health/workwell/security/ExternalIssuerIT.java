package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import health.workwell.WorkWellApplication;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An external OpenID Connect issuer (standing in for Keycloak): a key made by the test, its JWKS served from
 * a JDK HttpServer on 127.0.0.1, tokens signed by the test with Keycloak-like claim names. The FHIR API
 * accepts that issuer's tokens (scopes and role read from the configured claims) as well as its own, and
 * refuses the issuer's tokens for another audience, expired, or signed by a key not in its JWKS.
 */
@SpringBootTest(
		classes = WorkWellApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"spring.datasource.url=jdbc:h2:mem:workwell-external-issuer;DB_CLOSE_DELAY=-1",
			"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
			"workwell.data-dir=target/it-data-external-issuer",
			TestTokens.ADMIN_CLIENT_PROPERTIES_ID,
			TestTokens.ADMIN_CLIENT_PROPERTIES_SECRET,
			"workwell.conformance.packages-dir=target/test-ig-packages",
			"workwell.security.external-issuer.audience=workwell-fhir",
			"workwell.security.external-issuer.scope-claim=smart_scope",
			"workwell.security.external-issuer.role-claim=realm_access.roles"
		})
class ExternalIssuerIT {

	private static final RSAKey ISSUER_KEY = BackendServiceClients.rsaKey();
	private static final HttpServer JWKS_SERVER = startJwksServer();
	private static final String ISSUER = "http://127.0.0.1:" + JWKS_SERVER.getAddress().getPort() + "/realms/workwell";

	@LocalServerPort
	int port;

	private static HttpServer startJwksServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] jwks = new JWKSet(ISSUER_KEY.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
			server.createContext("/realms/workwell/protocol/openid-connect/certs", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				exchange.getResponseBody().write(jwks);
				exchange.close();
			});
			server.start();
			return server;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry properties) {
		properties.add("workwell.security.external-issuer.issuer-uri", () -> ISSUER);
		properties.add("workwell.security.external-issuer.jwks-uri", () -> ISSUER + "/protocol/openid-connect/certs");
	}

	@AfterAll
	static void stopJwksServer() {
		JWKS_SERVER.stop(0);
	}

	private static String token(RSAKey key, String audience, String scope, List<String> roles, Instant expires) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject("kc-user-1").claim("azp", "kc-app")
							.claim("smart_scope", scope).claim("realm_access", Map.of("roles", roles))
							.issueTime(new Date()).expirationTime(Date.from(expires)).build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String token(String scope, List<String> roles) {
		return token(ISSUER_KEY, "workwell-fhir", scope, roles, Instant.now().plusSeconds(300));
	}

	private HttpResponse<String> get(String path, String token) {
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token).GET().build());
	}

	@Test
	void theIssuersTokensAreAcceptedWithTheirScopes() {
		assertThat(get("/fhir/Patient", token("system/Patient.rs", List.of("offline_access"))).statusCode()).isEqualTo(200);
		// held to the scope read from the configured claim
		assertThat(get("/fhir/Observation", token("system/Patient.rs", List.of())).statusCode()).isEqualTo(403);
	}

	@Test
	void theOwnTokensAreStillAccepted() {
		assertThat(get("/fhir/Patient", TestTokens.admin(port)).statusCode()).isEqualTo(200);
	}

	@Test
	void theRoleIsReadFromTheConfiguredClaim() {
		assertThat(get("/fhir/AuditEvent", token("system/AuditEvent.rs", List.of("offline_access", "admin"))).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/AuditEvent", token("system/AuditEvent.rs", List.of("integration"))).statusCode()).isEqualTo(403);
		// the admin API takes only this server's administration clients, not an external issuer's admin role
		assertThat(get("/admin/clients", token("system/Patient.rs", List.of("offline_access", "admin"))).statusCode()).isEqualTo(403);
		assertThat(get("/admin/clients", token("system/Patient.rs", List.of("integration"))).statusCode()).isEqualTo(403);
	}

	@Test
	void theIssuersBadTokensAreRefused() {
		assertThat(get("/fhir/Patient", token(ISSUER_KEY, "another-api", "system/Patient.rs", List.of(), Instant.now().plusSeconds(300)))
				.statusCode()).isEqualTo(401);
		assertThat(get("/fhir/Patient", token(ISSUER_KEY, "workwell-fhir", "system/Patient.rs", List.of(), Instant.now().minusSeconds(120)))
				.statusCode()).isEqualTo(401);
		RSAKey notTheIssuers = new RSAKey.Builder(BackendServiceClients.rsaKey()).keyID(ISSUER_KEY.getKeyID()).build();
		assertThat(get("/fhir/Patient", token(notTheIssuers, "workwell-fhir", "system/Patient.rs", List.of(), Instant.now().plusSeconds(300)))
				.statusCode()).isEqualTo(401);
	}
}
