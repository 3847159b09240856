package health.workwell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * WorkWell FHIR server. Flyway is excluded because HAPI manages its own schema; the Elasticsearch
 * client is excluded because full-text search runs on the local Lucene backend.
 */
@SpringBootApplication(exclude = {FlywayAutoConfiguration.class, ElasticsearchRestClientAutoConfiguration.class})
@ConfigurationPropertiesScan
public class WorkWellApplication {

	public static void main(String[] args) {
		SpringApplication.run(WorkWellApplication.class, args);
	}
}
