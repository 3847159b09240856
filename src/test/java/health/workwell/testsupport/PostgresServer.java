package health.workwell.testsupport;

import health.workwell.WorkWellApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real server on a random port with a fresh PostgreSQL database ({@link TestPostgres}) and an
 * in-heap Lucene index. Every test class carrying this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
		classes = WorkWellApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
			"workwell.data-dir=target/it-data-pg",
			"workwell.batch.maintenance-interval-millis=500",
			// the tests send thousands of requests a minute with one client; rate limits have their own test
			"workwell.security.rate-limit-per-minute=0",
			TestTokens.ADMIN_CLIENT_PROPERTIES_ID,
			TestTokens.ADMIN_CLIENT_PROPERTIES_SECRET,
			// the tests' rest-hook subscribers listen on this machine (devices.SubscriberStub)
			"workwell.security.subscriptions.allowed-endpoints=http://localhost"
		})
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
public @interface PostgresServer {}
