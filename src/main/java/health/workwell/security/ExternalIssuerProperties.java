package health.workwell.security;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An external OpenID Connect issuer (Keycloak, an enterprise IdP) whose access tokens the FHIR API accepts
 * besides this server's own, under {@code workwell.security.external-issuer}. Off while {@code issuerUri} is
 * empty. Its tokens' claims are read under the names configured here and handed on under WorkWell's own
 * names ({@code scope}, {@code patient}, {@code fhirUser}, {@code workwell_role}), so the rest of the server
 * does not know where a token came from.
 *
 * @param issuerUri the issuer's {@code iss}, exactly
 * @param jwksUri where its public keys are (JWK Set URL; required with {@code issuerUri}, never guessed)
 * @param audience the {@code aud} its tokens must carry for this server (e.g. the FHIR base or a client id;
 *     required with {@code issuerUri})
 * @param scopeClaim the claim with the SMART scopes (space-separated string or array)
 * @param patientClaim the claim with the patient in context
 * @param fhirUserClaim the claim with the user's FHIR resource
 * @param roleClaim the claim with the WorkWell role
 */
public record ExternalIssuerProperties(
		@DefaultValue("") String issuerUri,
		@DefaultValue("") String jwksUri,
		@DefaultValue("") String audience,
		@DefaultValue("scope") String scopeClaim,
		@DefaultValue("patient") String patientClaim,
		@DefaultValue("fhirUser") String fhirUserClaim,
		@DefaultValue("workwell_role") String roleClaim) {

	boolean enabled() {
		return !issuerUri.isBlank();
	}
}
