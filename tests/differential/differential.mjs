// Differential test: our evaluator (`shisaku logic`) against json-logic-engine's compiled mode.
//
//   node differential.mjs --shisaku PATH [--rules DIR] [--random N] [--seed S] [--verbose]
//
// Inputs: (a) every JsonLogic expression in the rules (ask_if, definitions, conditions,
// applies_if, amounts), each over random complete answer sets drawn from the questions'
// types, options and ranges, with the program's figures as data; (b) N random expressions
// over the same operators and a random data object. Deterministic for a given seed.
//
// A disagreement fails the test unless it is one of the intentional differences in
// known_differences.json (each with the predicate that recognises it, see `classify`). Exit 0 when
// every disagreement is known, 1 otherwise, 77 (ctest's skip) when json-logic-engine is not
// installed (`npm ci`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeRandom, randomAnswerSets, readRules } from './rules_data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');

// ---- command line -----------------------------------------------------------------------
function parseArgs(argv) {
  const args = { shisaku: null, rules: path.join(projectRoot, 'rules'), random: 4000, seed: 20260101, answerSets: 12, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--shisaku') args.shisaku = next();
    else if (a === '--rules') args.rules = next();
    else if (a === '--random') args.random = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--answer-sets') args.answerSets = Number(next());
    else if (a === '--verbose') args.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.shisaku) throw new Error('--shisaku PATH is required');
  return args;
}

function loadEngine() {
  try {
    return createRequire(path.join(projectRoot, 'package.json'))('json-logic-engine');
  } catch {
    return null;
  }
}

// ---- (a) the rules' expressions -----------------------------------------------------------
function rulesCases(rulesDir, engine, rnd, answerSets) {
  const rules = readRules(rulesDir);
  const { questions, definitions, programs } = rules;

  const expressions = [];  // {where, rule, figures}
  for (const q of questions) if (q.ask_if !== undefined) expressions.push({ where: `question ${q.id} ask_if`, rule: q.ask_if });
  for (const d of definitions) expressions.push({ where: `definition ${d.id}`, rule: d.logic });
  for (const { file, json: p } of programs) {
    const figures = Object.fromEntries(Object.entries(p.figures ?? {}).map(([k, v]) => [k, v.value]));
    for (const c of p.conditions ?? []) expressions.push({ where: `${file} condition ${c.id}`, rule: c.logic, figures });
    for (const m of p.measures ?? []) {
      if (m.applies_if !== undefined) expressions.push({ where: `${file} measure ${m.id} applies_if`, rule: m.applies_if, figures });
      if (m.amount !== undefined) expressions.push({ where: `${file} measure ${m.id} amount`, rule: m.amount, figures });
    }
  }

  const dataSets = randomAnswerSets(rules, engine, rnd, answerSets);  // shared by all expressions
  const cases = [];
  for (const e of expressions)
    for (const data of dataSets) cases.push({ source: e.where, rule: e.rule, data: e.figures ? { ...data, figures: e.figures } : data });
  return { cases, expressions: expressions.length };
}

// ---- (b) random expressions -----------------------------------------------------------------
const NUMBERS = [0, 1, -1, 2, 3, 10, 0.5, -2.5, 1.1, 100, 1e21, 7, 1e-7, 0.30000000000000004, 123456789.125, 9007199254740993, -1e300];
const STRINGS = ['', 'a', 'abc', '0', '1', '12', ' 3 ', '1e2', '-4.5', 'true', 'null', 'A', 'b', 'é', '日本', '0x10', 'Infinity', '-0', '1e400', '.5', '5.', '\t7\n', '𝒳y'];
const VAR_NAMES = ['n', 'x', 'zero', 's', 'num_s', 'empty_s', 't', 'f', 'nil', 'arr', 'strs', 'empty_a', 'obj', 'empty_o',
  'obj.k', 'arr.0', 'arr.2', 'strs.1', 'missing', 'obj.missing', 'nested.a.b'];

function randomData(rnd) {
  return {
    n: rnd.pick(NUMBERS), x: rnd.pick([-3, 0, 4, 2.5]), zero: 0, s: rnd.pick(STRINGS), num_s: rnd.pick(['5', '0', '-1.5', '']),
    empty_s: '', t: true, f: false, nil: null,
    arr: [rnd.int(-3, 5), rnd.int(-3, 5), rnd.int(-3, 5)], strs: ['a', rnd.pick(STRINGS)], empty_a: [],
    obj: { k: rnd.pick(NUMBERS) }, empty_o: {}, nested: { a: { b: rnd.pick(STRINGS) } },
  };
}

function randomLiteral(rnd) {
  switch (rnd.int(0, 6)) {
    case 0: case 1: return rnd.pick(NUMBERS);
    case 2: case 3: return rnd.pick(STRINGS);
    case 4: return rnd.pick([true, false]);
    case 5: return null;
    default: return rnd.pick([[], [1, 2], ['a', 'b'], [0], {}]);
  }
}

function randomVar(rnd) {
  const name = rnd.pick(VAR_NAMES);
  return rnd.chance(0.2) ? { var: [name, randomLiteral(rnd)] } : { var: name };
}

// Operators the rules may use (json-logic-js's set, as `shisaku validate` enforces).
const OPERATORS = {
  '==': [2, 3], '!=': [2, 2], '===': [2, 2], '!==': [2, 2], '<': [2, 3], '<=': [2, 3], '>': [2, 2], '>=': [2, 2],
  '!': [1, 1], '!!': [1, 1], and: [0, 3], or: [0, 3], if: [1, 5], '?:': [3, 3],
  '+': [0, 3], '-': [1, 2], '*': [1, 3], '/': [1, 2], '%': [2, 2], max: [0, 3], min: [0, 3],
  cat: [0, 3], substr: [1, 3], in: [2, 2], merge: [0, 3],
  map: [2, 2], filter: [2, 2], reduce: [2, 3], all: [2, 2], some: [2, 2], none: [2, 2], missing: [1, 3], missing_some: [2, 2],
};
const ITERATOR_OPERATORS = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);
const OPERATOR_NAMES = Object.keys(OPERATORS);

function randomExpression(rnd, depth, inIterator) {
  if (depth <= 0 || rnd.chance(0.25)) {
    if (inIterator && rnd.chance(0.5)) return { var: rnd.pick(['', 'current', 'accumulator', 'k']) };
    return rnd.chance(0.5) ? randomVar(rnd) : randomLiteral(rnd);
  }
  const op = rnd.pick(OPERATOR_NAMES);
  const [lo, hi] = OPERATORS[op];
  if (ITERATOR_OPERATORS.has(op)) {
    const source = rnd.pick([{ var: 'arr' }, { var: 'strs' }, { var: 'empty_a' }, [1, 2, 3], { var: 'nil' }, randomExpression(rnd, depth - 1, inIterator)]);
    const args = [source, randomExpression(rnd, depth - 1, true)];
    if (op === 'reduce' && rnd.chance(0.7)) args.push(randomLiteral(rnd));
    return { [op]: args };
  }
  // missing and missing_some take key names, as documented.
  const keys = () => Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(VAR_NAMES));
  if (op === 'missing') return { missing: rnd.chance(0.3) ? [keys()] : keys() };
  if (op === 'missing_some') return { missing_some: [rnd.int(0, 2), keys()] };
  const args = [];
  for (let i = rnd.int(lo, hi); i > 0; i--) args.push(randomExpression(rnd, depth - 1, inIterator));
  // Unary operators are also written without the array, as the rules do.
  if (args.length === 1 && rnd.chance(0.3) && !Array.isArray(args[0])) return { [op]: args[0] };
  return { [op]: args };
}

function randomCases(rnd, count) {
  const cases = [];
  for (let i = 0; i < count; i++) cases.push({ source: `random #${i}`, rule: randomExpression(rnd, rnd.int(1, 4), false), data: randomData(rnd) });
  return cases;
}

// ---- running both -------------------------------------------------------------------------
// A result or an error, comparable across both engines: {value} or {error: type}.
function engineOutcome(engine, rule, data) {
  try {
    const value = engine.build(rule)(data);
    // A NaN that escapes as a value is the spec's NaN error all the same.
    if (typeof value === 'number' && Number.isNaN(value)) return { error: 'NaN' };
    return { value: normalize(value) };
  } catch (e) {
    if (typeof e === 'number' && Number.isNaN(e)) return { error: 'NaN' };  // the engine throws NaN itself
    if (e && typeof e === 'object' && typeof e.type === 'string') return { error: e.type };
    return { error: `crash: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// As JSON carries it: NaN and ±Infinity become null, undefined becomes null, -0 becomes 0.
function normalize(v) {
  const text = JSON.stringify(v);
  return text === undefined ? null : JSON.parse(text);
}

function shisakuOutcomes(binary, cases) {
  const input = cases.map((c) => JSON.stringify({ rule: c.rule, data: c.data })).join('\n') + '\n';
  const run = spawnSync(binary, ['logic'], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0)
    throw new Error(`${binary} logic failed (${run.error?.message ?? `exit ${run.status}, signal ${run.signal}`}): ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== cases.length) throw new Error(`shisaku logic answered ${lines.length} lines for ${cases.length} cases`);
  return lines.map((l) => {
    const o = JSON.parse(l);
    return 'error' in o ? { error: o.error } : { value: o.result };
  });
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

const agree = (ours, theirs) => ('error' in ours ? ours.error === theirs.error : 'value' in theirs && deepEqual(ours.value, theirs.value));

// ---- known differences --------------------------------------------------------------------
// A disagreement is located first: the smallest sub-expressions (with the data they run on,
// iterator bodies once per item) on which the engines disagree although they agree on every
// sub-expression inside. Each such spot is described as data and must satisfy the "when" of
// an entry of known_differences.json, a JsonLogic predicate (run by the engine's interpreter)
// over
//   {op, operands, dynamic, args: [outcome…], items: [kind…], body: [outcome…],
//    ours: outcome, theirs: outcome, interpreted: outcome, agrees_with_interpreter,
//    engine_inconsistent_inside, constant_errors: [type…], malformed_inside, rule, data}
// where operands are the operator's raw arguments (dynamic: given as one expression, not an
// array), args the outcomes of evaluating them (an iterator's source only), items the kinds of
// an iterator's items and body the outcomes of its logic on each; an outcome is {kind, value}
// or {kind: "error"|"crash", error}; `interpreted` is engine.run on the same spot;
// engine_inconsistent_inside tells whether engine.build and engine.run disagree on a
// sub-expression inside the spot; constant_errors are the errors its constant sub-expressions
// raise (see constantErrors); malformed_inside whether it holds an operator written without
// its argument array (see hasMalformedOperator). A kind is one of null, boolean, number, text,
// empty-text, array, empty-array, object, empty-object.
function loadKnownDifferences() {
  const file = path.join(here, 'known_differences.json');
  const list = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const d of list)
    for (const key of ['id', 'reason', 'when'])
      if (!(key in d)) throw new Error(`${file}: entry ${JSON.stringify(d.id)} lacks "${key}"`);
  return list;
}

const MAX_PROBED_ITEMS = 6;

function isOperator(j) {
  return j !== null && typeof j === 'object' && !Array.isArray(j) && Object.keys(j).length === 1;
}

function kindOf(v) {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return v.length ? 'array' : 'empty-array';
  if (typeof v === 'string') return v.length ? 'text' : 'empty-text';
  if (typeof v === 'object') return Object.keys(v).length ? 'object' : 'empty-object';
  return typeof v;  // boolean, number
}

function describe(outcome) {
  if ('value' in outcome) return { kind: kindOf(outcome.value), value: outcome.value };
  return { kind: outcome.error.startsWith('crash: ') ? 'crash' : 'error', error: outcome.error };
}

// engine.run instead of engine.build, through the same normalisation.
function engineInterpreted(engine, rule, data) {
  return engineOutcome({ build: (r) => (d) => engine.run(r, d) }, rule, data);
}

// Sub-expressions that read no data are constants, which the engine evaluates when it builds a
// rule. Like the engine, an iterator's logic reads its items, not the data: an iterator over a
// constant is constant. The error types constants raise (each evaluated alone):
const DATA_READERS = new Set(['var', 'val', 'exists', 'missing', 'missing_some']);
function operandsOf(rule) {
  const [op, raw] = Object.entries(rule)[0];
  const operands = Array.isArray(raw) ? raw : [raw];
  return ITERATOR_OPERATORS.has(op) ? operands.filter((_, i) => i !== 1) : operands;  // not the logic
}
function readsData(rule) {
  if (Array.isArray(rule)) return rule.some(readsData);
  if (!isOperator(rule)) return false;
  return DATA_READERS.has(Object.keys(rule)[0]) || operandsOf(rule).some(readsData);
}
function constantErrors(rule, engine, out = new Set()) {
  if (Array.isArray(rule)) rule.forEach((r) => constantErrors(r, engine, out));
  if (!isOperator(rule)) return out;
  if (!readsData(rule)) {
    const o = engineOutcome(engine, rule, null);
    if ('error' in o) out.add(o.error);
  }
  const raw = Object.values(rule)[0];
  constantErrors(Array.isArray(raw) ? raw : [raw], engine, out);  // iterator logic included
  return out;
}

// Operators that take their arguments as an array, written without one ({"and": true}): the
// spec raises Invalid Arguments (conformance suite iterators.extra.json).
const ARRAY_ONLY_OPERATORS = new Set(['if', '?:', 'and', 'or', '==', '!=', '===', '!==', '<', '<=', '>', '>=', ...ITERATOR_OPERATORS]);
function hasMalformedOperator(rule) {
  if (Array.isArray(rule)) return rule.some(hasMalformedOperator);
  if (!isOperator(rule)) return false;
  const [op, raw] = Object.entries(rule)[0];
  return (ARRAY_ONLY_OPERATORS.has(op) && !Array.isArray(raw)) || hasMalformedOperator(raw);
}

// The tree of sub-expressions worth comparing: operators and array literals, each with the data
// it runs on. Iterator bodies run on each item of their source; reduce's only on the first,
// whose scope ({current, accumulator: the initial value}) is known without running the rest.
function probeTree(rule, data, engine, out) {
  if (!Array.isArray(rule) && !isOperator(rule)) return null;
  const node = { rule, data, children: [], index: out.length };
  out.push(node);
  if (Array.isArray(rule)) {
    node.op = 'array';
    node.operands = rule;
  } else {
    const [op, raw] = Object.entries(rule)[0];
    node.op = op;
    node.operands = Array.isArray(raw) ? raw : [raw];
  }
  const probe = (r, d) => { const child = probeTree(r, d, engine, out); if (child) node.children.push(child); };
  if (ITERATOR_OPERATORS.has(node.op) && node.operands.length >= 2) {
    probe(node.operands[0], data);
    const source = engineOutcome(engine, node.operands[0], data).value;
    node.items = Array.isArray(source) ? source.map(kindOf) : [];
    if (node.op === 'reduce') {
      if (node.operands.length > 2) probe(node.operands[2], data);
      const initial = node.operands.length > 2 ? engineOutcome(engine, node.operands[2], data).value ?? null : null;
      if (Array.isArray(source) && source.length > 0) probe(node.operands[1], { current: source[0], accumulator: initial });
    } else if (Array.isArray(source)) {
      for (const item of source.slice(0, MAX_PROBED_ITEMS)) probe(node.operands[1], item);
    }
  } else {
    for (const operand of node.operands) probe(operand, data);
  }
  return node;
}

// The spots (see above) where the engines disagree on case `c`.
function disagreementSpots(c, engine, binary) {
  const nodes = [];
  const root = probeTree(c.rule, c.data, engine, nodes);
  if (!root) return [];
  const ours = shisakuOutcomes(binary, nodes.map((n) => ({ rule: n.rule, data: n.data })));
  const differs = nodes.map((n, i) => !agree(ours[i], engineOutcome(engine, n.rule, n.data)));
  const engineSelfConsistent = (n) => deepEqual(engineOutcome(engine, n.rule, n.data), engineInterpreted(engine, n.rule, n.data));
  const inconsistentInside = (n) => n.children.some((child) => !engineSelfConsistent(child) || inconsistentInside(child));
  const spots = [];
  const visit = (n) => {
    let below = false;
    for (const child of n.children) below = visit(child) || below;
    if (differs[n.index] && !below) spots.push(n);
    return below || differs[n.index];
  };
  visit(root);
  const outcomeOf = (operand, data) => {
    const at = nodes.find((n) => n.rule === operand && n.data === data);
    return describe(at ? ours[at.index] : { value: normalize(operand) });
  };
  return spots.map((n) => {
    const iterator = ITERATOR_OPERATORS.has(n.op);
    const spot = {
      op: n.op,
      operands: n.operands,
      dynamic: n.op !== 'array' && !Array.isArray(n.rule[n.op]),
      args: iterator ? [outcomeOf(n.operands[0], n.data)] : n.operands.map((o) => outcomeOf(o, n.data)),
      items: n.items ?? [],
      body: !iterator ? []
        : isOperator(n.operands[1]) || Array.isArray(n.operands[1]) ? n.children.filter((b) => b.rule === n.operands[1]).map((b) => describe(ours[b.index]))
          : n.items.map(() => describe({ value: normalize(n.operands[1]) })),
      ours: describe(ours[n.index]),
      theirs: describe(engineOutcome(engine, n.rule, n.data)),
      interpreted: describe(engineInterpreted(engine, n.rule, n.data)),
      rule: n.rule,
      data: n.data,
    };
    spot.agrees_with_interpreter = deepEqual(spot.ours, spot.interpreted);
    spot.engine_inconsistent_inside = inconsistentInside(n);
    spot.constant_errors = [...constantErrors(n.rule, engine)];
    spot.malformed_inside = hasMalformedOperator(n.rule);
    return spot;
  });
}

function matches(difference, spot, engine) {
  try {
    return engine.run(difference.when, spot) === true;
  } catch (e) {
    throw new Error(`known difference ${difference.id}: its "when" fails on ${JSON.stringify(spot.rule)}: ${e?.message ?? JSON.stringify(e)}`);
  }
}

// The known differences (ids) that explain the spots of a disagreement, and the spots none explains.
function classify(c, differences, engine, binary) {
  const spots = disagreementSpots(c, engine, binary);
  if (spots.length === 0) return { unexplained: [] };
  const ids = new Set();
  const unexplained = [];
  for (const spot of spots) {
    const d = differences.find((k) => matches(k, spot, engine));
    if (d) ids.add(d.id);
    else unexplained.push(spot);
  }
  return { ids: [...ids], unexplained };
}

// ---- main -----------------------------------------------------------------------------------
function main() {
  const args = parseArgs(process.argv.slice(2));
  const jle = loadEngine();
  if (!jle) {
    console.log('SKIP: json-logic-engine is not installed (run npm ci in the project root)');
    return 77;
  }
  const engine = new jle.LogicEngine();
  const rnd = makeRandom(args.seed);
  const differences = loadKnownDifferences();

  const rules = rulesCases(args.rules, engine, rnd, args.answerSets);
  const cases = [...rules.cases, ...randomCases(rnd, args.random)];
  const ours = shisakuOutcomes(args.shisaku, cases);

  const unexplained = [];
  const explained = new Map(differences.map((d) => [d.id, 0]));
  let agreed = 0;
  cases.forEach((c, i) => {
    const theirs = engineOutcome(engine, c.rule, c.data);
    if (agree(ours[i], theirs)) return agreed++;
    const verdict = classify(c, differences, engine, args.shisaku);
    if (verdict.unexplained.length === 0 && verdict.ids?.length) return verdict.ids.forEach((id) => explained.set(id, explained.get(id) + 1));
    unexplained.push({ ...c, ours: ours[i], theirs, spots: verdict.unexplained });
  });

  console.log(`${rules.expressions} rule expressions x ${args.answerSets} answer sets, ${args.random} random expressions (seed ${args.seed})`);
  console.log(`${agreed} agree, ${cases.length - agreed - unexplained.length} differ as documented, ${unexplained.length} differ unexplained`);
  for (const [id, n] of explained) if (n > 0) console.log(`  known difference ${id}: ${n}`);
  for (const u of unexplained.slice(0, args.verbose ? Infinity : 25))
  {
    console.log(`DIFF ${u.source}: ${JSON.stringify(u.rule)} data=${JSON.stringify(u.data)}\n  shisaku: ${JSON.stringify(u.ours)}\n  engine:  ${JSON.stringify(u.theirs)}`);
    for (const s of u.spots) console.log(`  at ${JSON.stringify(s.rule)} on ${JSON.stringify(s.data)}: ${JSON.stringify({ op: s.op, args: s.args, items: s.items, ours: s.ours, theirs: s.theirs, interpreted: s.interpreted })}`);
  }
  if (unexplained.length > 25 && !args.verbose) console.log(`… ${unexplained.length - 25} more (--verbose)`);
  return unexplained.length === 0 ? 0 : 1;
}

process.exitCode = main();
