package health.workwell.assessment;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * RxNorm codes of antihypertensive medicines, for records (such as Synthea's) coded in RxNorm rather
 * than ATC: drugs containing an ingredient of ATC groups C02, C03, C07, C08 or C09.
 *
 * <p>Sources. The clinical-drug codes are every RxNorm code in the modules of Synthea 3.3.0
 * ({@code org.mitre.synthea:synthea:3.3.0} on Maven Central, JSON files under {@code modules/} in its jar)
 * whose display names such an ingredient, grouped below by the module file they come from (a code
 * used by several modules is listed under the first). SyntheaRiskAssessIT checks the list against the
 * jar both ways: every such code is here, and no other RxNorm code Synthea uses is. Extend it as new
 * sources appear.
 */
final class AntihypertensiveRxNorm {

	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private static final Set<String> CODES = Stream.of(
			// RxNorm ingredient (IN) codes, for records coded at ingredient level. Written from memory, except
			// lisinopril 29046, enalapril 3827, benazepril 18867, captopril 1998, quinapril 35208 and ramipril
			// 35296, which Synthea 3.3.0 uses (modules/allergies/drug_allergy_incidence.json, as allergens).
			// hydrochlorothiazide, chlorthalidone, furosemide, lisinopril, enalapril, losartan, valsartan,
			// amlodipine, nifedipine, metoprolol, atenolol, carvedilol, clonidine
			"5487", "2409", "4603", "29046", "3827", "52175", "69749", "17767", "7417", "6918", "1202", "20352", "2599",
			// benazepril, captopril, quinapril, ramipril
			"18867", "1998", "35208", "35296",
			// amlodipine 5 MG Oral Tablet: from memory; Synthea 3.3.0 does not prescribe it (its hypertension
			// module prescribes amlodipine 2.5 MG, 308136)
			"197361",

			// Synthea 3.3.0 modules/medications/hypertension_medication.json (the hypertension module's
			// stepped therapy): Hydrochlorothiazide 25 MG, lisinopril 10 MG, amLODIPine 2.5 MG,
			// losartan potassium 25 MG (also modules/covid19/medications.json and ace_arb.json)
			"310798", "314076", "308136", "979485",

			// Synthea 3.3.0 modules/medications/ace_arb.json
			// lisinopril 2.5 / 5 / 20 / 30 / 40 MG Oral Tablet, 1 MG/ML Oral Solution [Qbrelis]
			"311353", "311354", "314077", "205326", "197884", "1806890",
			// hydrochlorothiazide 12.5 MG / lisinopril 10 MG, 12.5 / 20 MG, 25 / 20 MG
			"197885", "197886", "197887",
			// enalapril maleate 2.5 / 5 / 10 / 20 MG Oral Tablet, 1 MG/ML Oral Solution [Epaned]
			"858804", "858813", "858817", "858810", "1435630",
			// benazepril hydrochloride 5 / 10 / 20 / 40 MG Oral Tablet
			"898723", "898687", "898690", "898719",
			// benazepril / hydrochlorothiazide 10/12.5, 20/12.5, 20/25 MG
			"898362", "898367", "898372",
			// amlodipine / benazepril 2.5/10, 5/10, 5/20, 5/40, 10/20, 10/40 MG Oral Capsule
			"898350", "898353", "898356", "898359", "898342", "898346",
			// quinapril 5 / 10 / 20 / 40 MG Oral Tablet
			"312750", "312748", "312749", "314203",
			// ramipril 1.25 / 2.5 / 5 / 10 MG Oral Capsule
			"845488", "198188", "198189", "261962",
			// losartan potassium 50 / 100 MG Oral Tablet, 25 / 50 MG [Cozaar]
			"979492", "979480", "979487", "979494",
			// hydrochlorothiazide / losartan 12.5/50, 12.5/100, 25/100 MG, and the same [Hyzaar]
			"979468", "979464", "979471", "979470", "979466", "979473",
			// valsartan 40 / 80 / 160 / 320 MG Oral Tablet, 320 MG [Diovan]
			"349483", "349199", "349201", "349200", "352001",
			// hydrochlorothiazide / valsartan 12.5/80, 12.5/160, 12.5/320, 25/160, 25/320 MG
			"200284", "200285", "636042", "349353", "636045",
			// irbesartan 75 / 150 / 300 MG Oral Tablet
			"200094", "200095", "200096",
			// telmisartan 20 / 40 / 80 MG Oral Tablet, 20 / 80 MG [Micardis]
			"282755", "205304", "205305", "284531", "213432",
			// sacubitril / valsartan 24/26, 49/51 MG [Entresto], 97/103 MG (also modules/heart/chf_meds_*.json)
			"1656346", "1656351", "1656356",

			// Synthea 3.3.0 modules/medications/beta_blocker.json
			// metoprolol succinate 24 HR 25 / 50 / 100 / 200 MG, 25 / 50 MG [Toprol]
			// (100 MG also in modules/stable_ischemic_heart_disease.json)
			"866427", "866436", "866412", "866419", "866429", "866438",
			// metoprolol tartrate 25 / 50 / 100 MG Oral Tablet, 50 MG [Lopressor], 1 MG/ML Injection, Cartridge
			"866924", "866514", "866511", "866516", "866508", "1744259",
			// atenolol 25 / 50 / 100 MG Oral Tablet
			"197380", "197381", "197379",
			// bisoprolol fumarate 5 / 10 MG; bisoprolol / hydrochlorothiazide 2.5/6.25, 5/6.25, 10/6.25 MG
			"854905", "854901", "854916", "854919", "854908",
			// carvedilol 3.125 / 6.25 / 12.5 / 25 MG Oral Tablet, 6.25 / 12.5 / 25 MG [Coreg]
			// (25 MG also in modules/heart/chf_meds*.json)
			"686924", "200031", "200032", "200033", "212388", "212389", "212390",
			// carvedilol phosphate 24 HR 10 / 20 MG Extended Release Oral Capsule, 20 MG [Coreg]
			"860510", "860516", "860518",
			// labetalol hydrochloride 100 / 200 / 300 MG Oral Tablet
			"896758", "896762", "896766",
			// nebivolol 2.5 / 5 / 10 / 20 MG Oral Tablet [Bystolic]
			"751620", "751623", "751616", "827075",
			// propranolol hydrochloride 10 / 20 / 40 / 60 / 80 MG Oral Tablet; 24 HR 60 / 80 / 120 / 160 MG Capsule
			"856448", "856457", "856519", "856556", "856578", "856535", "856569", "856460", "856481",

			// Synthea 3.3.0 modules/heart/chf_meds.json, chf_meds_hfmef.json, chf_meds_hfref_nyha2/3/4.json
			// Furosemide 40 MG Oral Tablet, spironolactone 25 MG Oral Tablet (C03), hydralazine hydrochloride
			// 37.5 MG / isosorbide dinitrate 20 MG Oral Tablet (hydralazine: C02DB02)
			"313988", "313096", "905377",
			// Synthea 3.3.0 modules/congestive_heart_failure.json: 10 ML Furosemide 10 MG/ML Injection
			"1719286",
			// Synthea 3.3.0 modules/atrial_fibrillation.json: verapamil hydrochloride 80 MG Oral Tablet (C08DA01)
			"897685")
			.collect(Collectors.toUnmodifiableSet());

	private AntihypertensiveRxNorm() {}

	static boolean contains(CodeableConcept concept) {
		return concept.getCoding().stream().anyMatch(c -> RXNORM.equals(c.getSystem()) && CODES.contains(c.getCode()));
	}
}
