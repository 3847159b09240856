package health.workwell.assessment;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** The code systems and codes the assessment reads (docs/assessment-inputs.md). */
final class Codes {

	static final String LOINC = "http://loinc.org";
	static final String SNOMED = "http://snomed.info/sct";
	static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
	static final String ICD10_CN = "http://hl7.org/fhir/sid/icd-10-cn";
	static final String ATC = "http://www.whocc.no/atc";
	static final String WORKWELL = "http://workwell.health/fhir";
	static final String RISK_MODEL_SYSTEM = WORKWELL + "/CodeSystem/risk-model";
	static final String RISK_TIER_SYSTEM = WORKWELL + "/CodeSystem/risk-tier";
	/** Canonical URL of a WorkWell profile (the IG's StructureDefinition id). */
	static String profile(String id) {
		return WORKWELL + "/StructureDefinition/" + id;
	}

	static final String ASSESSMENT_ID_SYSTEM = WORKWELL + "/NamingSystem/risk-assessment";
	static final String PSYCHOLOGICAL_SEVERITY_SYSTEM = WORKWELL + "/CodeSystem/psychological-severity";
	static final String HAZARD_SYSTEM = WORKWELL + "/CodeSystem/hazard-agent";
	static final String OBSERVATION_CATEGORY_SYSTEM = WORKWELL + "/CodeSystem/observation-category";
	static final String OBSERVATION_CODE_SYSTEM = WORKWELL + "/CodeSystem/observation-code";
	static final String EXPOSURE_METRIC_SYSTEM = WORKWELL + "/CodeSystem/exposure-metric";
	static final String EXPOSURE_GRADE_SYSTEM = WORKWELL + "/CodeSystem/exposure-grade";
	static final String EXAM_TYPE_SYSTEM = WORKWELL + "/CodeSystem/exam-type";
	static final String EXAM_CONCLUSION_SYSTEM = WORKWELL + "/CodeSystem/exam-conclusion";
	static final String OCCUPATIONAL_RISK_SYSTEM = WORKWELL + "/CodeSystem/occupational-risk";

	static final List<String> TOTAL_CHOLESTEROL_MG_DL = List.of("2093-3");
	static final List<String> TOTAL_CHOLESTEROL_MMOL_L = List.of("14647-2");
	static final List<String> HDL_MG_DL = List.of("2085-9");
	static final List<String> HDL_MMOL_L = List.of("14646-4");
	static final List<String> SYSTOLIC = List.of("8480-6");
	static final List<String> DIASTOLIC = List.of("8462-4");
	static final List<String> BMI = List.of("39156-5");
	static final List<String> WAIST = List.of("8280-0");
	static final List<String> ACTIVITY_MINUTES_PER_WEEK = List.of("82290-8");
	static final String SMOKING_STATUS = "72166-2";
	static final Set<String> CURRENT_SMOKER = Set.of("449868002", "428041000124106", "77176002");
	static final String PHQ9_PANEL = "44249-1";
	static final String GAD7_PANEL = "69737-5";
	static final List<String> PHQ9_ITEMS =
			List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8");
	static final List<String> GAD7_ITEMS = List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7");
	static final List<String> LL358_3 = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");

	/** Every Observation code the assessment reads (the BP panel for its components). */
	static final List<String> OBSERVATION_CODES_READ = java.util.stream.Stream.of(TOTAL_CHOLESTEROL_MG_DL,
					TOTAL_CHOLESTEROL_MMOL_L, HDL_MG_DL, HDL_MMOL_L, SYSTOLIC, DIASTOLIC, BMI, WAIST, ACTIVITY_MINUTES_PER_WEEK,
					List.of(SMOKING_STATUS, "85354-9", "55284-4"))
			.flatMap(List::stream)
			.toList();

	/** Antihypertensive ATC groups: C02 antihypertensives, C03 diuretics, C07 beta blockers, C08 CCBs, C09 RAS agents. */
	static final List<String> ANTIHYPERTENSIVE_ATC = List.of("C02", "C03", "C07", "C08", "C09");

	private Codes() {}

	/** The code of the first coding of {@code system} in the concept, or null. */
	static String codeIn(CodeableConcept concept, String system) {
		return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).map(Coding::getCode).findFirst().orElse(null);
	}

	static boolean hasLoinc(CodeableConcept concept, List<String> codes) {
		return concept.getCoding().stream().anyMatch(c -> LOINC.equals(c.getSystem()) && codes.contains(c.getCode()));
	}

	static boolean isActive(CodeableConcept clinicalStatus) {
		return clinicalStatus.getCoding().stream().anyMatch(c -> Set.of("active", "recurrence", "relapse").contains(c.getCode()));
	}

	static boolean isConfirmedOrProvisional(CodeableConcept verificationStatus) {
		return verificationStatus.getCoding().stream().noneMatch(c -> Set.of("refuted", "entered-in-error").contains(c.getCode()));
	}

	/** ICD-10 code {@code prefixes} (E11 matches E11.9), or one of the SNOMED CT {@code snomed} codes. */
	static boolean matches(CodeableConcept concept, List<String> icd10Prefixes, Set<String> snomed) {
		for (Coding coding : concept.getCoding()) {
			String code = coding.getCode();
			if (code == null) {
				continue;
			}
			if ((ICD10.equals(coding.getSystem()) || ICD10_CN.equals(coding.getSystem()))
					&& icd10Prefixes.stream().anyMatch(code::startsWith)) {
				return true;
			}
			if (SNOMED.equals(coding.getSystem()) && snomed.contains(code)) {
				return true;
			}
		}
		return false;
	}

	static boolean hasAtcUnder(CodeableConcept concept, List<String> groups) {
		return concept.getCoding().stream()
				.anyMatch(c -> ATC.equals(c.getSystem()) && c.getCode() != null && groups.stream().anyMatch(c.getCode()::startsWith));
	}
}
