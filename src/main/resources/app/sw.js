// Keeps the form itself on the phone so that it opens without signal; reports are never cached (the page keeps its drafts).
// The map's script is kept once it was fetched (the first time the pin was needed), so the pin works offline too.
var CACHE = 'rakorbot-app-v3';
var SHELL = ['/app/', '/app/app.js']; // the style is inside the page
var ON_DEMAND = ['/app/leaflet.js', '/app/leaflet.css'];

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || SHELL.indexOf(url.pathname) < 0 && ON_DEMAND.indexOf(url.pathname) < 0) {
    return; // the API goes to the network, untouched
  }
  e.respondWith(fetch(e.request).then(function (response) {
    var copy = response.clone();
    caches.open(CACHE).then(function (c) { c.put(url.pathname, copy); });
    return response;
  }).catch(function () {
    return caches.match(url.pathname);
  }));
});
