package health.workwell.devices;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Device data settings under {@code workwell.devices} (docs/configuration.md, docs/devices.md).
 *
 * @param plausibility limits beyond which a reading is physiologically impossible
 * @param alerts alert rule thresholds
 * @param subscriptionRetry how long and how often a failed subscription delivery is retried
 */
@ConfigurationProperties("workwell.devices")
public record DeviceProperties(
		@DefaultValue Plausibility plausibility,
		@DefaultValue Alerts alerts,
		@DefaultValue SubscriptionRetry subscriptionRetry) {

	/** A reading outside these limits is stored, marked questionable and reported (the bounds themselves are plausible). */
	public record Plausibility(
			@DefaultValue("300") double maxHeartRate,
			@DefaultValue("300") double maxSystolic,
			@DefaultValue("100") double maxOxygenSaturation,
			@DefaultValue("24") double maxSleepHours,
			@DefaultValue("100000") double maxStepsPerDay,
			@DefaultValue("500") double maxBodyWeightKg) {}

	/**
	 * @param bloodPressure sustained high blood pressure
	 * @param minSleepHours a day's sleep below this opens a short-sleep alert
	 * @param restingHeartRate resting heart rate persistently out of range
	 * @param minOxygenSaturation an SpO2 reading below this (%) opens an alert
	 * @param silentDeviceDays a device with no reading for this many days opens an alert
	 * @param silentDeviceCheckInterval how often devices are checked for silence
	 */
	public record Alerts(
			@DefaultValue BloodPressure bloodPressure,
			@DefaultValue("4") double minSleepHours,
			@DefaultValue RestingHeartRate restingHeartRate,
			@DefaultValue("90") double minOxygenSaturation,
			@DefaultValue("3") int silentDeviceDays,
			@DefaultValue("1h") Duration silentDeviceCheckInterval) {}

	/**
	 * A day is high when its mean systolic or mean diastolic reaches the threshold; home readings
	 * (category home-measurement) use the home thresholds (Chinese guidelines: 135/85 mmHg).
	 */
	public record BloodPressure(
			@DefaultValue("140") double systolic,
			@DefaultValue("90") double diastolic,
			@DefaultValue("135") double homeSystolic,
			@DefaultValue("85") double homeDiastolic,
			@DefaultValue("3") int consecutiveDays) {}

	/** A day is out of range when its median heart rate is below {@code low} or above {@code high} /min. */
	public record RestingHeartRate(
			@DefaultValue("50") double low,
			@DefaultValue("100") double high,
			@DefaultValue("3") int consecutiveDays) {}

	/** HAPI retries a failed rest-hook delivery with exponential back-off until {@code giveUpAfter}. */
	public record SubscriptionRetry(
			@DefaultValue("1s") Duration initialInterval,
			@DefaultValue("2") double multiplier,
			@DefaultValue("1m") Duration maxInterval,
			@DefaultValue("30m") Duration giveUpAfter) {}
}
