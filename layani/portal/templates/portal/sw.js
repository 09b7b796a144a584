{% load static %}/* Layani service worker: the report form opens without a connection, and a report that cannot be
 * sent waits on this device (IndexedDB, see outbox.js) until the connection returns. */
"use strict";
importScripts("{% static 'portal/outbox.js' %}");
var CACHE = "layani-portal-{{ version }}";
var PRECACHE = [
  "{% url 'portal:submit' %}",
  "{% url 'portal:outbox' %}",
  "{% static 'portal/layani.css' %}",
  "{% static 'portal/boot.js' %}",
  "{% static 'portal/outbox.js' %}",
  "{% static 'portal/submit.js' %}",
  "{% static 'vendor/htmx/htmx.min.js' %}"
];
var OFFLINE_PAGES = [PRECACHE[0], PRECACHE[1]];
var STATIC_PREFIX = "{% get_static_prefix %}";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(PRECACHE); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("layani-portal-") === 0 && k !== CACHE; })
                           .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function freshKey(response) {
  // A cached form must not reuse the idempotency key it was rendered with: each report needs its own.
  return response.text().then(function (html) {
    var key = self.crypto && self.crypto.randomUUID ? self.crypto.randomUUID() : String(Date.now());
    html = html.replace(/(name="idempotency_key" value=")[^"]*"/, "$1" + key + "\"");
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && request.mode === "navigate" && url.pathname === PRECACHE[0]) {
    // Sending failed mid-way (a weak signal): keep the report and show what is waiting.
    var copy = request.clone();
    event.respondWith(fetch(request).catch(function () {
      return copy.formData().then(function (data) {
        return self.LayaniOutbox.save(data, url.pathname);
      }).then(function () { return Response.redirect(PRECACHE[1], 303); });
    }));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.indexOf(STATIC_PREFIX) === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok && PRECACHE.indexOf(url.pathname) >= 0) {
          var clone = response.clone();
          caches.open(CACHE).then(function (c) { c.put(request, clone); });
        }
        return response;
      });
    }));
    return;
  }
  if (request.mode === "navigate" && OFFLINE_PAGES.indexOf(url.pathname) >= 0) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !url.search) {
        var clone = response.clone();
        caches.open(CACHE).then(function (c) { c.put(url.pathname, clone); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) {
        if (!hit) return Response.error();
        return url.pathname === PRECACHE[0] ? freshKey(hit) : hit;
      });
    }));
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === "layani-outbox") event.waitUntil(self.LayaniOutbox.sendAll());
});
