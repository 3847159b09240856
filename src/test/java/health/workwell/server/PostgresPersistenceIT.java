package health.workwell.server;

import health.workwell.WorkWellApplication;
import health.workwell.testsupport.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The persistence contract on a real PostgreSQL (see {@link TestPostgres} for which one). */
@SpringBootTest(
		classes = WorkWellApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
			"workwell.data-dir=target/it-data-pg",
			"workwell.batch.maintenance-interval-millis=500"
		})
class PostgresPersistenceIT extends FhirPersistenceContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}
}
