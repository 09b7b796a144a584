/* The background of every Layani map, with or without a tile server (layani/portal/places.py).
 *
 * With LAYANI_MAP_TILE_URL set: the tiles and their attribution, the region outlines drawn lightly
 * on top. Without: the outlines are the map, on a plain background: regencies and districts
 * (kecamatan) from the start, a district's villages with their names once zoomed in far enough.
 * The outlines come from /peta/batas.json, one small cached request per area and district.
 *
 * LayaniBasemap(map, el) reads el's data attributes: data-tiles, data-attribution, data-outlines
 * (the endpoint with its version), data-areas (covered province codes), data-boundary-attribution.
 * It returns {area: Promise<LatLngBounds|null>} — the covered area once its districts are drawn. */
(function () {
  "use strict";
  var L = window.L;
  var VILLAGE_ZOOM = 13, VILLAGE_NAME_ZOOM = 14, DISTRICT_NAME_ZOOM = 11;
  var fetched = {};

  function get(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url, { headers: { "Accept": "application/geo+json" } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .catch(function (e) { delete fetched[url]; throw e; });
    }
    return fetched[url];
  }

  function label(at, name, cls) {
    var text = document.createElement("span");
    text.textContent = name;
    return L.tooltip(L.latLng(at[1], at[0]), {
      permanent: true, direction: "center", className: "map-label " + cls, pane: "layani-labels", interactive: false
    }).setContent(text);
  }

  window.LayaniBasemap = function (map, el) {
    var tiles = el.getAttribute("data-tiles") || "";
    var source = el.getAttribute("data-outlines") || "";
    var areas = (el.getAttribute("data-areas") || "").split(",").filter(Boolean);
    var plain = !tiles;
    map.createPane("layani-labels");
    var pane = map.getPane("layani-labels");
    pane.style.zIndex = 450; pane.style.pointerEvents = "none";
    if (tiles) {
      L.tileLayer(tiles, { attribution: el.getAttribute("data-attribution") || "", maxZoom: 19 }).addTo(map);
    } else {
      map.getContainer().classList.add("map-plain");
    }
    if (areas.length && map.attributionControl && el.getAttribute("data-boundary-attribution")) {
      map.attributionControl.addAttribution(el.getAttribute("data-boundary-attribution"));
    }
    var style = {
      district: plain ? { color: "#6b7785", weight: 1, fillColor: "#f6f4ee", fillOpacity: 1 }
                      : { color: "#1f6f8b", weight: 1, opacity: 0.55, fill: false },
      regency: plain ? { color: "#3d4855", weight: 2.5, fill: false } : { color: "#1f6f8b", weight: 2, opacity: 0.6, fill: false },
      // Filled, so that the slivers between the coarser district outlines do not show.
      village: plain ? { color: "#9aa5b1", weight: 1, dashArray: "3 3", fillColor: "#f6f4ee", fillOpacity: 1 }
                     : { color: "#1f6f8b", weight: 1, opacity: 0.35, dashArray: "3 3", fill: false }
    };
    function layer(kind) {
      var s = style[kind];
      return L.geoJSON(null, { interactive: false, style: function () { return s; } });
    }
    var districts = layer("district").addTo(map), villages = layer("village").addTo(map);
    var regencies = layer("regency").addTo(map);
    var districtNames = L.layerGroup(), villageNames = L.layerGroup();
    var districtFeatures = [], loadedVillages = {};

    function url(level, within) {
      return source + (source.indexOf("?") < 0 ? "?" : "&") + "level=" + level + "&within=" + encodeURIComponent(within);
    }

    function refresh() {
      var zoom = map.getZoom(), view = map.getBounds();
      if (plain && zoom >= DISTRICT_NAME_ZOOM && zoom < VILLAGE_NAME_ZOOM) districtNames.addTo(map);
      else districtNames.remove();
      if (plain && zoom >= VILLAGE_NAME_ZOOM) villageNames.addTo(map); else villageNames.remove();
      if (zoom < VILLAGE_ZOOM) { villages.remove(); return; }
      villages.addTo(map);
      districtFeatures.forEach(function (d) {
        if (loadedVillages[d.code] || !view.intersects(d.bounds)) return;
        loadedVillages[d.code] = true;
        get(url(4, d.code)).then(function (data) {
          villages.addData(data);
          data.features.forEach(function (f) {
            if (f.properties.at) villageNames.addLayer(label(f.properties.at, f.properties.name, "map-label-village"));
          });
        }).catch(function () { loadedVillages[d.code] = false; });
      });
    }

    var area = Promise.all(areas.map(function (code) {
      var d = get(url(3, code)).then(function (data) {
        districts.addData(data);
        data.features.forEach(function (f) {
          var bounds = L.geoJSON(f).getBounds();
          districtFeatures.push({ code: f.properties.code, bounds: bounds });
          if (f.properties.at) districtNames.addLayer(label(f.properties.at, f.properties.name, "map-label-district"));
        });
      });
      var r = get(url(2, code)).then(function (data) { regencies.addData(data); }).catch(function () {});
      return Promise.all([d, r]);
    })).then(function () {
      refresh();
      var bounds = districts.getBounds();
      return bounds.isValid() ? bounds : null;
    }).catch(function () { return null; });
    map.on("zoomend moveend", refresh);
    return { area: area, plain: plain };
  };
})();
