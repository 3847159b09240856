package health.workwell.security;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients. For now only the bootstrap administrator: a confidential client
 * ({@code client_secret_basic}, client-credentials grant, scope {@code system/*.cruds}) made from the
 * environment variables {@code WORKWELL_ADMIN_CLIENT_ID} and {@code WORKWELL_ADMIN_CLIENT_SECRET} when
 * both are set, so that automation can start from nothing. Without them no client exists and no
 * token can be had.
 */
class BootstrapClients implements RegisteredClientRepository {

	static final String ADMIN_SCOPE = "system/*.cruds";

	private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

	BootstrapClients(String adminClientId, String adminClientSecret, PasswordEncoder secrets, Duration tokenLifetime) {
		if (!adminClientId.isBlank() && !adminClientSecret.isBlank()) {
			save(RegisteredClient.withId(UUID.nameUUIDFromBytes(adminClientId.getBytes()).toString())
					.clientId(adminClientId)
					.clientSecret(secrets.encode(adminClientSecret))
					.clientName("WorkWell bootstrap administrator")
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.scope(ADMIN_SCOPE)
					.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
					.build());
		}
	}

	@Override
	public void save(RegisteredClient client) {
		byId.put(client.getId(), client);
	}

	@Override
	public RegisteredClient findById(String id) {
		return byId.get(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return byId.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
	}
}
