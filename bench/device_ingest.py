#!/usr/bin/env python3
"""Sustained ingest of device Observations in transaction Bundles of 100, on PostgreSQL.

Runs the packaged server twice in one run, each time on a fresh PostgreSQL database:
  1. WorkWell as shipped: every reading validated against its IG profile, plausibility checks and alert rules on;
  2. the same jar with validation and WorkWell's device rules off (--workwell.conformance.validate-writes=false
     --workwell.devices.rules-enabled=false): HAPI storing the same Bundles and nothing more.
Each run registers P patients with a blood-pressure cuff and a wristband, warms up, then C concurrent clients
post B transaction Bundles of 100 readings (10 patients x 10 readings: blood pressure, heart rate, SpO2; each a
conditional create on its identifier, as gateways send them). Reports readings per second, latency per Bundle
(median, p95, p99) and heap used after a full GC, and the ratio between the two runs.

Usage: bench/device_ingest.py [--jar target/workwell-fhir-server.jar] [--bundles 150] [--clients 4]
       [--patients 200] [--pg postgresql://postgres@127.0.0.1:5432] [--only full|stock]
Needs: java, psql/createdb/dropdb on the PATH, a PostgreSQL the user may create databases on.
"""
import argparse
import base64
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

CLIENT, SECRET = "bench", "bench-secret"
PORT = 18091
LOINC, UCUM = "http://loinc.org", "http://unitsofmeasure.org"
READING_ID = "http://workwell.health/fhir/sid/device-reading"


class Server:
    def __init__(self, jar, database, pg, extra):
        self.base = f"http://127.0.0.1:{PORT}/fhir"
        self.database, self.pg = database, pg
        subprocess.run(["createdb", "-h", pg.hostname, "-p", str(pg.port or 5432), "-U", pg.username or "postgres", database], check=True)
        env = dict(os.environ, SPRING_PROFILES_ACTIVE="postgres", WORKWELL_SECURITY_ISSUER=f"http://127.0.0.1:{PORT}",
                   WORKWELL_DB_URL=f"jdbc:postgresql://{pg.hostname}:{pg.port or 5432}/{database}",
                   WORKWELL_DB_USER=pg.username or "postgres", WORKWELL_DB_PASSWORD=pg.password or "",
                   WORKWELL_ADMIN_CLIENT_ID=CLIENT, WORKWELL_ADMIN_CLIENT_SECRET=SECRET)
        self.data = tempfile.mkdtemp(prefix="ww-bench-")
        self.log = open(os.path.join(self.data, "server.log"), "w")
        self.process = subprocess.Popen(["java", "-Xmx2g", "-jar", jar, f"--server.port={PORT}",
                                         f"--workwell.data-dir={self.data}"] + extra,
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.token, self.renew = None, 0

    def ready(self):
        started = time.time()
        while True:
            try:
                urllib.request.urlopen(self.base + "/metadata", timeout=60)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if self.process.poll() is not None:
                    sys.exit("server died; see " + self.log.name)
                time.sleep(0.5)
        print(f"  server up in {time.time() - started:.1f} s", flush=True)

    def bearer(self):
        if time.time() > self.renew:
            req = urllib.request.Request(self.base.rsplit("/fhir", 1)[0] + "/oauth2/token", method="POST",
                                         data=urllib.parse.urlencode({"grant_type": "client_credentials",
                                                                      "scope": "system/*.cruds"}).encode(),
                                         headers={"Authorization": "Basic " + base64.b64encode(f"{CLIENT}:{SECRET}".encode()).decode(),
                                                  "Content-Type": "application/x-www-form-urlencoded"})
            body = json.loads(urllib.request.urlopen(req, timeout=30).read())
            self.token, self.renew = body["access_token"], time.time() + body["expires_in"] - 60
        return "Bearer " + self.token

    def post(self, path, body_bytes):
        req = urllib.request.Request(self.base + path, data=body_bytes, method="POST",
                                     headers={"Content-Type": "application/fhir+json", "Authorization": self.bearer()})
        with urllib.request.urlopen(req, timeout=300) as response:
            return json.loads(response.read())

    def heap_after_gc(self):
        subprocess.run(["jcmd", str(self.process.pid), "GC.run"], capture_output=True)
        info = subprocess.run(["jcmd", str(self.process.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        for line in info.splitlines():
            words = line.split()
            if "used" in words:
                return words[words.index("used") + 1]
        return "?"

    def stop(self):
        self.process.terminate()
        self.process.wait(60)
        self.log.close()
        subprocess.run(["dropdb", "-h", self.pg.hostname, "-p", str(self.pg.port or 5432), "-U", self.pg.username or "postgres",
                        "--if-exists", self.database], check=False)


def device(kind, patient):
    serial = f"{kind}-{uuid.uuid4()}"
    return {"resourceType": "Device", "identifier": [{"system": "http://example-vendor.com/fhir/sid/serial", "value": serial}],
            "status": "active", "manufacturer": "Example Medical Devices Co.", "serialNumber": serial,
            "type": {"coding": [{"system": "http://workwell.health/fhir/CodeSystem/device-type", "code": kind}]},
            "patient": {"reference": f"Patient/{patient}"}}


def reading(patient, dev, code, when, category="vital-signs"):
    return {"resourceType": "Observation", "status": "final",
            "identifier": [{"system": READING_ID, "value": f"{dev}-{patient}-{code}-{when.replace(':', '').replace('-', '').replace('+', '')}"}],
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": category}]}],
            "code": {"coding": [{"system": LOINC, "code": code}]},
            "subject": {"reference": f"Patient/{patient}"}, "device": {"reference": f"Device/{dev}"},
            "effectiveDateTime": when}


def qty(value, code):
    return {"value": value, "system": UCUM, "code": code, "unit": code}


def readings_for(patient, cuff, band, rng, minute):
    day, hour = 1 + (minute // 1440) % 28, (minute // 60) % 24
    when = f"2026-10-{day:02d}T{hour:02d}:{minute % 60:02d}:00+08:00"
    kind = rng.random()
    if kind < 0.3:
        r = reading(patient, cuff, "85354-9", when)
        r["component"] = [{"code": {"coding": [{"system": LOINC, "code": "8480-6"}]}, "valueQuantity": qty(rng.randint(105, 150), "mm[Hg]")},
                          {"code": {"coding": [{"system": LOINC, "code": "8462-4"}]}, "valueQuantity": qty(rng.randint(65, 95), "mm[Hg]")}]
    elif kind < 0.8:
        r = reading(patient, band, "8867-4", when)
        r["valueQuantity"] = qty(rng.randint(55, 110), "/min")
    else:
        r = reading(patient, band, "2708-6", when)
        r["code"]["coding"].append({"system": LOINC, "code": "59408-5"})
        r["valueQuantity"] = qty(rng.randint(92, 100), "%")
    return r


def transaction(observations):
    return {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": o,
         "request": {"method": "POST", "url": "Observation",
                     "ifNoneExist": "identifier=" + urllib.parse.quote(READING_ID + "|" + o["identifier"][0]["value"])}}
        for o in observations]}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(label, jar, pg, extra, args):
    print(f"{label}: starting", flush=True)
    server = Server(jar, f"ww_bench_{uuid.uuid4().hex[:8]}", pg, extra)
    try:
        server.ready()
        rng = random.Random(7)
        people = []
        for _ in range(args.patients // 50):
            batch = {"resourceType": "Bundle", "type": "transaction", "entry": []}
            chunk = []
            for _ in range(50):
                pid = str(uuid.uuid4())
                cuff, band = str(uuid.uuid4()), str(uuid.uuid4())
                batch["entry"].append({"resource": {"resourceType": "Patient", "id": pid, "gender": "female"},
                                       "request": {"method": "PUT", "url": f"Patient/{pid}"}})
                for dev_id, kind in ((cuff, "bp-monitor"), (band, "fitness-band")):
                    d = device(kind, pid)
                    d["id"] = dev_id
                    batch["entry"].append({"resource": d, "request": {"method": "PUT", "url": f"Device/{dev_id}"}})
                chunk.append((pid, cuff, band))
            server.post("", json.dumps(batch).encode())
            people.extend(chunk)
        total = args.bundles + args.warmup
        minute = 0
        bodies = []
        for _ in range(total):
            observations = []
            for patient, cuff, band in rng.sample(people, 10):
                for _ in range(10):
                    minute += 1
                    observations.append(readings_for(patient, cuff, band, rng, minute))
            bodies.append(json.dumps(transaction(observations)).encode())
        for body in bodies[:args.warmup]:
            server.post("", body)
        latencies, lock = [], threading.Lock()

        def send(body):
            started = time.perf_counter()
            server.post("", body)
            with lock:
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(send, bodies[args.warmup:]))
        elapsed = time.perf_counter() - started
        rate = args.bundles * 100 / elapsed
        result = {"label": label, "readings_per_s": rate, "median_ms": statistics.median(latencies) * 1000,
                  "p95_ms": percentile(latencies, 95) * 1000, "p99_ms": percentile(latencies, 99) * 1000,
                  "heap": server.heap_after_gc(), "elapsed_s": elapsed}
        print(f"{label}: {args.bundles} Bundles x 100 readings, {args.clients} clients: {rate:.0f} readings/s; "
              f"per Bundle median {result['median_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms; "
              f"heap after GC {result['heap']}", flush=True)
        return result
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default="target/workwell-fhir-server.jar")
    parser.add_argument("--bundles", type=int, default=150)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--only", choices=["full", "stock"])
    args = parser.parse_args()
    pg = urllib.parse.urlparse(args.pg)
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    results = []
    if args.only in (None, "full"):
        results.append(run("validation + device rules", args.jar, pg, [], args))
    if args.only in (None, "stock"):
        results.append(run("no validation, no device rules", args.jar, pg,
                           ["--workwell.conformance.validate-writes=false", "--workwell.devices.rules-enabled=false"], args))
    if len(results) == 2:
        print(f"ratio (full / stock throughput): {results[0]['readings_per_s'] / results[1]['readings_per_s']:.2f}")


if __name__ == "__main__":
    main()
