package health.workwell.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Reads PHQ-9 / GAD-7 item answers from a QuestionnaireResponse: items are linked by LOINC item code
 * (the linkId is the code, or ends with "/code" as in NLM's forms) and answered with LL358-3 codes
 * (LA6568-5 … LA6571-9 = 0 … 3).
 */
final class QuestionnaireAnswers {

	private QuestionnaireAnswers() {}

	/** The answers in item order ({@code null} = unanswered), if the response has any of the items. */
	static Optional<List<Integer>> read(QuestionnaireResponse response, List<String> itemCodes) {
		List<QuestionnaireResponseItemComponent> items = flatten(response.getItem());
		List<Integer> answers = new ArrayList<>();
		boolean any = false;
		for (String code : itemCodes) {
			Integer answer = null;
			for (QuestionnaireResponseItemComponent item : items) {
				String linkId = item.getLinkId();
				if (linkId != null && (linkId.equals(code) || linkId.endsWith("/" + code)) && item.hasAnswer()) {
					any = true;
					answer = ordinal(item);
				}
			}
			answers.add(answer);
		}
		return any ? Optional.of(answers) : Optional.empty();
	}

	private static Integer ordinal(QuestionnaireResponseItemComponent item) {
		var answer = item.getAnswerFirstRep();
		if (answer.hasValueCoding()) {
			int index = Codes.LL358_3.indexOf(answer.getValueCoding().getCode());
			return index < 0 ? -1 : index;
		}
		return answer.hasValueIntegerType() ? answer.getValueIntegerType().getValue() : -1;
	}

	private static List<QuestionnaireResponseItemComponent> flatten(List<QuestionnaireResponseItemComponent> items) {
		List<QuestionnaireResponseItemComponent> all = new ArrayList<>();
		for (QuestionnaireResponseItemComponent item : items) {
			all.add(item);
			all.addAll(flatten(item.getItem()));
		}
		return all;
	}
}
