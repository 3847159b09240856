#!/usr/bin/env node
// Takes SUSHI's output (fsh-generated/resources) and the snapshot-bearing StructureDefinitions that IgTool.java
// generated, and
//  1. refreshes the generated JSON in the repository: profiles/ (StructureDefinitions, differential only, as
//     SUSHI writes them), terminology/ (CodeSystems, ValueSets, ConceptMaps), ig/ (ImplementationGuide,
//     OperationDefinitions, Questionnaires) and ig/examples/ (every instance marked as an example);
//  2. lays out the FHIR NPM package: package/package.json (from ig/package.json), package/*.json (conformance
//     resources, StructureDefinitions WITH snapshots), package/example/*.json, and an .index.json in each folder.
//
// usage: node assemble.js <sushi resources dir> <snapshot dir> <repo root> <package staging dir>
'use strict';
const fs = require('fs');
const path = require('path');

const [sushiDir, snapshotDir, repo, staging] = process.argv.slice(2);
if (!staging) {
  console.error('usage: assemble.js <sushi resources> <snapshot dir> <repo root> <package staging dir>');
  process.exit(2);
}

const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const files = fs.readdirSync(sushiDir).filter((f) => f.endsWith('.json')).sort();
const igFile = files.find((f) => f.startsWith('ImplementationGuide-'));
if (!igFile) throw new Error('no ImplementationGuide in ' + sushiDir);
const ig = read(path.join(sushiDir, igFile));
// SUSHI writes IG Publisher parameters (copyrightyear, releaselabel) that are not R4 guide-parameter-codes and an
// empty page list: keep only what a FHIR R4 validator accepts, in the SUSHI output itself (copied below)
const GUIDE_PARAMETER_CODES = ['apply', 'path-resource', 'path-pages', 'path-tx-cache', 'expansion-parameter',
  'rule-broken-links', 'generate-xml', 'generate-json', 'generate-turtle', 'html-template'];
ig.definition.parameter = (ig.definition.parameter || []).filter((p) => GUIDE_PARAMETER_CODES.includes(p.code));
if (ig.definition.parameter.length === 0) delete ig.definition.parameter;
if (ig.definition.page && Array.isArray(ig.definition.page.page) && ig.definition.page.page.length === 0) delete ig.definition.page.page;
fs.writeFileSync(path.join(sushiDir, igFile), JSON.stringify(ig, null, 2) + '\n');
const examples = new Set(ig.definition.resource
  .filter((r) => r.exampleBoolean === true || r.exampleCanonical !== undefined)
  .map((r) => r.reference.reference.replace('/', '-') + '.json'));

const TERMINOLOGY = ['CodeSystem', 'ValueSet', 'ConceptMap', 'NamingSystem'];
function repoFolder(file, type) {
  if (examples.has(file)) return path.join(repo, 'ig', 'examples');
  if (type === 'StructureDefinition') return path.join(repo, 'profiles');
  if (TERMINOLOGY.includes(type)) return path.join(repo, 'terminology');
  return path.join(repo, 'ig');
}

// 1. repository folders: remove what an earlier build generated, then write afresh
const GENERATED = /^(StructureDefinition|CodeSystem|ValueSet|ConceptMap|NamingSystem|ImplementationGuide|OperationDefinition|Questionnaire|SearchParameter|CapabilityStatement)-.*\.json$/;
for (const dir of ['profiles', 'terminology', 'ig']) {
  const d = path.join(repo, dir);
  fs.mkdirSync(d, { recursive: true });
  for (const f of fs.readdirSync(d)) if (GENERATED.test(f)) fs.rmSync(path.join(d, f));
}
fs.rmSync(path.join(repo, 'ig', 'examples'), { recursive: true, force: true });
fs.mkdirSync(path.join(repo, 'ig', 'examples'), { recursive: true });
const counts = {};
for (const f of files) {
  const r = read(path.join(sushiDir, f));
  const dir = repoFolder(f, r.resourceType);
  fs.copyFileSync(path.join(sushiDir, f), path.join(dir, f));
  const key = path.relative(repo, dir);
  counts[key] = (counts[key] || 0) + 1;
}

// 2. package layout
fs.rmSync(staging, { recursive: true, force: true });
const pkg = path.join(staging, 'package');
const pkgExamples = path.join(pkg, 'example');
fs.mkdirSync(pkgExamples, { recursive: true });
const manifest = read(path.join(repo, 'ig', 'package.json'));
if (manifest.name !== ig.packageId || manifest.version !== ig.version) {
  throw new Error(`ig/package.json (${manifest.name}#${manifest.version}) does not match sushi-config.yaml (${ig.packageId}#${ig.version})`);
}
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
const index = { [pkg]: [], [pkgExamples]: [] };
for (const f of files) {
  let r = read(path.join(sushiDir, f));
  if (r.resourceType === 'StructureDefinition') {
    const withSnapshot = path.join(snapshotDir, f);
    if (!fs.existsSync(withSnapshot)) throw new Error('no snapshot generated for ' + f);
    r = read(withSnapshot);
    if (!r.snapshot || !r.snapshot.element || r.snapshot.element.length === 0) throw new Error('empty snapshot in ' + f);
  }
  const dir = examples.has(f) ? pkgExamples : pkg;
  fs.writeFileSync(path.join(dir, f), JSON.stringify(r, null, 2) + '\n');
  const entry = { filename: f, resourceType: r.resourceType, id: r.id };
  for (const k of ['url', 'version', 'kind', 'type', 'supplements', 'content']) if (r[k] !== undefined) entry[k] = r[k];
  if (r.meta && r.meta.profile) entry.profile = r.meta.profile;
  index[dir].push(entry);
}
for (const [dir, entries] of Object.entries(index)) {
  fs.writeFileSync(path.join(dir, '.index.json'), JSON.stringify({ 'index-version': 2, files: entries }, null, 2) + '\n');
}
console.log('repository:', JSON.stringify(counts));
console.log(`package: ${index[pkg].length} conformance resources, ${index[pkgExamples].length} examples`);
