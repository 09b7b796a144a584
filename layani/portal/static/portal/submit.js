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

  /* ---- the map pin and "use my location": portal/pinmap.js (and Leaflet) load on first use ---- */
  var wrap = document.getElementById("pin-map-wrap");
  if (wrap) {
    var pending = [], loading = false;
    var run = function (action) {
      if (window.LayaniPinMap) return window.LayaniPinMap.run(action);
      pending.push(action);
      if (loading) return;
      loading = true;
      var s = document.createElement("script");
      s.src = wrap.getAttribute("data-pinmap-js");
      s.onload = function () {
        window.LayaniPinMap.init(form, wrap, function () { saveDraft(); });
        pending.forEach(window.LayaniPinMap.run);
      };
      s.onerror = function () { loading = false; pending = []; };
      document.head.appendChild(s);
    };
    wrap.addEventListener("click", function (e) {
      var button = e.target.closest("#use-my-location, #show-map, #remove-pin");
      if (button) { e.preventDefault(); run(button.id); }
    });
    var pinLabel = function () {  // a form sent back or a draft restored: say where its pin is
      var la = document.getElementById("id_latitude"), lo = document.getElementById("id_longitude");
      if (la && lo && la.value && lo.value) run("label");
    };
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
  if (wrap) pinLabel();
})();
