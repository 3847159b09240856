package health.workwell.devices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The alert rules over plausible readings, on device time (docs/devices.md). Each rule looks at the
 * newest readings: a multi-day rule needs the newest day and the days before it, each with readings,
 * consecutive; readings that arrive late are placed by their device time, so the answer depends only
 * on what is stored, never on arrival order.
 */
final class AlertRules {

	/**
	 * @param open whether the condition holds now
	 * @param evidence the readings behind the answer (ids)
	 * @param summary what was found, for the Flag and Task text
	 */
	record Finding(boolean open, List<String> evidence, String summary) {
		static Finding closed(String summary) {
			return new Finding(false, List.of(), summary);
		}
	}

	private final DeviceProperties.Alerts thresholds;

	AlertRules(DeviceProperties.Alerts thresholds) {
		this.thresholds = thresholds;
	}

	int bloodPressureDays() {
		return thresholds.bloodPressure().consecutiveDays();
	}

	int restingHeartRateDays() {
		return thresholds.restingHeartRate().consecutiveDays();
	}

	/**
	 * Sustained high blood pressure: on each of the newest N consecutive days, the mean systolic or the
	 * mean diastolic of the day's readings reaches the threshold (home readings and other readings are
	 * averaged separately, each against its own threshold: 135/85 at home, 140/90 otherwise).
	 */
	Finding bloodPressure(List<TimedReading> readings) {
		DeviceProperties.BloodPressure limits = thresholds.bloodPressure();
		Optional<List<List<TimedReading>>> days = newestConsecutiveDays(readings, limits.consecutiveDays());
		if (days.isEmpty()) {
			return Finding.closed("fewer than " + limits.consecutiveDays() + " consecutive days of blood pressure readings");
		}
		List<String> dayTexts = new ArrayList<>();
		for (List<TimedReading> day : days.get()) {
			Optional<String> high = highDay(day.stream().filter(TimedReading::home).toList(), limits.homeSystolic(), limits.homeDiastolic(), "home")
					.or(() -> highDay(day.stream().filter(r -> !r.home()).toList(), limits.systolic(), limits.diastolic(), ""));
			if (high.isEmpty()) {
				return Finding.closed("blood pressure below the threshold on " + day.get(0).day());
			}
			dayTexts.add(high.get());
		}
		return new Finding(true, ids(days.get()), "Blood pressure at or above the threshold on "
				+ limits.consecutiveDays() + " consecutive days: " + String.join("; ", dayTexts));
	}

	private static Optional<String> highDay(List<TimedReading> readings, double systolic, double diastolic, String where) {
		if (readings.isEmpty()) {
			return Optional.empty();
		}
		double meanSystolic = readings.stream().mapToDouble(TimedReading::value).average().orElseThrow();
		double meanDiastolic = readings.stream().mapToDouble(TimedReading::secondValue).average().orElseThrow();
		if (meanSystolic >= systolic || meanDiastolic >= diastolic) {
			return Optional.of(readings.get(0).day() + " mean " + round(meanSystolic) + "/" + round(meanDiastolic) + " mmHg"
					+ (where.isEmpty() ? "" : " (" + where + ", threshold " + round(systolic) + "/" + round(diastolic) + ")"));
		}
		return Optional.empty();
	}

	/** Short sleep: the newest day's sleep (episodes ending that day, summed) is below the threshold. */
	Finding sleep(List<TimedReading> readings) {
		if (readings.isEmpty()) {
			return Finding.closed("no sleep readings");
		}
		NavigableMap<LocalDate, List<TimedReading>> byDay = byDay(readings);
		List<TimedReading> newest = byDay.lastEntry().getValue();
		double hours = newest.stream().mapToDouble(TimedReading::value).sum();
		if (hours < thresholds.minSleepHours()) {
			return new Finding(true, newest.stream().map(TimedReading::id).toList(), "Sleep " + round(hours) + " h on "
					+ byDay.lastKey() + ", below " + round(thresholds.minSleepHours()) + " h");
		}
		return Finding.closed("sleep " + round(hours) + " h on " + byDay.lastKey());
	}

	/**
	 * Resting heart rate persistently out of range: on each of the newest N consecutive days, the
	 * median resting heart rate is below the low or above the high limit.
	 */
	Finding restingHeartRate(List<TimedReading> readings) {
		DeviceProperties.RestingHeartRate limits = thresholds.restingHeartRate();
		Optional<List<List<TimedReading>>> days = newestConsecutiveDays(readings, limits.consecutiveDays());
		if (days.isEmpty()) {
			return Finding.closed("fewer than " + limits.consecutiveDays() + " consecutive days of resting heart rate");
		}
		List<String> dayTexts = new ArrayList<>();
		for (List<TimedReading> day : days.get()) {
			double median = median(day.stream().mapToDouble(TimedReading::value).sorted().toArray());
			if (median >= limits.low() && median <= limits.high()) {
				return Finding.closed("resting heart rate " + round(median) + " /min on " + day.get(0).day());
			}
			dayTexts.add(day.get(0).day() + " " + round(median) + " /min");
		}
		return new Finding(true, ids(days.get()), "Resting heart rate outside " + round(limits.low()) + "-"
				+ round(limits.high()) + " /min on " + limits.consecutiveDays() + " consecutive days: " + String.join("; ", dayTexts));
	}

	/** Low oxygen saturation: the newest reading is below the threshold. */
	Finding oxygenSaturation(List<TimedReading> readings) {
		Optional<TimedReading> newest = readings.stream().max(Comparator.comparing(TimedReading::deviceTime));
		if (newest.isEmpty()) {
			return Finding.closed("no SpO2 readings");
		}
		TimedReading reading = newest.get();
		if (reading.value() < thresholds.minOxygenSaturation()) {
			return new Finding(true, List.of(reading.id()), "SpO2 " + round(reading.value()) + " % at "
					+ reading.deviceTime() + ", below " + round(thresholds.minOxygenSaturation()) + " %");
		}
		return Finding.closed("SpO2 " + round(reading.value()) + " % at " + reading.deviceTime());
	}

	/** The readings of the newest {@code count} days, newest first, if those days are consecutive. */
	private static Optional<List<List<TimedReading>>> newestConsecutiveDays(List<TimedReading> readings, int count) {
		if (readings.isEmpty()) {
			return Optional.empty();
		}
		NavigableMap<LocalDate, List<TimedReading>> byDay = byDay(readings);
		List<List<TimedReading>> days = new ArrayList<>();
		LocalDate day = byDay.lastKey();
		for (int i = 0; i < count; i++, day = day.minusDays(1)) {
			List<TimedReading> ofDay = byDay.get(day);
			if (ofDay == null) {
				return Optional.empty();
			}
			days.add(ofDay);
		}
		return Optional.of(days);
	}

	private static NavigableMap<LocalDate, List<TimedReading>> byDay(List<TimedReading> readings) {
		return readings.stream().collect(Collectors.groupingBy(TimedReading::day, TreeMap::new, Collectors.toList()));
	}

	private static List<String> ids(List<List<TimedReading>> days) {
		return days.stream().flatMap(List::stream).sorted(Comparator.comparing(TimedReading::deviceTime))
				.map(TimedReading::id).toList();
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String round(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}
}
