// Examples: risk assessments and the management outputs $tier writes from them.

Instance: risk-china-par-zhang-wei
InstanceOf: WorkWellRiskAssessment
Usage: #example
Title: "Example China-PAR risk assessment"
Description: "China-PAR 10-year ASCVD risk 6.42 % (medium), as a percentage with a ten-year whenPeriod."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/risk-assessment"
* identifier[0].value = "employee-zhang-wei/china-par"
* status = #final
* method.coding[model] = $ww-risk-model#china-par "China-PAR 10-year ASCVD risk"
* method.extension[modelVersion].valueString = "2016-derived"
* subject = Reference(Patient/employee-zhang-wei)
* occurrenceDateTime = "2026-11-01"
* basis[0] = Reference(Patient/employee-zhang-wei)
* basis[+] = Reference(Observation/bp-zhang-wei-20261101)
* basis[+] = Reference(Observation/waist-zhang-wei-20261101)
* prediction[0].outcome.text = "Atherosclerotic cardiovascular disease within 10 years"
* prediction[0].probabilityDecimal = 6.42
* prediction[0].whenPeriod.start = "2026-11-01"
* prediction[0].whenPeriod.end = "2036-11-01"
* prediction[0].qualitativeRisk = $ww-risk-tier#medium "Medium risk"

Instance: risk-phq9-zhang-wei
InstanceOf: WorkWellRiskAssessment
Usage: #example
Title: "Example PHQ-9 assessment"
Description: "PHQ-9 total 8 (mild) as a points score with its severity band; item 9 above 0 noted as a crisis."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/risk-assessment"
* identifier[0].value = "employee-zhang-wei/phq-9"
* status = #final
* method.coding[model] = $ww-risk-model#phq-9 "PHQ-9 depression screen"
* method.extension[modelVersion].valueString = "2001"
* subject = Reference(Patient/employee-zhang-wei)
* occurrenceDateTime = "2026-11-01"
* basis[0] = Reference(QuestionnaireResponse/phq9-response-zhang-wei)
* prediction[0].outcome.text = "PHQ-9 depression screen"
* prediction[0].extension[score].valueInteger = 8
* prediction[0].qualitativeRisk = $ww-psych#mild "Mild"
* note[0].text = "crisis: item 9 (thoughts of self-harm) answered above 0"

Instance: risk-gbz188-zhang-wei
InstanceOf: WorkWellRiskAssessment
Usage: #example
Title: "Example GBZ 188 surveillance assessment"
Description: "Occupational risk yellow for noise at L_EX,8h 88 dB(A): yearly periodic exam."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/risk-assessment"
* identifier[0].value = "employee-zhang-wei/gbz188-surveillance"
* status = #final
* method.coding[model] = $ww-risk-model#gbz188-surveillance "GBZ 188-2014 occupational health surveillance"
* method.extension[modelVersion].valueString = "2014"
* subject = Reference(Patient/employee-zhang-wei)
* occurrenceDateTime = "2026-11-01"
* basis[0] = Reference(Observation/exposure-noise-zhang-wei)
* basis[+] = Reference(DiagnosticReport/exam-report-zhang-wei-2026)
* prediction[0].outcome.text = "Occupational noise-induced hearing loss"
* prediction[0].qualitativeRisk = $ww-occ-risk#yellow "Yellow"
* prediction[0].rationale = "Noise L_EX,8h 88 dB(A) (>= 85): periodic exam every 12 months (GBZ 188-2014)."

Instance: risk-composite-zhang-wei
InstanceOf: WorkWellRiskAssessment
Usage: #example
Title: "Example composite health-risk index"
Description: "WorkWell composite index 45 (medium)."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/risk-assessment"
* identifier[0].value = "employee-zhang-wei/workwell-composite"
* status = #final
* method.coding[model] = $ww-risk-model#workwell-composite "WorkWell composite health-risk index"
* method.extension[modelVersion].valueString = "1.0.0"
* subject = Reference(Patient/employee-zhang-wei)
* occurrenceDateTime = "2026-11-01"
* basis[0] = Reference(Observation/bp-zhang-wei-20261101)
* basis[+] = Reference(Observation/bmi-zhang-wei-20261101)
* basis[+] = Reference(Observation/waist-zhang-wei-20261101)
* prediction[0].outcome.text = "Overall health risk"
* prediction[0].extension[score].valueInteger = 45
* prediction[0].qualitativeRisk = $ww-risk-tier#medium "Medium risk"
* prediction[0].rationale = "risk factors [overweight, high blood pressure]; acute []; unknown []"

Instance: care-plan-zhang-wei
InstanceOf: WorkWellCarePlan
Usage: #example
Title: "Example health management plan"
Description: "Medium risk, medium-risk observation group: monthly follow-up, and the crisis response after PHQ-9 item 9."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/management-plan"
* identifier[0].value = "employee-zhang-wei/care-plan"
* status = #active
* intent = #plan
* category[0] = $ww-risk-tier#medium "Medium risk"
* category[+] = $ww-group#medium-risk-observation "Medium-risk observation"
* title = "WorkWell health management plan"
* subject = Reference(Patient/employee-zhang-wei)
* period.start = "2026-11-01T09:00:00+08:00"
* supportingInfo[0] = Reference(RiskAssessment/risk-composite-zhang-wei)
* activity[0].detail.kind = #Task
* activity[0].detail.code = $ww-intervention#follow-up "Follow-up"
* activity[0].detail.status = #scheduled
* activity[0].detail.scheduledTiming.repeat.frequency = 1
* activity[0].detail.scheduledTiming.repeat.period = 1
* activity[0].detail.scheduledTiming.repeat.periodUnit = #mo
* activity[+].detail.code = $ww-intervention#crisis "Crisis response"
* activity[=].detail.status = #not-started
* activity[+].detail.code = $ww-intervention#lifestyle-coaching "Lifestyle coaching"
* activity[=].detail.status = #not-started

Instance: flag-crisis-zhang-wei
InstanceOf: WorkWellFlag
Usage: #example
Title: "Example crisis flag"
Description: "Suicide-risk screen positive, with the PHQ-9 assessment as evidence."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/management-plan"
* identifier[0].value = "employee-zhang-wei/crisis-flag"
* extension[detail].valueReference = Reference(RiskAssessment/risk-phq9-zhang-wei)
* status = #active
* category = $flag-category#clinical "Clinical"
* code = $ww-alert#crisis-screen-positive "Suicide-risk screen positive"
* code.text = "PHQ-9 item 9 positive: suicide-risk assessment required"
* subject = Reference(Patient/employee-zhang-wei)
* period.start = "2026-11-01T09:00:00+08:00"

Instance: crisis-task-zhang-wei
InstanceOf: WorkWellCrisisTask
Usage: #example
Title: "Example crisis follow-up task"
Description: "Assess suicide risk within 24 hours."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/management-plan"
* identifier[0].value = "employee-zhang-wei/crisis-task/1"
* status = #requested
* intent = #order
* priority = #stat
* code = $ww-intervention#crisis-follow-up "Crisis follow-up"
* description = "PHQ-9 item 9 answered above 0: assess suicide risk within 24 hours"
* focus = Reference(RiskAssessment/risk-phq9-zhang-wei)
* for = Reference(Patient/employee-zhang-wei)
* authoredOn = "2026-11-01T09:00:00+08:00"
* restriction.period.end = "2026-11-02T09:00:00+08:00"
