package health.workwell.scoring.occupational;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * WorkWell's red/yellow/green occupational risk policy 1.0.0 (docs/scoring.md), case by case: the
 * GBZ/T 229 work grades (0 relatively harmless, I mild, II moderate, III severe, IV extremely severe)
 * and the GBZ 188-2014 exam conclusions. The IG's example (noise, grade I, no abnormality) is yellow.
 */
class OccupationalRiskPolicyTest {

	@Test
	void noGradeAndNoFindingIsGreen() {
		assertThat(OccupationalRiskPolicy.classify(null, null)).isEqualTo(OccupationalRisk.GREEN);
		assertThat(OccupationalRiskPolicy.classify(0, ExamConclusion.NO_ABNORMALITY)).isEqualTo(OccupationalRisk.GREEN);
	}

	@Test
	void gradeEdges() {
		assertThat(OccupationalRiskPolicy.classify(0, null)).isEqualTo(OccupationalRisk.GREEN);
		assertThat(OccupationalRiskPolicy.classify(1, null)).isEqualTo(OccupationalRisk.YELLOW);
		assertThat(OccupationalRiskPolicy.classify(2, null)).isEqualTo(OccupationalRisk.YELLOW);
		assertThat(OccupationalRiskPolicy.classify(3, null)).isEqualTo(OccupationalRisk.RED);
		assertThat(OccupationalRiskPolicy.classify(4, null)).isEqualTo(OccupationalRisk.RED);
	}

	@Test
	void theIgExampleIsYellow() {
		assertThat(OccupationalRiskPolicy.classify(1, ExamConclusion.NO_ABNORMALITY)).isEqualTo(OccupationalRisk.YELLOW);
	}

	@Test
	void examFindingsRelatedToTheHazardRaiseTheClass() {
		assertThat(OccupationalRiskPolicy.classify(null, ExamConclusion.RE_EXAMINATION_REQUIRED)).isEqualTo(OccupationalRisk.YELLOW);
		assertThat(OccupationalRiskPolicy.classify(0, ExamConclusion.SUSPECTED_OCCUPATIONAL_DISEASE)).isEqualTo(OccupationalRisk.RED);
		assertThat(OccupationalRiskPolicy.classify(null, ExamConclusion.OCCUPATIONAL_CONTRAINDICATION)).isEqualTo(OccupationalRisk.RED);
		assertThat(OccupationalRiskPolicy.classify(2, ExamConclusion.SUSPECTED_OCCUPATIONAL_DISEASE)).isEqualTo(OccupationalRisk.RED);
	}

	@Test
	void aFindingUnrelatedToTheHazardDoesNotRaiseIt() {
		assertThat(OccupationalRiskPolicy.classify(null, ExamConclusion.OTHER_DISEASE)).isEqualTo(OccupationalRisk.GREEN);
		assertThat(OccupationalRiskPolicy.classify(1, ExamConclusion.OTHER_DISEASE)).isEqualTo(OccupationalRisk.YELLOW);
	}

	@Test
	void conclusionCodesOfTheIgCodeSystem() {
		assertThat(ExamConclusion.ofCode("suspected-occupational-disease")).isEqualTo(ExamConclusion.SUSPECTED_OCCUPATIONAL_DISEASE);
		assertThat(ExamConclusion.ofCode("no-abnormality")).isEqualTo(ExamConclusion.NO_ABNORMALITY);
		assertThat(ExamConclusion.ofCode("unheard-of")).isNull();
	}
}
