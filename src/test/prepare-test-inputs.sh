#!/usr/bin/env bash
# Test inputs made before the tests run (Maven phase generate-test-resources):
#  - a further implementation guide package, for workwell.conformance.packages-dir (src/test/ig-package);
#  - the official FHIR R4 examples package (npm hl7.fhir.r4.examples 4.0.1), for the check that valid R4
#    resources claiming none of our profiles pass $validate without errors.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target/test-ig-packages target/r4-examples
tar --sort=name --owner=0 --group=0 -czf target/test-ig-packages/workwell-test-further-ig.tgz -C src/test/ig-package package
if [ ! -s target/r4-examples/hl7.fhir.r4.examples-4.0.1.tgz ]; then
  npm pack --silent --pack-destination target/r4-examples hl7.fhir.r4.examples@4.0.1 > /dev/null
fi
