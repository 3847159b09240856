#!/usr/bin/env python3
"""$risk-assess latency on a patient with five years of records.

Loads one patient with ~2,000 Observations (daily heart rate, weekly blood pressure and weight, lipids,
BMI, waist, smoking status), 10 PHQ-9 QuestionnaireResponses, a Condition and 3 occupational exposures
(noise, silica dust, an ended benzene exposure) with a periodic exam, then calls
POST Patient/{id}/$risk-assess (persist=false, and persist=true) sequentially and reports latency
percentiles and throughput. Talks only to the server given (default http://127.0.0.1:8080/fhir).

Usage: bench/risk_assess.py [--base URL] [--calls N]
Start the server first with a bootstrap administrator client, e.g.
  WORKWELL_ADMIN_CLIENT_ID=bench WORKWELL_ADMIN_CLIENT_SECRET=... SPRING_PROFILES_ACTIVE=postgres WORKWELL_SECURITY_ISSUER=http://127.0.0.1:8080 ... java -jar target/workwell-fhir-server.jar
and run this script with the same two environment variables (it gets its access token from the server).
"""
import argparse
import datetime
import json
import statistics
import base64
import os
import time
import urllib.parse
import urllib.request
import uuid

LOINC = "http://loinc.org"


TOKEN = {"value": None, "renew_after": 0.0}


def access_token(base):
    """A system/*.cruds token of the bootstrap administrator client (WORKWELL_ADMIN_CLIENT_ID/_SECRET)."""
    if TOKEN["value"] and time.time() < TOKEN["renew_after"]:
        return TOKEN["value"]
    client = os.environ["WORKWELL_ADMIN_CLIENT_ID"] + ":" + os.environ["WORKWELL_ADMIN_CLIENT_SECRET"]
    req = urllib.request.Request(base.rsplit("/fhir", 1)[0] + "/oauth2/token", method="POST",
                                 data=urllib.parse.urlencode({"grant_type": "client_credentials",
                                                              "scope": "system/*.cruds"}).encode(),
                                 headers={"Authorization": "Basic " + base64.b64encode(client.encode()).decode(),
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=30) as response:
        token = json.loads(response.read())
    TOKEN.update(value=token["access_token"], renew_after=time.time() + token["expires_in"] - 30)
    return TOKEN["value"]


def request(method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/fhir+json", "Accept": "application/fhir+json",
                                          "Authorization": "Bearer " + access_token(url.split("/fhir")[0] + "/fhir")})
    with urllib.request.urlopen(req, timeout=120) as response:
        return json.loads(response.read() or b"{}")


def quantity_obs(patient, code, value, unit, when):
    return {"resourceType": "Observation", "status": "final",
            "code": {"coding": [{"system": LOINC, "code": code}]},
            "subject": {"reference": patient}, "effectiveDateTime": when,
            "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit}}


def record(patient, start):
    resources = []
    for day in range(5 * 365):
        when = (start + datetime.timedelta(days=day)).isoformat() + "T08:00:00Z"
        if day % 5 != 4:
            resources.append(quantity_obs(patient, "8867-4", 60 + day % 20, "/min", when))
        if day % 7 == 0:
            bp = quantity_obs(patient, "85354-9", 0, "mm[Hg]", when)
            del bp["valueQuantity"]
            bp["component"] = [
                {"code": {"coding": [{"system": LOINC, "code": "8480-6"}]},
                 "valueQuantity": {"value": 120 + day % 25, "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                {"code": {"coding": [{"system": LOINC, "code": "8462-4"}]},
                 "valueQuantity": {"value": 75 + day % 10, "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]
            resources.append(bp)
            resources.append(quantity_obs(patient, "29463-7", 70 + day % 5, "kg", when))
        if day % 90 == 0:
            resources.append(quantity_obs(patient, "2093-3", 190 + day % 30, "mg/dL", when))
            resources.append(quantity_obs(patient, "2085-9", 50, "mg/dL", when))
            resources.append(quantity_obs(patient, "39156-5", 24.2, "kg/m2", when))
            resources.append(quantity_obs(patient, "8280-0", 86, "cm", when))
            resources.append(quantity_obs(patient, "82290-8", 120 + day % 60, "min/wk", when))
        if day % 180 == 0:
            phq = {"resourceType": "QuestionnaireResponse", "status": "completed", "subject": {"reference": patient},
                   "authored": when, "item": [{"linkId": code, "answer": [{"valueCoding": {"system": LOINC, "code": "LA6569-3"}}]}
                                              for code in ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
                                                           "44258-2", "44252-5", "44253-3"]]
                   + [{"linkId": "44260-8", "answer": [{"valueCoding": {"system": LOINC, "code": "LA6568-5"}}]}]}
            resources.append(phq)
    resources.append({"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": LOINC, "code": "72166-2"}]},
                      "subject": {"reference": patient}, "effectiveDateTime": start.isoformat(),
                      "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "266919005"}]}})
    resources.append({"resourceType": "Condition", "subject": {"reference": patient},
                      "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                      "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I10"}]}})
    resources.extend(occupational(patient, start))
    return resources


WW = "http://workwell.health/fhir/CodeSystem/"


def exposure(patient, hazard, value, unit, metric, grade, start, end=None):
    resource = {"resourceType": "Observation", "status": "final",
                "meta": {"profile": ["http://workwell.health/fhir/StructureDefinition/workwell-occupational-exposure"]},
                "category": [{"coding": [{"system": WW + "observation-category", "code": "occupational-exposure"}]}],
                "code": {"coding": [{"system": WW + "hazard-agent", "code": hazard}]},
                "subject": {"reference": patient}, "effectivePeriod": {"start": start},
                "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
                "method": {"coding": [{"system": WW + "exposure-metric", "code": metric}]}}
    if end:
        resource["effectivePeriod"]["end"] = end
    if grade:
        resource["component"] = [{"code": {"coding": [{"system": WW + "observation-code", "code": "exposure-grade"}]},
                                  "valueCodeableConcept": {"coding": [{"system": WW + "exposure-grade", "code": grade}]}}]
    return resource


def occupational(patient, start):
    """Three exposures as the issue's benchmark record has them, and last year's noise exam."""
    return [exposure(patient, "noise", 88, "dB[SPL]", "lex-8h", "grade-1", start.isoformat()),
            exposure(patient, "silica-dust", 0.9, "mg/m3", "twa-8h", "grade-2", start.isoformat()),
            exposure(patient, "benzene", 2.4, "mg/m3", "twa-8h", None, start.isoformat(), (start + datetime.timedelta(days=700)).isoformat()),
            {"resourceType": "Encounter", "status": "finished",
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
             "type": [{"coding": [{"system": WW + "exam-type", "code": "periodic"}]}],
             "subject": {"reference": patient}, "period": {"start": (start + datetime.timedelta(days=1500)).isoformat()},
             "reasonCode": [{"coding": [{"system": WW + "hazard-agent", "code": "noise"}]}]}]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(base, patient_id, calls, persist):
    body = {"resourceType": "Parameters", "parameter": [{"name": "persist", "valueBoolean": persist}]}
    url = f"{base}/Patient/{patient_id}/$risk-assess"
    for _ in range(10):
        request("POST", url, body)
    latencies = []
    started = time.perf_counter()
    for _ in range(calls):
        t0 = time.perf_counter()
        result = request("POST", url, body)
        latencies.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    models = sum(1 for e in result.get("entry", []) if e["resource"]["resourceType"] == "RiskAssessment")
    print(f"persist={str(persist).lower():5}  calls {calls}  models/call {models}  "
          f"median {statistics.median(latencies):.1f} ms  p95 {percentile(latencies, 95):.1f} ms  "
          f"p99 {percentile(latencies, 99):.1f} ms  max {max(latencies):.1f} ms  throughput {calls / elapsed:.1f}/s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080/fhir")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--patient", help="measure on this already loaded patient id instead of loading a new one")
    args = parser.parse_args()
    if args.patient:
        measure(args.base, args.patient, args.calls, False)
        return
    patient = request("POST", f"{args.base}/Patient", {
        "resourceType": "Patient", "gender": "male", "birthDate": "1975-04-02",
        "identifier": [{"system": "urn:workwell:bench", "value": str(uuid.uuid4())}],
        "address": [{"state": "Beijing", "extension": [
            {"url": "http://workwell.health/fhir/StructureDefinition/address-urban", "valueBoolean": True}]}]})
    patient_ref = f"Patient/{patient['id']}"
    resources = record(patient_ref, datetime.date(2021, 6, 1))
    t0 = time.perf_counter()
    for i in range(0, len(resources), 100):
        request("POST", args.base, {"resourceType": "Bundle", "type": "transaction", "entry": [
            {"resource": r, "request": {"method": "POST", "url": r["resourceType"]}} for r in resources[i:i + 100]]})
    observations = sum(1 for r in resources if r["resourceType"] == "Observation")
    print(f"loaded {len(resources)} resources ({observations} Observations) in {time.perf_counter() - t0:.1f} s; "
          f"patient {patient['id']}")
    measure(args.base, patient["id"], args.calls, False)
    measure(args.base, patient["id"], max(20, args.calls // 5), True)


if __name__ == "__main__":
    main()
