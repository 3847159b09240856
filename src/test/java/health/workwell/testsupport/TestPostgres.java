package health.workwell.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh, empty PostgreSQL database for one test JVM. Where the server comes from, in order:
 * <ol>
 *   <li>{@code WORKWELL_TEST_PG_URL}, a JDBC URL of a database on a server we may create databases on
 *       (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); CI sets it;
 *   <li>a PostgreSQL listening on 127.0.0.1:5432 that lets user {@code postgres} in without a password;
 *   <li>an embedded PostgreSQL started from Maven artifacts (io.zonky.test; PostgreSQL refuses to run
 *       as root, so this last fallback works only for ordinary users).
 * </ol>
 * With {@code CI=true} the first is required: the PostgreSQL suite must never quietly use something else.
 */
public final class TestPostgres {

	private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
	private static String databaseUrl;
	private static EmbeddedPostgres embedded;

	private TestPostgres() {}

	/** Points a test's server at the database; used through {@link PostgresServer}. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(
							"spring.datasource.url=" + databaseUrl(),
							"spring.datasource.username=",
							"spring.datasource.password=",
							"spring.datasource.driver-class-name=org.postgresql.Driver",
							"spring.jpa.properties.hibernate.dialect=ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect")
					.applyTo(context);
		}
	}

	/** A further fresh, empty database on the same server (for a server started as its own process). */
	public static synchronized String newDatabase() {
		return createDatabase(adminUrl());
	}

	private static synchronized String databaseUrl() {
		if (databaseUrl == null) {
			databaseUrl = createDatabase(adminUrl());
		}
		return databaseUrl;
	}

	private static String adminUrl() {
		String configured = System.getenv("WORKWELL_TEST_PG_URL");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but WORKWELL_TEST_PG_URL is not set: the PostgreSQL suite needs a server");
		}
		try (Connection ignored = DriverManager.getConnection(LOCAL_SERVER)) {
			return LOCAL_SERVER;
		} catch (SQLException notReachable) {
			return startEmbedded();
		}
	}

	private static String startEmbedded() {
		try {
			embedded = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopEmbedded));
			return embedded.getJdbcUrl("postgres", "postgres");
		} catch (IOException e) {
			throw new IllegalStateException("No PostgreSQL reachable and the embedded one did not start", e);
		}
	}

	private static void stopEmbedded() {
		try {
			embedded.close();
		} catch (IOException ignored) {
			// the JVM is exiting
		}
	}

	/** Creates {@code workwell_it_<random>} and returns its URL; it is dropped when the JVM exits. */
	private static String createDatabase(String adminUrl) {
		String name = "workwell_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		execute(adminUrl, "CREATE DATABASE " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
		int query = adminUrl.indexOf('?');
		String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
		String params = query < 0 ? "" : adminUrl.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, new Properties());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		} catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL: " + sql + " failed", e);
		}
	}
}
