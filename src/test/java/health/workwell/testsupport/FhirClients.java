package health.workwell.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
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

	/** A client that authenticates as the test administrator ({@link TestTokens}). */
	public static IGenericClient client(int port) {
		IGenericClient client = R4.newRestfulGenericClient(baseUrl(port));
		client.registerInterceptor(new IClientInterceptor() {
			@Override
			public void interceptRequest(IHttpRequest request) {
				request.addHeader("Authorization", "Bearer " + TestTokens.admin(port));
			}

			@Override
			public void interceptResponse(IHttpResponse response) {}
		});
		return client;
	}
}
