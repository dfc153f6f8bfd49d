// The benchmark report (scripts/benchmark): prints the figures the README's table keeps.
//
//   node bench/report.mjs [--runs N]
//
// Needs dist/ (scripts/build-web), build/native/bench/shisaku_bench, build/web/bench/shisaku_bench.js,
// json-logic-engine and playwright-core (npm ci) and Chromium. Measures, on this machine:
//   1. what a first visit transfers: the files the page fetches before its first frame, raw
//      and gzip -9, then what the service worker fetches afterwards in the background;
//   2. navigation start to the first frame and to the rules being loaded, in fresh browser
//      profiles (min and median), with the new browser window settled and not;
//   3. eligibility of every program for one complete answer set: ours native and WebAssembly
//      (under node) against json-logic-engine's compiled mode, all on the same answer sets;
//      evaluate + next question as the app does it, native and WebAssembly;
//   4. the WebAssembly heap after a full path through the wizard (it never shrinks: the peak);
//   5. questions asked until every program is decided (the scenario personas);
//   6. frames drawn in 5 seconds of idling on the results screen.
// Nothing here passes or fails: figures vary with the machine, so they are printed, not asserted.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { makeRandom, randomAnswerSets, readRules } from '../tests/differential/rules_data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const h = require('./tests/e2e/harness.js');
const { LogicEngine } = require('json-logic-engine');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;
const DIST = path.join(ROOT, 'dist');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1000).toFixed(1) + ' KB';
const rows = [];
const row = (measure, value) => rows.push(`| ${measure} | ${value} |`);

// ---- 1, 2, 4, 6: the app in Chromium ---------------------------------------------------------
function fileSizes(paths) {
  let raw = 0, gz = 0;
  const lines = [];
  for (const p of paths) {
    const body = fs.readFileSync(path.join(DIST, p === '/' ? 'index.html' : p.slice(1)));
    const z = zlib.gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += z;
    lines.push(`    ${p.padEnd(28)} ${String(body.length).padStart(9)} ${String(z).padStart(9)}`);
  }
  return { raw, gz, lines };
}

// The page's own fetches that started before its first frame (resource timing), then what
// the server sent in full in the next 5 s (the service worker's precache and the icons; a
// revalidation answered 304 costs no body).
async function firstVisit(browser, origin, served) {
  const context = await browser.newContext();
  const before = served.length;
  const page = await h.openPage(context, origin, origin + '/', { serviceWorker: true });
  const firstView = ['/', ...(await page.evaluate(() => {
    const frame = performance.getEntriesByName('shisaku-first-frame')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => e.startTime <= frame).map((e) => new URL(e.name).pathname);
  }))];
  await page.waitForTimeout(5000);
  const sent = served.slice(before).filter((r) => r.status === 200).map((r) => r.url.split('?')[0]);
  const later = sent.filter((u, i) => !firstView.includes(u) || sent.indexOf(u) !== i);  // sent twice counts twice
  const revalidated = served.slice(before).filter((r) => r.status === 304).length;
  await context.close();
  return { firstView: [...new Set(firstView)], later, revalidated };
}

// Navigation to the first frame (drawn by the app; shown: after the browser's next paint, which
// on this machine's software WebGL includes reading the canvas back) and to the rules being in
// (the wizard usable), each in a fresh profile. Chromium starts every new window with its own UI page (about 1.2 s of processor time,
// measured here), which on 2 cores competes with the page: `settled` waits for that first, as a
// browser that is already open would be; the other runs navigate at once. No request is
// intercepted (Playwright's routing adds a round trip through node per request).
async function firstFrameTimes(browser, origin, settled) {
  const frame = [], shown = [], ready = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (settled) await page.waitForTimeout(3000);
    await page.goto(origin + '/');
    await page.waitForFunction(() => performance.getEntriesByName('shisaku-rules-ready').length > 0, null, { timeout: 30000 });
    const marks = ['shisaku-first-frame', 'shisaku-first-frame-shown', 'shisaku-rules-ready'];
    const t = await page.evaluate((names) => names.map((m) => performance.getEntriesByName(m)[0].startTime), marks);
    frame.push(t[0]);
    shown.push(t[1]);
    ready.push(t[2]);
    await context.close();
  }
  return { frame, shown, ready };
}

// Answers every question the wizard asks (first option, yes, the minimum) until the results,
// then opens the first program's details (which loads the details part of the rules).
async function fullPath(browser, origin) {
  const context = await browser.newContext();
  const page = await h.openPage(context, origin, origin + '/');
  let state = await h.api(page, 'start');
  let asked = 0;
  while (state.screen === 'question' && asked < 500) {
    const q = state.question;
    const value = q.type === 'boolean' ? true : q.type === 'single' ? q.options[0].value : q.type === 'multi' ? [q.options[0].value] : q.min;
    const r = await h.api(page, 'answer', q.id, value);
    if (!r.ok) throw new Error(`answer ${q.id}: ${r.error}`);
    state = r;
    asked++;
  }
  const results = await h.api(page, 'results');
  const first = results.programs?.[0]?.id;
  if (first) await h.api(page, 'show', 'detail', first);
  await page.waitForFunction(() => window.shisaku.call({ op: 'state' }).screen !== 'loading', null, { timeout: 30000 }).catch(() => {});
  await h.settle(page, 1000);
  const heap = (await h.api(page, 'call', { op: 'memory' })).heap_bytes;
  // Idle: no input for 5 s; a frame drawn now is a frame wasted.
  const before = await h.api(page, 'frames');
  await page.waitForTimeout(5000);
  const idleFrames = (await h.api(page, 'frames')) - before;
  await context.close();
  return { asked, heap, idleFrames, screen: state.screen };
}

// ---- 3, 5: the rules core --------------------------------------------------------------------
function substituteFigures(rule, figures) {
  if (Array.isArray(rule)) return rule.map((r) => substituteFigures(r, figures));
  if (rule && typeof rule === 'object') {
    if (typeof rule.var === 'string' && rule.var.startsWith('figures.')) return figures[rule.var.slice('figures.'.length)].value;
    return Object.fromEntries(Object.entries(rule).map(([k, v]) => [k, substituteFigures(v, figures)]));
  }
  return rule;
}

// json-logic-engine, compiled, with each program's figures as constants (its best case).
function engineEligibility(rules, sets) {
  const engine = new LogicEngine();
  const programs = rules.programs.map(({ json: p }) => (p.conditions ?? []).map((c) => engine.build(substituteFigures(c.logic, p.figures ?? {}))));
  let eligible = 0, rounds = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000 || rounds < 5) {
    for (const data of sets)
      for (const conditions of programs) eligible += conditions.every((f) => f(data)) ? 1 : 0;
    rounds++;
  }
  return { us: ((performance.now() - t0) * 1000) / (rounds * sets.length), eligible: eligible / rounds };
}

function runBench(command, args) {
  const r = spawnSync(command[0], [...command.slice(1), ...args], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed:\n${r.stderr}`);
  const value = (label) => {
    const line = r.stdout.split('\n').find((l) => l.startsWith('| ' + label));
    return line ? line.split('|')[2].trim() : '?';
  };
  return { value, eligible: Number((r.stderr.match(/eligible in total: (\d+)/) || [])[1]) };
}

// ---- the report ------------------------------------------------------------------------------
const rules = readRules(path.join(ROOT, 'rules'));
const engine = new LogicEngine();
const sets = randomAnswerSets(rules, engine, makeRandom(20260101), 200);
const setsFile = path.join(os.tmpdir(), `shisaku-answer-sets-${process.pid}.json`);
const questionIds = new Set(rules.questions.map((q) => q.id));
fs.writeFileSync(setsFile, JSON.stringify(sets.map((s) => Object.fromEntries(Object.entries(s).filter(([k]) => questionIds.has(k))))));

const nativeBench = runBench([path.join(ROOT, 'build/native/bench/shisaku_bench')], ['--answer-sets', setsFile]);
const wasmBench = runBench(['node', '--no-experimental-fetch', path.join(ROOT, 'build/web/bench/shisaku_bench.js')], ['--answer-sets', setsFile]);
fs.rmSync(setsFile);
const theirs = engineEligibility(rules, sets);

const { server, served, origin } = await h.serve(DIST);
const browser = await h.launch();
const chromiumVersion = browser.version();
let visit, frames, path_;
try {
  visit = await firstVisit(browser, origin, served);
  frames = { settled: await firstFrameTimes(browser, origin, true), cold: await firstFrameTimes(browser, origin, false) };
  path_ = await fullPath(browser, origin);
} finally {
  await browser.close();
  server.close();
}

const first = fileSizes(visit.firstView);
const later = fileSizes(visit.later);
const eligibilityLabel = 'eligibility of every program, one complete answer set';
const ours = { native: parseFloat(nativeBench.value(eligibilityLabel)), wasm: parseFloat(wasmBench.value(eligibilityLabel)) };

console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores; node ${process.version}; Chromium ${chromiumVersion}`);
console.log(`first visit, before the first frame (path, bytes, gzip -9 bytes):\n${first.lines.join('\n')}`);
console.log(`afterwards, the service worker's background fetches:\n${later.lines.join('\n')}\n`);
console.log('| measure | value |\n|---|---|');
row('first visit until the first frame: transferred (gzip -9)', `${kb(first.gz)} (${kb(first.raw)} uncompressed, ${visit.firstView.length} files)`);
row('then fetched in the background by the service worker (gzip -9)', `${kb(later.gz)} (${visit.later.length} files; ${visit.revalidated} revalidated, 304)`);
const minMedian = (xs) => `${Math.min(...xs).toFixed(0)} / ${median(xs).toFixed(0)} ms`;
row(`navigation to first frame drawn, fresh profile, loopback, browser window settled (min / median of ${runs})`, minMedian(frames.settled.frame));
row('  … to that frame shown (after the next paint)', minMedian(frames.settled.shown));
row('  … to the rules loaded (a press on Start acts at once; the JS API answers)', minMedian(frames.settled.ready));
row('  the same three in a browser window still starting up', [frames.cold.frame, frames.cold.shown, frames.cold.ready].map(minMedian).join('; '));
row(`${eligibilityLabel}: native`, `${ours.native.toFixed(2)} µs`);
row(`${eligibilityLabel}: WebAssembly (node)`, `${ours.wasm.toFixed(2)} µs`);
row(`${eligibilityLabel}: json-logic-engine compiled (node)`, `${theirs.us.toFixed(2)} µs`);
row('  ratio json-logic-engine / ours (native; WebAssembly)', `${(theirs.us / ours.native).toFixed(1)}×; ${(theirs.us / ours.wasm).toFixed(1)}×`);
row(`  (program × answer set) pairs eligible over the ${sets.length} sets: ours native; WebAssembly; json-logic-engine`, `${nativeBench.eligible}; ${wasmBench.eligible}; ${theirs.eligible}`);
const evaluateLabel = 'evaluate + next question, no answers';
row(`${evaluateLabel}: native (median)`, nativeBench.value(evaluateLabel));
row(`${evaluateLabel}: WebAssembly (median)`, wasmBench.value(evaluateLabel));
row('load + validate + lint of rules/: native', nativeBench.value('load + validate'));
row(`WebAssembly heap after a full path (${path_.asked} questions answered, details opened)`, `${(path_.heap / 1048576).toFixed(1)} MiB`);
row('questions asked until every program is decided (scenario personas)', nativeBench.value('questions asked'));
row('frames drawn in 5 s of idling on the results screen', String(path_.idleFrames));
console.log(rows.join('\n'));
