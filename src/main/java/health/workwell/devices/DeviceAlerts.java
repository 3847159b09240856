package health.workwell.devices;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Evaluates the alert rules for one patient from the stored readings (so the result is the same
 * whatever order the readings came in) and opens or closes the alerts ({@link AlertFlags}).
 */
class DeviceAlerts {

	static final String ALERT_SYSTEM = "http://workwell.health/fhir/CodeSystem/alert";
	static final String RESTING_HEART_RATE = "40443-4";
	private static final String HOME_CATEGORY_SYSTEM = "http://workwell.health/fhir/CodeSystem/observation-category";
	private static final String HOME_CATEGORY = "home-measurement";
	private static final java.time.format.DateTimeFormatter FHIR_DATE_TIME =
			java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
	/** Readings read to find the newest usable one (a few may be questionable). */
	private static final int NEWEST_FIRST = 10;
	/** At most this many readings of the rule's days are read: far more than a few days of readings hold. */
	private static final int WINDOW = 500;

	/** Which alert a kind of reading feeds, and the LOINC codes of the readings it reads. */
	enum Rule {
		SUSTAINED_HIGH_BP("sustained-high-bp", "Sustained high blood pressure", ReadingKind.BLOOD_PRESSURE, List.of("85354-9")),
		SHORT_SLEEP("short-sleep", "Short sleep", ReadingKind.SLEEP, List.of("93832-4")),
		RESTING_HEART_RATE_OUT_OF_RANGE("abnormal-resting-heart-rate", "Resting heart rate out of range", ReadingKind.HEART_RATE,
				List.of(DeviceAlerts.RESTING_HEART_RATE)),
		LOW_OXYGEN_SATURATION("low-oxygen-saturation", "Low oxygen saturation", ReadingKind.OXYGEN_SATURATION,
				List.of("2708-6", "59408-5"));

		final String code;
		final String display;
		final ReadingKind kind;
		final List<String> loinc;

		Rule(String code, String display, ReadingKind kind, List<String> loinc) {
			this.code = code;
			this.display = display;
			this.kind = kind;
			this.loinc = loinc;
		}

		static Optional<Rule> fedBy(ReadingKind kind) {
			for (Rule rule : values()) {
				if (rule.kind == kind) {
					return Optional.of(rule);
				}
			}
			return Optional.empty();
		}
	}

	private final DaoRegistry daos;
	private final AlertRules rules;
	private final AlertFlags flags;

	DeviceAlerts(DaoRegistry daos, AlertRules rules, AlertFlags flags) {
		this.daos = daos;
		this.rules = rules;
		this.flags = flags;
	}

	void evaluate(String patientId, Rule rule) {
		List<TimedReading> readings = newestUsable(patientId, rule);
		AlertRules.Finding finding = switch (rule) {
			case SUSTAINED_HIGH_BP -> rules.bloodPressure(readings);
			case SHORT_SLEEP -> rules.sleep(readings);
			case RESTING_HEART_RATE_OUT_OF_RANGE -> rules.restingHeartRate(readings);
			case LOW_OXYGEN_SATURATION -> rules.oxygenSaturation(readings);
		};
		flags.reconcile(new AlertFlags.Alert(patientId, rule.code, rule.display, null), finding);
	}

	/**
	 * The usable readings a rule needs, by device time: the newest ones first (to find the newest day),
	 * then, for rules over days, every reading from the start of the oldest day the rule looks at — so
	 * an evaluation reads a few days of one patient's readings, however long their history.
	 */
	private List<TimedReading> newestUsable(String patientId, Rule rule) {
		List<TimedReading> newest = search(patientId, rule, null, NEWEST_FIRST);
		int days = switch (rule) {
			case LOW_OXYGEN_SATURATION -> 0;
			case SHORT_SLEEP -> 1;
			case SUSTAINED_HIGH_BP -> rules.bloodPressureDays();
			case RESTING_HEART_RATE_OUT_OF_RANGE -> rules.restingHeartRateDays();
		};
		if (newest.isEmpty() || days == 0) {
			return newest;
		}
		OffsetDateTime newestTime = newest.stream().map(TimedReading::deviceTime).max(OffsetDateTime::compareTo).orElseThrow();
		OffsetDateTime from = newestTime.toLocalDate().minusDays(days - 1L).atStartOfDay().atOffset(newestTime.getOffset());
		return search(patientId, rule, from, WINDOW);
	}

	private List<TimedReading> search(String patientId, Rule rule, OffsetDateTime from, int count) {
		SearchParameterMap search = SearchParameterMap.newSynchronous();
		search.add(Observation.SP_SUBJECT, new ReferenceParam("Patient/" + patientId));
		TokenOrListParam codes = new TokenOrListParam();
		rule.loinc.forEach(code -> codes.add(ReadingKind.LOINC, code));
		search.add(Observation.SP_CODE, codes);
		if (from != null) {
			search.add(Observation.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, FHIR_DATE_TIME.format(from)));
		}
		search.setSort(new SortSpec(Observation.SP_DATE, SortOrderEnum.DESC));
		search.setCount(count);
		return daos.getResourceDao(Observation.class).searchForResources(search, ServerWrites.request()).stream()
				.map(Observation.class::cast)
				.filter(DeviceAlerts::usable)
				.map(reading -> timed(rule.kind, reading))
				.flatMap(Optional::stream)
				.toList();
	}

	/** A usable reading from a device. */
	static boolean usable(Observation reading) {
		return reading.hasDevice() && ReadingQuality.isUsable(reading);
	}

	private static Optional<TimedReading> timed(ReadingKind kind, Observation reading) {
		Optional<OffsetDateTime> time = deviceTime(reading.getEffective());
		if (time.isEmpty()) {
			return Optional.empty();
		}
		String id = reading.getIdElement().toUnqualifiedVersionless().getValue();
		boolean home = reading.getCategory().stream().flatMap(c -> c.getCoding().stream())
				.anyMatch(c -> HOME_CATEGORY_SYSTEM.equals(c.getSystem()) && HOME_CATEGORY.equals(c.getCode()));
		if (kind == ReadingKind.BLOOD_PRESSURE) {
			Optional<Double> systolic = Plausibility.component(reading, ReadingKind.SYSTOLIC);
			Optional<Double> diastolic = Plausibility.component(reading, ReadingKind.DIASTOLIC);
			if (systolic.isEmpty() || diastolic.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new TimedReading(id, time.get(), systolic.get(), diastolic.get(), home));
		}
		if (!reading.hasValueQuantity() || !reading.getValueQuantity().hasValue()) {
			return Optional.empty();
		}
		Quantity value = reading.getValueQuantity();
		Optional<Double> number = kind == ReadingKind.SLEEP
				? ReadingQuality.hours(value)
				: Optional.of(value.getValue().doubleValue());
		return number.map(n -> new TimedReading(id, time.get(), n, 0, home));
	}

	/** The device's own time with its UTC offset; for a period (sleep, steps), its end. */
	static Optional<OffsetDateTime> deviceTime(Type effective) {
		if (effective instanceof org.hl7.fhir.r4.model.DateTimeType dateTime && dateTime.getValue() != null) {
			return Optional.of(offsetTime(dateTime.getValue().toInstant(), dateTime.getTimeZone()));
		}
		if (effective instanceof org.hl7.fhir.r4.model.Period period) {
			org.hl7.fhir.r4.model.DateTimeType point = period.hasEnd() ? period.getEndElement() : period.getStartElement();
			return point.getValue() == null ? Optional.empty() : Optional.of(offsetTime(point.getValue().toInstant(), point.getTimeZone()));
		}
		if (effective instanceof org.hl7.fhir.r4.model.InstantType instant && instant.getValue() != null) {
			return Optional.of(offsetTime(instant.getValue().toInstant(), instant.getTimeZone()));
		}
		return Optional.empty();
	}

	private static OffsetDateTime offsetTime(Instant instant, java.util.TimeZone zone) {
		ZoneOffset offset = zone == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(zone.getOffset(instant.toEpochMilli()) / 1000);
		return instant.atOffset(offset);
	}
}
