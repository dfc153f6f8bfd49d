// The interview as a person meets it (issue 11), by real clicks: purpose first, one chapter at a
// time, the questions naming the programmes they decide, and the person's own programme on the
// first screen of results, with whom to call.
'use strict';
const path = require('path');

const PERSONAS = path.join(__dirname, '..', 'personas');

// Answers each question on screen by clicking what the persona would: an option's label, はい
// or いいえ, the boxes of a multiple choice and 決定; わからない where the persona has no answer.
async function walk(page, h, persona) {
  const shown = [];
  let s = await h.api(page, 'state');
  while (s.screen === 'question' && shown.length < 40) {
    const q = s.question;
    shown.push({ id: q.id, chapter: s.chapter.id, decides: s.decides });
    const v = persona.answers[q.id];
    const label = o => q.options.find(x => x.value === o).label;
    if (v === undefined) await h.click(page, 'わからない');
    else if (q.type === 'boolean') await h.click(page, v ? 'はい' : 'いいえ');
    else if (q.type === 'single') await h.click(page, label(v));
    else if (q.type === 'multi') {
      for (const o of v) await h.click(page, '☐ ' + label(o));
      await h.click(page, '決定');
    } else throw new Error('a number question in the status interview: ' + q.id);
    const next = await h.api(page, 'state');
    h.check(next.question?.id !== q.id || next.screen !== 'question', `the click answered ${q.id}`);
    s = next;
  }
  return { shown, state: s };
}

async function persona(name) { return require(path.join(PERSONAS, name + '.json')); }

async function checkWalk(page, h, p, { maxQuestions }) {
  await h.click(page, '始める');
  const { shown, state } = await walk(page, h, p);
  h.check(state.screen === 'results', 'the interview ends on the results, not ' + state.screen);
  h.check(shown[0].id === 'applicant', 'who first');
  const interestsAt = shown.findIndex(q => q.id === 'interests');
  h.check(interestsAt > 0 && shown.slice(0, interestsAt).every(q => q.chapter === 'about_you'), 'the interests right after who and where: ' + shown.map(q => q.id).join(', '));
  h.check(shown.length <= maxQuestions, `${shown.length} questions (at most ${maxQuestions}): ` + shown.map(q => q.id).join(', '));
  // Chapters never come back once left.
  const chapters = shown.map(q => q.chapter).filter((c, i, all) => i === 0 || all[i - 1] !== c);
  h.check(new Set(chapters).size === chapters.length, 'each chapter once, in one run: ' + chapters.join(' → '));
  // Outside the basic chapters every question names the programmes it is for.
  for (const q of shown.filter(q => !['about_you', 'purpose', 'area'].includes(q.chapter)))
    h.check(q.decides.length > 0, q.id + ' names the programmes it decides');
  return shown;
}

// The key programme's card is on the first screen of results, with its contact line.
async function keyOnFirstScreen(page, h, p, viewportHeight) {
  const results = await h.api(page, 'results');
  const key = results.programs.find(r => r.id === p.key_programs[0]);
  h.check(key.status === 'eligible' && key.in_scope, `${key.id} is eligible and in scope`);
  const first = results.sections[0];
  h.check(first.kind === 'support' && first.programs[0] === key.id, `${key.id} leads the results: ${first.title}: ${first.programs.slice(0, 3).join(', ')}`);
  await h.settle(page, 600);  // the contact lines are details of the rules, fetched on the results screen
  const card = (await h.items(page)).find(i => i.label === key.name);
  h.check(card && card.y + card.h <= viewportHeight, `the card of ${key.name} is on the first screen (${card && Math.round(card.y + card.h)} of ${viewportHeight} px)`);
  return key;
}

module.exports = {
  async 'a 過疎 town planner who wants 協力隊 and 関係人口: few questions, on topic, 協力隊 first in the results'({ browser, origin, h }) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await h.openPage(context, origin, origin + '/');
    const p = await persona('kaso_town_kyoryokutai');
    const shown = await checkWalk(page, h, p, { maxQuestions: 12 });
    h.check(!shown.some(q => /^(dx_|chiiki_dx|datsutanso|kigyojin_(?!plan))/.test(q.id)), 'nothing on DX, decarbonisation or 起業人 details: ' + shown.map(q => q.id).join(', '));
    const s = await h.api(page, 'state');
    h.check(s.amount_questions > 0, 'the amount questions wait for the optional chapter');
    const key = await keyOnFirstScreen(page, h, p, 844);
    h.check(key.contacts[0].phone === '03-5253-5391', 'whom to call: ' + JSON.stringify(key.contacts[0]));
    await h.screenshot(page, 'interview-town-results-390');
    // The optional amounts chapter: 受入れ人数 turns 「…を入れると算出」 into an amount.
    h.check(key.total.kind === 'partial' && /受入れ人数/.test(key.total.needs_text), 'the card says what it needs: ' + key.total.needs_text);
    await h.click(page, `金額を見積もる（${s.amount_questions}問）`);
    let q = await h.api(page, 'state');
    h.check(q.screen === 'question' && q.chapter.id === 'amounts', 'the amounts chapter: ' + JSON.stringify(q.chapter));
    while (q.screen === 'question') {
      const v = p.answers[q.question.id];
      q = v === undefined ? await h.api(page, 'skip', q.question.id) : await h.api(page, 'answer', q.question.id, v);
    }
    const after = (await h.api(page, 'results')).programs.find(r => r.id === key.id);
    h.check(after.total.kind === 'exact' && after.total.known === 3 * 3500000 + 3 * 2000000 + 3500000 + 2000000 + 1000000 + 1000000 + 1000000,
            '協力隊 in total for 3 members, 1 starting a business: ' + JSON.stringify(after.total));
    await context.close();
  },

  async 'a small manufacturer without a successor: 事業承継 in a few questions, nothing on founding'({ browser, origin, h }) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await h.openPage(context, origin, origin + '/');
    const p = await persona('manufacturer_succession');
    const shown = await checkWalk(page, h, p, { maxQuestions: 12 });
    h.check(!shown.some(q => /^sogyo_(?!plan)|^jfc|^tokutei_sogyo|^tokutei_kyoju/.test(q.id)), 'no founding and no 特定居住支援法人 questions: ' + shown.map(q => q.id).join(', '));
    await keyOnFirstScreen(page, h, p, 740);
    await h.screenshot(page, 'interview-manufacturer-results-360');
    await context.close();
  },

  async 'changing an answer from a card returns to that card; widening the themes brings programmes back'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    await h.api(page, 'start');
    for (const [id, v] of Object.entries({ applicant: 'municipality', municipality_type: 'town_village', interests: ['migration'] }))
      h.check((await h.api(page, 'answer', id, v)).ok, 'answer ' + id);
    await h.api(page, 'show', 'results');
    let r = await h.api(page, 'results');
    const aside = r.programs.filter(p => !p.in_scope).length;
    const kyoryokutai = r.programs.find(p => p.id === 'chiiki_okoshi_kyoryokutai');
    h.check(kyoryokutai.status === 'unknown' && kyoryokutai.settling_questions.length > 0, '協力隊 still needs answers');
    // The card's own question, then back to the results with the card in view.
    const asked = await h.api(page, 'ask', kyoryokutai.settling_questions[0], kyoryokutai.id);
    let s = asked;
    while (s.screen === 'question') s = await h.api(page, 'answer', s.question.id, s.question.type === 'boolean' ? true : s.question.options[0].value);
    h.check(s.screen === 'results' && s.focus === kyoryokutai.id, 'back on the results at the card: ' + JSON.stringify({ screen: s.screen, focus: s.focus }));
    // Widening the interests from the recap brings the set-aside programmes back into scope.
    await h.api(page, 'show', 'recap');
    await h.api(page, 'ask', 'interests');
    s = await h.api(page, 'answer', 'interests', ['migration', 'decarbonization']);
    h.check(s.screen === 'recap', 'an answer changed from the recap returns to the recap, not ' + s.screen);
    r = await h.api(page, 'results');
    h.check(r.programs.filter(p => !p.in_scope).length < aside, 'fewer programmes set aside after widening the choice');
    // A theme that does not exist, or a gate answered with a word, is refused by name.
    const bad = await h.api(page, 'answer', 'interests', ['space']);
    h.check(!bad.ok && /interests/.test(bad.error), 'an unknown interest is refused: ' + JSON.stringify(bad));
    const badGate = await h.api(page, 'answer', 'kigyojin_plan', 'maybe');
    h.check(!badGate.ok && /kigyojin_plan/.test(badGate.error), 'a gate takes yes or no: ' + JSON.stringify(badGate));
    h.check((await h.api(page, 'state')).answers.interests.length === 2, 'nothing was lost');
  },
};
