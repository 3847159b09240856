package health.workwell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone (issue 14): no file refers to notes outside it — the design and research
 * notes that lived in a sibling folder of the checkout. What the project relies on is in docs/
 * (design.md, scoring-sources.md, hapi-stack.md), cited to public sources.
 *
 * <p>Walks the source tree from the project root (Maven's working directory), skipping build output,
 * dependencies and local data, and every file that is not UTF-8 text; names each file:line that still
 * points outside.
 */
class RepositoryStandsAloneTest {

	/** Directory names never searched: build output, dependencies, local data, VCS and IDE folders. */
	private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git", "data", ".idea");

	private static final String SHARED = "shared";

	/**
	 * References to the outside notes. Built by concatenation so that this file does not contain them.
	 */
	private static final List<String> OUTSIDE_REFERENCES = List.of(
			"../" + SHARED,
			SHARED + "/design.md",
			SHARED + "/notes/",
			"notes/" + "scoring-sources.md",
			"notes/" + "hapi-stack.md",
			"notes/" + "peers-data-validation.md",
			"notes/" + "smart-security.md");

	@Test
	void noFileRefersToNotesOutsideTheRepository() throws IOException {
		Path root = Path.of("").toAbsolutePath();
		assertTrue(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("docs")),
				"run from the project root, not " + root);

		List<String> hits = new ArrayList<>();
		int[] filesRead = {0};
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
						? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (attrs.isRegularFile()) {
					String text = textOrNull(file);
					if (text != null) {
						filesRead[0]++;
						collectHits(root.relativize(file), text, hits);
					}
				}
				return FileVisitResult.CONTINUE;
			}
		});

		assertTrue(filesRead[0] > 100, "read only " + filesRead[0] + " text files under " + root);
		assertTrue(hits.isEmpty(), "Files refer to notes outside the repository; cite docs/ instead "
				+ "(docs/design.md, docs/scoring-sources.md, docs/hapi-stack.md):\n" + String.join("\n", hits));
	}

	private static void collectHits(Path file, String text, List<String> hits) {
		String[] lines = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			for (String reference : OUTSIDE_REFERENCES) {
				if (lines[i].contains(reference)) {
					hits.add(file.toString().replace('\\', '/') + ":" + (i + 1) + ": " + lines[i].strip());
					break;
				}
			}
		}
	}

	/** The file as UTF-8 text, or {@code null} for a binary file (a NUL byte, or not valid UTF-8). */
	private static String textOrNull(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		for (byte b : bytes) {
			if (b == 0) {
				return null;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
		} catch (CharacterCodingException binary) {
			return null;
		}
	}
}
