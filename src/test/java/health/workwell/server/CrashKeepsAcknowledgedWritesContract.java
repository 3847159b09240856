package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.ServerProcess;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write survives a crash: clients post readings (conditional creates, as device gateways do)
 * and two-reading transactions to a server process; the process is killed with SIGKILL mid-load and started
 * again on the same data directory and database. Every reading answered 2xx is there exactly once, and every
 * transaction is there whole or not at all. Subclasses choose the database.
 */
abstract class CrashKeepsAcknowledgedWritesContract {

	private static final String READING_SYSTEM = "http://workwell.health/fhir/sid/crash-test-reading";
	private static final int WRITERS = 4;
	private static final Duration LOAD = Duration.ofSeconds(15);
	private static final IParser JSON = FhirClients.R4.newJsonParser();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the server log
	Path dataDir;

	/** Arguments that put the server processes on the database under test (the same for both starts). */
	abstract String[] databaseArguments();

	@Test
	void everyWriteAnsweredBeforeASigkillIsThereExactlyOnceAfterTheRestart() throws Exception {
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Map<String, List<String>> transactionsSent = new ConcurrentHashMap<>();
		String patient;
		try (ServerProcess server = ServerProcess.start(dataDir, databaseArguments())) {
			patient = createPatient(server.port());
			ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
			Instant until = Instant.now().plus(LOAD);
			for (int w = 0; w < WRITERS; w++) {
				writers.submit(() -> write(server.port(), patient, until, acknowledged, transactionsSent));
			}
			// killed while the writers are still sending: some requests are in flight
			Thread.sleep(LOAD.minusSeconds(2).toMillis());
			server.kill();
			writers.shutdown();
			assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		}
		assertThat(acknowledged).as("readings acknowledged before the kill").hasSizeGreaterThan(50);

		try (ServerProcess restarted = ServerProcess.start(dataDir, databaseArguments())) {
			Map<String, Integer> stored = storedReadings(restarted.port(), patient);
			List<String> lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).sorted().toList();
			assertThat(lost).as("acknowledged readings missing after the restart (of %d)", acknowledged.size()).isEmpty();
			assertThat(stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
					.as("readings stored more than once").isEmpty();
			System.out.printf("Crash test: %d writes acknowledged before SIGKILL, %d stored after the restart, none lost%n",
					acknowledged.size(), stored.size());
			for (List<String> transaction : transactionsSent.values()) {
				long present = transaction.stream().filter(stored::containsKey).count();
				assertThat(present).as("entries of transaction %s present", transaction).isIn(0L, (long) transaction.size());
			}
		}
	}

	private static void write(int port, String patient, Instant until, Set<String> acknowledged,
			Map<String, List<String>> transactionsSent) {
		int n = 0;
		while (Instant.now().isBefore(until)) {
			try {
				if (++n % 4 == 0) {
					String first = UUID.randomUUID().toString();
					String second = UUID.randomUUID().toString();
					transactionsSent.put(first, List.of(first, second));
					if (post(port, "", transaction(patient, first, second), null) == 200) {
						acknowledged.add(first);
						acknowledged.add(second);
					}
				} else {
					String id = UUID.randomUUID().toString();
					int status = post(port, "/Observation", JSON.encodeResourceToString(reading(patient, id)),
							"identifier=" + READING_SYSTEM + "|" + id);
					if (status == 201 || status == 200) {
						acknowledged.add(id);
					}
				}
			} catch (Exception e) {
				return; // the server is gone
			}
		}
	}

	private static int post(int port, String path, String body, String ifNoneExist) throws Exception {
		HttpRequest.Builder request = TestTokens.authorized(port, FhirClients.baseUrl(port) + path)
				.header("Content-Type", "application/fhir+json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (ifNoneExist != null) {
			request.header("If-None-Exist", ifNoneExist);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String transaction(String patient, String first, String second) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (String id : List.of(first, second)) {
			bundle.addEntry().setResource(reading(patient, id)).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation")
					.setIfNoneExist("identifier=" + READING_SYSTEM + "|" + id);
		}
		return JSON.encodeResourceToString(bundle);
	}

	private static Observation reading(String patient, String id) {
		Observation reading = new Observation();
		reading.addIdentifier(new Identifier().setSystem(READING_SYSTEM).setValue(id));
		reading.setStatus(Observation.ObservationStatus.FINAL);
		reading.addCategory(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
		reading.setCode(new CodeableConcept(new Coding("http://loinc.org", "29463-7", "Body weight")));
		reading.setSubject(new Reference(patient));
		reading.setEffective(DateTimeType.now());
		reading.setValue(new Quantity().setValue(70.5).setUnit("kg").setSystem("http://unitsofmeasure.org").setCode("kg"));
		return reading;
	}

	private static String createPatient(int port) throws Exception {
		Patient patient = new Patient();
		patient.addName(new HumanName().setFamily("Crash").addGiven("Test"));
		HttpResponse<String> created = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Patient")
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.encodeResourceToString(patient))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return "Patient/" + JSON.parseResource(Patient.class, created.body()).getIdElement().getIdPart();
	}

	/** Each stored reading identifier of the patient, with how often it is stored. */
	private static Map<String, Integer> storedReadings(int port, String patient) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		String next = FhirClients.baseUrl(port) + "/Observation?subject=" + URLEncoder.encode(patient, StandardCharsets.UTF_8)
				+ "&_elements=identifier&_count=500";
		while (next != null) {
			HttpResponse<String> answer = HTTP.send(TestTokens.authorized(port, next).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			Bundle page = JSON.parseResource(Bundle.class, answer.body());
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				for (Identifier identifier : ((Observation) entry.getResource()).getIdentifier()) {
					if (READING_SYSTEM.equals(identifier.getSystem())) {
						counts.merge(identifier.getValue(), 1, Integer::sum);
					}
				}
			}
			next = page.getLink(Bundle.LINK_NEXT) == null ? null : page.getLink(Bundle.LINK_NEXT).getUrl();
		}
		return counts;
	}
}
