// The single-file build (dist/shisaku-navi-single.html), opened from disk as from a USB stick:
// it asks for nothing but itself, its CSP allows only its own code, and a wizard path works.
'use strict';
const fs = require('fs');
const path = require('path');

const FILE = path.join(__dirname, '../../dist/shisaku-navi-single.html');

module.exports = {
  async 'opened as file:// it completes a wizard path, asking for nothing but itself'({ context, h }) {
    const url = 'file://' + FILE;
    const page = await h.openPage(context, 'file://', null);
    const asked = [];
    page.on('request', r => asked.push(r.url()));
    await h.gotoApp(page, url + '?lang=ja');
    h.check(asked.filter(u => !u.startsWith('data:') && !u.startsWith('blob:')).every(u => u.startsWith(url)),
            'only the file itself was asked for: ' + asked.filter(u => !u.startsWith('data:')).join(', '));

    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    h.check(/default-src 'none'/.test(csp) && /connect-src 'none'/.test(csp) && !/'unsafe-inline'|'unsafe-eval'/.test(csp),
            'a CSP that allows only its own inline code, by hash: ' + csp);

    // A path with real clicks, the keypad for a number, and the API.
    await h.click(page, '始める');
    await h.click(page, '市区町村');
    for (const [id, v] of Object.entries({ municipality_type: 'town_village', kaso: true, metro3: false, joken_furi: true, fiscal_index: 0.25 }))
      h.check((await h.api(page, 'answer', id, v)).ok, 'answer ' + id);
    await h.api(page, 'ask', 'furusato_wh_participant_days');
    for (const key of ['1', '4', '0', '決定']) await h.click(page, key);
    const s = await h.api(page, 'state');
    h.check(s.answers.furusato_wh_participant_days === 140, 'the keypad answered 140, got ' + s.answers.furusato_wh_participant_days);
    const results = await h.api(page, 'results');
    const fwh = results.programs.find(p => p.id === 'furusato_working_holiday');
    h.check(fwh.status === 'eligible' && fwh.estimate.min === 15700000, 'the expected estimate: ' + JSON.stringify(fwh.estimate));
    await h.api(page, 'show', 'results');
    await h.settle(page, 300);
    await h.screenshot(page, 'single-file-results');
    h.check(page.problems.length === 0, 'no console error (a CSP refusal would show here): ' + page.problems.join('; '));
    h.check(!(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller)), 'no service worker from disk');
    console.log(`      single file: ${(fs.statSync(FILE).size / 1e6).toFixed(2)} MB`);
  },
};
