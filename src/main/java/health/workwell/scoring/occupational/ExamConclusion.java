package health.workwell.scoring.occupational;

/** The conclusions of an occupational health examination (GBZ 188-2014 体检结论), in WorkWell's exam-conclusion codes. */
public enum ExamConclusion {
	NO_ABNORMALITY,
	RE_EXAMINATION_REQUIRED,
	SUSPECTED_OCCUPATIONAL_DISEASE,
	OCCUPATIONAL_CONTRAINDICATION,
	OTHER_DISEASE;

	/** The conclusion for a code of WorkWell's exam-conclusion code system, or null for an unknown code. */
	public static ExamConclusion ofCode(String code) {
		for (ExamConclusion conclusion : values()) {
			if (conclusion.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(code)) {
				return conclusion;
			}
		}
		return null;
	}
}
