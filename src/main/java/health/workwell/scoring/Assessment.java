package health.workwell.scoring;

import java.util.List;

/**
 * What running one model gives: a result, or the reason there is none.
 *
 * @param <R> the model's result type
 */
public sealed interface Assessment<R> permits Assessment.Computed, Assessment.NotComputable {

	ModelId model();

	/** The model ran; {@code result} is its output. */
	record Computed<R>(ModelId model, R result) implements Assessment<R> {}

	/** The model could not run: {@code reasons} names each missing or out-of-range input. */
	record NotComputable<R>(ModelId model, List<String> reasons) implements Assessment<R> {
		public NotComputable {
			reasons = List.copyOf(reasons);
		}
	}
}
