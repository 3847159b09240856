package health.workwell.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who sign in to the authorization server (table {@code workwell_user},
 * {@code security/users.sql}): username, password hash (the server's delegating password encoder,
 * bcrypt by default), role, {@code fhirUser}, enabled. Also the login form's user source: a disabled
 * user cannot sign in, and their refresh tokens stop working.
 */
public class UserRegistry implements UserDetailsService {

	private static final String COLUMNS = "username, workwell_role, fhir_user, enabled";

	private final JdbcTemplate jdbc;
	private final PasswordEncoder passwords;

	public UserRegistry(DataSource dataSource, PasswordEncoder passwords, SecurityTables tables) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.passwords = passwords;
	}

	/** Registers a new user; false if the username is taken. */
	public boolean register(RegisteredUser user, String password) {
		try {
			jdbc.update("INSERT INTO workwell_user (username, password_hash, workwell_role, fhir_user, enabled, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)", user.username(), passwords.encode(password), user.role().claim(),
					user.fhirUser(), user.enabled(), Timestamp.from(Instant.now()));
			return true;
		} catch (DuplicateKeyException taken) {
			return false;
		}
	}

	public List<RegisteredUser> list() {
		return jdbc.query("SELECT " + COLUMNS + " FROM workwell_user ORDER BY username", UserRegistry::user);
	}

	public Optional<RegisteredUser> find(String username) {
		return jdbc.query("SELECT " + COLUMNS + " FROM workwell_user WHERE username = ?", UserRegistry::user, username)
				.stream().findFirst();
	}

	/** Disables a user (kept, so their audit trail still names someone); false if there is no such user. */
	public boolean disable(String username) {
		return jdbc.update("UPDATE workwell_user SET enabled = ? WHERE username = ?", false, username) == 1;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		List<UserDetails> found = jdbc.query(
				"SELECT username, password_hash, workwell_role, enabled FROM workwell_user WHERE username = ?",
				(row, i) -> User.withUsername(row.getString("username"))
						.password(row.getString("password_hash"))
						.roles(row.getString("workwell_role").toUpperCase())
						.disabled(!row.getBoolean("enabled"))
						.build(),
				username);
		if (found.isEmpty()) {
			throw new UsernameNotFoundException("No such user");
		}
		return found.get(0);
	}

	private static RegisteredUser user(ResultSet row, int i) throws SQLException {
		return new RegisteredUser(row.getString("username"),
				UserRole.fromClaim(row.getString("workwell_role")).orElseThrow(),
				row.getString("fhir_user"), row.getBoolean("enabled"));
	}
}
