package health.workwell.server.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.workwell.WorkWellApplication;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import health.workwell.testsupport.UnprofiledExposure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A first start from the data template that {@code ./mvnw package} keeps (the database and index of a
 * first start, as src/build/fast-start.sh moves them aside) is a complete server of its own: the
 * implementation guide is there and enforced without being installed again, full-text search works, and
 * it makes its own signing key.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryTemplateIT {

	@TempDir
	Path temp;

	@Test
	void aServerStartedFromTheTemplateOfAFirstStartIsComplete(CapturedOutput output) throws IOException {
		Path first = temp.resolve("first");
		try (ConfigurableApplicationContext ignored = start(first)) {
			// a first start, as the build's training start
		}
		Path template = temp.resolve("data-template");
		Files.createDirectories(template);
		for (String part : DataDirectoryTemplate.CONTENTS) {
			Files.move(first.resolve(part), template.resolve(part));
		}

		Path second = temp.resolve("second");
		try (ConfigurableApplicationContext server = start(second, "--workwell.data-template=" + template)) {
			assertThat(output).contains("Data directory " + second.toAbsolutePath() + " was empty: started it from the initialised database");
			assertThat(output.getOut().lines().filter(line -> line.contains("Installing package: health.workwell.fhir.ig")))
					.as("installed by the first start only").hasSize(1);
			IGenericClient client = FhirClients.client(((WebServerApplicationContext) server).getWebServer().getPort());
			Bundle profiles = client.search().forResource(StructureDefinition.class)
					.where(StructureDefinition.URL.matches().value("http://workwell.health/fhir/StructureDefinition/workwell-occupational-exposure"))
					.returnBundle(Bundle.class).execute();
			assertThat(profiles.getEntry()).hasSize(1);
			assertThatThrownBy(() -> client.create().resource(UnprofiledExposure.noise()).execute())
					.isInstanceOf(UnprocessableEntityException.class)
					.hasMessageContaining("does not conform to http://workwell.health/fhir/StructureDefinition/workwell-occupational-exposure");

			Patient patient = new Patient();
			patient.addName().setFamily("Templated");
			client.create().resource(patient).execute();
			Bundle byContent = client.search().forResource(Patient.class)
					.where(new StringClientParam("_content").matches().value("Templated"))
					.returnBundle(Bundle.class).execute();
			assertThat(byContent.getEntry()).hasSize(1);
		}
		assertThat(signingKeyFiles(second)).hasSize(1);
		assertThat(Files.readString(signingKeyFiles(second)[0])).isNotEqualTo(Files.readString(signingKeyFiles(first)[0]));
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... more) {
		String[] args = Stream.concat(Stream.of("--server.port=0", "--workwell.data-dir=" + dataDir,
				"--" + TestTokens.ADMIN_CLIENT_PROPERTIES_ID, "--" + TestTokens.ADMIN_CLIENT_PROPERTIES_SECRET), Stream.of(more))
				.toArray(String[]::new);
		return new SpringApplicationBuilder(WorkWellApplication.class).run(args);
	}

	private static Path[] signingKeyFiles(Path dataDir) throws IOException {
		try (Stream<Path> keys = Files.list(dataDir.resolve("keys"))) {
			return keys.toArray(Path[]::new);
		}
	}
}
