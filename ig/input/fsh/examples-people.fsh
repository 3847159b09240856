// Examples: one employee (Zhang Wei) of an enterprise, his department, job, exposures and exams.

Instance: enterprise-huaxin
InstanceOf: WorkWellOrganization
Usage: #example
Title: "Example enterprise"
Description: "An employing enterprise."
* identifier[uscc].system = "http://workwell.health/fhir/sid/unified-social-credit-code"
* identifier[uscc].value = "91320500MA1X00000K"
* active = true
* type = $ww-org-type#enterprise "Enterprise (employer)"
* name = "Huaxin Precision Manufacturing Co., Ltd. (华新精密制造有限公司)"
* extension[industry].valueCodeableConcept.text = "Manufacture of general-purpose machinery (GB/T 4754 C34)"

Instance: department-assembly
InstanceOf: WorkWellOrganization
Usage: #example
Title: "Example department"
Description: "A department of the enterprise."
* active = true
* type = $ww-org-type#department "Department"
* name = "Stamping and Assembly Workshop (冲压装配车间)"
* partOf = Reference(Organization/enterprise-huaxin)

Instance: institution-occupational-health
InstanceOf: WorkWellOrganization
Usage: #example
Title: "Example occupational health examination institution"
Description: "A clinic licensed for occupational health examinations."
* active = true
* type = $ww-org-type#occupational-health-institution "Occupational health examination institution"
* name = "Suzhou Occupational Disease Prevention Clinic (苏州职业病防治门诊)"

Instance: employee-zhang-wei
InstanceOf: WorkWellEmployee
Usage: #example
Title: "Example employee"
Description: "An employee with an employee number issued by his enterprise."
* identifier[employeeNumber].type = $v2-0203#EI "Employee number"
* identifier[employeeNumber].system = "http://workwell.health/fhir/sid/employee-number/huaxin"
* identifier[employeeNumber].value = "HX-004217"
* identifier[employeeNumber].assigner = Reference(Organization/enterprise-huaxin)
* name[0].text = "张伟"
* name[0].family = "Zhang"
* name[0].given[0] = "Wei"
* gender = #male
* birthDate = "1982-03-14"
* address[0].city = "Suzhou"
* address[0].state = "Jiangsu"
* address[0].country = "CN"
* address[0].extension[urban].valueBoolean = true
* managingOrganization = Reference(Organization/enterprise-huaxin)

Instance: job-zhang-wei-assembly
InstanceOf: WorkWellJob
Usage: #example
Title: "Example job"
Description: "A current manufacturing job."
* extension[employer].valueReference = Reference(Organization/department-assembly)
* extension[currentJob].valueBoolean = true
* status = #final
* category[socialHistory] = $obs-category#social-history "Social History"
* code = $loinc#11341-5 "History of Occupation"
* subject = Reference(Patient/employee-zhang-wei)
* effectivePeriod.start = "2015-07-01"
* valueCodeableConcept.text = "Press operator (冲压工)"
* component[industry].code = $loinc#86188-0 "History of Occupation industry"
* component[industry].valueCodeableConcept.text = "Manufacture of general-purpose machinery"
* component[postType].code = $ww-obs#post-type "Post type"
* component[postType].valueCodeableConcept = $ww-post-type#manufacturing "Manufacturing"
* component[workHoursPerDay].code = $loinc#87512-0 "Work hours per day"
* component[workHoursPerDay].valueQuantity = 8 'h/d' "h/d"
* component[workDaysPerWeek].code = $loinc#74160-3 "Work days per week"
* component[workDaysPerWeek].valueQuantity = 5 'd/wk' "d/wk"

Instance: exposure-noise-zhang-wei
InstanceOf: WorkWellOccupationalExposure
Usage: #example
Title: "Example noise exposure"
Description: "Noise at the press line: L_EX,8h 88 dB(A), exposure grade I, with earplugs."
* status = #final
* category[exposure] = $ww-obs-category#occupational-exposure "Occupational exposure"
* code.coding[hazard] = $ww-hazard#noise "Noise (噪声)"
* code.text = "Noise"
* subject = Reference(Patient/employee-zhang-wei)
* effectivePeriod.start = "2015-07-01"
* valueQuantity = 88 'dB[SPL]' "dB(A)"
* method = $ww-metric#lex-8h "8-hour equivalent continuous A-weighted sound level (L_EX,8h)"
* derivedFrom[0] = Reference(Observation/job-zhang-wei-assembly)
* component[hoursPerDay].code = $ww-obs#exposure-hours-per-day "Exposure hours per day"
* component[hoursPerDay].valueQuantity = 6 'h/d' "h/d"
* component[yearsExposed].code = $ww-obs#exposure-years "Years of exposure"
* component[yearsExposed].valueQuantity = 11 'a' "years"
* component[exposureGrade].code = $ww-obs#exposure-grade "Exposure grade"
* component[exposureGrade].valueCodeableConcept = $ww-grade#grade-1 "Grade I - mild hazard (轻度危害作业)"
* component[protectiveEquipment].code = $ww-obs#protective-equipment "Protective equipment"
* component[protectiveEquipment].valueCodeableConcept = $ww-ppe#earplugs "Earplugs"

Instance: exposure-benzene-zhang-wei
InstanceOf: WorkWellOccupationalExposure
Usage: #example
Title: "Example benzene exposure"
Description: "Benzene from degreasing, 8-h TWA 2.4 mg/m3, with its CAS number, over a closed period."
* status = #final
* category[exposure] = $ww-obs-category#occupational-exposure "Occupational exposure"
* code.coding[hazard] = $ww-hazard#benzene "Benzene (苯)"
* code.coding[cas] = $cas#71-43-2 "Benzene"
* subject = Reference(Patient/employee-zhang-wei)
* effectivePeriod.start = "2018-01-01"
* effectivePeriod.end = "2020-12-31"
* valueQuantity = 2.4 'mg/m3' "mg/m3"
* method = $ww-metric#twa-8h "8-hour time-weighted average (PC-TWA)"
* component[hoursPerDay].code = $ww-obs#exposure-hours-per-day "Exposure hours per day"
* component[hoursPerDay].valueQuantity = 2 'h/d' "h/d"
* component[yearsExposed].code = $ww-obs#exposure-years "Years of exposure"
* component[yearsExposed].valueQuantity = 3 'a' "years"
* component[protectiveEquipment][0].code = $ww-obs#protective-equipment "Protective equipment"
* component[protectiveEquipment][0].valueCodeableConcept = $ww-ppe#half-face-respirator "Half-face respirator"
* component[protectiveEquipment][1].code = $ww-obs#protective-equipment "Protective equipment"
* component[protectiveEquipment][1].valueCodeableConcept = $ww-ppe#chemical-gloves "Chemical protective gloves"

Instance: exam-encounter-zhang-wei-2026
InstanceOf: WorkWellOccupationalExamEncounter
Usage: #example
Title: "Example periodic occupational exam visit"
Description: "The 2026 periodic (in-service) exam for noise."
* status = #finished
* class = http://terminology.hl7.org/CodeSystem/v3-ActCode#AMB "ambulatory"
* type = $ww-exam-type#periodic "Periodic in-service examination (在岗期间)"
* subject = Reference(Patient/employee-zhang-wei)
* period.start = "2026-05-12T08:30:00+08:00"
* period.end = "2026-05-12T11:00:00+08:00"
* reasonCode = $ww-hazard#noise "Noise (噪声)"
* reasonReference = Reference(Observation/exposure-noise-zhang-wei)
* serviceProvider = Reference(Organization/institution-occupational-health)

Instance: exam-report-zhang-wei-2026
InstanceOf: WorkWellOccupationalExamReport
Usage: #example
Title: "Example periodic occupational exam report"
Description: "The report of the 2026 periodic exam: no abnormality found."
* status = #final
* category[occupationalHealth] = $ww-obs-category#occupational-health "Occupational health examination"
* code = $ww-exam-type#periodic "Periodic in-service examination (在岗期间)"
* subject = Reference(Patient/employee-zhang-wei)
* encounter = Reference(Encounter/exam-encounter-zhang-wei-2026)
* effectiveDateTime = "2026-05-12T08:30:00+08:00"
* issued = "2026-05-20T16:00:00+08:00"
* performer = Reference(Organization/institution-occupational-health)
* conclusion = "Pure-tone audiometry within normal limits; no occupational contraindication to noise work. Next periodic exam in 12 months."
* conclusionCode = $ww-exam-conclusion#no-abnormality "No abnormality found (目前未见异常)"

Instance: exam-request-zhang-wei-2027
InstanceOf: WorkWellOccupationalExamRequest
Usage: #example
Title: "Example occupational re-examination request"
Description: "The next periodic noise exam, due within 12 months (GBZ 188-2014: L_EX,8h >= 85 dB(A), yearly)."
* identifier[0].system = "http://workwell.health/fhir/NamingSystem/management-plan"
* identifier[0].value = "employee-zhang-wei/exam/noise"
* status = #active
* intent = #order
* code = $ww-exam-type#periodic "Periodic in-service examination (在岗期间)"
* orderDetail[0] = $loinc#89015-2
* orderDetail[0].text = "Pure-tone air-conduction audiometry"
* subject = Reference(Patient/employee-zhang-wei)
* occurrencePeriod.start = "2027-04-12"
* occurrencePeriod.end = "2027-05-12"
* authoredOn = "2026-11-01T09:00:00+08:00"
* performer = Reference(Organization/institution-occupational-health)
* reasonCode = $ww-hazard#noise "Noise (噪声)"
* reasonReference = Reference(Observation/exposure-noise-zhang-wei)
* supportingInfo = Reference(RiskAssessment/risk-gbz188-zhang-wei)
