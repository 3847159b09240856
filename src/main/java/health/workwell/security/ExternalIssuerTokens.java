package health.workwell.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The FHIR API's token decoder when an external OpenID Connect issuer is configured: a token whose
 * {@code iss} is that issuer is verified with the issuer's JWKS (signature, expiry, issuer, the configured
 * audience) and its claims are renamed to WorkWell's ({@code scope}, {@code patient}, {@code fhirUser},
 * {@code workwell_role}, {@code client_id} from {@code azp}); every other token goes to this server's own
 * decoder. Both kinds are accepted. Claim names may be dotted paths into nested objects
 * ({@code realm_access.roles}); a list of roles gives the first WorkWell role in it.
 */
final class ExternalIssuerTokens implements JwtDecoder {

	static final List<String> ROLES = List.of("employee", "clinician", "hr", "device-vendor", "integration", "admin");

	private final JwtDecoder own;
	private final JwtDecoder external;
	private final String externalIssuer;

	ExternalIssuerTokens(JwtDecoder own, ExternalIssuerProperties settings) {
		if (settings.jwksUri().isBlank() || settings.audience().isBlank()) {
			throw new IllegalStateException(
					"workwell.security.external-issuer needs jwks-uri and audience as well as issuer-uri");
		}
		this.own = own;
		this.externalIssuer = settings.issuerUri();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwksUri())
				.jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
						SignatureAlgorithm.RS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.PS256)))
				.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
				new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(settings.audience()))));
		MappedJwtClaimSetConverter standard = MappedJwtClaimSetConverter.withDefaults(Map.of());
		decoder.setClaimSetConverter(claims -> workWellClaims(standard.convert(claims), settings));
		this.external = decoder;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String issuer;
		try {
			issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
		} catch (ParseException e) {
			throw new BadJwtException("The token is not a JWT", e);
		}
		return externalIssuer.equals(issuer) ? external.decode(token) : own.decode(token);
	}

	private static Map<String, Object> workWellClaims(Map<String, Object> claims, ExternalIssuerProperties settings) {
		Map<String, Object> mapped = new HashMap<>(claims);
		Object scope = path(claims, settings.scopeClaim());
		mapped.put("scope", scope instanceof Collection<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : scope);
		putIfPresent(mapped, GrantedAccess.PATIENT_CLAIM, path(claims, settings.patientClaim()));
		putIfPresent(mapped, "fhirUser", path(claims, settings.fhirUserClaim()));
		Object role = path(claims, settings.roleClaim());
		if (role instanceof Collection<?> roles) {
			role = roles.stream().map(String::valueOf).filter(ROLES::contains).findFirst().orElse(null);
		}
		mapped.remove(AccessRole.CLAIM);
		putIfPresent(mapped, AccessRole.CLAIM, role);
		if (!mapped.containsKey(ClientTokenClaims.CLIENT_ID_CLAIM) && claims.get("azp") != null) {
			mapped.put(ClientTokenClaims.CLIENT_ID_CLAIM, claims.get("azp"));
		}
		return mapped;
	}

	private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
		if (value == null) {
			claims.remove(name);
		} else {
			claims.put(name, value);
		}
	}

	private static Object path(Map<String, Object> claims, String dotted) {
		Object value = claims;
		for (String part : dotted.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

}
