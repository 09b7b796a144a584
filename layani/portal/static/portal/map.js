/* The public map: markers when few reports are in view, clusters with counts when many.
   The server decides (see layani/portal/maps.py); this file only asks for the part in view. */
(function () {
  "use strict";
  var box = document.getElementById("report-map");
  if (!box || !window.L) return;
  var L = window.L, tiles = box.getAttribute("data-tiles");
  var source = box.getAttribute("data-points");
  var countBox = document.getElementById("report-map-count");
  var map = L.map(box).setView([-2.5, 118], 4);
  var base = null;
  if (window.LayaniBasemap) base = window.LayaniBasemap(map, box);
  else if (tiles) L.tileLayer(tiles, { attribution: box.getAttribute("data-attribution"), maxZoom: 19 }).addTo(map);
  var layer = L.layerGroup().addTo(map);
  var pending = null, timer = null;

  function label(name, n) {
    return (box.getAttribute(name) || "{n}").replace("{n}", n);
  }

  function url(view) {
    var sep = source.indexOf("?") < 0 ? "?" : "&";
    if (!view) return source;
    var b = map.getBounds();
    var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)).toFixed(5); };
    return source + sep + "zoom=" + map.getZoom() + "&bbox=" + [
      clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)
    ].join(",");
  }

  function size(count) {
    return count < 10 ? "s" : count < 100 ? "m" : count < 1000 ? "l" : "xl";
  }

  function draw(data) {
    layer.clearLayers();
    data.markers.forEach(function (p) {
      var link = document.createElement("a");
      link.href = p.url; link.textContent = p.title;
      L.marker([p.lat, p.lng], { title: p.title, alt: p.title }).addTo(layer).bindPopup(link);
    });
    data.clusters.forEach(function (c) {
      var text = label("data-cluster-label", c.count.toLocaleString("id-ID"));
      var icon = L.divIcon({
        className: "map-cluster map-cluster-" + size(c.count),
        html: "<span aria-hidden=\"true\">" + c.count.toLocaleString("id-ID") + "</span>",
        iconSize: null  // the size and centring come from .map-cluster-* (layani.css)
      });
      var marker = L.marker([c.lat, c.lng], { icon: icon, title: text, keyboard: true }).addTo(layer);
      var el = marker.getElement();
      if (el) { el.setAttribute("aria-label", text); el.setAttribute("role", "button"); }
      marker.on("click", function () { map.fitBounds(c.bounds); });
    });
    if (countBox) countBox.textContent = label("data-count-label", data.total.toLocaleString("id-ID"));
  }

  function load(view) {
    if (pending) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    return fetch(url(view), { headers: { "Accept": "application/json" }, signal: pending ? pending.signal : undefined })
      .then(function (r) { return r.json(); })
      .catch(function () { return null; });
  }

  // First the whole extent of the matching reports, then whatever part the reader looks at.
  load(false).then(function (data) {
    if (!data) return;
    if (data.extent) map.fitBounds(data.extent, { padding: [20, 20], maxZoom: 15 });
    else {
      draw(data);
      // No report with a point yet: show the area this service covers.
      if (base) base.area.then(function (bounds) { if (bounds) map.fitBounds(bounds); });
    }
    map.on("moveend", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(true).then(function (d) { if (d) draw(d); }); }, 200);
    });
    load(true).then(function (d) { if (d) draw(d); });
  });
})();
