package health.workwell.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the security tables (registered clients, issued tokens, consents, used client-assertion ids) on
 * the application's database at start: every {@code security/*.sql} script on the class path, in name order.
 * The scripts use {@code CREATE ... IF NOT EXISTS} and SQL that H2 and PostgreSQL both accept, so a restart
 * or a second node on the same database leaves existing rows alone. Not Hibernate entities: HAPI owns the
 * persistence unit.
 */
public final class SecurityTables {

	private static final String SCRIPTS = "classpath*:security/*.sql";

	public SecurityTables(DataSource dataSource) {
		ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
		scripts.setSqlScriptEncoding("UTF-8");
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(SCRIPTS);
			Arrays.sort(found, Comparator.comparing(Resource::getFilename));
			scripts.setScripts(found);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not list " + SCRIPTS, e);
		}
		scripts.execute(dataSource);
	}
}
