package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import health.workwell.WorkWellApplication;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default (file-based H2 under the data directory) stopped and started again: a client
 * registered through the admin API still gets tokens, a token issued before the restart is still known to
 * introspection and can be revoked, and a changed bootstrap secret takes effect (the old one no longer works).
 */
class ClientsSurviveRestartIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start(String adminSecret) {
		return new SpringApplicationBuilder(WorkWellApplication.class)
				.run("--server.port=0", "--workwell.data-dir=" + dataDir,
						"--WORKWELL_ADMIN_CLIENT_ID=" + TestTokens.ADMIN_CLIENT_ID, "--WORKWELL_ADMIN_CLIENT_SECRET=" + adminSecret);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void clientsAndTokensSurviveARestart() throws Exception {
		RSAKey key = BackendServiceClients.rsaKey();
		String issuedBefore;
		try (ConfigurableApplicationContext first = start("first-secret")) {
			int port = port(first);
			issuedBefore = BackendServiceClients.accessToken(
					TestTokens.tokenResponse(port, TestTokens.ADMIN_CLIENT_ID, "first-secret", "system/*.cruds"));
			assertThat(BackendServiceClients.registerWith(port, issuedBefore, "durable-feed", "system/Observation.c", "device-vendor",
					key.toPublicJWK()).statusCode()).isEqualTo(201);
		}
		try (ConfigurableApplicationContext second = start("second-secret")) {
			int port = port(second);
			assertThat(BackendServiceClients.accessToken(BackendServiceClients.tokenResponse(port,
					BackendServiceClients.assertion(port, "durable-feed", key, JWSAlgorithm.RS384), "system/Observation.c"))).isNotBlank();
			assertThat(TestTokens.tokenResponse(port, TestTokens.ADMIN_CLIENT_ID, "first-secret", "system/*.cruds").statusCode()).isEqualTo(401);
			assertThat(TestTokens.tokenResponse(port, TestTokens.ADMIN_CLIENT_ID, "second-secret", "system/*.cruds").statusCode()).isEqualTo(200);

			assertThat(JSON.readTree(adminForm(port, "/oauth2/introspect", issuedBefore).body()).get("active").asBoolean()).isTrue();
			assertThat(adminForm(port, "/oauth2/revoke", issuedBefore).statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(adminForm(port, "/oauth2/introspect", issuedBefore).body()).get("active").asBoolean()).isFalse();
		}
	}

	private static HttpResponse<String> adminForm(int port, String path, String token) {
		String basic = Base64.getEncoder().encodeToString((TestTokens.ADMIN_CLIENT_ID + ":second-secret").getBytes(StandardCharsets.UTF_8));
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build());
	}
}
