package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import health.workwell.security.SmartLaunchFlow.Outcome;
import health.workwell.security.SmartLaunchFlow.Pkce;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * SMART EHR launch: the EHR (an administrator or a clinician) asks for a launch context, the app sends its
 * {@code launch} value with the {@code launch} scope, and the token response carries that patient. Unknown,
 * used or foreign launches get no code.
 */
@H2Server
class SmartEhrLaunchIT {

	static final String EHR_SCOPES = "launch openid fhirUser patient/*.rs";

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	SecurityTables tables;

	SmartLaunchFlow flow;
	String carePatient;
	String otherPatient;
	String clinician;
	RegisteredClient app;

	@BeforeEach
	void clinicianWithACareTeam() {
		flow = new SmartLaunchFlow(port);
		IGenericClient fhir = FhirClients.client(port);
		carePatient = SmartStandaloneLaunchIT.createPatient(fhir, "Chen", "Jie");
		otherPatient = SmartStandaloneLaunchIT.createPatient(fhir, "Sun", "Li");
		String practitioner = fhir.create().resource(new Practitioner()).execute().getId().getIdPart();
		CareTeam team = new CareTeam();
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.setSubject(new Reference("Patient/" + carePatient));
		team.addParticipant().setMember(new Reference("Practitioner/" + practitioner));
		fhir.create().resource(team).execute();
		clinician = SmartLaunchFlow.unique("clinician");
		assertThat(flow.registerUser(clinician, "clinician", "Practitioner/" + practitioner).statusCode()).isEqualTo(201);
		app = SmartLaunchFlow.publicApp(clients, SmartLaunchFlow.REDIRECT_URI,
				"launch", "launch/patient", "openid", "fhirUser", "patient/*.rs", "user/*.rs");
	}

	private HttpResponse<String> newLaunch(String patient, String bearer) {
		return flow.send(HttpRequest.newBuilder(URI.create(flow.origin() + "/smart/launch"))
				.header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(SmartLaunchFlow.json(Map.of("patient", patient)))));
	}

	private String launchValue(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) SmartLaunchFlow.parse(response.body()).get("launch");
	}

	private Outcome authorizeWithLaunch(SmartLaunchFlow browser, String launch, Pkce pkce) {
		Map<String, String> request = browser.authorizeParameters(app, EHR_SCOPES, pkce);
		request.put("launch", launch);
		return browser.authorize(request, clinician, null);
	}

	@Test
	void anEhrLaunchPutsThePatientInContextOnce() {
		String launch = launchValue(flow.adminJson("POST", "/smart/launch", Map.of("patient", carePatient)));
		Pkce pkce = Pkce.create();

		Outcome outcome = authorizeWithLaunch(flow, launch, pkce);

		assertThat(outcome.code()).as(String.valueOf(outcome)).isNotNull();
		HttpResponse<String> tokenResponse = flow.exchange(app, outcome.code(), pkce.verifier());
		assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
		Map<String, Object> token = SmartLaunchFlow.parse(tokenResponse.body());
		assertThat(token).containsEntry("patient", carePatient).containsKey("id_token");
		assertThat(flow.fhirGet("/Patient/" + carePatient, (String) token.get("access_token")).statusCode()).isEqualTo(200);

		// the same launch value a second time: no code
		Outcome again = authorizeWithLaunch(flow, launch, Pkce.create());
		assertThat(again.query()).containsKey("error").doesNotContainKey("code");
	}

	@Test
	void anUnknownLaunchOrNoneGetsNoCode() {
		assertThat(authorizeWithLaunch(flow, "made-up", Pkce.create()).query()).containsEntry("error", "invalid_request")
				.doesNotContainKey("code");
		Map<String, String> withoutLaunch = flow.authorizeParameters(app, EHR_SCOPES, Pkce.create());
		assertThat(flow.authorize(withoutLaunch, clinician, null).query()).containsEntry("error", "invalid_request")
				.doesNotContainKey("code");
	}

	@Test
	void anExpiredLaunchGetsNoCode() {
		LaunchContexts expiring = new LaunchContexts(dataSource, java.time.Duration.ofSeconds(-1), tables);
		String launch = expiring.create(carePatient, "test");

		assertThat(expiring.peek(launch)).isEmpty();
		assertThat(authorizeWithLaunch(flow, launch, Pkce.create()).query()).containsEntry("error", "invalid_request")
				.doesNotContainKey("code");
	}

	@Test
	void theLaunchedPatientMustBeOneTheUserMaySee() {
		String launch = launchValue(flow.adminJson("POST", "/smart/launch", Map.of("patient", otherPatient)));

		Outcome outcome = authorizeWithLaunch(flow, launch, Pkce.create());

		assertThat(outcome.query()).containsEntry("error", "access_denied").doesNotContainKey("code");
	}

	@Test
	void aClinicianStartsLaunchesOnlyForTheirPatients() {
		// the clinician's own token from a standalone launch in the "EHR"
		Map<String, Object> ehrSession = flow.launch(app, "launch/patient openid fhirUser user/*.rs", clinician, carePatient);
		String clinicianToken = (String) ehrSession.get("access_token");

		assertThat(launchValue(newLaunch(carePatient, clinicianToken))).isNotBlank();
		assertThat(newLaunch(otherPatient, clinicianToken).statusCode()).isEqualTo(400);
		assertThat(newLaunch("no-such-patient", clinicianToken).statusCode()).isEqualTo(400);
		assertThat(flow.adminJson("POST", "/smart/launch", Map.of()).statusCode()).isEqualTo(400);
		// a patient-scoped token that is not a clinician's
		String patientToken = health.workwell.testsupport.TestTokens.signed(port, "patient/*.rs", carePatient);
		assertThat(newLaunch(carePatient, patientToken).statusCode()).isEqualTo(403);
	}
}
