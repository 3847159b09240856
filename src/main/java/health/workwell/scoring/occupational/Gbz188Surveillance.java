package health.workwell.scoring.occupational;

import static health.workwell.scoring.occupational.ExamItem.BLOOD_GLUCOSE;
import static health.workwell.scoring.occupational.ExamItem.BLOOD_OR_URINE_LEAD;
import static health.workwell.scoring.occupational.ExamItem.CHEST_RADIOGRAPH;
import static health.workwell.scoring.occupational.ExamItem.COMPLETE_BLOOD_COUNT;
import static health.workwell.scoring.occupational.ExamItem.COMPLETE_BLOOD_COUNT_WITH_MORPHOLOGY;
import static health.workwell.scoring.occupational.ExamItem.ECG;
import static health.workwell.scoring.occupational.ExamItem.LIVER_SPLEEN_ULTRASOUND;
import static health.workwell.scoring.occupational.ExamItem.PURE_TONE_AUDIOMETRY;
import static health.workwell.scoring.occupational.ExamItem.SERUM_ALT;
import static health.workwell.scoring.occupational.ExamItem.SPIROMETRY;
import static health.workwell.scoring.occupational.ExamItem.URINALYSIS;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import health.workwell.scoring.RequiredInputs;
import java.util.List;

/**
 * Periodic occupational health surveillance per GBZ 188-2014 《职业健康监护技术规范》 (in force since
 * 2014-10-01): for a hazard, the required in-service examination items, the interval (depending on the
 * exposure level where the standard says so) and the occupational contraindications. The clauses
 * encoded, as transcribed in docs/scoring-sources.md §5.1: benzene (5.19), lead (5.1), silica
 * dust (6.1), coal dust (6.2), noise and high temperature. Other hazards answer not computable until
 * their clauses are transcribed and checked.
 *
 * <p>WorkWell's product rule on top (docs/design.md §4): a worker at red occupational risk is
 * examined at most every {@value #RED_MAX_INTERVAL_MONTHS} months; the rule only ever shortens the
 * GBZ 188 interval, never lengthens it.
 */
public final class Gbz188Surveillance {

	public static final ModelId MODEL = new ModelId("gbz188-surveillance", "2014");
	public static final int RED_MAX_INTERVAL_MONTHS = 6;

	private static final List<String> NO_CONTRAINDICATIONS_ENCODED = List.of();

	private Gbz188Surveillance() {}

	public static Assessment<SurveillancePlan> plan(ExposureInputs in) {
		RequiredInputs required = new RequiredInputs().require("hazard", in.hazard());
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		return switch (in.hazard()) {
			case "benzene" -> fixed(in, List.of(COMPLETE_BLOOD_COUNT_WITH_MORPHOLOGY, URINALYSIS, SERUM_ALT, ECG,
					LIVER_SPLEEN_ULTRASOUND), 12, List.of(
							"white blood cells below 4.0×10⁹/L or neutrophils below 2.0×10⁹/L",
							"platelets below 80×10⁹/L",
							"haematopoietic disease"), "GBZ 188-2014 5.19");
			case "lead" -> fixed(in, List.of(COMPLETE_BLOOD_COUNT, URINALYSIS, BLOOD_OR_URINE_LEAD, ECG), 12,
					NO_CONTRAINDICATIONS_ENCODED, "GBZ 188-2014 5.1");
			case "high-temperature" -> fixed(in, List.of(COMPLETE_BLOOD_COUNT, URINALYSIS, SERUM_ALT, ECG, BLOOD_GLUCOSE), 12,
					List.of("stage II or III hypertension", "active peptic ulcer", "chronic nephritis",
							"uncontrolled hyperthyroidism", "diabetes", "large-area skin scarring"),
					"GBZ 188-2014 (high temperature): yearly, before the hot season");
			case "noise" -> noise(in);
			case "silica-dust" -> dust(in, 24, 12, "GBZ 188-2014 6.1");
			case "coal-dust" -> dust(in, 36, 24, "GBZ 188-2014 6.2");
			default -> new Assessment.NotComputable<>(MODEL,
					List.of("no GBZ 188-2014 rule is encoded for hazard '" + in.hazard() + "'"));
		};
	}

	/** L<sub>EX,8h</sub> ≥ 85 dB(A): yearly; 80 to below 85: every 2 years; below 80: no surveillance. */
	private static Assessment<SurveillancePlan> noise(ExposureInputs in) {
		RequiredInputs required = new RequiredInputs().require("noise level LEX,8h", in.noiseLevelDbA());
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		double level = in.noiseLevelDbA();
		if (level < 80) {
			return new Assessment.Computed<>(MODEL, new SurveillancePlan("noise", false, List.of(), 0, 0, List.of(),
					"GBZ 188-2014 (noise): surveillance from LEX,8h 80 dB(A)"));
		}
		return fixed(in, List.of(PURE_TONE_AUDIOMETRY), level >= 85 ? 12 : 24, NO_CONTRAINDICATIONS_ENCODED,
				"GBZ 188-2014 (noise)");
	}

	/** Dust work grade I: {@code gradeOneMonths}; grade II and above: {@code higherGradeMonths}. */
	private static Assessment<SurveillancePlan> dust(ExposureInputs in, int gradeOneMonths, int higherGradeMonths, String source) {
		RequiredInputs required = new RequiredInputs().requireRange("dust work grade", in.dustWorkGrade(), 1, 4);
		if (!required.complete()) {
			return required.notComputable(MODEL);
		}
		int interval = in.dustWorkGrade() == 1 ? gradeOneMonths : higherGradeMonths;
		return fixed(in, List.of(CHEST_RADIOGRAPH, SPIROMETRY, ECG), interval, NO_CONTRAINDICATIONS_ENCODED, source);
	}

	private static Assessment<SurveillancePlan> fixed(ExposureInputs in, List<ExamItem> items, int gbzMonths,
			List<String> contraindications, String source) {
		return new Assessment.Computed<>(MODEL, new SurveillancePlan(in.hazard(), true, items, gbzMonths,
				scheduledInterval(gbzMonths, in.occupationalRisk()), contraindications, source));
	}

	/** The interval WorkWell schedules: red risk shortens it to at most 6 months; nothing lengthens it. */
	static int scheduledInterval(int gbzMonths, OccupationalRisk risk) {
		return risk == OccupationalRisk.RED ? Math.min(gbzMonths, RED_MAX_INTERVAL_MONTHS) : gbzMonths;
	}
}
