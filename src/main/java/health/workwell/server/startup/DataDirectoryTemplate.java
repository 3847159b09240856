package health.workwell.server.startup;

import health.workwell.WorkWellApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts an empty data directory from the build's initialised one, so that a first start on the
 * embedded default is as quick as a restart.
 *
 * <p>{@code ./mvnw package} keeps the embedded database and Lucene index of its training start (schema
 * created, WorkWell's implementation guide installed, nothing else: no resources, no signing key) as
 * {@code target/workwell/data-template} (src/build/fast-start.sh). When the server starts on the
 * embedded default and its data directory holds neither database nor index, this copies the template in
 * before anything opens them; the signing key and everything else are made as on any first start. A data
 * directory that holds either is never touched, nor is any other database. The template is looked for
 * beside the jar (Spring Boot's application home) or where {@code workwell.data-template} says.
 */
public class DataDirectoryTemplate implements EnvironmentPostProcessor {

	/** What a template holds, in the order it is moved in: the database last, as it marks a copy done. */
	static final List<String> CONTENTS = List.of("lucene", "h2");

	private final Log log;

	public DataDirectoryTemplate(DeferredLogFactory logs) {
		this.log = logs.getLog(DataDirectoryTemplate.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String dataDir = environment.getProperty("workwell.data-dir");
		if (dataDir == null || !usesTheEmbeddedDefault(environment, dataDir)) {
			return;
		}
		String configured = environment.getProperty("workwell.data-template");
		Path template = configured != null ? Path.of(configured) : besideTheJar();
		Path target = Path.of(dataDir);
		if (!Files.isRegularFile(template.resolve("h2/workwell.mv.db")) || holdsData(target)) {
			return;
		}
		long start = System.nanoTime();
		copy(template, target);
		log.info("Data directory " + target.toAbsolutePath() + " was empty: started it from the initialised "
				+ "database of " + template + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	/** The embedded database and index where application.yaml puts them, under the data directory. */
	private static boolean usesTheEmbeddedDefault(ConfigurableEnvironment environment, String dataDir) {
		String url = environment.getProperty("spring.datasource.url", "");
		String index = environment.getProperty("spring.jpa.properties.hibernate.search.backend.directory.root", "");
		return url.startsWith("jdbc:h2:file:" + dataDir + "/h2/workwell;") && index.equals(dataDir + "/lucene");
	}

	private static Path besideTheJar() {
		return new ApplicationHome(WorkWellApplication.class).getDir().toPath().resolve("data-template");
	}

	private static boolean holdsData(Path dataDir) {
		return CONTENTS.stream().anyMatch(part -> Files.exists(dataDir.resolve(part)));
	}

	/** Copied beside the target first and then moved in, so that a crash half-way leaves no half database. */
	private static void copy(Path template, Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			Path staging = Files.createTempDirectory(dataDir, ".template-");
			for (String part : CONTENTS) {
				copyTree(template.resolve(part), staging.resolve(part));
			}
			for (String part : CONTENTS) {
				Files.move(staging.resolve(part), dataDir.resolve(part), StandardCopyOption.ATOMIC_MOVE);
			}
			Files.delete(staging);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start data directory " + dataDir + " from " + template, e);
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			Files.createDirectories(to);
			return;
		}
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(path, copy);
				}
			}
		}
	}
}
