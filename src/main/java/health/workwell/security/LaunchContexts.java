package health.workwell.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * EHR launch contexts (table {@code smart_launch_context}, {@code security/smart-launch.sql}): an
 * opaque, random {@code launch} value standing for a patient, valid for a short time and used once.
 * In the database, so any node can take a launch made on another.
 */
public class LaunchContexts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;
	private final Duration lifetime;

	public LaunchContexts(DataSource dataSource, Duration lifetime, SecurityTables tables) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return lifetime;
	}

	/** A new launch value for this patient. */
	public String create(String patientId, String createdBy) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String launch = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.update("DELETE FROM smart_launch_context WHERE expires_at < ?", Timestamp.from(Instant.now()));
		jdbc.update("INSERT INTO smart_launch_context (launch_id, patient_id, created_by, expires_at) VALUES (?, ?, ?, ?)",
				launch, patientId, createdBy, Timestamp.from(Instant.now().plus(lifetime)));
		return launch;
	}

	/** The patient of a launch that is known and not expired, without using it up. */
	public Optional<String> peek(String launch) {
		List<String> patients = jdbc.queryForList(
				"SELECT patient_id FROM smart_launch_context WHERE launch_id = ? AND expires_at >= ?", String.class,
				launch, Timestamp.from(Instant.now()));
		return patients.stream().findFirst();
	}

	/** The patient of a launch, which is used up: a second take (on any node) finds nothing. */
	public Optional<String> take(String launch) {
		Optional<String> patient = peek(launch);
		if (patient.isEmpty()) {
			return Optional.empty();
		}
		// the delete decides who took it when two requests race
		int deleted = jdbc.update("DELETE FROM smart_launch_context WHERE launch_id = ? AND expires_at >= ?", launch,
				Timestamp.from(Instant.now()));
		return deleted == 1 ? patient : Optional.empty();
	}
}
