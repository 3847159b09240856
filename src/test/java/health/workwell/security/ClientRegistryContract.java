package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The client registry and the issued tokens live in the application database (H2 and PostgreSQL alike):
 * a second node on the same database (here: a second repository and authorization service on the same
 * DataSource) sees every registered client and issued token; introspection and revocation read them from
 * there; the bootstrap administrator is rewritten at start, so a new secret replaces the old; a replayed
 * client assertion is refused through the shared table.
 */
abstract class ClientRegistryContract {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	DataSource dataSource;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	PasswordEncoder secrets;

	abstract int port();

	private RegisteredClientRepository anotherNodesClients() {
		return new JdbcRegisteredClientRepository(new JdbcTemplate(dataSource));
	}

	@Test
	void theBootstrapAdministratorIsARowWithRoleAdmin() {
		RegisteredClient admin = anotherNodesClients().findByClientId(TestTokens.ADMIN_CLIENT_ID);
		assertThat(admin).isNotNull();
		assertThat(admin.getClientSettings().<String>getSetting("workwell.role")).isEqualTo("admin");
		assertThat(admin.getScopes()).containsExactly("system/*.cruds");
	}

	@Test
	void aRegisteredClientIsSeenByAnotherNode() {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = "shared-" + UUID.randomUUID();
		assertThat(BackendServiceClients.register(port(), clientId, "system/Device.c", "device-vendor", key.toPublicJWK()).statusCode())
				.isEqualTo(201);
		RegisteredClient seen = anotherNodesClients().findByClientId(clientId);
		assertThat(seen).isNotNull();
		assertThat(seen.getClientSettings().<String>getSetting("workwell.role")).isEqualTo("device-vendor");
		assertThat(seen.getClientSettings().<String>getSetting("workwell.jwks")).contains(key.getKeyID());
	}

	@Test
	void anIssuedTokenIsStoredIntrospectableAndRevocable() throws Exception {
		String token = BackendServiceClients.accessToken(
				TestTokens.tokenResponse(port(), TestTokens.ADMIN_CLIENT_ID, TestTokens.ADMIN_CLIENT_SECRET, "system/*.cruds"));
		JdbcOAuth2AuthorizationService anotherNode = new JdbcOAuth2AuthorizationService(new JdbcTemplate(dataSource), anotherNodesClients());
		OAuth2Authorization stored = anotherNode.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		assertThat(stored).isNotNull();
		assertThat(stored.getAuthorizedScopes()).containsExactly("system/*.cruds");

		JsonNode active = JSON.readTree(adminForm("/oauth2/introspect", "token=" + token).body());
		assertThat(active.get("active").asBoolean()).isTrue();
		assertThat(active.get("workwell_role").asText()).isEqualTo("admin");
		assertThat(active.get("client_id").asText()).isEqualTo(TestTokens.ADMIN_CLIENT_ID);

		assertThat(adminForm("/oauth2/revoke", "token=" + token).statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(adminForm("/oauth2/introspect", "token=" + token).body()).get("active").asBoolean()).isFalse();
		assertThat(anotherNode.findByToken(token, OAuth2TokenType.ACCESS_TOKEN).getAccessToken().isActive()).isFalse();
	}

	@Test
	void aNewBootstrapSecretReplacesTheOld() {
		try {
			BootstrapAdminClient.register(clients, TestTokens.ADMIN_CLIENT_ID, "a-new-secret", secrets, Duration.ofMinutes(5));
			assertThat(TestTokens.tokenResponse(port(), TestTokens.ADMIN_CLIENT_ID, TestTokens.ADMIN_CLIENT_SECRET, "system/*.cruds")
					.statusCode()).isEqualTo(401);
			assertThat(TestTokens.tokenResponse(port(), TestTokens.ADMIN_CLIENT_ID, "a-new-secret", "system/*.cruds").statusCode())
					.isEqualTo(200);
			assertThat(anotherNodesClients().findByClientId(TestTokens.ADMIN_CLIENT_ID).getClientSettings()
					.<String>getSetting("workwell.role")).isEqualTo("admin");
		} finally {
			BootstrapAdminClient.register(clients, TestTokens.ADMIN_CLIENT_ID, TestTokens.ADMIN_CLIENT_SECRET, secrets, Duration.ofMinutes(5));
		}
	}

	@Test
	void aReplayedAssertionIsRefused() {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = "replay-" + UUID.randomUUID();
		BackendServiceClients.register(port(), clientId, "system/Observation.rs", "integration", key.toPublicJWK());
		String assertion = BackendServiceClients.assertion(port(), clientId, key, JWSAlgorithm.RS384);
		assertThat(BackendServiceClients.tokenResponse(port(), assertion, "system/Observation.rs").statusCode()).isEqualTo(200);
		assertThat(BackendServiceClients.tokenResponse(port(), assertion, "system/Observation.rs").statusCode()).isEqualTo(401);
		assertThat(new JdbcTemplate(dataSource).queryForObject(
				"SELECT count(*) FROM client_assertion_jti WHERE client_id = ?", Integer.class, clientId)).isEqualTo(1);
	}

	private HttpResponse<String> adminForm(String path, String form) {
		String basic = Base64.getEncoder().encodeToString(
				(TestTokens.ADMIN_CLIENT_ID + ":" + TestTokens.ADMIN_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
				.header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build());
	}
}
