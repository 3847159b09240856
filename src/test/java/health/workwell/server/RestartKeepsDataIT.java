package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import health.workwell.WorkWellApplication;
import health.workwell.testsupport.FhirClients;
import health.workwell.testsupport.TestTokens;
import health.workwell.testsupport.UnprofiledExposure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.r4.model.CodeSystem;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as a newcomer runs it (file-based H2 and a Lucene index on disk under the data
 * directory): stop the server, start it again on the same directory, and everything is still there,
 * including the full-text index, and the implementation guide (not installed again) is still enforced.
 */
class RestartKeepsDataIT {

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(WorkWellApplication.class)
				.run("--server.port=0", "--workwell.data-dir=" + dataDir,
						"--" + TestTokens.ADMIN_CLIENT_PROPERTIES_ID, "--" + TestTokens.ADMIN_CLIENT_PROPERTIES_SECRET);
	}

	/**
	 * A package rebuilt under the same name and version (as an implementation guide is while it is being
	 * written) is installed again on the next start: HAPI alone would keep serving the stored copy.
	 */
	@Test
	void aRebuiltPackageOfTheSameVersionReplacesTheStoredOne() throws Exception {
		Path packages = Files.createDirectories(dataDir.resolve("packages"));
		writePackage(packages.resolve("example.tgz"), List.of("first"));
		try (ConfigurableApplicationContext first = start()) {
			assertThat(codeSystemUrls(client(first))).contains(CANONICAL + "/CodeSystem/first").doesNotContain(CANONICAL + "/CodeSystem/second");
		}
		writePackage(packages.resolve("example.tgz"), List.of("first", "second"));
		try (ConfigurableApplicationContext second = start()) {
			assertThat(codeSystemUrls(client(second))).contains(CANONICAL + "/CodeSystem/first", CANONICAL + "/CodeSystem/second");
		}
	}

	private static final String CANONICAL = "http://example.org/rebuilt";

	private static List<String> codeSystemUrls(IGenericClient client) {
		return java.util.stream.Stream.of("first", "second").map(id -> CANONICAL + "/CodeSystem/" + id)
				.filter(url -> !client.search().forResource(CodeSystem.class).where(CodeSystem.URL.matches().value(url))
						.returnBundle(Bundle.class).execute().getEntry().isEmpty())
				.toList();
	}

	/** A FHIR NPM package example.rebuilt#1.0.0 holding one small CodeSystem per id. */
	private static void writePackage(Path tgz, List<String> codeSystemIds) throws Exception {
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tgz)))) {
			add(tar, "package/package.json", """
					{"name": "example.rebuilt", "version": "1.0.0", "canonical": "%s", "fhirVersions": ["4.0.1"],
					 "dependencies": {"hl7.fhir.r4.core": "4.0.1"}}""".formatted(CANONICAL));
			for (String id : codeSystemIds) {
				CodeSystem codeSystem = new CodeSystem().setUrl(CANONICAL + "/CodeSystem/" + id).setName(id)
						.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
						.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
				codeSystem.setId(id);
				codeSystem.addConcept().setCode("a").setDisplay("A");
				add(tar, "package/CodeSystem-" + id + ".json", FhirClients.R4.newJsonParser().encodeResourceToString(codeSystem));
			}
		}
	}

	private static void add(TarArchiveOutputStream tar, String name, String content) throws java.io.IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		TarArchiveEntry entry = new TarArchiveEntry(name);
		entry.setSize(bytes.length);
		tar.putArchiveEntry(entry);
		tar.write(bytes);
		tar.closeArchiveEntry();
	}

	private static IGenericClient client(ConfigurableApplicationContext context) {
		return FhirClients.client(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Test
	void resourcesSurviveARestart() {
		IdType id;
		try (ConfigurableApplicationContext first = start()) {
			Patient patient = new Patient();
			patient.addName().setFamily("Durable").addGiven("Restart");
			id = (IdType) client(first).create().resource(patient).execute().getId().toUnqualifiedVersionless();
			patient.setId(id);
			patient.getNameFirstRep().setFamily("Durabler");
			client(first).update().resource(patient).execute();
		}
		assertThat(dataDir.resolve("h2")).isDirectoryContaining(path -> path.toString().endsWith(".mv.db"));

		try (ConfigurableApplicationContext second = start()) {
			IGenericClient client = client(second);
			Patient read = client.read().resource(Patient.class).withId(id).execute();
			assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Durabler");
			assertThat(read.getMeta().getVersionId()).isEqualTo("2");
			Bundle byContent = client.search().forResource(Patient.class)
					.where(new ca.uhn.fhir.rest.gclient.StringClientParam("_content").matches().value("Durabler"))
					.returnBundle(Bundle.class).execute();
			assertThat(byContent.getEntry()).hasSize(1);
			// the implementation guide is not installed again on a restart, and is still enforced
			assertThatThrownBy(() -> client.create().resource(UnprofiledExposure.noise()).execute())
					.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("does not conform to http://workwell.health/fhir/StructureDefinition/workwell-occupational-exposure");
		}
	}
}
