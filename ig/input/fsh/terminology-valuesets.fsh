// Value sets: one per WorkWell code system (all its codes) and a few that mix or pick standard codes.

RuleSet: WorkWellValueSet
* ^status = #active
* ^experimental = false
* ^publisher = "WorkWell"
* ^version = "0.1.0"

ValueSet: HazardAgentVS
Id: hazard-agent
Title: "Occupational hazard agents"
Description: "All WorkWell hazard agents (catalogue categories and agents)."
* insert WorkWellValueSet
* include codes from system $ww-hazard

ValueSet: ExposureMetricVS
Id: exposure-metric
Title: "Exposure metrics"
Description: "All WorkWell exposure metrics."
* insert WorkWellValueSet
* include codes from system $ww-metric

ValueSet: ExposureGradeVS
Id: exposure-grade
Title: "Exposure grades"
Description: "Work grades 0 to IV (GBZ/T 229)."
* insert WorkWellValueSet
* include codes from system $ww-grade

ValueSet: ProtectiveEquipmentVS
Id: protective-equipment
Title: "Personal protective equipment"
Description: "All WorkWell protective equipment codes."
* insert WorkWellValueSet
* include codes from system $ww-ppe

ValueSet: ExamTypeVS
Id: exam-type
Title: "Occupational health examination types"
Description: "All WorkWell exam types (GBZ 188-2014)."
* insert WorkWellValueSet
* include codes from system $ww-exam-type

ValueSet: ExamConclusionVS
Id: exam-conclusion
Title: "Occupational health examination conclusions"
Description: "All WorkWell exam conclusions (GBZ 188-2014)."
* insert WorkWellValueSet
* include codes from system $ww-exam-conclusion

ValueSet: RiskModelVS
Id: risk-model
Title: "Risk models"
Description: "All WorkWell risk models."
* insert WorkWellValueSet
* include codes from system $ww-risk-model

ValueSet: RiskTierVS
Id: risk-tier
Title: "Risk tiers"
Description: "low / medium / high / very-high."
* insert WorkWellValueSet
* include codes from system $ww-risk-tier

ValueSet: ManagementGroupVS
Id: management-group
Title: "Chronic-disease management groups"
Description: "All WorkWell management groups."
* insert WorkWellValueSet
* include codes from system $ww-group

ValueSet: OccupationalRiskVS
Id: occupational-risk
Title: "Occupational risk (red / yellow / green)"
Description: "All WorkWell occupational risk classes."
* insert WorkWellValueSet
* include codes from system $ww-occ-risk

ValueSet: PsychologicalSeverityVS
Id: psychological-severity
Title: "Psychological screening severity"
Description: "PHQ-9 and GAD-7 severity bands."
* insert WorkWellValueSet
* include codes from system $ww-psych

ValueSet: InterventionVS
Id: intervention
Title: "Interventions"
Description: "All WorkWell interventions."
* insert WorkWellValueSet
* include codes from system $ww-intervention

ValueSet: PostTypeVS
Id: post-type
Title: "Post types"
Description: "manufacturing / knowledge-work / service."
* insert WorkWellValueSet
* include codes from system $ww-post-type

ValueSet: OrganizationTypeVS
Id: organization-type
Title: "Organization types"
Description: "All WorkWell organization types."
* insert WorkWellValueSet
* include codes from system $ww-org-type

ValueSet: DeviceTypeVS
Id: device-type
Title: "Wearable and home device types"
Description: "All WorkWell device types."
* insert WorkWellValueSet
* include codes from system $ww-device-type

ValueSet: AlertVS
Id: alert
Title: "Alerts"
Description: "All WorkWell alert reasons."
* insert WorkWellValueSet
* include codes from system $ww-alert

ValueSet: RiskQualitativeVS
Id: risk-qualitative
Title: "Qualitative risk of a WorkWell RiskAssessment"
Description: "RiskAssessment.prediction.qualitativeRisk: a risk tier (composite index, China-PAR and diabetes categories), a psychological severity band (PHQ-9, GAD-7) or an occupational risk class (GBZ 188 surveillance)."
* insert WorkWellValueSet
* include codes from system $ww-risk-tier
* include codes from system $ww-psych
* include codes from system $ww-occ-risk

ValueSet: FlagCodeVS
Id: flag-code
Title: "WorkWell flag codes"
Description: "Flag.code: the risk tier a flag warns of, an alert reason, or the occupational risk class."
* insert WorkWellValueSet
* include codes from system $ww-risk-tier
* include codes from system $ww-alert
* include codes from system $ww-occ-risk

ValueSet: FrequencyAnswersVS
Id: ll358-3-frequency
Title: "PHQ/GAD frequency answers (LOINC LL358-3)"
Description: "The four answers of LOINC answer list LL358-3 used by PHQ-9 and GAD-7 items; scored 0-3 (ordinalValue in the Questionnaires)."
* insert WorkWellValueSet
* $loinc#LA6568-5 "Not at all"
* $loinc#LA6569-3 "Several days"
* $loinc#LA6570-1 "More than half the days"
* $loinc#LA6571-9 "Nearly every day"

ValueSet: DifficultyAnswersVS
Id: ll359-1-difficulty
Title: "PHQ difficulty answers (LOINC LL359-1)"
Description: "Answers of the unscored PHQ-9 difficulty item 69722-7 (LOINC answer list LL359-1)."
* insert WorkWellValueSet
* $loinc#LA6572-7 "Not difficult at all"
* $loinc#LA6573-5 "Somewhat difficult"
* $loinc#LA6575-0 "Very difficult"
* $loinc#LA6574-3 "Extremely difficult"

ValueSet: BloodGlucoseCodesVS
Id: blood-glucose-codes
Title: "Blood glucose observation codes"
Description: "LOINC codes for a blood glucose reading (mass and moles per volume; blood, serum/plasma, fasting, capillary by glucometer)."
* insert WorkWellValueSet
* $loinc#2339-0 "Glucose [Mass/volume] in Blood"
* $loinc#15074-8 "Glucose [Moles/volume] in Blood"
* $loinc#2345-7 "Glucose [Mass/volume] in Serum or Plasma"
* $loinc#14749-6 "Glucose [Moles/volume] in Serum or Plasma"
* $loinc#1558-6 "Fasting glucose [Mass/volume] in Serum or Plasma"
* $loinc#14771-0 "Fasting glucose [Moles/volume] in Serum or Plasma"
* $loinc#41653-7 "Glucose [Mass/volume] in Capillary blood by Glucometer"
* $loinc#14743-9 "Glucose [Moles/volume] in Capillary blood by Glucometer"
