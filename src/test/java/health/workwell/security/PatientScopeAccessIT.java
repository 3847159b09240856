package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What scopes allow: a patient-scoped token reaches only that patient's compartment, and only with
 * the letters and types it was granted; system scopes are held to their types and letters. Attempts
 * to escape — another patient's id, a search naming another patient, another patient's
 * {@code $everything}, a transaction mixing allowed and forbidden entries, a v1 read scope trying to
 * write — are refused (ONC (g)(10): a type not granted is 403, not an empty 200).
 */
@H2Server
class PatientScopeAccessIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String alice;
	String bob;
	String alicesObservation;
	String bobsObservation;

	@BeforeEach
	void twoPatientsWithAnObservationEach() {
		IGenericClient admin = FhirClients.client(port);
		alice = admin.create().resource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Alice")))
				.execute().getId().getIdPart();
		bob = admin.create().resource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Bob")))
				.execute().getId().getIdPart();
		alicesObservation = admin.create().resource(observation(alice)).execute().getId().getIdPart();
		bobsObservation = admin.create().resource(observation(bob)).execute().getId().getIdPart();
	}

	private static Observation observation(String patient) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(new CodeableConcept().setText("note"));
		observation.setSubject(new Reference("Patient/" + patient));
		return observation;
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json")
				.header("Content-Type", "application/fhir+json");
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return send(token, "GET", path, null);
	}

	private String asAlice(String scope) {
		return TestTokens.signed(port, scope, alice);
	}

	private static String json(org.hl7.fhir.r4.model.Resource resource) {
		return FhirClients.R4.newJsonParser().encodeResourceToString(resource);
	}

	@Test
	void aPatientReadsHerOwnRecordAndNoOneElses() throws Exception {
		String token = asAlice("patient/*.rs");

		assertThat(get(token, "/Patient/" + alice).statusCode()).isEqualTo(200);
		assertThat(get(token, "/Observation/" + alicesObservation).statusCode()).isEqualTo(200);
		assertThat(get(token, "/Patient/" + bob).statusCode()).isEqualTo(404);
		assertThat(get(token, "/Observation/" + bobsObservation).statusCode()).isEqualTo(404);
	}

	@Test
	void anotherPatientsRecordAnswersExactlyAsAMissingOne() throws Exception {
		String token = asAlice("patient/*.rs");
		String missing = java.util.UUID.randomUUID().toString();

		HttpResponse<String> foreign = get(token, "/Observation/" + bobsObservation);
		HttpResponse<String> absent = get(token, "/Observation/" + missing);

		assertThat(foreign.statusCode()).isEqualTo(absent.statusCode()).isEqualTo(404);
		assertThat(foreign.body().replace(bobsObservation, "ID")).isEqualTo(absent.body().replace(missing, "ID"));
		assertThat(get(token, "/Observation/" + bobsObservation + "/_history/1").statusCode()).isEqualTo(404);
	}

	@Test
	void herSearchesAreNarrowedToHerCompartment() throws Exception {
		String token = asAlice("patient/*.rs");

		HttpResponse<String> all = get(token, "/Observation?_count=100");

		assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
		Bundle bundle = FhirClients.R4.newJsonParser().parseResource(Bundle.class, all.body());
		assertThat(bundle.getEntry()).isNotEmpty().allSatisfy(e ->
				assertThat(((Observation) e.getResource()).getSubject().getReference()).isEqualTo("Patient/" + alice));
		assertThat(get(token, "/Observation?subject=Patient/" + bob).statusCode()).isEqualTo(403);
	}

	@Test
	void aTypeNotGrantedIsForbiddenNotEmpty() throws Exception {
		String token = asAlice("patient/Observation.rs");

		assertThat(get(token, "/Observation?_count=1").statusCode()).isEqualTo(200);
		HttpResponse<String> conditions = get(token, "/Condition");
		assertThat(conditions.statusCode()).isEqualTo(403);
		assertThat(conditions.body()).contains("OperationOutcome").contains("search of Condition");
		assertThat(get(token, "/Patient/" + alice).statusCode()).isEqualTo(403);
	}

	@Test
	void readWithoutSearchAllowsReadsOnly() throws Exception {
		String token = asAlice("patient/Observation.r");

		assertThat(get(token, "/Observation/" + alicesObservation).statusCode()).isEqualTo(200);
		assertThat(get(token, "/Observation?_count=1").statusCode()).isEqualTo(403);
	}

	@Test
	void aV1ReadScopeCannotWrite() throws Exception {
		HttpResponse<String> create = send(asAlice("patient/*.read"), "POST", "/Observation", json(observation(alice)));

		assertThat(create.statusCode()).isEqualTo(403);
	}

	@Test
	void shePostsToHerOwnRecordOnly() throws Exception {
		String token = asAlice("patient/Observation.crus");

		assertThat(send(token, "POST", "/Observation", json(observation(alice))).statusCode()).isEqualTo(201);
		assertThat(send(token, "POST", "/Observation", json(observation(bob))).statusCode()).isEqualTo(403);
	}

	@Test
	void anotherPatientsEverythingIsForbidden() throws Exception {
		String token = asAlice("patient/*.rs");

		assertThat(get(token, "/Patient/" + alice + "/$everything").statusCode()).isEqualTo(200);
		assertThat(get(token, "/Patient/" + bob + "/$everything").statusCode()).isEqualTo(404);
	}

	@Test
	void aTransactionWithOneForbiddenEntryIsRefusedWhole() throws Exception {
		String token = asAlice("patient/Observation.cruds");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(observation(alice)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		transaction.addEntry().setResource(observation(bob)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		HttpResponse<String> response = send(token, "POST", "", json(transaction));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		String alicesObservations = get(TestTokens.admin(port), "/Observation?subject=Patient/" + alice + "&_summary=count").body();
		assertThat(alicesObservations).as("only the one made before").contains("\"total\":1");
	}

	@Test
	void aTransactionEntryOfATypeNotGrantedIsRefused() throws Exception {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(observation(alice)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Patient/" + alice);

		assertThat(send(asAlice("patient/Observation.c"), "POST", "", json(transaction)).statusCode()).isEqualTo(403);
		assertThat(get(TestTokens.admin(port), "/Patient/" + alice).statusCode()).isEqualTo(200);
	}

	@Test
	void systemScopesAreHeldToTheirTypesAndLetters() throws Exception {
		String token = TestTokens.signed(port, "system/Patient.rs", null);

		assertThat(get(token, "/Patient/" + bob).statusCode()).isEqualTo(200);
		assertThat(get(token, "/Observation/" + bobsObservation).statusCode()).isEqualTo(403);
		assertThat(send(token, "POST", "/Patient", json(new Patient())).statusCode()).isEqualTo(403);
		assertThat(send(token, "POST", "/Patient/" + bob + "/$risk-assess", "{\"resourceType\":\"Parameters\"}").statusCode())
				.isEqualTo(403);
	}

	@Test
	void userScopesGrantNothingUntilRolesDecideWhomAUserSees() throws Exception {
		assertThat(get(TestTokens.signed(port, "user/*.rs", null), "/Patient/" + alice).statusCode()).isEqualTo(403);
	}
}
