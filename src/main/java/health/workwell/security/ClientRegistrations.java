package health.workwell.security;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers, lists and removes OAuth clients (the admin API's logic): checks a registration request,
 * turns it into a Spring Authorization Server {@link RegisteredClient} for its kind, and stores it in the
 * client registry. Every app kind must use PKCE; a symmetric client's secret is made here and shown once.
 */
final class ClientRegistrations {

	static final Set<String> BACKEND_ROLES = Set.of("device-vendor", "integration", "admin");
	static final Set<String> NON_CLINICAL_SCOPES =
			Set.of("openid", "fhirUser", "launch", "launch/patient", "launch/encounter", "offline_access", "online_access");
	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,100}");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A refusal of the request, with the HTTP status and a message for the caller. */
	static final class Refused extends RuntimeException {
		final HttpStatus status;

		Refused(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}
	}

	/** A client just registered, with its secret in clear (only now; it is stored hashed). */
	record Registered(RegisteredClient client, String secret) {}

	private final RegisteredClientRepository clients;
	private final JdbcTemplate jdbc;
	private final PasswordEncoder secrets;
	private final Duration backendTokenLifetime;

	ClientRegistrations(RegisteredClientRepository clients, JdbcTemplate jdbc, PasswordEncoder secrets, Duration backendTokenLifetime) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.backendTokenLifetime = backendTokenLifetime;
	}

	Registered register(ClientRegistrationRequest request) {
		ClientKind kind = ClientKind.of(request.kind()).orElseThrow(() -> badRequest(
				"kind must be one of public, confidential-symmetric, confidential-asymmetric, backend-service"));
		String clientId = request.clientId() == null ? UUID.randomUUID().toString() : request.clientId();
		if (!CLIENT_ID.matcher(clientId).matches()) {
			throw badRequest("client_id may hold only letters, digits and . _ ~ - (at most 100)");
		}
		if (request.clientName() == null || request.clientName().isBlank()) {
			throw badRequest("client_name is required");
		}
		if (clients.findByClientId(clientId) != null) {
			throw new Refused(HttpStatus.CONFLICT, "client_id " + clientId + " is already registered");
		}
		Set<String> scopes = scopes(request.scope(), kind);
		ClientSettings.Builder settings = ClientSettings.builder().setting(ClientSettingNames.KIND, kind.code());
		RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(clientId)
				.clientIdIssuedAt(java.time.Instant.now())
				.clientName(request.clientName().trim())
				.scopes(s -> s.addAll(scopes));
		String secret = null;
		switch (kind) {
			case PUBLIC -> client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			case CONFIDENTIAL_SYMMETRIC -> {
				secret = newSecret();
				client.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC).clientSecret(secrets.encode(secret));
			}
			case CONFIDENTIAL_ASYMMETRIC, BACKEND_SERVICE -> {
				client.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
				settings.setting(ClientSettingNames.JWKS, publicKeys(request.jwks()));
			}
		}
		if (kind == ClientKind.BACKEND_SERVICE) {
			if (request.role() == null || !BACKEND_ROLES.contains(request.role())) {
				throw badRequest("role is required for a backend service: one of " + String.join(", ", BACKEND_ROLES));
			}
			if (request.redirectUris() != null && !request.redirectUris().isEmpty()) {
				throw badRequest("a backend service has no redirect_uris");
			}
			settings.setting(ClientSettingNames.ROLE, request.role());
			client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(backendTokenLifetime).build());
		} else {
			if (request.role() != null) {
				throw badRequest("role is given only to backend services; an app acts with its user's role");
			}
			List<String> redirects = request.redirectUris() == null ? List.of() : request.redirectUris();
			if (redirects.isEmpty()) {
				throw badRequest("redirect_uris is required for an app");
			}
			redirects.forEach(ClientRegistrations::checkRedirectUri);
			client.redirectUris(uris -> uris.addAll(redirects))
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
			// SMART App Launch 2: PKCE (S256) for every app, confidential ones too
			settings.requireProofKey(true);
		}
		List<String> origins = request.allowedOrigins() == null ? List.of() : request.allowedOrigins();
		origins.forEach(ClientRegistrations::checkOrigin);
		if (!origins.isEmpty()) {
			settings.setting(ClientSettingNames.ALLOWED_ORIGINS, String.join(" ", origins));
		}
		if (request.rateLimitPerMinute() != null) {
			if (request.rateLimitPerMinute() < 1) {
				throw badRequest("rate_limit_per_minute must be at least 1");
			}
			settings.setting(ClientSettingNames.RATE_LIMIT, request.rateLimitPerMinute().toString());
		}
		RegisteredClient registered = client.clientSettings(settings.build()).build();
		clients.save(registered);
		return new Registered(registered, secret);
	}

	List<RegisteredClient> all() {
		return jdbc.queryForList("SELECT id FROM oauth2_registered_client ORDER BY client_id", String.class).stream()
				.map(clients::findById).filter(java.util.Objects::nonNull).toList();
	}

	Optional<RegisteredClient> find(String clientId) {
		return Optional.ofNullable(clients.findByClientId(clientId));
	}

	/** Removes the client, its issued tokens and its consents. False when there is no such client. */
	boolean remove(String clientId) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			return false;
		}
		jdbc.update("DELETE FROM oauth2_authorization WHERE registered_client_id = ?", client.getId());
		jdbc.update("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?", client.getId());
		jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", client.getId());
		return true;
	}

	/** What the API shows of a client: never its secret (not even hashed). */
	static Map<String, Object> view(RegisteredClient client) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("client_id", client.getClientId());
		view.put("client_name", client.getClientName());
		view.put("kind", ClientSettingNames.get(client, ClientSettingNames.KIND));
		view.put("scope", String.join(" ", client.getScopes()));
		view.put("role", ClientSettingNames.get(client, ClientSettingNames.ROLE));
		view.put("grant_types", client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList());
		view.put("token_endpoint_auth_method", client.getClientAuthenticationMethods().stream()
				.map(ClientAuthenticationMethod::getValue).findFirst().orElse(null));
		view.put("redirect_uris", List.copyOf(client.getRedirectUris()));
		view.put("allowed_origins", ClientSettingNames.allowedOrigins(client));
		view.put("require_pkce", client.getClientSettings().isRequireProofKey());
		String jwks = ClientSettingNames.get(client, ClientSettingNames.JWKS);
		if (jwks != null) {
			try {
				view.put("jwks", JWKSet.parse(jwks).toJSONObject(true));
			} catch (java.text.ParseException e) {
				view.put("jwks", null);
			}
		}
		String rateLimit = ClientSettingNames.get(client, ClientSettingNames.RATE_LIMIT);
		view.put("rate_limit_per_minute", rateLimit == null ? null : Integer.valueOf(rateLimit));
		view.put("client_id_issued_at", client.getClientIdIssuedAt() == null ? null : client.getClientIdIssuedAt().toString());
		return view;
	}

	private static Set<String> scopes(String scope, ClientKind kind) {
		if (scope == null || scope.isBlank()) {
			throw badRequest("scope is required (space-separated)");
		}
		Set<String> scopes = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
		for (String each : scopes) {
			Optional<RegisteredScopePolicy.Granular> clinical = RegisteredScopePolicy.Granular.parse(each);
			if (clinical.isEmpty() && !NON_CLINICAL_SCOPES.contains(each)) {
				throw badRequest("unknown scope " + each + " (SMART clinical scopes, or one of " + String.join(", ", NON_CLINICAL_SCOPES) + ")");
			}
			boolean system = clinical.isPresent() && clinical.get().scope().context() == SmartScope.Context.SYSTEM;
			if (kind == ClientKind.BACKEND_SERVICE && !system) {
				throw badRequest("a backend service has system/ scopes only, not " + each);
			}
			if (kind != ClientKind.BACKEND_SERVICE && system) {
				throw badRequest("an app has patient/ and user/ scopes, not " + each);
			}
		}
		return scopes;
	}

	/** The JWKS as JSON after checking it holds only public RSA (2048 bits or more) or P-384 EC keys with a kid. */
	private static String publicKeys(Map<String, Object> jwks) {
		if (jwks == null) {
			throw badRequest("jwks is required for private_key_jwt: a JWK Set with RS384 (RSA) or ES384 (EC P-384) public keys");
		}
		JWKSet set;
		try {
			set = JWKSet.parse(jwks);
		} catch (java.text.ParseException e) {
			throw badRequest("jwks is not a JWK Set: " + e.getMessage());
		}
		if (set.getKeys().isEmpty()) {
			throw badRequest("jwks has no keys");
		}
		for (JWK key : set.getKeys()) {
			if (key.isPrivate()) {
				throw badRequest("jwks must hold public keys only (key " + key.getKeyID() + " is private)");
			}
			if (key.getKeyID() == null || key.getKeyID().isBlank()) {
				throw badRequest("every key in jwks needs a kid");
			}
			boolean usable = (key instanceof RSAKey rsa && rsa.size() >= 2048)
					|| (key instanceof ECKey ec && Curve.P_384.equals(ec.getCurve()));
			if (!usable) {
				throw badRequest("key " + key.getKeyID() + " is neither RSA of 2048 bits or more (RS384) nor EC P-384 (ES384)");
			}
			if (key.getAlgorithm() != null && !ClientAssertionDecoders.ALGORITHMS.contains(key.getAlgorithm())) {
				throw badRequest("key " + key.getKeyID() + " has alg " + key.getAlgorithm() + "; only RS384 and ES384 are accepted");
			}
		}
		return set.toString(true);
	}

	private static void checkRedirectUri(String uri) {
		try {
			URI parsed = new URI(uri);
			if (!parsed.isAbsolute() || parsed.getFragment() != null || parsed.getHost() == null) {
				throw badRequest("redirect URI " + uri + " must be absolute, with a host and without a fragment");
			}
		} catch (URISyntaxException e) {
			throw badRequest("redirect URI " + uri + " is not a URI");
		}
	}

	private static void checkOrigin(String origin) {
		try {
			URI parsed = new URI(origin);
			boolean web = "https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme());
			if (!web || parsed.getHost() == null || !(parsed.getRawPath() == null || parsed.getRawPath().isEmpty())
					|| parsed.getQuery() != null || parsed.getFragment() != null || parsed.getUserInfo() != null) {
				throw badRequest("allowed origin " + origin + " must be scheme://host[:port], nothing more");
			}
		} catch (URISyntaxException e) {
			throw badRequest("allowed origin " + origin + " is not an origin");
		}
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Refused badRequest(String message) {
		return new Refused(HttpStatus.BAD_REQUEST, message);
	}
}
