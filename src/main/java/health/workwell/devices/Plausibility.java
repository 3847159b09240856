package health.workwell.devices;

import java.math.BigDecimal;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Physiologically impossible readings (docs/design.md §4): a heart rate of 0 or above 300 /min,
 * systolic not above diastolic, SpO2 above 100 %, negative steps, more than 24 h of sleep... Such a
 * reading is stored but marked questionable; the reason given here goes into its interpretation text
 * and the DetectedIssue. Units the profiles allow are converted; a value in a unit not listed here is
 * only checked for being negative.
 */
final class Plausibility {

	private final DeviceProperties.Plausibility limits;

	Plausibility(DeviceProperties.Plausibility limits) {
		this.limits = limits;
	}

	Optional<String> check(ReadingKind kind, Observation reading) {
		return switch (kind) {
			case BLOOD_PRESSURE -> bloodPressure(reading);
			case HEART_RATE -> value(reading).flatMap(q -> positiveAtMost(q, limits.maxHeartRate(), "heart rate", "/min"));
			case OXYGEN_SATURATION -> value(reading).flatMap(q -> positiveAtMost(q, limits.maxOxygenSaturation(), "SpO2", "%"));
			case STEPS -> value(reading).flatMap(this::steps);
			case SLEEP -> value(reading).flatMap(this::sleep);
			case BODY_WEIGHT -> value(reading).flatMap(this::bodyWeight);
			case GLUCOSE -> value(reading).flatMap(q -> positive(q, "blood glucose"));
		};
	}

	private Optional<String> bloodPressure(Observation reading) {
		Optional<Double> systolic = component(reading, ReadingKind.SYSTOLIC);
		Optional<Double> diastolic = component(reading, ReadingKind.DIASTOLIC);
		if (systolic.isPresent() && (systolic.get() <= 0 || systolic.get() > limits.maxSystolic())) {
			return Optional.of("systolic " + number(systolic.get()) + " mmHg is not in (0, " + number(limits.maxSystolic()) + "]");
		}
		if (diastolic.isPresent() && diastolic.get() <= 0) {
			return Optional.of("diastolic " + number(diastolic.get()) + " mmHg is not above 0");
		}
		if (systolic.isPresent() && diastolic.isPresent() && systolic.get() <= diastolic.get()) {
			return Optional.of("systolic " + number(systolic.get()) + " mmHg is not above diastolic " + number(diastolic.get()) + " mmHg");
		}
		return Optional.empty();
	}

	private Optional<String> steps(Quantity steps) {
		double value = steps.getValue().doubleValue();
		if (value < 0) {
			return Optional.of("negative step count " + number(value));
		}
		return value > limits.maxStepsPerDay()
				? Optional.of(number(value) + " steps is above " + number(limits.maxStepsPerDay()) + " a day")
				: Optional.empty();
	}

	private Optional<String> sleep(Quantity sleep) {
		double value = sleep.getValue().doubleValue();
		if (value < 0) {
			return Optional.of("negative sleep duration " + number(value) + " " + sleep.getCode());
		}
		return ReadingQuality.hours(sleep).filter(hours -> hours > limits.maxSleepHours())
				.map(hours -> "sleep of " + number(hours) + " h is more than " + number(limits.maxSleepHours()) + " h a day");
	}

	private Optional<String> bodyWeight(Quantity weight) {
		double value = weight.getValue().doubleValue();
		Double kg = switch (String.valueOf(weight.getCode())) {
			case "kg" -> value;
			case "g" -> value / 1000;
			case "[lb_av]" -> value * 0.45359237;
			default -> null;
		};
		if (value <= 0) {
			return Optional.of("body weight " + number(value) + " " + weight.getCode() + " is not above 0");
		}
		return kg != null && kg > limits.maxBodyWeightKg()
				? Optional.of("body weight " + number(kg) + " kg is above " + number(limits.maxBodyWeightKg()) + " kg")
				: Optional.empty();
	}

	private static Optional<String> positiveAtMost(Quantity quantity, double max, String what, String unit) {
		double value = quantity.getValue().doubleValue();
		if (value <= 0 || value > max) {
			return Optional.of(what + " " + number(value) + " " + unit + " is not in (0, " + number(max) + "]");
		}
		return Optional.empty();
	}

	private static Optional<String> positive(Quantity quantity, String what) {
		double value = quantity.getValue().doubleValue();
		return value <= 0 ? Optional.of(what + " " + number(value) + " " + quantity.getCode() + " is not above 0") : Optional.empty();
	}

	private static Optional<Quantity> value(Observation reading) {
		return reading.hasValueQuantity() && reading.getValueQuantity().hasValue()
				? Optional.of(reading.getValueQuantity())
				: Optional.empty();
	}

	static Optional<Double> component(Observation reading, String loinc) {
		return reading.getComponent().stream()
				.filter(c -> c.getCode().getCoding().stream()
						.anyMatch(code -> ReadingKind.LOINC.equals(code.getSystem()) && loinc.equals(code.getCode())))
				.filter(c -> c.hasValueQuantity() && c.getValueQuantity().hasValue())
				.map(c -> c.getValueQuantity().getValue().doubleValue())
				.findFirst();
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
