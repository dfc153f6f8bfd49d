// The wizard in real Chromium (issue 4): loads cleanly, renders Japanese, completes a path by
// clicks, keys and window.shisaku, restores a share link and refuses a tampered one, writes
// screenshots, and draws nothing while idle.
'use strict';
const fs = require('fs');
const path = require('path');
const { difference, ink } = require('./images');

const KASO_TOWN = { applicant: 'municipality', municipality_type: 'town_village', kaso: true, metro3: false, joken_furi: true, fiscal_index: 0.25 };

module.exports = {
  async 'loads with no console error and no request outside its origin'({ context, origin, requests: all, h }) {
    const before = all.length;
    const page = await h.openPage(context, origin, origin + '/');
    const requests = all.slice(before);
    h.check(page.problems.length === 0, page.problems.join('; '));
    h.check(page.offOrigin.length === 0, 'requests outside the origin: ' + page.offOrigin.join(', '));
    for (const f of ['/rules.ja.bin', '/app.wasm', '/app.js']) h.check(requests.includes(f), 'did not load ' + f);
    h.check(!requests.includes('/rules-details.ja.bin'), 'the first view does not load the details of the rules');
    const s = await h.api(page, 'state');
    h.check(s.screen === 'start', 'starts on the start screen, not ' + s.screen);
    // Requests that are not JSON, or nest too deep, are refused by name; the app carries on.
    const raw = text => page.evaluate(t => JSON.parse(Module.ccall('shisaku_call', 'string', ['string'], [t])), text);
    const broken = await raw('{"op": ');
    h.check(!broken.ok && /malformed JSON/.test(broken.error), 'a broken request: ' + JSON.stringify(broken));
    const deep = await raw('['.repeat(5000) + ']'.repeat(5000));
    h.check(!deep.ok && /nested deeper/.test(deep.error), 'a deep request: ' + JSON.stringify(deep));
    h.check((await h.api(page, 'state')).screen === 'start', 'the app still answers after refused requests');
  },

  async 'rules here in time are read before the first frame; rules slow, missing or broken are told, never a blank page'({ browser, context, origin, h }) {
    // Rules before app.wasm (as on any network: they are a sixth of its size): they are read
    // before the first frame, which shows the start screen ready (page.setUpDone).
    const firstContext = await browser.newContext();  // leaves no service worker to the page below
    const first = await h.openPage(firstContext, origin, null);
    let rulesServed;
    const served = new Promise(r => { rulesServed = r; });
    await first.route('**/rules.ja.bin', async route => { await route.continue(); rulesServed(); });
    await first.route('**/app.wasm', async route => { await served; await route.continue(); });
    await first.goto(origin + '/');
    await first.waitForFunction(() => window.shisaku.ready && document.getElementById('loading').hidden, null, { timeout: 30000 });
    const t = await first.evaluate(() => {
      const at = name => (performance.getEntriesByName(name)[0] || {}).startTime;
      return { setUp: at('shisaku-set-up'), ready: at('shisaku-rules-ready'), first: at('shisaku-first-frame') };
    });
    h.check(t.setUp < t.ready && t.ready < t.first, 'set up, then the rules, then the first frame: ' + JSON.stringify(t));
    await firstContext.close();
    // Slow: the first frame comes without the rules; a press on Start meanwhile starts once they are in.
    const slow = await h.openPage(context, origin, null);
    let release;
    const held = new Promise(r => { release = r; });
    await slow.route('**/rules.ja.bin', async route => { await held; await route.continue(); });
    await slow.goto(origin + '/');
    await slow.waitForFunction(() => document.getElementById('loading').hidden, null, { timeout: 30000 });
    h.check(await slow.evaluate(() => window.shisaku.ready === false), 'the first frame is drawn before the rules are in');
    const early = await slow.evaluate(() => window.shisaku.start());
    h.check(!early.ok && /still loading/.test(early.error), 'the API says the rules are loading: ' + JSON.stringify(early));
    await h.click(slow, '始める');
    h.check(await slow.evaluate(() => window.shisaku.ready === false), 'still loading after the press');
    release();
    await slow.waitForFunction(() => window.shisaku.ready, null, { timeout: 30000 });
    await h.settle(slow);
    h.check((await h.api(slow, 'state')).screen === 'question', 'the press made while loading started the wizard once the rules were in');
    h.check(slow.problems.length === 0, slow.problems.join('; '));
    // Missing, not compiled rules, cut short or altered: the page says which and why, with its
    // link to the list without JavaScript.
    const real = fs.readFileSync(path.join(h.ROOT, 'dist', 'rules.ja.bin'));
    const altered = Buffer.from(real);
    altered[altered.length >> 1] ^= 0x20;
    const part = body => ({ status: 200, contentType: 'application/octet-stream', body });
    for (const [what, fulfil, expected] of [['missing', { status: 404, body: 'not found' }, /rules\.ja\.bin: HTTP 404/],
                                            ['JSON', part('{"format": '), /rules could not be loaded[\s\S]*rules\.ja\.bin[\s\S]*not a compiled rules part/],
                                            ['truncated', part(real.subarray(0, real.length - 100)), /rules could not be loaded[\s\S]*rules\.ja\.bin[\s\S]*cut short/],
                                            ['tampered', part(altered), /rules could not be loaded[\s\S]*rules\.ja\.bin[\s\S]*altered/]]) {
      const fresh = await browser.newContext();  // no service worker from the visit above
      const page = await h.openPage(fresh, origin, null);
      await page.route('**/rules.ja.bin', route => route.fulfill(fulfil));
      await page.goto(origin + '/');
      await page.locator('#loading-fallback a[href="programs.html"]').waitFor({ state: 'visible', timeout: 30000 });
      const error = await page.locator('#loading-error').innerText();
      h.check(expected.test(error), `${what} rules: the page says ${JSON.stringify(error)}`);
      h.check(await page.evaluate(() => window.shisaku.ready === false), `${what} rules: the API is not ready`);
      await fresh.close();
    }
  },

  async 'Japanese renders: the start screen and the question match their references, and a build without Japanese glyphs fails the same check'({ context, origin, h }) {
    const referenceOf = (shot, name) => {
      const reference = path.join(__dirname, 'reference', name);
      if (!fs.existsSync(reference) || process.env.SHISAKU_UPDATE_REFERENCE === '1') {
        fs.copyFileSync(shot, reference);
        if (process.env.SHISAKU_UPDATE_REFERENCE !== '1') throw new Error('no reference yet: wrote ' + reference + '; look at it and commit it');
      }
      return reference;
    };
    const page = await h.openPage(context, origin, origin + '/');
    // The start screen as the first frame draws it: its glyphs were laid out in a pass that did
    // not draw them and drawn in the tasks after it (ui/canvas_font.cpp, record_glyphs). The
    // title, the description and the buttons (the count and the rules' version below change).
    const start = await h.screenshot(page, 'check-start-ja');
    const startDiff = await difference(page, start, referenceOf(start, 'start-ja.png'), { x: 0, y: 0, w: 840, h: 1150 });
    h.check(startDiff < 0.01, `the start screen differs from its reference in ${(startDiff * 100).toFixed(2)}% of pixels`);
    await h.api(page, 'start');
    await h.settle(page, 400);
    const shot = await h.screenshot(page, 'check-question-ja');
    const reference = referenceOf(shot, 'question-ja.png');
    // The heading "どの立場で支援を探していますか？" sits near the top: it must hold ink.
    const heading = { x: 40, y: 250, w: 720, h: 70 };
    // Compared: the question and its first options (the chapter line above it changes with the rules).
    const question = { x: 0, y: 240, w: 840, h: 900 };
    const inkOk = await ink(page, shot, heading);
    const diffOk = await difference(page, shot, reference, question);
    h.check(inkOk > 0.02, `the heading area is blank (ink ${inkOk.toFixed(3)})`);
    h.check(diffOk < 0.01, `differs from the reference in ${(diffOk * 100).toFixed(2)}% of pixels`);

    // The negative control: the same screen without Japanese glyphs must fail the check.
    const control = await h.openPage(context, origin, origin + '/?font=nocjk');
    await h.api(control, 'start');
    await h.settle(control, 400);
    const bad = await h.screenshot(control, 'check-question-nocjk');
    const diffBad = await difference(control, bad, reference, question);
    h.check(diffBad >= 0.01, `a build without Japanese glyphs passed the check (diff ${(diffBad * 100).toFixed(2)}%)`);
  },

  async 'a full path: real clicks, keys and the JavaScript API end with the expected programs and estimates'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    await h.click(page, '始める');
    let s = await h.api(page, 'state');
    h.check(s.screen === 'question' && s.question.id === 'applicant', 'the start button leads to the applicant question');
    await h.click(page, '市区町村');
    s = await h.api(page, 'state');
    h.check(s.answers.applicant === 'municipality', 'clicking 市区町村 answered applicant');
    for (const [id, v] of Object.entries(KASO_TOWN)) {
      const r = await h.api(page, 'answer', id, v);
      h.check(r.ok, `answer ${id}: ${r.error}`);
    }
    // A number typed on the keyboard: the stay days of the furusato working holiday.
    await h.api(page, 'ask', 'furusato_wh_participant_days');
    await h.settle(page);
    await page.keyboard.type('140');
    await h.settle(page, 100);
    await page.keyboard.press('Enter');
    await h.settle(page);
    s = await h.api(page, 'state');
    h.check(s.answers.furusato_wh_participant_days === 140, 'typed 140 + Enter answered the number question, got ' + s.answers.furusato_wh_participant_days);
    const results = await h.api(page, 'results');
    const fwh = results.programs.find(p => p.id === 'furusato_working_holiday');
    h.check(fwh.status === 'eligible', 'furusato_working_holiday is eligible for a town, got ' + fwh.status);
    h.check(fwh.estimate.min === 15700000 && fwh.estimate.max === 15700000, 'FWH cap 15,000千円 + 5千円 × 140 = 15,700,000, got ' + JSON.stringify(fwh.estimate));
    const company = results.programs.find(p => p.id === 'jfc_shinki_kaigyo_startup_shien_shikin');
    h.check(company.status === 'ineligible', 'a municipality is not eligible for the JFC start-up loan');
    h.check(results.counts.eligible > 10, 'many programs apply to a 過疎 town');
    // Back goes to the previous question with its answer kept.
    await h.api(page, 'show', 'results');
    await h.api(page, 'back');
    s = await h.api(page, 'state');
    h.check(s.screen === 'question', 'back from the results shows a question');
  },

  async 'a share link restores the state; a tampered or outdated link is refused and nothing else is lost'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    await h.api(page, 'start');
    for (const [id, v] of Object.entries(KASO_TOWN)) await h.api(page, 'answer', id, v);
    await h.api(page, 'show', 'detail', 'furusato_working_holiday');
    await h.settle(page);
    const url = await page.evaluate(() => location.href);
    h.check(url.includes('#a='), 'the URL fragment carries the answers: ' + url);
    const before = await h.api(page, 'state');

    const again = await h.openPage(context, origin, url);
    const after = await h.api(again, 'state');
    h.check(JSON.stringify(after.answers) === JSON.stringify(before.answers), 'reloading the link restores the answers');
    h.check(after.screen === 'detail' && after.program === 'furusato_working_holiday', 'and the screen: ' + after.screen);

    const code = url.split('#a=')[1].split('&')[0];
    const tampered = url.replace(code, code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6));
    const bad = await h.openPage(context, origin, tampered);
    const s = await h.api(bad, 'state');
    h.check(s.notice && s.notice.length > 0, 'a tampered link shows a message');
    h.check(Object.keys(s.answers).length === 0 && s.screen === 'start', 'a tampered link restores nothing');
    h.check(bad.problems.length === 0, 'no errors: ' + bad.problems.join('; '));
    // Still usable after the refusal.
    const r = await h.api(bad, 'answer', 'applicant', 'company');
    h.check(r.ok, 'the app keeps working after a refused link');
  },

  async 'screenshots of start, question, results and detail at phone and kiosk widths'({ browser, origin, h }) {
    for (const [name, viewport, scale] of [['phone', { width: 360, height: 740 }, 2], ['kiosk', { width: 1920, height: 1080 }, 1]]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
      const page = await h.openPage(context, origin, origin + (name === 'kiosk' ? '/?kiosk=1' : '/'));
      await h.screenshot(page, `${name}-1-start`);
      await h.api(page, 'start');
      await h.settle(page, 300);
      await h.screenshot(page, `${name}-2-question`);
      for (const [id, v] of Object.entries(KASO_TOWN)) await h.api(page, 'answer', id, v);
      await h.api(page, 'show', 'results');
      await h.settle(page, 300);
      await h.screenshot(page, `${name}-3-results`);
      await h.api(page, 'show', 'detail', 'local10000');
      await h.settle(page, 300);
      await h.screenshot(page, `${name}-4-detail`);
      h.check(page.problems.length === 0, page.problems.join('; '));
      await context.close();
    }
  },

  async 'draws no frame while idle'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/');
    await h.api(page, 'start');
    await h.api(page, 'answer', 'applicant', 'municipality');
    await h.api(page, 'show', 'results');
    await h.settle(page, 500);
    const before = await h.api(page, 'frames');
    await page.waitForTimeout(3000);
    const after = await h.api(page, 'frames');
    h.check(after === before, `drew ${after - before} frames in 3 s of idle`);
  },
};
