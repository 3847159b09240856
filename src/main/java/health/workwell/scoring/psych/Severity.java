package health.workwell.scoring.psych;

/**
 * Severity bands of the PHQ-9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606–613:
 * 0–4 none–minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe) and of the GAD-7
 * (Spitzer et al., Arch Intern Med 2006;166:1092–1097: 0–4 minimal, 5–9 mild, 10–14 moderate,
 * 15–21 severe; GAD-7 has no "moderately severe").
 */
public enum Severity {
	MINIMAL,
	MILD,
	MODERATE,
	MODERATELY_SEVERE,
	SEVERE
}
