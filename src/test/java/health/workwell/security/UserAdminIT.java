package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The user registry's administration API: register, list, disable; only administrators; clear 400s. */
@H2Server
class UserAdminIT {

	@LocalServerPort
	int port;

	private HttpResponse<String> post(Object body, String token) {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(flow.origin() + "/admin/users"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : SmartLaunchFlow.json(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return flow.send(request);
	}

	@Test
	void anAdministratorRegistersListsAndDisablesUsers() {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		String username = SmartLaunchFlow.unique("nurse");

		HttpResponse<String> created = flow.registerUser(username, "clinician", "Practitioner/p-1");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(SmartLaunchFlow.parse(created.body())).containsEntry("username", username).containsEntry("role", "clinician")
				.containsEntry("fhirUser", "Practitioner/p-1").containsEntry("enabled", true).doesNotContainKey("password");
		HttpResponse<String> listed = flow.adminJson("GET", "/admin/users", null);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("\"username\":\"" + username + "\"").doesNotContain("password").doesNotContain("{bcrypt}");
		assertThat(flow.registerUser(username, "clinician", "Practitioner/p-1").statusCode()).isEqualTo(409);

		assertThat(flow.adminJson("DELETE", "/admin/users/" + username, null).statusCode()).isEqualTo(204);
		assertThat(flow.adminJson("GET", "/admin/users", null).body()).contains(
				"{\"username\":\"" + username + "\",\"role\":\"clinician\",\"fhirUser\":\"Practitioner/p-1\",\"enabled\":false}");
		assertThat(flow.adminJson("DELETE", "/admin/users/no-such-user", null).statusCode()).isEqualTo(404);
	}

	@Test
	void badInputGetsAClearBadRequest() {
		String admin = TestTokens.admin(port);
		Map<Object, String> cases = Map.of(
				Map.of("password", SmartLaunchFlow.PASSWORD, "role", "employee", "fhirUser", "Patient/1"), "username",
				Map.of("username", "u1", "password", "short", "role", "employee", "fhirUser", "Patient/1"), "password",
				Map.of("username", "u2", "password", SmartLaunchFlow.PASSWORD, "role", "boss", "fhirUser", "Patient/1"), "role",
				Map.of("username", "u3", "password", SmartLaunchFlow.PASSWORD, "role", "employee"), "fhirUser",
				Map.of("username", "u4", "password", SmartLaunchFlow.PASSWORD, "role", "employee", "fhirUser", "Practitioner/1"), "fhirUser",
				Map.of("username", "bad name!", "password", SmartLaunchFlow.PASSWORD, "role", "hr"), "username",
				"{not json", "JSON object");
		cases.forEach((body, mentioned) -> {
			HttpResponse<String> response = post(body, admin);
			assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
			assertThat(response.body()).contains(mentioned);
		});
	}

	@Test
	void onlyAnAdministratorMayManageUsers() {
		Map<String, Object> user = Map.of("username", SmartLaunchFlow.unique("x"), "password", SmartLaunchFlow.PASSWORD, "role", "hr");

		assertThat(post(user, null).statusCode()).isEqualTo(401);
		String patientToken = TestTokens.signed(port, "patient/*.cruds", "1");
		assertThat(post(user, patientToken).statusCode()).isEqualTo(403);
		// a user's token with role admin (what an administrator signed in to an app hands that app) is not enough
		String adminRoleToken = signedWithRole(port, "admin");
		assertThat(post(user, adminRoleToken).statusCode()).isEqualTo(403);
		assertThat(post(user, TestTokens.admin(port)).statusCode()).isEqualTo(201);
		assertThat(post(Map.of("username", SmartLaunchFlow.unique("y"), "password", SmartLaunchFlow.PASSWORD, "role", "hr"),
				signedWithRole(port, "clinician")).statusCode()).isEqualTo(403);
	}

	/** A token of this server with the given workwell_role claim (as another part of the server issues them). */
	static String signedWithRole(int port, String role) {
		try {
			String origin = "http://127.0.0.1:" + port;
			com.nimbusds.jose.jwk.RSAKey key = com.nimbusds.jose.jwk.JWK.parse(java.nio.file.Files.readString(
					java.nio.file.Path.of("target/it-data/keys/token-signing-key.json"))).toRSAKey();
			com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
					new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(origin).audience(origin + "/fhir").subject("someone")
							.claim("scope", "user/*.rs").claim("workwell_role", role)
							.expirationTime(new java.util.Date(System.currentTimeMillis() + 120_000)).build());
			token.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
			return token.serialize();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
