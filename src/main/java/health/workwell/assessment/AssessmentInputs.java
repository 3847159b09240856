package health.workwell.assessment;

import health.workwell.scoring.Sex;
import health.workwell.scoring.cvd.CardiovascularInputs;
import health.workwell.scoring.diabetes.DiabetesInputs;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.FamilyMemberHistory;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a patient's record into the scoring core's inputs, following the input table in
 * docs/assessment-inputs.md, and remembers which resource each input came from so every result can
 * cite its exact basis.
 */
final class AssessmentInputs {

	static final String AGE = "age";
	static final String SEX = "sex";
	static final String TOTAL_CHOLESTEROL = "total cholesterol";
	static final String HDL = "HDL cholesterol";
	static final String SYSTOLIC = "systolic blood pressure";
	static final String DIASTOLIC = "diastolic blood pressure";
	static final String TREATMENT = "antihypertensive treatment";
	static final String SMOKER = "smoking status";
	static final String DIABETES = "diabetes";
	static final String HYPERTENSION = "hypertension";
	static final String ASCVD = "ascvd";
	static final String GESTATIONAL_DIABETES = "gestational diabetes";
	static final String BMI = "BMI";
	static final String WAIST = "waist circumference";
	static final String ACTIVITY = "physical activity";
	static final String FAMILY_DIABETES = "family history of diabetes";
	static final String FAMILY_ASCVD = "family history of ASCVD";
	static final String REGION = "region";

	/** Provinces China-PAR counts as northern (Yang et al. 2016: north of the Yangtze River). */
	private static final Set<String> NORTHERN_PROVINCES = Set.of("Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia",
			"Liaoning", "Jilin", "Heilongjiang", "Shandong", "Henan", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang",
			"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "山东", "河南", "陕西", "甘肃", "青海", "宁夏", "新疆");
	private static final Set<String> SOUTHERN_PROVINCES = Set.of("Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian",
			"Jiangxi", "Hubei", "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet",
			"上海", "江苏", "浙江", "安徽", "福建", "江西", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏");
	static final String URBAN_EXTENSION = Codes.WORKWELL + "/StructureDefinition/address-urban";

	private static final Map<String, Double> MMOL_TO_MG_DL = Map.of("mmol/L", health.workwell.scoring.Units.CHOLESTEROL_MG_DL_PER_MMOL_L);
	private static final Map<String, Double> TO_CM = Map.of("m", 100.0, "mm", 0.1, "[in_i]", 2.54);

	private final Map<String, Object> values = new LinkedHashMap<>();
	private final Map<String, Set<Resource>> evidence = new LinkedHashMap<>();

	AssessmentInputs(PatientRecord record, LocalDate assessmentDate) {
		var patient = record.patient();
		if (patient.hasGender() && patient.getGender() != AdministrativeGender.OTHER && patient.getGender() != AdministrativeGender.UNKNOWN) {
			put(SEX, patient.getGender() == AdministrativeGender.MALE ? Sex.MALE : Sex.FEMALE, patient);
		}
		if (patient.hasBirthDate()) {
			LocalDate birth = patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
			put(AGE, Period.between(birth, assessmentDate).getYears(), patient);
		}
		record.newest(Codes.TOTAL_CHOLESTEROL_MG_DL, null).flatMap(m -> m.in("mg/dL", Map.of()).map(v -> put(TOTAL_CHOLESTEROL, v, m.source())))
				.or(() -> record.newest(Codes.TOTAL_CHOLESTEROL_MMOL_L, null)
						.flatMap(m -> m.in("mg/dL", MMOL_TO_MG_DL).map(v -> put(TOTAL_CHOLESTEROL, v, m.source()))));
		record.newest(Codes.HDL_MG_DL, null).flatMap(m -> m.in("mg/dL", Map.of()).map(v -> put(HDL, v, m.source())))
				.or(() -> record.newest(Codes.HDL_MMOL_L, null)
						.flatMap(m -> m.in("mg/dL", MMOL_TO_MG_DL).map(v -> put(HDL, v, m.source()))));
		record.newest(Codes.SYSTOLIC, null).flatMap(m -> m.in("mm[Hg]", Map.of()).map(v -> put(SYSTOLIC, v, m.source())));
		record.newest(Codes.DIASTOLIC, null).flatMap(m -> m.in("mm[Hg]", Map.of()).map(v -> put(DIASTOLIC, v, m.source())));
		record.newest(Codes.BMI, null).flatMap(m -> m.in("kg/m2", Map.of()).map(v -> put(BMI, v, m.source())));
		record.newest(Codes.WAIST, null).flatMap(m -> m.in("cm", TO_CM).map(v -> put(WAIST, v, m.source())));
		record.newest(Codes.ACTIVITY_MINUTES_PER_WEEK, null)
				.flatMap(m -> m.in("min/wk", Map.of("min/(7.d)", 1.0)).map(v -> put(ACTIVITY, v >= 150, m.source())));
		record.newestObservation(Codes.SMOKING_STATUS).filter(Observation::hasValueCodeableConcept).ifPresent(o -> put(SMOKER,
				o.getValueCodeableConcept().getCoding().stream()
						.anyMatch(c -> Codes.SNOMED.equals(c.getSystem()) && Codes.CURRENT_SMOKER.contains(c.getCode())), o));
		readConditions(record);
		readMedications(record);
		readFamilyHistory(record);
		readRegion(patient.getAddressFirstRep(), patient);
	}

	private Object put(String name, Object value, Resource source) {
		values.put(name, value);
		evidence.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(source);
		return value;
	}

	private void readConditions(PatientRecord record) {
		// A diagnosis list is always known once read: no matching active Condition means "no".
		values.put(DIABETES, false);
		values.put(HYPERTENSION, false);
		values.put(ASCVD, false);
		values.put(GESTATIONAL_DIABETES, false);
		record.activeConditions().forEach(condition -> {
			if (ConditionGroups.DIABETES.matches(condition.getCode())) {
				put(DIABETES, true, condition);
			}
			if (ConditionGroups.HYPERTENSION.matches(condition.getCode())) {
				put(HYPERTENSION, true, condition);
			}
			if (ConditionGroups.ASCVD.matches(condition.getCode())) {
				put(ASCVD, true, condition);
			}
			if (ConditionGroups.GESTATIONAL_DIABETES.matches(condition.getCode())) {
				put(GESTATIONAL_DIABETES, true, condition);
			}
		});
	}

	private void readMedications(PatientRecord record) {
		values.put(TREATMENT, false);
		for (Resource medication : record.activeMedications()) {
			CodeableConcept code = record.medicationCode(medication).orElse(null);
			if (code != null && (Codes.hasAtcUnder(code, Codes.ANTIHYPERTENSIVE_ATC) || AntihypertensiveRxNorm.contains(code))) {
				put(TREATMENT, true, medication);
			}
		}
	}

	private void readFamilyHistory(PatientRecord record) {
		values.put(FAMILY_DIABETES, false);
		values.put(FAMILY_ASCVD, false);
		for (FamilyMemberHistory history : record.familyHistory()) {
			if (!isParentOrSibling(history.getRelationship())) {
				continue;
			}
			for (FamilyMemberHistory.FamilyMemberHistoryConditionComponent condition : history.getCondition()) {
				if (ConditionGroups.DIABETES.matches(condition.getCode())) {
					put(FAMILY_DIABETES, true, history);
				}
				if (ConditionGroups.ASCVD.matches(condition.getCode())) {
					put(FAMILY_ASCVD, true, history);
				}
			}
		}
	}

	/** v3 RoleCode: parents and siblings (natural, step, half) count; grandparents and others do not. */
	private static boolean isParentOrSibling(CodeableConcept relationship) {
		Set<String> codes = Set.of("PRN", "FTH", "MTH", "NPRN", "NFTH", "NMTH", "SIB", "BRO", "SIS", "NSIB", "NBRO", "NSIS",
				"HSIB", "HBRO", "HSIS", "TWIN", "TWINBRO", "TWINSIS", "FTWIN", "ITWIN");
		return relationship.getCoding().stream().anyMatch(c -> codes.contains(c.getCode()));
	}

	private void readRegion(Address address, Resource patient) {
		String state = address.getState();
		if (state != null) {
			String province = state.trim().replaceAll("(Province|省|市|自治区)$", "").trim();
			if (NORTHERN_PROVINCES.contains(province)) {
				put(REGION, true, patient);
			} else if (SOUTHERN_PROVINCES.contains(province)) {
				put(REGION, false, patient);
			}
		}
		if (address.hasExtension(URBAN_EXTENSION) && address.getExtensionByUrl(URBAN_EXTENSION).getValue() instanceof org.hl7.fhir.r4.model.BooleanType urban) {
			put("urban", urban.getValue(), patient);
		}
	}

	@SuppressWarnings("unchecked")
	<T> T get(String name) {
		return (T) values.get(name);
	}

	private Double doubleValue(String name) {
		Object value = values.get(name);
		return value == null ? null : ((Number) value).doubleValue();
	}

	CardiovascularInputs cardiovascular() {
		Integer age = get(AGE);
		return new CardiovascularInputs(get(SEX), age == null ? null : age.doubleValue(), doubleValue(TOTAL_CHOLESTEROL),
				doubleValue(HDL), doubleValue(SYSTOLIC), get(TREATMENT), get(SMOKER), get(DIABETES), doubleValue(BMI),
				doubleValue(WAIST), get(REGION), get("urban"), get(FAMILY_ASCVD));
	}

	DiabetesInputs diabetes() {
		Sex sex = get(SEX);
		Boolean gestational = sex == Sex.FEMALE ? get(GESTATIONAL_DIABETES) : null;
		return new DiabetesInputs(sex, get(AGE), gestational, get(FAMILY_DIABETES), get(HYPERTENSION), get(ACTIVITY),
				doubleValue(BMI), doubleValue(WAIST), doubleValue(SYSTOLIC));
	}

	Set<String> diagnosedChronicDiseases() {
		Set<String> diseases = new LinkedHashSet<>();
		for (String disease : List.of(DIABETES, HYPERTENSION, ASCVD)) {
			if (Boolean.TRUE.equals(values.get(disease))) {
				diseases.add(disease);
			}
		}
		return diseases;
	}

	/** The resources the named inputs were read from, each once. */
	List<Resource> basis(List<String> inputNames) {
		Set<Resource> resources = new LinkedHashSet<>();
		inputNames.forEach(name -> resources.addAll(evidence.getOrDefault(name, Set.of())));
		return new ArrayList<>(resources);
	}
}
