#!/usr/bin/env python3
"""Population $tier over an enterprise of N employees (default 10,000).

Loads an enterprise Organization with 4 departments and N employees spread over them, each with a stored
composite RiskAssessment (tiers drawn with a fixed seed: 50 % low, 30 % medium, 15 % high, 5 % very high),
one in ten with a PHQ-9 assessment and one in five with a noise exposure; then kicks off
POST Organization/{id}/$tier with Prefer: respond-async, polls the status URL until it answers 200, and
reports the wall time and patients per second. A second run on the unchanged data follows (nothing to
write). Talks only to the server given (default http://127.0.0.1:8080/fhir).

Usage: bench/population_tier.py [--base URL] [--employees N]
Start the server as for bench/risk_assess.py (same two environment variables for the token).
"""
import argparse
import json
import os
import random
import sys
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from risk_assess import WW, access_token, exposure, request  # noqa: E402

RISK_ASSESSMENT_PROFILE = "http://workwell.health/fhir/StructureDefinition/workwell-risk-assessment"
TIERS = [("low", 10, 50), ("medium", 45, 30), ("high", 70, 15), ("very-high", 90, 5)]


def assessment(patient_id, model, code_system, code, score):
    return {"resourceType": "RiskAssessment", "meta": {"profile": [RISK_ASSESSMENT_PROFILE]},
            "identifier": [{"system": "http://workwell.health/fhir/NamingSystem/risk-assessment",
                            "value": f"{patient_id}/{model}"}],
            "status": "final",
            "method": {"extension": [{"url": "http://workwell.health/fhir/StructureDefinition/model-version",
                                      "valueString": "1.0.0"}],
                       "coding": [{"system": WW + "risk-model", "code": model}]},
            "subject": {"reference": f"Patient/{patient_id}"}, "occurrenceDateTime": "2026-06-01",
            "basis": [{"reference": f"Patient/{patient_id}"}],
            "prediction": [{"extension": [{"url": "http://workwell.health/fhir/StructureDefinition/risk-score",
                                           "valueInteger": score}],
                            "qualitativeRisk": {"coding": [{"system": WW + code_system, "code": code}]}}]}


def employee_entries(patient_id, organization, rng):
    tier, score, _ = rng.choices(TIERS, weights=[w for _, _, w in TIERS])[0]
    entries = [({"resourceType": "Patient", "id": patient_id, "gender": rng.choice(["male", "female"]),
                 "birthDate": f"{rng.randint(1965, 2000)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                 "managingOrganization": {"reference": organization}}, "PUT", f"Patient/{patient_id}"),
               (assessment(patient_id, "workwell-composite", "risk-tier", tier, score), "POST", "RiskAssessment")]
    if rng.random() < 0.1:
        entries.append((assessment(patient_id, "phq-9", "psychological-severity", "mild", 7), "POST", "RiskAssessment"))
    if rng.random() < 0.2:
        entries.append((exposure(f"Patient/{patient_id}", "noise", 86, "dB[SPL]", "lex-8h", "grade-1", "2020-01-01"),
                        "POST", "Observation"))
    return entries


def wait_for(status_url):
    while True:
        req = urllib.request.Request(status_url, headers={"Authorization": "Bearer " + access_token(status_url.split("/fhir")[0] + "/fhir")})
        with urllib.request.urlopen(req, timeout=120) as response:
            if response.status == 200:
                return json.loads(response.read())
        time.sleep(0.5)


def run_tier(base, organization_id):
    req = urllib.request.Request(f"{base}/Organization/{organization_id}/$tier", method="POST",
                                 data=json.dumps({"resourceType": "Parameters"}).encode(),
                                 headers={"Content-Type": "application/fhir+json", "Prefer": "respond-async",
                                          "Authorization": "Bearer " + access_token(base)})
    started = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as response:
        status_url = response.headers["Content-Location"]
    result = wait_for(status_url)
    elapsed = time.perf_counter() - started
    counts = {p["name"]: p.get("valueInteger") for p in result["parameter"] if "valueInteger" in p}
    tiers = {part["name"]: part["valueInteger"] for p in result["parameter"] if p["name"] == "tier" for part in p.get("part", [])}
    return elapsed, counts, tiers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080/fhir")
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(20261202)
    enterprise = request("POST", f"{args.base}/Organization", {"resourceType": "Organization", "name": "Bench Co."})
    units = [f"Organization/{enterprise['id']}"]
    for name in ["Assembly", "Paint shop", "Warehouse", "Office"]:
        department = request("POST", f"{args.base}/Organization", {"resourceType": "Organization", "name": name,
                                                                    "partOf": {"reference": units[0]}})
        units.append(f"Organization/{department['id']}")
    t0 = time.perf_counter()
    batch = []
    for i in range(args.employees):
        batch.extend(employee_entries(str(uuid.UUID(int=rng.getrandbits(128), version=4)), units[i % len(units)], rng))
        if len(batch) >= 500 or i == args.employees - 1:
            request("POST", args.base, {"resourceType": "Bundle", "type": "transaction", "entry": [
                {"resource": r, "request": {"method": m, "url": u}} for r, m, u in batch]})
            batch = []
    print(f"loaded {args.employees} employees with their assessments in {time.perf_counter() - t0:.1f} s")
    for label in ["first run (plans written)", "second run (unchanged)"]:
        elapsed, counts, tiers = run_tier(args.base, enterprise["id"])
        print(f"{label}: {counts.get('processed')} of {counts.get('total')} employees in {elapsed:.1f} s "
              f"({counts.get('processed', 0) / elapsed:.0f}/s); skipped {counts.get('skipped')}, failed {counts.get('failed')}; "
              f"tiers {tiers}")


if __name__ == "__main__":
    main()
