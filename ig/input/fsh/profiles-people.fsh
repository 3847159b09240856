// Employees, employers and jobs (docs/design.md §3).

Profile: WorkWellEmployee
Parent: Patient
Id: workwell-employee
Title: "WorkWell Employee"
Description: "An employee. The employee number is an identifier of type EI whose system is the employer's own (one system per enterprise) and whose assigner is the enterprise; a national ID number is stored under its own system and is masked for roles that do not need it."
* ^status = #active
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #pattern
* identifier ^slicing.discriminator.path = "type"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Slices by identifier type"
* identifier contains employeeNumber 1..* MS and nationalId 0..1 MS
* identifier[employeeNumber] ^short = "Employee number (system per enterprise)"
* identifier[employeeNumber].type = $v2-0203#EI
* identifier[employeeNumber].system 1..1 MS
* identifier[employeeNumber].value 1..1 MS
* identifier[employeeNumber].assigner MS
* identifier[employeeNumber].assigner only Reference(WorkWellOrganization)
* identifier[nationalId] ^short = "National ID number (masked for roles that do not need it)"
* identifier[nationalId].type = $v2-0203#NI
* identifier[nationalId].system 1..1
* identifier[nationalId].system = "http://workwell.health/fhir/sid/national-id"
* identifier[nationalId].value 1..1
* name 1..* MS
* gender 1..1 MS
* birthDate 1..1 MS
* address MS
* address.extension contains AddressUrban named urban 0..1 MS
* address.state MS
* address.state ^comment = "Province; China-PAR reads the north/south region from it."
* managingOrganization MS
* managingOrganization only Reference(WorkWellOrganization)
* managingOrganization ^short = "The employing enterprise"

Profile: WorkWellOrganization
Parent: Organization
Id: workwell-organization
Title: "WorkWell Organization (enterprise or department)"
Description: "An employing enterprise, one of its departments (partOf the enterprise), or an occupational health examination institution."
* ^status = #active
* obeys ww-org-1
* identifier MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier contains uscc 0..1 MS
* identifier[uscc] ^short = "Unified social credit code (统一社会信用代码)"
* identifier[uscc].system 1..1
* identifier[uscc].system = "http://workwell.health/fhir/sid/unified-social-credit-code"
* identifier[uscc].value 1..1
* active MS
* type 1..1 MS
* type from OrganizationTypeVS (required)
* name 1..1 MS
* partOf MS
* partOf only Reference(WorkWellOrganization)
* extension contains Industry named industry 0..1 MS

Invariant: ww-org-1
Description: "A department is part of an enterprise (partOf)."
Severity: #error
Expression: "type.coding.where(system = 'http://workwell.health/fhir/CodeSystem/organization-type' and code = 'department').exists() implies partOf.exists()"

Profile: WorkWellJob
Parent: Observation
Id: workwell-job
Title: "WorkWell Job"
Description: "A past or present job, following the HL7 ODH PastOrPresentJob Observation (LOINC 11341-5 History of Occupation): occupation as the value, the employer, industry, work hours and a WorkWell post type (manufacturing / knowledge work / service). effectivePeriod is the time in the job."
* ^status = #active
* extension contains Employer named employer 1..1 MS and CurrentJob named currentJob 0..1 MS
* status MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains socialHistory 1..1 MS
* category[socialHistory] = $obs-category#social-history
* code MS
* code = $loinc#11341-5
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* effective[x] 1..1 MS
* effective[x] only Period
* effectivePeriod.start 1..1 MS
* value[x] 1..1 MS
* value[x] only CodeableConcept
* value[x] ^short = "Occupation (code and/or text)"
* component MS
* component ^slicing.discriminator.type = #pattern
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #open
* component contains industry 0..1 MS and postType 1..1 MS and workHoursPerDay 0..1 MS and workDaysPerWeek 0..1 MS and jobDuties 0..1 MS
* component[industry].code = $loinc#86188-0
* component[industry].value[x] 1..1
* component[industry].value[x] only CodeableConcept
* component[postType].code = $ww-obs#post-type
* component[postType].value[x] 1..1
* component[postType].value[x] only CodeableConcept
* component[postType].valueCodeableConcept from PostTypeVS (required)
* component[workHoursPerDay].code = $loinc#87512-0
* component[workHoursPerDay].value[x] 1..1
* component[workHoursPerDay].value[x] only Quantity
* component[workHoursPerDay].valueQuantity.system = "http://unitsofmeasure.org"
* component[workHoursPerDay].valueQuantity.code = #h/d
* component[workDaysPerWeek].code = $loinc#74160-3
* component[workDaysPerWeek].value[x] 1..1
* component[workDaysPerWeek].value[x] only Quantity
* component[workDaysPerWeek].valueQuantity.system = "http://unitsofmeasure.org"
* component[workDaysPerWeek].valueQuantity.code = #d/wk
* component[jobDuties].code = $loinc#63761-1
* component[jobDuties].value[x] 1..1
* component[jobDuties].value[x] only string
