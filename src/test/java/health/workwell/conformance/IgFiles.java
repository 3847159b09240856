package health.workwell.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** The implementation guide's example files in ig/ (valid ones and broken-on-purpose ones). */
final class IgFiles {

	static final Path EXAMPLES = Path.of("ig/examples");
	static final Path INVALID_EXAMPLES = Path.of("ig/invalid-examples");

	private IgFiles() {}

	static List<Path> examples() {
		return jsonFiles(EXAMPLES);
	}

	/** Broken example file name → the error text it must produce (ig/invalid-examples/expected-errors.json). */
	@SuppressWarnings("unchecked")
	static Map<String, String> expectedErrors() {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper()
					.readValue(INVALID_EXAMPLES.resolve("expected-errors.json").toFile(), Map.class);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Resource parse(Path file) {
		return (Resource) FhirHttp.JSON.parseResource(read(file));
	}

	/** All valid examples as one transaction of PUTs under their own ids (they reference each other). */
	static Bundle examplesTransaction() {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Path file : examples()) {
			Resource example = parse(file);
			String url = example.fhirType() + "/" + example.getIdElement().getIdPart();
			transaction.addEntry().setResource(example).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
		}
		return transaction;
	}

	private static List<Path> jsonFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".json") && !f.endsWith("expected-errors.json")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
