import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.CanonicalResource;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.IValidatorResourceFetcher;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidationEngine;

/**
 * WorkWell IG tooling on the HL7 FHIR validator engine (ca.uhn.hapi.fhir:org.hl7.fhir.validation, the version
 * HAPI FHIR 8.8.0 pins), run offline: no terminology server, packages from a local cache
 * (user.home/.fhir/packages) that ig/tools/make-fhir-cache.js builds. Launched as a single-file source program:
 *
 * <pre>
 *   java -Duser.home=HOME -cp 'LIB/*' IgTool.java snapshot IN_DIR OUT_DIR
 *       generates the snapshot of every StructureDefinition-*.json in IN_DIR (the SUSHI output, differential
 *       only) and writes it, differential kept, as FHIR R4 JSON to OUT_DIR; fails on any error message.
 *   java -Duser.home=HOME -cp 'LIB/*' IgTool.java validate PACKAGE_TGZ REPORT_JSON VALID_DIR... -- INVALID_DIR
 *       loads the IG package, validates every *.json in each VALID_DIR (must have no error) and in INVALID_DIR
 *       (each must have at least one error, and the one named in INVALID_DIR/expected-errors.json).
 * </pre>
 */
public class IgTool {

	public static void main(String[] args) throws Exception {
		if (args.length >= 3 && args[0].equals("snapshot")) {
			System.exit(snapshot(Path.of(args[1]), Path.of(args[2])));
		} else if (args.length >= 4 && args[0].equals("validate")) {
			List<Path> valid = new ArrayList<>();
			Path invalid = null;
			for (int i = 3; i < args.length; i++) {
				if (args[i].equals("--")) {
					invalid = Path.of(args[++i]);
				} else {
					valid.add(Path.of(args[i]));
				}
			}
			System.exit(validate(Path.of(args[1]), Path.of(args[2]), valid, invalid));
		} else {
			System.err.println("usage: IgTool snapshot IN_DIR OUT_DIR | IgTool validate PACKAGE_TGZ REPORT_JSON VALID_DIR... [-- INVALID_DIR]");
			System.exit(2);
		}
	}

	static ValidationEngine engine() throws Exception {
		ValidationEngine engine = new ValidationEngine.ValidationEngineBuilder()
				.withVersion("4.0.1")
				.withNoTerminologyServer()
				.withCanRunWithoutTerminologyServer(true)
				.withUserAgent("workwell-ig-tool")
				.fromSource("hl7.fhir.r4.core#4.0.1");
		engine.setAnyExtensionsAllowed(false);
		engine.setWantInvariantInMessage(true);
		return engine;
	}

	static int snapshot(Path in, Path out) throws Exception {
		ValidationEngine engine = engine();
		engine.getIgLoader().loadIg(engine.getIgs(), engine.getBinaries(), in.toString(), true);
		Files.createDirectories(out);
		int errors = 0;
		List<Path> files;
		try (Stream<Path> s = Files.list(in)) {
			files = s.filter(p -> p.getFileName().toString().matches("StructureDefinition-.*\\.json")).sorted().toList();
		}
		for (Path file : files) {
			Resource r = engine.getIgLoader().loadResourceByVersion("4.0.1", Files.readAllBytes(file), file.getFileName().toString());
			StructureDefinition sd = (StructureDefinition) r;
			StructureDefinition base = engine.getContext().fetchResource(StructureDefinition.class, sd.getBaseDefinition());
			if (base == null) {
				System.out.println("ERROR " + file.getFileName() + ": base " + sd.getBaseDefinition() + " not found");
				errors++;
				continue;
			}
			List<ValidationMessage> messages = new ArrayList<>();
			ProfileUtilities utilities = new ProfileUtilities(engine.getContext(), messages, null);
			sd.setSnapshot(null);
			utilities.generateSnapshot(base, sd, sd.getUrl(), "http://workwell.health/fhir", sd.getName());
			for (ValidationMessage m : messages) {
				boolean error = m.getLevel() == ValidationMessage.IssueSeverity.ERROR || m.getLevel() == ValidationMessage.IssueSeverity.FATAL;
				errors += error ? 1 : 0;
				System.out.println((error ? "ERROR " : m.getLevel() + " ") + file.getFileName() + ": " + m.getLocation() + " " + m.getMessage());
			}
			engine.handleOutput(sd, out.resolve(file.getFileName()).toString(), "4.0.1");
			System.out.println("snapshot " + file.getFileName() + ": " + sd.getSnapshot().getElement().size() + " elements");
		}
		System.out.println(files.size() + " snapshots, " + errors + " errors");
		return errors == 0 ? 0 : 1;
	}

	record Result(String file, String expectation, boolean pass, int errors, int warnings, int information, List<String> issues) {}

	static int validate(Path packageTgz, Path report, List<Path> validDirs, Path invalidDir) throws Exception {
		ValidationEngine engine = engine();
		engine.getIgLoader().loadIg(engine.getIgs(), engine.getBinaries(), packageTgz.toString(), true);
		// references between the examples ("Patient/employee-zhang-wei") resolve to the examples themselves, so
		// that the validator also checks each reference's target type and profile
		ExampleFetcher fetcher = new ExampleFetcher(engine);
		for (Path dir : validDirs) {
			for (Path file : jsonFiles(dir)) {
				fetcher.add(Files.readAllBytes(file));
			}
		}
		engine.setFetcher(fetcher);
		List<Result> results = new ArrayList<>();
		for (Path dir : validDirs) {
			for (Path file : jsonFiles(dir)) {
				results.add(check(engine, file, null));
			}
		}
		if (invalidDir != null) {
			Map<String, String> expected = expectedErrors(invalidDir.resolve("expected-errors.json"));
			for (Path file : jsonFiles(invalidDir)) {
				if (file.getFileName().toString().equals("expected-errors.json")) {
					continue;
				}
				String want = expected.get(file.getFileName().toString());
				if (want == null) {
					System.out.println("FAIL " + file.getFileName() + ": no entry in expected-errors.json");
					results.add(new Result("invalid-examples/" + file.getFileName(), "", false, 0, 0, 0, List.of("no expectation")));
					continue;
				}
				results.add(check(engine, file, want));
			}
		}
		int failed = 0;
		StringBuilder json = new StringBuilder("[\n");
		for (Result r : results) {
			failed += r.pass() ? 0 : 1;
			System.out.printf("%s %-70s errors=%d warnings=%d info=%d%s%n", r.pass() ? "PASS" : "FAIL", r.file(), r.errors(), r.warnings(),
					r.information(), r.expectation() == null ? "" : " (must fail)");
			if (!r.pass() || r.expectation() != null) {
				r.issues().stream().filter(i -> i.startsWith("ERROR") || i.startsWith("FATAL") || !r.pass()).limit(8)
						.forEach(i -> System.out.println("    " + i));
			}
			json.append(json.length() > 2 ? ",\n" : "").append("  {\"file\": ").append(quote(r.file())).append(", \"mustFail\": ")
					.append(r.expectation() != null).append(", \"pass\": ").append(r.pass()).append(", \"errors\": ").append(r.errors())
					.append(", \"warnings\": ").append(r.warnings()).append(", \"information\": ").append(r.information())
					.append(", \"issues\": [");
			for (int i = 0; i < r.issues().size(); i++) {
				json.append(i == 0 ? "" : ", ").append(quote(r.issues().get(i)));
			}
			json.append("]}");
		}
		json.append("\n]\n");
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, json.toString(), StandardCharsets.UTF_8);
		System.out.println(results.size() - failed + " passed, " + failed + " failed");
		return failed == 0 ? 0 : 1;
	}

	static Result check(ValidationEngine engine, Path file, String expectation) throws Exception {
		List<ValidationMessage> messages = new ArrayList<>();
		OperationOutcome outcome = engine.validate(Files.readAllBytes(file), FhirFormat.JSON, List.of(), messages);
		int errors = 0;
		int warnings = 0;
		int information = 0;
		List<String> issues = new ArrayList<>();
		boolean expectedSeen = false;
		for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
			String severity = issue.getSeverity() == null ? "NULL" : issue.getSeverity().toCode().toUpperCase();
			String where = issue.getExpression().isEmpty() ? "" : issue.getExpression().get(0).getValue();
			String text = severity + " " + where + ": " + issue.getDetails().getText();
			issues.add(text);
			switch (severity) {
				case "ERROR", "FATAL" -> {
					errors++;
					if (expectation != null && text.contains(expectation)) {
						expectedSeen = true;
					}
				}
				case "WARNING" -> warnings++;
				default -> information++;
			}
		}
		boolean pass = expectation == null ? errors == 0 : errors > 0 && (expectation.isEmpty() || expectedSeen);
		return new Result(file.getParent().getFileName() + "/" + file.getFileName(), expectation, pass, errors, warnings, information, issues);
	}

	/**
	 * Resolves literal references ("Type/id", also absolute) to the example of that type and id; canonical URLs of
	 * the external code systems that cannot be loaded offline (terminology.hl7.org, LOINC, SNOMED CT, UCUM...) are
	 * accepted as known, as a terminology server would; any other unknown URL stays an error.
	 */
	static final class ExampleFetcher implements IValidatorResourceFetcher {
		private static final List<String> EXTERNAL_TERMINOLOGY = List.of("http://terminology.hl7.org/CodeSystem/",
				"http://terminology.hl7.org/ValueSet/", "http://loinc.org", "http://snomed.info/sct", "http://unitsofmeasure.org",
				"http://hl7.org/fhir/sid/", "urn:iso:std:iso:");
		private final ValidationEngine engine;
		private final Map<String, byte[]> examples = new HashMap<>();

		ExampleFetcher(ValidationEngine engine) {
			this.engine = engine;
		}

		void add(byte[] json) {
			Matcher type = Pattern.compile("\"resourceType\"\\s*:\\s*\"([A-Za-z]+)\"").matcher(new String(json, StandardCharsets.UTF_8));
			Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9.\\-]+)\"").matcher(new String(json, StandardCharsets.UTF_8));
			if (type.find() && id.find()) {
				examples.put(type.group(1) + "/" + id.group(1), json);
			}
		}

		private static String key(String url) {
			String[] parts = url.replaceFirst("/_history/.*$", "").split("/");
			return parts.length < 2 ? url : parts[parts.length - 2] + "/" + parts[parts.length - 1];
		}

		@Override
		public Element fetch(IResourceValidator validator, Object appContext, String url) throws IOException {
			byte[] json = examples.get(key(url));
			return json == null ? null : Manager.parseSingle(engine.getContext(), new ByteArrayInputStream(json), FhirFormat.JSON);
		}

		@Override
		public boolean resolveURL(IResourceValidator validator, Object appContext, String path, String url, String type,
				boolean canonical, List<CanonicalType> targets) {
			return EXTERNAL_TERMINOLOGY.stream().anyMatch(url::startsWith) || examples.containsKey(key(url));
		}

		@Override
		public byte[] fetchRaw(IResourceValidator validator, String url) {
			return null;
		}

		@Override
		public IValidatorResourceFetcher setLocale(Locale locale) {
			return this;
		}

		@Override
		public CanonicalResource fetchCanonicalResource(IResourceValidator validator, Object appContext, String url) {
			return null;
		}

		@Override
		public boolean fetchesCanonicalResource(IResourceValidator validator, String url) {
			return false;
		}

		@Override
		public Set<ResourceVersionInformation> fetchCanonicalResourceVersions(IResourceValidator validator, Object appContext, String url) {
			return Set.of();
		}
	}

	static List<Path> jsonFiles(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		}
	}

	/** A flat JSON object of file name to the text one of its error messages must contain. */
	static Map<String, String> expectedErrors(Path file) throws IOException {
		Map<String, String> map = new LinkedHashMap<>();
		if (!Files.exists(file)) {
			return map;
		}
		Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(file));
		while (m.find()) {
			map.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
		}
		return map;
	}

	static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					} else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}
}
