package health.workwell.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.H2Server;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The packages installed at start: WorkWell's own from the jar, and a further one from the configured
 * packages folder (src/test/ig-package). Their conformance resources are served read-only, their
 * profiles are listed in the CapabilityStatement, and the further package is enforced like our own.
 */
@H2Server
class InstalledPackagesIT {

	private static final String WW = "http://workwell.health/fhir";
	private static final String FURTHER_PROFILE = "http://example.org/fhir/further-ig/StructureDefinition/patient-with-phone";

	@LocalServerPort
	int port;

	FhirHttp fhir;

	@BeforeEach
	void client() {
		fhir = new FhirHttp(port);
	}

	@Test
	void profilesAreServedUnderTheirPackageIdsWithSnapshots() throws Exception {
		FhirHttp.Response response = fhir.get("/StructureDefinition/workwell-employee");

		assertThat(response.status()).isEqualTo(200);
		StructureDefinition employee = response.as(StructureDefinition.class);
		assertThat(employee.getUrl()).isEqualTo(WW + "/StructureDefinition/workwell-employee");
		assertThat(employee.getSnapshot().getElement()).isNotEmpty();
		assertThat(fhir.get("/CodeSystem/hazard-agent").status()).isEqualTo(200);
		assertThat(fhir.get("/ValueSet/hazard-agent").status()).isEqualTo(200);
		assertThat(fhir.get("/Questionnaire/phq-9").status()).isEqualTo(200);
		// a read of OperationDefinition/{id} is answered by HAPI's generated definitions; a search finds ours
		assertThat(fhir.get("/OperationDefinition?url=" + WW + "/OperationDefinition/risk-assess").body())
				.contains("\"total\":1");
	}

	@Test
	void theImplementationGuideIsServedWithoutItsExamples() throws Exception {
		FhirHttp.Response response = fhir.get("/ImplementationGuide/health.workwell.fhir.ig");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		ImplementationGuide guide = response.as(ImplementationGuide.class);
		assertThat(guide.getDefinition().getResource()).isNotEmpty().noneMatch(PackageInstaller::isExample);
	}

	@Test
	void aFurtherPackageHasItsSnapshotGeneratedAtInstall() throws Exception {
		FhirHttp.Response response = fhir.get("/StructureDefinition?url=" + FURTHER_PROFILE);

		StructureDefinition definition = (StructureDefinition) response.as(org.hl7.fhir.r4.model.Bundle.class).getEntryFirstRep().getResource();
		assertThat(definition.getSnapshot().getElement()).anyMatch(e -> e.getPath().equals("Patient.telecom") && e.getMin() == 1);
	}

	@Test
	void theCapabilityStatementListsEveryProfileAndTheGuide() throws Exception {
		CapabilityStatement capabilities = fhir.get("/metadata").as(CapabilityStatement.class);

		assertThat(capabilities.getImplementationGuide()).extracting(CanonicalType::getValue)
				.contains(WW + "/ImplementationGuide/health.workwell.fhir.ig");
		assertThat(supportedProfiles(capabilities, "Patient"))
				.contains(WW + "/StructureDefinition/workwell-employee", FURTHER_PROFILE);
		assertThat(supportedProfiles(capabilities, "Observation")).contains(
				WW + "/StructureDefinition/workwell-occupational-exposure",
				WW + "/StructureDefinition/workwell-device-blood-pressure",
				WW + "/StructureDefinition/workwell-phq9-score");
		assertThat(supportedProfiles(capabilities, "RiskAssessment")).contains(WW + "/StructureDefinition/workwell-risk-assessment");
	}

	private static java.util.List<String> supportedProfiles(CapabilityStatement capabilities, String type) {
		return capabilities.getRestFirstRep().getResource().stream()
				.filter(r -> r.getType().equals(type))
				.flatMap(r -> r.getSupportedProfile().stream())
				.map(CanonicalType::getValue)
				.toList();
	}

	@Test
	void packagedConformanceResourcesAreReadOnly() throws Exception {
		String employee = fhir.get("/StructureDefinition/workwell-employee").body();

		FhirHttp.Response update = fhir.put("/StructureDefinition/workwell-employee", employee);
		FhirHttp.Response delete = fhir.delete("/ValueSet/hazard-agent");
		StructureDefinition impostor = FhirHttp.JSON.parseResource(StructureDefinition.class, employee);
		impostor.setId((String) null);
		impostor.setUrl(WW + "/StructureDefinition/workwell-employee-impostor");
		FhirHttp.Response create = fhir.post("/StructureDefinition", impostor);

		assertThat(update.status()).as(update.body()).isEqualTo(405);
		assertThat(update.errors()).contains("belongs to the implementation guide health.workwell.fhir.ig#0.1.0 and is read-only");
		assertThat(delete.status()).isEqualTo(405);
		assertThat(create.status()).isEqualTo(405);
		assertThat(fhir.get("/ValueSet/hazard-agent").status()).isEqualTo(200);
	}

	@Test
	void conformanceResourcesOfNoInstalledPackageCanStillBeWritten() throws Exception {
		StructureDefinition local = fhir.get("/StructureDefinition/workwell-employee").as(StructureDefinition.class);
		local.setId((String) null);
		local.setUrl("http://example.org/fhir/local/StructureDefinition/local-employee");

		assertThat(fhir.post("/StructureDefinition", local).status()).isEqualTo(201);
	}

	@Test
	void aFurtherPackageIsEnforcedLikeOurOwn() throws Exception {
		Patient withoutPhone = new Patient();
		withoutPhone.getMeta().addProfile(FURTHER_PROFILE);
		Patient withPhone = withoutPhone.copy();
		withPhone.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+86 10 5555 0100");

		FhirHttp.Response refused = fhir.post("/Patient", withoutPhone);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errors()).contains("Patient.telecom: minimum required = 1");
		assertThat(fhir.post("/Patient", withPhone).status()).isEqualTo(201);
	}
}
