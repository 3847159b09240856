package health.workwell.scoring.cvd;

/**
 * 10-year ASCVD risk categories of the 2019 Chinese guideline on cardiovascular risk assessment
 * (中国心血管病风险评估和管理指南, Figure 1): below 5 % low, 5 to below 10 % medium, 10 % or more high.
 */
public enum ChinaParCategory {
	LOW,
	MEDIUM,
	HIGH;

	public static ChinaParCategory of(double percent) {
		if (percent < 5) {
			return LOW;
		}
		return percent < 10 ? MEDIUM : HIGH;
	}
}
