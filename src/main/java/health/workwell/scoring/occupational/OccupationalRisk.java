package health.workwell.scoring.occupational;

/** WorkWell's red/yellow/green occupational risk (product policy, docs/design.md §4). */
public enum OccupationalRisk {
	GREEN,
	YELLOW,
	RED
}
