package health.workwell.scoring;

/** Unit conversions the models need, with their factors in one place. */
public final class Units {

	/**
	 * Cholesterol mg/dL per mmol/L: 1 / 0.02586 (molar mass of cholesterol 386.65 g/mol), the factor
	 * the Framingham calculators use; China-PAR's paper uses 0.0259, which differs by 0.15 %.
	 */
	public static final double CHOLESTEROL_MG_DL_PER_MMOL_L = 38.67;

	private Units() {}

	public static double cholesterolMmolToMgDl(double mmolPerL) {
		return mmolPerL * CHOLESTEROL_MG_DL_PER_MMOL_L;
	}
}
