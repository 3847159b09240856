package health.workwell.scoring.composite;

/**
 * Chronic-disease management groups and their follow-up cadence (docs/design.md §4): low-risk stable
 * (automated questionnaire every 3 months), medium-risk observation (nurse or health manager monthly),
 * high-risk intensive (weekly, multidisciplinary team).
 */
public enum ManagementGroup {
	LOW_RISK_STABLE(3, "mo"),
	MEDIUM_RISK_OBSERVATION(1, "mo"),
	HIGH_RISK_INTENSIVE(1, "wk");

	private final int period;
	private final String periodUnit;

	ManagementGroup(int period, String periodUnit) {
		this.period = period;
		this.periodUnit = periodUnit;
	}

	/** Follow-up every {@code period()} {@code periodUnit()} (UCUM-style units as in FHIR Timing). */
	public int period() {
		return period;
	}

	public String periodUnit() {
		return periodUnit;
	}

	public static ManagementGroup of(Tier tier) {
		return switch (tier) {
			case LOW -> LOW_RISK_STABLE;
			case MEDIUM -> MEDIUM_RISK_OBSERVATION;
			case HIGH, VERY_HIGH -> HIGH_RISK_INTENSIVE;
		};
	}
}
