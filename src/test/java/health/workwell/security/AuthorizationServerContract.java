package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Attacks on the authorization server and the administration side (issue 15), each over HTTP against the
 * real server: an administrator user's app token on the admin API, another client's Bulk Data export, a
 * stranger spending a client's rate limit, password guessing on the login form, a refresh token replayed
 * after use, a DOCTYPE hidden in UTF-16.
 */
abstract class AuthorizationServerContract {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	PasswordEncoder secrets;

	private String origin() {
		return "http://127.0.0.1:" + port;
	}

	private HttpResponse<String> get(String url, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : origin() + url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return BackendServiceClients.send(request.build());
	}

	private HttpResponse<String> postJson(String path, String token, Map<String, Object> body) {
		return BackendServiceClients.send(HttpRequest.newBuilder(URI.create(origin() + path))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(SmartLaunchFlow.json(body))).build());
	}

	/** The admin API's body registering a backend service. */
	private static Map<String, Object> backendService(String clientId, String scope, String role, RSAKey key) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "backend-service");
		body.put("client_id", clientId);
		body.put("client_name", clientId);
		body.put("scope", scope);
		body.put("role", role);
		body.put("jwks", BackendServiceClients.publicJwks(key.toPublicJWK()));
		return body;
	}

	// ---- 1. the admin API belongs to administration clients ---------------------------------------

	@Test
	void anAdministratorUsersAppTokenCannotUseTheAdminApi() {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		String administrator = SmartLaunchFlow.unique("admin-user");
		assertThat(flow.registerUser(administrator, "admin", null).statusCode()).isEqualTo(201);
		RegisteredClient app = SmartLaunchFlow.publicApp(clients, SmartLaunchFlow.REDIRECT_URI, "openid", "fhirUser", "user/*.rs");
		String appToken = (String) flow.launch(app, "openid fhirUser user/*.rs", administrator, null).get("access_token");

		HttpResponse<String> listClients = get("/admin/clients", appToken);
		assertThat(listClients.statusCode()).as(listClients.body()).isEqualTo(403);
		assertThat(listClients.body()).contains("OperationOutcome").doesNotContain(TestTokens.ADMIN_CLIENT_ID);
		HttpResponse<String> listUsers = get("/admin/users", appToken);
		assertThat(listUsers.statusCode()).isEqualTo(403);
		assertThat(listUsers.body()).doesNotContain(administrator);

		String planted = SmartLaunchFlow.unique("planted");
		HttpResponse<String> createUser = postJson("/admin/users", appToken,
				Map.of("username", planted, "password", SmartLaunchFlow.PASSWORD, "role", "admin"));
		assertThat(createUser.statusCode()).isEqualTo(403);
		Map<String, Object> client = backendService(planted, "system/*.cruds", "admin", BackendServiceClients.rsaKey());
		assertThat(postJson("/admin/clients", appToken, client).statusCode()).isEqualTo(403);

		// nothing was stored, and the bootstrap administrator client still manages both registries
		HttpResponse<String> users = get("/admin/users", TestTokens.admin(port));
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.body()).contains(administrator).doesNotContain(planted);
		assertThat(get("/admin/clients/" + planted, TestTokens.admin(port)).statusCode()).isEqualTo(404);
	}

	@Test
	void aBackendClientRegisteredAsAdministratorMayUseTheAdminApi() {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = SmartLaunchFlow.unique("ops-automation");
		assertThat(BackendServiceClients.register(port, clientId, "system/*.cruds", "admin", key.toPublicJWK()).statusCode()).isEqualTo(201);
		String token = BackendServiceClients.accessToken(BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384), "system/*.cruds"));
		assertThat(get("/admin/clients", token).statusCode()).isEqualTo(200);
	}

	// ---- 2. Bulk Data export files belong to the client that asked --------------------------------

	@Test
	void bulkExportStatusAndFilesAreTheRequestingClientsOnly() throws Exception {
		IGenericClient fhir = FhirClients.client(port);
		String family = "Export" + UUID.randomUUID().toString().substring(0, 8);
		fhir.create().resource(new Patient().addName(new HumanName().setFamily(family))).execute();

		String owner = TestTokens.admin(port);
		HttpResponse<String> kickOff = BackendServiceClients.send(HttpRequest.newBuilder(
						URI.create(origin() + "/fhir/$export?_type=Patient"))
				.header("Authorization", "Bearer " + owner).header("Accept", "application/fhir+json")
				.header("Prefer", "respond-async").GET().build());
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String statusUrl = kickOff.headers().firstValue("Content-Location").orElseThrow();

		String otherAdmin = backendToken("admin", "system/*.cruds");
		String integration = backendToken("integration", "system/*.rs");
		// while running, too: another client learns nothing of the job
		assertThat(get(statusUrl, otherAdmin).statusCode()).isIn(403, 404);

		HttpResponse<String>[] done = new HttpResponse[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
			done[0] = get(statusUrl, owner);
			return done[0].statusCode() == 200;
		});
		List<String> files = new ArrayList<>();
		Matcher urls = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(done[0].body());
		while (urls.find()) {
			files.add(urls.group(1));
		}
		assertThat(files).isNotEmpty();
		assertThat(get(files.get(0), owner).body()).contains(family);

		for (String stranger : List.of(otherAdmin, integration)) {
			HttpResponse<String> poll = get(statusUrl, stranger);
			assertThat(poll.statusCode()).as(poll.body()).isIn(403, 404);
			assertThat(poll.body()).contains("OperationOutcome").doesNotContain("Binary/");
			for (String file : files) {
				HttpResponse<String> read = get(file, stranger);
				assertThat(read.statusCode()).as(file + " " + read.body()).isIn(403, 404);
				assertThat(read.body()).doesNotContain(family);
			}
			HttpResponse<String> search = get("/fhir/Binary", stranger);
			assertThat(search.body()).doesNotContain(family);
		}
		// the job id in a POSTed Parameters body instead of the URL gets no further
		String jobId = statusUrl.substring(statusUrl.indexOf("_jobId=") + "_jobId=".length());
		HttpResponse<String> posted = BackendServiceClients.send(HttpRequest.newBuilder(URI.create(origin() + "/fhir/$export-poll-status"))
				.header("Authorization", "Bearer " + otherAdmin).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"_jobId\","
						+ "\"valueString\":\"" + jobId + "\"}]}")).build());
		assertThat(posted.statusCode()).as(posted.body()).isIn(400, 403, 404);
		assertThat(posted.body()).contains("OperationOutcome").doesNotContain("Binary/");
		// a cancel by another client is refused as well, and the owner still has the files
		HttpResponse<String> cancel = BackendServiceClients.send(HttpRequest.newBuilder(URI.create(statusUrl))
				.header("Authorization", "Bearer " + otherAdmin).DELETE().build());
		assertThat(cancel.statusCode()).isIn(403, 404);
		assertThat(get(statusUrl, owner).statusCode()).isEqualTo(200);
	}

	private String backendToken(String role, String scope) {
		RSAKey key = BackendServiceClients.rsaKey();
		String clientId = SmartLaunchFlow.unique(role + "-client");
		assertThat(BackendServiceClients.register(port, clientId, scope, role, key.toPublicJWK()).statusCode()).isEqualTo(201);
		return BackendServiceClients.accessToken(BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, clientId, key, JWSAlgorithm.RS384), scope));
	}

	// ---- 3. rate limits and the login form ----------------------------------------------------------

	@Test
	void aStrangerNamingAClientCannotSpendItsRateLimit() {
		RSAKey key = BackendServiceClients.rsaKey();
		String vendor = SmartLaunchFlow.unique("vendor");
		Map<String, Object> body = backendService(vendor, "system/Observation.cr", "device-vendor", key);
		body.put("rate_limit_per_minute", 2);
		assertThat(BackendServiceClients.adminPost(port, body).statusCode()).isEqualTo(201);

		String basicWithWrongSecret = "Basic " + java.util.Base64.getEncoder()
				.encodeToString((vendor + ":guess").getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 3; i++) {
			BackendServiceClients.send(HttpRequest.newBuilder(URI.create(BackendServiceClients.tokenEndpoint(port)))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + vendor)).build());
			BackendServiceClients.send(HttpRequest.newBuilder(URI.create(BackendServiceClients.tokenEndpoint(port)))
					.header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basicWithWrongSecret)
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
			// an assertion naming the vendor but signed with someone else's key
			BackendServiceClients.tokenResponse(port,
					BackendServiceClients.assertion(port, vendor, BackendServiceClients.rsaKey(), JWSAlgorithm.RS384), "system/Observation.cr");
		}
		HttpResponse<String> own = BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, vendor, key, JWSAlgorithm.RS384), "system/Observation.cr");
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
	}

	/** A browser posting the login form: where it was sent afterwards. */
	private String signIn(HttpClient browser, String username, String password) throws Exception {
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(origin() + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(origin() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(SmartLaunchFlow.form(Map.of("username", username, "password", password,
						"_csrf", SmartLaunchFlow.hidden(page.body(), "_csrf"))))).build(), HttpResponse.BodyHandlers.ofString());
		return posted.statusCode() + " " + posted.headers().firstValue("Location").orElse("");
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Test
	void repeatedFailedSignInsLockTheUsernameAndAreAudited() throws Exception {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		String victim = SmartLaunchFlow.unique("victim");
		String bystander = SmartLaunchFlow.unique("bystander");
		assertThat(flow.registerUser(victim, "hr", null).statusCode()).isEqualTo(201);
		assertThat(flow.registerUser(bystander, "hr", null).statusCode()).isEqualTo(201);
		assertThat(signIn(browser(), bystander, SmartLaunchFlow.PASSWORD)).doesNotContain("error");

		for (int i = 0; i < 5; i++) {
			assertThat(signIn(browser(), victim, "wrong password " + i)).contains("/login?error");
		}
		// the right password no longer helps while the username is locked
		String locked = signIn(browser(), victim, SmartLaunchFlow.PASSWORD);
		assertThat(locked).contains("/login?error");
		// others are not locked out
		assertThat(signIn(browser(), bystander, SmartLaunchFlow.PASSWORD)).doesNotContain("error");

		HttpResponse<String> audit = get("/fhir/AuditEvent?entity-name=/login&_count=200", TestTokens.admin(port));
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains(victim).contains("locked");
	}

	// ---- 4. smaller ones ------------------------------------------------------------------------------

	@Test
	void aRefreshTokenIsRotatedAndTheOldOneRefused() {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		IGenericClient fhir = FhirClients.client(port);
		String patient = fhir.create().resource(new Patient().addName(new HumanName().setFamily("Refresh"))).execute()
				.getId().getIdPart();
		String employee = SmartLaunchFlow.unique("employee");
		assertThat(flow.registerUser(employee, "employee", "Patient/" + patient).statusCode()).isEqualTo(201);
		RegisteredClient app = SmartLaunchFlow.confidentialApp(clients, secrets, "openid", "fhirUser", "launch/patient",
				"patient/*.rs", "offline_access");
		String first = (String) flow.launch(app, "launch/patient openid fhirUser patient/*.rs offline_access", employee, null)
				.get("refresh_token");

		HttpResponse<String> refreshed = flow.token(Map.of("grant_type", "refresh_token", "refresh_token", first), app);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		String second = (String) SmartLaunchFlow.parse(refreshed.body()).get("refresh_token");
		assertThat(second).isNotBlank().isNotEqualTo(first);

		HttpResponse<String> replayed = flow.token(Map.of("grant_type", "refresh_token", "refresh_token", first), app);
		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(replayed.body()).contains("invalid_grant").doesNotContain("access_token");
		assertThat(flow.token(Map.of("grant_type", "refresh_token", "refresh_token", second), app).statusCode()).isEqualTo(200);
	}

	@Test
	void populationCountsOverASmallGroupAreSuppressedForIntegration() {
		IGenericClient fhir = FhirClients.client(port);
		org.hl7.fhir.r4.model.Group group = new org.hl7.fhir.r4.model.Group()
				.setType(org.hl7.fhir.r4.model.Group.GroupType.PERSON).setActual(true);
		for (String family : List.of("Small", "Cell")) {
			group.addMember().setEntity(new org.hl7.fhir.r4.model.Reference(
					fhir.create().resource(new Patient().addName(new HumanName().setFamily(family))).execute().getId().toUnqualifiedVersionless()));
		}
		String groupId = fhir.create().resource(group).execute().getId().getIdPart();
		String integration = backendToken("integration", "system/*.cruds");

		HttpResponse<String> kickOff = BackendServiceClients.send(HttpRequest.newBuilder(
						URI.create(origin() + "/fhir/Group/" + groupId + "/$tier"))
				.header("Authorization", "Bearer " + integration).header("Content-Type", "application/fhir+json")
				.header("Prefer", "respond-async")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")).build());
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String statusUrl = kickOff.headers().firstValue("Content-Location").orElseThrow();
		HttpResponse<String>[] done = new HttpResponse[1];
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			done[0] = get(statusUrl, integration);
			return done[0].statusCode() == 200;
		});
		assertThat(done[0].body()).contains("\"suppressed\"").doesNotContain("\"total\"", "\"skipped\"", "\"tier\"");
		// the administrator treats patients and sees the counts
		assertThat(get(statusUrl, TestTokens.admin(port)).body()).contains("\"total\"").doesNotContain("\"suppressed\"");
	}

	@Test
	void aDoctypeInUtf16OrUtf32XmlIsRefused() {
		for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
				Charset.forName("UTF-32"))) {
			String family = "Doctype" + UUID.randomUUID().toString().substring(0, 8);
			String xml = "<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>"
					+ "<!DOCTYPE Patient [<!ENTITY name \"" + family + "\">]>"
					+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + family + "\"/></name></Patient>";
			byte[] body = xml.getBytes(charset);
			for (String contentType : List.of("application/fhir+xml; charset=" + charset.name(), "application/fhir+xml")) {
				HttpResponse<String> created = BackendServiceClients.send(HttpRequest.newBuilder(URI.create(origin() + "/fhir/Patient"))
						.header("Authorization", "Bearer " + TestTokens.admin(port)).header("Content-Type", contentType)
						.header("Accept", "application/fhir+json")
						.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
				assertThat(created.statusCode()).as(charset + " " + contentType + ": " + created.body()).isEqualTo(400);
				assertThat(created.body()).contains("OperationOutcome");
			}
			assertThat(get("/fhir/Patient?family=" + family, TestTokens.admin(port)).body()).doesNotContain("\"entry\"");
		}
	}
}
