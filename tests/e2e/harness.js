// A small harness for the end-to-end tests: a static server for dist/ that records every
// request, headless Chromium through playwright-core, and helpers to drive the app.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'build', 'e2e');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
                '.css': 'text/css', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };

// Serves `dir` at `prefix` (e.g. "/tools/shisaku/"); anything outside the prefix is a 404,
// so a page that asks for an absolute path fails. Like a real static host it sends an ETag and
// answers a matching revalidation with 304; `served` records each response's status and body size.
function serve(dir, prefix = '/') {
  const requests = [];
  const served = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = decodeURIComponent(req.url.split('?')[0].split('#')[0]);
    let file = url.startsWith(prefix) ? path.join(dir, url.slice(prefix.length)) : null;
    if (file && url.endsWith('/')) file = path.join(file, 'index.html');
    if (!file || !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      served.push({ url: req.url, status: 404, bytes: 0 });
      res.writeHead(404);
      return res.end('not found');
    }
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    if (req.headers['if-none-match'] === etag) {
      served.push({ url: req.url, status: 304, bytes: 0 });
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
      return res.end();
    }
    const body = fs.readFileSync(file);
    served.push({ url: req.url, status: 200, bytes: body.length });
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length,
                         'Cache-Control': 'no-cache', ETag: etag });
    res.end(body);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ server, requests, served, origin: `http://127.0.0.1:${server.address().port}` })));
}

const CHROMIUM = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic',
         '--no-first-run', '--disable-sync', '--disable-default-apps'],
};

function launch() { return chromium.launch(CHROMIUM); }

// A browser with a profile on disk: Chromium installs web apps only outside incognito, which
// is what launch()'s contexts are.
function launchWithProfile(dir, options = {}) { return chromium.launchPersistentContext(dir, { ...CHROMIUM, ...options }); }

// A page whose console errors, page errors and requests outside `origin` are recorded.
// Requests leaving the origin are also blocked, unless the test needs the service worker:
// Playwright's interception makes Chromium bypass service workers.
const opened = [];  // every page of the current test: run.js checks that none left its origin

async function openPage(context, origin, url, { serviceWorker = false } = {}) {
  const page = await context.newPage();
  opened.push(page);
  page.problems = [];
  page.offOrigin = [];
  const inside = u => u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:');
  page.on('console', m => { if (m.type() === 'error') page.problems.push('console error: ' + m.text()); });
  page.on('pageerror', e => page.problems.push('page error: ' + e.message));
  page.on('request', r => { if (!inside(r.url())) page.offOrigin.push(r.url()); });
  if (!serviceWorker) await page.route('**/*', route => (inside(route.request().url()) ? route.continue() : route.abort()));
  if (url) await gotoApp(page, url);
  return page;
}

async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.shisaku && window.shisaku.ready && document.getElementById('loading').hidden, null, { timeout: 30000 });
  await settle(page);
}

// Lets the app draw the frames that follow a change.
async function settle(page, ms = 250) { await page.waitForTimeout(ms); }

async function api(page, method, ...args) {
  return page.evaluate(([m, a]) => window.shisaku[m](...a), [method, args]);
}

// What the app draws that can be clicked: label, rectangle (CSS px), keyboard focus.
async function items(page) {
  await page.mouse.move(1, 1);  // a move makes the app draw, so the item list is fresh
  await settle(page, 150);
  return (await page.evaluate(() => window.shisaku.call({ op: 'items' }))).items;
}

// Clicks the item the last frame drew with this label, with real mouse events.
async function click(page, label) {
  let it = (await items(page)).find(i => i.label === label);
  // Below the fold (or above it): scroll it into view as a person would, with the wheel.
  const height = page.viewportSize().height;
  for (let tries = 0; it && (it.visible === false || it.y + Math.min(it.h, 40) > height || it.y < 0) && tries < 10; tries++) {
    await page.mouse.move(page.viewportSize().width / 2, height / 3);
    await page.mouse.wheel(0, it.y < height / 3 ? it.y - height / 3 : it.y - height / 2);
    await settle(page, 200);
    it = (await items(page)).find(i => i.label === label);
  }
  // A new screen ignores touches for a moment (so a double tap answers one question): wait for
  // it, now that the frame above has shown the screen.
  await page.waitForFunction(() => !window.shisaku.ready || window.shisaku.state().input_ready !== false, null, { timeout: 5000 });
  if (!it) throw new Error(`no item "${label}" on screen; have: ${(await items(page)).map(i => i.label).join(' | ')}`);
  const x = it.x + it.w / 2, y = it.y + Math.min(it.h / 2, 20);
  await page.mouse.move(x, y);
  await page.waitForTimeout(60);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
  await settle(page);
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name + '.png');
  await page.screenshot({ path: file });
  return file;
}

function check(condition, message) { if (!condition) throw new Error(message); }

module.exports = { ROOT, ARTIFACTS, opened, serve, launch, launchWithProfile, openPage, gotoApp, settle, api, items, click, screenshot, check };
