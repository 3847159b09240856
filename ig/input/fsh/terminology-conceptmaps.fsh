// ConceptMaps from WorkWell codes to standard ones.

Instance: hazard-agent-to-cas
InstanceOf: ConceptMap
Usage: #definition
Title: "Hazard agents to CAS Registry Numbers"
Description: "Maps WorkWell chemical and mineral hazard agents to their CAS Registry Numbers (agents that are mixtures or physical factors have none)."
* url = "http://workwell.health/fhir/ConceptMap/hazard-agent-to-cas"
* name = "HazardAgentToCas"
* status = #active
* experimental = false
* publisher = "WorkWell"
* version = "0.1.0"
* sourceCanonical = "http://workwell.health/fhir/ValueSet/hazard-agent"
* group[0].source = $ww-hazard
* group[0].target = $cas
* group[0].element[+].code = #silica-dust
* group[0].element[=].display = "Silica dust (矽尘)"
* group[0].element[=].target[0].code = #14808-60-7
* group[0].element[=].target[0].display = "Quartz (crystalline silica)"
* group[0].element[=].target[0].equivalence = #wider
* group[0].element[=].target[0].comment = "Silica dust is dust containing crystalline silica; the CAS number names the silica itself."
* group[0].element[+].code = #asbestos
* group[0].element[=].target[0].code = #1332-21-4
* group[0].element[=].target[0].display = "Asbestos"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #lead
* group[0].element[=].target[0].code = #7439-92-1
* group[0].element[=].target[0].display = "Lead"
* group[0].element[=].target[0].equivalence = #narrower
* group[0].element[=].target[0].comment = "The agent includes lead's inorganic compounds; the CAS number is elemental lead."
* group[0].element[+].code = #mercury
* group[0].element[=].target[0].code = #7439-97-6
* group[0].element[=].target[0].display = "Mercury"
* group[0].element[=].target[0].equivalence = #narrower
* group[0].element[=].target[0].comment = "The agent includes mercury's inorganic compounds; the CAS number is elemental mercury."
* group[0].element[+].code = #manganese
* group[0].element[=].target[0].code = #7439-96-5
* group[0].element[=].target[0].display = "Manganese"
* group[0].element[=].target[0].equivalence = #narrower
* group[0].element[=].target[0].comment = "The agent includes manganese's inorganic compounds; the CAS number is elemental manganese."
* group[0].element[+].code = #cadmium
* group[0].element[=].target[0].code = #7440-43-9
* group[0].element[=].target[0].display = "Cadmium"
* group[0].element[=].target[0].equivalence = #narrower
* group[0].element[=].target[0].comment = "The agent includes cadmium's inorganic compounds; the CAS number is elemental cadmium."
* group[0].element[+].code = #benzene
* group[0].element[=].target[0].code = #71-43-2
* group[0].element[=].target[0].display = "Benzene"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #toluene
* group[0].element[=].target[0].code = #108-88-3
* group[0].element[=].target[0].display = "Toluene"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #xylene
* group[0].element[=].target[0].code = #1330-20-7
* group[0].element[=].target[0].display = "Xylene (mixed isomers)"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #n-hexane
* group[0].element[=].target[0].code = #110-54-3
* group[0].element[=].target[0].display = "n-Hexane"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #trichloroethylene
* group[0].element[=].target[0].code = #79-01-6
* group[0].element[=].target[0].display = "Trichloroethylene"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #formaldehyde
* group[0].element[=].target[0].code = #50-00-0
* group[0].element[=].target[0].display = "Formaldehyde"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #carbon-monoxide
* group[0].element[=].target[0].code = #630-08-0
* group[0].element[=].target[0].display = "Carbon monoxide"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #hydrogen-sulfide
* group[0].element[=].target[0].code = #7783-06-4
* group[0].element[=].target[0].display = "Hydrogen sulfide"
* group[0].element[=].target[0].equivalence = #equivalent
* group[0].element[+].code = #noise
* group[0].element[=].target[0].equivalence = #unmatched
* group[0].element[=].target[0].comment = "Physical factor: no CAS number."

Instance: risk-tier-to-risk-probability
InstanceOf: ConceptMap
Usage: #definition
Title: "Risk tiers to HL7 risk-probability"
Description: "A coarse mapping of WorkWell risk tiers (relative management tiers) to the HL7 risk-probability codes (absolute likelihoods), for consumers that only understand the latter."
* url = "http://workwell.health/fhir/ConceptMap/risk-tier-to-risk-probability"
* name = "RiskTierToRiskProbability"
* status = #active
* experimental = false
* publisher = "WorkWell"
* version = "0.1.0"
* sourceCanonical = "http://workwell.health/fhir/ValueSet/risk-tier"
* targetCanonical = "http://hl7.org/fhir/ValueSet/risk-probability"
* group[0].source = $ww-risk-tier
* group[0].target = $risk-probability
* group[0].element[+].code = #low
* group[0].element[=].target[0].code = #low
* group[0].element[=].target[0].equivalence = #inexact
* group[0].element[=].target[0].comment = "A management tier, not an absolute likelihood."
* group[0].element[+].code = #medium
* group[0].element[=].target[0].code = #moderate
* group[0].element[=].target[0].equivalence = #inexact
* group[0].element[=].target[0].comment = "A management tier, not an absolute likelihood."
* group[0].element[+].code = #high
* group[0].element[=].target[0].code = #high
* group[0].element[=].target[0].equivalence = #inexact
* group[0].element[=].target[0].comment = "A management tier, not an absolute likelihood."
* group[0].element[+].code = #very-high
* group[0].element[=].target[0].code = #high
* group[0].element[=].target[0].equivalence = #wider
