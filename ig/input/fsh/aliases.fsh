// Code systems and canonical URLs used across the WorkWell IG.
Alias: $loinc = http://loinc.org
Alias: $sct = http://snomed.info/sct
Alias: $ucum = http://unitsofmeasure.org
Alias: $cas = http://terminology.hl7.org/CodeSystem/CAS
Alias: $obs-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-ObsInterp = http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation
Alias: $flag-category = http://terminology.hl7.org/CodeSystem/flag-category
Alias: $risk-probability = http://terminology.hl7.org/CodeSystem/risk-probability
Alias: $diagnostic-service = http://terminology.hl7.org/CodeSystem/v2-0074
Alias: $ordinalValue = http://hl7.org/fhir/StructureDefinition/ordinalValue
Alias: $flag-detail = http://hl7.org/fhir/StructureDefinition/flag-detail

// WorkWell code systems (canonical base http://workwell.health/fhir)
Alias: $ww-hazard = http://workwell.health/fhir/CodeSystem/hazard-agent
Alias: $ww-metric = http://workwell.health/fhir/CodeSystem/exposure-metric
Alias: $ww-grade = http://workwell.health/fhir/CodeSystem/exposure-grade
Alias: $ww-ppe = http://workwell.health/fhir/CodeSystem/protective-equipment
Alias: $ww-obs = http://workwell.health/fhir/CodeSystem/observation-code
Alias: $ww-obs-category = http://workwell.health/fhir/CodeSystem/observation-category
Alias: $ww-exam-type = http://workwell.health/fhir/CodeSystem/exam-type
Alias: $ww-exam-conclusion = http://workwell.health/fhir/CodeSystem/exam-conclusion
Alias: $ww-risk-model = http://workwell.health/fhir/CodeSystem/risk-model
Alias: $ww-risk-tier = http://workwell.health/fhir/CodeSystem/risk-tier
Alias: $ww-group = http://workwell.health/fhir/CodeSystem/management-group
Alias: $ww-occ-risk = http://workwell.health/fhir/CodeSystem/occupational-risk
Alias: $ww-psych = http://workwell.health/fhir/CodeSystem/psychological-severity
Alias: $ww-intervention = http://workwell.health/fhir/CodeSystem/intervention
Alias: $ww-post-type = http://workwell.health/fhir/CodeSystem/post-type
Alias: $ww-org-type = http://workwell.health/fhir/CodeSystem/organization-type
Alias: $ww-device-type = http://workwell.health/fhir/CodeSystem/device-type
Alias: $ww-alert = http://workwell.health/fhir/CodeSystem/alert
Alias: $ww-reading-quality = http://workwell.health/fhir/CodeSystem/reading-quality

// Identifier systems
Alias: $ww-national-id = http://workwell.health/fhir/sid/national-id
Alias: $ww-uscc = http://workwell.health/fhir/sid/unified-social-credit-code
Alias: $ww-device-reading = http://workwell.health/fhir/sid/device-reading
Alias: $ww-assessment-id = http://workwell.health/fhir/NamingSystem/risk-assessment
Alias: $ww-plan-id = http://workwell.health/fhir/NamingSystem/management-plan
