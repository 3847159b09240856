package health.workwell.scoring.composite;

import health.workwell.scoring.psych.ScreeningResult;
import health.workwell.scoring.psych.Severity;

/**
 * Psychological intervention tier (docs/design.md §4): mild → self-help and mindfulness course,
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
		return of(phq9 != null && phq9.crisis(), phq9 == null ? null : phq9.severity(), gad7 == null ? null : gad7.severity());
	}

	/** Crisis first, else the worst of the severities given ({@code null} = not screened or incomplete). */
	public static PsychologicalTier of(boolean crisis, Severity... severities) {
		if (crisis) {
			return CRISIS;
		}
		PsychologicalTier worst = NONE;
		for (Severity severity : severities) {
			if (severity != null && of(severity).compareTo(worst) > 0) {
				worst = of(severity);
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
