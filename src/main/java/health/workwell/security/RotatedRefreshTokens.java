package health.workwell.security;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The client registry, with every client's refresh tokens rotated on use (OAuth 2.0 Security BCP 4.14): a
 * refresh gives a new refresh token and the one used is dead, so a stolen refresh token works once at most,
 * and its use by the thief shows when the app's next refresh fails. Applied when a client is read, so clients
 * registered before (stored with Spring Authorization Server's default, reuse) rotate too.
 */
final class RotatedRefreshTokens implements RegisteredClientRepository {

	private final RegisteredClientRepository clients;

	RotatedRefreshTokens(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public void save(RegisteredClient client) {
		clients.save(client);
	}

	@Override
	public RegisteredClient findById(String id) {
		return rotating(clients.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return rotating(clients.findByClientId(clientId));
	}

	private static RegisteredClient rotating(RegisteredClient client) {
		if (client == null || !client.getTokenSettings().isReuseRefreshTokens()) {
			return client;
		}
		return RegisteredClient.from(client)
				.tokenSettings(TokenSettings.withSettings(client.getTokenSettings().getSettings()).reuseRefreshTokens(false).build())
				.build();
	}
}
