// The operations WorkWell adds.

Instance: risk-assess
InstanceOf: OperationDefinition
Usage: #definition
Title: "Patient $risk-assess"
Description: "Runs WorkWell's risk models on a patient's record and (unless persist=false) stores one RiskAssessment per computed model, replacing the previous one of the same model."
* url = "http://workwell.health/fhir/OperationDefinition/risk-assess"
* version = "0.1.0"
* name = "RiskAssess"
* title = "Patient $risk-assess"
* status = #active
* kind = #operation
* experimental = false
* publisher = "WorkWell"
* description = "Reads the patient's record (docs/assessment-inputs.md), runs every requested model that is computable (Framingham 2008, China-PAR, ADA and Chinese diabetes risk scores, PHQ-9/GAD-7, GBZ 188 surveillance, WorkWell composite index) and returns one RiskAssessment (profile workwell-risk-assessment) per computed model. A model whose inputs are missing is not computable and is named, with the missing inputs, in an OperationOutcome in the returned Bundle."
* affectsState = true
* code = #risk-assess
* resource[0] = #Patient
* system = false
* type = false
* instance = true
* parameter[+].name = #date
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "The assessment date (ages, horizons and the newest usable values are taken as of this date); default today."
* parameter[+].name = #model
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].type = #code
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = "http://workwell.health/fhir/ValueSet/risk-model"
* parameter[=].documentation = "The models to run (risk-model codes); default all."
* parameter[+].name = #persist
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #boolean
* parameter[=].documentation = "false to compute without storing (preview); default true."
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "A collection Bundle: one RiskAssessment (workwell-risk-assessment) per computed model, and an OperationOutcome naming each model that was not computable and why."

Instance: tier
InstanceOf: OperationDefinition
Usage: #definition
Title: "$tier"
Description: "Turns the latest risk assessments into management outputs: CarePlan, Flag, Task and ServiceRequest."
* url = "http://workwell.health/fhir/OperationDefinition/tier"
* version = "0.1.0"
* name = "Tier"
* title = "$tier"
* status = #active
* kind = #operation
* experimental = false
* publisher = "WorkWell"
* description = "On a Patient: reads the patient's latest composite, PHQ-9/GAD-7 and GBZ 188 surveillance RiskAssessments (run $risk-assess first) and writes, as conditional updates on the identifier system http://workwell.health/fhir/NamingSystem/management-plan, a CarePlan (workwell-care-plan: tier, management group, follow-up cadence, interventions), a Flag (workwell-flag) active while the tier is high or very high, a crisis Task (workwell-crisis-task) due within 24 hours when PHQ-9 item 9 was above 0, and ServiceRequests (workwell-occupational-exam-request) for occupational exams that are due. Re-running updates the same resources. On an Organization (enterprise or department) or a Group: does the same for every member employee."
* affectsState = true
* code = #tier
* resource[0] = #Patient
* resource[+] = #Organization
* resource[+] = #Group
* system = false
* type = false
* instance = true
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "A collection Bundle of the CarePlans, Flags, Tasks and ServiceRequests written (for an Organization or Group: for all member employees)."
