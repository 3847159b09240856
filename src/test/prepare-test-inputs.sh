#!/usr/bin/env bash
# Test inputs made before the tests run (Maven phase process-test-classes, so that spring-boot:run, which
# builds up to test-compile, needs Java alone):
#  - a further implementation guide package, for workwell.conformance.packages-dir (src/test/ig-package);
#  - the official FHIR R4 examples package (npm hl7.fhir.r4.examples 4.0.1), for the check that valid R4
#    resources claiming none of our profiles pass $validate without errors;
#  - Synthea (org.mitre.synthea:synthea, Maven Central) with its runtime dependencies in target/synthea/lib,
#    which SyntheaRiskAssessIT runs as a separate JVM (src/test/synthea/pom.xml says which version).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target/test-ig-packages target/r4-examples
tar --sort=name --owner=0 --group=0 -czf target/test-ig-packages/workwell-test-further-ig.tgz -C src/test/ig-package package
if [ ! -s target/r4-examples/hl7.fhir.r4.examples-4.0.1.tgz ]; then
  npm pack --silent --pack-destination target/r4-examples hl7.fhir.r4.examples@4.0.1 > /dev/null
fi
# Copied again only when src/test/synthea/pom.xml changed (target/synthea/pom.xml is the copy last used).
# The outer build's local repository is passed on (pom.xml sets WORKWELL_MAVEN_REPO_LOCAL).
if ! cmp -s src/test/synthea/pom.xml target/synthea/pom.xml || [ -z "$(ls target/synthea/lib/synthea-*.jar 2>/dev/null)" ]; then
  rm -rf target/synthea/lib target/synthea/pom.xml
  maven_args=(-B -q -f src/test/synthea/pom.xml)
  if [ -n "${WORKWELL_MAVEN_REPO_LOCAL:-}" ]; then maven_args+=("-Dmaven.repo.local=$WORKWELL_MAVEN_REPO_LOCAL"); fi
  ./mvnw "${maven_args[@]}" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$PWD/target/synthea/lib"
  cp src/test/synthea/pom.xml target/synthea/pom.xml
fi
