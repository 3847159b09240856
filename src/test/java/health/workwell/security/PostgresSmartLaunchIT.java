package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import health.workwell.security.SmartLaunchFlow.Outcome;
import health.workwell.security.SmartLaunchFlow.Pkce;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The security tables on PostgreSQL: users registered through the API sign in, and an EHR launch context
 * is stored, taken once and put in the token.
 */
@PostgresServer
class PostgresSmartLaunchIT {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void usersAndLaunchContextsLiveInPostgres() {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		IGenericClient fhir = FhirClients.client(port);
		String patient = SmartStandaloneLaunchIT.createPatient(fhir, "Gao", "Yan");
		String employee = SmartLaunchFlow.unique("employee");
		assertThat(flow.registerUser(employee, "employee", "Patient/" + patient).statusCode()).isEqualTo(201);
		assertThat(flow.registerUser(employee, "employee", "Patient/" + patient).statusCode()).isEqualTo(409);
		assertThat(flow.adminJson("GET", "/admin/users", null).body()).contains(employee);
		RegisteredClient app = SmartLaunchFlow.publicApp(clients, SmartLaunchFlow.REDIRECT_URI,
				"launch", "launch/patient", "openid", "fhirUser", "patient/*.rs");

		Map<String, Object> standalone = flow.launch(app, "launch/patient openid fhirUser patient/*.rs", employee, null);
		assertThat(standalone).containsEntry("patient", patient);

		String launch = (String) SmartLaunchFlow.parse(flow.adminJson("POST", "/smart/launch", Map.of("patient", patient)).body())
				.get("launch");
		Pkce pkce = Pkce.create();
		Map<String, String> request = flow.authorizeParameters(app, "launch openid patient/*.rs", pkce);
		request.put("launch", launch);
		Outcome outcome = flow.authorize(request, employee, null);
		assertThat(SmartLaunchFlow.parse(flow.exchange(app, outcome.code(), pkce.verifier()).body())).containsEntry("patient", patient);
		request.put("state", "again");
		assertThat(flow.authorize(request, employee, null).query()).containsKey("error").doesNotContainKey("code");
	}
}
