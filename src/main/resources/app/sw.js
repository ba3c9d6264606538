// Keeps the form itself on the phone so that it opens without signal; reports are never cached (the page keeps its drafts).
var CACHE = 'rakorbot-app-v1';
var SHELL = ['/app/', '/app/app.js', '/app/app.css'];

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || SHELL.indexOf(url.pathname) < 0) {
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
