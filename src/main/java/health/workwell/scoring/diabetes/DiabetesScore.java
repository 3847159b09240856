package health.workwell.scoring.diabetes;

/** A points-based diabetes risk score and whether it reaches the instrument's screening cut-off. */
public record DiabetesScore(int points, int maximum, boolean atRisk) {}
