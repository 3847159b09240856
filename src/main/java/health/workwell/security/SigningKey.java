package health.workwell.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key that signs access tokens, kept in a file so tokens survive a restart and every node
 * that shares the file accepts the others' tokens. Made on first start, readable by the owner only.
 */
final class SigningKey {

	private SigningKey() {}

	static RSAKey loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return JWK.parse(Files.readString(file)).toRSAKey();
			}
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(createOwnerOnly(file), key.toJSONString());
			return key;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read or write the token signing key " + file, e);
		} catch (ParseException | JOSEException e) {
			throw new IllegalStateException("Invalid token signing key in " + file, e);
		}
	}

	/**
	 * A new, empty file that only its owner may read and write from the moment it exists (the permissions are
	 * given at creation, not set after the key is written, so no other user can open it in between).
	 */
	static Path createOwnerOnly(Path file) throws IOException {
		try {
			return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} catch (UnsupportedOperationException notPosix) {
			return Files.createFile(file); // Windows: the folder's permissions apply
		}
	}
}
