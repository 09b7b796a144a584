/* The report form, improved when JavaScript runs: category type-ahead, the router's suggestion,
 * the map pin, a draft kept on this device, and sending later when there is no connection.
 * Without JavaScript the same form works through plain POSTs (the "Continue" buttons). */
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) return;
  var DRAFT = "layani-draft";
  // Contact details are not kept in the draft: a shared phone must not hand them to the next user.
  var NOT_KEPT = ["csrfmiddlewaretoken", "idempotency_key", "name", "phone", "email", "attachments", "q", "step"];

  /* ---- category type-ahead: filter the grouped <select> ---- */
  var filter = document.getElementById("category-filter");
  var select = document.getElementById("id_category");
  if (filter && select) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase(), shown = [];
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        var any = false, groupMatch = group.label.toLowerCase().indexOf(q) >= 0;
        Array.prototype.forEach.call(group.querySelectorAll("option"), function (o) {
          var match = !q || groupMatch || o.textContent.toLowerCase().indexOf(q) >= 0;
          o.hidden = !match; any = any || match;
          if (match) shown.push(o);
        });
        group.hidden = !any;
      });
      if (q && shown.length === 1 && select.value !== shown[0].value) {
        select.value = shown[0].value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  /* ---- "use this category" from the router's suggestion ---- */
  form.addEventListener("click", function (e) {
    var button = e.target.closest("[data-use-category]");
    if (!button || !select) return;
    e.preventDefault();
    select.value = button.getAttribute("data-use-category");
    select.dispatchEvent(new Event("change", { bubbles: true }));
    var panel = button.closest(".suggestion");
    if (panel) panel.remove();
    select.focus();
  });
  // Enter in the place search must not send the report.
  form.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.id === "region-search") e.preventDefault();
  });
  document.body.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "region-fields" || (e.target && e.target.id === "region-fields")) {
      var results = document.getElementById("region-results");
      if (results) results.textContent = "";
      if (window.htmx) window.htmx.trigger("#assist", "refresh");
      saveDraft();
    }
  });

  /* ---- the map pin and "use my location" (Leaflet loads only when the map is shown) ---- */
  var lat = document.getElementById("id_latitude"), lng = document.getElementById("id_longitude");
  var wrap = document.getElementById("pin-map-wrap"), map = null, marker = null, mapLoading = null;
  var status = document.getElementById("pin-map-status");
  var strings = {};
  try { strings = JSON.parse(document.getElementById("pin-strings").textContent); } catch (e) { /* no map */ }
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
    var url = wrap.getAttribute("data-point-url") + "?lat=" + la.toFixed(6) + "&lng=" + lo.toFixed(6);
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
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
  var showMap = document.getElementById("show-map"), mapBox = document.getElementById("pin-map-box");
  function openMap() {
    if (!mapBox) return Promise.resolve(null);
    mapBox.hidden = false;
    showMap.setAttribute("aria-expanded", "true");
    showMap.textContent = strings.hide_map;
    return loadMap().then(function (m) { if (m) m.invalidateSize(); return m; });
  }
  if (showMap && wrap) {
    showMap.addEventListener("click", function () {
      if (mapBox.hidden) openMap();
      else {
        mapBox.hidden = true;
        showMap.setAttribute("aria-expanded", "false");
        showMap.textContent = strings.show_map;
      }
    });
  }
  var removePin = document.getElementById("remove-pin");
  if (removePin) {
    removePin.addEventListener("click", function () { clearPoint(); say(strings.removed); showMap.focus(); });
    removePin.hidden = !lat.value;
  }
  var locateButton = document.getElementById("use-my-location");
  if (locateButton && wrap) {
    locateButton.addEventListener("click", function () {
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
    });
  }
  if (wrap && lat.value && lng.value) {  // a form sent back (an error, a "Continue" step)
    lookUp(parseFloat(lat.value), parseFloat(lng.value), "", true);
  }

  /* ---- the draft on this device (localStorage; never sent anywhere by itself) ---- */
  var timer = null;
  function collect() {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (typeof value !== "string" || NOT_KEPT.indexOf(name) >= 0 || name.indexOf("csrf") === 0) return;
      if (fields[name] === undefined) fields[name] = value;
      else fields[name] = [].concat(fields[name], value);
    });
    return fields;
  }
  function saveDraft() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      try {
        var fields = collect();
        if (!fields.description) return;
        localStorage.setItem(DRAFT, JSON.stringify({ savedAt: Date.now(), fields: fields }));
      } catch (e) { /* storage full or disabled: the form still works */ }
    }, 400);
  }
  function restoreDraft() {
    var raw = null;
    try { raw = localStorage.getItem(DRAFT); } catch (e) { return; }
    if (!raw || form.getAttribute("data-bound") === "1") return;
    var draft = JSON.parse(raw), f = draft.fields, desc = form.elements.description;
    if (!f || !f.description || (desc && desc.value)) return;
    Object.keys(f).forEach(function (name) {
      var el = form.elements[name], values = [].concat(f[name]);
      if (!el) return;
      if (el.length !== undefined && !el.tagName) {
        Array.prototype.forEach.call(el, function (o) { o.checked = values.indexOf(o.value) >= 0; });
      } else if (el.type === "checkbox") el.checked = true;
      else el.value = values[0];
    });
    var deepest = f.village || f.district || f.regency || f.province;
    if (deepest && window.htmx) {
      window.htmx.ajax("GET", form.getAttribute("data-regions-url") + "?pick=" + encodeURIComponent(deepest),
                       { target: "#region-fields", swap: "outerHTML" });
    }
    if (select && select.value) select.dispatchEvent(new Event("change", { bubbles: true }));
    var note = document.getElementById("draft-note");
    if (note) {
      note.hidden = false;
      note.querySelector("button").addEventListener("click", function () {
        try { localStorage.removeItem(DRAFT); } catch (e) {}
        form.reset();
        note.hidden = true;
      });
    }
  }
  form.addEventListener("input", saveDraft);
  form.addEventListener("change", saveDraft);

  /* ---- no connection: keep the whole report in the outbox and send it later ---- */
  form.addEventListener("submit", function (e) {
    var submitter = e.submitter;
    if (submitter && submitter.name) return; // a "Continue" step, not the report itself
    if (navigator.onLine || !window.LayaniOutbox) return;
    e.preventDefault();
    var data = new FormData(form);
    window.LayaniOutbox.save(data, form.action).then(function () {
      try { localStorage.removeItem(DRAFT); } catch (err) {}
      if (navigator.serviceWorker && navigator.serviceWorker.ready) {
        navigator.serviceWorker.ready.then(function (reg) {
          if (reg.sync) reg.sync.register("layani-outbox").catch(function () {});
        });
      }
      form.reset();
      var id = form.elements.idempotency_key;
      if (id && window.crypto && crypto.randomUUID) id.value = crypto.randomUUID();
      return window.LayaniOutbox.render();
    }).then(function () {
      var box = document.getElementById("outbox-status");
      if (box) { box.setAttribute("tabindex", "-1"); box.focus(); box.scrollIntoView(); }
    });
  });

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  restoreDraft();
})();
