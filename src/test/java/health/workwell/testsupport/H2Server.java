package health.workwell.testsupport;

import health.workwell.WorkWellApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real server on a random port with an in-memory H2 database and an in-heap Lucene index. Every
 * test class carrying this annotation shares one Spring context (and so one database). Metrics export
 * is on (Spring Boot tests turn it off by default) so the Prometheus endpoint can be tested. A further
 * implementation guide package (src/test/ig-package, packed by src/test/prepare-test-inputs.sh) is
 * installed from the packages folder.
 */
@AutoConfigureObservability
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
		classes = WorkWellApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"spring.datasource.url=jdbc:h2:mem:workwell-it;DB_CLOSE_DELAY=-1",
			"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
			"workwell.data-dir=target/it-data",
			"workwell.batch.maintenance-interval-millis=500",
			// the tests send thousands of requests a minute with one client; rate limits have their own test
			"workwell.security.rate-limit-per-minute=0",
			TestTokens.ADMIN_CLIENT_PROPERTIES_ID,
			TestTokens.ADMIN_CLIENT_PROPERTIES_SECRET,
			"workwell.conformance.packages-dir=target/test-ig-packages",
			// the tests' rest-hook subscribers listen on this machine (devices.SubscriberStub, security.SubscriptionAttackIT)
			"workwell.security.subscriptions.allowed-endpoints=http://localhost"
		})
public @interface H2Server {}
