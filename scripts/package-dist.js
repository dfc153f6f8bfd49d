#!/usr/bin/env node
// The last step of scripts/build-web, on an assembled dist/:
//  1. stamps the build: a hash of the dist files goes into sw.js (its cache name, with the
//     list of files to precache) and index.html (<meta name="shisaku-build">), and the bytes
//     the loader will fetch go onto the progress bar, so it can show real progress even when
//     a server compresses and sends no Content-Length;
//  2. writes shisaku-navi-single.html: the whole app in one file that works opened from disk
//     (file://), with a Content-Security-Policy that allows only its own inline code, by hash.
// Re-running it on a changed dist/ re-stamps it (the e2e test of a new deployment does so).
//   node scripts/package-dist.js DIST
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const SINGLE = 'shisaku-navi-single.html';
// Fetched by the loader (web/shisaku.js), with a progress bar: the app and the core of the rules
// in the page's language (the details and the other language come later, when needed).
const LANGS = ['ja', 'en'];
const loadedFiles = lang => ['app.wasm', `rules.${lang}.bin`];
const RULES_PARTS = LANGS.flatMap(l => [`rules.${l}.bin`, `rules-details.${l}.bin`]);
const BUILD_META = /(<meta name="shisaku-build" content=")[^"]*(">)/;
const bytesAttr = lang => new RegExp(`(<progress id="loading-bar"[^>]*data-bytes-${lang}=")[^"]*(")`);
const SW_BUILD = /const BUILD = '[^']*';/;
const SW_FILES = /const FILES = \[[^\]]*\];/;

const sha256 = data => crypto.createHash('sha256').update(data);
const read = (dist, name) => fs.readFileSync(path.join(dist, name));

function replaceOnce(text, pattern, replacement, what) {
  if (!pattern.test(text)) throw new Error(`${what}: pattern ${pattern} not found`);
  return text.replace(pattern, replacement);
}

// A file's content for the hash: as served, less the stamps this script writes.
function unstamped(name, content) {
  if (name === 'index.html') return content.toString().replace(BUILD_META, '$1$2');
  if (name === 'sw.js') return content.toString().replace(SW_BUILD, '').replace(SW_FILES, '');
  return content;
}

function stamp(dist) {
  const files = fs.readdirSync(dist).filter(f => f !== 'sw.js' && f !== SINGLE && fs.statSync(path.join(dist, f)).isFile()).sort();
  // The service worker precaches what the first visit loads (in either language's core); the
  // rest joins its cache when first fetched.
  const later = new Set([...LANGS.map(l => `rules-details.${l}.bin`), 'programs.html', 'programs.css']);
  const precache = files.filter(f => !later.has(f));
  let index = read(dist, 'index.html').toString();
  for (const lang of LANGS) {
    const bytes = loadedFiles(lang).reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
    index = replaceOnce(index, bytesAttr(lang), `$1${bytes}$2`, 'index.html');
  }
  const hash = sha256('');
  for (const f of [...files, 'sw.js']) {
    const content = Buffer.from(unstamped(f, f === 'index.html' ? index : read(dist, f)));
    hash.update(f + '\0' + content.length + '\0').update(content);
  }
  const build = hash.digest('hex').slice(0, 16);
  fs.writeFileSync(path.join(dist, 'index.html'), replaceOnce(index, BUILD_META, `$1${build}$2`, 'index.html'));
  let sw = read(dist, 'sw.js').toString();
  sw = replaceOnce(sw, SW_BUILD, `const BUILD = '${build}';`, 'sw.js');
  sw = replaceOnce(sw, SW_FILES, `const FILES = ${JSON.stringify(precache)};`, 'sw.js');
  fs.writeFileSync(path.join(dist, 'sw.js'), sw);
  return build;
}

// Inline <script> text ends at "</script" and is upset by "<!--": refuse code holding either
// rather than ship a page that breaks in a way no test of the served build would see.
// The parser turns CR LF into LF, and the CSP hash is of the parsed text.
function scriptText(code, name) {
  if (/<\/script|<!--/i.test(code)) throw new Error(`${name} contains "</script" or "<!--" and cannot be inlined`);
  return code.replace(/\r\n?/g, '\n');
}

const cspHash = text => `'sha256-${sha256(text).digest('base64')}'`;

function single(dist) {
  const style = read(dist, 'style.css').toString().replace(/\r\n?/g, '\n');
  const scripts = [scriptText(read(dist, 'shisaku.js').toString(), 'shisaku.js'), scriptText(read(dist, 'app.js').toString(), 'app.js')];
  // Data blocks are never run, so CSP does not apply to them.
  // Every part of the rules, one after the other (the app reads them at once), in base64.
  const rules = Buffer.concat(RULES_PARTS.map(f => read(dist, f))).toString('base64');
  const wasm = read(dist, 'app.wasm').toString('base64');
  const csp = ["default-src 'none'", `script-src ${scripts.map(cspHash).join(' ')} 'wasm-unsafe-eval'`, `style-src ${cspHash(style)}`,
               'img-src data: blob:', "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
               "worker-src 'none'", "manifest-src 'none'"].join('; ');
  let html = read(dist, 'index.html').toString();
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'index.html');
  html = replaceOnce(html, /<link rel="manifest"[^>]*>\n/, '', 'index.html');
  html = replaceOnce(html, /<!-- Fetched from the start[^\n]*\n(<link rel="preload"[^>]*>\n)+/, '', 'index.html');
  html = replaceOnce(html, /<link rel="icon" href="icon.svg"[^>]*>/,
                     `<link rel="icon" href="data:image/svg+xml;base64,${read(dist, 'icon.svg').toString('base64')}">`, 'index.html');
  html = replaceOnce(html, /<link rel="stylesheet" href="style.css">/, () => `<style>${style}</style>`, 'index.html');
  html = replaceOnce(html, /<script src="shisaku.js"><\/script>/, () =>
    `<script type="application/octet-stream" id="inline-rules">${rules}</script>\n` +
    `<script type="application/octet-stream" id="inline-wasm">${wasm}</script>\n` +
    scripts.map(s => `<script>${s}</script>`).join('\n'), 'index.html');
  fs.writeFileSync(path.join(dist, SINGLE), html);
}

const dist = process.argv[2];
if (!dist) {
  console.error('usage: package-dist.js DIST');
  process.exit(2);
}
try {
  const build = stamp(dist);
  single(dist);
  console.log(`  build ${build}; ${SINGLE} ${fs.statSync(path.join(dist, SINGLE)).size} bytes`);
} catch (e) {
  console.error('package-dist: ' + e.message);
  process.exit(1);
}
