package health.workwell.security;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code jti} of every accepted client assertion, kept in the database until the assertion expires, so
 * a replayed assertion is refused on any node sharing the database (SMART Backend Services: the server SHALL
 * reject a repeated {@code jti} within the assertion's lifetime). The primary key decides races.
 */
final class UsedAssertionIds {

	private final JdbcTemplate jdbc;

	UsedAssertionIds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** True the first time this client presents this {@code jti}; false for a replay. */
	boolean firstUse(String clientId, String jti, Instant expiresAt) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("DELETE FROM client_assertion_jti WHERE expires_at < ?", now);
		try {
			jdbc.update("INSERT INTO client_assertion_jti (client_id, jti, expires_at) VALUES (?, ?, ?)",
					clientId, jti, Timestamp.from(expiresAt));
			return true;
		} catch (DuplicateKeyException replay) {
			return false;
		}
	}
}
