// A phone in the hand (issue 12): at 360 px in both languages no label is clipped; the
// browser's Back steps through the interview; a double tap answers one question; the phone
// number is a real tel: link; a number out of range is refused in the page's language and the
// message goes once it is fixed; a broken link says so at once.
'use strict';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };
const TOWN = { applicant: 'municipality', municipality_type: 'town_village', interests: ['migration'], kigyojin_plan: false, dai2sedai_plan: false,
               kaso: true, joken_furi: true, teiju_jiritsuken: 'none', kyoryokutai_member_origin: 'urban_migrant' };

async function phonePage(browser, origin, h, query = '') {
  const context = await browser.newContext(PHONE);
  const page = await h.openPage(context, origin, origin + '/' + query);
  return { context, page };
}

// Every item the frame drew has room for its label (text_w: its widest line with padding).
async function noClipping(page, h, where) {
  const clipped = (await h.items(page)).filter(i => i.text_w > i.w + 1);
  h.check(clipped.length === 0, `${where}: clipped labels: ` + clipped.map(i => `${i.label} (${Math.round(i.text_w)} > ${Math.round(i.w)})`).join(' | '));
}

module.exports = {
  async 'at 360 px, in Japanese and English and with A＋, no control clips its label'({ browser, origin, h }) {
    for (const query of ['?lang=ja', '?lang=en', '?lang=ja&text=1.3', '?lang=en&text=1.3']) {
      const { context, page } = await phonePage(browser, origin, h, query);
      await noClipping(page, h, query + ' start');
      await h.api(page, 'start');
      await noClipping(page, h, query + ' first question');
      for (const [id, v] of Object.entries(TOWN)) await h.api(page, 'answer', id, v);
      await h.api(page, 'ask', 'kyoryokutai_members');
      await noClipping(page, h, query + ' number question');
      await h.api(page, 'show', 'results');
      await noClipping(page, h, query + ' results');
      await h.api(page, 'show', 'detail', 'chiiki_okoshi_kyoryokutai');
      await h.settle(page, 600);
      await noClipping(page, h, query + ' detail');
      await h.api(page, 'show', 'recap');
      await noClipping(page, h, query + ' recap');
      await h.api(page, 'show', 'results');
      await h.click(page, query.includes('en') ? 'Share and save' : '共有・保存');
      await noClipping(page, h, query + ' share panel');
      if (query === '?lang=en') {
        // English says each status one way, writes fiscal years once, and brackets the English way.
        const mirror = await page.locator('#mirror').innerText();
        h.check(!/To check|needs more answers|\[R\d\]|（|）/.test(mirror), 'English wording: ' + mirror.match(/To check|needs more answers|\[R\d\]|（|）/));
      }
      await context.close();
    }
  },

  async "the browser's Back and Forward step through the questions and screens"({ browser, origin, h }) {
    const { context, page } = await phonePage(browser, origin, h);
    await h.click(page, '始める');
    await h.click(page, '市区町村');
    await h.click(page, '町村');
    let s = await h.api(page, 'state');
    h.check(s.question.id === 'interests', 'on the interests question');
    await page.goBack();
    await h.settle(page, 400);
    s = await h.api(page, 'state');
    h.check(s.screen === 'question' && s.question.id === 'municipality_type', 'Back: the previous question, not another site: ' + s.screen + ' ' + s.question?.id);
    await page.goBack();
    await h.settle(page, 400);
    s = await h.api(page, 'state');
    h.check(s.question?.id === 'applicant', 'Back again: the first question: ' + s.question?.id);
    await page.goForward();
    await h.settle(page, 400);
    s = await h.api(page, 'state');
    h.check(s.question?.id === 'municipality_type' && s.answers.applicant === 'municipality', 'Forward returns, with the answer: ' + JSON.stringify(s.answers));
    h.check(page.url().startsWith(origin), 'still on the app');
    await context.close();
  },

  async 'a double tap answers one question; quick taps on 始める answer nothing'({ browser, origin, h }) {
    const { context, page } = await phonePage(browser, origin, h);
    // Five quick taps on 始める: the first starts, the others land on the new screen and are ignored.
    const start = (await h.items(page)).find(i => i.label === '始める');
    for (let i = 0; i < 5; i++) {
      await page.mouse.click(start.x + start.w / 2, start.y + 10);
      await page.waitForTimeout(60);
    }
    await h.settle(page, 400);
    let s = await h.api(page, 'state');
    h.check(s.screen === 'question' && s.question.id === 'applicant' && !s.answers.applicant, 'quick taps answered nothing: ' + JSON.stringify(s.answers));
    // Two taps 150 ms apart on 市区町村: one answer; the next question stays unanswered.
    const option = (await h.items(page)).find(i => i.label === '市区町村');
    await page.waitForTimeout(350);
    await page.mouse.click(option.x + option.w / 2, option.y + 10);
    await page.waitForTimeout(150);
    await page.mouse.click(option.x + option.w / 2, option.y + 10);
    await h.settle(page, 400);
    s = await h.api(page, 'state');
    h.check(s.answers.applicant === 'municipality' && s.question.id === 'municipality_type' && !s.answers.municipality_type,
            'a double tap answered one question: ' + JSON.stringify(s.answers) + ' now on ' + s.question.id);
    // Deliberate taps are not slowed: the next tap after a moment answers.
    await h.click(page, '町村');
    h.check((await h.api(page, 'state')).answers.municipality_type === 'town_village', 'a deliberate tap answers');
    await context.close();
  },

  async 'whom to call: the phone number is a real tel: link over the drawn number, with the next steps beside it'({ browser, origin, h }) {
    for (const lang of ['ja', 'en']) {
      const { context, page } = await phonePage(browser, origin, h, '?lang=' + lang);
      await h.api(page, 'start');
      for (const [id, v] of Object.entries(TOWN)) await h.api(page, 'answer', id, v);
      await h.api(page, 'show', 'detail', 'chiiki_okoshi_kyoryokutai');
      await h.settle(page, 800);
      // Scrolled into view as a person would (English runs longer).
      let drawn;
      for (let i = 0; i < 8 && !(drawn = (await h.items(page)).find(it => it.href === 'tel:03-5253-5391')); i++) {
        await page.mouse.move(180, 400);
        await page.mouse.wheel(0, 250);
        await h.settle(page, 300);
      }
      h.check(drawn, 'the number is drawn as a link: ' + (await h.items(page)).map(i => i.label.slice(0, 12) + (i.href ? '*' : '')).join(' | '));
      const a = page.locator('#links a[href="tel:03-5253-5391"]');
      h.check(await a.count() === 1, 'one <a href="tel:…"> for it');
      const box = await a.boundingBox();
      h.check(Math.abs(box.x - drawn.x) < 2 && Math.abs(box.y - drawn.y) < 2 && Math.abs(box.width - drawn.w) < 2, 'the link lies over the number: ' + JSON.stringify({ box, drawn }));
      for (let i = 0; i < 4 && !(await page.locator('#links a[href^="https://www.soumu.go.jp/"]').count()); i++) {
        await page.mouse.move(180, 400);
        await page.mouse.wheel(0, 150);
        await h.settle(page, 300);
        await h.items(page);
      }
      const web = page.locator('#links a[href^="https://www.soumu.go.jp/"]').first();
      h.check(await web.getAttribute('target') === '_blank' && /noopener/.test(await web.getAttribute('rel')), 'the web address opens in a new tab, noopener');
      await h.screenshot(page, `phone-detail-contacts-${lang}`);
      await page.mouse.move(180, 400);
      await page.mouse.wheel(0, 450);
      await h.settle(page, 500);
      const steps = (await h.items(page)).length;  // a frame after the scroll
      h.check(steps >= 0, 'drawn');
      await h.screenshot(page, `phone-detail-next-steps-${lang}`);
      // A link scrolled out of view has no <a> left behind over the top bar.
      const top = await page.locator('#links a').evaluateAll(list => list.map(a => parseFloat(a.style.top)));
      h.check(top.every(y => y > 60), 'no link over the top bar: ' + top.join(', '));
      await context.close();
    }
  },

  async 'a number out of range is refused in Japanese, named, with its range, and the message clears once fixed'({ browser, origin, h }) {
    const { context, page } = await phonePage(browser, origin, h);
    await h.api(page, 'start');
    for (const [id, v] of Object.entries(TOWN)) await h.api(page, 'answer', id, v);
    await h.api(page, 'ask', 'kyoryokutai_members');
    await h.settle(page, 400);
    await page.keyboard.type('999');
    await h.settle(page);
    let s = await h.api(page, 'state');
    h.check(s.draft.number === '99', 'the digit that would leave the range is refused as typed: ' + s.draft.number);
    h.check(/受入れ人数/.test(s.draft.message) && /0〜200人/.test(s.draft.message) && !/[a-z_]{4,}/.test(s.draft.message),
            'said in Japanese with the name and the range: ' + s.draft.message);
    await page.keyboard.press('Backspace');
    await h.settle(page);
    s = await h.api(page, 'state');
    h.check(s.draft.number === '9' && s.draft.message === '', 'the message clears once the entry is fine: ' + JSON.stringify(s.draft));
    for (let i = 0; i < 2; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('-5');
    await h.settle(page);
    s = await h.api(page, 'state');
    h.check(s.draft.number === '-5' && /マイナス/.test(s.draft.message), 'a typed -5 is refused, not turned into 5: ' + JSON.stringify(s.draft));
    await page.keyboard.press('Enter');
    await h.settle(page);
    s = await h.api(page, 'state');
    h.check(s.answers.kyoryokutai_members === undefined, 'nothing was answered');
    // Amounts in yen are keyed in 万円 and echoed as amounts are written.
    await h.api(page, 'ask', 'furusato_wh_participant_days');
    await h.api(page, 'show', 'detail', 'kaso_kofukin_akiya_katsuyo');
    const refused = await h.api(page, 'answer', 'kyoryokutai_members', 9.999999999999999e22);
    h.check(!refused.ok, 'the API refuses it too (for developers, in its own words)');
    await context.close();
  },

  async 'a broken link is said at once, in the page language; the app keeps running'({ browser, origin, h }) {
    for (const [lang, words] of [['ja', /リンク/], ['en', /link/]]) {
      const { context, page } = await phonePage(browser, origin, h, `?lang=${lang}#a=xyz`);
      const s = await h.api(page, 'state');
      h.check(words.test(s.notice) && (lang === 'en' || !/[A-Za-z]{3,}/.test(s.notice)), `${lang}: the notice at once, in its language: ` + s.notice);
      h.check(s.screen === 'start', 'the start screen under it');
      await h.screenshot(page, `phone-broken-link-${lang}`);
      h.check((await h.api(page, 'start')).ok, 'the app keeps running');
      await context.close();
    }
  },

  async 'the FY2026 new and expanded view opens from the URL; the catalog finds a programme the sources only name'({ browser, origin, h }) {
    const { context, page } = await phonePage(browser, origin, h, '?view=new');
    let s = await h.api(page, 'state');
    h.check(s.screen === 'catalog', 'opens on the catalog: ' + s.screen);
    const labels = (await h.items(page)).map(i => i.label);
    h.check(labels.some(l => /新規・拡充/.test(l)), 'the 新規・拡充 chip is on');
    await h.screenshot(page, 'phone-view-new');
    await context.close();
    const second = await phonePage(browser, origin, h, '');
    await h.api(second.page, 'show', 'catalog');
    await second.page.evaluate(() => { const s = document.getElementById('search'); s.value = 'エコスクール'; s.dispatchEvent(new Event('input')); });
    await h.settle(second.page, 600);
    const drawn = (await h.items(second.page)).map(i => i.label);
    h.check(drawn.includes('エコスクール・プラス'), 'the search finds エコスクール・プラス, named only in 003: ' + drawn.slice(-5).join(' | '));
    const results = await h.api(second.page, 'results');
    h.check(results.programs.every(p => p.id !== 'eco_school_plus'), 'and it is never evaluated (never "eligible")');
    await h.screenshot(second.page, 'phone-catalog-listed');
    await second.context.close();
  },
};
