// The service worker: after the first visit the app loads and works with no network.
// scripts/package-dist.js stamps BUILD (a hash of the dist files) and FILES (the dist file
// list) into dist/sw.js, so each deployment has its own cache, and a changed sw.js is how the
// browser learns of a new one: it installs it, this worker takes over at once (skipWaiting,
// clients.claim) and deletes the caches of earlier builds. Only same-origin GETs of the
// precached files are answered; nothing else is touched, and nothing is ever sent anywhere.
'use strict';
const BUILD = 'dev';
const FILES = [];
const CACHE = 'shisaku-navi-' + BUILD;
const PREFIX = 'shisaku-navi-';

self.addEventListener('install', event => {
  // cache: 'reload' skips the HTTP cache, which may still hold the previous deployment's files.
  event.waitUntil(caches.open(CACHE)
    .then(cache => cache.addAll(FILES.map(f => new Request(f, { cache: 'reload' }))))
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
  event.respondWith(caches.open(CACHE)
    .then(cache => (folder ? cache.match('index.html') : cache.match(request, { ignoreSearch: navigate })))
    .then(hit => hit || fetch(request)));
});
