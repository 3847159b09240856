package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import health.workwell.testsupport.BackendServiceClients;
import health.workwell.testsupport.Consents;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Who may write what (docs/security.md "Who writes what"), attacked over HTTP with tokens from real SMART
 * launches: Alice, an employee, signed in with {@code patient/*.cruds}; her clinician, on her care team
 * only, signed in with {@code user/*.cruds} and Alice picked. Bob is another employee neither may reach.
 * Every refused write is checked to have stored nothing, by reading as the administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WriteRulesContract {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final IParser JSON = FhirClients.R4.newJsonParser();
	private static final String BLOOD_LEAD = "5671-3";

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	String alice;
	String bob;
	String clinician;
	String alicesTeam;
	String employeeToken;
	String clinicianToken;

	@BeforeAll
	void aliceHerClinicianAndBob() throws Exception {
		clinician = adminCreate(new Practitioner().addName(new HumanName().setFamily("Zhou")));
		alice = adminCreate(new Patient().addName(new HumanName().setFamily("Alice")));
		bob = adminCreate(new Patient().addName(new HumanName().setFamily("Bob")));
		alicesTeam = adminCreate(careTeam(alice, "Practitioner/" + clinician));

		SmartLaunchFlow flow = new SmartLaunchFlow(port);
		RegisteredClient app = SmartLaunchFlow.publicApp(clients, SmartLaunchFlow.REDIRECT_URI,
				"openid", "fhirUser", "launch/patient", "patient/*.cruds", "user/*.cruds");
		String employee = SmartLaunchFlow.unique("alice");
		assertThat(flow.registerUser(employee, "employee", "Patient/" + alice).statusCode()).isEqualTo(201);
		String doctor = SmartLaunchFlow.unique("dr-zhou");
		assertThat(flow.registerUser(doctor, "clinician", "Practitioner/" + clinician).statusCode()).isEqualTo(201);
		employeeToken = (String) flow.launch(app, "launch/patient openid fhirUser patient/*.cruds", employee, null).get("access_token");
		clinicianToken = (String) new SmartLaunchFlow(port).launch(app, "launch/patient openid fhirUser user/*.cruds", doctor, alice)
				.get("access_token");
		assertThat(send(clinicianToken, "GET", "/Patient/" + bob, null).statusCode()).as("Bob is not the clinician's").isEqualTo(404);
	}

	// ---- a clinician forging a care relationship ------------------------------------------------

	@Test
	void aClinicianCannotForgeACareTeamForAPatientTheyDoNotTreat() throws Exception {
		// subject Bob; participants Alice (so it lies in Alice's compartment) and the clinician
		CareTeam forged = careTeam(bob, "Patient/" + alice, "Practitioner/" + clinician);
		assertRefused(send(clinicianToken, "POST", "/CareTeam", JSON.encodeResourceToString(forged)));
		assertRefused(send(clinicianToken, "POST", "", JSON.encodeResourceToString(transaction(Bundle.HTTPVerb.POST, "CareTeam", forged))));
		assertRefused(sendWith(clinicianToken, "POST", "/CareTeam", JSON.encodeResourceToString(forged),
				Map.of("If-None-Exist", "subject=Patient/" + bob)));
		assertThat(adminSearch("/CareTeam?subject=Patient/" + bob).getEntry()).as("nothing stored").isEmpty();
		assertThat(send(clinicianToken, "GET", "/Patient/" + bob, null).statusCode()).isEqualTo(404);
	}

	@Test
	void careTeamsAreTheAdministratorsToWriteNotTheClinicianWhoBenefits() throws Exception {
		// even for their own patient: a general clinician adding the psychiatrist role would open psychological data
		CareTeam withPsychiatristRole = JSON.parseResource(CareTeam.class, adminRead("CareTeam", alicesTeam));
		withPsychiatristRole.getParticipantFirstRep().addRole(new CodeableConcept(
				new Coding(CareTeamAssignments.SNOMED, CareTeamAssignments.PSYCHIATRIST, null)));
		assertRefused(send(clinicianToken, "PUT", "/CareTeam/" + alicesTeam, JSON.encodeResourceToString(withPsychiatristRole)));
		assertRefused(send(clinicianToken, "POST", "/CareTeam", JSON.encodeResourceToString(careTeam(alice, "Practitioner/" + clinician))));
		assertRefused(send(clinicianToken, "DELETE", "/CareTeam/" + alicesTeam, null));
		assertRefused(sendWith(clinicianToken, "PATCH", "/CareTeam/" + alicesTeam,
				"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"inactive\"}]", Map.of("Content-Type", "application/json-patch+json")));
		CareTeam stored = JSON.parseResource(CareTeam.class, adminRead("CareTeam", alicesTeam));
		assertThat(stored.getMeta().getVersionId()).as("unchanged").isEqualTo("1");
		assertThat(stored.getParticipantFirstRep().getRole()).isEmpty();
		assertThat(adminSearch("/CareTeam?subject=Patient/" + alice).getEntry()).hasSize(1);
		// the employee writes no care team either
		assertRefused(send(employeeToken, "POST", "/CareTeam", JSON.encodeResourceToString(careTeam(alice, "Practitioner/" + clinician))));
		assertRefused(send(employeeToken, "DELETE", "/CareTeam/" + alicesTeam, null));
		assertThat(adminSearch("/CareTeam?subject=Patient/" + alice).getEntry()).hasSize(1);
	}

	@Test
	void aClinicianCannotWriteConsentsNamingThemselvesNorDeleteTheEmployeesDenial() throws Exception {
		Consent forBob = Consents.privacy("Patient/" + bob);
		forBob.getProvision().setType(Consent.ConsentProvisionType.PERMIT).addActor()
				.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PRCP", null)))
				.setReference(new Reference("Practitioner/" + clinician));
		forBob.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference("Patient/" + alice));
		assertRefused(send(clinicianToken, "POST", "/Consent", JSON.encodeResourceToString(forBob)));
		Consent alicesPsychological = Consents.psychological("Patient/" + alice);
		alicesPsychological.getProvision().addActor().setReference(new Reference("Practitioner/" + clinician))
				.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PRCP", null)));
		assertRefused(send(clinicianToken, "POST", "/Consent", JSON.encodeResourceToString(alicesPsychological)));
		assertRefused(send(clinicianToken, "POST", "", JSON.encodeResourceToString(transaction(Bundle.HTTPVerb.POST, "Consent", alicesPsychological))));
		assertThat(adminSearch("/Consent?patient=Patient/" + bob).getEntry()).as("nothing stored").isEmpty();
		assertThat(adminSearch("/Consent?patient=Patient/" + alice + "&actor=Practitioner/" + clinician).getEntry()).isEmpty();

		// Alice's own denial of her documents to this clinician, which the clinician would like gone
		Consent denial = Consents.privacy("Patient/" + alice);
		var denied = denial.getProvision().setType(Consent.ConsentProvisionType.DENY);
		denied.addActor().setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PRCP", null)))
				.setReference(new Reference("Practitioner/" + clinician));
		denied.addClass_(new Coding("http://hl7.org/fhir/resource-types", "DocumentReference", null));
		HttpResponse<String> own = send(employeeToken, "POST", "/Consent", JSON.encodeResourceToString(denial));
		assertThat(own.statusCode()).as("the employee writes their own consent: " + own.body()).isEqualTo(201);
		String denialId = idFromLocation(own);
		assertRefused(send(clinicianToken, "DELETE", "/Consent/" + denialId, null));
		assertRefused(sendWith(clinicianToken, "DELETE", "/Consent?_id=" + denialId, null, Map.of()));
		// decided by role and type before the request runs: the same answer for an id that does not exist
		assertRefused(send(clinicianToken, "DELETE", "/Consent/" + java.util.UUID.randomUUID(), null));
		assertThat(send(TestTokens.admin(port), "GET", "/Consent/" + denialId, null).statusCode()).as("still there").isEqualTo(200);
		// and the employee writes no consent for someone else
		assertRefused(send(employeeToken, "POST", "/Consent", JSON.encodeResourceToString(Consents.psychological("Patient/" + bob))));
		assertThat(adminSearch("/Consent?patient=Patient/" + bob).getEntry()).isEmpty();
	}

	@Test
	void theHisIntegrationWritesCareTeamsButNoConsents() throws Exception {
		String carol = adminCreate(new Patient().addName(new HumanName().setFamily("Carol")));
		com.nimbusds.jose.jwk.RSAKey key = BackendServiceClients.rsaKey();
		String his = SmartLaunchFlow.unique("his");
		assertThat(BackendServiceClients.register(port, his, "system/*.cruds", "integration", key.toPublicJWK()).statusCode()).isEqualTo(201);
		String hisToken = BackendServiceClients.accessToken(BackendServiceClients.tokenResponse(port,
				BackendServiceClients.assertion(port, his, key, com.nimbusds.jose.JWSAlgorithm.RS384), "system/*.cruds"));
		assertThat(send(hisToken, "POST", "/CareTeam", JSON.encodeResourceToString(careTeam(carol, "Practitioner/" + clinician)))
				.statusCode()).as("the HIS roster is a designated source of care teams").isEqualTo(201);
		assertRefused(send(hisToken, "POST", "/Consent", JSON.encodeResourceToString(Consents.psychological("Patient/" + carol))));
		assertThat(adminSearch("/Consent?patient=Patient/" + carol).getEntry()).as("nothing stored").isEmpty();
	}

	// ---- writes about another patient ----------------------------------------------------------

	@Test
	void anEmployeeCannotWriteRecordsAboutAnotherPatientThroughTheirOwnCompartment() throws Exception {
		Observation aboutBob = bloodLead(bob, 90);
		aboutBob.addPerformer(new Reference("Patient/" + alice));
		// a PHQ-9 answered item by item (LOINC item codes), which $risk-assess would score for Bob
		QuestionnaireResponse answersForBob = new QuestionnaireResponse()
				.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
				.setSubject(new Reference("Patient/" + bob)).setAuthor(new Reference("Patient/" + alice));
		answersForBob.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20"));
		for (String item : List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8")) {
			answersForBob.addItem().setLinkId(item).addAnswer().setValue(new Coding("http://loinc.org", "LA6570-1", null));
		}
		assertRefused(send(employeeToken, "POST", "/Observation", JSON.encodeResourceToString(aboutBob)));
		assertRefused(send(employeeToken, "POST", "/QuestionnaireResponse", JSON.encodeResourceToString(answersForBob)));
		assertRefused(send(employeeToken, "POST", "", JSON.encodeResourceToString(transaction(Bundle.HTTPVerb.POST, "Observation", aboutBob))));
		// the clinician neither (Alice is theirs, Bob is not)
		assertRefused(send(clinicianToken, "POST", "/Observation", JSON.encodeResourceToString(aboutBob)));
		// in a batch the entry is refused on its own
		HttpResponse<String> batch = send(employeeToken, "POST", "",
				JSON.encodeResourceToString(transaction(Bundle.HTTPVerb.POST, "QuestionnaireResponse", answersForBob).setType(Bundle.BundleType.BATCH)));
		if (batch.statusCode() == 200) {
			Bundle response = JSON.parseResource(Bundle.class, batch.body());
			assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("403");
		} else {
			assertRefused(batch);
		}
		assertThat(adminSearch("/Observation?subject=Patient/" + bob).getEntry()).as("nothing stored").isEmpty();
		assertThat(adminSearch("/QuestionnaireResponse?subject=Patient/" + bob).getEntry()).as("nothing stored").isEmpty();
		// moving one's own record onto another patient is the same write
		String own = created(send(employeeToken, "POST", "/Observation", JSON.encodeResourceToString(bloodLead(alice, 100))));
		Observation moved = bloodLead(bob, 100);
		moved.addPerformer(new Reference("Patient/" + alice));
		moved.setId(own);
		assertRefused(send(employeeToken, "PUT", "/Observation/" + own, JSON.encodeResourceToString(moved)));
		assertThat(adminSearch("/Observation?subject=Patient/" + bob).getEntry()).isEmpty();
	}

	// ---- an employee falsifying their clinical record ------------------------------------------

	@Test
	void anEmployeeCannotChangeOrDeleteAResultTheClinicWrote() throws Exception {
		String result = created(send(clinicianToken, "POST", "/Observation", JSON.encodeResourceToString(bloodLead(alice, 412))));
		Observation lowered = bloodLead(alice, 120);
		lowered.setId(result);
		assertRefused(send(employeeToken, "PUT", "/Observation/" + result, JSON.encodeResourceToString(lowered)));
		assertRefused(sendWith(employeeToken, "PUT", "/Observation?_id=" + result, JSON.encodeResourceToString(lowered.setId((String) null)),
				Map.of()));
		assertRefused(send(employeeToken, "POST", "", JSON.encodeResourceToString(
				transaction(Bundle.HTTPVerb.PUT, "Observation/" + result, lowered.setId(result)))));
		assertRefused(sendWith(employeeToken, "PATCH", "/Observation/" + result,
				"[{\"op\":\"replace\",\"path\":\"/valueQuantity/value\",\"value\":120}]", Map.of("Content-Type", "application/json-patch+json")));
		assertRefused(send(employeeToken, "DELETE", "/Observation/" + result, null));
		assertRefused(send(employeeToken, "DELETE", "/Observation?_id=" + result, null));
		assertRefused(send(employeeToken, "POST", "", JSON.encodeResourceToString(deletion("Observation/" + result))));

		Observation stored = JSON.parseResource(Observation.class, adminRead("Observation", result));
		assertThat(stored.getValueQuantity().getValue().intValue()).isEqualTo(412);
		assertThat(stored.getMeta().getVersionId()).as("no new version").isEqualTo("1");
		assertThat(send(employeeToken, "GET", "/Observation/" + result, null).statusCode()).as("still hers to read").isEqualTo(200);
	}

	@Test
	void theEmployeeCorrectsWhatTheyReportedAndTheServerMarksItAsTheirs() throws Exception {
		Observation reported = bloodLead(alice, 80);
		reported.getMeta().addTag(PatientReported.SYSTEM, bob, null); // a forged author is not believed
		String own = created(send(employeeToken, "POST", "/Observation", JSON.encodeResourceToString(reported)));
		Observation stored = JSON.parseResource(Observation.class, adminRead("Observation", own));
		assertThat(stored.getMeta().getTag()).filteredOn(t -> PatientReported.SYSTEM.equals(t.getSystem()))
				.extracting(Coding::getCode).containsExactly(alice);
		Observation corrected = bloodLead(alice, 85);
		corrected.setId(own);
		assertThat(send(employeeToken, "PUT", "/Observation/" + own, JSON.encodeResourceToString(corrected)).statusCode()).isEqualTo(200);
		assertThat(send(employeeToken, "DELETE", "/Observation/" + own, null).statusCode()).isIn(200, 204);

		// a clinic record cannot be made the employee's by sending the mark
		Observation clinics = bloodLead(alice, 300);
		clinics.getMeta().addTag(PatientReported.SYSTEM, alice, null);
		String result = created(send(clinicianToken, "POST", "/Observation", JSON.encodeResourceToString(clinics)));
		assertThat(JSON.parseResource(Observation.class, adminRead("Observation", result)).getMeta().getTag())
				.noneMatch(t -> PatientReported.SYSTEM.equals(t.getSystem()));
		assertRefused(send(employeeToken, "DELETE", "/Observation/" + result, null));
	}

	@Test
	void correctionsGoThroughTheAuthorAndHistoryKeepsEveryVersion() throws Exception {
		String result = created(send(clinicianToken, "POST", "/Observation", JSON.encodeResourceToString(bloodLead(alice, 412))));
		Observation corrected = bloodLead(alice, 421);
		corrected.setId(result);
		HttpResponse<String> correction = send(clinicianToken, "PUT", "/Observation/" + result, JSON.encodeResourceToString(corrected));
		assertThat(correction.statusCode()).as(correction.body()).isEqualTo(200);
		Bundle history = adminSearch("/Observation/" + result + "/_history");
		assertThat(history.getEntry()).extracting(e -> ((Observation) e.getResource()).getValueQuantity().getValue().intValue())
				.containsExactlyInAnyOrder(421, 412);
	}

	// ---- helpers --------------------------------------------------------------------------------

	/** 403 with an OperationOutcome. */
	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(JSON.parseResource(response.body())).isInstanceOf(OperationOutcome.class);
	}

	private static CareTeam careTeam(String patient, String... members) {
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + patient));
		Arrays.stream(members).forEach(member -> team.addParticipant().setMember(new Reference(member)));
		return team;
	}

	/** A blood-lead result in µg/L, as an occupational health clinic's laboratory reports it. */
	private static Observation bloodLead(String patient, int microgramsPerLitre) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", null)));
		observation.setCode(new CodeableConcept(new Coding("http://loinc.org", BLOOD_LEAD, "Lead [Mass/volume] in Blood")));
		observation.setSubject(new Reference("Patient/" + patient));
		observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20T09:00:00+08:00"));
		observation.setValue(new Quantity().setValue(microgramsPerLitre).setSystem("http://unitsofmeasure.org").setCode("ug/L").setUnit("µg/L"));
		return observation;
	}

	private static Bundle transaction(Bundle.HTTPVerb verb, String url, Resource resource) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setResource(resource).getRequest().setMethod(verb).setUrl(url);
		return bundle;
	}

	private static Bundle deletion(String url) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(url);
		return bundle;
	}

	private String adminCreate(Resource resource) throws Exception {
		return created(send(TestTokens.admin(port), "POST", "/" + resource.fhirType(), JSON.encodeResourceToString(resource)));
	}

	private static String created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return idFromLocation(response);
	}

	private String adminRead(String type, String id) throws Exception {
		HttpResponse<String> response = send(TestTokens.admin(port), "GET", "/" + type + "/" + id, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private Bundle adminSearch(String path) throws Exception {
		HttpResponse<String> response = send(TestTokens.admin(port), "GET", path, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.parseResource(Bundle.class, response.body());
	}

	private static String idFromLocation(HttpResponse<String> response) {
		String[] parts = response.headers().firstValue("Location").orElseThrow().split("/");
		return parts[List.of(parts).indexOf("_history") - 1];
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		return sendWith(token, method, path, body, Map.of());
	}

	private HttpResponse<String> sendWith(String token, String method, String path, String body, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path.replace("|", "%7C")))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json");
		if (!headers.containsKey("Content-Type")) {
			request.header("Content-Type", "application/fhir+json");
		}
		headers.forEach(request::header);
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
