// The benchmark report (scripts/benchmark): prints the figures the README's table keeps.
//
//   node bench/report.mjs [--runs N]
//
// Needs dist/ (scripts/build-web), build/native/bench/shisaku_bench, build/web/bench/shisaku_bench.js,
// json-logic-engine and playwright-core (npm ci) and Chromium. Measures, on this machine:
//   1. what a first visit transfers: the files the page fetches before its first frame, raw
//      and gzip -9, then what the service worker fetches afterwards in the background;
//   2. start-up, each run in a fresh browser profile (min and median of --runs): navigation
//      start to the first frame, to it shown and to the rules being loaded (the page's
//      performance marks), with the new browser window settled and not; and the main thread's
//      long tasks (> 50 ms, the Long Tasks API) from navigation until 1 s after start-up (rules in, first frame shown):
//      the longest, and the three longest of the median run placed among the marks. The same
//      again at 4× CPU slowdown (DevTools' Emulation.setCPUThrottlingRate), window settled;
//   3. interaction, on the page's main thread, timed around the app's requestAnimationFrame
//      callback (Dear ImGui and the app, WebGL calls included, the browser's own rendering and
//      rasterisation not): answer (JS API) to the end of the next frame drawn, over a walk
//      through the interview; the time per frame drawn while the results are scrolled with
//      the mouse wheel for 2 s (median and 95th percentile);
//   4. eligibility of every program for one complete answer set: ours native and WebAssembly
//      (under node) against json-logic-engine's compiled mode, all on the same answer sets;
//      evaluate + next question as the app does it, native and WebAssembly;
//   5. the WebAssembly heap after a full path through the wizard (it never shrinks: the peak);
//   6. the interview of the scenario personas (tests/personas, native): questions shown until
//      every program in scope is decided, questions off the chosen themes and returns to a
//      program left, key programs eligible within the first 12 questions;
//   7. frames drawn in 5 seconds of idling on the results screen.
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
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1];  // nearest rank
const kb = (n) => (n / 1000).toFixed(1) + ' KB';
const rows = [];
const row = (measure, value) => rows.push(`| ${measure} | ${value} |`);

// ---- 1, 2, 3, 5, 7: the app in Chromium ------------------------------------------------------
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

// The start-up marks the page sets (web/shisaku.js), and what a long task is placed by.
const START_MARKS = ['shisaku-first-frame', 'shisaku-first-frame-shown', 'shisaku-rules-ready'];
const MARK_NAMES = ['first frame', 'shown', 'rules loaded'];

// Runs in the page before any of its scripts (addInitScript): keeps every long task the main
// thread runs. Chromium reports only tasks over 50 ms, so an empty list means none was longer.
function recordLongTasks() {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

// A long task among the start-up marks: "during" those set while it ran (e.g. the task that
// parses the rules sets "rules loaded"), else "after" the last one before it. Chromium gives a
// long task's duration in whole milliseconds, so a mark set as it ends may be up to 1 ms later.
function placeTask(task, marks) {
  const end = task.start + task.duration + 1;
  const during = MARK_NAMES.filter((_, i) => marks[i] >= task.start && marks[i] <= end);
  if (during.length) return `during ${during.join(' + ')}`;
  const after = MARK_NAMES.filter((_, i) => marks[i] < task.start).pop();
  return after ? `after ${after}` : 'before first frame';
}

// Navigation to the first frame (drawn by the app; shown: after the browser's next paint, which
// on this machine's software WebGL includes reading the canvas back) and to the rules being in
// (the wizard usable), each in a fresh profile, and the long tasks from navigation until 1 s
// after the rules are in (the first frames drawn with them included). Chromium starts every new
// window with its own UI page (about 1.2 s of processor time, measured here), which on 2 cores
// competes with the page: `settled` waits for that first, as a browser that is already open
// would be; the other runs navigate at once. `cpuSlowdown` throttles the page's renderer from
// before the navigation. No request is intercepted (Playwright's routing adds a round trip
// through node per request).
async function startUpTimes(browser, origin, { settled, cpuSlowdown = 1 }) {
  const frame = [], shown = [], ready = [], tasks = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(recordLongTasks);
    if (cpuSlowdown !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    if (settled) await page.waitForTimeout(3000);
    await page.goto(origin + '/');
    // Start-up is over once the rules are in and the first frame is on the screen (the rules
    // usually come first).
    await page.waitForFunction((names) => names.every((m) => performance.getEntriesByName(m).length > 0), START_MARKS, { timeout: 30000 });
    const run = await page.evaluate(async (names) => {
      const marks = names.map((m) => performance.getEntriesByName(m)[0].startTime);
      const until = Math.max(...marks) + 1000;
      // A little past the end, for the observer to be told of the last tasks.
      await new Promise((resolve) => setTimeout(resolve, until + 250 - performance.now()));
      return { marks, long: window.benchLongTasks.filter((t) => t.start < until) };
    }, START_MARKS);
    frame.push(run.marks[0]);
    shown.push(run.marks[1]);
    ready.push(run.marks[2]);
    tasks.push(run.long.sort((x, y) => y.duration - x.duration).map((t) => ({ duration: t.duration, where: placeTask(t, run.marks) })));
    await context.close();
  }
  return { frame, shown, ready, tasks };
}

// Answers every question the wizard asks (first option, yes, the minimum) until the results,
// each through `answer(id, value)`, which returns the JS API's reply.
async function walkInterview(page, answer = (id, value) => h.api(page, 'answer', id, value)) {
  let state = await h.api(page, 'start');
  let asked = 0;
  while (state.screen === 'question' && asked < 500) {
    const q = state.question;
    const value = q.type === 'boolean' ? true : q.type === 'single' ? q.options[0].value : q.type === 'multi' ? [q.options[0].value] : q.min;
    const r = await answer(q.id, value);
    if (!r.ok) throw new Error(`answer ${q.id}: ${r.error}`);
    state = r;
    asked++;
  }
  return { asked, screen: state.screen };
}

// Runs in the page before any of its scripts: times the requestAnimationFrame callbacks that
// drew a frame, i.e. the app's main loop (Emscripten asks for every frame anew) when its frame
// counter moved; other callbacks, and the app's when it had nothing to draw, are no frame. Only
// while `recording`, or while someone waits for the next frame (the counter is read through
// the JS API, outside the timed part).
function timeFrames() {
  const raf = window.requestAnimationFrame.bind(window);
  const timing = (window.benchFrames = { recording: false, times: [], waiting: [] });
  window.requestAnimationFrame = (callback) => raf((now) => {
    if (!timing.recording && !timing.waiting.length) return callback(now);
    const drawn = window.shisaku.frames();
    const start = performance.now();
    callback(now);
    const end = performance.now();
    if (window.shisaku.frames() === drawn) return;
    if (timing.recording) timing.times.push(end - start);
    for (const resolve of timing.waiting.splice(0)) resolve({ start, end });
  });
}

// The app's own main-thread time (Dear ImGui, the app and its WebGL calls; not the browser's
// rendering, nor the rasterising in the GPU process), at 1×: walks the interview answering
// through the JS API, timing each answer to the end of the next frame drawn (the one that shows
// the next question: it includes waiting for that animation frame); then scrolls the results
// with the mouse wheel for 2 s, timing every frame drawn.
async function interaction(browser, origin) {
  const context = await browser.newContext();
  await context.addInitScript(timeFrames);
  const page = await h.openPage(context, origin, origin + '/');
  const total = [], call = [], frame = [];
  const walked = await walkInterview(page, async (id, value) => {
    const r = await page.evaluate(async ([id, value]) => {
      const t0 = performance.now();
      const reply = window.shisaku.answer(id, value);
      const answered = performance.now();
      const next = await new Promise((resolve) => window.benchFrames.waiting.push(resolve));
      return { reply, total: next.end - t0, call: answered - t0, frame: next.end - next.start };
    }, [id, value]);
    total.push(r.total);
    call.push(r.call);
    frame.push(r.frame);
    return r.reply;
  });
  if (walked.screen !== 'results') throw new Error(`the walk ended on ${walked.screen}, not the results`);
  const { width, height } = page.viewportSize();
  await page.mouse.move(width / 2, height / 2);
  await h.settle(page);
  await page.evaluate(() => { window.benchFrames.recording = true; });
  // Down and up by turns, 8 notches (about 700 px) each way, less than the results are longer
  // than the window: every notch scrolls. A notch as soon as the page has taken the last one
  // (mouse.wheel waits for the renderer's acknowledgement); each draws up to 3 frames.
  for (let i = 0, t0 = Date.now(); Date.now() - t0 < 2000; i++) await page.mouse.wheel(0, Math.floor(i / 8) % 2 ? -100 : 100);
  const scroll = await page.evaluate(() => { window.benchFrames.recording = false; return window.benchFrames.times; });
  await context.close();
  return { answer: { total, call, frame }, scroll };
}

// Walks the interview, then opens the first program's details (which loads the details part of
// the rules).
async function fullPath(browser, origin) {
  const context = await browser.newContext();
  const page = await h.openPage(context, origin, origin + '/');
  const { asked, screen } = await walkInterview(page);
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
  return { asked, heap, idleFrames, screen };
}

// ---- 4, 6: the rules core --------------------------------------------------------------------
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
  // The first table row whose measure starts with `label`: the measure in full and its value.
  const line = (label) => {
    const cells = (r.stdout.split('\n').find((l) => l.startsWith('| ' + label)) ?? '').split('|');
    return { measure: cells[1]?.trim() ?? label, value: cells[2]?.trim() ?? '?' };
  };
  return { line, value: (label) => line(label).value, eligible: Number((r.stderr.match(/eligible in total: (\d+)/) || [])[1]) };
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
let visit, starts, interact, path_;
try {
  visit = await firstVisit(browser, origin, served);
  starts = {
    settled: await startUpTimes(browser, origin, { settled: true }),
    cold: await startUpTimes(browser, origin, { settled: false }),
    slow: await startUpTimes(browser, origin, { settled: true, cpuSlowdown: 4 }),
  };
  interact = await interaction(browser, origin);
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
// The longest task of each run (0 when none was over 50 ms), min / median; then the three
// longest of the run with the median longest, to see where the start-up spends its time.
function longTaskRows(label, tasks) {
  const longest = tasks.map((list) => list[0]?.duration ?? 0);
  const over50 = (x) => (x ? x.toFixed(0) : '< 50');
  row(`${label}: longest main-thread task, navigation to 1 s after start-up (min / median)`,
      Math.max(...longest) === 0 ? '< 50 ms (no long task)' : `${over50(Math.min(...longest))} / ${over50(median(longest))} ms`);
  const top = tasks[longest.indexOf(median(longest))].slice(0, 3);
  row('  … the three longest of the median run (during: the marks set in it; after: the last mark before it)',
      top.length ? top.map((t) => `${t.duration.toFixed(0)} ms ${t.where}`).join('; ') : 'none over 50 ms');
}
row(`navigation to first frame drawn, fresh profile, loopback, browser window settled (min / median of ${runs})`, minMedian(starts.settled.frame));
row('  … to that frame shown (after the next paint)', minMedian(starts.settled.shown));
row('  … to the rules loaded (a press on Start acts at once; the JS API answers)', minMedian(starts.settled.ready));
row('  the same three in a browser window still starting up', [starts.cold.frame, starts.cold.shown, starts.cold.ready].map(minMedian).join('; '));
longTaskRows('  window settled', starts.settled.tasks);
row(`at 4× CPU slowdown (Emulation.setCPUThrottlingRate), window settled: navigation to first frame drawn (min / median of ${runs})`, minMedian(starts.slow.frame));
row('  … to the rules loaded', minMedian(starts.slow.ready));
longTaskRows('  at 4×', starts.slow.tasks);
const ms = (x) => `${x.toFixed(1)} ms`;
const { answer, scroll } = interact;
row(`answer (JS API) to the end of the next frame drawn, walking the interview (median of ${answer.total.length} answers)`,
    `${ms(median(answer.total))} (the answer call ${ms(median(answer.call))}; that frame ${ms(median(answer.frame))})`);
row(`the app's own time per frame (requestAnimationFrame callback), 1×, scrolling the results with the wheel for 2 s: median; 95th percentile`,
    `${ms(median(scroll))}; ${ms(percentile(scroll, 0.95))} (${scroll.length} frames)`);
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
for (const label of ['interview: questions shown until', 'interview: questions outside the chosen themes', 'interview: key programs eligible']) {
  const { measure, value } = nativeBench.line(label);
  row(`${measure} (native)`, value);
}
row('frames drawn in 5 s of idling on the results screen', String(path_.idleFrames));
console.log(rows.join('\n'));
