package health.workwell.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates the security tables (users, launch contexts, ...) on the application's database at start-up
 * from the {@code CREATE TABLE IF NOT EXISTS} scripts in {@code classpath:security/*.sql}, one file per
 * concern. Plain SQL rather than Hibernate entities: HAPI owns the persistence unit. The scripts are
 * idempotent, so every node sharing the database may run them.
 */
@Component
public class SecurityTables {

	static final String SCRIPTS = "classpath*:security/*.sql";

	public SecurityTables(DataSource dataSource) {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(SCRIPTS);
			Arrays.sort(scripts, Comparator.comparing(Resource::getFilename));
			new ResourceDatabasePopulator(scripts).execute(dataSource);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read the security table scripts", e);
		}
	}
}
