package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.sun.net.httpserver.HttpServer;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A real SMART app in a real browser: the official npm {@code fhirclient} does a standalone launch with PKCE
 * in headless Debian chromium driven by {@code playwright-core} (src/test/browser). The app is served from
 * another origin (127.0.0.1, another port), so discovery, the token exchange and the FHIR calls also go
 * through CORS. Needs {@code /usr/bin/chromium}, node and {@code npm ci} in src/test/browser
 * ({@code .ci/install-browser-test-deps.sh}); without them it fails on CI (CI=true) and is skipped locally.
 */
@H2Server
class FhirclientBrowserLaunchIT {

	static final Path BROWSER_TEST = Path.of("src/test/browser");
	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	HttpServer appServer;

	@BeforeEach
	void needsTheBrowserAndTheClientLibrary() {
		String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (apt-get install chromium)"
				: !Files.isDirectory(BROWSER_TEST.resolve("node_modules/fhirclient")) || !Files.isDirectory(BROWSER_TEST.resolve("node_modules/playwright-core"))
						? "src/test/browser/node_modules (npm ci in src/test/browser)"
						: null;
		if (missing != null) {
			String message = "The fhirclient browser test needs " + missing + "; .ci/install-browser-test-deps.sh installs it";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
	}

	@AfterEach
	void stopTheApp() {
		if (appServer != null) {
			appServer.stop(0);
		}
	}

	/** Serves the app's pages and fhirclient's browser bundle, as the app's own web server would. */
	private int serveTheApp() throws IOException {
		Map<String, Path> files = Map.of(
				"/launch.html", BROWSER_TEST.resolve("app/launch.html"),
				"/index.html", BROWSER_TEST.resolve("app/index.html"),
				"/fhir-client.js", BROWSER_TEST.resolve("node_modules/fhirclient/build/fhir-client.js"));
		appServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		appServer.createContext("/", exchange -> {
			Path file = files.get(exchange.getRequestURI().getPath());
			if (file == null) {
				exchange.sendResponseHeaders(404, -1);
			} else {
				byte[] body = Files.readAllBytes(file);
				exchange.getResponseHeaders().set("Content-Type",
						file.toString().endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		appServer.start();
		return appServer.getAddress().getPort();
	}

	@Test
	void fhirclientLaunchesStandaloneAndShowsTheEmployeesOwnRecord() throws Exception {
		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		IGenericClient fhir = FhirClients.client(port);
		String patient = SmartStandaloneLaunchIT.createPatient(fhir, "Zhao", "Min");
		String otherPatient = SmartStandaloneLaunchIT.createPatient(fhir, "Qian", "Lei");
		for (String[] reading : new String[][] {{patient, "8867-4"}, {patient, "29463-7"}, {otherPatient, "2339-0"}}) {
			Observation observation = new Observation();
			observation.setStatus(Observation.ObservationStatus.FINAL);
			observation.getCode().addCoding().setSystem("http://loinc.org").setCode(reading[1]);
			observation.setSubject(new Reference("Patient/" + reading[0]));
			fhir.create().resource(observation).execute();
		}
		String employee = SmartLaunchFlow.unique("employee");
		assertThat(flow.registerUser(employee, "employee", "Patient/" + patient).statusCode()).isEqualTo(201);
		int appPort = serveTheApp();
		RegisteredClient app = SmartLaunchFlow.publicApp(clients, "http://127.0.0.1:" + appPort + "/index.html",
				"launch/patient", "openid", "fhirUser", "patient/*.rs");
		String launchUrl = "http://127.0.0.1:" + appPort + "/launch.html?iss=" + flow.fhirBase() + "&client_id=" + app.getClientId();
		Path profile = Files.createTempDirectory("workwell-chromium-");

		Process driver = new ProcessBuilder("node", "drive-launch.mjs", launchUrl, employee, SmartLaunchFlow.PASSWORD,
				profile.toString()).directory(BROWSER_TEST.toFile()).redirectErrorStream(false).start();
		try {
			if (!driver.waitFor(180, TimeUnit.SECONDS)) {
				driver.destroyForcibly();
				fail("The browser did not finish within 3 minutes");
			}
		} finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
		String stdout = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		String stderr = new String(driver.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(driver.exitValue()).as(stdout + "\n" + stderr).isZero();
		Map<String, Object> page = SmartLaunchFlow.parse(stdout.substring(stdout.lastIndexOf('\n') + 1));

		assertThat(page.get("error")).as(stdout).isEqualTo("");
		assertThat(page).containsEntry("patientId", patient).containsEntry("patientName", "Min Zhao")
				.containsEntry("fhirUser", "Patient/" + patient).containsEntry("refreshToken", "no");
		@SuppressWarnings("unchecked")
		List<String> observations = (List<String>) page.get("observations");
		assertThat(observations).containsExactlyInAnyOrder("8867-4", "29463-7");
		@SuppressWarnings("unchecked")
		List<String> steps = (List<String>) page.get("steps");
		assertThat(steps).as("the browser went through the server's login form").contains("/login");
	}
}
