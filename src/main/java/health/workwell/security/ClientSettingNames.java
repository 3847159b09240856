package health.workwell.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * WorkWell's own entries in a registered client's {@code clientSettings} (stored as JSON with the client).
 * Values are plain strings, which Spring Authorization Server's settings serializer always accepts.
 */
public final class ClientSettingNames {

	/** The client's role ({@code device-vendor}, {@code integration}, {@code admin}...): the tokens' {@code workwell_role}. */
	public static final String ROLE = "workwell.role";
	/** What kind of client it is: {@code public}, {@code confidential-symmetric}, {@code confidential-asymmetric}, {@code backend-service}. */
	public static final String KIND = "workwell.kind";
	/** Space-separated browser origins allowed to call the token endpoint and the FHIR API as this client (CORS). */
	public static final String ALLOWED_ORIGINS = "workwell.allowed-origins";
	/** The client's public keys for {@code private_key_jwt}, an inline JWKS as JSON. */
	public static final String JWKS = "workwell.jwks";
	/** Requests per minute this client may make (token endpoint and FHIR API); absent: the server's default. */
	public static final String RATE_LIMIT = "workwell.rate-limit-per-minute";

	private ClientSettingNames() {}

	static String get(RegisteredClient client, String name) {
		Object value = client.getClientSettings().getSetting(name);
		return value == null ? null : value.toString();
	}

	static List<String> allowedOrigins(RegisteredClient client) {
		String origins = get(client, ALLOWED_ORIGINS);
		return origins == null || origins.isBlank() ? List.of() : Arrays.asList(origins.trim().split("\\s+"));
	}
}
