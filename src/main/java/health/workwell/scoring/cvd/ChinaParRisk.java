package health.workwell.scoring.cvd;

/** China-PAR's 10-year ASCVD risk (percentage) and its guideline category. */
public record ChinaParRisk(double percent, ChinaParCategory category) {}
