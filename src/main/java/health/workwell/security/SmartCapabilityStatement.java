package health.workwell.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * Says in the CapabilityStatement that the API is protected by SMART on FHIR tokens:
 * {@code rest.security.service} SMART-on-FHIR and the {@code oauth-uris} extension (deprecated in
 * SMART 2 in favour of .well-known/smart-configuration, but still read by clients such as fhirclient).
 */
@Interceptor
public class SmartCapabilityStatement {

	static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

	private final FhirAudience audience;

	SmartCapabilityStatement(FhirAudience audience) {
		this.audience = audience;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void describeSecurity(IBaseConformance generated) {
		String issuer = audience.issuer();
		for (var rest : ((CapabilityStatement) generated).getRest()) {
			var security = rest.getSecurity();
			security.setCors(true);
			security.addService(new CodeableConcept(new Coding(
					"http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
			security.setDescription("OAuth2 bearer tokens (SMART App Launch 2.2); see " + issuer
					+ "/fhir/.well-known/smart-configuration");
			Extension uris = security.addExtension().setUrl(OAUTH_URIS);
			uris.addExtension("authorize", new UriType(issuer + AuthorizePostAsGet.AUTHORIZE_PATH));
			uris.addExtension("token", new UriType(issuer + "/oauth2/token"));
			uris.addExtension("introspect", new UriType(issuer + "/oauth2/introspect"));
			uris.addExtension("revoke", new UriType(issuer + "/oauth2/revoke"));
		}
	}
}
