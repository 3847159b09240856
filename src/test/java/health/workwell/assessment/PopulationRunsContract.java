package health.workwell.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import health.workwell.testsupport.ConformanceAssertions;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Population runs of {@code $risk-assess} and {@code $tier} over an enterprise (with a department) and
 * a Group, through HTTP with the asynchronous request pattern of FHIR Bulk Data (kick-off with
 * {@code Prefer: respond-async} → 202 + Content-Location; polling → 202 + X-Progress, then 200 with the
 * counts; DELETE cancels), and a run resumed after its node stopped.
 */
abstract class PopulationRunsContract {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	/** Run Tasks are the server's own (clients get 405): the tests plant them as a node would leave them. */
	@org.springframework.beans.factory.annotation.Autowired
	ca.uhn.fhir.jpa.api.dao.DaoRegistry daos;

	IGenericClient client;
	IdType enterprise;
	/** The enterprise's five employees (three directly, two in its department), in id order. */
	List<String> employees;
	String outsider;
	/** One employee whose record makes a low tier. */
	String lowRisk;
	final Map<String, String> expectedTier = new TreeMap<>();

	@BeforeEach
	void anEnterpriseWithADepartmentAndAnOutsider() {
		client = FhirClients.client(port);
		enterprise = create(new Organization().setName("Example Manufacturing Co."));
		IdType department = create(new Organization().setName("Press shop").setPartOf(new Reference(enterprise)));
		IdType elsewhere = create(new Organization().setName("Another Co."));
		employees = new ArrayList<>();
		// SBP/DBP, BMI, smoker → composite tier: 120/80 22 no → low; 120/80 26 → medium (overweight); 185/95 → very high
		lowRisk = employee(enterprise, 120, 80, 22, false);
		expectedTier.put(lowRisk, "low");
		expectedTier.put(employee(enterprise, 120, 80, 26, false), "medium");
		expectedTier.put(employee(enterprise, 185, 95, 22, false), "very-high");
		expectedTier.put(employee(department, 118, 76, 21, false), "low");
		expectedTier.put(employee(department, 115, 75, 23, false), "low");
		employees.addAll(expectedTier.keySet());
		outsider = employee(elsewhere, 120, 80, 22, false);
	}

	@Test
	void riskAssessAndTierOverAnEnterpriseAndItsDepartments() throws Exception {
		HttpResponse<String> synchronous = post("Organization/" + enterprise.getIdPart() + "/$risk-assess", false, onDate("2026-06-01"));
		assertThat(synchronous.statusCode()).isEqualTo(400);
		assertThat(parse(synchronous.body(), OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("Prefer: respond-async");

		Parameters assessed = await(kickOff("Organization/" + enterprise.getIdPart() + "/$risk-assess", onDate("2026-06-01")));
		assertThat(integer(assessed, "total")).isEqualTo(5);
		assertThat(integer(assessed, "processed")).isEqualTo(5);
		assertThat(integer(assessed, "failed")).isZero();
		assertThat(parts(assessed, "model")).containsEntry("workwell-composite", 5).containsEntry("framingham-cvd-bmi", 5);
		assertThat(parts(assessed, "tier")).isEqualTo(Map.of("low", 3, "medium", 1, "very-high", 1));
		assertThat(assessments(outsider)).as("not an employee of the enterprise").isEmpty();
		assertThat(assessments(employees.get(3))).as("department employees count").isNotEmpty();

		Parameters tiered = await(kickOff("Organization/" + enterprise.getIdPart() + "/$tier", new Parameters()));
		assertThat(integer(tiered, "processed")).isEqualTo(5);
		assertThat(integer(tiered, "skipped")).isZero();
		assertThat(parts(tiered, "tier")).isEqualTo(Map.of("low", 3, "medium", 1, "very-high", 1));
		for (String employee : employees) {
			assertThat(carePlans(employee)).as("one plan for " + employee).hasSize(1);
		}
		assertThat(carePlans(outsider)).isEmpty();
		// written without validating each again (ProfileEnforcement.SERVER_GENERATED): they conform
		String veryHigh = expectedTier.entrySet().stream().filter(e -> e.getValue().equals("very-high")).findFirst().orElseThrow().getKey();
		assertConforms(carePlans(veryHigh).get(0));
		assertConforms(client.search().forResource(org.hl7.fhir.r4.model.Flag.class)
				.where(org.hl7.fhir.r4.model.Flag.SUBJECT.hasId("Patient/" + veryHigh)).returnBundle(Bundle.class).execute()
				.getEntry().get(0).getResource());
		assertConforms(assessments(veryHigh).get(0));

		Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
		group.addMember().setEntity(new Reference("Patient/" + lowRisk));
		group.addMember().setEntity(new Reference("Patient/" + outsider));
		group.addMember().setEntity(new Reference("Patient/" + employees.stream().filter(e -> !e.equals(lowRisk)).findFirst().orElseThrow()))
				.setInactive(true);
		IdType groupId = create(group);
		Parameters groupRun = await(kickOff("Group/" + groupId.getIdPart() + "/$tier", new Parameters()));
		assertThat(integer(groupRun, "total")).as("inactive members are left out").isEqualTo(2);
		assertThat(integer(groupRun, "skipped")).as("the outsider has no assessment yet").isEqualTo(1);
		assertThat(parts(groupRun, "tier")).isEqualTo(Map.of("low", 1));
		assertThat(carePlans(lowRisk).get(0).getMeta().getVersionId()).as("unchanged plan not rewritten").isEqualTo("1");

		Group nobodyAssessed = new Group().setType(Group.GroupType.PERSON).setActual(true);
		nobodyAssessed.addMember().setEntity(new Reference("Patient/" + outsider));
		Parameters allSkipped = await(kickOff("Group/" + create(nobodyAssessed).getIdPart() + "/$tier", new Parameters()));
		assertThat(integer(allSkipped, "skipped")).isEqualTo(1);
		assertThat(allSkipped.getParameter("tier")).as("no empty parameter (R4 inv-1)").isNull();
	}

	@Test
	void badKickOffsAndUnknownRunsAreRefused() throws Exception {
		assertThat(post("Organization/" + java.util.UUID.randomUUID() + "/$tier", true, new Parameters()).statusCode()).isEqualTo(404);
		Parameters horoscope = new Parameters();
		horoscope.addParameter().setName("model").setValue(new org.hl7.fhir.r4.model.CodeType("horoscope"));
		HttpResponse<String> badModel = post("Organization/" + enterprise.getIdPart() + "/$risk-assess", true, horoscope);
		assertThat(badModel.statusCode()).isEqualTo(400);
		assertThat(badModel.body()).contains("horoscope");
		assertThat(get(statusUrl("no-such-run")).statusCode()).isEqualTo(404);
		assertThat(get(statusUrl(outsider)).statusCode()).as("not a run").isEqualTo(404);
	}

	/**
	 * A run left as a stopped node leaves it (in progress, two patients recorded as done, no report for an
	 * hour) is taken over and resumes after the last patient recorded: those two get no plan from it.
	 */
	@Test
	void aRunWhoseNodeStoppedIsResumedWhereItStopped() throws Exception {
		for (String employee : employees) {
			assertThat(post("Patient/" + employee + "/$risk-assess", false, onDate("2026-06-01")).statusCode()).isEqualTo(200);
		}
		Task stopped = runTask(Task.TaskStatus.INPROGRESS, Date.from(Instant.now().minus(Duration.ofHours(1))));
		stopped.addOutput().setType(new CodeableConcept().setText("total")).setValue(new IntegerType(5));
		stopped.addOutput().setType(new CodeableConcept().setText("processed")).setValue(new IntegerType(2));
		stopped.addOutput().setType(new CodeableConcept().setText("cursor")).setValue(new StringType(employees.get(1)));
		stopped.addOutput().setType(new CodeableConcept().setText("tier:low")).setValue(new IntegerType(2));
		IdType id = serverCreate(stopped);

		Parameters result = await(statusUrl(id.getIdPart()));
		assertThat(integer(result, "processed")).isEqualTo(5);
		Map<String, Integer> expected = new TreeMap<>(Map.of("low", 2));
		employees.subList(2, 5).forEach(e -> expected.merge(expectedTier.get(e), 1, Integer::sum));
		assertThat(parts(result, "tier")).as("2 counted before the stop, the other 3 after it").isEqualTo(expected);
		assertThat(carePlans(employees.get(0))).isEmpty();
		assertThat(carePlans(employees.get(1))).isEmpty();
		for (String employee : employees.subList(2, 5)) {
			assertThat(carePlans(employee)).hasSize(1);
		}
	}

	@Test
	void deleteOnTheStatusUrlCancelsARun() throws Exception {
		// held by a live node (fresh heartbeat), so this node leaves it alone
		IdType id = serverCreate(runTask(Task.TaskStatus.INPROGRESS, new Date()));
		HttpResponse<String> running = get(statusUrl(id.getIdPart()));
		assertThat(running.statusCode()).isEqualTo(202);
		assertThat(running.headers().firstValue("X-Progress")).isPresent();

		HttpResponse<String> cancelled = HTTP.send(TestTokens.authorized(port, statusUrl(id.getIdPart())).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cancelled.statusCode()).isEqualTo(202);
		assertThat(get(statusUrl(id.getIdPart())).statusCode()).isEqualTo(404);
		assertThat(client.read().resource(Task.class).withId(id).execute().getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
	}

	private void assertConforms(org.hl7.fhir.r4.model.Resource resource) {
		ConformanceAssertions.assertConforms(port, resource);
	}

	private IdType serverCreate(Task task) {
		return (IdType) daos.getResourceDao(Task.class).create(task, new ca.uhn.fhir.rest.api.server.SystemRequestDetails()).getId()
				.toUnqualifiedVersionless();
	}

	@Test
	void clientsCannotWriteRunTasks() {
		assertThatThrownBy(() -> create(runTask(Task.TaskStatus.REQUESTED, new Date())))
				.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException.class)
				.hasMessageContaining("cannot be written directly");
	}

	/** A run that cannot go on (here: its focus is no Organization or Group) ends as failed (500 with the reason), not retried for ever. */
	@Test
	void aRunThatCannotGoOnFails() throws Exception {
		Task task = runTask(Task.TaskStatus.REQUESTED, new Date());
		task.setFocus(new Reference("Patient/" + outsider));
		IdType id = serverCreate(task);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		HttpResponse<String> status = get(statusUrl(id.getIdPart()));
		while (status.statusCode() == 202 && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			status = get(statusUrl(id.getIdPart()));
		}
		assertThat(status.statusCode()).as(status.body()).isEqualTo(500);
		assertThat(status.body()).contains("The population run failed", "Patient/" + outsider);
	}

	private Task runTask(Task.TaskStatus status, Date heartbeat) {
		Task task = new Task();
		task.addIdentifier().setSystem("http://workwell.health/fhir/NamingSystem/population-run").setValue(java.util.UUID.randomUUID().toString());
		task.setStatus(status);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setInstantiatesUri("http://workwell.health/fhir/OperationDefinition/tier");
		task.setFocus(new Reference(enterprise));
		task.setAuthoredOn(heartbeat);
		task.setLastModified(heartbeat);
		return task;
	}

	private String employee(IdType organization, double systolic, double diastolic, double bmi, boolean smoker) {
		Patient patient = new Patient();
		patient.setGender(AdministrativeGender.MALE);
		patient.setBirthDateElement(new DateType("1976-03-15"));
		patient.setManagingOrganization(new Reference(organization));
		String id = create(patient).getIdPart();
		Bundle record = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Observation pressure = observation(id, "85354-9", null);
		pressure.addComponent().setCode(loinc("8480-6")).setValue(quantity(systolic, "mm[Hg]"));
		pressure.addComponent().setCode(loinc("8462-4")).setValue(quantity(diastolic, "mm[Hg]"));
		Observation smoking = observation(id, "72166-2", null);
		smoking.setValue(new CodeableConcept(new Coding("http://snomed.info/sct", smoker ? "449868002" : "266919005", null)));
		for (Observation observation : List.of(pressure, observation(id, "39156-5", quantity(bmi, "kg/m2")), smoking)) {
			record.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		}
		client.transaction().withBundle(record).execute();
		return id;
	}

	private static Observation observation(String patient, String code, Quantity value) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(loinc(code));
		observation.setSubject(new Reference("Patient/" + patient));
		observation.setEffective(new DateTimeType("2026-05-20"));
		observation.setValue(value);
		return observation;
	}

	private static CodeableConcept loinc(String code) {
		return new CodeableConcept(new Coding("http://loinc.org", code, null));
	}

	private static Quantity quantity(double value, String unit) {
		return new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit).setUnit(unit);
	}

	private IdType create(org.hl7.fhir.r4.model.Resource resource) {
		return (IdType) client.create().resource(resource).execute().getId().toUnqualifiedVersionless();
	}

	private List<RiskAssessment> assessments(String patient) {
		return client.search().forResource(RiskAssessment.class).where(RiskAssessment.SUBJECT.hasId("Patient/" + patient))
				.returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (RiskAssessment) e.getResource()).toList();
	}

	private List<CarePlan> carePlans(String patient) {
		return client.search().forResource(CarePlan.class).where(CarePlan.SUBJECT.hasId("Patient/" + patient))
				.returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (CarePlan) e.getResource()).toList();
	}

	private static Parameters onDate(String date) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("date").setValue(new DateType(date));
		return parameters;
	}

	private String statusUrl(String jobId) {
		return FhirClients.baseUrl(port) + "/$population-status?_jobId=" + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
	}

	private String kickOff(String path, Parameters parameters) throws Exception {
		HttpResponse<String> accepted = post(path, true, parameters);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return accepted.headers().firstValue("Content-Location").orElseThrow();
	}

	private Parameters await(String statusUrl) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> status = get(statusUrl);
			if (status.statusCode() == 200) {
				return parse(status.body(), Parameters.class);
			}
			assertThat(status.statusCode()).as(status.body()).isEqualTo(202);
			assertThat(status.headers().firstValue("X-Progress")).isPresent();
			Thread.sleep(250);
		}
		throw new AssertionError("the population run did not finish in 2 minutes");
	}

	private HttpResponse<String> post(String path, boolean async, Parameters parameters) throws Exception {
		HttpRequest.Builder request = TestTokens.authorized(port, FhirClients.baseUrl(port) + "/" + path)
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(FhirClients.R4.newJsonParser().encodeResourceToString(parameters)));
		if (async) {
			request.header("Prefer", "respond-async");
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(TestTokens.authorized(port, url).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static <T extends IBaseResource> T parse(String body, Class<T> type) {
		return FhirClients.R4.newJsonParser().parseResource(type, body);
	}

	private static int integer(Parameters parameters, String name) {
		return ((IntegerType) parameters.getParameter(name).getValue()).getValue();
	}

	private static Map<String, Integer> parts(Parameters parameters, String name) {
		Map<String, Integer> parts = new TreeMap<>();
		parameters.getParameter().stream().filter(p -> name.equals(p.getName())).flatMap(p -> p.getPart().stream())
				.forEach(part -> parts.put(part.getName(), ((IntegerType) part.getValue()).getValue()));
		return parts;
	}
}
