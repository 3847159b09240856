package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import health.workwell.testsupport.CuttableTcpProxy;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.ServerProcess;
import health.workwell.testsupport.TestPostgres;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for 20 s under load (a proxy between the server and PostgreSQL closes every connection
 * and refuses new ones, as a stopped server does): clients get 503 with an OperationOutcome and
 * {@code Retry-After}, never a 500 or a 401, no answer takes longer than a bounded time, readiness reports DOWN;
 * once the database is back the server recovers by itself, and every write it acknowledged is stored.
 */
class PostgresOutageIT {

	private static final String READING_SYSTEM = "http://workwell.health/fhir/sid/outage-test-reading";
	private static final Duration OUTAGE = Duration.ofSeconds(20);
	/** Longest any answer may take: the pool's connection timeout (10 s) with room for a loaded machine. */
	private static final Duration BOUNDED = Duration.ofSeconds(30);
	private static final IParser JSON = FhirClients.R4.newJsonParser();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the server log
	Path dataDir;

	record Answer(Instant at, int status, String retryAfter, String body, Duration took) {}

	@Test
	void aDatabaseOutageIsAnswered503AndTheServerRecoversByItself() throws Exception {
		String database = TestPostgres.newDatabase();
		Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(database);
		assertThat(hostPort.find()).as(database).isTrue();
		try (CuttableTcpProxy proxy = new CuttableTcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
				ServerProcess server = ServerProcess.start(dataDir, "--spring.profiles.active=postgres",
						"--spring.datasource.url=" + hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
						"--spring.datasource.username=", "--spring.datasource.password=")) {
			int port = server.port();
			TestTokens.admin(port);
			List<Answer> answers = new CopyOnWriteArrayList<>();
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int c = 0; c < 4; c++) {
				clients.submit(() -> {
					while (running.get()) {
						answers.add(postReading(port, acknowledged));
					}
					return null;
				});
			}
			Thread.sleep(5_000);
			Instant cutAt = Instant.now();
			proxy.cut();
			Awaitility.await("readiness DOWN while the database is away").atMost(BOUNDED)
					.until(() -> readinessStatus(port) == 503);
			Thread.sleep(OUTAGE.toMillis() - Duration.between(cutAt, Instant.now()).toMillis());
			Instant restoredAt = Instant.now();
			proxy.restore();
			Awaitility.await("readiness UP once the database is back").atMost(Duration.ofSeconds(60))
					.until(() -> readinessStatus(port) == 200);
			Awaitility.await("writes succeed again").atMost(Duration.ofSeconds(60))
					.until(() -> answers.stream().anyMatch(a -> a.at().isAfter(restoredAt) && a.status() == 201));
			running.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

			Map<Integer, Long> byStatus = answers.stream().collect(
					java.util.stream.Collectors.groupingBy(Answer::status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
			System.out.println("Outage test: answers by status " + byStatus + ", acknowledged " + acknowledged.size());
			assertThat(byStatus.keySet()).as("statuses seen: %s; the others: %s", byStatus, answers.stream()
					.filter(a -> a.status() != 201 && a.status() != 503).map(Answer::body).toList()).containsOnly(201, 503);
			assertThat(byStatus.get(503)).as("refusals while the database was away").isPositive();
			for (Answer answer : answers) {
				assertThat(answer.took()).as("time to answer").isLessThan(BOUNDED);
				if (answer.status() == 503) {
					assertThat(answer.retryAfter()).as("Retry-After").isNotNull();
					assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"");
				}
			}
			for (String id : acknowledged) {
				HttpResponse<String> found = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port)
						+ "/Observation?identifier=" + READING_SYSTEM + "%7C" + id + "&_summary=count").build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(found.body()).as("acknowledged reading " + id).contains("\"total\":1");
			}
		}
	}

	private static Answer postReading(int port, Set<String> acknowledged) {
		String id = UUID.randomUUID().toString();
		Instant start = Instant.now();
		try {
			HttpResponse<String> response = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/Observation")
					.header("Content-Type", "application/fhir+json")
					.header("If-None-Exist", "identifier=" + READING_SYSTEM + "|" + id)
					.timeout(BOUNDED.plusSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(JSON.encodeResourceToString(reading(id)))).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 201) {
				acknowledged.add(id);
			}
			return new Answer(start, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
					response.body(), Duration.between(start, Instant.now()));
		} catch (HttpTimeoutException e) {
			return new Answer(start, -1, null, "timed out", Duration.between(start, Instant.now()));
		} catch (Exception e) {
			return new Answer(start, -2, null, e.toString(), Duration.between(start, Instant.now()));
		}
	}

	private static int readinessStatus(int port) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (Exception e) {
			return -1;
		}
	}

	private static Observation reading(String id) {
		Observation reading = new Observation();
		reading.addIdentifier(new Identifier().setSystem(READING_SYSTEM).setValue(id));
		reading.setStatus(Observation.ObservationStatus.FINAL);
		reading.setCode(new CodeableConcept(new Coding("http://loinc.org", "29463-7", "Body weight")));
		reading.setEffective(DateTimeType.now());
		reading.setValue(new Quantity().setValue(70.5).setUnit("kg").setSystem("http://unitsofmeasure.org").setCode("kg"));
		return reading;
	}
}
