// Accessibility: the keyboard reaches and answers the choices with a focus ring one can see;
// the aria-live mirror carries the question, its options, the live count and the results as
// real DOM text; and a page without JavaScript lists every programme.
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const { ring } = require('./images');

const FOCUS_COLOR = [0xbf, 0x39, 0x89];  // ImGuiCol_NavCursor of the calm theme (src/app/ui/theme.cpp)
const SCALE = 2;                          // run.js's deviceScaleFactor

// Presses `key` until the keyboard focus is on an item whose label passes `want`.
async function focusOn(page, h, key, want, what) {
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    await h.settle(page, 120);
    const focused = (await h.api(page, 'call', { op: 'items' })).items.find(it => it.focused);
    if (focused) seen.push(focused.label);
    if (focused && want(focused.label)) return focused;
  }
  throw new Error(`${key} never focused ${what}; focus went through: ${seen.join(' | ')}`);
}

async function mirror(page) {
  return page.evaluate(() => {
    const m = document.getElementById('mirror');
    const q = m.querySelector('[data-question]');
    return {
      live: m.getAttribute('aria-live'),
      screen: m.querySelector('[data-screen]') && m.querySelector('[data-screen]').getAttribute('data-screen'),
      counts: m.querySelector('[data-screen]') && m.querySelector('[data-screen]').textContent,
      question: q && { id: q.getAttribute('data-question'), text: q.textContent },
      options: [...m.querySelectorAll('li')].map(li => li.textContent),
      programs: [...m.querySelectorAll('[data-program]')].map(li => li.getAttribute('data-program')),
      text: m.textContent,
    };
  });
}

module.exports = {
  async 'keyboard: Tab, arrows, Enter and Space start the wizard and answer, with a visible focus ring'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    let start = await focusOn(page, h, 'Tab', l => l === '始める', 'the start button');
    await page.keyboard.press('Enter');
    await h.settle(page);
    let s = await h.api(page, 'state');
    h.check(s.screen === 'question' && s.question.id === 'applicant', 'Enter on 始める starts the wizard, got ' + s.screen);

    // A choice (an InvisibleButton underneath) takes the focus and shows it.
    const choice = await focusOn(page, h, 'Tab', l => l === '市区町村', 'the choice 市区町村');
    const shot = await h.screenshot(page, 'a11y-focus-ring');
    const ringPixels = await ring(page, shot, choice, FOCUS_COLOR, SCALE);
    h.check(ringPixels > 200, `a visible focus ring around the focused choice (${ringPixels} ring pixels)`);
    await page.keyboard.press('Enter');
    await h.settle(page);
    s = await h.api(page, 'state');
    h.check(s.answers.applicant === 'municipality', 'Enter answered 市区町村, got ' + JSON.stringify(s.answers));

    // The arrow keys and Space answer the next question.
    const next = s.question;
    const labels = next.type === 'boolean' ? ['はい', 'いいえ'] : next.options.map(o => o.label);
    const option = await focusOn(page, h, 'ArrowDown', l => labels.includes(l), 'an option of ' + next.id);
    await page.keyboard.press('Space');
    await h.settle(page);
    s = await h.api(page, 'state');
    h.check(s.answers[next.id] !== undefined, `Space on "${option.label}" answered ${next.id}: ` + JSON.stringify(s.answers));

    // The negative control: after a mouse click the ring is gone, and the check sees it.
    await page.mouse.click(5, 300);
    await h.settle(page);
    const items = (await h.api(page, 'call', { op: 'items' })).items;
    h.check(!items.some(i => i.focused), 'a mouse click hides the keyboard focus');
    const plain = await h.screenshot(page, 'a11y-no-focus-ring');
    const target = items.find(i => labels.includes(i.label) || i.label === '戻る');
    const none = await ring(page, plain, target, FOCUS_COLOR, SCALE);
    h.check(none < 20, `no ring without keyboard focus, yet the check found ${none} pixels`);
  },

  async 'the catalog search field edits like any text field: typing, Backspace, and the list follows'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    await h.api(page, 'show', 'catalog');
    await h.settle(page, 300);
    const cards = async () => (await h.items(page)).filter(i => i.h > 60).length;
    const all = await cards();
    await page.click('#search');
    await page.keyboard.type('ワーキングホリデーx');
    await page.keyboard.press('Backspace');
    await h.settle(page, 300);
    h.check((await page.inputValue('#search')) === 'ワーキングホリデー', 'Backspace deleted one character: ' + (await page.inputValue('#search')));
    const found = await cards();
    h.check(found > 0 && found < all, `the list follows the search (${found} of ${all} cards)`);
  },

  async 'the aria-live mirror follows the question, its options, the live count and the results'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    let m = await mirror(page);
    h.check(m.live === 'polite' && m.screen === 'start' && m.text.includes('施策ナビ'), 'the mirror shows the start: ' + m.text.slice(0, 80));

    let s = await h.api(page, 'start');
    await h.settle(page);
    m = await mirror(page);
    h.check(m.question && m.question.id === s.question.id && m.question.text === s.question.text, 'the mirror shows the question: ' + JSON.stringify(m.question));
    for (const o of s.question.options) h.check(m.options.includes(o.label), 'the mirror lists the option ' + o.label);
    h.check(m.counts.includes(`該当 ${s.counts.eligible}`) && m.counts.includes(`要確認 ${s.counts.unknown}`), 'the live count: ' + m.counts);

    await h.click(page, '市区町村');
    s = await h.api(page, 'state');
    m = await mirror(page);
    h.check(m.question && m.question.id === s.question.id && s.question.id !== 'applicant', 'the mirror moved on to ' + s.question.id + ': ' + JSON.stringify(m.question));
    h.check(m.counts.includes(`該当 ${s.counts.eligible}`), 'the count follows the answer: ' + m.counts);

    await h.api(page, 'answer', 'kaso', true);
    await h.api(page, 'show', 'results');
    await h.settle(page);
    const results = await h.api(page, 'results');
    m = await mirror(page);
    // In the screen's order: by kind of support, then those that do not apply, then those set aside.
    const listed = results.sections.flatMap(section => section.programs);
    h.check(m.screen === 'results' && JSON.stringify(m.programs) === JSON.stringify(listed),
            `the mirror lists the ${listed.length} programmes in the results' order, has ${m.programs.length}`);
    const first = results.programs.find(p => p.status === 'eligible');
    h.check(m.text.includes(first.name), 'with their names: ' + first.name);

    await h.click(page, 'English');
    m = await mirror(page);
    h.check(m.counts.includes('Eligible') && !m.text.includes('該当する施策'), 'the mirror follows the language: ' + m.counts);
  },

  async 'without JavaScript or WebAssembly: the page points to programs.html, which lists every programme in rules/'({ browser, origin, h }) {
    const catalog = JSON.parse(execFileSync(path.join(h.ROOT, 'build/native/shisaku'), ['catalog', '--format', 'json'], { maxBuffer: 64 << 20 }));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await h.openPage(context, origin);
    await page.goto(origin + '/');
    const link = page.locator('noscript a[href="programs.html"]').first();
    h.check(await link.isVisible(), 'the app page shows a link to programs.html when JavaScript is off');
    await link.click();
    await page.waitForLoadState();
    h.check(page.url() === origin + '/programs.html', 'the link leads to programs.html: ' + page.url());
    const doc = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelector('h1') && document.querySelector('h1').textContent,
      back: [...document.querySelectorAll('a[href="index.html"]')].length,
      ids: [...document.querySelectorAll('article[data-program]')].map(a => a.id),
      headed: [...document.querySelectorAll('article[data-program]')].filter(a => a.querySelector('h3')).length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
      scripts: document.scripts.length,
    }));
    h.check(doc.lang === 'ja' && /施策/.test(doc.title) && doc.h1 && doc.back > 0, 'a proper page: ' + JSON.stringify({ lang: doc.lang, title: doc.title, back: doc.back }));
    h.check(doc.ids.length === catalog.count && doc.headed === catalog.count, `lists ${doc.ids.length} programmes with headings, rules/ has ${catalog.count}`);
    const missing = catalog.programs.filter(p => !doc.ids.includes(p.id)).map(p => p.id);
    h.check(missing.length === 0, 'missing: ' + missing.join(', '));
    h.check(doc.scripts === 0 && /default-src 'none'/.test(doc.csp), 'no script, a strict CSP: ' + doc.csp);
    // A programme in full: conditions in words, amounts with their fiscal year, contact and source.
    const p = catalog.programs.find(x => x.figures.length && x.conditions.length && x.contacts.some(c => c.phone));
    const article = await page.locator('article#' + p.id).innerText();
    const figure = p.figures[0];
    for (const piece of [p.name, p.conditions[0].text, figure.text, figure.fiscal_year, p.contacts.find(c => c.phone).phone, p.sources[0].split(' ')[0]])
      h.check(article.includes(piece), `${p.id} shows "${piece}"`);
    await page.setViewportSize({ width: 420, height: 860 });
    await page.screenshot({ path: path.join(h.ARTIFACTS, 'programs-html.png') });
    await context.close();

    // JavaScript without WebAssembly: the loader says so and links to the same list.
    const noWasm = await browser.newContext();
    await noWasm.addInitScript(() => { delete window.WebAssembly; });
    const bare = await h.openPage(noWasm, origin);
    await bare.goto(origin + '/');
    const fallback = bare.locator('#loading-fallback a[href="programs.html"]');
    await fallback.waitFor({ state: 'visible', timeout: 10000 });
    h.check(/WebAssembly/.test(await bare.locator('#loading-error').innerText()), 'the loader names what is missing');
    await noWasm.close();
  },
};
