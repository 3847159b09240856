package health.workwell.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Registered clients looked up per request for CORS and rate limits, kept for a short while so the FHIR API
 * does not read the client table on every request. A change to a client (new origins, removal) is seen
 * within {@link #FRESHNESS}.
 */
final class CachedClients {

	static final Duration FRESHNESS = Duration.ofSeconds(30);

	private record Entry(Optional<RegisteredClient> client, Instant readAt) {}

	private final RegisteredClientRepository clients;
	private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

	CachedClients(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	Optional<RegisteredClient> find(String clientId) {
		Entry entry = byClientId.get(clientId);
		if (entry == null || entry.readAt().plus(FRESHNESS).isBefore(Instant.now())) {
			if (byClientId.size() > 10_000) {
				byClientId.clear(); // unknown client ids from forged requests must not grow the map without bound
			}
			entry = new Entry(Optional.ofNullable(clients.findByClientId(clientId)), Instant.now());
			byClientId.put(clientId, entry);
		}
		return entry.client();
	}
}
