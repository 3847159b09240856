package health.workwell.scoring.composite;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.workwell.scoring.Sex;
import health.workwell.scoring.psych.ScreeningQuestionnaire;
import health.workwell.scoring.psych.ScreeningResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composite policy (docs/scoring.md, "Composite index", version 1.0.0), case by case. */
class CompositeIndexTest {

	/** A healthy man: nothing abnormal, everything known. */
	private static HealthProfile healthy() {
		return new HealthProfile(Sex.MALE, 22.0, 80.0, 118.0, 76.0, false, 180.0, 55.0, true, Set.of(), 3.0, false, false);
	}

	private static CompositeResult assess(HealthProfile profile) {
		return computed(CompositeIndex.assess(profile));
	}

	@Test
	void tierBandEdges() {
		assertThat(Tier.of(0)).isEqualTo(Tier.LOW);
		assertThat(Tier.of(30)).isEqualTo(Tier.LOW);
		assertThat(Tier.of(31)).isEqualTo(Tier.MEDIUM);
		assertThat(Tier.of(60)).isEqualTo(Tier.MEDIUM);
		assertThat(Tier.of(61)).isEqualTo(Tier.HIGH);
		assertThat(Tier.of(80)).isEqualTo(Tier.HIGH);
		assertThat(Tier.of(81)).isEqualTo(Tier.VERY_HIGH);
		assertThat(Tier.of(100)).isEqualTo(Tier.VERY_HIGH);
		assertThatThrownBy(() -> Tier.of(101)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void noAbnormalFindingIsLow() {
		CompositeResult result = assess(healthy());
		assertThat(result.index()).isEqualTo(10);
		assertThat(result.tier()).isEqualTo(Tier.LOW);
		assertThat(result.group()).isEqualTo(ManagementGroup.LOW_RISK_STABLE);
		assertThat(result.riskFactors()).isEmpty();
		assertThat(result.unknown()).isEmpty();
	}

	@Test
	void oneOrTwoRiskFactorsAreMedium() {
		HealthProfile overweight = new HealthProfile(Sex.MALE, 24.0, 80.0, 118.0, 76.0, false, 180.0, 55.0, true, Set.of(), 3.0,
				false, false);
		assertThat(assess(overweight).riskFactors()).containsExactly("overweight");
		assertThat(assess(overweight).index()).isEqualTo(45);
		HealthProfile overweightDyslipidaemic = new HealthProfile(Sex.MALE, 25.0, 80.0, 118.0, 76.0, false, 240.0, 55.0, true,
				Set.of(), 3.0, false, false);
		CompositeResult two = assess(overweightDyslipidaemic);
		assertThat(two.riskFactors()).containsExactly("overweight", "dyslipidaemia");
		assertThat(two.index()).isEqualTo(60);
		assertThat(two.tier()).isEqualTo(Tier.MEDIUM);
		assertThat(two.group()).isEqualTo(ManagementGroup.MEDIUM_RISK_OBSERVATION);
	}

	@Test
	void threeFactorsOrAChronicDiseaseOrTenPercentCardiovascularRiskAreHigh() {
		HealthProfile threeFactors = new HealthProfile(Sex.FEMALE, 24.5, 85.0, 118.0, 76.0, true, 180.0, 55.0, true, Set.of(),
				3.0, false, false);
		assertThat(assess(threeFactors).riskFactors()).containsExactly("overweight", "central-obesity", "smoking");
		assertThat(assess(threeFactors).tier()).isEqualTo(Tier.HIGH);
		assertThat(assess(threeFactors).index()).isEqualTo(75);

		HealthProfile diabetic = new HealthProfile(Sex.MALE, 22.0, 80.0, 118.0, 76.0, false, 180.0, 55.0, true, Set.of("diabetes"),
				3.0, false, false);
		assertThat(assess(diabetic).index()).isEqualTo(65);
		assertThat(assess(diabetic).group()).isEqualTo(ManagementGroup.HIGH_RISK_INTENSIVE);

		HealthProfile highCvd = new HealthProfile(Sex.MALE, 22.0, 80.0, 118.0, 76.0, false, 180.0, 55.0, true, Set.of(), 10.0,
				false, false);
		assertThat(assess(highCvd).tier()).isEqualTo(Tier.HIGH);
		HealthProfile justBelow = new HealthProfile(Sex.MALE, 22.0, 80.0, 118.0, 76.0, false, 180.0, 55.0, true, Set.of(), 9.99,
				false, false);
		assertThat(assess(justBelow).tier()).isEqualTo(Tier.LOW);
	}

	@Test
	void highIndexIsCappedAtEighty() {
		HealthProfile many = new HealthProfile(Sex.MALE, 30.0, 100.0, 150.0, 95.0, true, 260.0, 35.0, false,
				Set.of("diabetes", "ascvd"), 15.0, true, false);
		CompositeResult result = assess(many);
		assertThat(result.riskFactors()).hasSize(7);
		assertThat(result.index()).isEqualTo(80);
		assertThat(result.tier()).isEqualTo(Tier.HIGH);
	}

	@Test
	void acuteEventTendencyIsVeryHigh() {
		HealthProfile grade3 = new HealthProfile(Sex.MALE, 22.0, 80.0, 180.0, 100.0, false, 180.0, 55.0, true, Set.of(), 3.0,
				false, false);
		assertThat(assess(grade3).acuteTriggers()).containsExactly("grade-3-blood-pressure");
		assertThat(assess(grade3).index()).isEqualTo(85);
		assertThat(assess(grade3).tier()).isEqualTo(Tier.VERY_HIGH);
		HealthProfile diastolic110 = new HealthProfile(Sex.MALE, 22.0, 80.0, 150.0, 110.0, false, 180.0, 55.0, true,
				Set.of("hypertension"), 3.0, false, false);
		assertThat(assess(diastolic110).index()).isEqualTo(90);
		HealthProfile everything = new HealthProfile(Sex.MALE, 22.0, 80.0, 190.0, 120.0, false, 180.0, 55.0, true,
				Set.of("hypertension"), 25.0, false, true);
		assertThat(assess(everything).acuteTriggers()).hasSize(3);
		assertThat(assess(everything).index()).isEqualTo(100);
	}

	@Test
	void diagnosedHypertensionIsADiseaseNotAlsoAFactor() {
		HealthProfile treated = new HealthProfile(Sex.MALE, 22.0, 80.0, 150.0, 95.0, false, 180.0, 55.0, true,
				Set.of("hypertension"), 3.0, false, false);
		assertThat(assess(treated).riskFactors()).isEmpty();
		assertThat(assess(treated).index()).isEqualTo(65);
	}

	@Test
	void unknownFactorsAreReportedAndCoreInputsAreRequired() {
		HealthProfile sparse = new HealthProfile(Sex.FEMALE, 22.0, null, 118.0, 76.0, false, null, null, null, Set.of(), null,
				null, null);
		assertThat(assess(sparse).unknown()).containsExactly("central-obesity", "dyslipidaemia", "physical-inactivity",
				"diabetes-risk", "cardiovascular-risk");
		HealthProfile noBloodPressure = new HealthProfile(Sex.FEMALE, 22.0, null, null, null, false, null, null, null, Set.of(),
				null, null, null);
		assertThat(reasons(CompositeIndex.assess(noBloodPressure)))
				.containsExactly("systolic blood pressure is missing", "diastolic blood pressure is missing");
	}

	@Test
	void psychologicalTierTakesTheWorseQuestionnaireAndCrisisFirst() {
		ScreeningResult phqMild = computed(ScreeningQuestionnaire.PHQ_9.score(List.of(1, 1, 1, 1, 1, 0, 0, 0, 0)));
		ScreeningResult gadModerate = computed(ScreeningQuestionnaire.GAD_7.score(List.of(2, 2, 2, 2, 2, 0, 0)));
		ScreeningResult phqSevere = computed(ScreeningQuestionnaire.PHQ_9.score(List.of(3, 3, 3, 3, 3, 3, 2, 0, 0)));
		ScreeningResult phqCrisis = computed(ScreeningQuestionnaire.PHQ_9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)));
		assertThat(PsychologicalTier.of(null, null)).isEqualTo(PsychologicalTier.NONE);
		assertThat(PsychologicalTier.of(phqMild, null)).isEqualTo(PsychologicalTier.SELF_HELP);
		assertThat(PsychologicalTier.of(phqMild, gadModerate)).isEqualTo(PsychologicalTier.ONLINE_COUNSELLING);
		assertThat(PsychologicalTier.of(phqSevere, gadModerate)).isEqualTo(PsychologicalTier.PSYCHIATRIST);
		assertThat(PsychologicalTier.of(phqCrisis, null)).isEqualTo(PsychologicalTier.CRISIS);
	}
}
