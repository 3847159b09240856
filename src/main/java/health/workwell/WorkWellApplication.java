package health.workwell;

import health.workwell.server.StartupReport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * WorkWell FHIR server. Boot auto-configurations that HAPI's libraries would otherwise trigger are
 * excluded: Flyway (HAPI manages its own schema), the Elasticsearch client (full-text search runs on
 * local Lucene), Quartz (HAPI runs its own schedulers) and Thymeleaf (no server-side pages).
 */
@SpringBootApplication(
		exclude = {
			FlywayAutoConfiguration.class,
			ElasticsearchRestClientAutoConfiguration.class,
			QuartzAutoConfiguration.class,
			ThymeleafAutoConfiguration.class
		})
@ConfigurationPropertiesScan
public class WorkWellApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WorkWellApplication.class);
		StartupReport.attachIfRequested(application);
		application.run(args);
	}
}
