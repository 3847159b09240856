package health.workwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

	@TempDir
	Path folder;

	@Test
	void theKeyFileIsOwnerOnlyFromTheMomentItExists() throws Exception {
		Path created = SigningKey.createOwnerOnly(folder.resolve("key.json"));
		// before anything is written into it
		assertThat(Files.size(created)).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
	}

	@Test
	void aNewKeyIsWrittenOwnerOnlyAndReadBackOnTheNextStart() throws Exception {
		Path file = folder.resolve("keys/token-signing-key.json");
		String keyId = SigningKey.loadOrCreate(file).getKeyID();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(SigningKey.loadOrCreate(file).getKeyID()).isEqualTo(keyId);
	}
}
