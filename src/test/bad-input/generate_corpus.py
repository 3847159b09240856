#!/usr/bin/env python3
"""Writes src/test/resources/bad-input/corpus.jsonl: the bad requests BadInputCorpusIT replays (issue 16).

Deterministic (no randomness): run it again after changing a case and commit both files.
  python3 src/test/bad-input/generate_corpus.py

One JSON object a line: class (what kind of bad input), name, method, path (below /fhir; "{patient}" is replaced
by a stored Patient's id), optional headers, body (text) or body_base64 (bytes), and expect:
  "4xx"     a 4xx with an OperationOutcome, and nothing stored;
  "not-5xx" any answer but a 5xx (e.g. a search whose odd value is still a valid string: 200 with nothing found);
  "4xx-any" a 4xx that the servlet container gives before the application sees the request (its own body).
A "repeat" {unit, times} makes the replay write unit that many times where the body says "@@REPEAT@@".
Every body carries the marker family/identifier "BadCorpus", so the replay can check that nothing was stored.
"""
import base64
import gzip
import json
import os

MARK = "BadCorpus"
cases = []


def case(cls, name, method, path, body=None, content_type="application/fhir+json", expect="4xx", headers=None,
         raw=None, repeat=None):
    c = {"class": cls, "name": name, "method": method, "path": path, "expect": expect}
    if repeat:  # (unit, times): the body's "@@REPEAT@@" stands for unit written times times, to keep the file small
        c["repeat"] = {"unit": repeat[0], "times": repeat[1]}
    h = dict(headers or {})
    if body is not None or raw is not None:
        h.setdefault("Content-Type", content_type)
    if h:
        c["headers"] = h
    if raw is not None:
        c["body_base64"] = base64.b64encode(raw).decode()
    elif body is not None:
        c["body"] = body
    cases.append(c)


PATIENT = {"resourceType": "Patient", "identifier": [{"system": "urn:workwell:bad-corpus", "value": MARK}],
           "active": True, "name": [{"family": MARK, "given": ["Test"]}], "gender": "female",
           "birthDate": "1990-03-07"}
OBSERVATION = {"resourceType": "Observation", "identifier": [{"system": "urn:workwell:bad-corpus", "value": MARK}],
               "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
               "subject": {"reference": "Patient/{patient}"}, "effectiveDateTime": "2026-01-01T08:00:00Z",
               "valueQuantity": {"value": 70.5, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"}}
BUNDLE = {"resourceType": "Bundle", "type": "transaction", "entry": [
    {"fullUrl": "urn:uuid:6f1c0e52-0000-4000-8000-000000000001", "resource": PATIENT,
     "request": {"method": "POST", "url": "Patient"}},
    {"fullUrl": "urn:uuid:6f1c0e52-0000-4000-8000-000000000002", "resource": dict(OBSERVATION, subject={
        "reference": "urn:uuid:6f1c0e52-0000-4000-8000-000000000001"}), "request": {"method": "POST", "url": "Observation"}}]}


def j(resource):
    return json.dumps(resource, ensure_ascii=False)


# 1. truncated JSON: every resource cut at 40 places
for label, resource, path in (("Patient", PATIENT, "/Patient"), ("Observation", OBSERVATION, "/Observation"),
                              ("transaction", BUNDLE, "")):
    text = j(resource)
    for i in range(40):
        cut = 1 + (len(text) - 2) * i // 40
        case("truncated-json", f"{label} cut at {cut} of {len(text)}", "POST", path, text[:cut])

# 2. malformed JSON, hand-written
for name, body in [
        ("empty body", ""), ("whitespace only", "   \n"), ("a JSON array", "[]"), ("a JSON string", "\"Patient\""),
        ("null", "null"), ("trailing comma", j(PATIENT)[:-1] + ",}"), ("single quotes as keys",
        "{'resourceType':'Patient'}"), ("comment", "{/* x */\"resourceType\":\"Patient\"}"),
        ("two objects", j(PATIENT) + j(PATIENT)), ("unquoted key", "{resourceType:\"Patient\"}"),
        ("NaN literal", j(OBSERVATION).replace("70.5", "NaN")), ("Infinity literal", j(OBSERVATION).replace("70.5", "Infinity")),
        ("missing resourceType", j({k: v for k, v in PATIENT.items() if k != "resourceType"})),
        ("resourceType null", j(dict(PATIENT, resourceType=None))), ("resourceType number", j(dict(PATIENT, resourceType=7))),
        ("unknown resourceType", j(dict(PATIENT, resourceType="Employee"))),
        ("property given twice", j(PATIENT)[:-1] + ",\"gender\":\"male\"}"),
        ("empty array", j(dict(PATIENT, identifier=[]))), ("empty object", j(dict(PATIENT, name=[{}]))),
        ("null in array", j(dict(PATIENT, name=[None]))), ("unknown element", j(dict(PATIENT, shoeSize=44))),
        ("BOM then text", "\ufeff\ufeff" + j(PATIENT)), ("control character in string", j(PATIENT).replace("Test", "Te\u0001st"))]:
    case("malformed-json", name, "POST", "/Patient", body)

# 3. wrong types and values per element
WRONG = {
    "birthDate": [19900307, "1990-13-01", "1990-02-30", "03/07/1990", "", "1990-03-07T25:00:00Z", ["1990-03-07"], {"v": 1}],
    "active": ["yes", 1, "true", None, [True]],
    "gender": ["F", "woman", "", 1, ["female"]],
    "name": ["Zhang Wei", 1, {"family": MARK}, [{"family": 1}], [{"given": "Test"}], [{"use": "nickname-ish"}]],
    "identifier": ["BadCorpus", [{"system": 1}], [{"value": ["x"]}]],
    "telecom": [[{"system": "pigeon", "value": "x"}], "13800138000"],
    "deceasedBoolean": ["no"], "multipleBirthInteger": ["two", 1.5],
    "address": [[{"period": {"start": "tomorrow"}}]],
}
for element, values in WRONG.items():
    for value in values:
        case("wrong-type", f"Patient.{element} = {json.dumps(value)}", "POST", "/Patient", j(dict(PATIENT, **{element: value})))
OBS_WRONG = {
    "status": ["done", "", 3], "valueQuantity": ["70.5 kg", {"value": "70.5"}, {"value": True}],
    "effectiveDateTime": ["yesterday", "2026-02-30T00:00:00Z", 1767225600], "subject": ["Patient/1", {"reference": 5}],
    "code": ["29463-7", {"coding": "29463-7"}],
}
for element, values in OBS_WRONG.items():
    for value in values:
        case("wrong-type", f"Observation.{element} = {json.dumps(value)}", "POST", "/Observation", j(dict(OBSERVATION, **{element: value})))

# 4. huge numbers and strings
for value in ["1e400", "-1e400", "1e-400", "0.000000000000000000000000000000000001e-300",
              "1" * 5000]:
    case("huge-number", f"valueQuantity.value {value[:40]}", "POST", "/Observation",
         j(OBSERVATION).replace("70.5", value))
case("huge-number", "multipleBirthInteger over int", "POST", "/Patient", j(PATIENT)[:-1] + ",\"multipleBirthInteger\":99999999999}")
case("huge-string", "id of 100 characters in the URL", "PUT", "/Patient/" + "a" * 100, j(dict(PATIENT, id="a" * 100)))
case("huge-string", "id of 65 characters", "PUT", "/Patient/" + "b" * 65, j(dict(PATIENT, id="b" * 65)))
case("huge-string", "body over the size limit (21 MB)", "POST", "/Patient",
     j(PATIENT).replace("\"Test\"", "\"@@REPEAT@@\""), repeat=("x", 21 * 1024 * 1024))
case("huge-string", "a 30,000-character search value", "GET", "/Patient?family=" + "y" * 30000, expect="not-5xx")

# 5. deep nesting
for depth in (120, 1000, 20000):
    nest = "[" * depth + "]" * depth
    case("deep-nesting", f"arrays {depth} deep", "POST", "/Patient", j(PATIENT)[:-1] + ",\"extension\":" + nest + "}")
for depth in (60, 200, 5000):
    ext = "{\"url\":\"http://example.org/leaf\",\"valueString\":\"x\"}"
    for i in range(depth):
        ext = "{\"url\":\"http://example.org/n\",\"extension\":[" + ext + "]}"
    case("deep-nesting", f"extensions {depth} deep", "POST", "/Patient", j(PATIENT)[:-1] + ",\"extension\":[" + ext + "]}")

# 6. encodings: invalid UTF-8, lone surrogates, UTF-16 surprises
valid = j(PATIENT).encode()
for name, raw in [("0xFF byte", b"\xff"), ("overlong slash", b"\xc0\xaf"), ("truncated 3-byte sequence", b"\xe6\x97"),
                  ("surrogate encoded in UTF-8 (CESU)", b"\xed\xa0\x80"), ("code point above U+10FFFF", b"\xf4\x90\x80\x80"),
                  ("NUL byte", b"\x00"), ("continuation byte alone", b"\x80")]:
    case("invalid-utf8", name + " in a string", "POST", "/Patient", raw=valid.replace(b"Test", b"Te" + raw + b"st"))
    case("invalid-utf8", name + " in XML", "POST", "/Patient", content_type="application/fhir+xml",
         raw=b"<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + MARK.encode() + b"\"/><given value=\"Te"
             + raw + b"st\"/></name></Patient>")
for escaped in ["\\ud800", "\\udfff", "\\ud800\\ud800", "x\\udc00"]:
    case("lone-surrogate", f"escaped {escaped}", "POST", "/Patient", j(PATIENT).replace("Test", escaped))
case("utf16", "UTF-16LE body labelled UTF-8", "POST", "/Patient", raw=j(PATIENT).encode("utf-16-le"))
case("utf16", "UTF-16BE body with BOM, no charset", "POST", "/Patient", raw=b"\xfe\xff" + j(PATIENT).encode("utf-16-be"),
     expect="not-5xx")
case("utf16", "UTF-32 body", "POST", "/Patient", raw=j(PATIENT).encode("utf-32"))

# 7. compressed bombs and broken compression
bomb = gzip.compress(b"{\"resourceType\":\"Patient\",\"text\":{\"div\":\"" + b"0" * (30 * 1024 * 1024) + b"\"}}", 9, mtime=0)
case("compressed", "gzip bomb expanding to 30 MB", "POST", "/Patient", raw=bomb, headers={"Content-Encoding": "gzip"})
ratio = gzip.compress(valid[:-1] + b",\"text\":{\"status\":\"generated\",\"div\":\"" + b" " * (2 * 1024 * 1024) + b"\"}}", 9, mtime=0)
case("compressed", "gzip expanding 1000-fold below the size limit", "POST", "/Patient", raw=ratio, headers={"Content-Encoding": "gzip"})
case("compressed", "not gzip at all", "POST", "/Patient", raw=valid, headers={"Content-Encoding": "gzip"})
case("compressed", "truncated gzip", "POST", "/Patient", raw=gzip.compress(valid, mtime=0)[:20], headers={"Content-Encoding": "gzip"})
case("compressed", "unknown encoding", "POST", "/Patient", raw=valid, headers={"Content-Encoding": "br"})

# 8. injection attempts in search parameters (valid strings: any answer but a 5xx; never more than the marker finds)
INJECT = ["' OR '1'='1", "'; DROP TABLE hfj_resource;--", "\" OR 1=1 --", "%00", "%27%20OR%201=1", "../../etc/passwd",
          "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "{{7*7}}", "%ZZ", "\\", "*", "%", "_", "a%25",
          "😀", "%F0%9F%98%80", "x|y|z", "a,b,c,,,,", "$"]
for value in INJECT:
    quoted = value if value.startswith("%") else "".join(c if c.isalnum() else "%%%02X" % ord(c) if ord(c) < 128 else c for c in value)
    for param in ("family", "identifier", "name", "_id", "_content", "birthdate", "_lastUpdated", "gender", "_text"):
        expect = "not-5xx"
        case("search-injection", f"Patient?{param}={value}", "GET", f"/Patient?{param}={quoted}", expect=expect)
for param, value in [("_sort", "hfj_resource"), ("_sort", "-family;DROP"), ("_count", "-1"), ("_count", "1e9"),
                     ("_count", "abc"), ("_include", "Patient:*;x"), ("_include", "*"), ("_revinclude", "Observation:nope"),
                     ("_elements", "name,,,("), ("_summary", "nope"), ("_total", "nope"), ("_format", "text/evil"),
                     ("birthdate", "gt2020-13-45"), ("birthdate", "xx1990"), ("_lastUpdated", "ge"), ("_id:nope", "1"),
                     ("family:exact:exact", "x"), ("_has:Observation", "x"), ("_has:Observation:subject:nope", "1"),
                     ("general-practitioner.name.x.y", "z"), ("_filter", "family eq x"), ("_query", "nope"),
                     ("_security", "http://terminology.hl7.org/CodeSystem/v3-ActCode|MH"), ("_offset", "-5")]:
    case("search-parameter", f"Patient?{param}={value}", "GET", f"/Patient?{param}={value}", expect="not-5xx")

# 9. ids and paths
# Tomcat itself refuses an encoded slash, a NUL and a ".." segment before any servlet runs (400, its own page)
for path in ["/Patient/..%2F..%2Fadmin", "/Patient/%00", "/..%2Fadmin/users", "/%2e%2e/admin/users", "/Patient/%2e%2e"]:
    case("ids-and-paths", path, "GET", path, expect="4xx-any")
for path in ["/Patient/a'b", "/Patient/a%20b",
             "/Patient/" + "9" * 40, "/Patient/-1", "/Patient/a/_history/abc", "/Patient/a/_history/-1",
             "/Patient/%E2%80%AE", "/Patient/{patient}/_history/99999999999999999999", "/Patient/a.b.c",
             "/Patient/$nope", "/$nope", "/Patient/{patient}/$nope", "/Nope/1", "/Patient/1/Observation/2/x"]:
    case("ids-and-paths", path, "GET", path, expect="4xx")
case("ids-and-paths", "DELETE with no id", "DELETE", "/Patient", expect="4xx")
case("ids-and-paths", "PUT with an id that differs from the body's", "PUT", "/Patient/one", j(dict(PATIENT, id="two")))
case("ids-and-paths", "PUT without an id in the body", "PUT", "/Patient/bad-corpus-put", j(PATIENT))
case("ids-and-paths", "PUT with an invalid id", "PUT", "/Patient/a$b", j(dict(PATIENT, id="a$b")))
case("ids-and-paths", "POST to an instance", "POST", "/Patient/{patient}", j(PATIENT))
case("ids-and-paths", "body of another type than the URL", "POST", "/Observation", j(PATIENT))

# 10. references to nowhere
for ref in ["Patient/does-not-exist-bad-corpus", "Nope/1", "Patient/", "http://127.0.0.1:9/fhir/Patient/1", "#contained-missing",
            "urn:uuid:6f1c0e52-dead-4000-8000-000000000009"]:
    case("dangling-reference", f"Observation.subject = {ref}", "POST", "/Observation", j(dict(OBSERVATION, subject={"reference": ref})))

# 11. transactions with conflicting ids and bad entries
def bundle(entries, type_="transaction"):
    return j({"resourceType": "Bundle", "type": type_, "entry": entries})


P = dict(PATIENT)
dup = "urn:uuid:6f1c0e52-0000-4000-8000-0000000000aa"
for name, body in [
        ("two entries with the same fullUrl", bundle([{"fullUrl": dup, "resource": P, "request": {"method": "POST", "url": "Patient"}},
                                                      {"fullUrl": dup, "resource": P, "request": {"method": "POST", "url": "Patient"}}])),
        ("PUT entry whose id differs from its URL", bundle([{"resource": dict(P, id="x1"), "request": {"method": "PUT", "url": "Patient/x2"}}])),
        ("two PUTs of the same id", bundle([{"resource": dict(P, id="same"), "request": {"method": "PUT", "url": "Patient/same"}},
                                            {"resource": dict(P, id="same"), "request": {"method": "PUT", "url": "Patient/same"}}])),
        ("entry without request", bundle([{"resource": P}])),
        ("entry with an unknown method", bundle([{"resource": P, "request": {"method": "FETCH", "url": "Patient"}}])),
        ("entry URL of another type", bundle([{"resource": P, "request": {"method": "POST", "url": "Observation"}}])),
        ("entry URL empty", bundle([{"resource": P, "request": {"method": "POST", "url": ""}}])),
        ("entry URL absolute to another server", bundle([{"resource": P, "request": {"method": "POST", "url": "http://127.0.0.1:9/Patient"}}])),
        ("reference to a fullUrl not in the bundle", bundle([{"fullUrl": dup, "resource": dict(OBSERVATION, subject={
            "reference": "urn:uuid:6f1c0e52-0000-4000-8000-0000000000bb"}), "request": {"method": "POST", "url": "Observation"}}])),
        ("bundle type searchset posted", bundle([{"resource": P}], "searchset")),
        ("bundle type unknown", bundle([{"resource": P, "request": {"method": "POST", "url": "Patient"}}], "nope")),
        ("one good entry and one broken", bundle([{"resource": P, "request": {"method": "POST", "url": "Patient"}},
                                                  {"resource": dict(P, birthDate="1990-13-01"), "request": {"method": "POST", "url": "Patient"}}])),
        ("DELETE of a missing type", bundle([{"request": {"method": "DELETE", "url": "Nope/1"}}])),
        ("conditional create with a bad condition", bundle([{"resource": P, "request": {"method": "POST", "url": "Patient",
                                                                                        "ifNoneExist": "nope=1"}}])),
        ]:
    case("transaction", name, "POST", "", body)
basic = j({"resource": {"resourceType": "Basic", "code": {"text": MARK}}, "request": {"method": "POST", "url": "Basic"}})
case("transaction", "transaction of 10,001 entries", "POST", "",
     j({"resourceType": "Bundle", "type": "transaction", "entry": []}).replace("[]", "[" + basic + "@@REPEAT@@]"),
     repeat=("," + basic, 10000))

# 12. wrong content types
for ctype in ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
              "application/octet-stream", "image/png", "application/fhir+json; charset=nope", "application/json-patch+json"]:
    case("content-type", f"Patient JSON sent as {ctype}", "POST", "/Patient", j(PATIENT), content_type=ctype)
case("content-type", "JSON labelled as FHIR XML", "POST", "/Patient", j(PATIENT), content_type="application/fhir+xml")
case("content-type", "XML labelled as FHIR JSON", "POST", "/Patient",
     "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"BadCorpus\"/></name></Patient>")

# 13. malformed XML
XML = ("<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"urn:workwell:bad-corpus\"/><value value=\"BadCorpus\"/>"
       "</identifier><name><family value=\"BadCorpus\"/></name><birthDate value=\"1990-03-07\"/></Patient>")
for i in range(20):
    cut = 1 + (len(XML) - 2) * i // 20
    case("malformed-xml", f"Patient XML cut at {cut}", "POST", "/Patient", XML[:cut], content_type="application/fhir+xml")
for name, body in [("DOCTYPE", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + XML),
                   ("billion laughs", "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + XML),
                   ("wrong namespace", XML.replace("http://hl7.org/fhir", "urn:nope")), ("no namespace", XML.replace(" xmlns=\"http://hl7.org/fhir\"", "")),
                   ("value as text", XML.replace("<birthDate value=\"1990-03-07\"/>", "<birthDate>1990-03-07</birthDate>")),
                   ("processing instruction", "<?evil x?>" + XML), ("CDATA", XML.replace("<name>", "<name><![CDATA[x]]>"))]:
    case("malformed-xml", name, "POST", "/Patient", body, content_type="application/fhir+xml")

# 14. documented operations with wrong parameters
OPS = [
    ("GET", "/Patient/{patient}/$risk-assess?date=yesterday"), ("GET", "/Patient/{patient}/$risk-assess?model=nope"),
    ("GET", "/Patient/{patient}/$risk-assess?persist=maybe"), ("GET", "/Patient/does-not-exist/$risk-assess"),
    ("GET", "/Patient/{patient}/$tier?date=2026-02-30"), ("GET", "/Patient/does-not-exist/$tier"),
    ("GET", "/Group/does-not-exist/$tier"), ("GET", "/Organization/does-not-exist/$risk-assess"),
    ("GET", "/$population-status"), ("GET", "/$population-status?_jobId="), ("GET", "/$population-status?_jobId=nope"),
    ("GET", "/$population-status?_jobId=../../x"), ("GET", "/Observation/$lastn?max=abc"), ("GET", "/Observation/$lastn?max=-3"),
    ("GET", "/Observation/$lastn?max=99999999999"), ("GET", "/Observation/$lastn?_count=-1"), ("GET", "/Observation/$lastn?date=notadate"),
    ("GET", "/Observation/$lastn?code=,,,"), ("GET", "/Patient/{patient}/$everything?_count=abc"),
    ("GET", "/Patient/{patient}/$everything?start=nope"), ("GET", "/Patient/does-not-exist/$everything"),
    ("GET", "/Patient/{patient}/$everything?_since=yesterday"), ("GET", "/$export?_type=Nope"), ("GET", "/$export?_since=nope"),
    ("GET", "/$export?_outputFormat=text/csv"), ("GET", "/$export-poll-status?_jobId=nope"), ("GET", "/Patient/$validate?mode=nope"),
    ("GET", "/$meta?x=1"), ("GET", "/Patient/{patient}/_history?_count=abc"), ("GET", "/_history?_since=nope"),
]
# HAPI ignores these (an invalid value or an extra parameter of an operation): known, only "no 5xx" is asserted
LENIENT = {"/Observation/$lastn?_count=-1", "/Observation/$lastn?code=,,,", "/Patient/{patient}/$everything?start=nope",
           "/Patient/{patient}/$everything?_since=yesterday", "/$meta?x=1", "/Patient/{patient}/_history?_count=abc"}
for method, path in OPS:
    case("operation-parameters", path, method, path, expect="not-5xx" if "$export" in path or path in LENIENT else "4xx")
case("operation-parameters", "$validate with a Parameters of nonsense", "POST", "/Patient/$validate",
     j({"resourceType": "Parameters", "parameter": [{"name": "resource", "valueString": "x"}]}))
case("operation-parameters", "$validate with a wrong mode", "POST", "/Patient/$validate?mode=nope", j(PATIENT))
case("operation-parameters", "$risk-assess POST with a Patient body (ignored)", "POST", "/Patient/{patient}/$risk-assess",
     j(PATIENT), expect="not-5xx")
case("operation-parameters", "$tier POST with an invalid Parameters", "POST", "/Patient/{patient}/$tier",
     j({"resourceType": "Parameters", "parameter": [{"name": "date", "valueInteger": 5}]}))
case("operation-parameters", "$risk-assess POST with a truncated body", "POST", "/Patient/{patient}/$risk-assess", "{\"resourceType\":\"Par")

# 15. methods
for method, path in [("PATCH", "/Patient/{patient}"), ("PUT", "/Patient"), ("POST", "/metadata"), ("DELETE", "/metadata"),
                     ("OPTIONS", "/Patient/{patient}/x")]:
    body = "not a patch" if method in ("PATCH", "PUT", "POST") else None
    case("method", f"{method} {path}", method, path, body, content_type="application/json-patch+json" if method == "PATCH" else "application/fhir+json",
         expect="not-5xx" if method == "OPTIONS" else "4xx")

out = os.path.join(os.path.dirname(__file__), "..", "resources", "bad-input", "corpus.jsonl")
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
by_class = {}
for c in cases:
    by_class[c["class"]] = by_class.get(c["class"], 0) + 1
print(len(cases), "cases:", ", ".join(f"{k} {v}" for k, v in by_class.items()))
