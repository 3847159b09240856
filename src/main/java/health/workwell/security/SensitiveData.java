package health.workwell.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Which records are psychological or occupational-disease data (PIPL Art. 28 sensitive data with a
 * purpose of its own), recognised by what they are:
 * <ul>
 *   <li>psychological: QuestionnaireResponses to WorkWell's PHQ-9 / GAD-7 Questionnaires (or answering
 *   their LOINC items), Observations coded with the PHQ-9/GAD-7 panel, total score (44261-6, 70274-6)
 *   or item codes, the phq-9 / gad-7 RiskAssessments, and the crisis follow-up Task of {@code $tier};
 *   labelled on write with v3-ActCode {@value #MENTAL_HEALTH} (mental health information sensitivity)
 *   and confidentiality {@code R} (restricted), and also recognised by that label;</li>
 *   <li>occupational: exposure Observations (category occupational-exposure), occupational health
 *   DiagnosticReports, occupational exam Encounters and exam ServiceRequests, the GBZ 188 surveillance
 *   RiskAssessment, Conditions of category occupational-disease, and anything with a WorkWell
 *   occupational profile.</li>
 * </ul>
 */
public final class SensitiveData {

	public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	public static final String MENTAL_HEALTH = "MH";
	public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
	public static final String RESTRICTED = "R";

	private static final String LOINC = "http://loinc.org";
	private static final String WORKWELL = "http://workwell.health/fhir";
	private static final Set<String> QUESTIONNAIRES = Set.of(WORKWELL + "/Questionnaire/phq-9", WORKWELL + "/Questionnaire/gad-7");
	private static final Set<String> PSYCHOLOGICAL_LOINC = Stream.of(
					List.of("44249-1", "69737-5", "44261-6", "70274-6"),
					List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"),
					List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"))
			.flatMap(List::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
	private static final Set<String> PSYCHOLOGICAL_MODELS = Set.of("phq-9", "gad-7");
	private static final String RISK_MODEL_SYSTEM = WORKWELL + "/CodeSystem/risk-model";
	private static final String INTERVENTION_SYSTEM = WORKWELL + "/CodeSystem/intervention";
	private static final String OBSERVATION_CATEGORY_SYSTEM = WORKWELL + "/CodeSystem/observation-category";
	private static final String EXAM_TYPE_SYSTEM = WORKWELL + "/CodeSystem/exam-type";

	private SensitiveData() {}

	public static boolean psychological(Resource resource) {
		if (resource.getMeta().getSecurity().stream().anyMatch(s -> ACT_CODE.equals(s.getSystem())
				&& (MENTAL_HEALTH.equals(s.getCode()) || "PSY".equals(s.getCode())))) {
			return true;
		}
		if (resource instanceof QuestionnaireResponse response) {
			String questionnaire = response.getQuestionnaire() == null ? "" : response.getQuestionnaire().split("\\|")[0];
			return QUESTIONNAIRES.contains(questionnaire) || answersPsychologicalItems(response.getItem());
		}
		if (resource instanceof Observation observation) {
			return loinc(observation.getCode()) || observation.getComponent().stream().anyMatch(c -> loinc(c.getCode()));
		}
		if (resource instanceof RiskAssessment assessment) {
			return assessment.getMethod().getCoding().stream()
					.anyMatch(c -> RISK_MODEL_SYSTEM.equals(c.getSystem()) && PSYCHOLOGICAL_MODELS.contains(c.getCode()));
		}
		if (resource instanceof Task task) {
			return has(task.getCode(), INTERVENTION_SYSTEM, "crisis-follow-up")
					|| task.getMeta().getProfile().stream().anyMatch(p -> p.getValue().endsWith("/workwell-crisis-task"));
		}
		return false;
	}

	public static boolean occupational(Resource resource) {
		if (resource.getMeta().getProfile().stream().anyMatch(p -> p.getValue() != null && p.getValue().startsWith(WORKWELL)
				&& p.getValue().contains("occupational"))) {
			return true;
		}
		if (resource instanceof Observation observation) {
			return observation.getCategory().stream().anyMatch(c -> has(c, OBSERVATION_CATEGORY_SYSTEM, "occupational-exposure"));
		}
		if (resource instanceof DiagnosticReport report) {
			return report.getCategory().stream().anyMatch(c -> has(c, OBSERVATION_CATEGORY_SYSTEM, "occupational-health"));
		}
		if (resource instanceof Encounter encounter) {
			return encounter.getType().stream().anyMatch(t -> t.getCoding().stream().anyMatch(c -> EXAM_TYPE_SYSTEM.equals(c.getSystem())));
		}
		if (resource instanceof ServiceRequest request) {
			return request.getCode().getCoding().stream().anyMatch(c -> EXAM_TYPE_SYSTEM.equals(c.getSystem()));
		}
		if (resource instanceof RiskAssessment assessment) {
			return assessment.getMethod().getCoding().stream()
					.anyMatch(c -> RISK_MODEL_SYSTEM.equals(c.getSystem()) && "gbz188-surveillance".equals(c.getCode()));
		}
		if (resource instanceof org.hl7.fhir.r4.model.Condition condition) {
			return condition.getCategory().stream().anyMatch(c -> c.getCoding().stream()
					.anyMatch(coding -> "occupational-disease".equals(coding.getCode())));
		}
		return false;
	}

	/** Adds the psychological labels a resource lacks (server-side: whatever the client sent). */
	static void label(Resource resource) {
		if (!psychological(resource)) {
			return;
		}
		addLabel(resource, ACT_CODE, MENTAL_HEALTH, "mental health information sensitivity");
		addLabel(resource, CONFIDENTIALITY, RESTRICTED, "restricted");
	}

	private static void addLabel(Resource resource, String system, String code, String display) {
		if (resource.getMeta().getSecurity(system, code) == null) {
			resource.getMeta().addSecurity(new Coding(system, code, display));
		}
	}

	private static boolean answersPsychologicalItems(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items) {
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
			String linkId = item.getLinkId() == null ? "" : item.getLinkId();
			String code = linkId.contains("/") ? linkId.substring(linkId.lastIndexOf('/') + 1) : linkId;
			if (PSYCHOLOGICAL_LOINC.contains(code) || answersPsychologicalItems(item.getItem())) {
				return true;
			}
		}
		return false;
	}

	private static boolean loinc(CodeableConcept concept) {
		return concept.getCoding().stream().anyMatch(c -> LOINC.equals(c.getSystem()) && PSYCHOLOGICAL_LOINC.contains(c.getCode()));
	}

	private static boolean has(CodeableConcept concept, String system, String code) {
		return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
	}
}
