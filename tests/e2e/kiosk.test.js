// Kiosk mode (?kiosk=1): after the idle reset nothing of the previous visitor remains (state,
// URL, storage, the aria mirror, the search field); a touch layout with no text entry; links
// and results leave only as QR codes.
'use strict';

const KASO_TOWN = { municipality_type: 'town_village', kaso: true, metro3: false, joken_furi: true, fiscal_index: 0.25 };

// Everything a visitor could leave behind, as the page sees it.
async function traces(page, h) {
  const s = await h.api(page, 'state');
  const page_side = await page.evaluate(() => ({
    href: location.href,
    local: localStorage.length,
    session: sessionStorage.length,
    mirror: document.getElementById('mirror').innerHTML,
    searchHidden: document.getElementById('search').hidden,
    searchValue: document.getElementById('search').value,
  }));
  return { ...s, ...page_side };
}

async function waitFor(page, h, what, test, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await h.api(page, 'state');
    if (test(s)) return s;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what + '; state: ' + JSON.stringify({ screen: s.screen, idle_countdown: s.idle_countdown }));
    await page.waitForTimeout(100);
  }
}

module.exports = {
  async 'the idle reset shows a countdown, then forgets the visitor: state, URL, storage, mirror, search field'({ browser, origin, h }) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1 });
    const url = origin + '/?kiosk=1&idle=5';
    const page = await h.openPage(context, origin, url);
    const settings = await h.api(page, 'settings');
    h.check(settings.kiosk && settings.idle_seconds === 5 && !settings.share_in_url, 'kiosk settings: ' + JSON.stringify(settings));
    // Whatever an earlier page of this origin might have stored.
    await page.evaluate(() => { localStorage.setItem('left', 'behind'); sessionStorage.setItem('left', 'behind'); });

    // A visitor: real touches, answers, a half-typed number, another language, the QR panel.
    await h.click(page, '始める');
    await h.click(page, '市区町村');
    for (const [id, v] of Object.entries(KASO_TOWN)) h.check((await h.api(page, 'answer', id, v)).ok, 'answer ' + id);
    await h.api(page, 'ask', 'furusato_wh_participant_days');
    await h.settle(page);
    await h.click(page, '1');
    await h.click(page, '4');
    let s = await h.api(page, 'state');
    h.check(s.draft && s.draft.number === '14', 'the keypad entered 14, got ' + JSON.stringify(s.draft));
    await h.api(page, 'show', 'results');
    await h.click(page, 'English');
    await h.click(page, 'Take my results');
    const visit = await traces(page, h);
    h.check(visit.lang === 'en' && visit.share_open && Object.keys(visit.answers).length === 6, 'the visit changed things: ' + JSON.stringify(visit.answers));
    h.check(visit.href === url, 'a kiosk never writes the URL: ' + visit.href);
    h.check(visit.mirror.includes('data-program'), 'the mirror lists the results during the visit');
    await h.screenshot(page, 'kiosk-take-results');

    // Nobody touches it: the warning counts down, for eyes and for screen readers.
    s = await waitFor(page, h, 'the countdown', st => st.idle_countdown !== null, 8000);
    h.check(s.idle_countdown > 0 && s.idle_countdown <= 5, 'countdown seconds: ' + s.idle_countdown);
    await h.settle(page, 300);
    await h.screenshot(page, 'kiosk-idle-warning');
    const warned = await page.evaluate(() => document.querySelector('#mirror [data-idle-warning]') !== null);
    h.check(warned, 'the aria mirror carries the idle warning');

    s = await waitFor(page, h, 'the reset', st => st.screen === 'start' && Object.keys(st.answers).length === 0, 5000);
    await h.settle(page, 400);
    const after = await traces(page, h);
    h.check(after.screen === 'start' && Object.keys(after.answers).length === 0 && after.skipped.length === 0, 'answers cleared: ' + JSON.stringify(after.answers));
    h.check(!after.share_open && after.notice === '' && after.idle_countdown === null, 'no panel, notice or countdown left');
    h.check(after.lang === 'ja', 'the language is back to the kiosk\'s own: ' + after.lang);
    h.check(after.draft === undefined || (after.draft.number === '' && after.draft.choices.length === 0), 'no half-entered answer: ' + JSON.stringify(after.draft));
    h.check(after.href === url, 'the URL is the kiosk\'s own: ' + after.href);
    h.check(after.local === 0 && after.session === 0, `storage is empty (local ${after.local}, session ${after.session})`);
    h.check(after.mirror.includes('data-screen="start"') && !after.mirror.includes('data-program') && !after.mirror.includes('data-idle-warning'),
            'the mirror shows the start screen only: ' + after.mirror.slice(0, 200));
    h.check(after.searchHidden && after.searchValue === '', 'the search field is hidden and empty');
    // The half-typed number is gone from its question too.
    await h.api(page, 'ask', 'furusato_wh_participant_days');
    s = await h.api(page, 'state');
    h.check(s.draft === undefined || s.draft.number === '', 'the number question starts empty: ' + JSON.stringify(s.draft));
    await h.api(page, 'restart');
    await h.screenshot(page, 'kiosk-after-reset');

    // Then it rests: a blank kiosk has nothing to count down and draws nothing.
    await h.settle(page, 500);
    const before = await h.api(page, 'frames');
    await page.waitForTimeout(2500);
    s = await h.api(page, 'state');
    h.check(s.idle_countdown === null && (await h.api(page, 'frames')) === before, 'a blank kiosk stays still');
    h.check(page.problems.length === 0, page.problems.join('; '));
    await context.close();
  },

  async 'touch layout: large targets, no search field, QR codes instead of links, results leave as a link without kiosk mode'({ browser, origin, h }) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1 });
    const page = await h.openPage(context, origin, origin + '/?kiosk=1');
    const small = async where => {
      const items = await h.items(page);
      h.check(items.length > 0, 'items drawn on ' + where);
      const tiny = items.filter(i => i.h < 44 || i.w < 44);
      h.check(tiny.length === 0, `targets under 44 px on ${where}: ` + tiny.map(i => `${i.label} ${Math.round(i.w)}×${Math.round(i.h)}`).join(', '));
      return items;
    };
    let items = await small('the start screen');
    h.check(items.some(i => i.label === '◐ コントラスト'), 'the contrast control says what it does (no hover tooltip)');
    await h.api(page, 'start');
    await small('a question');
    await h.api(page, 'answer', 'applicant', 'municipality');
    await h.api(page, 'ask', 'furusato_wh_participant_days');
    items = await small('a number question');
    h.check(['0', '1', '9', '⌫', '決定'].every(k => items.some(i => i.label === k)), 'the number question has its keypad: ' + items.map(i => i.label).join(' | '));

    await h.api(page, 'show', 'catalog');
    await h.settle(page);
    h.check(await page.evaluate(() => document.getElementById('search').hidden), 'no search field in kiosk mode');
    await h.api(page, 'show', 'detail', 'local10000');
    items = await small('a detail screen');
    h.check(!items.some(i => i.label === 'ウェブサイトを開く'), 'a kiosk offers no link to open');
    await page.mouse.move(540, 1200);
    await page.mouse.wheel(0, 4000);
    await h.settle(page, 300);
    await h.screenshot(page, 'kiosk-detail-contacts');

    for (const [id, v] of Object.entries(KASO_TOWN)) await h.api(page, 'answer', id, v);
    await h.api(page, 'show', 'results');
    await h.click(page, '結果を持ち帰る');
    items = await small('the take-my-results panel');
    h.check(!items.some(i => i.label === 'リンクをコピー' || i.label === '印刷用ページ'), 'no copy, download or print at a kiosk');
    const share = await h.api(page, 'share');
    h.check(/#a=/.test(share.url) && !/kiosk|idle/.test(share.url), 'the QR link opens the results without kiosk mode: ' + share.url);
    const before = await h.api(page, 'state');
    const phone = await h.openPage(context, origin, share.url);
    const restored = await h.api(phone, 'state');
    h.check(JSON.stringify(restored.answers) === JSON.stringify(before.answers), 'the link restores the visitor\'s answers on a phone');

    // A kiosk opened with someone's link starts blank all the same.
    const linked = await h.openPage(context, origin, origin + '/?kiosk=1#' + share.fragment);
    const blank = await h.api(linked, 'state');
    h.check(blank.screen === 'start' && Object.keys(blank.answers).length === 0, 'a kiosk does not restore a link');
    h.check(page.problems.length === 0, page.problems.join('; '));
    await context.close();
  },
};
