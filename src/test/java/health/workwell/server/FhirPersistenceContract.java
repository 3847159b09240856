package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What any WorkWell storage backend must do, exercised over HTTP against the real server. Subclasses
 * pick the database (H2 and PostgreSQL). Every test makes its own data, tagged with a fresh marker,
 * so tests don't see each other's resources.
 */
abstract class FhirPersistenceContract {

	private static final String MARKER_SYSTEM = "urn:workwell:test-marker";
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	IGenericClient client;
	String marker;

	@BeforeEach
	void connect() {
		client = FhirClients.client(port);
		marker = UUID.randomUUID().toString();
	}

	private Patient newPatient(String family) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(MARKER_SYSTEM).setValue(marker + "-" + family);
		patient.addName().setFamily(family).addGiven("Test");
		patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
		return patient;
	}

	private IdType create(org.hl7.fhir.r4.model.Resource resource) {
		return (IdType) client.create().resource(resource).execute().getId().toUnqualifiedVersionless();
	}

	private Observation heartRate(IdType patient, String when, double value) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		observation.setSubject(new Reference(patient));
		observation.setEffective(new DateTimeType(when));
		observation.setValue(new Quantity().setValue(value).setUnit("/min").setSystem("http://unitsofmeasure.org").setCode("/min"));
		return observation;
	}

	@Test
	void createReadVreadUpdatePatchDeleteAndHistory() {
		IdType id = create(newPatient("Crud"));
		assertThat(id.getIdPart()).as("server-assigned ids are UUIDs, not sequence numbers")
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

		Patient read = client.read().resource(Patient.class).withId(id).execute();
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Crud");
		assertThat(read.getMeta().getVersionId()).isEqualTo("1");

		read.getNameFirstRep().setFamily("Updated");
		MethodOutcome updated = client.update().resource(read).execute();
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

		Patient version1 = client.read().resource(Patient.class).withId(id.withVersion("1")).execute();
		assertThat(version1.getNameFirstRep().getFamily()).isEqualTo("Crud");

		String patch = "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]";
		client.patch().withBody(patch).withId(id).execute();
		Patient patched = client.read().resource(Patient.class).withId(id).execute();
		assertThat(patched.getGender().toCode()).isEqualTo("male");
		assertThat(patched.getMeta().getVersionId()).isEqualTo("3");

		Bundle history = client.history().onInstance(id).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(3);

		client.delete().resourceById(id).execute();
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId(id).execute())
				.isInstanceOf(ResourceGoneException.class);
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId(UUID.randomUUID().toString()).execute())
				.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void staleIfMatchIsPreconditionFailedAndChangesNothing() {
		IdType id = create(newPatient("Versioned"));
		Patient current = client.read().resource(Patient.class).withId(id).execute();
		current.getNameFirstRep().setFamily("Second");
		client.update().resource(current).withId(id.withVersion("1")).execute();

		current.getNameFirstRep().setFamily("LostUpdate");
		// HAPI's client sends If-Match from the resource's version id: 1 is stale now (current is 2).
		current.setId(id.withVersion("1"));
		assertThatThrownBy(() -> client.update().resource(current).execute())
				.isInstanceOf(PreconditionFailedException.class)
				.hasMessageContaining("412");
		Patient after = client.read().resource(Patient.class).withId(id).execute();
		assertThat(after.getNameFirstRep().getFamily()).isEqualTo("Second");
		assertThat(after.getMeta().getVersionId()).isEqualTo("2");
	}

	@Test
	void transactionThatFailsHalfwayLeavesNothingBehind() {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = newPatient("Atomic");
		transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Observation observation = heartRate(new IdType("Patient", "does-not-exist-" + marker), "2026-01-01T10:00:00Z", 70);
		transaction.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
				.hasMessageMatching("(?s).*HTTP 4\\d\\d.*");
		Bundle found = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode(MARKER_SYSTEM, marker + "-Atomic"))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getTotal()).as("the Patient of the failed transaction").isZero();
	}

	@Test
	void transactionCommitsAllEntriesWithInternalReferences() {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String patientUrl = "urn:uuid:" + UUID.randomUUID();
		transaction.addEntry().setFullUrl(patientUrl).setResource(newPatient("Tx"))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Observation observation = heartRate(new IdType("Patient", "x"), "2026-01-01T10:00:00Z", 70);
		observation.setSubject(new Reference(patientUrl));
		transaction.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		Bundle response = client.transaction().withBundle(transaction).execute();
		assertThat(response.getEntry()).hasSize(2)
				.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
		String patientId = new IdType(response.getEntry().get(0).getResponse().getLocation()).toUnqualifiedVersionless().getValue();
		Observation stored = client.read().resource(Observation.class)
				.withUrl(response.getEntry().get(1).getResponse().getLocation()).execute();
		assertThat(stored.getSubject().getReference()).isEqualTo(patientId);
	}

	@Test
	void conditionalCreateReturnsTheExistingResource() {
		Patient patient = newPatient("Conditional");
		String condition = "Patient?identifier=" + MARKER_SYSTEM + "|" + marker + "-Conditional";
		MethodOutcome first = client.create().resource(patient).conditionalByUrl(condition).execute();
		MethodOutcome second = client.create().resource(patient).conditionalByUrl(condition).execute();
		assertThat(first.getCreated()).isTrue();
		assertThat(second.getCreated()).as("second conditional create").isNotEqualTo(Boolean.TRUE);
		assertThat(second.getId().toUnqualifiedVersionless().getValue())
				.isEqualTo(first.getId().toUnqualifiedVersionless().getValue());
	}

	@Test
	void searchPagesAndIncludes() {
		Organization employer = new Organization().setName("Employer " + marker);
		IdType employerId = create(employer);
		for (int i = 0; i < 7; i++) {
			Patient patient = newPatient("Paged" + i);
			patient.getIdentifierFirstRep().setValue(marker);
			patient.setManagingOrganization(new Reference(employerId));
			create(patient);
		}
		TokenClientParam identifier = new TokenClientParam("identifier");
		Bundle page1 = client.search().forResource(Patient.class)
				.where(identifier.exactly().systemAndCode(MARKER_SYSTEM, marker))
				.include(Patient.INCLUDE_ORGANIZATION)
				.count(3)
				.returnBundle(Bundle.class).execute();
		assertThat(page1.getTotal()).isEqualTo(7);
		assertThat(page1.getEntry()).filteredOn(e -> e.getResource() instanceof Patient).hasSize(3);
		assertThat(page1.getEntry()).filteredOn(e -> e.getResource() instanceof Organization)
				.singleElement()
				.satisfies(e -> assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE));

		int patients = 0;
		Bundle page = page1;
		int pages = 0;
		while (page != null) {
			patients += (int) page.getEntry().stream().filter(e -> e.getResource() instanceof Patient).count();
			pages++;
			page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
		}
		assertThat(pages).isEqualTo(3);
		assertThat(patients).isEqualTo(7);

		Bundle withEmployees = client.search().forResource(Organization.class)
				.where(Organization.RES_ID.exactly().code(employerId.getIdPart()))
				.revInclude(Patient.INCLUDE_ORGANIZATION)
				.count(50)
				.returnBundle(Bundle.class).execute();
		assertThat(withEmployees.getEntry()).filteredOn(e -> e.getResource() instanceof Patient).hasSize(7);
	}

	@Test
	void conditionalUpdateCreatesThenUpdatesTheMatch() {
		String condition = "Patient?identifier=" + MARKER_SYSTEM + "|" + marker + "-CondUpdate";
		MethodOutcome created = client.update().resource(newPatient("CondUpdate")).conditionalByUrl(condition).execute();
		assertThat(created.getCreated()).isTrue();
		Patient changed = newPatient("CondUpdate");
		changed.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-05-17"));
		MethodOutcome updated = client.update().resource(changed).conditionalByUrl(condition).execute();
		assertThat(updated.getId().toUnqualifiedVersionless().getValue())
				.isEqualTo(created.getId().toUnqualifiedVersionless().getValue());
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
	}

	@Test
	void validateOperationReportsErrors() {
		Observation noStatus = heartRate(new IdType("Patient", "x"), "2026-01-01T10:00:00Z", 70);
		noStatus.setStatus(null);
		MethodOutcome outcome = client.validate().resource(noStatus).execute();
		org.hl7.fhir.r4.model.OperationOutcome issues = (org.hl7.fhir.r4.model.OperationOutcome) outcome.getOperationOutcome();
		assertThat(issues.getIssue())
				.anySatisfy(issue -> {
					assertThat(issue.getSeverity()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR);
					assertThat(issue.getDiagnostics()).contains("Observation.status");
				});
	}

	@Test
	void searchSeesWhatWasJustWritten() {
		TokenClientParam identifier = new TokenClientParam("identifier");
		Bundle before = client.search().forResource(Patient.class)
				.where(identifier.exactly().systemAndCode(MARKER_SYSTEM, marker + "-Fresh"))
				.returnBundle(Bundle.class).execute();
		assertThat(before.getTotal()).isZero();
		create(newPatient("Fresh"));
		Bundle after = client.search().forResource(Patient.class)
				.where(identifier.exactly().systemAndCode(MARKER_SYSTEM, marker + "-Fresh"))
				.returnBundle(Bundle.class).execute();
		assertThat(after.getTotal()).as("the identical search, right after the write").isEqualTo(1);
	}

	@Test
	void fullTextSearchOnContent() {
		String word = "zq" + marker.substring(0, 8).replaceAll("[^a-z]", "x");
		Patient patient = newPatient(word);
		IdType id = create(patient);
		Bundle found = client.search().forResource(Patient.class)
				.where(new ca.uhn.fhir.rest.gclient.StringClientParam("_content").matches().value(word))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id.getIdPart());
	}

	@Test
	void patientEverythingReturnsTheCompartment() {
		IdType patient = create(newPatient("Everything"));
		IdType observation = create(heartRate(patient, "2026-02-01T08:00:00Z", 64));
		Encounter encounter = new Encounter();
		encounter.setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
		encounter.setSubject(new Reference(patient));
		IdType encounterId = create(encounter);
		IdType otherPatient = create(newPatient("Other"));
		create(heartRate(otherPatient, "2026-02-01T08:00:00Z", 99));

		Parameters out = client.operation().onInstance(patient).named("$everything").withNoParameters(Parameters.class)
				.useHttpGet().execute();
		Bundle bundle = (Bundle) out.getParameterFirstRep().getResource();
		List<String> ids = bundle.getEntry().stream()
				.map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.toList();
		assertThat(ids).contains(patient.getValue(), observation.getValue(), encounterId.getValue())
				.doesNotContain(otherPatient.getValue());
	}

	@Test
	void lastNReturnsTheNewestPerCode() {
		IdType patient = create(newPatient("LastN"));
		create(heartRate(patient, "2026-03-01T08:00:00Z", 61));
		IdType newest = create(heartRate(patient, "2026-03-03T08:00:00Z", 63));
		IdType second = create(heartRate(patient, "2026-03-02T08:00:00Z", 62)); // arrives late, older
		Observation weight = heartRate(patient, "2026-03-02T09:00:00Z", 70);
		weight.getCode().getCodingFirstRep().setCode("29463-7");
		weight.setValue(new Quantity().setValue(70).setUnit("kg").setSystem("http://unitsofmeasure.org").setCode("kg"));
		IdType weightId = create(weight);
		create(heartRate(create(newPatient("LastNOther")), "2026-03-04T08:00:00Z", 90));

		Bundle max2 = lastN("patient=" + patient.getValue() + "&max=2");
		assertThat(ids(max2)).containsExactly(weightId.getIdPart(), newest.getIdPart(), second.getIdPart());

		Bundle defaultMax = lastN("patient=" + patient.getValue() + "&code=http://loinc.org|8867-4");
		assertThat(ids(defaultMax)).containsExactly(newest.getIdPart());

		Bundle dated = lastN("patient=" + patient.getValue() + "&code=8867-4&date=lt2026-03-03");
		assertThat(ids(dated)).containsExactly(second.getIdPart());
	}

	private Bundle lastN(String query) {
		return client.search().byUrl(FhirClients.baseUrl(port) + "/Observation/$lastn?" + query).returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
	}

	@Test
	void bulkExportAtSystemPatientAndGroupLevel() throws Exception {
		IdType patient = create(newPatient("Export"));
		IdType observation = create(heartRate(patient, "2026-04-01T08:00:00Z", 66));
		Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
		group.addMember().setEntity(new Reference(patient));
		IdType groupId = create(group);

		for (String kickOff : List.of("$export?_type=Patient,Observation", "Patient/$export?_type=Patient,Observation",
				groupId.getValue() + "/$export?_type=Patient,Observation")) {
			String ndjson = runExport(kickOff);
			assertThat(ndjson).as(kickOff).contains(patient.getIdPart()).contains(observation.getIdPart());
		}
	}

	/** Runs the Bulk Data kick-off / poll / download cycle and returns all NDJSON output. */
	private String runExport(String kickOffPath) throws Exception {
		HttpResponse<String> kickOff = HTTP.send(TestTokens.authorized(port, FhirClients.baseUrl(port) + "/" + kickOffPath)
				.header("Accept", "application/fhir+json").header("Prefer", "respond-async").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String statusUrl = kickOff.headers().firstValue("Content-Location").orElseThrow();

		HttpResponse<String>[] done = new HttpResponse[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
			HttpResponse<String> poll = HTTP.send(TestTokens.authorized(port, statusUrl).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(poll.statusCode()).isIn(200, 202);
			done[0] = poll;
			return poll.statusCode() == 200;
		});
		Matcher urls = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(done[0].body());
		StringBuilder all = new StringBuilder();
		while (urls.find()) {
			HttpResponse<String> file = HTTP.send(TestTokens.authorized(port, urls.group(1))
					.header("Accept", "application/fhir+ndjson").GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(file.statusCode()).isEqualTo(200);
			all.append(file.body());
		}
		return all.toString();
	}
}
