package health.workwell.security;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of client the admin API registers (SMART App Launch 2.2 client types, and Backend Services). */
enum ClientKind {
	/** A browser or native app without a secret: authorization code with PKCE, refresh tokens. */
	PUBLIC("public"),
	/** An app with a server-made shared secret ({@code client_secret_basic}). */
	CONFIDENTIAL_SYMMETRIC("confidential-symmetric"),
	/** An app that signs {@code private_key_jwt} assertions with a registered key. */
	CONFIDENTIAL_ASYMMETRIC("confidential-asymmetric"),
	/** A system acting for itself: client credentials with {@code private_key_jwt}, {@code system/} scopes, a role. */
	BACKEND_SERVICE("backend-service");

	private final String code;

	ClientKind(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	static Optional<ClientKind> of(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}
}
