package health.workwell.scoring;

import static org.assertj.core.api.Assertions.assertThat;

/** Unwraps assessments in tests. */
public final class AssessmentAssertions {

	private AssessmentAssertions() {}

	public static <R> R computed(Assessment<R> assessment) {
		assertThat(assessment).isInstanceOf(Assessment.Computed.class);
		return ((Assessment.Computed<R>) assessment).result();
	}

	public static java.util.List<String> reasons(Assessment<?> assessment) {
		assertThat(assessment).isInstanceOf(Assessment.NotComputable.class);
		return ((Assessment.NotComputable<?>) assessment).reasons();
	}
}
