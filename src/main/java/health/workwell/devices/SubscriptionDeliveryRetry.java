package health.workwell.devices;

import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.TimeoutRetryPolicy;

/**
 * How HAPI retries a rest-hook delivery that failed (subscriber down or answering an error): with
 * exponential back-off, for a configurable time (HAPI's own: 1 s growing by 10 %, for one minute — a
 * subscriber restarting for longer would lose the notification).
 */
class SubscriptionDeliveryRetry extends RetryPolicyProvider {

	private final DeviceProperties.SubscriptionRetry settings;

	SubscriptionDeliveryRetry(DeviceProperties.SubscriptionRetry settings) {
		this.settings = settings;
	}

	@Override
	protected RetryPolicy retryPolicy() {
		TimeoutRetryPolicy policy = new TimeoutRetryPolicy();
		policy.setTimeout(settings.giveUpAfter().toMillis());
		return policy;
	}

	@Override
	protected BackOffPolicy backOffPolicy() {
		ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
		backOff.setInitialInterval(settings.initialInterval().toMillis());
		backOff.setMultiplier(settings.multiplier());
		backOff.setMaxInterval(settings.maxInterval().toMillis());
		return backOff;
	}
}
