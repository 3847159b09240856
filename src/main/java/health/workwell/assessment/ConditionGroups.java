package health.workwell.assessment;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;

/** The diagnosis groups the models ask about, by ICD-10 range and SNOMED CT code (issue 4 input table). */
enum ConditionGroups {
	DIABETES(List.of("E10", "E11", "E12", "E13", "E14"), Set.of("73211009", "44054006", "46635009")),
	HYPERTENSION(List.of("I10", "I11", "I12", "I13", "I15"), Set.of("38341003", "59621000")),
	GESTATIONAL_DIABETES(List.of("O24.4"), Set.of("11687002")),
	ASCVD(List.of("I20", "I21", "I22", "I23", "I24", "I25", "I60", "I61", "I62", "I63", "I64", "I65", "I66", "I67", "I68",
			"I69"), Set.of("53741008", "22298006", "230690007"));

	private final List<String> icd10Prefixes;
	private final Set<String> snomed;

	ConditionGroups(List<String> icd10Prefixes, Set<String> snomed) {
		this.icd10Prefixes = icd10Prefixes;
		this.snomed = snomed;
	}

	boolean matches(CodeableConcept concept) {
		return Codes.matches(concept, icd10Prefixes, snomed);
	}
}
