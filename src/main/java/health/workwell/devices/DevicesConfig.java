package health.workwell.devices;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * Device data: plausibility checks and alert rules on the FHIR API's writes, idempotent concurrent
 * conditional creates, subscription delivery retries, and the silent-device timer (docs/devices.md).
 * {@code workwell.devices.rules-enabled=false} turns the checks and rules off (only to measure their
 * cost, bench/device_ingest.py).
 */
@Configuration
public class DevicesConfig {

	private static final Logger log = LoggerFactory.getLogger(DevicesConfig.class);

	@Bean
	public AlertFlags alertFlags(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao) {
		return new AlertFlags(daos, systemDao);
	}

	@Bean
	public DeviceAlerts deviceAlerts(DaoRegistry daos, AlertFlags flags, DeviceProperties properties) {
		return new DeviceAlerts(daos, new AlertRules(properties.alerts()), flags);
	}

	@Bean
	public SilentDevices silentDevices(DaoRegistry daos, AlertFlags flags, DeviceProperties properties) {
		return new SilentDevices(daos, flags, properties.alerts().silentDeviceDays(), Clock.systemUTC());
	}

	@Bean
	public DeviceReadingChecks deviceReadingChecks(DeviceProperties properties, DaoRegistry daos) {
		return new DeviceReadingChecks(new Plausibility(properties.plausibility()), daos);
	}

	@Bean
	public AlertTrigger alertTrigger(DeviceAlerts alerts, SilentDevices silentDevices) {
		return new AlertTrigger(alerts, silentDevices);
	}

	/** Registered on the FHIR API, so that they apply to clients' writes (not to the server's own). */
	@Bean
	public Object deviceInterceptorsOnTheApi(
			RestfulServer server,
			DeviceReadingChecks checks,
			AlertTrigger alerts,
			IInterceptorService storageInterceptors,
			@Value("${workwell.devices.rules-enabled:true}") boolean rulesEnabled,
			@Value("${workwell.devices.conditional-create-retries:5}") int retries,
			@Value("${workwell.devices.max-bundle-entries:1000}") int maxBundleEntries) {
		server.registerInterceptor(new DeviceTimeOrder());
		server.registerInterceptor(new DeviceBundleLimit(maxBundleEntries));
		if (rulesEnabled) {
			server.registerInterceptor(checks);
			server.registerInterceptor(alerts);
		}
		storageInterceptors.registerInterceptor(new ConditionalCreateRetry(retries));
		return new Object();
	}

	/** Replaces HAPI's delivery retry policy (1 minute) with the configured one. */
	@Bean
	@Primary
	public RetryPolicyProvider subscriptionDeliveryRetry(DeviceProperties properties) {
		return new SubscriptionDeliveryRetry(properties.subscriptionRetry());
	}

	@Bean(destroyMethod = "shutdownNow")
	public ScheduledExecutorService silentDeviceTimer() {
		return Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "silent-device-check");
			thread.setDaemon(true);
			return thread;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	public void startSilentDeviceChecks(ApplicationReadyEvent ready) {
		var context = ready.getApplicationContext();
		DeviceProperties properties = context.getBean(DeviceProperties.class);
		SilentDevices devices = context.getBean(SilentDevices.class);
		long every = properties.alerts().silentDeviceCheckInterval().toMillis();
		context.getBean("silentDeviceTimer", ScheduledExecutorService.class).scheduleWithFixedDelay(() -> {
			try {
				log.info("Checked {} devices for silence", devices.checkAll());
			} catch (RuntimeException e) {
				log.warn("Silent-device check failed; it runs again in {} ms", every, e);
			}
		}, every, every, TimeUnit.MILLISECONDS);
	}
}
