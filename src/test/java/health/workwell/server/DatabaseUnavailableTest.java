package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

/** Which failures mean "the database is out of reach" (503) and which stay server errors (500). */
class DatabaseUnavailableTest {

	@Test
	void aPoolTimeoutIsAnOutage() {
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 10000ms.")))).isTrue();
	}

	@Test
	void aConnectionStateDeepInHapisWrappingIsAnOutage() {
		// as seen in PostgresOutageIT: HAPI-0389 around the invoked method around Spring around the driver
		Throwable failure = new InternalErrorException("HAPI-0389: Failed to call access method",
				new InvocationTargetException(new JpaSystemException(new IllegalStateException("Unable to rollback",
						new SQLException("An I/O error occurred while sending to the backend.", "08006")))));
		assertThat(DatabaseUnavailable.isCause(failure)).isTrue();
		assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolAlreadyClosedIsAnOutage() {
		assertThat(DatabaseUnavailable.isCause(new JpaSystemException(new IllegalStateException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed"))))).isTrue();
	}

	@Test
	void otherDatabaseErrorsAreNot() {
		assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
		assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error"))).isFalse();
		assertThat(DatabaseUnavailable.isCause(new NullPointerException())).isFalse();
	}
}
