package health.workwell.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.H2Server;
import health.workwell.testsupport.UnprofiledExposure;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server enforces the WorkWell implementation guide on every write: every example in ig/examples
 * is accepted and validates without errors; every broken example in ig/invalid-examples is refused
 * with 422, an OperationOutcome naming the failing rule, and nothing stored. Configured rules apply to
 * resources that claim no profile; failed transactions leave no trace; batches answer per entry.
 */
@H2Server
class ImplementationGuideEnforcementIT {

	private static final String WW = "http://workwell.health/fhir";
	private static final String EXPOSURE_PROFILE = WW + "/StructureDefinition/workwell-occupational-exposure";
	private static final Pattern HL7_UNKNOWN_CODE = Pattern.compile("Unknown code '(.+)'");

	@LocalServerPort
	int port;

	FhirHttp fhir;

	@BeforeEach
	void client() {
		fhir = new FhirHttp(port);
	}

	private void storeExamples() throws Exception {
		FhirHttp.Response stored = fhir.post("", IgFiles.examplesTransaction());
		assertThat(stored.status()).as(stored.body()).isEqualTo(200);
	}

	static Stream<Path> examples() {
		return IgFiles.examples().stream();
	}

	static Stream<Arguments> brokenExamples() {
		return IgFiles.expectedErrors().entrySet().stream()
				.sorted(java.util.Map.Entry.comparingByKey())
				.map(e -> Arguments.of(e.getKey(), e.getValue()));
	}

	@Test
	void allExamplesAreStoredInOneTransaction() throws Exception {
		FhirHttp.Response response = fhir.post("", IgFiles.examplesTransaction());

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Bundle result = response.as(Bundle.class);
		assertThat(result.getEntry()).hasSize(IgFiles.examples().size());
		assertThat(result.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).matches("20[01] .*"));
		assertThat(fhir.get("/Patient/employee-zhang-wei").status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleValidatesWithoutErrors(Path example) throws Exception {
		Resource resource = IgFiles.parse(example);

		FhirHttp.Response outcome = fhir.post("/" + resource.fhirType() + "/$validate", IgFiles.read(example));

		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
		assertThat(outcome.errors()).as("errors validating " + example).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenExamples")
	void brokenExampleIsRefusedNamingTheRuleAndNothingIsStored(String file, String expectedError) throws Exception {
		storeExamples(); // the targets its references point to
		Resource broken = IgFiles.parse(IgFiles.INVALID_EXAMPLES.resolve(file));
		String id = "broken-" + UUID.randomUUID();
		String path = "/" + broken.fhirType() + "/" + id;
		broken.setId(id);

		FhirHttp.Response refused = fhir.put(path, FhirHttp.JSON.encodeResourceToString(broken));

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.errors()).containsPattern(serverWording(expectedError));
		assertThat(fhir.get(path).status()).as("nothing stored").isEqualTo(404);
	}

	/**
	 * expected-errors.json holds the HL7 validator engine's wording; HAPI's terminology service names
	 * an unknown code together with its system ({@code Unknown code "system#code"}).
	 */
	private static Pattern serverWording(String expected) {
		Matcher unknownCode = HL7_UNKNOWN_CODE.matcher(expected);
		if (unknownCode.matches()) {
			return Pattern.compile("Unknown code \"[^\"]*#" + Pattern.quote(unknownCode.group(1)) + "\"");
		}
		return Pattern.compile(Pattern.quote(expected));
	}

	@Test
	void aRuleAppliesToAResourceThatClaimsNoProfile() throws Exception {
		FhirHttp.Response refused = fhir.post("/Observation", UnprofiledExposure.noise());

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.errors()).contains(EXPOSURE_PROFILE).contains("Observation.subject: minimum required = 1");
	}

	@Test
	void aResourceNoProfileOrRuleCoversIsStoredAsBefore() throws Exception {
		Observation note = new Observation();
		note.setStatus(Observation.ObservationStatus.FINAL);
		note.setCode(new CodeableConcept().setText("free-text observation"));

		assertThat(fhir.post("/Observation", note).status()).isEqualTo(201);
	}

	@Test
	void aClaimedWorkWellProfileThatDoesNotExistIsRefused() throws Exception {
		Patient patient = new Patient();
		patient.getMeta().addProfile(WW + "/StructureDefinition/no-such-profile");

		FhirHttp.Response refused = fhir.post("/Patient", patient);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errors()).contains("no-such-profile is not defined by any implementation guide");
	}

	@Test
	void aProfileOfAnotherPublisherTheServerDoesNotHoldIsNotEnforced() throws Exception {
		Patient patient = new Patient();
		patient.getMeta().addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");

		assertThat(fhir.post("/Patient", patient).status()).isEqualTo(201);
	}

	@Test
	void aTransactionWithOneNonConformingEntryStoresNothing() throws Exception {
		String family = "Tx" + UUID.randomUUID().toString().replace("-", "");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(family)))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		transaction.addEntry().setResource(IgFiles.parse(IgFiles.INVALID_EXAMPLES.resolve("Device-without-type.json")).setId((String) null))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Device");

		FhirHttp.Response refused = fhir.post("", transaction);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.errors()).contains("Device.type: minimum required = 1");
		assertThat(fhir.get("/Patient?family=" + family + "&_summary=count").body()).contains("\"total\":0");
	}

	@Test
	void aBatchAnswersEachEntryOnItsOwn() throws Exception {
		storeExamples();
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().setResource(IgFiles.parse(IgFiles.EXAMPLES.resolve("Device-device-scale-zhang-wei.json")).setId((String) null))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Device");
		batch.addEntry().setResource(IgFiles.parse(IgFiles.INVALID_EXAMPLES.resolve("Device-without-type.json")).setId((String) null))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Device");

		FhirHttp.Response response = fhir.post("", batch);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Bundle result = response.as(Bundle.class);
		assertThat(result.getEntry().get(0).getResponse().getStatus()).startsWith("201");
		assertThat(result.getEntry().get(1).getResponse().getStatus()).startsWith("422");
	}

	@Test
	void validateAgainstAWorkWellProfileTheResourceDoesNotClaim() throws Exception {
		Observation heartRate = (Observation) IgFiles.parse(IgFiles.EXAMPLES.resolve("Observation-heart-rate-zhang-wei-20261101.json"));
		heartRate.getMeta().getProfile().clear();
		heartRate.getIdentifier().clear();

		FhirHttp.Response outcome = fhir.post("/Observation/$validate?profile=" + WW + "/StructureDefinition/workwell-device-heart-rate",
				FhirHttp.JSON.encodeResourceToString(heartRate));

		assertThat(outcome.errors()).contains("Observation.identifier: minimum required = 1");
	}
}
