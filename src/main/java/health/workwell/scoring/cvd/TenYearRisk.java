package health.workwell.scoring.cvd;

/** A 10-year event probability, as a percentage 0–100 (FHIR RiskAssessment.prediction.probabilityDecimal). */
public record TenYearRisk(double percent) {}
