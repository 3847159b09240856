package health.workwell.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class FrozenConfigurationContextFactoryTest {

	/** Set while the web server is created, which is when Spring Boot instantiates the servlets. */
	static final AtomicBoolean frozenWhenServletWasCreated = new AtomicBoolean();

	@Test
	void springBootBuildsServletApplicationsOnTheContextThatFreezesConfigurationBeforeTheWebServer() {
		frozenWhenServletWasCreated.set(false);
		SpringApplication application = new SpringApplication(ServletConfig.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);

		try (ConfigurableApplicationContext context =
				application.run("--spring.main.banner-mode=off")) {
			assertThat(context).isInstanceOf(FrozenConfigurationContextFactory.ServletContext.class);
			assertThat(frozenWhenServletWasCreated).isTrue();
		}
	}

	@Test
	void leavesOtherApplicationTypesToSpringBoot() {
		FrozenConfigurationContextFactory factory = new FrozenConfigurationContextFactory();

		assertThat(factory.create(WebApplicationType.NONE)).isNull();
		assertThat(factory.create(WebApplicationType.REACTIVE)).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class ServletConfig {
		@Bean
		TomcatServletWebServerFactory webServerFactory() {
			return new TomcatServletWebServerFactory(0);
		}

		@Bean
		ServletRegistrationBean<HttpServlet> servlet(ConfigurableListableBeanFactory beanFactory) {
			frozenWhenServletWasCreated.set(beanFactory.isConfigurationFrozen());
			return new ServletRegistrationBean<>(new HttpServlet() {}, "/x");
		}
	}
}
