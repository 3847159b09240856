package health.workwell.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.H2Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Data nobody here wrote (issue 4): a small seeded Synthea population (Synthea from Maven Central, copied
 * with its runtime dependencies into target/synthea/lib by src/test/prepare-test-inputs.sh and run here as
 * a separate JVM: its HAPI FHIR 6.1 must not meet the server's 8.8 on one classpath) is loaded into the
 * server exactly as Synthea exports it — the hospital and practitioner batch Bundles first, since the
 * patients' transaction Bundles refer to them by conditional references such as
 * {@code Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|...} — and {@code $risk-assess} must compute
 * every model whose inputs the Synthea record itself provides, and name every other with its missing
 * inputs. What each record provides is worked out from the Synthea Bundle, independently of the server's
 * reading code.
 */
@H2Server
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheaRiskAssessIT {

	static final Path SYNTHEA_HOME = Path.of("target/synthea");
	static final Path SYNTHEA_LIB = SYNTHEA_HOME.resolve("lib");
	static final Path OUTPUT = SYNTHEA_HOME.resolve("output");
	static final String SEED = "42";
	static final int POPULATION = 8;
	/** Synthea's reference date (its "today"): with it the seeded output is the same on every run and day. */
	static final String REFERENCE_DATE = "20250601";
	static final LocalDate ASSESSED_ON = LocalDate.of(2025, 6, 1);

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	/**
	 * Ingredients of ATC groups C02, C03, C07, C08 and C09 (antihypertensives, diuretics, beta blockers,
	 * calcium channel blockers, renin-angiotensin agents) by name: how this test recognises an
	 * antihypertensive in Synthea's output without asking the server's code list.
	 */
	static final Pattern ANTIHYPERTENSIVE_INGREDIENT = Pattern.compile("(?i)hydrochlorothiazide|chlorthalidone|indapamide"
			+ "|furosemide|torsemide|bumetanide|spironolactone|eplerenone|triamterene|amiloride|\\w+pril\\b|\\w+sartan\\b|amlodipine"
			+ "|nifedipine|felodipine|verapamil|diltiazem|\\w+olol\\b|carvedilol|labetalol|clonidine|methyldopa|hydralazine|minoxidil"
			+ "|doxazosin|prazosin|terazosin|aliskiren");

	@LocalServerPort
	int port;

	IGenericClient client;
	final List<SyntheaPatient> patients = new ArrayList<>();

	/** One Synthea patient as exported and as stored: {@code serverIds} maps the Bundle's fullUrls to stored ids. */
	record SyntheaPatient(String file, Bundle exported, Map<String, String> serverIds, IdType patientId) {

		Patient patient() {
			return (Patient) exported.getEntryFirstRep().getResource();
		}

		<T extends Resource> Stream<Map.Entry<String, T>> resources(Class<T> type) {
			return exported.getEntry().stream().filter(e -> type.isInstance(e.getResource()))
					.map(e -> Map.entry(e.getFullUrl(), type.cast(e.getResource())));
		}

		String stored(String fullUrl) {
			return serverIds.get(fullUrl);
		}
	}

	@BeforeAll
	void generateAndLoad() throws Exception {
		client = FhirClients.client(port);
		long start = System.nanoTime();
		generate();
		long generated = System.nanoTime();
		try (Stream<Path> files = Files.list(OUTPUT.resolve("fhir"))) {
			List<Path> all = files.sorted().toList();
			// organisations, locations and practitioners first: the patients' Bundles refer to them conditionally
			for (String shared : List.of("hospitalInformation", "practitionerInformation")) {
				Path file = all.stream().filter(p -> p.getFileName().toString().startsWith(shared)).findFirst()
						.orElseThrow(() -> new AssertionError("Synthea wrote no " + shared + " Bundle"));
				Bundle batch = read(file);
				assertThat(batch.getType()).isEqualTo(Bundle.BundleType.BATCH);
				Bundle response = client.transaction().withBundle(batch).execute();
				assertThat(response.getEntry()).as(shared).hasSameSizeAs(batch.getEntry())
						.allSatisfy(e -> assertThat(e.getResponse().getStatus()).as(shared).startsWith("20"));
			}
			for (Path file : all) {
				if (file.getFileName().toString().startsWith("hospitalInformation")
						|| file.getFileName().toString().startsWith("practitionerInformation")) {
					continue;
				}
				Bundle transaction = read(file);
				assertThat(transaction.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
				Bundle response = client.transaction().withBundle(transaction).execute();
				assertThat(response.getEntry()).hasSameSizeAs(transaction.getEntry());
				Map<String, String> ids = new HashMap<>();
				for (int i = 0; i < transaction.getEntry().size(); i++) {
					Bundle.BundleEntryResponseComponent answer = response.getEntry().get(i).getResponse();
					assertThat(answer.getStatus()).as(file + " entry " + i).startsWith("201");
					ids.put(transaction.getEntry().get(i).getFullUrl(), new IdType(answer.getLocation()).toUnqualifiedVersionless().getValue());
				}
				String patientUrl = transaction.getEntryFirstRep().getFullUrl();
				assertThat(transaction.getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
				patients.add(new SyntheaPatient(file.getFileName().toString(), transaction, ids, new IdType(ids.get(patientUrl))));
			}
		}
		System.out.printf("Synthea: %d patients generated in %d s, loaded in %d s%n", patients.size(),
				TimeUnit.NANOSECONDS.toSeconds(generated - start), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - generated));
		assertThat(patients).hasSize(POPULATION);
	}

	/** Runs Synthea (a separate JVM on target/synthea/lib) for a seeded population of adults aged 40–70. */
	private static void generate() throws IOException, InterruptedException {
		syntheaJar();
		deleteRecursively(OUTPUT);
		Path log = SYNTHEA_HOME.resolve("synthea.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process synthea = new ProcessBuilder(java, "-Xmx1g", "-cp", SYNTHEA_LIB.toAbsolutePath() + "/*", "App",
				"-s", SEED, "-cs", SEED, "-p", String.valueOf(POPULATION), "-a", "40-70", "-r", REFERENCE_DATE,
				"--exporter.baseDirectory=" + OUTPUT.toAbsolutePath(),
				"--exporter.fhir.export=true", "--exporter.fhir.transaction_bundle=true",
				"--exporter.hospital.fhir.export=true", "--exporter.practitioner.fhir.export=true",
				"--exporter.metadata.export=false", "--generate.only_alive_patients=true", "Massachusetts")
				.directory(SYNTHEA_HOME.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
		if (!synthea.waitFor(5, TimeUnit.MINUTES)) {
			synthea.destroyForcibly();
			throw new AssertionError("Synthea did not finish within 5 minutes; see " + log);
		}
		assertThat(synthea.exitValue()).as("Synthea's exit code; see " + log).isZero();
	}

	/** Synthea's own jar in target/synthea/lib, which src/test/prepare-test-inputs.sh fills from Maven Central. */
	private static Path syntheaJar() throws IOException {
		assertThat(SYNTHEA_LIB).as("Synthea's classpath (src/test/prepare-test-inputs.sh fills it)").isDirectory();
		try (Stream<Path> files = Files.list(SYNTHEA_LIB)) {
			return files.filter(p -> p.getFileName().toString().matches("synthea-[0-9.]+\\.jar")).findFirst()
					.orElseThrow(() -> new AssertionError("no synthea-*.jar in " + SYNTHEA_LIB));
		}
	}

	private static Bundle read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return FhirClients.R4.newJsonParser().parseResource(Bundle.class, reader);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private Bundle riskAssess(SyntheaPatient patient) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("date").setValue(new DateType(ASSESSED_ON.toString()));
		parameters.addParameter().setName("persist").setValue(new BooleanType(false));
		return client.operation().onInstance(patient.patientId()).named("$risk-assess").withParameters(parameters)
				.returnResourceType(Bundle.class).execute();
	}

	private static Map<String, RiskAssessment> byModel(Bundle result) {
		Map<String, RiskAssessment> byModel = new LinkedHashMap<>();
		result.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(RiskAssessment.class::isInstance)
				.map(RiskAssessment.class::cast)
				.forEach(ra -> byModel.put(ra.getMethod().getCodingFirstRep().getCode(), ra));
		return byModel;
	}

	private static List<String> notComputable(Bundle result) {
		return result.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(OperationOutcome.class::isInstance)
				.flatMap(o -> ((OperationOutcome) o).getIssue().stream()).map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
				.toList();
	}

	@Test
	void computesEveryModelWhoseInputsSyntheaProvidesAndNamesTheOthers() {
		Map<String, List<String>> computedPerPatient = new TreeMap<>();
		for (SyntheaPatient patient : patients) {
			Inputs inputs = new Inputs(patient);
			Map<String, List<String>> expectedMissing = inputs.missingPerModel();
			Bundle result = riskAssess(patient);
			Map<String, RiskAssessment> computed = byModel(result);
			List<String> reasons = notComputable(result);
			String who = patient.file() + " " + inputs;

			// Synthea's adults have everything both Framingham models need
			assertThat(expectedMissing.get("framingham-cvd-lipid")).as(who).isEmpty();
			assertThat(expectedMissing.get("framingham-cvd-bmi")).as(who).isEmpty();
			for (String model : RiskAssessmentRun.ALL_MODELS) {
				List<String> missing = expectedMissing.get(model);
				if (missing == null) {
					// a model this test has no expectation for: it runs, or says why it cannot
					assertThat(computed.containsKey(model) || reasons.stream().anyMatch(r -> r.startsWith("not computable: " + model + ": ")))
							.as(who + ": " + model + " computed or named").isTrue();
				} else if (missing.isEmpty()) {
					assertThat(computed).as(who + ": its record has every input of " + model + "; not computable: " + reasons)
							.containsKey(model);
				} else {
					assertThat(computed).as(who).doesNotContainKey(model);
					assertThat(reasons).as(who).anySatisfy(reason -> assertThat(reason)
							.startsWith("not computable: " + model + ": ").contains(missing));
				}
			}

			// every assessment cites only what was loaded from this patient's Synthea Bundle
			Set<String> own = Set.copyOf(patient.serverIds().values());
			computed.values().forEach(ra -> assertThat(ra.getBasis()).extracting(Reference::getReference).as(who).isSubsetOf(own));
			// ... and the newest lipid, BMI and blood-pressure readings among them
			RiskAssessment lipid = computed.get("framingham-cvd-lipid");
			assertThat(lipid.getBasis()).extracting(Reference::getReference).as(who).contains(patient.patientId().getValue(),
					inputs.newest("2093-3").orElseThrow(), inputs.newest("2085-9").orElseThrow(), inputs.newestBloodPressure().orElseThrow());
			assertThat(computed.get("framingham-cvd-bmi").getBasis()).extracting(Reference::getReference).as(who)
					.contains(inputs.newest("39156-5").orElseThrow());
			assertThat(lipid.getPredictionFirstRep().getProbabilityDecimalType().getValue()).as(who).isPositive();
			computedPerPatient.put(patient.file() + " " + inputs, List.of(computed.keySet().toString(), reasons.toString()));
		}
		computedPerPatient.forEach((file, models) -> System.out.println("Synthea " + file + ": computed " + models.get(0) + "; " + models.get(1)));
	}

	@Test
	void antihypertensivesSyntheaPrescribesInRxNormCountAsTreatment() {
		int treated = 0;
		for (SyntheaPatient patient : patients) {
			Inputs inputs = new Inputs(patient);
			Set<String> expected = inputs.activeAntihypertensives();
			RiskAssessment lipid = byModel(riskAssess(patient)).get("framingham-cvd-lipid");
			Set<String> cited = lipid.getBasis().stream().map(Reference::getReference).filter(r -> r.startsWith("MedicationRequest/"))
					.collect(Collectors.toSet());
			assertThat(cited).as(patient.file() + ": the active antihypertensive prescriptions the treatment input was read from")
					.isEqualTo(expected);
			treated += expected.isEmpty() ? 0 : 1;
		}
		assertThat(treated).as("Synthea patients on an antihypertensive (seed " + SEED + ")").isPositive();
		System.out.println("Synthea: " + treated + " of " + patients.size() + " patients read as treated for hypertension");
	}

	/**
	 * The RxNorm list against Synthea's own modules (JSON in its jar), both ways: every RxNorm code Synthea
	 * uses whose name is an antihypertensive ingredient is recognised, and no other RxNorm code it uses is.
	 */
	@Test
	void rxNormListCoversEveryAntihypertensiveInSyntheasModules() throws IOException {
		Path jar = syntheaJar();
		Map<String, String> rxnorm = new TreeMap<>();
		ObjectMapper json = new ObjectMapper();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith("modules/") && e.getName().endsWith(".json")).toList()) {
				try (InputStream in = zip.getInputStream(entry)) {
					json.readTree(in).findParents("system").stream()
							.filter(node -> "RxNorm".equals(node.path("system").asText()) && node.has("code"))
							.forEach(node -> rxnorm.merge(node.get("code").asText(), node.path("display").asText(), (a, b) -> a + " | " + b));
				}
			}
		}
		assertThat(rxnorm).as("RxNorm codes in " + jar).hasSizeGreaterThan(100);
		Map<String, String> antihypertensives = rxnorm.entrySet().stream()
				.filter(e -> ANTIHYPERTENSIVE_INGREDIENT.matcher(e.getValue()).find())
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
		assertThat(antihypertensives).as("antihypertensives in Synthea's modules").hasSizeGreaterThan(100);
		Predicate<String> recognised = code -> AntihypertensiveRxNorm.contains(new CodeableConcept(new Coding(RXNORM, code, null)));
		assertThat(antihypertensives.entrySet()).as("antihypertensives Synthea prescribes that the list misses")
				.filteredOn(e -> !recognised.test(e.getKey())).isEmpty();
		assertThat(rxnorm.entrySet()).as("other Synthea medicines the list takes for antihypertensives")
				.filteredOn(e -> !antihypertensives.containsKey(e.getKey()) && recognised.test(e.getKey())).isEmpty();
	}

	/** What one Synthea record provides, read from the exported Bundle by the rules of docs/assessment-inputs.md. */
	static final class Inputs {

		private final SyntheaPatient patient;
		private final String sex;
		private final Integer age;

		Inputs(SyntheaPatient patient) {
			this.patient = patient;
			Patient p = patient.patient();
			sex = p.getGender() == AdministrativeGender.MALE || p.getGender() == AdministrativeGender.FEMALE ? p.getGender().toCode() : null;
			age = p.hasBirthDate()
					? Period.between(p.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate(), ASSESSED_ON).getYears()
					: null;
		}

		private Stream<Map.Entry<String, Observation>> usable(String loinc) {
			return patient.resources(Observation.class)
					.filter(e -> e.getValue().getStatus() == Observation.ObservationStatus.FINAL)
					.filter(e -> e.getValue().getCode().getCoding().stream()
							.anyMatch(c -> Codes.LOINC.equals(c.getSystem()) && loinc.equals(c.getCode())));
		}

		private static Date when(Observation o) {
			return o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().getValue() : o.getEffectivePeriod().getStart();
		}

		/** The stored id of the newest final Observation with this code and a quantity value. */
		Optional<String> newest(String loinc) {
			return usable(loinc).filter(e -> e.getValue().hasValueQuantity())
					.max(Comparator.comparing(e -> when(e.getValue())))
					.map(e -> patient.stored(e.getKey()));
		}

		Optional<String> newestBloodPressure() {
			return Stream.concat(usable("85354-9"), usable("8480-6"))
					.filter(e -> e.getValue().hasValueQuantity() || e.getValue().getComponent().stream()
							.anyMatch(c -> c.getCode().getCoding().stream().anyMatch(k -> "8480-6".equals(k.getCode())) && c.hasValueQuantity()))
					.max(Comparator.comparing(e -> when(e.getValue())))
					.map(e -> patient.stored(e.getKey()));
		}

		private boolean hasComponent(String panel, String component) {
			return usable(panel).anyMatch(e -> e.getValue().getComponent().stream()
					.anyMatch(c -> c.getCode().getCoding().stream().anyMatch(k -> component.equals(k.getCode())) && c.hasValueQuantity()))
					|| newest(component).isPresent();
		}

		boolean has(String loinc) {
			return newest(loinc).isPresent();
		}

		boolean smokingStatus() {
			return usable("72166-2").anyMatch(e -> e.getValue().hasValueCodeableConcept());
		}

		/** Stored ids of the active MedicationRequests for an antihypertensive (by ingredient name, RxNorm-coded). */
		Set<String> activeAntihypertensives() {
			Map<String, Medication> medications = patient.resources(Medication.class)
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			return patient.resources(MedicationRequest.class)
					.filter(e -> e.getValue().getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE)
					.filter(e -> {
						MedicationRequest request = e.getValue();
						CodeableConcept code = request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept()
								: medications.getOrDefault(request.getMedicationReference().getReference(), new Medication()).getCode();
						return code.getCoding().stream().anyMatch(c -> RXNORM.equals(c.getSystem()) && c.getDisplay() != null
								&& ANTIHYPERTENSIVE_INGREDIENT.matcher(c.getDisplay()).find());
					})
					.map(e -> patient.stored(e.getKey()))
					.collect(Collectors.toSet());
		}

		/**
		 * For each model this test knows, the required inputs (named as the server names them) the record
		 * lacks: empty = computable. Diagnoses, treatment and family history are always known (none recorded
		 * means no); Synthea's Massachusetts addresses are no Chinese province.
		 */
		Map<String, List<String>> missingPerModel() {
			boolean sbp = hasComponent("85354-9", "8480-6");
			boolean dbp = hasComponent("85354-9", "8462-4");
			Map<String, List<String>> missing = new LinkedHashMap<>();
			missing.put("framingham-cvd-lipid", absent(Map.of("sex", sex != null, "age", inRange(30, 74),
					"systolic blood pressure", sbp, "smoking status", smokingStatus(),
					"total cholesterol", has("2093-3"), "HDL cholesterol", has("2085-9"))));
			missing.put("framingham-cvd-bmi", absent(Map.of("sex", sex != null, "age", inRange(30, 74),
					"systolic blood pressure", sbp, "smoking status", smokingStatus(), "BMI", has("39156-5"))));
			missing.put("china-par", absent(Map.of("sex", sex != null, "age", inRange(35, 74), "systolic blood pressure", sbp,
					"total cholesterol", has("2093-3"), "HDL cholesterol", has("2085-9"), "waist circumference", has("8280-0"),
					"smoking status", smokingStatus(), "region (north/south)", false)));
			missing.put("ada-diabetes", absent(Map.of("sex", sex != null, "age", age != null, "physical activity", has("82290-8"),
					"BMI", has("39156-5"))));
			missing.put("cdrs", absent(Map.of("sex", sex != null, "age", inRange(20, 74), "BMI", has("39156-5"),
					"waist circumference", has("8280-0"), "systolic blood pressure", sbp)));
			boolean questionnaires = patient.resources(QuestionnaireResponse.class).findAny().isPresent();
			assertThat(questionnaires).as("Synthea writes no QuestionnaireResponse (its PHQ screens are Observations)").isFalse();
			// no Synthea patient consented to the processing of psychological data (PIPL Art. 29), which is checked first
			missing.put("phq-9", List.of("no active consent of the employee to process psychological data"));
			missing.put("gad-7", List.of("no active consent of the employee to process psychological data"));
			missing.put("workwell-composite", absent(Map.of("sex", sex != null, "BMI", has("39156-5"), "systolic blood pressure", sbp,
					"diastolic blood pressure", dbp, "smoking status", smokingStatus())));
			return missing;
		}

		private boolean inRange(int min, int max) {
			return age != null && age >= min && age <= max;
		}

		private static List<String> absent(Map<String, Boolean> inputs) {
			return inputs.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().toList();
		}

		@Override
		public String toString() {
			return "(" + sex + ", " + age + ")";
		}
	}
}
