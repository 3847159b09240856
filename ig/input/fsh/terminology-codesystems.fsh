// WorkWell local code systems: only where no standard code fits (docs/design.md §2).
// Codes are stable lowercase identifiers; the server writes some of them (risk-model, risk-tier,
// management-group, psychological-severity, intervention): keep them in step with src/main/java.

RuleSet: WorkWellCodeSystem
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* ^publisher = "WorkWell"
* ^version = "0.1.0"

CodeSystem: HazardAgentCS
Id: hazard-agent
Title: "WorkWell occupational hazard agents"
Description: "Occupational hazard agents following the Chinese Catalogue of Occupational Disease Hazard Factors (职业病危害因素分类目录, 2015) and the agents with their own chapters in GBZ 188-2014. The six top-level concepts are the catalogue's categories; an exposure is recorded against a leaf agent. CAS numbers are in the ConceptMap hazard-agent-to-cas."
* insert WorkWellCodeSystem
* ^hierarchyMeaning = #is-a
* #dust "Dust (粉尘)" "Productive dusts (catalogue category 1)."
* #dust #silica-dust "Silica dust (矽尘)" "Dust containing 10 % or more free crystalline silica (SiO2); GBZ 188-2014 §6.1."
* #dust #coal-dust "Coal dust (煤尘)" "Coal dust with less than 10 % free silica; GBZ 188-2014 §6.2."
* #dust #asbestos "Asbestos dust (石棉粉尘)" "Asbestos fibres and dust; GBZ 188-2014 §6.3."
* #dust #cement-dust "Cement dust (水泥粉尘)" "Cement dust."
* #dust #welding-fume "Welding fume (电焊烟尘)" "Welding fume."
* #chemical "Chemical agents (化学因素)" "Chemical agents (catalogue category 2)."
* #chemical #lead "Lead and its inorganic compounds (铅及其无机化合物)" "Lead dust and fume; GBZ 188-2014 §5.1."
* #chemical #mercury "Mercury and its inorganic compounds (汞及其无机化合物)" "Mercury; GBZ 188-2014 §5.2."
* #chemical #manganese "Manganese and its inorganic compounds (锰及其无机化合物)" "Manganese; GBZ 188-2014 §5.3."
* #chemical #cadmium "Cadmium and its inorganic compounds (镉及其无机化合物)" "Cadmium."
* #chemical #benzene "Benzene (苯)" "Benzene; GBZ 188-2014 §5.19."
* #chemical #toluene "Toluene (甲苯)" "Toluene."
* #chemical #xylene "Xylene (二甲苯)" "Xylene (mixed isomers)."
* #chemical #n-hexane "n-Hexane (正己烷)" "n-Hexane."
* #chemical #trichloroethylene "Trichloroethylene (三氯乙烯)" "Trichloroethylene."
* #chemical #formaldehyde "Formaldehyde (甲醛)" "Formaldehyde."
* #chemical #carbon-monoxide "Carbon monoxide (一氧化碳)" "Carbon monoxide."
* #chemical #hydrogen-sulfide "Hydrogen sulfide (硫化氢)" "Hydrogen sulfide."
* #physical "Physical agents (物理因素)" "Physical agents (catalogue category 3)."
* #physical #noise "Noise (噪声)" "Occupational noise; exposure level as L_EX,8h in dB(A) (GBZ 2.2-2007)."
* #physical #high-temperature "High temperature (高温)" "Work in heat; exposure as WBGT index (GBZ 2.2-2007)."
* #physical #hand-arm-vibration "Hand-arm vibration (手传振动)" "Hand-transmitted vibration."
* #physical #ultraviolet-radiation "Ultraviolet radiation (紫外辐射)" "Ultraviolet radiation, e.g. from arc welding."
* #radiological "Radiological agents (放射性因素)" "Radiological agents (catalogue category 4)."
* #radiological #ionising-radiation "Ionising radiation (电离辐射)" "External and internal exposure to ionising radiation."

CodeSystem: ExposureMetricCS
Id: exposure-metric
Title: "WorkWell exposure metrics"
Description: "The statistic a measured exposure level expresses (GBZ 2.1-2019, GBZ 2.2-2007). Carried in Observation.method of an occupational exposure."
* insert WorkWellCodeSystem
* #twa-8h "8-hour time-weighted average (PC-TWA)" "Concentration averaged over an 8-hour working day (permissible concentration - time weighted average)."
* #stel "Short-term exposure level, 15 min (PC-STEL)" "Concentration averaged over 15 minutes (permissible concentration - short term exposure limit)."
* #mac "Maximum allowable concentration (MAC)" "Highest concentration at any time during the working day."
* #peak "Peak exposure concentration" "Peak exposure (峰接触浓度) for agents without a STEL."
* #lex-8h "8-hour equivalent continuous A-weighted sound level (L_EX,8h)" "Noise exposure normalised to an 8-hour working day, dB(A)."
* #lex-40h "40-hour equivalent continuous A-weighted sound level (L_EX,w)" "Noise exposure normalised to a 40-hour working week, dB(A)."
* #wbgt "Wet-bulb globe temperature index (WBGT)" "Heat stress index, degrees Celsius."
* #ahw-4h "4-hour energy-equivalent frequency-weighted acceleration" "Hand-arm vibration exposure, m/s2."
* #annual-effective-dose "Annual effective dose" "Ionising radiation effective dose per year, mSv."

CodeSystem: ExposureGradeCS
Id: exposure-grade
Title: "WorkWell exposure (work) grades"
Description: "Occupational hazard work grades (作业分级) of GBZ/T 229.1-229.4 (dust, chemicals, heat, noise): grade 0 to grade IV."
* insert WorkWellCodeSystem
* #grade-0 "Grade 0 - relatively harmless (相对无害作业)" "Grade 0."
* #grade-1 "Grade I - mild hazard (轻度危害作业)" "Grade I."
* #grade-2 "Grade II - moderate hazard (中度危害作业)" "Grade II."
* #grade-3 "Grade III - severe hazard (重度危害作业)" "Grade III."
* #grade-4 "Grade IV - extremely severe hazard (极重度危害作业)" "Grade IV."

CodeSystem: ProtectiveEquipmentCS
Id: protective-equipment
Title: "WorkWell personal protective equipment"
Description: "Personal protective equipment worn during an exposure."
* insert WorkWellCodeSystem
* #none "No protective equipment" "No personal protective equipment used."
* #earplugs "Earplugs" "Hearing protection: earplugs."
* #earmuffs "Earmuffs" "Hearing protection: earmuffs."
* #dust-mask "Filtering dust mask" "Self-priming filter dust mask (e.g. KN95)."
* #half-face-respirator "Half-face respirator" "Half-face respirator with cartridges."
* #full-face-respirator "Full-face respirator" "Full-face respirator with cartridges."
* #supplied-air-respirator "Supplied-air respirator" "Supplied-air or self-contained breathing apparatus."
* #chemical-gloves "Chemical protective gloves" "Chemical protective gloves."
* #anti-vibration-gloves "Anti-vibration gloves" "Anti-vibration gloves."
* #protective-clothing "Protective clothing" "Chemical or heat protective clothing."
* #safety-goggles "Safety goggles or face shield" "Eye and face protection."
* #radiation-shielding "Radiation shielding" "Lead apron, thyroid collar or similar."

CodeSystem: ObservationCodeCS
Id: observation-code
Title: "WorkWell observation and component codes"
Description: "Observation and component codes for which LOINC has no code: the components of the job and occupational exposure profiles."
* insert WorkWellCodeSystem
* #post-type "Post type" "Kind of post: manufacturing, knowledge work or service."
* #exposure-hours-per-day "Exposure hours per day" "Hours per working day spent exposed to the agent."
* #exposure-years "Years of exposure" "Cumulative years of exposure to the agent."
* #exposure-grade "Exposure grade" "Work grade of the exposure (GBZ/T 229)."
* #protective-equipment "Protective equipment" "Personal protective equipment used during the exposure."

CodeSystem: ObservationCategoryCS
Id: observation-category
Title: "WorkWell observation categories"
Description: "Categories for Observations and DiagnosticReports that the HL7 observation-category code system does not cover."
* insert WorkWellCodeSystem
* #occupational-exposure "Occupational exposure" "A measured or estimated exposure to an occupational hazard agent."
* #occupational-health "Occupational health examination" "Results of an occupational health examination."
* #home-measurement "Home measurement" "Measured by the employee at home (home blood pressure uses the lower home threshold of the Chinese hypertension guideline)."

CodeSystem: ExamTypeCS
Id: exam-type
Title: "WorkWell occupational health examination types"
Description: "Types of occupational health examination of GBZ 188-2014 (职业健康检查类别)."
* insert WorkWellCodeSystem
* #pre-employment "Pre-employment examination (上岗前)" "Before starting work with an occupational hazard."
* #periodic "Periodic in-service examination (在岗期间)" "Periodic examination during work with an occupational hazard."
* #on-leaving "On-leaving examination (离岗时)" "When leaving work with an occupational hazard."
* #post-employment "Post-employment medical follow-up (离岗后医学随访)" "Follow-up after leaving work with an agent with a long latency."
* #emergency "Emergency examination (应急)" "After an acute exposure incident."
* #re-examination "Re-examination (复查)" "Repeat or additional examination after an abnormal finding."

CodeSystem: ExamConclusionCS
Id: exam-conclusion
Title: "WorkWell occupational health examination conclusions"
Description: "Conclusions of an occupational health examination (GBZ 188-2014 体检结论)."
* insert WorkWellCodeSystem
* #no-abnormality "No abnormality found (目前未见异常)" "No abnormality related to the occupational hazard."
* #re-examination-required "Re-examination required (复查)" "A finding needs a re-examination."
* #suspected-occupational-disease "Suspected occupational disease (疑似职业病)" "Suspected occupational disease; refer for diagnosis."
* #occupational-contraindication "Occupational contraindication (职业禁忌证)" "A condition that contraindicates work with the hazard."
* #other-disease "Other disease or abnormality (其他疾病或异常)" "A finding unrelated to the occupational hazard."

CodeSystem: RiskModelCS
Id: risk-model
Title: "WorkWell risk models"
Description: "The risk models and scoring policies the WorkWell server runs; RiskAssessment.method carries the code and, in Coding.version, the version of the coefficients or policy. Sources: docs/scoring.md."
* insert WorkWellCodeSystem
* #framingham-cvd-lipid "Framingham general CVD 10-year risk, lipid model (D'Agostino 2008)" "D'Agostino RB et al., Circulation 2008;117:743-753, laboratory-based model."
* #framingham-cvd-bmi "Framingham general CVD 10-year risk, BMI model (D'Agostino 2008)" "D'Agostino RB et al., Circulation 2008;117:743-753, office-based (BMI) model."
* #china-par "China-PAR 10-year ASCVD risk" "Yang X et al., Circulation 2016;134:1430-1440."
* #ada-diabetes "ADA type 2 diabetes risk test" "Bang H et al., Ann Intern Med 2009;151:775-783."
* #cdrs "Chinese Diabetes Risk Score" "Zhou X et al., J Diabetes 2013; Chinese diabetes guideline screening score."
* #phq-9 "PHQ-9 depression screen" "Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606-613."
* #phq-2 "PHQ-2 depression screen" "Kroenke, Spitzer & Williams, Med Care 2003;41:1284-1292."
* #gad-7 "GAD-7 anxiety screen" "Spitzer et al., Arch Intern Med 2006;166:1092-1097."
* #gad-2 "GAD-2 anxiety screen" "Kroenke et al., Ann Intern Med 2007;146:317-325."
* #gbz188-surveillance "GBZ 188-2014 occupational health surveillance" "Exam items and intervals per hazard from GBZ 188-2014, with WorkWell's red/yellow/green occupational risk."
* #workwell-composite "WorkWell composite health-risk index" "WorkWell's composite index 0-100 and its tier (product policy, docs/scoring.md)."

CodeSystem: RiskTierCS
Id: risk-tier
Title: "WorkWell risk tiers"
Description: "WorkWell's risk tiers (docs/design.md §4): composite index 0-30 low, 31-60 medium, 61-80 high, 81-100 very high; also used for model categories (China-PAR low/medium/high)."
* insert WorkWellCodeSystem
* #low "Low risk" "No abnormal finding (composite index 0-30)."
* #medium "Medium risk" "One or two risk factors (composite index 31-60)."
* #high "High risk" "A diagnosed chronic disease or several risk factors (composite index 61-80)."
* #very-high "Very high risk" "Acute-event tendency or high complication risk (composite index 81-100)."

CodeSystem: ManagementGroupCS
Id: management-group
Title: "WorkWell chronic-disease management groups"
Description: "Chronic-disease management groups and their follow-up cadence (docs/design.md §4)."
* insert WorkWellCodeSystem
* #low-risk-stable "Low-risk stable" "Automated follow-up questionnaire every 3 months."
* #medium-risk-observation "Medium-risk observation" "Monthly follow-up by a nurse or health manager."
* #high-risk-intensive "High-risk intensive" "Weekly follow-up, multidisciplinary team."

CodeSystem: OccupationalRiskCS
Id: occupational-risk
Title: "WorkWell occupational risk (red / yellow / green)"
Description: "WorkWell's occupational risk class; red shortens the periodic exam interval (12 to 6 months) but never lengthens what GBZ 188-2014 requires."
* insert WorkWellCodeSystem
* #green "Green" "Exposure within limits, no relevant finding."
* #yellow "Yellow" "Exposure near limits or a borderline finding."
* #red "Red" "Exposure above limits or a relevant abnormal finding."

CodeSystem: PsychologicalSeverityCS
Id: psychological-severity
Title: "WorkWell psychological screening severity"
Description: "Severity bands of the PHQ-9 (0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe) and GAD-7 (0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe)."
* insert WorkWellCodeSystem
* #minimal "None or minimal" "PHQ-9 0-4, GAD-7 0-4."
* #mild "Mild" "PHQ-9 5-9, GAD-7 5-9."
* #moderate "Moderate" "PHQ-9 10-14, GAD-7 10-14."
* #moderately-severe "Moderately severe" "PHQ-9 15-19 (PHQ-9 only)."
* #severe "Severe" "PHQ-9 20-27, GAD-7 15-21."

CodeSystem: InterventionCS
Id: intervention
Title: "WorkWell interventions"
Description: "Interventions and follow-up activities of WorkWell care plans and tasks."
* insert WorkWellCodeSystem
* #follow-up "Follow-up" "Scheduled follow-up at the management group's cadence."
* #automated-questionnaire "Automated follow-up questionnaire" "Low-risk stable group: automated questionnaire."
* #nurse-follow-up "Nurse or health-manager follow-up" "Medium-risk observation group: follow-up by a nurse or health manager."
* #multidisciplinary-review "Multidisciplinary team review" "High-risk intensive group: multidisciplinary team."
* #lifestyle-coaching "Lifestyle coaching" "Diet, physical activity, smoking cessation and weight coaching."
* #self-help "Self-help and mindfulness course" "Mild psychological symptoms."
* #online-counselling "Online counselling" "Moderate psychological symptoms."
* #psychiatrist "In-person psychiatrist" "Moderately severe or severe psychological symptoms."
* #crisis "Crisis response" "PHQ-9 item 9 answered above 0: crisis response whatever the totals."
* #crisis-follow-up "Crisis follow-up" "Suicide-risk assessment within 24 hours of a positive PHQ-9 item 9."
* #occupational-re-exam "Occupational re-examination" "Occupational health examination due per GBZ 188-2014 and the occupational risk."
* #exposure-reduction "Exposure reduction" "Engineering or administrative control, or protective equipment, to reduce an exposure."
* #alert-follow-up "Alert follow-up" "Review of a device-data alert (sustained high blood pressure, short sleep, resting heart rate, low SpO2, a silent device) by the care team."

CodeSystem: PostTypeCS
Id: post-type
Title: "WorkWell post types"
Description: "Kind of post (岗位类型) of a job."
* insert WorkWellCodeSystem
* #manufacturing "Manufacturing" "Production, construction, mining and other manual industrial posts."
* #knowledge-work "Knowledge work" "Office, research, engineering and other knowledge work."
* #service "Service" "Customer-facing, logistics, care and other service posts."

CodeSystem: OrganizationTypeCS
Id: organization-type
Title: "WorkWell organization types"
Description: "Kinds of Organization in WorkWell."
* insert WorkWellCodeSystem
* #enterprise "Enterprise (employer)" "A legal-entity employer."
* #department "Department" "A department or site of an enterprise (Organization.partOf the enterprise)."
* #occupational-health-institution "Occupational health examination institution" "A clinic or hospital licensed for occupational health examinations."

CodeSystem: DeviceTypeCS
Id: device-type
Title: "WorkWell wearable and home device types"
Description: "Kinds of wearable and home measuring devices."
* insert WorkWellCodeSystem
* #smartwatch "Smartwatch" "Wrist-worn smartwatch."
* #fitness-band "Fitness band" "Wrist-worn activity tracker."
* #bp-monitor "Blood pressure monitor" "Home oscillometric blood pressure monitor."
* #pulse-oximeter "Pulse oximeter" "Fingertip pulse oximeter."
* #glucometer "Blood glucose meter" "Capillary blood glucose meter."
* #weight-scale "Weight scale" "Body weight scale."
* #body-composition-scale "Body composition scale" "Scale measuring weight and derived body composition."
* #sleep-tracker "Sleep tracker" "Bedside or wearable sleep tracker."
* #tape-measure "Tape measure" "Tape measure (waist circumference)."
* #gateway "Gateway (phone or hub)" "Phone app or hub that forwards the readings of other devices."

CodeSystem: AlertCS
Id: alert
Title: "WorkWell alerts"
Description: "Reasons for persistent warnings (Flag.code)."
* insert WorkWellCodeSystem
* #crisis-screen-positive "Suicide-risk screen positive" "PHQ-9 item 9 answered above 0."
* #sustained-high-bp "Sustained high blood pressure" "Blood pressure at or above the alert threshold (default 140/90 mmHg) on 3 consecutive days."
* #short-sleep "Short sleep" "Sleep below the alert threshold (default 4 h)."
* #implausible-reading "Implausible device reading" "A device reading outside plausible limits (kept, marked questionable, excluded from scores)."
* #occupational-red "Occupational risk red" "Occupational risk class red."
* #exam-overdue "Occupational exam overdue" "An occupational health examination is past its due date."
* #abnormal-resting-heart-rate "Resting heart rate out of range" "Daily resting heart rate outside the alert range (default 50-100 /min) on 3 consecutive days."
* #low-oxygen-saturation "Low oxygen saturation" "Oxygen saturation below the alert threshold (default 90 %)."
* #device-silent "Device stopped sending" "A registered device has sent no reading for the configured number of days (default 3)."

CodeSystem: ReadingQualityCS
Id: reading-quality
Title: "WorkWell reading quality"
Description: "Observation.interpretation codes WorkWell sets on device readings. R4's v3 ObservationInterpretation has no code for a physiologically impossible value (QCF, quality control failure, is deprecated and means a failed laboratory control)."
* insert WorkWellCodeSystem
* #questionable "Questionable" "Physiologically implausible (e.g. heart rate 0 or above 300 /min, systolic below diastolic, SpO2 above 100 %): kept, excluded from scores and alert windows, reported as a DetectedIssue."
