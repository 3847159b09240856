// PHQ-9 and GAD-7: responses and score Observations (docs/design.md §3, docs/scoring-sources.md §4).

RuleSet: FrequencyAnswerItem(slice, linkId)
* item[{slice}].linkId = "{linkId}"
* item[{slice}].answer 0..1
* item[{slice}].answer.value[x] only Coding
* item[{slice}].answer.valueCoding from FrequencyAnswersVS (required)

RuleSet: ScreeningResponse
* ^status = #active
* questionnaire 1..1 MS
* status MS
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* authored 1..1 MS
* item MS
* item ^slicing.discriminator.type = #value
* item ^slicing.discriminator.path = "linkId"
* item ^slicing.rules = #open
* item ^slicing.description = "Items by LOINC item code (linkId)"

Profile: WorkWellPhq9Response
Parent: QuestionnaireResponse
Id: workwell-phq9-response
Title: "WorkWell PHQ-9 Response"
Description: "Answers to the WorkWell PHQ-9 Questionnaire: items identified by their LOINC codes as linkId, answers from LOINC LL358-3 (0-3). A completed response answers all nine items. Item 9 (44260-8) above 0 triggers the crisis response whatever the total."
* insert ScreeningResponse
* obeys ww-phq9-1
* questionnaire = "http://workwell.health/fhir/Questionnaire/phq-9"
* item contains item1 0..1 MS and item2 0..1 MS and item3 0..1 MS and item4 0..1 MS and item5 0..1 MS and item6 0..1 MS and item7 0..1 MS and item8 0..1 MS and item9 0..1 MS and difficulty 0..1 MS
* insert FrequencyAnswerItem(item1, 44250-9)
* insert FrequencyAnswerItem(item2, 44255-8)
* insert FrequencyAnswerItem(item3, 44259-0)
* insert FrequencyAnswerItem(item4, 44254-1)
* insert FrequencyAnswerItem(item5, 44251-7)
* insert FrequencyAnswerItem(item6, 44258-2)
* insert FrequencyAnswerItem(item7, 44252-5)
* insert FrequencyAnswerItem(item8, 44253-3)
* insert FrequencyAnswerItem(item9, 44260-8)
* item[item9] ^short = "Thoughts that you would be better off dead, or of hurting yourself (crisis trigger when above 0)"
* item[difficulty].linkId = "69722-7"
* item[difficulty].answer 0..1
* item[difficulty].answer.value[x] only Coding
* item[difficulty].answer.valueCoding from DifficultyAnswersVS (required)

Invariant: ww-phq9-1
Description: "A completed PHQ-9 response answers all nine scored items."
Severity: #error
Expression: "status = 'completed' implies item.where(linkId in ('44250-9' | '44255-8' | '44259-0' | '44254-1' | '44251-7' | '44258-2' | '44252-5' | '44253-3' | '44260-8') and answer.exists()).count() = 9"

Profile: WorkWellGad7Response
Parent: QuestionnaireResponse
Id: workwell-gad7-response
Title: "WorkWell GAD-7 Response"
Description: "Answers to the WorkWell GAD-7 Questionnaire: items identified by their LOINC codes as linkId, answers from LOINC LL358-3 (0-3). A completed response answers all seven items."
* insert ScreeningResponse
* obeys ww-gad7-1
* questionnaire = "http://workwell.health/fhir/Questionnaire/gad-7"
* item contains item1 0..1 MS and item2 0..1 MS and item3 0..1 MS and item4 0..1 MS and item5 0..1 MS and item6 0..1 MS and item7 0..1 MS
* insert FrequencyAnswerItem(item1, 69725-0)
* insert FrequencyAnswerItem(item2, 68509-9)
* insert FrequencyAnswerItem(item3, 69733-4)
* insert FrequencyAnswerItem(item4, 69734-2)
* insert FrequencyAnswerItem(item5, 69735-9)
* insert FrequencyAnswerItem(item6, 69689-8)
* insert FrequencyAnswerItem(item7, 69736-7)

Invariant: ww-gad7-1
Description: "A completed GAD-7 response answers all seven items."
Severity: #error
Expression: "status = 'completed' implies item.where(linkId in ('69725-0' | '68509-9' | '69733-4' | '69734-2' | '69735-9' | '69689-8' | '69736-7') and answer.exists()).count() = 7"

RuleSet: ScoreObservation(code, max, response)
* ^status = #active
* status MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains survey 1..1 MS
* category[survey] = $obs-category#survey
* code MS
* code = $loinc#{code}
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* effective[x] 1..1 MS
* effective[x] only dateTime
* value[x] 1..1 MS
* value[x] only integer
* valueInteger ^minValueInteger = 0
* valueInteger ^maxValueInteger = {max}
* interpretation 0..1 MS
* interpretation from PsychologicalSeverityVS (required)
* interpretation ^short = "Severity band"
* derivedFrom 1..1 MS
* derivedFrom only Reference({response})

Profile: WorkWellPhq9Score
Parent: Observation
Id: workwell-phq9-score
Title: "WorkWell PHQ-9 Total Score"
Description: "The PHQ-9 total score (LOINC 44261-6, 0-27) derived from a PHQ-9 response, with its severity band."
* insert ScoreObservation(44261-6, 27, WorkWellPhq9Response)

Profile: WorkWellGad7Score
Parent: Observation
Id: workwell-gad7-score
Title: "WorkWell GAD-7 Total Score"
Description: "The GAD-7 total score (LOINC 70274-6, 0-21) derived from a GAD-7 response, with its severity band."
* insert ScoreObservation(70274-6, 21, WorkWellGad7Response)
