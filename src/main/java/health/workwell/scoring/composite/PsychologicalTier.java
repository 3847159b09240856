package health.workwell.scoring.composite;

import health.workwell.scoring.psych.ScreeningResult;
import health.workwell.scoring.psych.Severity;

/**
 * Psychological intervention tier (shared/design.md §4): mild → self-help and mindfulness course,
 * moderate → online counselling, moderately severe or severe → in-person psychiatrist; PHQ-9 item 9
 * above 0 → crisis response whatever the totals. Taken from the worse of PHQ-9 and GAD-7.
 */
public enum PsychologicalTier {
	NONE,
	SELF_HELP,
	ONLINE_COUNSELLING,
	PSYCHIATRIST,
	CRISIS;

	/** Either result may be {@code null} (not done); an incomplete result counts only for its crisis flag. */
	public static PsychologicalTier of(ScreeningResult phq9, ScreeningResult gad7) {
		if (phq9 != null && phq9.crisis()) {
			return CRISIS;
		}
		PsychologicalTier worst = NONE;
		for (ScreeningResult result : new ScreeningResult[] {phq9, gad7}) {
			if (result != null && result.severity() != null) {
				PsychologicalTier tier = of(result.severity());
				worst = tier.compareTo(worst) > 0 ? tier : worst;
			}
		}
		return worst;
	}

	public static PsychologicalTier of(Severity severity) {
		return switch (severity) {
			case MINIMAL -> NONE;
			case MILD -> SELF_HELP;
			case MODERATE -> ONLINE_COUNSELLING;
			case MODERATELY_SEVERE, SEVERE -> PSYCHIATRIST;
		};
	}
}
