package health.workwell.server;

import health.workwell.testsupport.TestPostgres;

/** The production configuration (profile {@code postgres}) keeps acknowledged writes across SIGKILL of the server. */
class PostgresCrashKeepsAcknowledgedWritesIT extends CrashKeepsAcknowledgedWritesContract {

	private final String database = TestPostgres.newDatabase();

	@Override
	String[] databaseArguments() {
		return new String[] {"--spring.profiles.active=postgres", "--spring.datasource.url=" + database,
			"--spring.datasource.username=", "--spring.datasource.password="};
	}
}
