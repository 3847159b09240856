package health.workwell.scoring;

import java.util.ArrayList;
import java.util.List;

/** Collects which required inputs are missing or out of range before a model runs. */
public final class RequiredInputs {

	private final List<String> problems = new ArrayList<>();

	public RequiredInputs require(String name, Object value) {
		if (value == null) {
			problems.add(name + " is missing");
		}
		return this;
	}

	public RequiredInputs requireRange(String name, Number value, double min, double max) {
		if (value == null) {
			problems.add(name + " is missing");
		} else if (value.doubleValue() < min || value.doubleValue() > max) {
			problems.add(name + " " + value + " is outside the model's range " + min + "–" + max);
		}
		return this;
	}

	public boolean complete() {
		return problems.isEmpty();
	}

	public <R> Assessment<R> notComputable(ModelId model) {
		return new Assessment.NotComputable<>(model, problems);
	}
}
