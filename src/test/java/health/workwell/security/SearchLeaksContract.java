package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import health.workwell.testsupport.Consents;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, the search and request-shape family: each test sends a request as an attacker would and
 * asserts the safe answer. Alice consented to psychological data and has a PHQ-9 (total 21) and a vital
 * sign; Bob did not consent and has a vital sign. Her general clinician may not see psychological data,
 * the HIS integration client sees neither, HR sees no individual record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchLeaksContract {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final IParser JSON = FhirClients.R4.newJsonParser();
	private static final String LOINC = "http://loinc.org";
	private static final String PHQ9_TOTAL = "44261-6";
	private static final String HEART_RATE = "8867-4";
	private static final String MRN_SYSTEM = "http://his.example/mrn";
	private static final String NATIONAL_ID = "110101198001011234";
	private static final String PHONE = "13900139000";

	@LocalServerPort
	int port;

	String alice;
	String bob;
	String alicesPhq9Total;
	String alicesVital;
	String bobsVital;
	String employee;
	String clinician;
	String integration;
	String hr;

	@BeforeAll
	void aliceWithAPhq9AndBobWithAVitalSign() throws Exception {
		String general = adminCreate(new Practitioner().addName(new HumanName().setFamily("General")));
		alice = adminCreate(patient("Leaks-Alice", "M-ALICE"));
		bob = adminCreate(patient("Leaks-Bob", "M-BOB"));
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + alice));
		team.addParticipant().setMember(new Reference("Practitioner/" + general))
				.addRole(new CodeableConcept(new Coding(CareTeamAssignments.SNOMED, "158965000", null)));
		adminCreate(team);
		adminCreate(Consents.psychological("Patient/" + alice));
		alicesPhq9Total = adminCreate(observation(alice, PHQ9_TOTAL, 21, "{score}"));
		alicesVital = adminCreate(observation(alice, HEART_RATE, 72, "/min"));
		bobsVital = adminCreate(observation(bob, HEART_RATE, 80, "/min"));

		employee = user("employee", "Patient/" + alice);
		clinician = user("clinician", "Practitioner/" + general);
		hr = user("hr", "Practitioner/" + general);
		integration = backend("integration", "his");
	}

	// ---- _has and chains ----------------------------------------------------------------------

	@Test
	void hasCannotFindWhoAnsweredAPhq9NorTheirScoreBand() throws Exception {
		String phq9Total = "/Patient?_has:Observation:subject:code=" + LOINC + "|" + PHQ9_TOTAL;
		assertRefused(get(integration, phq9Total));
		assertRefused(get(integration, phq9Total + "&_has:Observation:subject:value-quantity=ge20"));
		assertRefused(get(clinician, phq9Total));
		assertRefused(get(employee, phq9Total));
		assertRefused(get(integration, "/Patient?_has:Observation:subject:_security=http://terminology.hl7.org/CodeSystem/v3-ActCode|MH"));
		String answered = "/Questionnaire?_has:QuestionnaireResponse:questionnaire:subject=Patient/" + alice;
		assertRefused(get(hr, answered));
		assertRefused(get(employee, answered));
		// the administrator, whose reading is not filtered per record, keeps _has
		assertThat(get(admin(), phq9Total).body()).contains("\"id\":\"" + alice + "\"");
	}

	@Test
	void chainedSearchesAreRefusedToEveryRoleButTheAdministrator() throws Exception {
		for (String token : List.of(employee, clinician, integration)) {
			assertRefused(get(token, "/Observation?subject.name=Leaks-Bob"));
			assertRefused(get(token, "/Observation?subject:Patient.identifier=" + MRN_SYSTEM + "|M-BOB"));
			assertRefused(get(token, "/Observation?patient.family=Leaks-Alice&code=" + LOINC + "|" + PHQ9_TOTAL));
		}
		assertRefused(get(hr, "/Organization?partof.name=anything"));
		assertThat(get(admin(), "/Observation?subject:Patient.identifier=" + MRN_SYSTEM + "|M-BOB").body()).contains(bobsVital);
	}

	@Test
	void includesAndIteratedIncludesAreFilteredLikeResults() throws Exception {
		HttpResponse<String> revincluded = get(clinician, "/Patient?_id=" + alice + "&_revinclude=Observation:subject"
				+ "&_revinclude:iterate=Observation:derived-from");
		assertThat(revincluded.statusCode()).as(revincluded.body()).isEqualTo(200);
		assertThat(revincluded.body()).contains(alicesVital).doesNotContain(alicesPhq9Total);
		HttpResponse<String> integrations = get(integration, "/Patient?_id=" + alice + "&_revinclude:iterate=Observation:subject");
		assertThat(integrations.statusCode()).as(integrations.body()).isEqualTo(200);
		assertThat(integrations.body()).contains(alicesVital).doesNotContain(alicesPhq9Total);
		HttpResponse<String> employees = get(employee, "/Observation?_id=" + alicesVital + "&_include:iterate=Observation:subject"
				+ "&_revinclude:iterate=Observation:subject");
		assertThat(employees.body()).doesNotContain(bobsVital).doesNotContain("\"id\":\"" + bob + "\"");
	}

	// ---- national IDs and phones ----------------------------------------------------------------

	@Test
	void maskedNationalIdsCannotBeRecoveredBySearching() throws Exception {
		for (String token : List.of(clinician, integration)) {
			assertRefused(get(token, "/Patient?identifier=" + NATIONAL_ID));
			assertRefused(get(token, "/Patient?identifier=" + PatientMasking.NATIONAL_ID_SYSTEM + "|" + NATIONAL_ID));
			assertRefused(get(token, "/Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|NNCHN|" + NATIONAL_ID));
			assertRefused(get(token, "/Patient?identifier:not=" + PatientMasking.NATIONAL_ID_SYSTEM + "|" + NATIONAL_ID));
			assertRefused(get(token, "/Patient?_sort=identifier"));
			assertRefused(get(token, "/Observation?subject:Patient.identifier=" + PatientMasking.NATIONAL_ID_SYSTEM + "|" + NATIONAL_ID));
		}
		// the HIS phone book is masked for the integration client: no searching it with guesses either
		assertRefused(get(integration, "/Patient?phone=" + PHONE));
		assertRefused(get(integration, "/Patient?telecom=" + PHONE));
		// an identifier of another system is the HIS's ordinary patient match
		HttpResponse<String> byMrn = get(integration, "/Patient?identifier=" + MRN_SYSTEM + "|M-ALICE");
		assertThat(byMrn.statusCode()).as(byMrn.body()).isEqualTo(200);
		assertThat(byMrn.body()).contains("\"id\":\"" + alice + "\"").doesNotContain(NATIONAL_ID);
		// those who see the number unmasked may search by it
		assertThat(get(employee, "/Patient?identifier=" + PatientMasking.NATIONAL_ID_SYSTEM + "|" + NATIONAL_ID).body()).contains(alice);
		assertThat(get(admin(), "/Patient?identifier=" + PatientMasking.NATIONAL_ID_SYSTEM + "|" + NATIONAL_ID).body()).contains(alice);
	}

	// ---- POST _search --------------------------------------------------------------------------

	@Test
	void aPostedSearchIsNarrowedExactlyLikeAGet() throws Exception {
		String freshVendor = backend("device-vendor", "vendor-" + UUID.randomUUID());
		HttpResponse<String> count = postSearch(freshVendor, "/Observation/_search", "_summary=count");
		assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
		assertThat(JSON.parseResource(Bundle.class, count.body()).getTotal()).as("a vendor that created nothing counts nothing").isZero();
		HttpResponse<String> listed = postSearch(freshVendor, "/Observation/_search", "code=" + LOINC + "|" + HEART_RATE);
		assertThat(listed.body()).doesNotContain(alicesVital).doesNotContain(bobsVital);
		assertThat(postSearch(employee, "/Observation/_search", "subject=Patient/" + bob).statusCode()).isEqualTo(403);
		assertRefused(postSearch(integration, "/Patient/_search", "_has:Observation:subject:code=" + LOINC + "|" + PHQ9_TOTAL));
		assertRefused(postSearch(integration, "/Patient/_search", "identifier=" + NATIONAL_ID));
		assertRefused(postSearch(integration, "/QuestionnaireResponse/_search",
				"_security=http://terminology.hl7.org/CodeSystem/v3-ActCode|MH"));
	}

	// ---- conditional create, update, delete --------------------------------------------------

	@Test
	void aConditionalCreateMatchesOnlyRecordsTheCallerMaySee() throws Exception {
		// the PHQ-9 total is hidden from the integration client: the condition must not find it
		HttpResponse<String> created = send(integration, "POST", "/Observation", JSON.encodeResourceToString(
				observation(alice, PHQ9_TOTAL, 3, "{score}")), Map.of("If-None-Exist", "code=" + LOINC + "|" + PHQ9_TOTAL
				+ "&subject=Patient/" + alice));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location").orElseThrow()).doesNotContain(alicesPhq9Total);
		// another vendor's reading is not a match for this vendor
		String vendorA = backend("device-vendor", "vendor-a-" + UUID.randomUUID());
		String vendorB = backend("device-vendor", "vendor-b-" + UUID.randomUUID());
		Observation reading = observation(alice, HEART_RATE, 70, "/min");
		reading.addIdentifier().setSystem("http://workwell.health/fhir/sid/device-reading").setValue("r-" + UUID.randomUUID());
		String ifNoneExist = "identifier=" + URLEncoder.encode(reading.getIdentifierFirstRep().getSystem() + "|"
				+ reading.getIdentifierFirstRep().getValue(), StandardCharsets.UTF_8);
		HttpResponse<String> first = send(vendorA, "POST", "/Observation", JSON.encodeResourceToString(reading), Map.of("If-None-Exist", ifNoneExist));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> again = send(vendorA, "POST", "/Observation", JSON.encodeResourceToString(reading), Map.of("If-None-Exist", ifNoneExist));
		assertThat(again.statusCode()).as("the vendor's own reading still matches: " + again.body()).isEqualTo(200);
		HttpResponse<String> other = send(vendorB, "POST", "/Observation", JSON.encodeResourceToString(reading), Map.of("If-None-Exist", ifNoneExist));
		assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
		assertThat(other.headers().firstValue("Location").orElseThrow()).doesNotContain(idFromLocation(first));
	}

	@Test
	void aConditionalDeleteOfHiddenRecordsAnswersAsOneThatMatchesNothingAndDeletesNothing() throws Exception {
		String hidden = "/Observation?code=" + LOINC + "|" + PHQ9_TOTAL + "&subject=Patient/" + alice;
		String nothing = "/Observation?code=" + LOINC + "|0000-0&subject=Patient/" + alice;
		for (String token : List.of(integration, clinician)) {
			HttpResponse<String> refused = send(token, "DELETE", hidden, null, Map.of());
			HttpResponse<String> none = send(token, "DELETE", nothing, null, Map.of());
			assertThat(refused.body()).doesNotContain(alicesPhq9Total);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(none.statusCode());
			assertThat(refused.body().replace(PHQ9_TOTAL, "CODE")).isEqualTo(none.body().replace("0000-0", "CODE"));
		}
		HttpResponse<String> bobs = send(employee, "DELETE", "/Observation?subject=Patient/" + bob, null, Map.of());
		assertThat(bobs.body()).doesNotContain(bobsVital);
		assertThat(get(admin(), "/Observation/" + alicesPhq9Total).statusCode()).isEqualTo(200);
		assertThat(get(admin(), "/Observation/" + bobsVital).statusCode()).isEqualTo(200);
	}

	@Test
	void aConditionalUpdateMatchingOnlyHiddenRecordsAnswersAsOneMatchingNothing() throws Exception {
		String before = get(admin(), "/Observation/" + alicesPhq9Total).body();
		String body = JSON.encodeResourceToString(observation(alice, PHQ9_TOTAL, 0, "{score}"));
		for (String token : List.of(clinician, integration)) {
			HttpResponse<String> hidden = send(token, "PUT", "/Observation?code=" + LOINC + "|" + PHQ9_TOTAL + "&subject=Patient/" + alice,
					body, Map.of());
			HttpResponse<String> none = send(token, "PUT", "/Observation?code=" + LOINC + "|" + PHQ9_TOTAL + "&subject=Patient/" + alice
					+ "&_id=" + UUID.randomUUID(), body, Map.of());
			assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(412);
			assertThat(hidden.body()).isEqualTo(none.body()).contains("OperationOutcome").doesNotContain(alicesPhq9Total);
			assertThat(hidden.headers().map().toString()).doesNotContain(alicesPhq9Total);
		}
		assertThat(get(admin(), "/Observation/" + alicesPhq9Total).body()).isEqualTo(before);
		HttpResponse<String> bobs = send(employee, "PUT", "/Observation?subject=Patient/" + bob + "&code=" + LOINC + "|" + HEART_RATE,
				JSON.encodeResourceToString(observation(alice, HEART_RATE, 1, "/min")), Map.of());
		assertThat(bobs.statusCode()).as(bobs.body()).isEqualTo(412);
		assertThat(bobs.body() + bobs.headers().map()).doesNotContain(bobsVital);
		assertThat(get(admin(), "/Observation/" + bobsVital).body()).contains("\"value\":80");
		// a visible match is updated as before
		Observation vital = observation(alice, HEART_RATE, 73, "/min");
		HttpResponse<String> own = send(clinician, "PUT", "/Observation?_id=" + alicesVital, JSON.encodeResourceToString(vital), Map.of());
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
	}

	@Test
	void conditionalEntriesOfATransactionMatchOnlyVisibleRecords() throws Exception {
		String hiddenMatch = "code=" + URLEncoder.encode(LOINC + "|" + PHQ9_TOTAL, StandardCharsets.UTF_8) + "&subject=Patient/" + alice;
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation(alice, PHQ9_TOTAL, 5, "{score}"))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("/Observation").setIfNoneExist(hiddenMatch);
		transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("/Observation?" + hiddenMatch);
		HttpResponse<String> response = send(integration, "POST", "", JSON.encodeResourceToString(transaction), Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(alicesPhq9Total);
		Bundle answer = JSON.parseResource(Bundle.class, response.body());
		assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("201");
		assertThat(get(admin(), "/Observation/" + alicesPhq9Total).statusCode()).isEqualTo(200);
	}

	// ---- $lastn, $validate, batch entries --------------------------------------------------------

	@Test
	void lastnIsNarrowedBeforeItRunsSoItIsNoYesNoOracle() throws Exception {
		// naming someone else's record is refused whether or not they have a matching Observation
		for (String code : List.of(HEART_RATE, "0000-0")) {
			assertThat(get(clinician, "/Observation/$lastn?patient=Patient/" + bob + "&code=" + LOINC + "|" + code).statusCode())
					.as(code).isEqualTo(403);
			assertThat(get(employee, "/Observation/$lastn?subject=Patient/" + bob + "&code=" + LOINC + "|" + code).statusCode())
					.as(code).isEqualTo(403);
		}
		// without a patient: only their own patients' Observations, where Bob's used to make it 403
		for (String token : List.of(clinician, employee)) {
			HttpResponse<String> lastn = get(token, "/Observation/$lastn?code=" + LOINC + "|" + HEART_RATE + "&max=100");
			assertThat(lastn.statusCode()).as(lastn.body()).isEqualTo(200);
			assertThat(lastn.body()).doesNotContain(bobsVital);
		}
	}

	@Test
	void validatingTheDeleteOfAnotherPatientsRecordRevealsNothing() throws Exception {
		String missing = UUID.randomUUID().toString();
		String deleteMode = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"mode\",\"valueCode\":\"delete\"}]}";
		for (String token : List.of(employee, clinician, integration)) {
			HttpResponse<String> foreign = send(token, "POST", "/Observation/" + bobsVital + "/$validate", deleteMode, Map.of());
			HttpResponse<String> absent = send(token, "POST", "/Observation/" + missing + "/$validate", deleteMode, Map.of());
			assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
			assertThat(foreign.body().replace(bobsVital, "ID")).isEqualTo(absent.body().replace(missing, "ID"));
			assertThat(foreign.body()).doesNotContain(bobsVital).contains("OperationOutcome");
		}
	}

	@Test
	void batchEntriesWithALeadingSlashFollowTheSameRules() throws Exception {
		for (String token : List.of(integration, clinician)) {
			HttpResponse<String> audit = batch(token, "/AuditEvent?_count=1");
			assertRefused(audit);
		}
		assertRefused(batch(hr, "/Observation?code=" + LOINC + "|" + PHQ9_TOTAL));
		assertRefused(batch(integration, "/Patient?_has:Observation:subject:code=" + LOINC + "|" + PHQ9_TOTAL));
		assertRefused(batch(integration, "Patient?identifier=" + NATIONAL_ID));
		HttpResponse<String> foreign = batch(employee, "/Observation?subject=Patient/" + bob);
		assertThat(foreign.body()).doesNotContain(bobsVital);
		// HAPI runs batch searches on worker threads, where the token is not known (every entry is refused today):
		// whatever becomes of that, a vendor that created nothing must count nothing
		String freshVendor = backend("device-vendor", "vendor-" + UUID.randomUUID());
		HttpResponse<String> counted = batch(freshVendor, "/Observation?_summary=count");
		assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
		Bundle.BundleEntryComponent entry = JSON.parseResource(Bundle.class, counted.body()).getEntryFirstRep();
		assertThat(entry.getResource() == null ? entry.getResponse().getStatus() : String.valueOf(((Bundle) entry.getResource()).getTotal()))
				.as(counted.body()).isIn("0", "403 Forbidden");
	}

	// ---- helpers ------------------------------------------------------------------------------

	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
	}

	private HttpResponse<String> batch(String token, String url) throws Exception {
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(url);
		return send(token, "POST", "", JSON.encodeResourceToString(batch), Map.of());
	}

	private String admin() {
		return TestTokens.admin(port);
	}

	private String user(String role, String fhirUser) {
		String patient = fhirUser.startsWith("Patient/") ? fhirUser.substring("Patient/".length()) : null;
		return TestTokens.signed(port, "user/*.cruds", patient, Map.of("workwell_role", role, "fhirUser", fhirUser, "client_id", "app"));
	}

	private String backend(String role, String client) {
		return TestTokens.signed(port, "system/*.cruds", null, Map.of("workwell_role", role, "client_id", client));
	}

	private static Patient patient(String family, String mrn) {
		Patient patient = new Patient().addName(new HumanName().setFamily(family));
		patient.addIdentifier().setSystem(PatientMasking.NATIONAL_ID_SYSTEM).setValue(NATIONAL_ID);
		patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(PHONE);
		return patient;
	}

	private static Observation observation(String patient, String code, double value, String unit) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(new CodeableConcept(new Coding(LOINC, code, null)));
		observation.setSubject(new Reference("Patient/" + patient));
		observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11-01T08:00:00+08:00"));
		observation.setValue(new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit).setUnit(unit));
		return observation;
	}

	private String adminCreate(Resource resource) throws Exception {
		HttpResponse<String> response = send(admin(), "POST", "/" + resource.fhirType(), JSON.encodeResourceToString(resource), Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return idFromLocation(response);
	}

	private static String idFromLocation(HttpResponse<String> response) {
		String[] parts = response.headers().firstValue("Location").orElseThrow().split("/");
		return parts[Arrays.asList(parts).indexOf("_history") - 1];
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return send(token, "GET", path, null, Map.of());
	}

	private HttpResponse<String> postSearch(String token, String path, String form) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path))
				.header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.replace("|", "%7C"))).build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String token, String method, String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path.replace("|", "%7C")))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json")
				.header("Content-Type", "application/fhir+json");
		headers.forEach(request::header);
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
