// The rules as plain data for the JavaScript tools (the differential test and the benchmark):
// reading rules/, deterministic randomness, and random complete answer sets drawn from the
// questions' types, options and ranges.
import fs from 'node:fs';
import path from 'node:path';

// ---- deterministic randomness (mulberry32) ----------------------------------------------
export function makeRandom(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

export function readJsonFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: path.join(path.basename(dir), f), json: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

export function randomAnswer(q, rnd) {
  switch (q.type) {
    case 'boolean':
      return rnd.chance(0.5);
    case 'single':
      return rnd.pick(q.options).value;
    case 'multi':
      return q.options.filter(() => rnd.chance(0.4)).map((o) => o.value);
    case 'number': {
      // The bounds themselves, and values on the question's grid in between.
      if (rnd.chance(0.15)) return q.min;
      if (rnd.chance(0.15)) return q.max;
      const step = q.integer ? Math.max(1, q.step ?? 1) : (q.step ?? (q.max - q.min) / 1000);
      const steps = Math.floor((q.max - q.min) / step);
      // Log-uniform over the number of steps: small and large amounts both appear.
      const k = Math.min(steps, Math.floor(Math.exp(rnd.next() * Math.log(steps + 1))));
      return Number((q.min + k * step).toPrecision(12));
    }
    default:
      throw new Error(`question ${q.id}: unknown type ${q.type}`);
  }
}

export function readRules(rulesDir) {
  return {
    questions: readJsonFiles(path.join(rulesDir, 'questions')).flatMap((f) => f.json),
    definitions: readJsonFiles(path.join(rulesDir, 'definitions')).flatMap((f) => f.json),
    programs: readJsonFiles(path.join(rulesDir, 'programs')),
  };
}

// `count` complete answer sets. Definitions are derived in declared order by json-logic-engine
// (`engine`), so a definition on which the engines disagree shows up as its own case.
export function randomAnswerSets({ questions, definitions }, engine, rnd, count) {
  const sets = [];
  for (let i = 0; i < count; i++) {
    const data = {};
    for (const q of questions) data[q.id] = randomAnswer(q, rnd);
    for (const d of definitions) {
      try {
        data[d.id] = engine.build(d.logic)(data);
      } catch {
        data[d.id] = null;
      }
    }
    sets.push(data);
  }
  return sets;
}
