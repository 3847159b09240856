package health.workwell.scoring.occupational;

import java.util.List;

/**
 * The periodic (在岗期间) occupational health examination a hazard calls for.
 *
 * @param hazard hazard agent code
 * @param required false when the exposure is below the level at which GBZ 188 asks for surveillance
 * @param items the required (必检) examination items
 * @param gbzIntervalMonths the interval GBZ 188-2014 sets for this exposure
 * @param intervalMonths the interval WorkWell schedules: the GBZ interval, shortened for red risk
 * @param contraindications occupational contraindications (职业禁忌证) the standard names, as text
 * @param source the clause of GBZ 188-2014 the rule comes from
 */
public record SurveillancePlan(
		String hazard,
		boolean required,
		List<ExamItem> items,
		int gbzIntervalMonths,
		int intervalMonths,
		List<String> contraindications,
		String source) {

	public SurveillancePlan {
		items = List.copyOf(items);
		contraindications = List.copyOf(contraindications);
	}
}
