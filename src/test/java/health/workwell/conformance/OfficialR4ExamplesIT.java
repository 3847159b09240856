package health.workwell.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.testsupport.H2Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No false alarms: the official FHIR R4 examples (npm {@code hl7.fhir.r4.examples} 4.0.1, fetched by
 * src/test/prepare-test-inputs.sh) claim none of WorkWell's profiles, and every one of the resource
 * types WorkWell works with passes {@code $validate} without an error — except the few that really
 * are defective, each of which must be reported for exactly its documented defect.
 */
@H2Server
class OfficialR4ExamplesIT {

	static final Path PACKAGE = Path.of("target/r4-examples/hl7.fhir.r4.examples-4.0.1.tgz");

	/** The resource types of an occupational health record, and of what WorkWell writes. */
	static final Set<String> SAMPLED_TYPES = Set.of(
			"Patient", "Practitioner", "Organization", "CareTeam", "Group", "Consent", "Encounter", "Observation",
			"Condition", "Procedure", "DiagnosticReport", "Immunization", "AllergyIntolerance", "FamilyMemberHistory",
			"MedicationStatement", "MedicationRequest", "QuestionnaireResponse", "Device", "RiskAssessment", "CarePlan",
			"Flag", "Task", "ServiceRequest", "DetectedIssue", "AuditEvent");

	/**
	 * Official examples that break R4 rules, with the defect. UCUM has no units "ea", "mcg", "drop",
	 * "mEq" or "hr" (each, microgram is "ug", hour "h"); v3 orderableDrugForm codes are upper case
	 * (TAB, PATCH); R4 canonicals must be absolute; base64 may not contain spaces; a stated hash must
	 * match the data; a urn:ietf:rfc:3986 identifier must be a URI.
	 */
	static final Map<String, String> KNOWN_DEFECTS = Map.ofEntries(
			Map.entry("DiagnosticReport-example-pgx.json", "The hash of the data did not match the data"),
			Map.entry("DiagnosticReport-gingival-mass.json", "is not valid base64"),
			Map.entry("QuestionnaireResponse-gcs.json", "Canonical URLs must be absolute URLs"),
			Map.entry("QuestionnaireResponse-ussg-fht-answers.json", "Canonical URLs must be absolute URLs"),
			Map.entry("Procedure-f201.json", "Canonical URLs must be absolute URLs"),
			Map.entry("Organization-2.16.840.1.113883.19.5.json", "the identifier.value must be a full URI"),
			Map.entry("MedicationStatement-example001.json", "v3-orderableDrugForm#Tab"),
			Map.entry("MedicationStatement-example002.json", "v3-orderableDrugForm#Tab"),
			Map.entry("MedicationStatement-example003.json", "v3-orderableDrugForm#tab"),
			Map.entry("MedicationRequest-medrx0313.json", "v3-orderableDrugForm#Tab"),
			Map.entry("MedicationRequest-medrx0327.json", "v3-orderableDrugForm#patch"),
			Map.entry("MedicationRequest-medrx0304.json", "The unit 'drop' is unknown"),
			Map.entry("MedicationRequest-medrx0314.json", "The unit 'mcg' is unknown"),
			Map.entry("MedicationRequest-medrx0319.json", "The unit 'hr' is unknown"),
			Map.entry("MedicationRequest-medrx0322.json", "The unit 'mEq' is unknown"),
			Map.entry("MedicationRequest-medrx0325.json", "The unit 'ea' is unknown"),
			Map.entry("MedicationRequest-medrx0326.json", "The unit 'ea' is unknown"),
			Map.entry("MedicationRequest-medrx0328.json", "The unit 'ea' is unknown"),
			Map.entry("MedicationRequest-medrx0329.json", "The unit 'ea' is unknown"),
			Map.entry("MedicationRequest-medrx0334.json", "The unit 'ea' is unknown"),
			Map.entry("MedicationRequest-medrx0335.json", "The unit 'ea' is unknown"));

	private static final Pattern EXAMPLE_FILE = Pattern.compile("package/(([A-Za-z]+)-[^/]+\\.json)");

	@LocalServerPort
	int port;

	FhirHttp fhir;

	@BeforeEach
	void client() {
		fhir = new FhirHttp(port);
	}

	/** File name → JSON of every example of a sampled type in the package. */
	static Stream<Arguments> sample() {
		Map<String, String> examples = new TreeMap<>();
		try (InputStream file = Files.newInputStream(PACKAGE);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Matcher name = EXAMPLE_FILE.matcher(entry.getName());
				if (name.matches() && SAMPLED_TYPES.contains(name.group(2))) {
					String json = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
					if (json.contains("\"resourceType\": \"" + name.group(2) + "\"") || json.contains("\"resourceType\":\"" + name.group(2) + "\"")) {
						examples.put(name.group(1), json);
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Run src/test/prepare-test-inputs.sh (Maven does, before the tests)", e);
		}
		assertThat(examples).as("sampled official examples").hasSizeGreaterThan(250).containsKeys(KNOWN_DEFECTS.keySet().toArray(String[]::new));
		return examples.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sample")
	void officialExampleValidatesWithoutFalseAlarms(String file, String json) throws Exception {
		String type = file.substring(0, file.indexOf('-'));

		FhirHttp.Response outcome = fhir.post("/" + type + "/$validate", json);

		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
		String defect = KNOWN_DEFECTS.get(file);
		if (defect == null) {
			assertThat(outcome.errors()).as(file).isEmpty();
		} else {
			assertThat(outcome.errors()).as(file).contains(defect);
		}
	}
}
