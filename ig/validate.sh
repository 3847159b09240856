#!/usr/bin/env bash
# Independent check of the WorkWell IG with the official HL7 FHIR validator engine
# (ca.uhn.hapi.fhir:org.hl7.fhir.validation 6.7.9, the version HAPI FHIR 8.8.0 pins), fully offline:
# no terminology server, hl7.fhir.r4.core#4.0.1 from the local package cache that ig/build.sh makes.
#
#   - builds (ig/build.sh) and loads the package target/ig/health.workwell.fhir.ig-0.1.0.tgz;
#   - every example in ig/examples/ and every conformance resource in profiles/, terminology/ and ig/ must
#     validate with NO error (warnings allowed: codes of LOINC, UCUM and other external systems cannot be
#     checked offline and are reported as warnings or information, never errors);
#   - every file in ig/invalid-examples/ (one broken-on-purpose example per profile) must FAIL with at least
#     one error, and with the error text named for it in ig/invalid-examples/expected-errors.json.
#
# Usage: ig/validate.sh        Report: target/ig/validation-report.json (every issue of every file).
# Exit status 0 when all pass; the last line reads "N passed, M failed".
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

# (re)build first, so that the check is always of the current sources; WORKWELL_IG_SKIP_BUILD=1 checks the last build
server_package_before=$(sha256sum < "$SERVER_PKG")
if [ "${WORKWELL_IG_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$TGZ" ] || [ ! -f "$BUILD/lib/.complete" ]; then
  "$IG_DIR/build.sh"
fi
# the build is reproducible, so the package the server installs must be byte for byte the one just built
if [ "$server_package_before" != "$(sha256sum < "$SERVER_PKG")" ]; then
  echo "src/main/resources/ig/health.workwell.fhir.ig.tgz was not built from the current FSH sources;" \
       "ig/build.sh has now rebuilt it: commit it" >&2
  exit 1
fi

# the definitions go in as one folder per kind; examples and invalid examples as they are
DEFS="$BUILD/definitions"
rm -rf "$DEFS" && mkdir -p "$DEFS/profiles" "$DEFS/terminology" "$DEFS/ig"
cp "$REPO"/profiles/*.json "$DEFS/profiles/"
cp "$REPO"/terminology/*.json "$DEFS/terminology/"
find "$IG_DIR" -maxdepth 1 -name '*-*.json' -exec cp {} "$DEFS/ig/" \;

java -Duser.home="$BUILD/home" -cp "$BUILD/lib/*" "$IG_DIR/tools/IgTool.java" validate "$TGZ" "$OUT/validation-report.json" \
  "$IG_DIR/examples" "$DEFS/profiles" "$DEFS/terminology" "$DEFS/ig" -- "$IG_DIR/invalid-examples" 2>&1 \
  | grep -v -E '^\[main\] INFO|^SLF4J|^Note: .*(deprecated|Recompile)'
