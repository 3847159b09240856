package health.workwell.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * 503 Service Unavailable with {@code Retry-After}: the database cannot be reached (stopped, restarting, network
 * gone). The request is not the client's fault and may be sent again later; nothing was written (the transaction
 * could not begin or was rolled back with the connection). RFC 9110 §15.6.4.
 */
public class DatabaseUnavailable extends BaseServerResponseException {

	static final int STATUS = 503;
	static final String MESSAGE = "The database is unavailable; nothing was written. Try again later.";
	/** About how long a database restart or fail-over takes; clients may retry sooner. */
	static final long RETRY_AFTER_SECONDS = 10;

	public DatabaseUnavailable() {
		super(STATUS, MESSAGE);
		addResponseHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
	}

	/**
	 * Whether the failure is the database being out of reach: a pool that timed out waiting for a connection, a
	 * refused or broken connection (SQLSTATE class 08, or 57P01-57P03: the server shutting down or starting; a
	 * rollback on a connection the pool already evicted), or Spring's wrappers of these.
	 */
	public static boolean isCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
					|| t instanceof DataAccessResourceFailureException || t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolsClosedConnection(sql))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
	}

	/** HikariCP's stand-in for a connection it already evicted as broken throws this, without a SQLSTATE. */
	private static boolean isPoolsClosedConnection(SQLException sql) {
		return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
	}
}
