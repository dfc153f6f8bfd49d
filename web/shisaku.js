// The page side of shisaku-navi: loads the rules and the WebAssembly app with a progress bar
// (or takes them from this page itself in the single-file build), registers the service worker
// that keeps it working offline, gives the app what only the page can do (glyphs from the
// browser's fonts, clipboard, new tabs, downloads, the screen-reader mirror, an IME-capable
// search field), and exposes window.shisaku. Every request stays on this origin.
'use strict';
(function () {
  var FONT_STACK = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", ' +
                   '"Yu Gothic UI", "Yu Gothic", Meiryo, "Source Han Sans JP", sans-serif';
  var canvas = document.getElementById('canvas');
  var loading = document.getElementById('loading');
  var bar = document.getElementById('loading-bar');
  var search = document.getElementById('search');
  var linkLayer = document.getElementById('links');
  var mirrorBox = document.getElementById('mirror');
  var inlineWasm = document.getElementById('inline-wasm');  // the single-file build
  var lastFragment = null;
  var requested = {};  // rules parts asked for
  // The first visit downloads the rules' core in the page's language only (see
  // docs/decisions/0005-rules-bundles.md).
  var lang = /[?&]lang=en(&|$)/.test(location.search) ? 'en' : 'ja';

  var loadFailed = false;
  function fail(message) {
    loadFailed = true;
    loading.hidden = false;  // the first frame may have hidden it already
    loading.style.display = '';
    bar.hidden = true;
    var el = document.getElementById('loading-error');
    el.hidden = false;
    el.textContent = message;
    document.getElementById('loading-fallback').hidden = false;
    console.error(message);
  }

  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }

  // One progress bar over the bytes of the first files. The build writes their total on the bar
  // (data-bytes), as a compressing server sends no usable Content-Length; an unstamped build
  // falls back to Content-Length. The bar never moves backwards.
  var expectedBytes = Number(bar.getAttribute('data-bytes-' + lang)) || 0;
  var loadedBytes = [], lengthBytes = [];
  function reportProgress() {
    var total = expectedBytes || sum(lengthBytes);
    if (total) bar.value = Math.max(bar.value, Math.min(1, sum(loadedBytes) / total));
  }

  // Fetches `url`, counts its bytes on the bar from a copy of the stream, and hands the
  // response itself on (so the WebAssembly can compile while it downloads).
  function fetchCounted(url) {
    var i = loadedBytes.length;
    loadedBytes.push(0);
    lengthBytes.push(0);
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      lengthBytes[i] = Number(r.headers.get('Content-Length')) || 0;
      var copy = r.clone();
      if (copy.body && copy.body.getReader) {
        var reader = copy.body.getReader();
        var pump = function () {
          return reader.read().then(function (step) {
            if (step.done) return;
            loadedBytes[i] += step.value.length;
            if (lengthBytes[i] < loadedBytes[i]) lengthBytes[i] = loadedBytes[i];
            reportProgress();
            return pump();
          });
        };
        pump().catch(function () { /* the original stream reports its own failure */ });
      }
      return r;
    });
  }

  // Streaming compilation also lets the browser keep the compiled code for the next visit; a
  // server that sends the wrong Content-Type gets the plain way.
  function compileWasm(response) {
    var plain = response.clone();
    var viaBytes = function () { return plain.arrayBuffer().then(function (b) { return WebAssembly.compile(b); }); };
    if (!WebAssembly.compileStreaming) return viaBytes();
    return WebAssembly.compileStreaming(response).catch(viaBytes);
  }

  function base64Bytes(text) {
    var raw = atob(text.trim()), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  // ---- offline: the service worker (web/sw.js) ----
  // Served over HTTP(S) only: a page opened from disk has no origin to cache for. Registered
  // after the first frame: its install fetches and caches the files again, which would compete
  // with the start-up for the network and the processor.
  var swRegistration = null, newBuildWaiting = false;
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || inlineWasm) return;
    var hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' })
      .then(function (r) { swRegistration = r; })
      .catch(function (e) { console.warn('shisaku: no offline copy: ' + e.message); });
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      // The first install takes over a page that is already current.
      if (!hadController) { hadController = true; return; }
      // A new deployment took over. Elsewhere the URL holds the state, so reload at once; a
      // kiosk switches at its next reset, never under a visitor's hands.
      if (window.shisaku.ready && window.shisaku.settings().kiosk) newBuildWaiting = true;
      else location.reload();
    });
  }

  // ---- what the app asks of the page (see src/app/web/bridge.cpp) ----
  // Setting a canvas's font is slow, so it is set only when the size changes (or when growing
  // the canvas has reset its state).
  var glyphCanvas = null, glyphContext = null, glyphPx = 0;
  function glyphContextFor(px, w, h) {
    if (!glyphCanvas) {
      glyphCanvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(64, 64) : document.createElement('canvas');
      glyphContext = glyphCanvas.getContext('2d', { willReadFrequently: true });
    }
    if (w && h && (glyphCanvas.width < w || glyphCanvas.height < h)) {
      glyphCanvas.width = Math.max(glyphCanvas.width, w);
      glyphCanvas.height = Math.max(glyphCanvas.height, h);
      glyphPx = 0;
    }
    if (px !== glyphPx) {
      glyphContext.font = px + 'px ' + FONT_STACK;
      glyphContext.fillStyle = '#fff';
      glyphContext.textBaseline = 'alphabetic';
      glyphPx = px;
    }
    return glyphContext;
  }

  // The browser finds its fonts for the text the first time it measures some (tens of
  // milliseconds, up to 70 here): done now, while app.wasm downloads, rather than in the app's
  // first frame.
  setTimeout(function () { glyphContextFor(17).measureText('\u6F22\u5B57\u304B\u306A\u30AB\u30CAMg'); }, 0);

  function download(name, mime, content) {
    var url = URL.createObjectURL(new Blob([content], { type: mime }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // A part of the rules to the app, as the bytes it came as (compiled: scripts/build-web), with
  // its file name for any message.
  function handRules(bytes, name) {
    Module.rulesBytes = bytes;
    Module.rulesName = name;
    Module.ccall('shisaku_rules_part', null, [], []);
  }
  var firstRules = null;  // a promise of the first part's bytes
  var firstRulesName = '';
  // Start-up, in tasks short enough not to hold up a tap: the app sets up (page.setUpDone),
  // reads the first part of the rules, then draws its first frame, which so shows them. The
  // rules are small and usually here by then, or on their way (their response has begun: the
  // first frame waits for them, at most kWaitForRules ms); when they are slow the first frame
  // comes first and says it is loading, and the rules follow as soon as they are in.
  var kWaitForRules = 300;
  var firstRulesBytes = null, rulesResponded = false, appSetUp = false, framesStarted = false, waiting = null;
  function startFrames() {
    if (framesStarted) return;
    framesStarted = true;
    clearTimeout(waiting);
    Module.ccall('shisaku_start_frames', null, [], []);
  }
  function takeFirstRules() {
    var bytes = firstRulesBytes;
    firstRulesBytes = null;
    return function () { handRules(bytes, firstRulesName); };
  }
  function startUp() {
    if (!appSetUp) return;
    if (framesStarted) {
      if (firstRulesBytes) takeFirstRules()();  // slow rules: at once, not behind the next paint
    } else if (firstRulesBytes) {
      setTimeout(takeFirstRules(), 0);
      setTimeout(startFrames, 0);
    } else if (!rulesResponded) {
      startFrames();
    } else if (waiting === null) {
      waiting = setTimeout(startFrames, kWaitForRules);
    }
  }
  // The service worker waits for both the rules and the first frame on the screen.
  var firstFrameShown = false, rulesAreReady = false;
  function registerWhenStarted() { if (firstFrameShown && rulesAreReady) registerServiceWorker(); }

  // Runs `f` once the browser has shown what is drawn now: after the next animation frame.
  function afterPaint(f) {
    requestAnimationFrame(function () { setTimeout(f, 0); });
  }

  var page = {
    copyText: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    },
    openUrl: function (url) {
      if (/^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    download: download,
    openPrintable: function (html) {
      // A blob page keeps this page's CSP (no inline style), so its stylesheet comes from here.
      var base = '<base href="' + location.href.replace(/[#?].*$/, '').replace(/[^/]*$/, '') + '">';
      var url = URL.createObjectURL(new Blob([base + html], { type: 'text/html;charset=utf-8' }));
      window.open(url, '_blank', 'noopener');
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    },
    mirror: function (html) { mirrorBox.innerHTML = html; },
    // Real <a> elements over the phone numbers and addresses the canvas draws: tap to call,
    // open in a new tab, long-press to copy, read by screen readers.
    links: function (json) {
      var list = JSON.parse(json);
      while (linkLayer.children.length > list.length) linkLayer.removeChild(linkLayer.lastChild);
      list.forEach(function (l, i) {
        var a = linkLayer.children[i] || linkLayer.appendChild(document.createElement('a'));
        var web = /^https?:\/\//.test(l[4]);
        if (!web && !/^tel:[0-9+\-]+$/.test(l[4])) return;  // only the two kinds, never javascript: or others
        a.href = l[4];
        a.textContent = l[5];
        if (web) { a.target = '_blank'; a.rel = 'noopener noreferrer'; } else { a.removeAttribute('target'); a.removeAttribute('rel'); }
        a.style.left = l[0] + 'px';
        a.style.top = l[1] + 'px';
        a.style.width = l[2] + 'px';
        a.style.height = l[3] + 'px';
      });
    },
    searchBox: function (x, y, w, h, visible, placeholder) {
      if (!visible) { if (!search.hidden) { search.hidden = true; search.blur(); } return; }
      search.hidden = false;
      search.placeholder = placeholder;
      search.style.left = x + 'px';
      search.style.top = y + 'px';
      search.style.width = w + 'px';
      search.style.height = h + 'px';
    },
    // The kiosk's reset between visitors; also its moment to take a new deployment.
    clearStorage: function () {
      try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
      search.value = '';
      history.replaceState(null, '', location.href.replace(/#.*$/, ''));
      if (newBuildWaiting) location.reload();
      else if (swRegistration) swRegistration.update().catch(function () { /* offline: next time */ });
    },
    // More of the rules (the details, the other language), fetched once each when the app asks.
    requestRules: function (name) {
      if (requested[name]) return;
      requested[name] = true;
      fetch(name).then(function (r) {
        if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (b) { handRules(new Uint8Array(b), name); }).catch(function () {
        requested[name] = false;  // offline now: try again when asked again
        Module.ccall('shisaku_rules_part_failed', null, ['string'], [name]);
      });
    },
    setUpDone: function () {
      if (performance.mark) performance.mark('shisaku-set-up');
      appSetUp = true;
      startUp();
    },
    firstFrame: function () {
      if (performance.mark) performance.mark('shisaku-first-frame');
      if (loadFailed) return;  // the loader's message stays
      bar.value = 1;
      loading.hidden = true;
      loading.style.display = 'none';
      console.log('shisaku: first frame');
      afterPaint(function () {
        if (performance.mark) performance.mark('shisaku-first-frame-shown');
        firstFrameShown = true;
        registerWhenStarted();
      });
    },
    rulesReady: function () {
      if (performance.mark) performance.mark('shisaku-rules-ready');
      window.shisaku.ready = true;
      window.dispatchEvent(new Event('shisaku-ready'));
      rulesAreReady = true;
      registerWhenStarted();
    },
    rulesFailed: function (why) {
      fail('施策ナビのルールを読み込めませんでした / The rules could not be loaded:\n' + why);
    }
  };

  // ---- window.shisaku ----
  function call(request) {
    var reply = JSON.parse(Module.ccall('shisaku_call', 'string', ['string'], [JSON.stringify(request)]));
    if (reply.fragment) lastFragment = reply.fragment;
    return reply;
  }
  window.shisaku = {
    call: call,
    state: function () { return call({ op: 'state' }); },
    results: function () { return call({ op: 'results' }); },
    start: function () { return call({ op: 'start' }); },
    answer: function (id, value) { return call({ op: 'answer', id: id, value: value }); },
    skip: function (id) { return call({ op: 'skip', id: id }); },
    ask: function (id, program) { return call({ op: 'ask', id: id, program: program || '' }); },
    set: function (id, value) { return call({ op: 'set', id: id, value: value === undefined ? null : value }); },
    amounts: function () { return call({ op: 'amounts' }); },
    back: function () { return call({ op: 'back' }); },
    show: function (screen, program) { return call({ op: 'show', screen: screen, program: program }); },
    restart: function () { return call({ op: 'restart' }); },
    share: function () { return call({ op: 'share' }); },
    restore: function (fragment) { return call({ op: 'restore', fragment: fragment }); },
    lang: function (lang) { return call({ op: 'lang', lang: lang }); },
    frames: function () { return call({ op: 'frames' }).drawn; },
    settings: function () { return call({ op: 'settings' }); },
    ready: false
  };

  // Touch drags reach the app as mouse drags (Emscripten's GLFW listens to mouse events only).
  function forwardTouch(type) {
    return function (e) {
      if (e.pointerType !== 'touch') return;
      e.preventDefault();
      canvas.dispatchEvent(new MouseEvent(type, { clientX: e.clientX, clientY: e.clientY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true }));
    };
  }
  canvas.addEventListener('pointerdown', forwardTouch('mousedown'));
  canvas.addEventListener('pointermove', forwardTouch('mousemove'));
  canvas.addEventListener('pointerup', forwardTouch('mouseup'));
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

  // Keys typed into the search field are the field's alone: the app's GLFW layer listens on the
  // window and would cancel Backspace and Tab. Registered before app.js runs, so this comes first.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) { if (e.target === search) e.stopImmediatePropagation(); }, true);
  });
  search.addEventListener('input', function () { Module.ccall('shisaku_set_search', null, ['string'], [search.value]); });
  // A wheel turned over a link scrolls the page under it, as over any other text.
  linkLayer.addEventListener('wheel', function (e) {
    e.preventDefault();
    document.getElementById('canvas').dispatchEvent(new WheelEvent('wheel', e));
  }, { passive: false });
  window.addEventListener('hashchange', function () {
    var f = location.hash.replace(/^#/, '');
    // A kiosk never restores answers from a link (the next visitor would inherit them).
    if (!window.shisaku.ready || window.shisaku.settings().kiosk) return;
    // Back to the entry without a fragment: the start screen (the answers stay, to resume).
    if (!f) { call({ op: 'show', screen: 'start' }); return; }
    if (f !== lastFragment) {
      var r = call({ op: 'restore', fragment: f });
      if (!r.ok) console.warn('shisaku: link refused: ' + r.error);
    }
  });
  window.addEventListener('resize', function () { if (window.shisaku.ready) Module.ccall('shisaku_request_redraw', null, [], []); });

  var Module = window.Module = {
    canvas: canvas,
    glyphContext: glyphContextFor,
    shisakuPage: page,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); }
  };

  if (typeof WebAssembly !== 'object') {
    fail('このブラウザは WebAssembly に対応していません / This browser cannot run WebAssembly');
  } else if (inlineWasm) {
    // Everything is in this page (scripts/package-dist.js), and app.js runs right after this script.
    firstRules = Promise.resolve(new Uint8Array(base64Bytes(document.getElementById('inline-rules').textContent)));
    firstRulesName = 'inline rules';
    Module.wasmBinary = base64Bytes(inlineWasm.textContent);
    bar.value = 1;
  } else {
    // The rules, the WebAssembly and app.js download side by side; app.js starts the runtime,
    // which waits for the compiled module (instantiateWasm), sets up, and takes the rules before
    // or after its first frame (page.setUpDone, page.firstFrame).
    var rulesName = firstRulesName = 'rules.' + lang + '.bin';
    requested[rulesName] = true;
    firstRules = fetchCounted(rulesName).then(function (r) { rulesResponded = true; return r.arrayBuffer(); }).then(function (b) { return new Uint8Array(b); });
    var wasm = fetchCounted('app.wasm').then(compileWasm);
    var notLoaded = function (e) { fail('施策ナビを読み込めませんでした / Could not load: ' + e.message); };
    firstRules.catch(notLoaded);
    wasm.catch(notLoaded);
    Module.instantiateWasm = function (imports, receive) {
      wasm.then(function (module) { return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); }); })
        .catch(notLoaded);
      return {};  // asynchronous
    };
    var script = document.createElement('script');
    script.src = 'app.js';
    script.onerror = function () { fail('app.js could not be loaded'); };
    document.body.appendChild(script);
  }
  if (firstRules) firstRules.then(function (b) { firstRulesBytes = b; startUp(); }, function () { rulesResponded = false; startUp(); /* fail() has said why */ });
})();
