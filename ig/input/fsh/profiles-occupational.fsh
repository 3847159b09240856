// Occupational exposure, examinations and re-examination orders.

Profile: WorkWellOccupationalExposure
Parent: Observation
Id: workwell-occupational-exposure
Title: "WorkWell Occupational Exposure"
Description: "An exposure to an occupational hazard agent: the agent as the code (WorkWell hazard code system, optionally also its CAS number), the measured level as valueQuantity (UCUM) with its metric (8-h TWA, STEL, L_EX,8h...) in method, components for hours per day, years of exposure, exposure grade and protective equipment, and effectivePeriod the exposure period. Every Observation with the category occupational-exposure must conform. (HL7 ODH records hazards only as free text.)"
* ^status = #active
* obeys ww-exp-1 and ww-exp-2
* status MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains exposure 1..1 MS
* category[exposure] = $ww-obs-category#occupational-exposure
* code MS
* code.coding 1..* MS
* code.coding ^slicing.discriminator.type = #value
* code.coding ^slicing.discriminator.path = "system"
* code.coding ^slicing.rules = #open
* code.coding contains hazard 1..1 MS and cas 0..1 MS
* code.coding[hazard] ^short = "Hazard agent (WorkWell hazard-agent code system)"
* code.coding[hazard] from HazardAgentVS (required)
* code.coding[hazard].system 1..1
* code.coding[hazard].system = "http://workwell.health/fhir/CodeSystem/hazard-agent"
* code.coding[hazard].code 1..1
* code.coding[cas] ^short = "CAS Registry Number of the agent, where it has one"
* code.coding[cas].system 1..1
* code.coding[cas].system = "http://terminology.hl7.org/CodeSystem/CAS"
* code.coding[cas].code 1..1
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* effective[x] 1..1 MS
* effective[x] only Period
* effectivePeriod.start 1..1 MS
* value[x] MS
* value[x] only Quantity
* valueQuantity ^short = "Measured exposure level (UCUM): mg/m3, dB(A) as dB[SPL], Cel (WBGT), m/s2, mSv"
* valueQuantity.system 1..1
* valueQuantity.system = "http://unitsofmeasure.org"
* valueQuantity.code 1..1
* method MS
* method ^short = "Exposure metric: 8-h TWA, STEL, L_EX,8h, ..."
* method from ExposureMetricVS (required)
* derivedFrom MS
* derivedFrom ^short = "The job (workwell-job) or the workplace monitoring report the exposure comes from"
* component MS
* component ^slicing.discriminator.type = #pattern
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #open
* component contains hoursPerDay 0..1 MS and yearsExposed 0..1 MS and exposureGrade 0..1 MS and protectiveEquipment 0..* MS
* component[hoursPerDay].code = $ww-obs#exposure-hours-per-day
* component[hoursPerDay].value[x] 1..1
* component[hoursPerDay].value[x] only Quantity
* component[hoursPerDay].valueQuantity.system = "http://unitsofmeasure.org"
* component[hoursPerDay].valueQuantity.code = #h/d
* component[yearsExposed].code = $ww-obs#exposure-years
* component[yearsExposed].value[x] 1..1
* component[yearsExposed].value[x] only Quantity
* component[yearsExposed].valueQuantity.system = "http://unitsofmeasure.org"
* component[yearsExposed].valueQuantity.code = #a
* component[exposureGrade].code = $ww-obs#exposure-grade
* component[exposureGrade].value[x] 1..1
* component[exposureGrade].value[x] only CodeableConcept
* component[exposureGrade].valueCodeableConcept from ExposureGradeVS (required)
* component[protectiveEquipment].code = $ww-obs#protective-equipment
* component[protectiveEquipment].value[x] 1..1
* component[protectiveEquipment].value[x] only CodeableConcept
* component[protectiveEquipment].valueCodeableConcept from ProtectiveEquipmentVS (required)

Invariant: ww-exp-1
Description: "An exposure has a measured level or says why it is absent."
Severity: #error
Expression: "value.exists() or dataAbsentReason.exists()"

Invariant: ww-exp-2
Description: "A measured exposure level states its metric (method)."
Severity: #error
Expression: "value.exists() implies method.exists()"

Profile: WorkWellOccupationalExamEncounter
Parent: Encounter
Id: workwell-occupational-exam-encounter
Title: "WorkWell Occupational Health Exam Encounter"
Description: "An occupational health examination visit (GBZ 188-2014): its type (pre-employment, periodic, on leaving, emergency...), the hazards it surveils and the examining institution."
* ^status = #active
* status MS
* class MS
* type 1..1 MS
* type from ExamTypeVS (required)
* type ^short = "Exam type"
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* period 1..1 MS
* period.start 1..1 MS
* reasonCode MS
* reasonCode from HazardAgentVS (extensible)
* reasonCode ^short = "Hazard agents the exam surveils"
* reasonReference MS
* reasonReference only Reference(WorkWellOccupationalExposure)
* serviceProvider MS
* serviceProvider only Reference(WorkWellOrganization)
* serviceProvider ^short = "The occupational health examination institution"

Profile: WorkWellOccupationalExamReport
Parent: DiagnosticReport
Id: workwell-occupational-exam-report
Title: "WorkWell Occupational Health Exam Report"
Description: "The report of an occupational health examination: the exam type as the code, the results it groups, and the conclusion as text and coded (GBZ 188-2014 conclusions)."
* ^status = #active
* status MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains occupationalHealth 1..1 MS
* category[occupationalHealth] = $ww-obs-category#occupational-health
* code MS
* code from ExamTypeVS (required)
* code ^short = "Exam type"
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* encounter 1..1 MS
* encounter only Reference(WorkWellOccupationalExamEncounter)
* effective[x] 1..1 MS
* issued 1..1 MS
* performer MS
* result MS
* conclusion 1..1 MS
* conclusionCode 1..* MS
* conclusionCode from ExamConclusionVS (required)

Profile: WorkWellOccupationalExamRequest
Parent: ServiceRequest
Id: workwell-occupational-exam-request
Title: "WorkWell Occupational Re-examination Request"
Description: "An occupational health examination that is due (written by $tier): the exam type, its due date or window, the hazards behind it, and the exam items (orderDetail, e.g. LOINC 89015-2 pure-tone audiometry). Intervals follow GBZ 188-2014; a red occupational risk shortens them but never lengthens what GBZ 188 requires."
* ^status = #active
* identifier MS
* status MS
* intent MS
* category MS
* code 1..1 MS
* code from ExamTypeVS (required)
* code ^short = "Exam type"
* orderDetail MS
* orderDetail ^short = "Exam items (e.g. LOINC codes)"
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* occurrence[x] 1..1 MS
* occurrence[x] only dateTime or Period
* occurrence[x] ^short = "Due date or window"
* authoredOn 1..1 MS
* requester MS
* performer MS
* reasonCode MS
* reasonCode from HazardAgentVS (extensible)
* reasonCode ^short = "Hazard agents behind the exam"
* reasonReference MS
* reasonReference only Reference(WorkWellOccupationalExposure or WorkWellOccupationalExamReport)
* supportingInfo MS
* supportingInfo ^short = "The RiskAssessment (gbz188-surveillance) that set the interval"
* basedOn MS
