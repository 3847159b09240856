package health.workwell.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * In production (the {@code postgres} profile) the issuer must be configured: without
 * {@code workwell.security.issuer} the tokens' {@code iss} and {@code aud} follow each request's Host header,
 * which a client chooses, so tokens would be minted for whatever host a request names. The server refuses
 * to start instead.
 */
final class ProductionIssuer {

	static final String PRODUCTION_PROFILE = "postgres";

	private ProductionIssuer() {}

	static String require(Environment environment, String issuer) {
		if (issuer.isBlank() && environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
			throw new IllegalStateException("workwell.security.issuer (WORKWELL_SECURITY_ISSUER) must be set with the '"
					+ PRODUCTION_PROFILE + "' profile: the server's public URL, e.g. https://workwell.example.org (tokens' iss; "
					+ "their aud is that plus /fhir). Without it the issuer would be taken from each request's Host header.");
		}
		return issuer;
	}
}
