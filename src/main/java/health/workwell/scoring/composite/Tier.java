package health.workwell.scoring.composite;

/** The four management tiers of the composite index (docs/design.md §4): 0–30, 31–60, 61–80, 81–100. */
public enum Tier {
	LOW,
	MEDIUM,
	HIGH,
	VERY_HIGH;

	public static Tier of(int index) {
		if (index < 0 || index > 100) {
			throw new IllegalArgumentException("composite index must be 0–100, got " + index);
		}
		if (index <= 30) {
			return LOW;
		}
		if (index <= 60) {
			return MEDIUM;
		}
		return index <= 80 ? HIGH : VERY_HIGH;
	}
}
