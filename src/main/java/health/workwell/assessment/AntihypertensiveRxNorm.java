package health.workwell.assessment;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * RxNorm codes of antihypertensive medicines, for records (such as Synthea's) coded in RxNorm rather
 * than ATC: the ingredients of ATC groups C02, C03, C07, C08 and C09 that such records use, and the
 * clinical drugs Synthea's hypertension module prescribes. Extend it as new sources appear.
 */
final class AntihypertensiveRxNorm {

	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private static final Set<String> CODES = Set.of(
			// ingredients: hydrochlorothiazide, chlorthalidone, furosemide, lisinopril, enalapril, losartan,
			// valsartan, amlodipine, nifedipine, metoprolol, atenolol, carvedilol, clonidine
			"5487", "2409", "4603", "29046", "3827", "52175", "69749", "17767", "7417", "6918", "1202", "20352", "2599",
			// clinical drugs in Synthea's hypertension module: HCTZ 25 mg, lisinopril 10 mg, amlodipine 5 mg
			"310798", "314076", "197361");

	private AntihypertensiveRxNorm() {}

	static boolean contains(CodeableConcept concept) {
		return concept.getCoding().stream().anyMatch(c -> RXNORM.equals(c.getSystem()) && CODES.contains(c.getCode()));
	}
}
