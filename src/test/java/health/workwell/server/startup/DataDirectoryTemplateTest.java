package health.workwell.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryTemplateTest {

	@TempDir
	Path temp;

	Path template;
	Path dataDir;
	final Map<String, Object> properties = new HashMap<>();

	@BeforeEach
	void templateAndEmbeddedDefault() throws IOException {
		template = temp.resolve("data-template");
		write(template.resolve("h2/workwell.mv.db"), "initialised database");
		write(template.resolve("lucene/ResourceTable/segments_1"), "index");
		dataDir = temp.resolve("data");
		// as application.yaml resolves them for this data directory
		properties.put("workwell.data-dir", dataDir.toString());
		properties.put("workwell.data-template", template.toString());
		properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir + "/h2/workwell;DB_CLOSE_ON_EXIT=FALSE");
		properties.put("spring.jpa.properties.hibernate.search.backend.directory.root", dataDir + "/lucene");
	}

	@Test
	void anEmptyDataDirectoryStartsFromTheTemplate() throws IOException {
		Files.createDirectories(dataDir.resolve("keys"));

		start();

		assertThat(dataDir.resolve("h2/workwell.mv.db")).hasContent("initialised database");
		assertThat(dataDir.resolve("lucene/ResourceTable/segments_1")).hasContent("index");
		try (var entries = Files.list(dataDir)) {
			assertThat(entries.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("h2", "lucene", "keys");
		}
	}

	@Test
	void aMissingDataDirectoryIsCreatedFromTheTemplate() {
		start();

		assertThat(dataDir.resolve("h2/workwell.mv.db")).hasContent("initialised database");
	}

	@Test
	void aDataDirectoryWithADatabaseIsLeftAlone() throws IOException {
		write(dataDir.resolve("h2/workwell.mv.db"), "someone's records");

		start();

		assertThat(dataDir.resolve("h2/workwell.mv.db")).hasContent("someone's records");
		assertThat(dataDir.resolve("lucene")).doesNotExist();
	}

	@Test
	void aDataDirectoryWithAnIndexButNoDatabaseIsLeftAlone() throws IOException {
		write(dataDir.resolve("lucene/ResourceTable/segments_9"), "an index of its own");

		start();

		assertThat(dataDir.resolve("h2")).doesNotExist();
	}

	@Test
	void anotherDatabaseIsNeverTouched() {
		properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/workwell");

		start();

		assertThat(dataDir).doesNotExist();
	}

	@Test
	void anEmbeddedDatabaseOutsideTheDataDirectoryIsNeverTouched() {
		properties.put("spring.datasource.url", "jdbc:h2:file:" + temp.resolve("elsewhere") + "/h2/workwell;DB_CLOSE_ON_EXIT=FALSE");

		start();

		assertThat(dataDir).doesNotExist();
	}

	@Test
	void withoutATemplateAFirstStartIsAFirstStart() {
		properties.put("workwell.data-template", temp.resolve("no-such-template").toString());

		start();

		assertThat(dataDir).doesNotExist();
	}

	private void start() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new DataDirectoryTemplate(destination -> destination.get()).postProcessEnvironment(environment, new SpringApplication());
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}
}
