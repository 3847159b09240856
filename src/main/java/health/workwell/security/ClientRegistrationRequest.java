package health.workwell.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /admin/clients} (field names as in OAuth 2.0 Dynamic Client Registration,
 * RFC 7591, where one exists).
 *
 * @param kind {@code public}, {@code confidential-symmetric}, {@code confidential-asymmetric} or {@code backend-service}
 * @param clientId optional; made by the server when absent
 * @param scope the registered scopes, space-separated
 * @param role backend services only: {@code device-vendor}, {@code integration} or {@code admin}
 * @param jwks the public keys for {@code private_key_jwt} (asymmetric kinds), a JWK Set
 * @param rateLimitPerMinute optional, overrides the server's default for this client
 */
record ClientRegistrationRequest(
		String kind,
		@JsonProperty("client_id") String clientId,
		@JsonProperty("client_name") String clientName,
		String scope,
		String role,
		@JsonProperty("redirect_uris") List<String> redirectUris,
		@JsonProperty("allowed_origins") List<String> allowedOrigins,
		Map<String, Object> jwks,
		@JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute) {}
