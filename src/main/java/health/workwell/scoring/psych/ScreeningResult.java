package health.workwell.scoring.psych;

import java.util.List;

/**
 * A scored screening questionnaire.
 *
 * @param total sum of the item scores; {@code null} when an item is unanswered (no pro-rating: the
 *     instruments define none for screening)
 * @param severity the band of the total (PHQ-9, GAD-7), {@code null} for short forms or when incomplete
 * @param positive the total reaches the instrument's screening cut-off
 * @param crisis PHQ-9 item 9 (thoughts of self-harm) answered above 0 — raised whatever the total and
 *     even when other items are unanswered
 * @param unansweredItems 1-based numbers of the items without an answer
 */
public record ScreeningResult(
		Integer total, Severity severity, boolean positive, boolean crisis, List<Integer> unansweredItems) {

	public ScreeningResult {
		unansweredItems = List.copyOf(unansweredItems);
	}

	public boolean complete() {
		return unansweredItems.isEmpty();
	}
}
