package health.workwell.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.workwell.scoring.ModelId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * Builds the RiskAssessment for one model run (docs/design.md §3 "Risk output"): method = model code
 * and version, basis = the exact resources read, probability as a percentage, qualitative risk from
 * WorkWell's tier code system, and an identifier per patient and model so a re-run replaces the
 * previous one instead of adding another.
 */
final class RiskAssessments {

	static final String SCORE_EXTENSION = Codes.WORKWELL + "/StructureDefinition/risk-score";
	static final String MODEL_VERSION_EXTENSION = Codes.WORKWELL + "/StructureDefinition/model-version";

	private RiskAssessments() {}

	static RiskAssessment start(ModelId model, String display, Patient patient, LocalDate date, List<Resource> basis) {
		RiskAssessment assessment = new RiskAssessment();
		assessment.getMeta().addProfile(Codes.profile("workwell-risk-assessment"));
		String patientId = patient.getIdElement().getIdPart();
		assessment.addIdentifier().setSystem(Codes.ASSESSMENT_ID_SYSTEM).setValue(patientId + "/" + model.code());
		assessment.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
		assessment.setSubject(new Reference("Patient/" + patientId));
		assessment.setOccurrence(new DateTimeType(toDate(date), ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY));
		// Coding.version would be the code system's version; the model's own version has an extension (IG profile).
		assessment.getMethod().addCoding().setSystem(Codes.RISK_MODEL_SYSTEM).setCode(model.code()).setDisplay(display);
		assessment.getMethod().addExtension(MODEL_VERSION_EXTENSION, new org.hl7.fhir.r4.model.StringType(model.version()));
		for (Resource resource : basis) {
			assessment.addBasis(new Reference(resource.getIdElement().toUnqualifiedVersionless().getValue()));
		}
		return assessment;
	}

	/**
	 * The stored assessments under these identifier values (of {@link Codes#ASSESSMENT_ID_SYSTEM}), found
	 * with one search, by identifier value.
	 */
	static Map<String, RiskAssessment> storedByIdentifier(DaoRegistry daos, Collection<String> identifierValues,
			RequestDetails request) {
		Map<String, RiskAssessment> stored = new HashMap<>();
		if (identifierValues.isEmpty()) {
			return stored;
		}
		TokenOrListParam identifiers = new TokenOrListParam();
		identifierValues.forEach(value -> identifiers.addOr(new TokenParam(Codes.ASSESSMENT_ID_SYSTEM, value)));
		SearchParameterMap search = SearchParameterMap.newSynchronous();
		search.add("identifier", identifiers);
		for (Object found : daos.getResourceDao(RiskAssessment.class).searchForResources(search, request)) {
			RiskAssessment assessment = (RiskAssessment) found;
			assessment.getIdentifier().stream().filter(i -> Codes.ASSESSMENT_ID_SYSTEM.equals(i.getSystem()))
					.forEach(i -> stored.put(i.getValue(), assessment));
		}
		return stored;
	}

	/** A 10-year probability in percent (FHIR R4 ras-2: probabilityDecimal is a percentage). */
	static RiskAssessment.RiskAssessmentPredictionComponent tenYear(RiskAssessment assessment, String outcome, double percent,
			LocalDate date) {
		RiskAssessment.RiskAssessmentPredictionComponent prediction = assessment.addPrediction();
		prediction.getOutcome().setText(outcome);
		prediction.setProbability(new org.hl7.fhir.r4.model.DecimalType(BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP)));
		prediction.setWhen(new Period().setStart(toDate(date)).setEnd(toDate(date.plusYears(10))));
		return prediction;
	}

	/** A points-based result: the score as an extension, the band as qualitative risk. */
	static RiskAssessment.RiskAssessmentPredictionComponent score(RiskAssessment assessment, String outcome, int points) {
		RiskAssessment.RiskAssessmentPredictionComponent prediction = assessment.addPrediction();
		prediction.getOutcome().setText(outcome);
		prediction.addExtension(SCORE_EXTENSION, new IntegerType(points));
		return prediction;
	}

	static void qualitative(RiskAssessment.RiskAssessmentPredictionComponent prediction, String system, String code) {
		prediction.getQualitativeRisk().addCoding().setSystem(system).setCode(code);
	}

	private static Date toDate(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
	}
}
