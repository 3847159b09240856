package health.workwell.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code workwell.security} (docs/security.md).
 *
 * @param issuer the authorization server's public URL (tokens' {@code iss}; the FHIR base, and so the
 *     tokens' {@code aud}, is this plus {@code /fhir}); empty: taken from each request's own URL
 * @param signingKeyFile the RSA key (JWK, JSON) that signs access tokens; made on first start. Nodes
 *     that share a database must share this file
 * @param backendTokenLifetime lifetime of tokens issued by the client-credentials grant (SMART Backend
 *     Services: at most five minutes)
 * @param rateLimitPerMinute requests a minute each client may make to the token endpoint and the FHIR API
 *     when its registration sets no limit of its own; 0: no limit
 * @param externalIssuer an OpenID Connect issuer (e.g. Keycloak) whose tokens the FHIR API also accepts
 * @param launchLifetime how long an EHR launch value ({@code POST /smart/launch}) may wait to be used
 * @param subscriptions where rest-hook Subscriptions may deliver
 * @param signIn failed sign-ins on the login form that lock a username or a source address
 */
@ConfigurationProperties("workwell.security")
public record SecurityProperties(
		@DefaultValue("") String issuer,
		@DefaultValue("./data/keys/token-signing-key.json") String signingKeyFile,
		@DefaultValue("5m") Duration backendTokenLifetime,
		@DefaultValue("3000") int rateLimitPerMinute,
		@DefaultValue ExternalIssuerProperties externalIssuer,
		@DefaultValue("5m") Duration launchLifetime,
		@DefaultValue SubscriptionProperties subscriptions,
		@DefaultValue SignInLimits signIn) {}
