// Examples: PHQ-9 and GAD-7 responses and their total scores.

Instance: phq9-response-zhang-wei
InstanceOf: WorkWellPhq9Response
Usage: #example
Title: "Example PHQ-9 response"
Description: "A completed PHQ-9: total 8 (mild), item 9 answered 'Several days' (crisis trigger)."
* questionnaire = "http://workwell.health/fhir/Questionnaire/phq-9"
* status = #completed
* subject = Reference(Patient/employee-zhang-wei)
* authored = "2026-11-01T08:40:00+08:00"
* item[item1].linkId = "44250-9"
* item[item1].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item2].linkId = "44255-8"
* item[item2].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item3].linkId = "44259-0"
* item[item3].answer.valueCoding = $loinc#LA6570-1 "More than half the days"
* item[item4].linkId = "44254-1"
* item[item4].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item5].linkId = "44251-7"
* item[item5].answer.valueCoding = $loinc#LA6568-5 "Not at all"
* item[item6].linkId = "44258-2"
* item[item6].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item7].linkId = "44252-5"
* item[item7].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item8].linkId = "44253-3"
* item[item8].answer.valueCoding = $loinc#LA6568-5 "Not at all"
* item[item9].linkId = "44260-8"
* item[item9].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[difficulty].linkId = "69722-7"
* item[difficulty].answer.valueCoding = $loinc#LA6573-5 "Somewhat difficult"

Instance: gad7-response-zhang-wei
InstanceOf: WorkWellGad7Response
Usage: #example
Title: "Example GAD-7 response"
Description: "A completed GAD-7: total 6 (mild)."
* questionnaire = "http://workwell.health/fhir/Questionnaire/gad-7"
* status = #completed
* subject = Reference(Patient/employee-zhang-wei)
* authored = "2026-11-01T08:45:00+08:00"
* item[item1].linkId = "69725-0"
* item[item1].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item2].linkId = "68509-9"
* item[item2].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item3].linkId = "69733-4"
* item[item3].answer.valueCoding = $loinc#LA6570-1 "More than half the days"
* item[item4].linkId = "69734-2"
* item[item4].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item5].linkId = "69735-9"
* item[item5].answer.valueCoding = $loinc#LA6568-5 "Not at all"
* item[item6].linkId = "69689-8"
* item[item6].answer.valueCoding = $loinc#LA6569-3 "Several days"
* item[item7].linkId = "69736-7"
* item[item7].answer.valueCoding = $loinc#LA6568-5 "Not at all"

Instance: phq9-score-zhang-wei
InstanceOf: WorkWellPhq9Score
Usage: #example
Title: "Example PHQ-9 total score"
Description: "PHQ-9 total 8 (mild) derived from the response."
* status = #final
* category[survey] = $obs-category#survey "Survey"
* code = $loinc#44261-6 "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T08:40:00+08:00"
* valueInteger = 8
* interpretation = $ww-psych#mild "Mild"
* derivedFrom = Reference(QuestionnaireResponse/phq9-response-zhang-wei)

Instance: gad7-score-zhang-wei
InstanceOf: WorkWellGad7Score
Usage: #example
Title: "Example GAD-7 total score"
Description: "GAD-7 total 6 (mild) derived from the response."
* status = #final
* category[survey] = $obs-category#survey "Survey"
* code = $loinc#70274-6 "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T08:45:00+08:00"
* valueInteger = 6
* interpretation = $ww-psych#mild "Mild"
* derivedFrom = Reference(QuestionnaireResponse/gad7-response-zhang-wei)
