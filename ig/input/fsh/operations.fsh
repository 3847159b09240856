// The operations WorkWell adds.

Instance: risk-assess
InstanceOf: OperationDefinition
Usage: #definition
Title: "$risk-assess"
Description: "Runs WorkWell's risk models on a patient's record, or on every employee of an enterprise or every patient of a Group, and stores one RiskAssessment per computed model and patient, replacing the previous one of the same model."
* url = "http://workwell.health/fhir/OperationDefinition/risk-assess"
* version = "0.1.0"
* name = "RiskAssess"
* title = "$risk-assess"
* status = #active
* kind = #operation
* experimental = false
* publisher = "WorkWell"
* description = "On a Patient (synchronous): reads the patient's record (docs/assessment-inputs.md), runs every requested model that is computable (Framingham 2008, China-PAR, ADA and Chinese diabetes risk scores, PHQ-9/GAD-7, GBZ 188 surveillance, WorkWell composite index) and returns one RiskAssessment (profile workwell-risk-assessment) per computed model, stored (unless persist=false) in place of the previous one of the same model. A model whose inputs are missing is not computable and is named, with the missing inputs, in an OperationOutcome in the returned Bundle. On an Organization (the enterprise with its departments: every Patient whose managingOrganization is the Organization or an Organization partOf it, at any depth) or a Group (its Patient members that are not marked inactive): does the same for every one of those patients, always storing, as an asynchronous population run, with the FHIR asynchronous request pattern (as in Bulk Data): the client must send the header `Prefer: respond-async` (without it: 400); the server checks the target (404 when unknown) and the model codes (400 when unknown), stores the run as a Task (identifier system http://workwell.health/fhir/NamingSystem/population-run) and answers 202 Accepted with an informational OperationOutcome and the status URL `[base]/$population-status?_jobId={Task id}` in `Content-Location`. The run goes on in the background, in chunks of patients, and survives a restart (it is resumed after the last patient finished). Poll the status URL for its progress (202 with `X-Progress` and `Retry-After`) and, once it is complete, its result (200: a Parameters resource with the counts per risk tier (of the composite index) and per model, the number of patients failed and the first failures); a DELETE on the status URL cancels the run. See the OperationDefinition population-status. The parameters persist and return apply to the Patient form only."
* affectsState = true
* code = #risk-assess
* resource[0] = #Patient
* resource[+] = #Organization
* resource[+] = #Group
* system = false
* type = false
* instance = true
* parameter[+].name = #date
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "The assessment date (ages, horizons and the newest usable values are taken as of this date); default today. On an Organization or Group: the same date for every patient of the run."
* parameter[+].name = #model
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].type = #code
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = "http://workwell.health/fhir/ValueSet/risk-model"
* parameter[=].documentation = "The models to run (risk-model codes); default all. On an Organization or Group an unknown code is refused (400) at kick-off, before the run starts."
* parameter[+].name = #persist
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #boolean
* parameter[=].documentation = "Patient form only: false to compute without storing (preview); default true. A population run (Organization or Group) always stores."
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "Patient form only: a collection Bundle: one RiskAssessment (workwell-risk-assessment) per computed model, and an OperationOutcome naming each model that was not computable and why. On an Organization or Group the kick-off answers 202 Accepted with an OperationOutcome and no Bundle; the run's result (a Parameters resource with the counts per risk tier and per model, the patients failed and the first failures) is at the status URL in Content-Location (see population-status)."

Instance: tier
InstanceOf: OperationDefinition
Usage: #definition
Title: "$tier"
Description: "Turns the latest risk assessments of a patient, of every employee of an enterprise or of every patient of a Group into management outputs: CarePlan, Flag, Task and ServiceRequest."
* url = "http://workwell.health/fhir/OperationDefinition/tier"
* version = "0.1.0"
* name = "Tier"
* title = "$tier"
* status = #active
* kind = #operation
* experimental = false
* publisher = "WorkWell"
* description = "On a Patient: reads the patient's latest composite, PHQ-9/GAD-7 and GBZ 188 surveillance RiskAssessments (run $risk-assess first) and writes, as conditional updates on the identifier system http://workwell.health/fhir/NamingSystem/management-plan, a CarePlan (workwell-care-plan: tier, management group, follow-up cadence, interventions), a Flag (workwell-flag) active while the tier is high or very high, a crisis Task (workwell-crisis-task) due within 24 hours when PHQ-9 item 9 was above 0, and ServiceRequests (workwell-occupational-exam-request) for occupational exams that are due. Re-running updates the same resources. On an Organization (the enterprise with its departments: every Patient whose managingOrganization is the Organization or an Organization partOf it, at any depth) or a Group (its Patient members that are not marked inactive): does the same for every one of those patients (a patient without a composite-index RiskAssessment is skipped and counted as such), as an asynchronous population run, with the FHIR asynchronous request pattern (as in Bulk Data): the client must send the header `Prefer: respond-async` (without it: 400); the server checks the target (404 when unknown), stores the run as a Task (identifier system http://workwell.health/fhir/NamingSystem/population-run) and answers 202 Accepted with an informational OperationOutcome and the status URL `[base]/$population-status?_jobId={Task id}` in `Content-Location`. The run goes on in the background, in chunks of patients, and survives a restart (it is resumed after the last patient finished). Poll the status URL for its progress (202 with `X-Progress` and `Retry-After`) and, once it is complete, its result (200: a Parameters resource with the counts per risk tier, the numbers of patients skipped and failed and the first failures); a DELETE on the status URL cancels the run. See the OperationDefinition population-status."
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
* parameter[=].documentation = "On a Patient: a collection Bundle of the CarePlans, Flags, Tasks and ServiceRequests written. On an Organization or Group the kick-off answers 202 Accepted with an OperationOutcome and the status URL in Content-Location, and the result is not a Bundle of the resources written but the run's result at that status URL: a Parameters resource with the numbers of patients processed, skipped (no assessment) and failed, the counts per risk tier and the first failures (see population-status)."

Instance: population-status
InstanceOf: OperationDefinition
Usage: #definition
Title: "$population-status"
Description: "The status URL of an asynchronous population run of $risk-assess or $tier on an Organization or Group: its progress while it runs, its result when it is complete; a DELETE cancels it."
* url = "http://workwell.health/fhir/OperationDefinition/population-status"
* version = "0.1.0"
* name = "PopulationStatus"
* title = "$population-status"
* status = #active
* kind = #operation
* experimental = false
* publisher = "WorkWell"
* description = "The status endpoint of the FHIR asynchronous request pattern (as in Bulk Data) for the population runs of $risk-assess and $tier on Organization/{id} or Group/{id}, whose kick-off (with `Prefer: respond-async`) answers 202 Accepted with `Content-Location: [base]/$population-status?_jobId={id}`. Each run is a Task (identifier system http://workwell.health/fhir/NamingSystem/population-run; instantiatesUri the OperationDefinition of the operation, focus the Organization or Group, input the operation's parameters, output the progress and counts) that survives a restart of the server and is resumed where it stopped. GET (idempotent, changes nothing): while the run is waiting or in progress, 202 Accepted with the headers `X-Progress` (for example `40% (400 of 1000 patients)`) and `Retry-After` (seconds) and an informational OperationOutcome; poll again later. When it is complete, 200 OK with the output `return`, a Parameters resource with the counts. When it failed (for example its Organization or Group was deleted), 500 with an OperationOutcome naming the failures. An unknown or cancelled job answers 404 (OperationOutcome). DELETE on the status URL cancels a run that is waiting or in progress: 202 Accepted, and later polls answer 404; a DELETE of a run that is no longer in progress answers 404. The HTTP statuses 202, 404 and 500 cannot be expressed by the output parameters of an R4 OperationDefinition: they are part of this protocol, the output parameter describes the 200 answer only."
* affectsState = false
* code = #population-status
* system = true
* type = false
* instance = false
* parameter[+].name = #_jobId
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #string
* parameter[=].documentation = "The id of the run: the logical id of its Task, as given in the Content-Location of the kick-off."
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Parameters
* parameter[=].documentation = "The result of a completed run (200 only), with the parameters: `job` (Reference to the Task that records the run); `target` (Reference to the Organization or Group); `total` (integer: the patients of the population), `processed` (integer: the patients done, including those skipped and failed), `skipped` (integer: for $tier, the patients without an assessment to tier; 0 for $risk-assess) and `failed` (integer: the patients whose assessment or plan could not be written); `tier` (parts named by risk-tier code, low, medium, high or very-high, each valueInteger the number of patients in that tier: for $tier the tier set, for $risk-assess the tier of the composite index; only tiers that occur); `model` ($risk-assess only: parts named by risk-model code, each valueInteger the number of patients for whom that model was computed); `error` (0..* strings: the first 10 failures, each naming its Patient)."
