package health.workwell.server.startup;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Spring Boot's servlet web server context, with the bean configuration frozen before the web server
 * is created rather than after.
 *
 * <p>Why: Spring caches look-ups of beans by type only once the configuration is frozen, which it does
 * just before it instantiates the remaining singletons. But creating the web server instantiates the
 * FHIR servlet, and with it nearly all of HAPI's beans, earlier, so each of their thousands of
 * autowired fields was matched against all ~1,600 bean definitions again. By then every bean
 * definition and post-processor is in place, so freezing is what Spring would do a step later.
 * Registered in META-INF/spring.factories, so the tests that start the server on a port get the same
 * context; other application types are left to Spring Boot's own factories.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FrozenConfigurationContextFactory implements ApplicationContextFactory {

	@Override
	public ConfigurableApplicationContext create(WebApplicationType webApplicationType) {
		return webApplicationType == WebApplicationType.SERVLET ? new ServletContext() : null;
	}

	/** The context; public for the tests that check it is the one running. */
	public static class ServletContext extends AnnotationConfigServletWebServerApplicationContext {

		@Override
		protected void onRefresh() {
			getBeanFactory().freezeConfiguration();
			super.onRefresh();
		}
	}
}
