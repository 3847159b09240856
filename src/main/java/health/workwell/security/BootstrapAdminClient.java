package health.workwell.security;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The bootstrap administrator, from the environment variables {@code WORKWELL_ADMIN_CLIENT_ID} and
 * {@code WORKWELL_ADMIN_CLIENT_SECRET}, so that automation can start from nothing: a confidential client
 * ({@code client_secret_basic}, client-credentials grant, scope {@code system/*.cruds}, role {@code admin})
 * written to the client registry at every start, created or updated, so a changed secret takes effect and
 * the old one stops working. Without both variables nothing is written (clients already registered stay).
 */
final class BootstrapAdminClient {

	static final String ADMIN_SCOPE = "system/*.cruds";
	static final String ADMIN_ROLE = "admin";

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdminClient.class);

	private BootstrapAdminClient() {}

	static void register(RegisteredClientRepository clients, String clientId, String secret, PasswordEncoder secrets,
			Duration tokenLifetime) {
		if (clientId.isBlank() || secret.isBlank()) {
			return;
		}
		RegisteredClient existing = clients.findByClientId(clientId);
		String id = existing != null ? existing.getId() : UUID.nameUUIDFromBytes(clientId.getBytes()).toString();
		clients.save(RegisteredClient.withId(id)
				.clientId(clientId)
				.clientSecret(secrets.encode(secret))
				.clientName("WorkWell bootstrap administrator")
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scope(ADMIN_SCOPE)
				.clientSettings(ClientSettings.builder()
						.setting(ClientSettingNames.ROLE, ADMIN_ROLE)
						.setting(ClientSettingNames.KIND, "bootstrap-admin")
						.build())
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
				.build());
		log.info("Bootstrap administrator client '{}' {}", clientId, existing == null ? "created" : "updated");
	}
}
