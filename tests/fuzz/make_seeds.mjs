// Writes generated seed inputs for the fuzz targets (scripts/fuzz calls it; nothing here is
// committed):
//   fuzz_logic:   every case of the JsonLogic conformance suites, as {"rule", "data"};
//   fuzz_rules:   every rules file (rules/, tests/fixtures) behind the selector byte that makes
//                 it replace the fixture file of the same kind;
//   fuzz_answers: each scenario's answers (mode 0, also with evaluation) and, when a `shisaku`
//                 binary is given, their share codes (mode 1) and share-code entries (mode 2);
//   fuzz_compiled: with a `shisaku` binary, the compiled parts of rules/ and their payloads.
//
//   node make_seeds.mjs CORPUS_DIR [--shared DIR] [--shisaku PATH]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const corpus = args[0];
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const shared = option('--shared', path.join(root, '../shared'));
const shisaku = option('--shisaku', null);

const counts = {};
function writeSeed(target, bytes) {
  const dir = path.join(corpus, target);
  fs.mkdirSync(dir, { recursive: true });
  const name = 'seed-' + crypto.createHash('sha1').update(bytes).digest('hex');
  fs.writeFileSync(path.join(dir, name), bytes);
  counts[target] = (counts[target] ?? 0) + 1;
}
const withMode = (mode, payload) => Buffer.concat([Buffer.from([mode]), Buffer.from(payload)]);

function jsonFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.json')).sort().map((f) => f.split(path.sep).join('/'));
}

// ---- fuzz_logic ----
const suites = path.join(shared, 'jsonlogic/suites');
if (fs.existsSync(path.join(suites, 'index.json'))) {
  for (const file of JSON.parse(fs.readFileSync(path.join(suites, 'index.json'), 'utf8')))
    for (const c of JSON.parse(fs.readFileSync(path.join(suites, file), 'utf8')))
      if (c && typeof c === 'object') writeSeed('fuzz_logic', JSON.stringify({ rule: c.rule, data: c.data ?? null }));
}

// ---- fuzz_rules ----
// The fixture files in the order fuzz_rules numbers them (read_rules_dir sorts by path).
const fixture = jsonFiles(path.join(root, 'tests/fixtures/good'));
const kindOf = (p) => (p === 'meta.json' ? p : p.split('/')[0]);
const selectorFor = (p) => fixture.indexOf(fixture.includes(p) ? p : fixture.find((f) => kindOf(f) === kindOf(p)));
function addRulesDir(dir) {
  for (const p of jsonFiles(dir)) {
    const selector = selectorFor(p);
    if (selector >= 0) writeSeed('fuzz_rules', withMode(selector, fs.readFileSync(path.join(dir, p))));
  }
}
addRulesDir(path.join(root, 'tests/fixtures/good'));
const bad = path.join(root, 'tests/fixtures/bad');
if (fs.existsSync(bad)) for (const d of fs.readdirSync(bad).sort()) addRulesDir(path.join(bad, d));
addRulesDir(path.join(root, 'rules'));

// ---- fuzz_answers ----
const scenarios = path.join(root, 'tests/scenarios');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shisaku-seeds-'));
for (const f of jsonFiles(scenarios)) {
  const answers = JSON.stringify({ answers: JSON.parse(fs.readFileSync(path.join(scenarios, f), 'utf8')).answers ?? {} });
  writeSeed('fuzz_answers', withMode(0, answers));
  writeSeed('fuzz_answers', withMode(0xF0, answers));  // evaluated too
  if (!shisaku) continue;
  const file = path.join(tmp, 'answers.json');
  fs.writeFileSync(file, answers);
  const run = spawnSync(shisaku, ['share', '--answers', file, '--rules', path.join(root, 'rules')], { encoding: 'utf8' });
  const code = run.status === 0 ? run.stdout.trim() : '';
  if (!code) continue;
  writeSeed('fuzz_answers', withMode(1, code));
  // The entries: after the version byte and the fingerprint, before the CRC.
  const bytes = Buffer.from(code.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  writeSeed('fuzz_answers', withMode(2, bytes.subarray(5, bytes.length - 4)));
}

// ---- fuzz_compiled ----
// The compiled parts of rules/ as they are (mode 4) and their payloads (modes 0–3: lang, part).
if (shisaku) {
  const out = path.join(tmp, 'bundle');
  fs.mkdirSync(out);
  const run = spawnSync(shisaku, ['bundle', '-o', out, '--rules', path.join(root, 'rules')], { encoding: 'utf8' });
  if (run.status === 0) {
    for (const f of fs.readdirSync(out).sort()) {
      const bytes = fs.readFileSync(path.join(out, f));
      writeSeed('fuzz_compiled', withMode(4, bytes));
      // Header: magic, format, lang, part, fingerprint (varint length + text), payload length, checksum (8).
      let at = 7;
      const varint = () => { let v = 0, shift = 0, b; do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
      at += varint();
      const length = varint();
      at += 8;
      writeSeed('fuzz_compiled', withMode(bytes[5] | (bytes[6] << 1), bytes.subarray(at, at + length)));
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log(Object.entries(counts).map(([t, n]) => `${t}: ${n} generated seeds`).join(', '));
