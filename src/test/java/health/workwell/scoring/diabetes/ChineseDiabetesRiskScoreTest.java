package health.workwell.scoring.diabetes;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import health.workwell.scoring.Sex;
import org.junit.jupiter.api.Test;

/**
 * Chinese Diabetes Risk Score (Zhou et al., Diabetes Care 2013; 中国2型糖尿病防治指南 risk table):
 * range 0–51, 25 or more = at risk. Band points as in docs/scoring-sources.md §3.2.
 */
class ChineseDiabetesRiskScoreTest {

	private static int points(Sex sex, int age, double bmi, double waist, double sbp, boolean family) {
		return computed(ChineseDiabetesRiskScore.assess(new DiabetesInputs(sex, age, null, family, null, null, bmi, waist, sbp)))
				.points();
	}

	@Test
	void publishedRangeIsZeroToFiftyOne() {
		assertThat(points(Sex.FEMALE, 20, 21.9, 69.9, 109, false)).isZero();
		assertThat(points(Sex.MALE, 74, 30, 95, 160, true)).isEqualTo(51);
		assertThat(points(Sex.FEMALE, 65, 30, 90, 160, true)).isEqualTo(49);
	}

	@Test
	void cutOffAtTwentyFive() {
		// man 50 (13+2), BMI 24 (3), waist 80 (5), SBP 115 (1) = 24; SBP 120 (3) makes 26
		DiabetesScore below = computed(ChineseDiabetesRiskScore.assess(new DiabetesInputs(Sex.MALE, 50, null, false, null, null,
				24.0, 80.0, 115.0)));
		assertThat(below).isEqualTo(new DiabetesScore(24, 51, false));
		DiabetesScore above = computed(ChineseDiabetesRiskScore.assess(new DiabetesInputs(Sex.MALE, 50, null, false, null, null,
				24.0, 80.0, 120.0)));
		assertThat(above).isEqualTo(new DiabetesScore(26, 51, true));
	}

	@Test
	void ageBandEdges() {
		int[][] agePoints = {{20, 0}, {24, 0}, {25, 4}, {34, 4}, {35, 8}, {39, 8}, {40, 11}, {44, 11}, {45, 12}, {49, 12},
			{50, 13}, {54, 13}, {55, 15}, {59, 15}, {60, 16}, {64, 16}, {65, 18}, {74, 18}};
		for (int[] band : agePoints) {
			assertThat(points(Sex.FEMALE, band[0], 20, 60, 100, false)).as("age " + band[0]).isEqualTo(band[1]);
		}
	}

	@Test
	void bmiWaistAndBloodPressureBandEdges() {
		assertThat(points(Sex.FEMALE, 20, 21.99, 60, 100, false)).isZero();
		assertThat(points(Sex.FEMALE, 20, 22.0, 60, 100, false)).isEqualTo(1);
		assertThat(points(Sex.FEMALE, 20, 24.0, 60, 100, false)).isEqualTo(3);
		assertThat(points(Sex.FEMALE, 20, 30.0, 60, 100, false)).isEqualTo(5);
		// waist bands are 5 cm higher for men
		assertThat(points(Sex.FEMALE, 20, 20, 70, 100, false)).isEqualTo(3);
		assertThat(points(Sex.MALE, 20, 20, 70, 100, false)).isEqualTo(2);
		assertThat(points(Sex.MALE, 20, 20, 74.9, 100, false)).isEqualTo(2);
		assertThat(points(Sex.MALE, 20, 20, 75, 100, false)).isEqualTo(5);
		assertThat(points(Sex.FEMALE, 20, 20, 89.9, 100, false)).isEqualTo(8);
		assertThat(points(Sex.FEMALE, 20, 20, 90, 100, false)).isEqualTo(10);
		int[][] sbpPoints = {{109, 0}, {110, 1}, {119, 1}, {120, 3}, {130, 6}, {140, 7}, {150, 8}, {159, 8}, {160, 10}};
		for (int[] band : sbpPoints) {
			assertThat(points(Sex.FEMALE, 20, 20, 60, band[0], false)).as("SBP " + band[0]).isEqualTo(band[1]);
		}
		assertThat(points(Sex.FEMALE, 20, 20, 60, 100, true)).isEqualTo(6);
	}

	@Test
	void outsideTwentyToSeventyFourOrMissingIsNotComputable() {
		assertThat(reasons(ChineseDiabetesRiskScore.assess(new DiabetesInputs(Sex.MALE, 19, null, false, null, null, 22.0, 80.0,
				120.0)))).singleElement().asString().contains("age 19 is outside");
		assertThat(reasons(ChineseDiabetesRiskScore.assess(new DiabetesInputs(Sex.MALE, 50, null, false, null, null, 22.0, null,
				null)))).containsExactlyInAnyOrder("waist circumference is missing", "systolic blood pressure is missing");
	}
}
