// Runs every *.test.js in this folder against dist/ in headless Chromium.
//   node tests/e2e/run.js [name-filter]
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

(async () => {
  const dist = path.join(h.ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error('dist/ is not built: run scripts/build-web');
    process.exit(2);
  }
  const filter = process.argv[2] || '';
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  const { server, requests, origin } = await h.serve(dist);
  const browser = await h.launch();
  let failed = 0, passed = 0;
  for (const file of files) {
    const tests = require(path.join(__dirname, file));
    for (const [name, fn] of Object.entries(tests)) {
      if (filter && !(file + ' ' + name).includes(filter)) continue;
      const context = await browser.newContext({ viewport: { width: 420, height: 860 }, deviceScaleFactor: 2 });
      const t0 = Date.now();
      h.opened.length = 0;
      try {
        await fn({ browser, context, origin, requests, h });
        // Whatever the test checked: no page of it may have asked for anything off its origin.
        const off = h.opened.flatMap(p => p.offOrigin);
        h.check(off.length === 0, 'requests outside the origin: ' + off.join(', '));
        passed++;
        console.log(`ok   ${file} › ${name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${file} › ${name}: ${e.message}`);
      } finally {
        await context.close();
      }
    }
  }
  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed; screenshots in ${path.relative(h.ROOT, h.ARTIFACTS)}/`);
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
