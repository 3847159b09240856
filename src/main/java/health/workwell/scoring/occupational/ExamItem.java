package health.workwell.scoring.occupational;

/** An examination item GBZ 188-2014 requires, with a stable local code and its name in the standard. */
public enum ExamItem {
	COMPLETE_BLOOD_COUNT("血常规", "complete blood count"),
	COMPLETE_BLOOD_COUNT_WITH_MORPHOLOGY("血常规（注意细胞形态及分类）", "complete blood count with cell morphology and differential"),
	URINALYSIS("尿常规", "urinalysis"),
	SERUM_ALT("血清ALT", "serum alanine aminotransferase"),
	ECG("心电图", "electrocardiogram"),
	LIVER_SPLEEN_ULTRASOUND("肝脾B超", "liver and spleen ultrasound"),
	BLOOD_GLUCOSE("血糖", "blood glucose"),
	BLOOD_OR_URINE_LEAD("血铅或尿铅", "blood lead or urine lead"),
	PURE_TONE_AUDIOMETRY("纯音听阈测试", "pure-tone audiometry"),
	CHEST_RADIOGRAPH("后前位X射线高千伏胸片或数字化摄影胸片(DR)", "posteroanterior high-kV or digital chest radiograph"),
	SPIROMETRY("肺功能", "lung function (spirometry)");

	private final String nameZh;
	private final String nameEn;

	ExamItem(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	/** Code in WorkWell's occupational exam item code system. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}
}
