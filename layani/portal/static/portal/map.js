/* The public map: markers for public reports with a point (coarsened for anonymous ones). */
(function () {
  "use strict";
  var box = document.getElementById("report-map");
  if (!box || !window.L) return;
  var L = window.L, tiles = box.getAttribute("data-tiles");
  var map = L.map(box).setView([-2.5, 118], 4);
  if (tiles) L.tileLayer(tiles, { attribution: box.getAttribute("data-attribution"), maxZoom: 19 }).addTo(map);
  fetch(box.getAttribute("data-points"), { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var bounds = [];
      data.points.forEach(function (p) {
        var link = document.createElement("a");
        link.href = p.url; link.textContent = p.title;
        L.marker([p.lat, p.lng], { title: p.title, alt: p.title }).addTo(map).bindPopup(link);
        bounds.push([p.lat, p.lng]);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
      var count = document.getElementById("report-map-count");
      if (count) count.textContent = (box.getAttribute("data-count-label") || "%(n)s").replace("%(n)s", data.points.length);
    });
})();
