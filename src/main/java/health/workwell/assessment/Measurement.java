package health.workwell.assessment;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/** A quantity read from an Observation (or one of its components), with the Observation as its evidence. */
record Measurement(Observation source, Quantity quantity) {

	/**
	 * The value in {@code targetUnit} (UCUM), converted by a factor from {@code factors} (UCUM unit →
	 * multiplier to the target); an unknown or absent unit is refused (empty), never assumed.
	 */
	Optional<Double> in(String targetUnit, Map<String, Double> factors) {
		String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
		if (unit == null || quantity.getValue() == null) {
			return Optional.empty();
		}
		double value = quantity.getValue().doubleValue();
		if (unit.equals(targetUnit)) {
			return Optional.of(value);
		}
		Double factor = factors.get(unit);
		return factor == null ? Optional.empty() : Optional.of(value * factor);
	}
}
