package health.workwell.scoring.occupational;

import static health.workwell.scoring.AssessmentAssertions.computed;
import static health.workwell.scoring.AssessmentAssertions.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * GBZ 188-2014 rules as transcribed in docs/scoring-sources.md §5.1 (benzene 5.19, silica dust
 * 6.1, coal dust 6.2 §6.2.2.3, noise, high temperature, lead 5.1), and WorkWell's red-risk rule
 * (docs/design.md §4).
 */
class Gbz188SurveillanceTest {

	private static SurveillancePlan plan(String hazard, Double noise, Integer grade, OccupationalRisk risk) {
		return computed(Gbz188Surveillance.plan(new ExposureInputs(hazard, noise, grade, risk)));
	}

	@Test
	void benzeneYearlyWithBloodCountAndItsContraindications() {
		SurveillancePlan benzene = plan("benzene", null, null, null);
		assertThat(benzene.items()).contains(ExamItem.COMPLETE_BLOOD_COUNT_WITH_MORPHOLOGY, ExamItem.SERUM_ALT,
				ExamItem.LIVER_SPLEEN_ULTRASOUND);
		assertThat(benzene.gbzIntervalMonths()).isEqualTo(12);
		assertThat(benzene.contraindications()).anyMatch(c -> c.contains("platelets below 80"));
	}

	@Test
	void noiseIntervalDependsOnTheEightHourLevel() {
		assertThat(plan("noise", 79.9, null, null).required()).isFalse();
		assertThat(plan("noise", 80.0, null, null).gbzIntervalMonths()).isEqualTo(24);
		assertThat(plan("noise", 84.9, null, null).gbzIntervalMonths()).isEqualTo(24);
		SurveillancePlan loud = plan("noise", 85.0, null, null);
		assertThat(loud.gbzIntervalMonths()).isEqualTo(12);
		assertThat(loud.items()).containsExactly(ExamItem.PURE_TONE_AUDIOMETRY);
		assertThat(reasons(Gbz188Surveillance.plan(new ExposureInputs("noise", null, null, null))))
				.containsExactly("noise level LEX,8h is missing");
	}

	@Test
	void dustIntervalsDependOnTheWorkGrade() {
		assertThat(plan("silica-dust", null, 1, null).gbzIntervalMonths()).isEqualTo(24);
		assertThat(plan("silica-dust", null, 2, null).gbzIntervalMonths()).isEqualTo(12);
		assertThat(plan("coal-dust", null, 1, null).gbzIntervalMonths()).isEqualTo(36);
		assertThat(plan("coal-dust", null, 3, null).gbzIntervalMonths()).isEqualTo(24);
		assertThat(plan("silica-dust", null, 2, null).items()).contains(ExamItem.CHEST_RADIOGRAPH, ExamItem.SPIROMETRY);
		assertThat(reasons(Gbz188Surveillance.plan(new ExposureInputs("coal-dust", null, 5, null))))
				.singleElement().asString().contains("dust work grade 5");
	}

	@Test
	void highTemperatureChecksBloodGlucoseNotElectrolytes() {
		SurveillancePlan heat = plan("high-temperature", null, null, null);
		assertThat(heat.items()).containsExactlyInAnyOrder(ExamItem.COMPLETE_BLOOD_COUNT, ExamItem.URINALYSIS,
				ExamItem.SERUM_ALT, ExamItem.ECG, ExamItem.BLOOD_GLUCOSE);
		assertThat(heat.contraindications()).contains("diabetes");
	}

	@Test
	void redRiskShortensButNeverLengthens() {
		assertThat(plan("benzene", null, null, OccupationalRisk.RED).intervalMonths()).isEqualTo(6);
		assertThat(plan("coal-dust", null, 1, OccupationalRisk.RED).intervalMonths()).isEqualTo(6);
		assertThat(plan("benzene", null, null, OccupationalRisk.YELLOW).intervalMonths()).isEqualTo(12);
		assertThat(plan("noise", 90.0, null, OccupationalRisk.GREEN).intervalMonths()).isEqualTo(12);
		for (OccupationalRisk risk : OccupationalRisk.values()) {
			for (int gbz : new int[] {3, 6, 12, 24, 36}) {
				assertThat(Gbz188Surveillance.scheduledInterval(gbz, risk)).as(risk + " " + gbz).isLessThanOrEqualTo(gbz);
			}
		}
		assertThat(Gbz188Surveillance.scheduledInterval(3, OccupationalRisk.RED)).isEqualTo(3);
	}

	@Test
	void hazardsWithoutAnEncodedClauseAreNotComputable() {
		assertThat(reasons(Gbz188Surveillance.plan(new ExposureInputs("asbestos", null, null, null))))
				.containsExactly("no GBZ 188-2014 rule is encoded for hazard 'asbestos'");
		assertThat(reasons(Gbz188Surveillance.plan(new ExposureInputs(null, null, null, null))))
				.containsExactly("hazard is missing");
	}
}
