package health.workwell.scoring.occupational;

/**
 * WorkWell's red/yellow/green occupational risk for one hazard (product policy, docs/scoring.md), from
 * the exposure's work grade (GBZ/T 229.1–229.4 作业分级: 0 relatively harmless … IV extremely severe) and
 * the conclusion of the newest occupational exam that covered the hazard:
 * <ul>
 *   <li>red: the exam found a suspected occupational disease or an occupational contraindication, or the
 *       work is grade III or IV (severe hazard);
 *   <li>yellow: the exam asks for a re-examination, or the work is grade I or II;
 *   <li>green: otherwise (grade 0 or not graded, and no finding related to the hazard).
 * </ul>
 * A finding unrelated to the hazard ("other disease") does not raise the class. The class only matters
 * through {@link Gbz188Surveillance}: red shortens the exam interval, nothing lengthens it.
 */
public final class OccupationalRiskPolicy {

	/** Version of this policy, recorded with each assessment that used it. */
	public static final String VERSION = "1.0.0";

	private OccupationalRiskPolicy() {}

	/**
	 * @param workGrade the exposure's work grade 0–4, or null when not graded
	 * @param newestExamConclusion the newest exam's conclusion for this hazard, or null when there is none
	 */
	public static OccupationalRisk classify(Integer workGrade, ExamConclusion newestExamConclusion) {
		if (newestExamConclusion == ExamConclusion.SUSPECTED_OCCUPATIONAL_DISEASE
				|| newestExamConclusion == ExamConclusion.OCCUPATIONAL_CONTRAINDICATION
				|| (workGrade != null && workGrade >= 3)) {
			return OccupationalRisk.RED;
		}
		if (newestExamConclusion == ExamConclusion.RE_EXAMINATION_REQUIRED || (workGrade != null && workGrade >= 1)) {
			return OccupationalRisk.YELLOW;
		}
		return OccupationalRisk.GREEN;
	}
}
