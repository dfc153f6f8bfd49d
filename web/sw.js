// The service worker: after the first visit the app loads and works with no network.
// scripts/package-dist.js stamps BUILD (a hash of the dist files) and FILES (what a first visit
// loads) into dist/sw.js, so each deployment has its own cache, and a changed sw.js is how the
// browser learns of a new one: it installs it, this worker takes over at once (skipWaiting,
// clients.claim) and deletes the caches of earlier builds. Files fetched later (the details of
// the rules, the other language, programs.html) join the cache when first fetched. Only
// same-origin GETs are answered; nothing is ever sent anywhere.
'use strict';
const BUILD = 'dev';
const FILES = [];
const CACHE = 'shisaku-navi-' + BUILD;
const PREFIX = 'shisaku-navi-';

self.addEventListener('install', event => {
  // cache: 'no-cache' revalidates with the server: a file the page has just downloaded costs
  // a 304, and one from the previous deployment is not taken from the HTTP cache.
  event.waitUntil(caches.open(CACHE)
    .then(cache => cache.addAll(FILES.map(f => new Request(f, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith(PREFIX) && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // A page is the same file whatever its query (?kiosk=1, ?lang=en …), and a folder's page
  // is its index.html.
  const navigate = request.mode === 'navigate';
  const folder = navigate && new URL(request.url).pathname.endsWith('/');
  event.respondWith(caches.open(CACHE).then(cache =>
    (folder ? cache.match('index.html') : cache.match(request, { ignoreSearch: navigate })).then(hit => hit || fetch(request).then(response => {
      // Cached for the next offline visit (a file of this build, fetched for the first time).
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    }))));
});
