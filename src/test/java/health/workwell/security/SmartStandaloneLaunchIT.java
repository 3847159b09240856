package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import health.workwell.security.SmartLaunchFlow.Outcome;
import health.workwell.security.SmartLaunchFlow.Pkce;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * SMART App Launch 2.2 standalone launch against the real server over HTTP, mirroring Inferno's SMART
 * STU 2.2 suite (discovery, standalone launch, OpenID Connect, token refresh, introspection) and the ONC
 * (g)(10) negative tests (invalid aud, bad PKCE, invalid code or client, revocation).
 */
@H2Server
class SmartStandaloneLaunchIT {

	static final String EMPLOYEE_SCOPES = "launch/patient openid fhirUser patient/*.rs";

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	PasswordEncoder secrets;

	SmartLaunchFlow flow;
	String employeePatient;
	String otherPatient;
	String employee;

	@BeforeEach
	void employeeWithARecord() {
		flow = new SmartLaunchFlow(port);
		IGenericClient fhir = FhirClients.client(port);
		employeePatient = createPatient(fhir, "Li", "Na");
		otherPatient = createPatient(fhir, "Wang", "Fang");
		Observation heartRate = new Observation();
		heartRate.setStatus(Observation.ObservationStatus.FINAL);
		heartRate.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		heartRate.setSubject(new Reference("Patient/" + employeePatient));
		fhir.create().resource(heartRate).execute();
		employee = SmartLaunchFlow.unique("employee");
		assertThat(flow.registerUser(employee, "employee", "Patient/" + employeePatient).statusCode()).isEqualTo(201);
	}

	static String createPatient(IGenericClient fhir, String family, String given) {
		Patient patient = new Patient();
		patient.addName(new HumanName().setFamily(family).addGiven(given));
		return fhir.create().resource(patient).execute().getId().getIdPart();
	}

	RegisteredClient publicApp() {
		return SmartLaunchFlow.publicApp(clients, SmartLaunchFlow.REDIRECT_URI,
				"openid", "fhirUser", "launch", "launch/patient", "patient/*.rs", "offline_access");
	}

	@Test
	@SuppressWarnings("unchecked")
	void discoveryDescribesTheAuthorizationCodeFlow() {
		HttpResponse<String> response = flow.send(HttpRequest.newBuilder(URI.create(flow.fhirBase() + "/.well-known/smart-configuration"))
				.header("Accept", "application/fhir+json"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
		Map<String, Object> configuration = SmartLaunchFlow.parse(response.body());
		assertThat(configuration).containsEntry("authorization_endpoint", flow.origin() + "/oauth2/authorize")
				.containsEntry("token_endpoint", flow.origin() + "/oauth2/token")
				.containsEntry("issuer", flow.origin())
				.containsEntry("code_challenge_methods_supported", List.of("S256"));
		assertThat((List<Object>) configuration.get("grant_types_supported")).contains("authorization_code", "refresh_token");
		assertThat((List<Object>) configuration.get("capabilities")).contains("launch-standalone", "launch-ehr", "authorize-post",
				"client-public", "client-confidential-symmetric", "sso-openid-connect", "context-standalone-patient",
				"context-ehr-patient", "permission-offline", "permission-patient", "permission-v1", "permission-v2");
		assertThat((List<Object>) configuration.get("scopes_supported")).contains("launch/patient", "openid", "fhirUser", "offline_access");

		String metadata = flow.send(HttpRequest.newBuilder(URI.create(flow.fhirBase() + "/metadata"))).body();
		assertThat(metadata).contains("\"url\":\"authorize\",\"valueUri\":\"" + flow.origin() + "/oauth2/authorize\"");
	}

	@Test
	void anEmployeeLaunchesStandaloneAndTheAppReadsTheirOwnRecord() throws Exception {
		RegisteredClient app = publicApp();
		Pkce pkce = Pkce.create();
		Map<String, String> request = flow.authorizeParameters(app, EMPLOYEE_SCOPES, pkce);

		Outcome outcome = flow.authorize(request, employee, null);

		assertThat(outcome.redirect().toString()).startsWith(SmartLaunchFlow.REDIRECT_URI);
		assertThat(outcome.query()).containsEntry("state", request.get("state")).containsKey("code");
		HttpResponse<String> tokenResponse = flow.exchange(app, outcome.code(), pkce.verifier());
		assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
		assertThat(tokenResponse.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(tokenResponse.headers().firstValue("Pragma")).hasValue("no-cache");
		Map<String, Object> token = SmartLaunchFlow.parse(tokenResponse.body());
		assertThat(token).containsEntry("token_type", "Bearer").containsEntry("patient", employeePatient)
				.containsKeys("access_token", "expires_in", "scope", "id_token")
				.doesNotContainKey("refresh_token");
		assertThat(((String) token.get("scope")).split(" ")).containsExactlyInAnyOrder(EMPLOYEE_SCOPES.split(" "));

		var claims = SignedJWT.parse((String) token.get("access_token")).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly(flow.fhirBase());
		assertThat(claims.getClaim("fhirUser")).isEqualTo("Patient/" + employeePatient);
		assertThat(claims.getClaim("workwell_role")).isEqualTo("employee");
		assertThat(claims.getClaim("patient")).isEqualTo(employeePatient);
		assertThat(claims.getClaim("scope")).isInstanceOf(String.class);
		assertThat(claims.getClaim("client_id")).isEqualTo(app.getClientId());

		String accessToken = (String) token.get("access_token");
		HttpResponse<String> own = flow.fhirGet("/Patient/" + employeePatient, accessToken);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"family\":\"Li\"");
		assertThat(flow.fhirGet("/Observation?patient=" + employeePatient, accessToken).body()).contains("8867-4");
		assertThat(flow.fhirGet("/Patient/" + otherPatient, accessToken).statusCode()).isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theIdTokenIsSignedAndNamesTheFhirUser() throws Exception {
		RegisteredClient app = publicApp();
		Map<String, Object> token = flow.launch(app, EMPLOYEE_SCOPES, employee, null);

		SignedJWT idToken = SignedJWT.parse((String) token.get("id_token"));
		JWKSet keys = JWKSet.parse(flow.send(HttpRequest.newBuilder(URI.create(flow.origin() + "/oauth2/jwks"))).body());
		assertThat(idToken.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(idToken.verify(new RSASSAVerifier(keys.getKeyByKeyId(idToken.getHeader().getKeyID()).toRSAKey()))).isTrue();
		var claims = idToken.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(flow.origin());
		assertThat(claims.getAudience()).containsExactly(app.getClientId());
		assertThat(claims.getSubject()).isEqualTo(employee);
		assertThat(claims.getExpirationTime()).isInTheFuture();
		assertThat(claims.getIssueTime()).isNotNull();
		assertThat(claims.getClaim("fhirUser")).isEqualTo("Patient/" + employeePatient);
		// Inferno: the fhirUser can be read with the access token
		assertThat(flow.fhirGet("/" + claims.getClaim("fhirUser"), (String) token.get("access_token")).statusCode()).isEqualTo(200);

		Map<String, Object> discovery = SmartLaunchFlow.parse(flow.send(HttpRequest.newBuilder(
				URI.create(flow.origin() + "/.well-known/openid-configuration"))).body());
		assertThat(discovery).containsEntry("issuer", flow.origin());
		assertThat((List<Object>) discovery.get("id_token_signing_alg_values_supported")).contains("RS256");
	}

	@Test
	void anAuthorizationRequestMayBePostedWithoutOpenid() {
		RegisteredClient app = publicApp();
		Pkce pkce = Pkce.create();

		Outcome outcome = flow.authorizeByPost(flow.authorizeParameters(app, "launch/patient patient/*.rs", pkce), employee, null);

		assertThat(outcome.redirect()).as(String.valueOf(outcome)).isNotNull();
		assertThat(outcome.code()).isNotNull();
		Map<String, Object> token = SmartLaunchFlow.parse(flow.exchange(app, outcome.code(), pkce.verifier()).body());
		assertThat(token).containsEntry("patient", employeePatient).doesNotContainKey("id_token");
	}

	@Test
	void anInvalidAudGetsAnErrorAndNoCode() {
		RegisteredClient app = publicApp();
		Map<String, String> request = flow.authorizeParameters(app, EMPLOYEE_SCOPES, Pkce.create());
		request.put("aud", "http://other.example/fhir");

		Outcome outcome = flow.authorize(request, employee, null);

		assertThat(outcome.query()).containsEntry("error", "invalid_request").containsEntry("state", request.get("state"))
				.doesNotContainKey("code");
		request.remove("aud");
		assertThat(flow.authorize(request, employee, null).query()).containsEntry("error", "invalid_request").doesNotContainKey("code");
	}

	@Test
	void pkceIsRequiredAndChecked() {
		RegisteredClient app = publicApp();
		// no code_challenge: no code, even for a client that was not registered with requireProofKey
		RegisteredClient lenient = SmartLaunchFlow.confidentialApp(clients, secrets, "openid", "launch/patient", "patient/*.rs");
		assertThat(flow.authorize(flow.authorizeParameters(app, EMPLOYEE_SCOPES, null), employee, null).query())
				.containsEntry("error", "invalid_request").doesNotContainKey("code");
		assertThat(flow.authorize(flow.authorizeParameters(lenient, "launch/patient patient/*.rs", null), employee, null).query())
				.containsEntry("error", "invalid_request").doesNotContainKey("code");
		// plain is not supported
		Map<String, String> plain = flow.authorizeParameters(app, EMPLOYEE_SCOPES, Pkce.create());
		plain.put("code_challenge_method", "plain");
		assertThat(flow.authorize(plain, employee, null).query()).containsEntry("error", "invalid_request").doesNotContainKey("code");

		// ONC (g)(10): missing, blank, wrong verifier, or the challenge itself (plain) → 400
		for (String verifier : new String[] {null, "", Pkce.create().verifier(), "CHALLENGE"}) {
			Pkce pkce = Pkce.create();
			Outcome outcome = flow.authorize(flow.authorizeParameters(app, EMPLOYEE_SCOPES, pkce), employee, null);
			HttpResponse<String> response = flow.exchange(app, outcome.code(), "CHALLENGE".equals(verifier) ? pkce.challenge() : verifier);
			assertThat(response.statusCode()).as("verifier " + verifier + ": " + response.body()).isEqualTo(400);
			assertThat(SmartLaunchFlow.parse(response.body())).containsEntry("error", "invalid_grant");
			assertThat(response.body()).doesNotContain("access_token");
		}
	}

	@Test
	void anInvalidCodeOrClientGetsNoToken() {
		RegisteredClient app = publicApp();
		Pkce pkce = Pkce.create();
		Outcome outcome = flow.authorize(flow.authorizeParameters(app, EMPLOYEE_SCOPES, pkce), employee, null);

		HttpResponse<String> wrongCode = flow.exchange(app, "not-a-code", pkce.verifier());
		assertThat(wrongCode.statusCode()).isEqualTo(400);
		assertThat(SmartLaunchFlow.parse(wrongCode.body())).containsEntry("error", "invalid_grant");

		HttpResponse<String> wrongClient = flow.token(Map.of("grant_type", "authorization_code", "code", outcome.code(),
				"redirect_uri", SmartLaunchFlow.REDIRECT_URI, "client_id", "no-such-client", "code_verifier", pkce.verifier()), null);
		assertThat(wrongClient.statusCode()).isIn(400, 401);
		assertThat(SmartLaunchFlow.parse(wrongClient.body())).containsEntry("error", "invalid_client");

		// the code is used once
		assertThat(flow.exchange(app, outcome.code(), pkce.verifier()).statusCode()).isEqualTo(200);
		assertThat(flow.exchange(app, outcome.code(), pkce.verifier()).statusCode()).isEqualTo(400);
	}

	@Test
	void aClinicianPicksOneOfTheirCareTeamsPatients() {
		IGenericClient fhir = FhirClients.client(port);
		Practitioner practitioner = new Practitioner();
		practitioner.addName(new HumanName().setFamily("Zhou"));
		String practitionerId = fhir.create().resource(practitioner).execute().getId().getIdPart();
		CareTeam team = new CareTeam();
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.setSubject(new Reference("Patient/" + employeePatient));
		team.addParticipant().setMember(new Reference("Practitioner/" + practitionerId));
		fhir.create().resource(team).execute();
		String clinician = SmartLaunchFlow.unique("clinician");
		assertThat(flow.registerUser(clinician, "clinician", "Practitioner/" + practitionerId).statusCode()).isEqualTo(201);
		RegisteredClient app = publicApp();

		Outcome picker = flow.authorize(flow.authorizeParameters(app, EMPLOYEE_SCOPES, Pkce.create()), clinician, null);
		assertThat(picker.status()).isEqualTo(200);
		assertThat(picker.body()).contains("value=\"" + employeePatient + "\"").contains("Na Li")
				.doesNotContain("value=\"" + otherPatient + "\"");

		// a patient not on the picker is refused on the server
		SmartLaunchFlow other = new SmartLaunchFlow(port);
		Outcome refused = other.authorize(other.authorizeParameters(app, EMPLOYEE_SCOPES, Pkce.create()), clinician, otherPatient);
		assertThat(refused.status()).isEqualTo(400);

		Map<String, Object> token = new SmartLaunchFlow(port).launch(app, EMPLOYEE_SCOPES, clinician, employeePatient);
		assertThat(token).containsEntry("patient", employeePatient);
		assertThat(SmartLaunchFlow.parse(flow.fhirGet("/Patient/" + employeePatient, (String) token.get("access_token")).body()))
				.containsEntry("id", employeePatient);
	}

	@Test
	void hrGetsNoPatientInContext() {
		String hr = SmartLaunchFlow.unique("hr");
		assertThat(flow.registerUser(hr, "hr", null).statusCode()).isEqualTo(201);
		RegisteredClient app = publicApp();

		Outcome outcome = flow.authorize(flow.authorizeParameters(app, EMPLOYEE_SCOPES, Pkce.create()), hr, null);

		assertThat(outcome.body()).contains("no patients");
	}

	@Test
	void refreshTokensOnlyWithOfflineAccessAndTheyKeepTheContext() {
		RegisteredClient app = SmartLaunchFlow.confidentialApp(clients, secrets,
				"openid", "fhirUser", "launch/patient", "patient/*.rs", "offline_access");

		Map<String, Object> withoutOffline = flow.launch(app, EMPLOYEE_SCOPES, employee, null);
		assertThat(withoutOffline).doesNotContainKey("refresh_token");

		Map<String, Object> offline = flow.launch(app, EMPLOYEE_SCOPES + " offline_access", employee, null);
		assertThat(offline).containsKey("refresh_token").containsEntry("patient", employeePatient);

		HttpResponse<String> refreshed = flow.token(Map.of("grant_type", "refresh_token",
				"refresh_token", (String) offline.get("refresh_token")), app);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		Map<String, Object> token = SmartLaunchFlow.parse(refreshed.body());
		assertThat(token).containsKeys("access_token", "token_type", "expires_in", "scope").containsEntry("patient", employeePatient);
		assertThat(flow.fhirGet("/Patient/" + employeePatient, (String) token.get("access_token")).statusCode()).isEqualTo(200);

		HttpResponse<String> narrower = flow.token(Map.of("grant_type", "refresh_token",
				"refresh_token", (String) token.getOrDefault("refresh_token", offline.get("refresh_token")),
				"scope", "launch/patient patient/*.rs"), app);
		assertThat(narrower.statusCode()).as(narrower.body()).isEqualTo(200);
		assertThat(((String) SmartLaunchFlow.parse(narrower.body()).get("scope")).split(" "))
				.containsExactlyInAnyOrder("launch/patient", "patient/*.rs");

		HttpResponse<String> invalid = flow.token(Map.of("grant_type", "refresh_token", "refresh_token", "not-a-token"), app);
		assertThat(invalid.statusCode()).isEqualTo(400);
	}

	@Test
	void introspectionEchoesTheLaunchContextAndRevocationEndsTheTokens() {
		RegisteredClient app = SmartLaunchFlow.confidentialApp(clients, secrets,
				"openid", "fhirUser", "launch/patient", "patient/*.rs", "offline_access");
		Map<String, Object> token = flow.launch(app, EMPLOYEE_SCOPES + " offline_access", employee, null);
		String accessToken = (String) token.get("access_token");

		Map<String, Object> active = SmartLaunchFlow.parse(flow.clientPost("/oauth2/introspect", app, Map.of("token", accessToken)).body());
		assertThat(active).containsEntry("active", true).containsEntry("patient", employeePatient)
				.containsEntry("fhirUser", "Patient/" + employeePatient).containsEntry("client_id", app.getClientId())
				.containsKey("exp");
		assertThat(((String) active.get("scope")).split(" ")).containsExactlyInAnyOrder(((String) token.get("scope")).split(" "));

		// revoking the access token: inactive, and the FHIR API refuses it at once
		assertThat(flow.clientPost("/oauth2/revoke", app, Map.of("token", accessToken)).statusCode()).isEqualTo(200);
		assertThat(SmartLaunchFlow.parse(flow.clientPost("/oauth2/introspect", app, Map.of("token", accessToken)).body()))
				.containsExactly(Map.entry("active", false));
		assertThat(flow.fhirGet("/Patient/" + employeePatient, accessToken).statusCode()).isEqualTo(401);

		// revoking the refresh token: it cannot be used
		String refreshToken = (String) token.get("refresh_token");
		assertThat(flow.clientPost("/oauth2/revoke", app, Map.of("token", refreshToken, "token_type_hint", "refresh_token"))
				.statusCode()).isEqualTo(200);
		HttpResponse<String> refreshed = flow.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), app);
		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(SmartLaunchFlow.parse(refreshed.body())).containsEntry("error", "invalid_grant");
	}

	@Test
	void browsersReachTheTokenEndpointAndApiOnlyFromTheAppsOwnOrigin() {
		RegisteredClient app = publicApp();
		Pkce pkce = Pkce.create();
		Outcome outcome = flow.authorize(flow.authorizeParameters(app, EMPLOYEE_SCOPES, pkce), employee, null);
		String appOrigin = "http://127.0.0.1:9";
		String body = SmartLaunchFlow.form(Map.of("grant_type", "authorization_code", "code", outcome.code(),
				"redirect_uri", SmartLaunchFlow.REDIRECT_URI, "client_id", app.getClientId(), "code_verifier", pkce.verifier()));

		HttpResponse<String> tokenResponse = flow.send(HttpRequest.newBuilder(URI.create(flow.origin() + "/oauth2/token"))
				.header("Origin", appOrigin).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		assertThat(tokenResponse.headers().firstValue("Access-Control-Allow-Origin")).hasValue(appOrigin);
		assertThat(tokenResponse.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		String accessToken = (String) SmartLaunchFlow.parse(tokenResponse.body()).get("access_token");
		HttpResponse<String> fromApp = flow.send(HttpRequest.newBuilder(URI.create(flow.fhirBase() + "/Patient/" + employeePatient))
				.header("Origin", appOrigin).header("Authorization", "Bearer " + accessToken));
		assertThat(fromApp.headers().firstValue("Access-Control-Allow-Origin")).hasValue(appOrigin);
		HttpResponse<String> fromElsewhere = flow.send(HttpRequest.newBuilder(URI.create(flow.fhirBase() + "/Patient/" + employeePatient))
				.header("Origin", "https://evil.example").header("Authorization", "Bearer " + accessToken));
		assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> tokenFromElsewhere = flow.send(HttpRequest.newBuilder(URI.create(flow.origin() + "/oauth2/token"))
				.header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(tokenFromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> metadata = flow.send(HttpRequest.newBuilder(URI.create(flow.fhirBase() + "/metadata"))
				.header("Origin", "https://any.example"));
		assertThat(metadata.headers().firstValue("Access-Control-Allow-Origin")).as("public: any origin").hasValue("*");
	}

	@Test
	void aDisabledUserCannotSignIn() {
		String leaver = SmartLaunchFlow.unique("leaver");
		assertThat(flow.registerUser(leaver, "employee", "Patient/" + employeePatient).statusCode()).isEqualTo(201);
		assertThat(flow.adminJson("DELETE", "/admin/users/" + leaver, null).statusCode()).isEqualTo(204);

		Outcome outcome = flow.authorize(flow.authorizeParameters(publicApp(), EMPLOYEE_SCOPES, Pkce.create()), leaver, null);

		assertThat(outcome.redirect()).as("stays on the login form").satisfiesAnyOf(
				r -> assertThat(r).isNull(), r -> assertThat(r.toString()).doesNotStartWith(SmartLaunchFlow.REDIRECT_URI));
	}
}
