package health.workwell.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;

/** HAPI FHIR clients for a server under test. */
public final class FhirClients {

	public static final FhirContext R4 = FhirContext.forR4Cached();

	static {
		R4.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		R4.getRestfulClientFactory().setSocketTimeout(120_000);
	}

	private FhirClients() {}

	public static String baseUrl(int port) {
		return "http://127.0.0.1:" + port + "/fhir";
	}

	public static IGenericClient client(int port) {
		return R4.newRestfulGenericClient(baseUrl(port));
	}
}
