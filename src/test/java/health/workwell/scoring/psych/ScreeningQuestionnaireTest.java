package health.workwell.scoring.psych;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PHQ-9 bands: Kroenke, Spitzer & Williams, J Gen Intern Med 2001 (0–4, 5–9, 10–14, 15–19, 20–27;
 * ≥10 positive). GAD-7 bands: Spitzer et al., Arch Intern Med 2006 (0–4, 5–9, 10–14, 15–21).
 * PHQ-2 and GAD-2 positive from 3 (Kroenke 2003; Kroenke 2007). PHQ-9 item 9 above 0 is a crisis
 * trigger whatever the total (PHQ instruction manual).
 */
class ScreeningQuestionnaireTest {

	/** Answers adding up to {@code total}, filling items from the first, item 9 left at 0 where possible. */
	private static List<Integer> answersTotalling(int items, int total) {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(items, 0));
		for (int i = 0; i < items && total > 0; i++) {
			int value = Math.min(3, total);
			answers.set(i, value);
			total -= value;
		}
		return answers;
	}

	private static ScreeningResult phq9(int total) {
		return computed(ScreeningQuestionnaire.PHQ_9.score(answersTotalling(9, total)));
	}

	@Test
	void phq9BandEdges() {
		int[][] edges = {{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {14, 2}, {15, 3}, {19, 3}, {20, 4}, {27, 4}};
		Severity[] bands = {Severity.MINIMAL, Severity.MILD, Severity.MODERATE, Severity.MODERATELY_SEVERE, Severity.SEVERE};
		for (int[] edge : edges) {
			ScreeningResult result = phq9(edge[0]);
			assertThat(result.total()).isEqualTo(edge[0]);
			assertThat(result.severity()).as("PHQ-9 total " + edge[0]).isEqualTo(bands[edge[1]]);
			assertThat(result.positive()).as("PHQ-9 total " + edge[0]).isEqualTo(edge[0] >= 10);
		}
	}

	@Test
	void gad7BandEdges() {
		int[][] edges = {{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {14, 2}, {15, 3}, {21, 3}};
		Severity[] bands = {Severity.MINIMAL, Severity.MILD, Severity.MODERATE, Severity.SEVERE};
		for (int[] edge : edges) {
			ScreeningResult result = computed(ScreeningQuestionnaire.GAD_7.score(answersTotalling(7, edge[0])));
			assertThat(result.severity()).as("GAD-7 total " + edge[0]).isEqualTo(bands[edge[1]]);
			assertThat(result.positive()).isEqualTo(edge[0] >= 10);
			assertThat(result.crisis()).isFalse();
		}
	}

	@Test
	void shortFormsArePositiveFromThree() {
		for (ScreeningQuestionnaire form : List.of(ScreeningQuestionnaire.PHQ_2, ScreeningQuestionnaire.GAD_2)) {
			assertThat(computed(form.score(List.of(1, 1))).positive()).isFalse();
			assertThat(computed(form.score(List.of(2, 1))).positive()).isTrue();
			assertThat(computed(form.score(List.of(3, 3))).total()).isEqualTo(6);
			assertThat(computed(form.score(List.of(3, 3))).severity()).isNull();
		}
	}

	@Test
	void itemNineAboveZeroIsACrisisWhateverTheTotal() {
		ScreeningResult minimal = computed(ScreeningQuestionnaire.PHQ_9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)));
		assertThat(minimal.total()).isEqualTo(1);
		assertThat(minimal.severity()).isEqualTo(Severity.MINIMAL);
		assertThat(minimal.crisis()).isTrue();
		assertThat(computed(ScreeningQuestionnaire.PHQ_9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0))).crisis()).isFalse();
	}

	@Test
	void incompleteQuestionnaireIsReportedNotScoredButItemNineStillCounts() {
		ScreeningResult incomplete = computed(ScreeningQuestionnaire.PHQ_9.score(Arrays.asList(3, 3, null, 3, 3, 3, 3, null, 2)));
		assertThat(incomplete.complete()).isFalse();
		assertThat(incomplete.unansweredItems()).containsExactly(3, 8);
		assertThat(incomplete.total()).isNull();
		assertThat(incomplete.severity()).isNull();
		assertThat(incomplete.positive()).isFalse();
		assertThat(incomplete.crisis()).isTrue();
	}

	@Test
	void invalidAnswersAndWrongLengthAreNotComputable() {
		assertThat(reasons(ScreeningQuestionnaire.GAD_7.score(List.of(0, 1, 2, 4, 0, 0, 0))))
				.containsExactly("item 4 answer 4 is not 0–3");
		assertThat(reasons(ScreeningQuestionnaire.PHQ_9.score(List.of(0, 1)))).containsExactly("phq-9 has 9 items, got 2");
	}
}
