// Wearable and home device readings (docs/design.md §3, docs/scoring-sources.md §7). Readings follow the
// R4 vital-signs profiles where one exists, and the HL7 Personal Health Device IG conventions: a required
// device reference, effective[x] from the device's own clock, and an identifier built from
// device + patient + type + device timestamp so that a retried upload is a conditional create
// (If-None-Exist: identifier=...) and never a duplicate.

Profile: WorkWellDevice
Parent: Device
Id: workwell-device
Title: "WorkWell Wearable or Home Device"
Description: "A wearable or home measuring device (smartwatch, blood pressure monitor, pulse oximeter, glucometer, scale...) or the gateway that forwards its readings."
* ^status = #active
* identifier 1..* MS
* identifier ^short = "Serial number, MAC address or vendor device id (system = the vendor's or e.g. http://hl7.org/fhir/sid/eui-48/bluetooth)"
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* status MS
* manufacturer 1..1 MS
* deviceName MS
* modelNumber MS
* serialNumber MS
* type 1..1 MS
* type from DeviceTypeVS (extensible)
* version MS
* version ^short = "Firmware or app version"
* patient MS
* patient only Reference(WorkWellEmployee)
* patient ^short = "The employee who wears or uses the device"
* parent MS
* parent only Reference(WorkWellDevice)
* parent ^short = "The gateway (phone or hub) the device forwards readings through"

RuleSet: DeviceReading
* ^status = #active
* identifier 1..* MS
* identifier ^short = "device + patient + type + device timestamp: the key of a conditional create"
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* status MS
* subject 1..1 MS
* subject only Reference(WorkWellEmployee)
* effective[x] 1..1 MS
* effective[x] ^short = "From the device's own clock"
* device 1..1 MS
* device only Reference(WorkWellDevice)
* interpretation MS
* interpretation ^comment = "An implausible reading is kept but marked questionable (http://workwell.health/fhir/CodeSystem/reading-quality#questionable, set by the server) and excluded from scores and alert windows."

RuleSet: CategorySlice(slice, code)
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category 1..* MS
* category contains {slice} 1..1 MS
* category[{slice}] = $obs-category#{code}

RuleSet: QuantityValue
* value[x] MS
* value[x] only Quantity
* valueQuantity.value 1..1
* valueQuantity.system 1..1
* valueQuantity.system = "http://unitsofmeasure.org"
* valueQuantity.code 1..1

Invariant: ww-dev-1
Description: "A reading has a value or says why it is absent."
Severity: #error
Expression: "value.exists() or dataAbsentReason.exists()"

Profile: WorkWellDeviceBloodPressure
Parent: http://hl7.org/fhir/StructureDefinition/bp
Id: workwell-device-blood-pressure
Title: "WorkWell Device Blood Pressure"
Description: "A blood pressure reading from a device: one LOINC 85354-9 panel with systolic 8480-6 and diastolic 8462-4 components in mm[Hg] (R4 vital-signs bp profile)."
* insert DeviceReading

Profile: WorkWellDeviceHeartRate
Parent: http://hl7.org/fhir/StructureDefinition/heartrate
Id: workwell-device-heart-rate
Title: "WorkWell Device Heart Rate"
Description: "A heart rate reading from a device (LOINC 8867-4, /min; R4 vital-signs heartrate profile)."
* insert DeviceReading

Profile: WorkWellDeviceOxygenSaturation
Parent: http://hl7.org/fhir/StructureDefinition/oxygensat
Id: workwell-device-oxygen-saturation
Title: "WorkWell Device Oxygen Saturation"
Description: "An SpO2 reading from a pulse oximeter or wearable (LOINC 2708-6, plus 59408-5 by pulse oximetry; %; R4 vital-signs oxygensat profile)."
* insert DeviceReading
* code.coding contains pulseOximetry 0..1 MS
* code.coding[pulseOximetry].system 1..1
* code.coding[pulseOximetry].system = "http://loinc.org" (exactly)
* code.coding[pulseOximetry].code 1..1
* code.coding[pulseOximetry].code = #59408-5 (exactly)

Profile: WorkWellDeviceBodyWeight
Parent: http://hl7.org/fhir/StructureDefinition/bodyweight
Id: workwell-device-body-weight
Title: "WorkWell Device Body Weight"
Description: "A body weight reading from a scale (LOINC 29463-7; R4 vital-signs bodyweight profile)."
* insert DeviceReading

Profile: WorkWellDeviceBmi
Parent: http://hl7.org/fhir/StructureDefinition/bmi
Id: workwell-device-bmi
Title: "WorkWell Device BMI"
Description: "A body mass index from a scale or app (LOINC 39156-5, kg/m2; R4 vital-signs bmi profile)."
* insert DeviceReading

Profile: WorkWellDeviceWaistCircumference
Parent: Observation
Id: workwell-device-waist-circumference
Title: "WorkWell Device Waist Circumference"
Description: "A waist circumference measurement (LOINC 8280-0) in cm, m, mm or [in_i]. Not one of the R4 vital signs, so based on Observation, with the vital-signs category."
* insert DeviceReading
* obeys ww-dev-1 and ww-waist-1
* insert CategorySlice(vitalSigns, vital-signs)
* code MS
* code = $loinc#8280-0
* insert QuantityValue

Invariant: ww-waist-1
Description: "Waist circumference is in cm, m, mm or [in_i]."
Severity: #error
Expression: "value.exists() implies (value as Quantity).code in ('cm' | 'm' | 'mm' | '[in_i]')"

Profile: WorkWellDeviceSteps
Parent: Observation
Id: workwell-device-steps
Title: "WorkWell Device Step Count"
Description: "Steps in 24 hours (LOINC 41950-7) from a wearable, UCUM {steps}; effectivePeriod = the day."
* insert DeviceReading
* obeys ww-dev-1
* insert CategorySlice(activity, activity)
* code MS
* code = $loinc#41950-7
* insert QuantityValue
* valueQuantity.code = #{steps}
* effective[x] only Period

Profile: WorkWellDeviceSleepDuration
Parent: Observation
Id: workwell-device-sleep-duration
Title: "WorkWell Device Sleep Duration"
Description: "Sleep duration (LOINC 93832-4) from a wearable or sleep tracker, in h or min; effectivePeriod = the sleep episode."
* insert DeviceReading
* obeys ww-dev-1 and ww-sleep-1
* insert CategorySlice(activity, activity)
* code MS
* code = $loinc#93832-4
* insert QuantityValue
* effective[x] only Period

Invariant: ww-sleep-1
Description: "Sleep duration is in h or min."
Severity: #error
Expression: "value.exists() implies (value as Quantity).code in ('h' | 'min')"

Profile: WorkWellDeviceBloodGlucose
Parent: Observation
Id: workwell-device-blood-glucose
Title: "WorkWell Device Blood Glucose"
Description: "A blood glucose reading from a glucometer: a LOINC glucose code (mass or moles per volume, matching the unit) in mg/dL or mmol/L."
* insert DeviceReading
* obeys ww-dev-1 and ww-glucose-1
* insert CategorySlice(laboratory, laboratory)
* code MS
* code from BloodGlucoseCodesVS (required)
* insert QuantityValue

Invariant: ww-glucose-1
Description: "Blood glucose is in mg/dL or mmol/L."
Severity: #error
Expression: "value.exists() implies (value as Quantity).code in ('mg/dL' | 'mmol/L')"
