package health.workwell.scoring.psych;

import health.workwell.scoring.Assessment;
import health.workwell.scoring.ModelId;
import java.util.ArrayList;
import java.util.List;

/**
 * The PHQ/GAD family: items answered 0–3 ("Not at all" … "Nearly every day", LOINC answer list
 * LL358-3), total = sum of items, a cut-off for a positive screen and, for PHQ-9 and GAD-7, severity
 * bands. Answers are given in item order; {@code null} = unanswered.
 */
public enum ScreeningQuestionnaire {
	/** PHQ-9 (LOINC 44249-1): bands per Kroenke 2001; positive from 10; item 9 above 0 is a crisis. */
	PHQ_9(new ModelId("phq-9", "2001"), 9, 10, new int[] {5, 10, 15, 20}, new Severity[] {
		Severity.MINIMAL, Severity.MILD, Severity.MODERATE, Severity.MODERATELY_SEVERE, Severity.SEVERE
	}, 9),
	/** GAD-7 (LOINC 69737-5): bands per Spitzer 2006; positive from 10. */
	GAD_7(new ModelId("gad-7", "2006"), 7, 10, new int[] {5, 10, 15}, new Severity[] {
		Severity.MINIMAL, Severity.MILD, Severity.MODERATE, Severity.SEVERE
	}, 0),
	/** PHQ-2 (LOINC 55757-9, PHQ-9 items 1–2): positive from 3 (Kroenke, Med Care 2003;41:1284–1292). */
	PHQ_2(new ModelId("phq-2", "2003"), 2, 3, new int[0], new Severity[] {null}, 0),
	/** GAD-2 (GAD-7 items 1–2): positive from 3 (Kroenke, Ann Intern Med 2007;146:317–325). */
	GAD_2(new ModelId("gad-2", "2007"), 2, 3, new int[0], new Severity[] {null}, 0);

	private final ModelId model;
	private final int items;
	private final int positiveFrom;
	private final int[] bandFrom;
	private final Severity[] bands;
	private final int crisisItem;

	ScreeningQuestionnaire(ModelId model, int items, int positiveFrom, int[] bandFrom, Severity[] bands, int crisisItem) {
		this.model = model;
		this.items = items;
		this.positiveFrom = positiveFrom;
		this.bandFrom = bandFrom;
		this.bands = bands;
		this.crisisItem = crisisItem;
	}

	public ModelId model() {
		return model;
	}

	public int itemCount() {
		return items;
	}

	public Assessment<ScreeningResult> score(List<Integer> answers) {
		if (answers.size() != items) {
			return new Assessment.NotComputable<>(model, List.of(model.code() + " has " + items + " items, got " + answers.size()));
		}
		List<String> invalid = new ArrayList<>();
		List<Integer> unanswered = new ArrayList<>();
		int total = 0;
		for (int i = 0; i < items; i++) {
			Integer answer = answers.get(i);
			if (answer == null) {
				unanswered.add(i + 1);
			} else if (answer < 0 || answer > 3) {
				invalid.add("item " + (i + 1) + " answer " + answer + " is not 0–3");
			} else {
				total += answer;
			}
		}
		if (!invalid.isEmpty()) {
			return new Assessment.NotComputable<>(model, invalid);
		}
		Integer crisisAnswer = crisisItem == 0 ? null : answers.get(crisisItem - 1);
		boolean crisis = crisisAnswer != null && crisisAnswer > 0;
		if (!unanswered.isEmpty()) {
			return new Assessment.Computed<>(model, new ScreeningResult(null, null, false, crisis, unanswered));
		}
		return new Assessment.Computed<>(model, new ScreeningResult(total, band(total), total >= positiveFrom, crisis, unanswered));
	}

	private Severity band(int total) {
		int index = 0;
		for (int i = 0; i < bandFrom.length; i++) {
			if (total >= bandFrom[i]) {
				index = i + 1;
			}
		}
		return bands[index];
	}
}
