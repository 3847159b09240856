package health.workwell.scoring.occupational;

/**
 * One occupational exposure as the surveillance rules need it; {@code null} = not known.
 *
 * @param hazard hazard agent code (WorkWell's hazard code system: {@code noise}, {@code benzene}, …)
 * @param noiseLevelDbA 8-hour equivalent noise level L<sub>EX,8h</sub> in dB(A) (noise only)
 * @param dustWorkGrade dust work grade I–IV per GBZ/T 229.1 as 1–4 (silica and coal dust only)
 * @param occupationalRisk the worker's red/yellow/green risk, if assessed
 */
public record ExposureInputs(String hazard, Double noiseLevelDbA, Integer dustWorkGrade, OccupationalRisk occupationalRisk) {}
