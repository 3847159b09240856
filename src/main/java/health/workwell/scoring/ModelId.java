package health.workwell.scoring;

/** A model's code (in WorkWell's risk-model code system) and the version of its coefficients or policy. */
public record ModelId(String code, String version) {

	@Override
	public String toString() {
		return code + "|" + version;
	}
}
