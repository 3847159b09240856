package health.workwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class StartupReportTest {

	@AfterEach
	void clearProperty() {
		System.clearProperty("workwell.startup-report");
	}

	@Test
	void logsTheRequestedNumberOfSlowestStepsOnceReady(CapturedOutput output) {
		System.setProperty("workwell.startup-report", "3");

		run();

		assertThat(output).contains("its 3 slowest steps by their own time");
		long stepLines = output.getOut().lines().filter(line -> line.contains(" ms (with inner steps ")).count();
		assertThat(stepLines).isEqualTo(3);
		assertThat(output).contains("spring.beans.instantiate beanName=slowBean");
	}

	@Test
	void staysSilentWithoutTheProperty(CapturedOutput output) {
		run();

		assertThat(output).doesNotContain("slowest steps");
	}

	private static void run() {
		SpringApplication application = new SpringApplication(SlowBeanConfig.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		StartupReport.attachIfRequested(application);
		try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off")) {
			assertThat(context.getBean("slowBean")).isNotNull();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowBeanConfig {
		/** The slowest step by far, so it is among the three reported. */
		@Bean
		String slowBean() throws InterruptedException {
			Thread.sleep(300);
			return "slow";
		}
	}
}
