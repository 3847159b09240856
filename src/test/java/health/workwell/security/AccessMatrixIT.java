package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import health.workwell.testsupport.Consents;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access matrix: every role × kind of record × interaction, with the answer the role policies
 * (docs/security.md "Roles") require, then the escape attempts. One server boot, one set of records:
 * Alice (consented to psychological and occupational-disease data, on a care team with a psychiatrist
 * and a general clinician) and Bob (no consent, on the psychiatrist's team only).
 *
 * <p>Reading the table: {@code 200:1} is status 200 with one entry; {@code 404} on a read is the
 * "no such record" answer (no existence oracle), {@code 403} a refusal the token could know from its
 * role and scopes alone; {@code 405} AuditEvents are immutable even for the administrator. Updates and
 * deletes act on records the administrator or a vendor wrote: the employee changes only what they reported
 * themself (docs/security.md "Who writes what"); care teams are written by the administrator and the HIS.
 */
@H2Server
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final IParser JSON = FhirClients.R4.newJsonParser();
	private static final String NATIONAL_ID = "110101199003071234";
	private static final String PHONE = "13800138000";

	enum Role { EMPLOYEE, PSYCH_CLINICIAN, CLINICIAN, STRANGER, HR, VENDOR, INTEGRATION, ADMIN }

	enum Kind { PATIENT, VITAL, PSYCH, OCCUPATIONAL, CARETEAM, DEVICE, AUDIT }

	/**
	 * Expected answers. Columns: employee (Alice herself), psychiatrist on Alice's team, general clinician
	 * on Alice's team, clinician on no team, HR, device vendor (created Alice's Device), HIS integration,
	 * administrator.
	 */
	private static final String MATRIX = """
			#  interaction  kind          EMP    PSYDOC  GP     STRANGER HR   VENDOR INTEG  ADMIN
			read          PATIENT        200    200     200    404      403  403    200    200
			read          VITAL          200    200     200    404      403  404    200    200
			read          PSYCH          200    200     404    404      403  403    404    200
			read          OCCUPATIONAL   200    200     200    404      403  403    200    200
			read          CARETEAM       200    200     200    404      403  403    200    200
			read          DEVICE         200    200     200    404      403  200    200    200
			read          AUDIT          403    403     403    403      403  403    403    200
			search        PATIENT        200:1  200:1   200:1  403      403  403    200:1  200:1
			search        VITAL          200:1  200:1   200:1  403      403  200:0  200:1  200:1
			search        PSYCH          200:1  200:1   200:0  403      403  403    200:0  200:1
			search        OCCUPATIONAL   200:1  200:1   200:1  403      403  403    200:1  200:1
			search        CARETEAM       200:1  200:1   200:1  403      403  403    200:1  200:1
			search        DEVICE         200:1  200:1   200:1  403      403  200:1  200:1  200:1
			search        AUDIT          403    403     403    403      403  403    403    200
			post-search   PATIENT        200:1  200:1   200:1  403      403  403    200:1  200:1
			post-search   VITAL          200:1  200:1   200:1  403      403  200:0  200:1  200:1
			post-search   PSYCH          200:1  200:1   200:0  403      403  403    200:0  200:1
			post-search   DEVICE         200:1  200:1   200:1  403      403  200:1  200:1  200:1
			has           PATIENT        403    403     403    403      403  403    403    200:1
			chain         VITAL          403    403     403    403      403  403    403    200:1
			create        PATIENT        403    403     403    403      403  403    201    201
			create        VITAL          201    201     201    403      403  201    201    201
			create        PSYCH          201    201     201    403      403  403    201    201
			create        OCCUPATIONAL   201    201     201    403      403  403    201    201
			create        CARETEAM       403    403     403    403      403  403    201    201
			create        DEVICE         201    201     201    403      403  201    201    201
			create        AUDIT          403    403     403    403      403  403    403    405
			update        PATIENT        200    200     200    403      403  403    200    200
			update        VITAL          403    200     200    403      403  403    200    200
			update        PSYCH          403    200     404    403      403  403    404    200
			update        OCCUPATIONAL   403    200     200    403      403  403    200    200
			update        CARETEAM       403    403     403    403      403  403    200    200
			update        DEVICE         403    200     200    403      403  403    200    200
			update        AUDIT          403    403     403    403      403  403    403    405
			delete        VITAL          403    200     200    403      403  403    200    200
			delete        PSYCH          403    200     404    403      403  403    404    200
			delete        OCCUPATIONAL   403    200     200    403      403  403    200    200
			delete        CARETEAM       403    403     403    403      403  403    200    200
			delete        DEVICE         403    200     200    403      403  403    200    200
			delete        AUDIT          403    403     403    403      403  403    403    405
			$everything   PATIENT        200    200     200    404      403  403    200    200
			$risk-assess  PATIENT        403    200     200    404      403  403    200    200
			""";

	@LocalServerPort
	int port;

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);
	private final Map<Kind, String> alices = new EnumMap<>(Kind.class);
	String alice;
	String bob;
	String carol;
	String psychiatrist;
	String generalClinician;
	String granted;
	String bobsVital;
	String bobsPsych;

	@BeforeAll
	void twoEmployeesTheirCareTeamsAndTheirRecords() throws Exception {
		psychiatrist = adminCreate(practitioner("Psychiatrist"));
		generalClinician = adminCreate(practitioner("General"));
		String stranger = adminCreate(practitioner("Stranger"));
		granted = adminCreate(practitioner("Granted"));
		alice = adminCreate(patient("Alice"));
		bob = adminCreate(patient("Bob"));
		carol = adminCreate(patient("Carol"));
		adminCreate(careTeam(alice, psychiatrist, CareTeamAssignments.PSYCHIATRIST, generalClinician, "158965000"));
		adminCreate(careTeam(bob, psychiatrist, CareTeamAssignments.PSYCHIATRIST));
		adminCreate(Consents.psychological("Patient/" + alice));
		adminCreate(Consents.occupational("Patient/" + alice));

		tokens.put(Role.EMPLOYEE, user("employee", "Patient/" + alice, alice));
		tokens.put(Role.PSYCH_CLINICIAN, user("clinician", "Practitioner/" + psychiatrist, null));
		tokens.put(Role.CLINICIAN, user("clinician", "Practitioner/" + generalClinician, null));
		tokens.put(Role.STRANGER, user("clinician", "Practitioner/" + stranger, null));
		tokens.put(Role.HR, user("hr", "Practitioner/" + stranger, null));
		tokens.put(Role.VENDOR, backend("device-vendor", "vendor-a"));
		tokens.put(Role.INTEGRATION, backend("integration", "his"));
		tokens.put(Role.ADMIN, TestTokens.admin(port));

		bobsVital = adminCreate(vital(bob));
		bobsPsych = adminCreate(psych(bob));
		Observation alicesVital = vital(alice);
		alicesVital.addDerivedFrom(new Reference("Observation/" + bobsVital)); // a path into Bob's record for _include
		alices.put(Kind.PATIENT, alice);
		alices.put(Kind.VITAL, adminCreate(alicesVital));
		alices.put(Kind.PSYCH, adminCreate(psych(alice)));
		alices.put(Kind.OCCUPATIONAL, adminCreate(occupational(alice)));
		alices.put(Kind.CARETEAM, search(Role.ADMIN, "/CareTeam?subject=Patient/" + alice).getEntryFirstRep().getResource()
				.getIdElement().getIdPart());
		HttpResponse<String> device = send(Role.VENDOR, "POST", "/Device", JSON.encodeResourceToString(device(alice)));
		assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
		alices.put(Kind.DEVICE, idFromLocation(device));
		alices.put(Kind.AUDIT, search(Role.ADMIN, "/AuditEvent?_count=1").getEntryFirstRep().getResource().getIdElement().getIdPart());
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cells = new ArrayList<>();
		for (String line : MATRIX.strip().split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.trim().split("\\s+");
			for (Role role : Role.values()) {
				cells.add(Arguments.of(columns[0], Kind.valueOf(columns[1]), role, columns[2 + role.ordinal()]));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} {1} as {2} → {3}")
	@MethodSource("matrix")
	void theRolePoliciesDecide(String interaction, Kind kind, Role role, String expected) throws Exception {
		HttpResponse<String> response = switch (interaction) {
			case "read" -> send(role, "GET", "/" + type(kind) + "/" + alices.get(kind), null);
			case "search" -> send(role, "GET", searchOf(kind), null);
			case "post-search" -> postSearch(role, searchOf(kind));
			// _has and chains select by records the search does not return: the administrator's only (SearchShapeGate)
			case "has" -> send(role, "GET", "/Patient?_id=" + alice + "&_has:Observation:subject:code=http://loinc.org|8867-4", null);
			case "chain" -> send(role, "GET", "/Observation?_id=" + alices.get(Kind.VITAL) + "&subject:Patient.name=Alice", null);
			case "create" -> send(role, "POST", "/" + type(kind), JSON.encodeResourceToString(fresh(kind)));
			case "update" -> send(role, "PUT", "/" + type(kind) + "/" + alices.get(kind), adminRead(kind));
			case "delete" -> send(role, "DELETE", "/" + type(kind) + "/" + (kind == Kind.AUDIT ? alices.get(kind) : adminCreate(fresh(kind))), null);
			case "$everything" -> send(role, "GET", "/Patient/" + alice + "/$everything", null);
			case "$risk-assess" -> send(role, "POST", "/Patient/" + alice + "/$risk-assess",
					"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"persist\",\"valueBoolean\":false}]}");
			default -> throw new IllegalArgumentException(interaction);
		};
		String[] statusAndCount = expected.split(":");
		int status = response.statusCode() == 204 ? 200 : response.statusCode();
		assertThat(status).as(interaction + " " + kind + " as " + role + ": " + response.body()).isEqualTo(Integer.parseInt(statusAndCount[0]));
		if (statusAndCount.length > 1) {
			Bundle bundle = JSON.parseResource(Bundle.class, response.body());
			assertThat(bundle.getEntry().stream().filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE))
					.as("matches").hasSize(Integer.parseInt(statusAndCount[1]));
			assertThat(!bundle.hasTotal() || bundle.getTotal() == bundle.getEntry().size())
					.as("Bundle.total counts nothing hidden: " + bundle.getTotal()).isTrue();
		}
	}

	// ---- escape attempts ----------------------------------------------------------------------

	@Test
	void anotherPatientsRecordAnswersAsAMissingOneForEveryPatientFacingRole() throws Exception {
		String missing = java.util.UUID.randomUUID().toString();
		for (Role role : List.of(Role.EMPLOYEE, Role.CLINICIAN, Role.STRANGER)) {
			HttpResponse<String> foreign = send(role, "GET", "/Observation/" + bobsVital, null);
			HttpResponse<String> absent = send(role, "GET", "/Observation/" + missing, null);
			assertThat(foreign.statusCode()).as(role.name()).isEqualTo(404);
			assertThat(foreign.body().replace(bobsVital, "ID")).as(role.name()).isEqualTo(absent.body().replace(missing, "ID"));
		}
		// a psychological record hidden by its label answers the same way
		HttpResponse<String> hidden = send(Role.CLINICIAN, "GET", "/QuestionnaireResponse/" + alices.get(Kind.PSYCH), null);
		HttpResponse<String> absent = send(Role.CLINICIAN, "GET", "/QuestionnaireResponse/" + missing, null);
		assertThat(hidden.body().replace(alices.get(Kind.PSYCH), "ID")).isEqualTo(absent.body().replace(missing, "ID"));
	}

	@Test
	void searchesNamingAnotherPatientAreRefusedAndChainsStayInside() throws Exception {
		assertThat(send(Role.EMPLOYEE, "GET", "/Observation?subject=Patient/" + bob, null).statusCode()).isEqualTo(403);
		assertThat(send(Role.CLINICIAN, "GET", "/Observation?subject=Patient/" + bob, null).statusCode()).isEqualTo(403);
		for (Role role : List.of(Role.EMPLOYEE, Role.CLINICIAN)) {
			HttpResponse<String> chained = send(role, "GET", "/Observation?subject:Patient.name=Bob", null);
			assertThat(chained.statusCode()).as(chained.body()).isIn(200, 403);
			assertThat(chained.body()).as(role + " chained search").doesNotContain(bobsVital);
		}
	}

	@Test
	void includesCannotReachIntoAnotherCompartment() throws Exception {
		for (Role role : List.of(Role.EMPLOYEE, Role.CLINICIAN)) {
			HttpResponse<String> included = send(role, "GET", "/Observation?_include=Observation:derived-from", null);
			assertThat(included.statusCode()).as(included.body()).isIn(200, 403);
			assertThat(included.body()).as(role + " _include").doesNotContain("\"id\":\"" + bobsVital + "\"");
			HttpResponse<String> revincluded = send(role, "GET", "/Patient?_revinclude=Observation:derived-from", null);
			assertThat(revincluded.statusCode()).isIn(200, 403);
			assertThat(revincluded.body()).as(role + " _revinclude").doesNotContain("\"id\":\"" + bob + "\"");
		}
	}

	@Test
	void anotherPatientsEverythingIsNotThere() throws Exception {
		assertThat(send(Role.EMPLOYEE, "GET", "/Patient/" + bob + "/$everything", null).statusCode()).isEqualTo(404);
		assertThat(send(Role.CLINICIAN, "GET", "/Patient/" + bob + "/$everything", null).statusCode()).isEqualTo(404);
		assertThat(send(Role.CLINICIAN, "POST", "/Patient/" + bob + "/$risk-assess", "{\"resourceType\":\"Parameters\"}").statusCode())
				.isEqualTo(404);
	}

	@Test
	void everythingLeavesOutWhatTheViewerMayNotSee() throws Exception {
		String everything = send(Role.CLINICIAN, "GET", "/Patient/" + alice + "/$everything?_count=100", null).body();
		assertThat(everything).contains(alices.get(Kind.VITAL)).doesNotContain(alices.get(Kind.PSYCH));
		String psychiatrists = send(Role.PSYCH_CLINICIAN, "GET", "/Patient/" + alice + "/$everything?_count=100", null).body();
		assertThat(psychiatrists).contains(alices.get(Kind.VITAL)).contains(alices.get(Kind.PSYCH));
	}

	@Test
	void cliniciansRunTheAssessmentsForTheirPatientsAndSeeOnlyWhatTheyMaySeeOfTheOutputs() throws Exception {
		String persist = "{\"resourceType\":\"Parameters\"}";
		HttpResponse<String> psychiatrists = send(Role.PSYCH_CLINICIAN, "POST", "/Patient/" + alice + "/$risk-assess", persist);
		assertThat(psychiatrists.statusCode()).as(psychiatrists.body()).isEqualTo(200);
		assertThat(psychiatrists.body()).contains("\"code\":\"phq-9\"");
		HttpResponse<String> generals = send(Role.CLINICIAN, "POST", "/Patient/" + alice + "/$risk-assess", persist);
		assertThat(generals.statusCode()).as(generals.body()).isEqualTo(200);
		assertThat(generals.body()).doesNotContain("\"code\":\"phq-9\"").contains("not computable: framingham-cvd-lipid");
		// Alice's record has too little for the composite index: $tier is reached (not 403/404) and says so
		HttpResponse<String> tier = send(Role.CLINICIAN, "POST", "/Patient/" + alice + "/$tier", persist);
		assertThat(tier.statusCode()).as(tier.body()).isEqualTo(400);
		assertThat(tier.body()).contains("run $risk-assess first");
		assertThat(send(Role.STRANGER, "POST", "/Patient/" + alice + "/$tier", persist).statusCode()).isEqualTo(404);
		// the stored PHQ-9 assessment is still there for those who may see it
		assertThat(search(Role.PSYCH_CLINICIAN, "/RiskAssessment?subject=Patient/" + alice + "&method=phq-9").getEntry()).isNotEmpty();
		assertThat(search(Role.CLINICIAN, "/RiskAssessment?subject=Patient/" + alice + "&method=phq-9").getEntry()).isEmpty();
		assertThat(send(Role.EMPLOYEE, "POST", "/Patient/" + alice + "/$tier", persist).statusCode()).isEqualTo(403);
	}

	@Test
	void aTransactionMixingAllowedAndForbiddenEntriesIsRefusedWhole() throws Exception {
		int before = search(Role.ADMIN, "/Observation?subject=Patient/" + alice + "&_count=100").getEntry().size();
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(vital(alice)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		transaction.addEntry().setResource(vital(bob)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		for (Role role : List.of(Role.EMPLOYEE, Role.CLINICIAN)) {
			HttpResponse<String> response = send(role, "POST", "", JSON.encodeResourceToString(transaction));
			assertThat(response.statusCode()).as(role + " " + response.body()).isEqualTo(403);
		}
		Bundle vendors = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		vendors.addEntry().setResource(vital(alice)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		vendors.addEntry().setResource(careTeam(alice)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CareTeam");
		assertThat(send(Role.VENDOR, "POST", "", JSON.encodeResourceToString(vendors)).statusCode()).isEqualTo(403);
		assertThat(search(Role.ADMIN, "/Observation?subject=Patient/" + alice + "&_count=100").getEntry()).hasSize(before);
	}

	@Test
	void badTokensAreRefusedBeforeAnyRoleIsConsidered() throws Exception {
		String origin = "http://127.0.0.1:" + port;
		Map<String, Object> employee = Map.of("workwell_role", "employee", "fhirUser", "Patient/" + alice);
		String otherAudience = TestTokens.signed(origin, "http://elsewhere.example/fhir", "user/*.cruds", alice,
				Instant.now().plusSeconds(300), employee);
		String expired = TestTokens.signed(origin, origin + "/fhir", "user/*.cruds", alice, Instant.now().minusSeconds(60), employee);
		String valid = tokens.get(Role.EMPLOYEE);
		String[] parts = valid.split("\\.");
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
				.replace(alice, bob);
		String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
				.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
		for (String token : List.of(otherAudience, expired, tampered)) {
			assertThat(sendWith(token, "GET", "/Patient/" + alice, null).statusCode()).isEqualTo(401);
		}
		// refused before the FHIR server, and still audited (no agent: an invalid token's claims are not facts)
		Bundle refusals = search(Role.ADMIN, "/AuditEvent?type=http://dicom.nema.org/resources/ontology/DCM|110114&outcome=4"
				+ "&entity-name=/fhir/Patient/" + alice);
		assertThat(refusals.getEntry()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> {
			AuditEvent event = (AuditEvent) e.getResource();
			assertThat(event.getOutcomeDesc()).startsWith("HTTP 401");
			assertThat(event.getAgentFirstRep().getWho().hasIdentifier()).isFalse();
			assertThat(event.getAgentFirstRep().getNetwork().getAddress()).isNotBlank();
		});
	}

	@Test
	void aV1ReadScopeCannotWriteWhateverTheRole() throws Exception {
		String readOnly = user("employee", "Patient/" + alice, alice, "patient/*.read");
		assertThat(sendWith(readOnly, "GET", "/Observation/" + alices.get(Kind.VITAL), null).statusCode()).isEqualTo(200);
		assertThat(sendWith(readOnly, "POST", "/Observation", JSON.encodeResourceToString(vital(alice))).statusCode()).isEqualTo(403);
		String clinicianReadOnly = user("clinician", "Practitioner/" + generalClinician, null, "user/*.read");
		assertThat(sendWith(clinicianReadOnly, "POST", "/Observation", JSON.encodeResourceToString(vital(alice))).statusCode())
				.isEqualTo(403);
		assertThat(sendWith(clinicianReadOnly, "POST", "/Patient/" + alice + "/$risk-assess", "{\"resourceType\":\"Parameters\"}")
				.statusCode()).isEqualTo(403);
	}

	@Test
	void anEmployeesTokenReachesOnlyTheirOwnRecordWhateverScopesTheAppAskedFor() throws Exception {
		// user/*.* would be everything for a clinician; for an employee it is still their own compartment
		String wide = user("employee", "Patient/" + alice, null, "user/*.*");
		assertThat(sendWith(wide, "GET", "/Observation/" + alices.get(Kind.VITAL), null).statusCode()).isEqualTo(200);
		assertThat(sendWith(wide, "GET", "/Observation/" + bobsVital, null).statusCode()).isEqualTo(404);
		// a token whose patient context is not the user's own Patient grants nothing
		String mismatched = user("employee", "Patient/" + alice, bob, "patient/*.rs");
		assertThat(sendWith(mismatched, "GET", "/Observation/" + bobsVital, null).statusCode()).isIn(403, 404);
		// a role the server does not know grants nothing
		assertThat(sendWith(user("superuser", "Practitioner/" + psychiatrist, null, "user/*.*"), "GET", "/Patient/" + alice, null)
				.statusCode()).isIn(403, 404);
	}

	@Test
	void onlyClinicalRolesSearchBySecurityLabel() throws Exception {
		String bySecurity = "/QuestionnaireResponse?_security=http://terminology.hl7.org/CodeSystem/v3-ActCode|MH";
		assertThat(send(Role.HR, "GET", bySecurity, null).statusCode()).isEqualTo(403);
		assertThat(send(Role.INTEGRATION, "GET", bySecurity, null).statusCode()).isEqualTo(403);
		assertThat(send(Role.VENDOR, "GET", "/Observation?_security=http://terminology.hl7.org/CodeSystem/v3-ActCode|MH", null)
				.statusCode()).isEqualTo(403);
		HttpResponse<String> psychiatrist = send(Role.PSYCH_CLINICIAN, "GET", bySecurity + "&subject=Patient/" + alice, null);
		assertThat(psychiatrist.statusCode()).isEqualTo(200);
		assertThat(psychiatrist.body()).contains(alices.get(Kind.PSYCH));
	}

	@Test
	void psychologicalRecordsAreLabelledOnWrite() throws Exception {
		QuestionnaireResponse stored = JSON.parseResource(QuestionnaireResponse.class, adminRead(Kind.PSYCH));
		assertThat(stored.getMeta().getSecurity()).anyMatch(c -> "http://terminology.hl7.org/CodeSystem/v3-ActCode".equals(c.getSystem())
				&& "MH".equals(c.getCode()));
		Observation vital = JSON.parseResource(Observation.class, adminRead(Kind.VITAL));
		assertThat(vital.getMeta().getSecurity()).isEmpty();
	}

	@Test
	void theVendorReadsBackOnlyWhatItCreated() throws Exception {
		String otherVendor = backend("device-vendor", "vendor-b");
		assertThat(sendWith(otherVendor, "GET", "/Device/" + alices.get(Kind.DEVICE), null).statusCode()).isEqualTo(404);
		Bundle devices = JSON.parseResource(Bundle.class, sendWith(otherVendor, "GET", "/Device", null).body());
		assertThat(devices.getEntry()).isEmpty();
		// a tag of the creator's system sent by a client is not believed
		Device forged = device(alice);
		forged.getMeta().addTag(LabelsOnWrite.CREATED_BY_SYSTEM, "vendor-a", null);
		HttpResponse<String> created = sendWith(otherVendor, "POST", "/Device", JSON.encodeResourceToString(forged));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(send(Role.VENDOR, "GET", "/Device/" + idFromLocation(created), null).statusCode()).isEqualTo(404);
		assertThat(sendWith(otherVendor, "GET", "/Device/" + idFromLocation(created), null).statusCode()).isEqualTo(200);
	}

	@Test
	void nationalIdAndPhoneAreMaskedForRolesThatDoNotNeedThem() throws Exception {
		for (Role role : List.of(Role.EMPLOYEE, Role.ADMIN)) {
			assertThat(send(role, "GET", "/Patient/" + alice, null).body()).as(role.name()).contains(NATIONAL_ID).contains(PHONE);
		}
		String clinicians = send(Role.CLINICIAN, "GET", "/Patient/" + alice, null).body();
		assertThat(clinicians).doesNotContain(NATIONAL_ID).contains("**************1234").contains(PHONE).contains("MASKED");
		String integration = send(Role.INTEGRATION, "GET", "/Patient/" + alice, null).body();
		assertThat(integration).doesNotContain(NATIONAL_ID).doesNotContain(PHONE);
		// also inside search Bundles and $everything
		assertThat(send(Role.CLINICIAN, "GET", "/Patient?_id=" + alice, null).body()).contains(alice).doesNotContain(NATIONAL_ID);
		assertThat(send(Role.INTEGRATION, "GET", "/Patient/" + alice + "/$everything", null).body()).contains(alice)
				.doesNotContain(NATIONAL_ID).doesNotContain(PHONE);
	}

	@Test
	void consentDecidesWhoSeesPsychologicalDataAndWhetherItIsScored() throws Exception {
		adminCreate(careTeam(carol, psychiatrist, CareTeamAssignments.PSYCHOLOGIST));
		String carolsPsych = adminCreate(psych(carol));
		String consent = adminCreate(Consents.psychological("Patient/" + carol));
		String carolsToken = user("employee", "Patient/" + carol, carol);

		assertThat(send(Role.PSYCH_CLINICIAN, "GET", "/QuestionnaireResponse/" + carolsPsych, null).statusCode()).isEqualTo(200);
		assertThat(riskAssessOutcome(carol)).doesNotContain("phq-9:");

		org.hl7.fhir.r4.model.Consent withdrawn = JSON.parseResource(org.hl7.fhir.r4.model.Consent.class,
				sendWith(TestTokens.admin(port), "GET", "/Consent/" + consent, null).body());
		withdrawn.setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
		assertThat(send(Role.ADMIN, "PUT", "/Consent/" + consent, JSON.encodeResourceToString(withdrawn)).statusCode()).isEqualTo(200);

		assertThat(send(Role.PSYCH_CLINICIAN, "GET", "/QuestionnaireResponse/" + carolsPsych, null).statusCode()).isEqualTo(404);
		assertThat(sendWith(carolsToken, "GET", "/QuestionnaireResponse/" + carolsPsych, null).statusCode())
				.as("the employee always sees their own").isEqualTo(200);
		assertThat(riskAssessOutcome(carol)).contains("not computable: phq-9: no active consent of the employee to process psychological data");
		// Bob never consented: his psychiatrist sees his other records, not his psychological ones
		assertThat(send(Role.PSYCH_CLINICIAN, "GET", "/QuestionnaireResponse/" + bobsPsych, null).statusCode()).isEqualTo(404);
		assertThat(send(Role.PSYCH_CLINICIAN, "GET", "/Observation/" + bobsVital, null).statusCode()).isEqualTo(200);
	}

	@Test
	void aConsentCanDenyACategoryAndGrantAClinicianByName() throws Exception {
		String dave = adminCreate(patient("Dave"));
		String davesVital = adminCreate(vital(dave));
		String davesCondition = adminCreate(occupational(dave));
		String grantedToken = user("clinician", "Practitioner/" + granted, null);
		assertThat(sendWith(grantedToken, "GET", "/Observation/" + davesVital, null).statusCode()).isEqualTo(404);

		org.hl7.fhir.r4.model.Consent grant = Consents.privacy("Patient/" + dave);
		grant.getProvision().setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT)
				.addActor().setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PRCP", null)))
				.setReference(new Reference("Practitioner/" + granted));
		grant.getProvision().addProvision().setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY)
				.addClass_(new Coding("http://hl7.org/fhir/resource-types", "Observation", null));
		adminCreate(grant);

		assertThat(sendWith(grantedToken, "GET", "/Patient/" + dave, null).statusCode()).isEqualTo(200);
		assertThat(sendWith(grantedToken, "GET", "/Observation/" + davesVital, null).statusCode()).as("denied by class").isEqualTo(404);
		Bundle observations = JSON.parseResource(Bundle.class,
				sendWith(grantedToken, "GET", "/Observation?subject=Patient/" + dave, null).body());
		assertThat(observations.getEntry()).isEmpty();
		assertThat(observations.hasTotal()).as("no total that would count the hidden").isFalse();
		// occupational-disease data needs its own consent, which Dave has not given
		assertThat(sendWith(grantedToken, "GET", "/Condition/" + davesCondition, null).statusCode()).isEqualTo(404);
		String davesToken = user("employee", "Patient/" + dave, dave);
		assertThat(sendWith(davesToken, "GET", "/Observation/" + davesVital, null).statusCode()).isEqualTo(200);
	}

	@Test
	void hrSeesNoIndividualRecordButReferenceData() throws Exception {
		for (String path : List.of("/Patient", "/Observation", "/Condition", "/QuestionnaireResponse", "/RiskAssessment",
				"/Patient/" + alice + "/$everything")) {
			assertThat(send(Role.HR, "GET", path, null).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(send(Role.HR, "GET", "/Questionnaire", null).statusCode()).isEqualTo(200);
		assertThat(send(Role.HR, "GET", "/Practitioner", null).statusCode()).as("staff directory").isEqualTo(403);
	}

	@Test
	void bulkExportIsTheAdministratorsOnly() throws Exception {
		for (Role role : List.of(Role.INTEGRATION, Role.VENDOR, Role.HR, Role.CLINICIAN, Role.EMPLOYEE)) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/$export"))
					.header("Authorization", "Bearer " + tokens.get(role)).header("Accept", "application/fhir+json")
					.header("Prefer", "respond-async").GET().build();
			assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as(role.name()).isEqualTo(403);
		}
	}

	// ---- helpers ------------------------------------------------------------------------------

	private String riskAssessOutcome(String patient) throws Exception {
		HttpResponse<String> response = send(Role.ADMIN, "POST", "/Patient/" + patient + "/$risk-assess",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"persist\",\"valueBoolean\":false}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private String user(String role, String fhirUser, String patient) {
		return user(role, fhirUser, patient, "user/*.cruds");
	}

	private String user(String role, String fhirUser, String patient, String scope) {
		return TestTokens.signed(port, scope, patient, Map.of("workwell_role", role, "fhirUser", fhirUser, "client_id", "app"));
	}

	private String backend(String role, String client) {
		return TestTokens.signed(port, "system/*.cruds", null, Map.of("workwell_role", role, "client_id", client));
	}

	private static String type(Kind kind) {
		return switch (kind) {
			case PATIENT -> "Patient";
			case VITAL -> "Observation";
			case PSYCH -> "QuestionnaireResponse";
			case OCCUPATIONAL -> "Condition";
			case CARETEAM -> "CareTeam";
			case DEVICE -> "Device";
			case AUDIT -> "AuditEvent";
		};
	}

	private String searchOf(Kind kind) {
		return switch (kind) {
			case PATIENT -> "/Patient?_id=" + alice;
			case VITAL -> "/Observation?subject=Patient/" + alice + "&code=http://loinc.org|8867-4&_id=" + alices.get(Kind.VITAL);
			case PSYCH -> "/QuestionnaireResponse?subject=Patient/" + alice + "&_id=" + alices.get(Kind.PSYCH);
			case OCCUPATIONAL -> "/Condition?subject=Patient/" + alice + "&_id=" + alices.get(Kind.OCCUPATIONAL);
			case CARETEAM -> "/CareTeam?subject=Patient/" + alice + "&_id=" + alices.get(Kind.CARETEAM);
			case DEVICE -> "/Device?patient=Patient/" + alice + "&_id=" + alices.get(Kind.DEVICE);
			case AUDIT -> "/AuditEvent?_count=1";
		};
	}

	private Resource fresh(Kind kind) {
		return switch (kind) {
			case PATIENT -> patient("New");
			case VITAL -> vital(alice);
			case PSYCH -> psych(alice);
			case OCCUPATIONAL -> occupational(alice);
			case CARETEAM -> careTeam(alice);
			case DEVICE -> device(alice);
			case AUDIT -> new AuditEvent().setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", null))
					.setRecorded(new java.util.Date());
		};
	}

	private String adminRead(Kind kind) throws Exception {
		return send(Role.ADMIN, "GET", "/" + type(kind) + "/" + alices.get(kind), null).body();
	}

	private static Practitioner practitioner(String family) {
		return new Practitioner().addName(new HumanName().setFamily(family));
	}

	private static Patient patient(String family) {
		Patient patient = new Patient().addName(new HumanName().setFamily(family));
		patient.addIdentifier().setSystem(PatientMasking.NATIONAL_ID_SYSTEM).setValue(NATIONAL_ID);
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(PHONE);
		return patient;
	}

	private static CareTeam careTeam(String patient, String... practitionersAndRoles) {
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + patient));
		for (int i = 0; i + 1 < practitionersAndRoles.length; i += 2) {
			team.addParticipant().setMember(new Reference("Practitioner/" + practitionersAndRoles[i]))
					.addRole(new CodeableConcept(new Coding(CareTeamAssignments.SNOMED, practitionersAndRoles[i + 1], null)));
		}
		return team;
	}

	private static Observation vital(String patient) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", null)));
		observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
		observation.setSubject(new Reference("Patient/" + patient));
		observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11-01T08:00:00+08:00"));
		observation.setValue(new Quantity().setValue(72).setSystem("http://unitsofmeasure.org").setCode("/min").setUnit("/min"));
		return observation;
	}

	/** A PHQ-9 answered item by item (LOINC item codes as linkIds), as the risk-assessment contract records it. */
	static QuestionnaireResponse psych(String patient) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(new Reference("Patient/" + patient));
		response.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-01"));
		for (String item : List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8")) {
			response.addItem().setLinkId(item).addAnswer().setValue(new Coding("http://loinc.org", "LA6568-5", null));
		}
		return response;
	}

	/** An occupational disease diagnosis (silicosis). */
	private static Condition occupational(String patient) {
		Condition condition = new Condition();
		condition.addCategory(new CodeableConcept(new Coding("http://workwell.health/fhir/CodeSystem/condition-category",
				"occupational-disease", "Occupational disease")));
		condition.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "J62.8", "Pneumoconiosis due to other dust containing silica")));
		condition.setSubject(new Reference("Patient/" + patient));
		return condition;
	}

	private static Device device(String patient) {
		Device device = new Device();
		device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
		device.addDeviceName().setName("wrist monitor").setType(Device.DeviceNameType.USERFRIENDLYNAME);
		device.setPatient(new Reference("Patient/" + patient));
		return device;
	}

	private String adminCreate(Resource resource) throws Exception {
		HttpResponse<String> response = send(Role.ADMIN, "POST", "/" + resource.fhirType(), JSON.encodeResourceToString(resource));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return idFromLocation(response);
	}

	private static String idFromLocation(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		String[] parts = location.split("/");
		return parts[Arrays.asList(parts).indexOf("_history") - 1];
	}

	private Bundle search(Role role, String path) throws Exception {
		HttpResponse<String> response = send(role, "GET", path, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.parseResource(Bundle.class, response.body());
	}

	/** The same search as a form POST to Type/_search. */
	private HttpResponse<String> postSearch(Role role, String search) throws Exception {
		String[] pathAndQuery = search.split("\\?", 2);
		HttpRequest request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + pathAndQuery[0] + "/_search"))
				.header("Authorization", "Bearer " + (role == Role.ADMIN ? TestTokens.admin(port) : tokens.get(role)))
				.header("Accept", "application/fhir+json").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(pathAndQuery[1].replace("|", "%7C"))).build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(Role role, String method, String path, String body) throws Exception {
		return sendWith(role == Role.ADMIN ? TestTokens.admin(port) : tokens.get(role), method, path, body);
	}

	private HttpResponse<String> sendWith(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + path.replace("|", "%7C")))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json")
				.header("Content-Type", "application/fhir+json");
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
