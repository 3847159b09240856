/**
 * Security: the embedded OAuth2 authorization server (Spring Authorization Server) that issues the
 * access tokens, and the protection of the FHIR API by them (OAuth2 resource server). Every FHIR
 * request except {@code /fhir/metadata} and {@code /fhir/.well-known/smart-configuration} needs a
 * valid bearer token issued for this server's FHIR base.
 */
package health.workwell.security;
