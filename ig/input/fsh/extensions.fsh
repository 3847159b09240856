// WorkWell extensions.

Extension: AddressUrban
Id: address-urban
Title: "Urban or rural address"
Description: "Whether an address is urban (true, 城市) or rural (false, 农村); China-PAR needs it. Used on Patient.address."
* ^status = #active
* ^context[0].type = #element
* ^context[0].expression = "Address"
* value[x] 1..1
* value[x] only boolean

Extension: RiskScore
Id: risk-score
Title: "Risk score points"
Description: "The points of a points-based model (diabetes risk scores, PHQ-9/GAD-7 totals, the WorkWell composite index 0-100) on a RiskAssessment prediction."
* ^status = #active
* ^context[0].type = #element
* ^context[0].expression = "RiskAssessment.prediction"
* value[x] 1..1
* value[x] only integer

Extension: Employer
Id: employer
Title: "Employer"
Description: "The employer (enterprise or department) of a job, as the HL7 ODH odh-Employer extension does for PastOrPresentJob."
* ^status = #active
* ^context[0].type = #element
* ^context[0].expression = "Observation"
* value[x] 1..1
* value[x] only Reference(WorkWellOrganization)

Extension: CurrentJob
Id: current-job
Title: "Current job"
Description: "Whether the job is the person's current job (as the HL7 ODH odh-isCurrentJob extension)."
* ^status = #active
* ^context[0].type = #element
* ^context[0].expression = "Observation"
* value[x] 1..1
* value[x] only boolean

Extension: Industry
Id: industry
Title: "Industry"
Description: "The industry of an enterprise (e.g. the Chinese national economic industry classification GB/T 4754)."
* ^status = #active
* ^context[0].type = #element
* ^context[0].expression = "Organization"
* value[x] 1..1
* value[x] only CodeableConcept

Extension: ModelVersion
Id: model-version
Title: "Risk model version"
Description: "The version of a risk model's coefficients or policy (e.g. china-par 2016-derived, workwell-composite 1.0.0) on RiskAssessment.method. Not Coding.version: that is the version of the code system (risk-model 0.1.0), and a validator resolves the code against it."
* ^status = #active
* ^context[0].type = #element
* ^context[0].expression = "RiskAssessment.method"
* value[x] 1..1
* value[x] only string
