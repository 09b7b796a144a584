/* The report form's map and "use my location", loaded by submit.js when the citizen first asks
 * for either (so the form's first load stays light): a pin by tap, drag or Enter (the map's middle)
 * is looked up at /lapor/wilayah/titik/, the region selects are filled through /lapor/wilayah/?pick=
 * (htmx), and the place or the reason for a refusal is said in the aria-live line under the map.
 * The sentences come from the page (#pin-strings); Leaflet and basemap.js load with the map. */
(function () {
  "use strict";
  var form, wrap, saveDraft, lat, lng, status, map = null, marker = null, mapLoading = null;
  var strings = {};
  function say(text, isError) {
    if (!status) return;
    status.textContent = text || "";
    status.classList.toggle("error", !!isError);
  }
  function fill(text, values) {
    return (text || "").replace(/%\((\w+)\)s/g, function (_m, k) { return values[k]; });
  }
  function pickRegion(code) {
    if (!window.htmx || !code) return;
    window.htmx.ajax("GET", form.getAttribute("data-regions-url") + "?pick=" + encodeURIComponent(code),
                     { target: "#region-fields", swap: "outerHTML" });
  }
  var asked = 0;
  function lookUp(la, lo, extra, keepSelects) {
    var mine = ++asked;
    say(strings.looking_up);
    // POSTed with the form's CSRF token: a point in a query string would land in access logs.
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    return fetch(wrap.getAttribute("data-point-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRFToken": token ? token.value : ""
      },
      body: "lat=" + la.toFixed(6) + "&lng=" + lo.toFixed(6)
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (answer) {
      if (mine !== asked) return;
      if (!answer.ok) {  // refused (at sea, another province): the pin and the coordinates go
        if (!keepSelects) clearPoint();
        say(answer.body.error, true);
        return;
      }
      var codes = answer.body.codes;
      if (!keepSelects) pickRegion(codes.village || codes.district);
      var text = fill(keepSelects ? strings.pin_at : answer.body.precise ? strings.found : strings.found_district,
                      { label: answer.body.label });
      say(extra ? text + " " + extra : text);
    }).catch(function () { if (mine === asked) say(strings.offline, true); });
  }
  function placeMarker(la, lo) {
    if (!map) return;
    if (!marker) {
      marker = window.L.marker([la, lo], { draggable: true, keyboard: false, autoPan: true }).addTo(map);
      marker.on("dragend", function () { var p = marker.getLatLng(); setPoint(p.lat, p.lng); });
    } else marker.setLatLng([la, lo]);
  }
  function setPoint(la, lo, extra) {
    lat.value = la.toFixed(6); lng.value = lo.toFixed(6);
    placeMarker(la, lo);
    var remove = document.getElementById("remove-pin");
    if (remove) remove.hidden = false;
    saveDraft();
    return lookUp(la, lo, extra);
  }
  function clearPoint() {
    lat.value = ""; lng.value = "";
    if (marker) { marker.remove(); marker = null; }
    var remove = document.getElementById("remove-pin");
    if (remove) remove.hidden = true;
    saveDraft();
  }
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function loadMap() {
    if (mapLoading) return mapLoading;
    var css = document.createElement("link");
    css.rel = "stylesheet"; css.href = wrap.getAttribute("data-leaflet-css");
    document.head.appendChild(css);
    mapLoading = (window.L ? Promise.resolve() : loadScript(wrap.getAttribute("data-leaflet-js")))
      .then(function () { return window.LayaniBasemap ? null : loadScript(wrap.getAttribute("data-basemap-js")); })
      .then(function () {
        var L = window.L, la = parseFloat(lat.value), lo = parseFloat(lng.value), has = !isNaN(la) && !isNaN(lo);
        map = L.map("pin-map", { keyboard: true }).setView(has ? [la, lo] : [-2.5, 118], has ? 16 : 4);
        map.getContainer().layaniMap = map;  // for the browser tests
        var base = window.LayaniBasemap(map, wrap);
        var touched = false;
        ["pointerdown", "wheel", "keydown"].forEach(function (type) {
          map.getContainer().addEventListener(type, function () { touched = true; }, { once: true });
        });
        base.area.then(function (bounds) {  // the covered area, unless the citizen moved already
          if (bounds && !marker && !touched) map.fitBounds(bounds);
        });
        if (has) placeMarker(la, lo);
        map.on("click", function (e) { setPoint(e.latlng.lat, e.latlng.lng); });
        var box = map.getContainer();
        box.addEventListener("keydown", function (e) {
          if ((e.key === "Enter" || e.key === " ") && e.target === box) {
            e.preventDefault();
            var c = map.getCenter();
            setPoint(c.lat, c.lng);
          }
        });
        return map;
      })
      .catch(function () { mapLoading = null; say(strings.map_failed, true); return null; });
    return mapLoading;
  }
  var showMap, mapBox;
  function openMap() {
    mapBox.hidden = false;
    showMap.setAttribute("aria-expanded", "true");
    showMap.textContent = strings.hide_map;
    return loadMap().then(function (m) { if (m) m.invalidateSize(); return m; });
  }
  function toggleMap() {
    if (mapBox.hidden) return openMap();
    mapBox.hidden = true;
    showMap.setAttribute("aria-expanded", "false");
    showMap.textContent = strings.show_map;
  }
  function useMyLocation() {
    if (!("geolocation" in navigator)) { say(strings.unavailable, true); return; }
    say(strings.locating);
    navigator.geolocation.getCurrentPosition(function (pos) {
      var la = pos.coords.latitude, lo = pos.coords.longitude, acc = Math.round(pos.coords.accuracy || 0);
      var extra = acc > 100 ? fill(strings.accuracy, { m: acc.toLocaleString("id-ID") }) : "";
      setPoint(la, lo, extra);
      openMap().then(function (m) { if (m) { placeMarker(la, lo); m.setView([la, lo], 16); } });
    }, function (error) {
      say(error && error.code === 1 ? strings.denied : strings.unavailable, true);
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  window.LayaniPinMap = {
    init: function (theForm, theWrap, save) {
      form = theForm; wrap = theWrap; saveDraft = save;
      lat = document.getElementById("id_latitude"); lng = document.getElementById("id_longitude");
      status = document.getElementById("pin-map-status");
      showMap = document.getElementById("show-map"); mapBox = document.getElementById("pin-map-box");
      try { strings = JSON.parse(document.getElementById("pin-strings").textContent); } catch (e) { /* none */ }
    },
    run: function (action) {
      if (action === "show-map") toggleMap();
      else if (action === "use-my-location") useMyLocation();
      else if (action === "remove-pin") { clearPoint(); say(strings.removed); showMap.focus(); }
      else if (action === "label" && lat.value && lng.value) {
        document.getElementById("remove-pin").hidden = false;
        lookUp(parseFloat(lat.value), parseFloat(lng.value), "", true);
      }
    }
  };
})();
