package health.workwell.scoring;

/** Sex as the models' equations distinguish it. */
public enum Sex {
	MALE,
	FEMALE
}
