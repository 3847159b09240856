// Examples: devices and their readings.

Instance: device-smartwatch-zhang-wei
InstanceOf: WorkWellDevice
Usage: #example
Title: "Example smartwatch"
Description: "A smartwatch worn by the employee (heart rate, SpO2, steps, sleep)."
* identifier[0].system = "http://hl7.org/fhir/sid/eui-48/bluetooth"
* identifier[0].value = "A4-C1-38-5F-02-91"
* status = #active
* manufacturer = "Example Wearables Ltd."
* deviceName[0].name = "Example Watch 3"
* deviceName[0].type = #model-name
* modelNumber = "EW3"
* serialNumber = "EW3-22-0193847"
* type = $ww-device-type#smartwatch "Smartwatch"
* version[0].value = "4.2.1"
* patient = Reference(Patient/employee-zhang-wei)

Instance: device-bp-monitor-zhang-wei
InstanceOf: WorkWellDevice
Usage: #example
Title: "Example home blood pressure monitor"
Description: "A home oscillometric blood pressure monitor."
* identifier[0].system = "http://example-bp-vendor.com/fhir/sid/serial"
* identifier[0].value = "BPM-88-551204"
* status = #active
* manufacturer = "Example Medical Devices Co."
* modelNumber = "BP-88"
* serialNumber = "BPM-88-551204"
* type = $ww-device-type#bp-monitor "Blood pressure monitor"
* patient = Reference(Patient/employee-zhang-wei)

Instance: device-scale-zhang-wei
InstanceOf: WorkWellDevice
Usage: #example
Title: "Example body composition scale"
Description: "A body composition scale (weight, BMI)."
* identifier[0].system = "http://example-scale-vendor.com/fhir/sid/serial"
* identifier[0].value = "SC-2-77120"
* status = #active
* manufacturer = "Example Scales Inc."
* type = $ww-device-type#body-composition-scale "Body composition scale"
* patient = Reference(Patient/employee-zhang-wei)

Instance: device-glucometer-zhang-wei
InstanceOf: WorkWellDevice
Usage: #example
Title: "Example glucometer"
Description: "A capillary blood glucose meter."
* identifier[0].system = "http://example-glucose-vendor.com/fhir/sid/serial"
* identifier[0].value = "GM-5-300218"
* status = #active
* manufacturer = "Example Diagnostics"
* type = $ww-device-type#glucometer "Blood glucose meter"
* patient = Reference(Patient/employee-zhang-wei)

Instance: device-tape-measure-zhang-wei
InstanceOf: WorkWellDevice
Usage: #example
Title: "Example smart tape measure"
Description: "A connected tape measure (waist circumference)."
* identifier[0].system = "http://example-tape-vendor.com/fhir/sid/serial"
* identifier[0].value = "TM-1-004411"
* status = #active
* manufacturer = "Example Measures"
* type = $ww-device-type#tape-measure "Tape measure"
* patient = Reference(Patient/employee-zhang-wei)

Instance: bp-zhang-wei-20261101
InstanceOf: WorkWellDeviceBloodPressure
Usage: #example
Title: "Example device blood pressure"
Description: "A home blood pressure reading of 142/91 mmHg."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "BPM-88-551204-employee-zhang-wei-85354-9-20261101T072500+0800"
* status = #final
* category[VSCat] = $obs-category#vital-signs "Vital Signs"
* code = $loinc#85354-9 "Blood pressure panel with all children optional"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T07:25:00+08:00"
* device = Reference(Device/device-bp-monitor-zhang-wei)
* component[SystolicBP].code = $loinc#8480-6 "Systolic blood pressure"
* component[SystolicBP].valueQuantity = 142 'mm[Hg]' "mmHg"
* component[DiastolicBP].code = $loinc#8462-4 "Diastolic blood pressure"
* component[DiastolicBP].valueQuantity = 91 'mm[Hg]' "mmHg"

Instance: heart-rate-zhang-wei-20261101
InstanceOf: WorkWellDeviceHeartRate
Usage: #example
Title: "Example device heart rate"
Description: "A resting heart rate of 68/min from the smartwatch."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "A4C1385F0291-employee-zhang-wei-8867-4-20261101T063000+0800"
* status = #final
* category[VSCat] = $obs-category#vital-signs "Vital Signs"
* code = $loinc#8867-4 "Heart rate"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T06:30:00+08:00"
* device = Reference(Device/device-smartwatch-zhang-wei)
* valueQuantity = 68 '/min' "beats/minute"

Instance: spo2-zhang-wei-20261101
InstanceOf: WorkWellDeviceOxygenSaturation
Usage: #example
Title: "Example device SpO2"
Description: "An SpO2 of 97 % from the smartwatch."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "A4C1385F0291-employee-zhang-wei-59408-5-20261101T063000+0800"
* status = #final
* category[VSCat] = $obs-category#vital-signs "Vital Signs"
* code.coding[OxygenSatCode] = $loinc#2708-6 "Oxygen saturation in Arterial blood"
* code.coding[pulseOximetry] = $loinc#59408-5 "Oxygen saturation in Arterial blood by Pulse oximetry"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T06:30:00+08:00"
* device = Reference(Device/device-smartwatch-zhang-wei)
* valueQuantity = 97 '%' "%"

Instance: steps-zhang-wei-20261031
InstanceOf: WorkWellDeviceSteps
Usage: #example
Title: "Example device daily steps"
Description: "8,412 steps on 31 October 2026."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "A4C1385F0291-employee-zhang-wei-41950-7-20261031T000000+0800"
* status = #final
* category[activity] = $obs-category#activity "Activity"
* code = $loinc#41950-7 "Number of steps in 24 hour Measured"
* subject = Reference(Patient/employee-zhang-wei)
* effectivePeriod.start = "2026-10-31T00:00:00+08:00"
* effectivePeriod.end = "2026-11-01T00:00:00+08:00"
* device = Reference(Device/device-smartwatch-zhang-wei)
* valueQuantity = 8412 '{steps}' "steps"

Instance: sleep-zhang-wei-20261101
InstanceOf: WorkWellDeviceSleepDuration
Usage: #example
Title: "Example device sleep duration"
Description: "6.5 hours of sleep in the night to 1 November 2026."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "A4C1385F0291-employee-zhang-wei-93832-4-20261031T232000+0800"
* status = #final
* category[activity] = $obs-category#activity "Activity"
* code = $loinc#93832-4 "Sleep duration"
* subject = Reference(Patient/employee-zhang-wei)
* effectivePeriod.start = "2026-10-31T23:20:00+08:00"
* effectivePeriod.end = "2026-11-01T06:10:00+08:00"
* device = Reference(Device/device-smartwatch-zhang-wei)
* valueQuantity = 6.5 'h' "h"

Instance: weight-zhang-wei-20261101
InstanceOf: WorkWellDeviceBodyWeight
Usage: #example
Title: "Example device body weight"
Description: "78.4 kg from the scale."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "SC-2-77120-employee-zhang-wei-29463-7-20261101T064000+0800"
* status = #final
* category[VSCat] = $obs-category#vital-signs "Vital Signs"
* code = $loinc#29463-7 "Body weight"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T06:40:00+08:00"
* device = Reference(Device/device-scale-zhang-wei)
* valueQuantity = 78.4 'kg' "kg"

Instance: bmi-zhang-wei-20261101
InstanceOf: WorkWellDeviceBmi
Usage: #example
Title: "Example device BMI"
Description: "BMI 26.5 kg/m2 from the scale."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "SC-2-77120-employee-zhang-wei-39156-5-20261101T064000+0800"
* status = #final
* category[VSCat] = $obs-category#vital-signs "Vital Signs"
* code = $loinc#39156-5 "Body mass index (BMI) [Ratio]"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T06:40:00+08:00"
* device = Reference(Device/device-scale-zhang-wei)
* valueQuantity = 26.5 'kg/m2' "kg/m2"

Instance: waist-zhang-wei-20261101
InstanceOf: WorkWellDeviceWaistCircumference
Usage: #example
Title: "Example device waist circumference"
Description: "Waist circumference 91 cm."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "TM-1-004411-employee-zhang-wei-8280-0-20261101T064500+0800"
* status = #final
* category[vitalSigns] = $obs-category#vital-signs "Vital Signs"
* code = $loinc#8280-0 "Waist Circumference at umbilicus by Tape measure"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T06:45:00+08:00"
* device = Reference(Device/device-tape-measure-zhang-wei)
* valueQuantity = 91 'cm' "cm"

Instance: glucose-zhang-wei-20261101
InstanceOf: WorkWellDeviceBloodGlucose
Usage: #example
Title: "Example device fasting capillary glucose"
Description: "Capillary blood glucose 5.8 mmol/L from the glucometer."
* identifier[0].system = "http://workwell.health/fhir/sid/device-reading"
* identifier[0].value = "GM-5-300218-employee-zhang-wei-14743-9-20261101T065000+0800"
* status = #final
* category[laboratory] = $obs-category#laboratory "Laboratory"
* code = $loinc#14743-9 "Glucose [Moles/volume] in Capillary blood by Glucometer"
* subject = Reference(Patient/employee-zhang-wei)
* effectiveDateTime = "2026-11-01T06:50:00+08:00"
* device = Reference(Device/device-glucometer-zhang-wei)
* valueQuantity = 5.8 'mmol/L' "mmol/L"
