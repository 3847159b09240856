package health.workwell.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;

/**
 * Verifies a client's {@code private_key_jwt} assertion as SMART Backend Services requires (Spring
 * Authorization Server's default knows only a JWKS URL and one algorithm, RS256): signed RS384 or ES384
 * with a key from the client's registered inline JWKS (chosen by {@code kid} and key type),
 * {@code iss = sub = client_id}, {@code aud} the token endpoint's URL, {@code exp} present and at most five
 * minutes ahead, and a {@code jti} never used before by this client ({@link UsedAssertionIds}). A failure is
 * {@code invalid_client} (401).
 */
final class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

	static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);
	static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
	/** Clocks differ a little between the client and us. */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private final UsedAssertionIds usedIds;

	ClientAssertionDecoders(UsedAssertionIds usedIds) {
		this.usedIds = usedIds;
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		String jwks = ClientSettingNames.get(client, ClientSettingNames.JWKS);
		if (jwks == null) {
			throw invalidClient("The client has no registered JWKS");
		}
		JWKSet keys;
		try {
			keys = JWKSet.parse(jwks);
		} catch (ParseException e) {
			throw invalidClient("The client's registered JWKS cannot be read");
		}
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
		// claims are checked by the validators below, with OAuth2 error messages
		processor.setJWTClaimsSetVerifier((claims, context) -> {});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		// iss is a client id, not a URL (Spring's default claim conversion wants one)
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
				Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				new JwtTimestampValidator(CLOCK_SKEW), assertionClaims(client.getClientId(), tokenEndpoint())));
		return decoder;
	}

	private static String tokenEndpoint() {
		AuthorizationServerContext context = AuthorizationServerContextHolder.getContext();
		return context.getIssuer() + context.getAuthorizationServerSettings().getTokenEndpoint();
	}

	private OAuth2TokenValidator<Jwt> assertionClaims(String clientId, String tokenEndpoint) {
		return assertion -> {
			List<String> problems = new ArrayList<>();
			if (!clientId.equals(assertion.getClaimAsString(JwtClaimNames.ISS))) {
				problems.add("iss must be the client_id");
			}
			if (!clientId.equals(assertion.getSubject())) {
				problems.add("sub must be the client_id");
			}
			if (assertion.getAudience() == null || !assertion.getAudience().contains(tokenEndpoint)) {
				problems.add("aud must be the token endpoint " + tokenEndpoint);
			}
			Instant expires = assertion.getExpiresAt();
			if (expires == null) {
				problems.add("exp is required");
			} else if (expires.isAfter(Instant.now().plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
				problems.add("exp must be at most 5 minutes ahead");
			}
			String jti = assertion.getId();
			if (jti == null || jti.isBlank()) {
				problems.add("jti is required");
			} else if (problems.isEmpty() && !usedIds.firstUse(clientId, jti, expires)) {
				problems.add("jti has been used before");
			}
			return problems.isEmpty()
					? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
							"Invalid client assertion: " + String.join("; ", problems), null));
		};
	}

	private static OAuth2AuthenticationException invalidClient(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
	}
}
