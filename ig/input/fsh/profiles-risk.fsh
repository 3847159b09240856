// Risk output and management output (docs/design.md §3-4; docs/assessment-inputs.md).

Profile: WorkWellRiskAssessment
Parent: RiskAssessment
Id: workwell-risk-assessment
Title: "WorkWell Risk Assessment"
Description: "One model run for one patient (written by $risk-assess): method = the model's code (risk-model code system) and its version (model-version extension on method; Coding.version is the code system's version and stays empty), basis = the exact resources read, prediction.probabilityDecimal a PERCENTAGE 0-100 (R4 ras-2) with whenPeriod the horizon, points in the risk-score extension, and the tier, severity band or occupational class in qualitativeRisk."
* ^status = #active
* identifier MS
* identifier ^short = "http://workwell.health/fhir/NamingSystem/risk-assessment | {patient}/{model}"
* status MS
* method 1..1 MS
* method.extension contains ModelVersion named modelVersion 1..1 MS
* method.coding 1..* MS
* method.coding ^slicing.discriminator.type = #value
* method.coding ^slicing.discriminator.path = "system"
* method.coding ^slicing.rules = #open
* method.coding contains model 1..1 MS
* method.coding[model] ^short = "Model code and version"
* method.coding[model] from RiskModelVS (required)
* method.coding[model].system 1..1
* method.coding[model].system = "http://workwell.health/fhir/CodeSystem/risk-model"
* method.coding[model].version 0..0
* method.coding[model].version ^comment = "The model's version goes in the model-version extension on method: Coding.version would name a version of the risk-model code system."
* method.coding[model].code 1..1 MS
* subject MS
* subject only Reference(WorkWellEmployee)
* occurrence[x] 1..1 MS
* occurrence[x] only dateTime
* basis 1..* MS
* basis ^short = "The exact resources the model read"
* prediction 1..* MS
* prediction obeys ww-ra-1 and ww-ra-2
* prediction.extension contains RiskScore named score 0..1 MS
* prediction.outcome MS
* prediction.probability[x] MS
* prediction.probability[x] ^short = "Probability as a PERCENTAGE 0-100 (decimal), not a fraction"
* prediction.qualitativeRisk MS
* prediction.qualitativeRisk from RiskQualitativeVS (required)
* prediction.when[x] MS
* prediction.rationale MS
* note MS

Invariant: ww-ra-1
Description: "A prediction carries a probability, a qualitative risk, a score, or the reason it has none (rationale)."
Severity: #error
Expression: "probability.exists() or qualitativeRisk.exists() or extension('http://workwell.health/fhir/StructureDefinition/risk-score').exists() or rationale.exists()"

Invariant: ww-ra-2
Description: "probabilityDecimal is a percentage: not below 0 (ras-2 caps it at 100)."
Severity: #error
Expression: "probability.empty() or ((probability is decimal) implies ((probability as decimal) >= 0))"

ValueSet: CarePlanCategoryVS
Id: care-plan-category
Title: "WorkWell care plan categories"
Description: "CarePlan.category: the risk tier, the chronic-disease management group and the occupational risk class the plan is for."
* ^status = #active
* ^experimental = false
* ^publisher = "WorkWell"
* ^version = "0.1.0"
* include codes from system $ww-risk-tier
* include codes from system $ww-group
* include codes from system $ww-occ-risk

Profile: WorkWellCarePlan
Parent: CarePlan
Id: workwell-care-plan
Title: "WorkWell Health Management Plan"
Description: "A patient's health management plan (written by $tier): categories = the risk tier and the management group, a follow-up activity with its cadence (every 3 months / 1 month / 1 week), and interventions (psychological, lifestyle, occupational) as further activities; supportingInfo = the RiskAssessments behind it."
* ^status = #active
* obeys ww-cp-1 and ww-cp-2
* identifier MS
* status MS
* intent MS
* category 1..* MS
* category from CarePlanCategoryVS (required)
* title MS
* subject MS
* subject only Reference(WorkWellEmployee)
* period MS
* addresses MS
* supportingInfo MS
* activity 1..* MS
* activity.detail 1..1 MS
* activity.detail.kind MS
* activity.detail.code 1..1 MS
* activity.detail.code from InterventionVS (required)
* activity.detail.status MS
* activity.detail.scheduled[x] MS
* activity.detail.scheduled[x] ^short = "Follow-up cadence (Timing.repeat: frequency, period, periodUnit)"

Invariant: ww-cp-1
Description: "The plan names its risk tier (a category from the risk-tier code system)."
Severity: #error
Expression: "category.coding.where(system = 'http://workwell.health/fhir/CodeSystem/risk-tier').exists()"

Invariant: ww-cp-2
Description: "The plan has a follow-up activity with its cadence (scheduledTiming.repeat.period)."
Severity: #error
Expression: "activity.detail.where(code.coding.where(system = 'http://workwell.health/fhir/CodeSystem/intervention' and code = 'follow-up').exists() and scheduled.ofType(Timing).repeat.period.exists()).exists()"

Profile: WorkWellFlag
Parent: Flag
Id: workwell-flag
Title: "WorkWell Flag"
Description: "A persistent warning about an employee: a high or very high risk tier, a positive suicide-risk screen, sustained high blood pressure, a red occupational risk... with the resource behind it in the flag-detail extension."
* ^status = #active
* extension contains $flag-detail named detail 0..* MS
* identifier MS
* status MS
* category 1..* MS
* code MS
* code from FlagCodeVS (required)
* subject MS
* subject only Reference(WorkWellEmployee)
* period 1..1 MS
* period.start 1..1 MS

Profile: WorkWellCrisisTask
Parent: Task
Id: workwell-crisis-task
Title: "WorkWell Crisis Follow-up Task"
Description: "Someone must assess suicide risk within 24 hours (PHQ-9 item 9 answered above 0): priority stat, due (restriction.period.end) at most 24 hours after authoredOn, focused on the assessment or response that triggered it."
* ^status = #active
* obeys ww-task-1
* identifier MS
* status MS
* intent MS
* priority 1..1 MS
* priority = #stat
* code 1..1 MS
* code = $ww-intervention#crisis-follow-up
* description MS
* focus 1..1 MS
* focus only Reference(WorkWellRiskAssessment or WorkWellPhq9Response or WorkWellPhq9Score)
* for 1..1 MS
* for only Reference(WorkWellEmployee)
* authoredOn 1..1 MS
* owner MS
* restriction 1..1 MS
* restriction.period 1..1 MS
* restriction.period.end 1..1 MS
* restriction.period.end ^short = "Due: at most 24 hours after authoredOn"

Invariant: ww-task-1
Description: "A crisis follow-up is due within 24 hours of being written."
Severity: #error
Expression: "restriction.period.end <= (authoredOn + 24 hours)"
