/* The case page's small map: the report's pin and its region's outline, on the same background as
 * the portal's maps (portal/basemap.js: tiles, or the region outlines when there are none). Leaflet
 * is loaded here, after the page, so the case page itself stays light. */
(function () {
  "use strict";
  var box = document.getElementById("case-map");
  if (!box) return;
  var canvas = box.querySelector(".case-map-canvas");
  var lat = parseFloat(box.getAttribute("data-lat")), lng = parseFloat(box.getAttribute("data-lng"));
  if (!canvas || isNaN(lat) || isNaN(lng)) return;
  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  var css = document.createElement("link");
  css.rel = "stylesheet"; css.href = box.getAttribute("data-leaflet-css");
  document.head.appendChild(css);
  (window.L ? Promise.resolve() : script(box.getAttribute("data-leaflet-js")))
    .then(function () { return window.LayaniBasemap ? null : script(box.getAttribute("data-basemap-js")); })
    .then(function () {
      var L = window.L;
      canvas.hidden = false;
      var map = L.map(canvas, { scrollWheelZoom: false }).setView([lat, lng], 15);
      canvas.layaniMap = map;
      window.LayaniBasemap(map, box);
      L.marker([lat, lng], { keyboard: false }).addTo(map);
      var region = box.getAttribute("data-region"), level = box.getAttribute("data-region-level");
      var source = box.getAttribute("data-outlines");
      if (!region || !level || !source) return;
      fetch(source + "&level=" + level + "&within=" + encodeURIComponent(region))
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || !data.features.length) return;
          var outline = L.geoJSON(data, {
            interactive: false, style: function () { return { color: "#b3261e", weight: 3, fill: false }; }
          }).addTo(map);
          map.fitBounds(outline.getBounds().extend([lat, lng]), { padding: [12, 12], maxZoom: 16 });
        })
        .catch(function () {});
    })
    .catch(function () { canvas.hidden = true; });
})();
