// PHQ-9 (LOINC 44249-1) and GAD-7 (LOINC 69737-5) with LOINC item codes and LL358-3 answers weighted 0-3.

RuleSet: FrequencyQuestion(code, text)
* item[+].linkId = "{code}"
* item[=].code = $loinc#{code}
* item[=].text = "{text}"
* item[=].type = #choice
* item[=].required = true
* item[=].answerOption[0].valueCoding = $loinc#LA6568-5 "Not at all"
* item[=].answerOption[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[=].answerOption[0].extension[0].valueDecimal = 0
* item[=].answerOption[1].valueCoding = $loinc#LA6569-3 "Several days"
* item[=].answerOption[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[=].answerOption[1].extension[0].valueDecimal = 1
* item[=].answerOption[2].valueCoding = $loinc#LA6570-1 "More than half the days"
* item[=].answerOption[2].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[=].answerOption[2].extension[0].valueDecimal = 2
* item[=].answerOption[3].valueCoding = $loinc#LA6571-9 "Nearly every day"
* item[=].answerOption[3].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[=].answerOption[3].extension[0].valueDecimal = 3

RuleSet: ScreeningQuestionnaire
* status = #active
* experimental = false
* publisher = "WorkWell"
* version = "0.1.0"
* subjectType = #Patient
* copyright = "PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.; no permission is required to reproduce, translate, display or distribute them. LOINC codes: this material contains content from LOINC (http://loinc.org), copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost under the license at http://loinc.org/license."

Instance: phq-9
InstanceOf: Questionnaire
Usage: #definition
Title: "PHQ-9 quick depression assessment"
Description: "Patient Health Questionnaire-9 (LOINC 44249-1): over the last 2 weeks, how often have you been bothered by any of the following problems? Items scored 0-3 (ordinalValue); total 0-27 (LOINC 44261-6)."
* url = "http://workwell.health/fhir/Questionnaire/phq-9"
* name = "PHQ9"
* title = "PHQ-9 quick depression assessment"
* insert ScreeningQuestionnaire
* code = $loinc#44249-1 "PHQ-9 quick depression assessment panel"
* insert FrequencyQuestion(44250-9, Little interest or pleasure in doing things)
* insert FrequencyQuestion(44255-8, [[Feeling down, depressed, or hopeless]])
* insert FrequencyQuestion(44259-0, [[Trouble falling or staying asleep, or sleeping too much]])
* insert FrequencyQuestion(44254-1, Feeling tired or having little energy)
* insert FrequencyQuestion(44251-7, Poor appetite or overeating)
* insert FrequencyQuestion(44258-2, [[Feeling bad about yourself - or that you are a failure or have let yourself or your family down]])
* insert FrequencyQuestion(44252-5, [[Trouble concentrating on things, such as reading the newspaper or watching television]])
* insert FrequencyQuestion(44253-3, [[Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual]])
* insert FrequencyQuestion(44260-8, [[Thoughts that you would be better off dead, or of hurting yourself in some way]])
* item[+].linkId = "69722-7"
* item[=].code = $loinc#69722-7
* item[=].text = "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"
* item[=].type = #choice
* item[=].required = false
* item[=].answerOption[0].valueCoding = $loinc#LA6572-7 "Not difficult at all"
* item[=].answerOption[1].valueCoding = $loinc#LA6573-5 "Somewhat difficult"
* item[=].answerOption[2].valueCoding = $loinc#LA6575-0 "Very difficult"
* item[=].answerOption[3].valueCoding = $loinc#LA6574-3 "Extremely difficult"

Instance: gad-7
InstanceOf: Questionnaire
Usage: #definition
Title: "GAD-7 generalized anxiety disorder assessment"
Description: "Generalized Anxiety Disorder 7-item scale (LOINC 69737-5): over the last 2 weeks, how often have you been bothered by the following problems? Items scored 0-3 (ordinalValue); total 0-21 (LOINC 70274-6)."
* url = "http://workwell.health/fhir/Questionnaire/gad-7"
* name = "GAD7"
* title = "GAD-7 generalized anxiety disorder assessment"
* insert ScreeningQuestionnaire
* code = $loinc#69737-5 "Generalized anxiety disorder 7 item (GAD-7)"
* insert FrequencyQuestion(69725-0, [[Feeling nervous, anxious, or on edge]])
* insert FrequencyQuestion(68509-9, Not being able to stop or control worrying)
* insert FrequencyQuestion(69733-4, Worrying too much about different things)
* insert FrequencyQuestion(69734-2, Trouble relaxing)
* insert FrequencyQuestion(69735-9, [[Being so restless that it is hard to sit still]])
* insert FrequencyQuestion(69689-8, Becoming easily annoyed or irritable)
* insert FrequencyQuestion(69736-7, [[Feeling afraid, as if something awful might happen]])
