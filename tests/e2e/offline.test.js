// Hosting and offline: dist/ works under any sub-path; the loading bar really progresses;
// after one visit the service worker serves the app with the network off; a new deployment
// replaces the cached one by itself; the web manifest makes it installable.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const DIST = path.join(__dirname, '../../dist');
const KASO_TOWN = { municipality_type: 'town_village', kaso: true, metro3: false, joken_furi: true, fiscal_index: 0.25 };

// Answers the way a person does (two clicks), the rest through the API; ends on the results.
async function completePath(page, h) {
  await h.click(page, '始める');
  await h.click(page, '市区町村');
  for (const [id, v] of Object.entries(KASO_TOWN)) h.check((await h.api(page, 'answer', id, v)).ok, 'answer ' + id);
  await h.api(page, 'show', 'results');
  const results = await h.api(page, 'results');
  const fwh = results.programs.find(p => p.id === 'furusato_working_holiday');
  h.check(results.counts.eligible > 10 && fwh.status === 'eligible', 'the path ends with the expected programmes: ' + JSON.stringify(results.counts) + ' after ' + JSON.stringify((await h.api(page, 'state')).answers));
}

async function waitForOfflineCopy(page) {
  await page.waitForFunction(async () => {
    const build = document.querySelector('meta[name="shisaku-build"]').content;
    return navigator.serviceWorker.controller !== null && (await caches.keys()).includes('shisaku-navi-' + build);
  }, null, { timeout: 20000 });
}

// Evaluates `fn` in the page until it returns true, across the page's own reloads.
async function eventually(page, fn, what, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(fn)) return;
    } catch (e) { /* the page is reloading */ }
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await page.waitForTimeout(200);
  }
}

const build = page => page.evaluate(() => document.querySelector('meta[name="shisaku-build"]').content);

// Serves a copy of dist/ and gives `test` a function that deploys a changed build into it, as
// scripts/build-web would (a changed file, stamped), and returns the new build hash.
async function withDeployment(h, test) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shisaku-deploy-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const { server, origin } = await h.serve(dir);
  const redeploy = () => {
    fs.appendFileSync(path.join(dir, 'style.css'), '\n/* the next deployment */\n');
    execFileSync('node', [path.join(h.ROOT, 'scripts/package-dist.js'), dir]);
    return fs.readFileSync(path.join(dir, 'index.html'), 'utf8').match(/name="shisaku-build" content="([0-9a-f]+)"/)[1];
  };
  try {
    await test(origin, redeploy);
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = {
  async 'served under a sub-path (/tools/shisaku/), every URL it asks for is relative'({ context, h }) {
    const prefix = '/tools/shisaku/';
    const { server, requests, origin } = await h.serve(DIST, prefix);
    try {
      const page = await h.openPage(context, origin, origin + prefix + '?lang=ja');
      await completePath(page, h);
      const outside = requests.filter(u => !u.startsWith(prefix));
      h.check(outside.length === 0, 'requests outside ' + prefix + ': ' + outside.join(', '));
      for (const f of ['app.js', 'app.wasm', 'rules.ja.bin', 'style.css', 'manifest.webmanifest'])
        h.check(requests.some(u => u === prefix + f), 'loaded ' + prefix + f);
      h.check(page.problems.length === 0, page.problems.join('; '));
      const fallback = await page.goto(origin + prefix + 'programs.html');
      h.check(fallback.ok(), 'programs.html is there too');
    } finally {
      server.close();
    }
  },

  async 'the loading bar moves forward step by step to full while the wasm and the rules arrive'({ context, origin, h }) {
    await context.addInitScript(() => {
      window.barValues = [];
      new MutationObserver(() => {
        const bar = document.getElementById('loading-bar');
        if (bar && window.barValues[window.barValues.length - 1] !== bar.value) window.barValues.push(bar.value);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
    });
    const page = await h.openPage(context, origin, null, { serviceWorker: true });
    // About two seconds for the 1.8 MB, so the bar has something to show.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 1000 * 1000, uploadThroughput: 1000 * 1000 });
    await h.gotoApp(page, origin + '/');
    const values = await page.evaluate(() => window.barValues);
    const between = values.filter(v => v > 0 && v < 1);
    h.check(between.length >= 5, 'the bar showed only ' + between.length + ' steps between empty and full: ' + values.join(' '));
    h.check(values.every((v, i) => i === 0 || v >= values[i - 1]), 'the bar never moves back: ' + values.join(' '));
    h.check(values[values.length - 1] === 1, 'and ends full: ' + values[values.length - 1]);
    const bytes = await page.evaluate(() => Number(document.getElementById('loading-bar').getAttribute('data-bytes-ja')));
    h.check(bytes === fs.statSync(path.join(DIST, 'app.wasm')).size + fs.statSync(path.join(DIST, 'rules.ja.bin')).size,
            'the build wrote the bytes to expect on the bar: ' + bytes);
  },

  async 'after one visit it loads and completes a path with the network off'({ context, origin, h }) {
    const page = await h.openPage(context, origin, origin + '/', { serviceWorker: true });
    await waitForOfflineCopy(page);
    // Files fetched after the first view join the offline copy when first fetched: the details
    // of the rules (a program's page) and the no-JavaScript list.
    await h.api(page, 'show', 'detail', 'furusato_working_holiday');
    await page.waitForFunction(async () => (await caches.match('rules-details.ja.bin')) !== undefined, null, { timeout: 20000 });
    const visit = await h.openPage(context, origin, null, { serviceWorker: true });
    await visit.goto(origin + '/programs.html');
    await visit.close();
    await page.bringToFront();  // a background tab gets no animation frames
    await context.setOffline(true);
    await h.gotoApp(page, origin + '/?lang=ja');
    h.check(await page.evaluate(() => navigator.onLine === false), 'the browser is offline');
    await completePath(page, h);
    await h.screenshot(page, 'offline-results');
    await h.api(page, 'show', 'detail', 'furusato_working_holiday');
    await h.settle(page, 500);
    const detail = await h.api(page, 'results');
    h.check(detail.programs.find(p => p.id === 'furusato_working_holiday').contacts.length > 0, "a program's details show offline");
    // Another entry point and the no-JavaScript list work offline too.
    const kiosk = await h.openPage(context, origin, origin + '/?kiosk=1', { serviceWorker: true });
    h.check((await h.api(kiosk, 'settings')).kiosk, 'the kiosk URL opens offline');
    const list = await kiosk.goto(origin + '/programs.html');
    h.check(list.ok() && (await kiosk.locator('article[data-program]').count()) > 100, 'programs.html opens offline');
    h.check(page.problems.length === 0, page.problems.join('; '));
  },

  async 'a new deployment replaces the cached version without clearing anything by hand'({ context, h }) {
    await withDeployment(h, async (origin, redeploy) => {
      const page = await h.openPage(context, origin, origin + '/', { serviceWorker: true });
      await waitForOfflineCopy(page);
      const first = await build(page);
      const second = redeploy();
      h.check(second !== first, 'the changed deployment has a new build hash');
      // One ordinary visit: the browser sees the new sw.js, which takes over and the page reloads itself.
      await page.reload();
      await eventually(page, `document.querySelector('meta[name="shisaku-build"]').content === '${second}' && window.shisaku && window.shisaku.ready`,
                       'the page to show build ' + second);
      await eventually(page, `caches.keys().then(k => k.length === 1 && k[0] === 'shisaku-navi-${second}')`, 'the old cache to go');
      const css = await page.evaluate(() => fetch('style.css').then(r => r.text()));
      h.check(css.includes('the next deployment'), 'the new files are served');
      await completePath(page, h);
    });
  },

  async 'a kiosk takes a new deployment at its idle reset, never under a visitor'({ context, h }) {
    await withDeployment(h, async (origin, redeploy) => {
      const page = await h.openPage(context, origin, origin + '/?kiosk=1&idle=5', { serviceWorker: true });
      await waitForOfflineCopy(page);
      const first = await build(page);
      await page.evaluate(() => { window.sameDocument = true; });
      await h.click(page, '始める');
      await h.click(page, '市区町村');
      const second = redeploy();
      // The browser's periodic check, done now.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then(r => r.update()));
      await eventually(page, `caches.keys().then(k => k.includes('shisaku-navi-${second}'))`, 'the new build to be installed');
      await page.waitForTimeout(500);
      const during = await page.evaluate(() => ({ same: window.sameDocument === true, build: document.querySelector('meta[name="shisaku-build"]').content,
                                                  answers: window.shisaku.state().answers }));
      h.check(during.same && during.build === first && during.answers.applicant === 'municipality', 'the visitor keeps the page: ' + JSON.stringify(during));
      // The idle reset (5 s) brings the new build.
      await eventually(page, `document.querySelector('meta[name="shisaku-build"]').content === '${second}' && window.shisaku && window.shisaku.ready`,
                       'the kiosk to switch to build ' + second + ' at its reset', 15000);
      const after = await h.api(page, 'state');
      h.check(after.screen === 'start' && Object.keys(after.answers).length === 0, 'and it starts blank');
      h.check((await h.api(page, 'settings')).kiosk, 'still a kiosk');
    });
  },

  async 'installable: the manifest parses, with icons, and Chromium reports no installability error'({ origin, h }) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shisaku-profile-'));
    const context = await h.launchWithProfile(profile, { viewport: { width: 420, height: 860 } });
    try {
      const page = await h.openPage(context, origin, origin + '/', { serviceWorker: true });
      await waitForOfflineCopy(page);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      h.check(manifest.errors.length === 0, 'manifest errors: ' + JSON.stringify(manifest.errors));
      const parsed = JSON.parse(manifest.data);
      h.check(parsed.icons.some(i => i.sizes === '512x512') && parsed.start_url === './', 'icons and a relative start_url');
      for (const icon of parsed.icons) {
        const r = await page.evaluate(src => fetch(src).then(r => [r.status, r.headers.get('content-type')]), icon.src);
        h.check(r[0] === 200 && r[1] === icon.type, `icon ${icon.src}: ${r}`);
      }
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      h.check(installabilityErrors.length === 0, 'installability errors: ' + JSON.stringify(installabilityErrors));
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  },
};
