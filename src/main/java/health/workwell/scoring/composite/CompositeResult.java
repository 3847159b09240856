package health.workwell.scoring.composite;

import java.util.List;

/**
 * The composite health-risk index and what it was made of.
 *
 * @param index 0–100
 * @param riskFactors the risk factors found (codes listed in docs/scoring.md)
 * @param acuteTriggers the findings that make the tier very high
 * @param unknown risk factors that could not be judged for lack of data (they count as absent)
 */
public record CompositeResult(
		int index, Tier tier, ManagementGroup group, List<String> riskFactors, List<String> acuteTriggers, List<String> unknown) {

	public CompositeResult {
		riskFactors = List.copyOf(riskFactors);
		acuteTriggers = List.copyOf(acuteTriggers);
		unknown = List.copyOf(unknown);
	}
}
