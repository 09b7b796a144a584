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

  /* ---- checks the device can make before a report is kept offline (the server's own words) ---- */
  var texts = {};
  try { texts = JSON.parse(document.getElementById("form-strings").textContent); } catch (err) {}
  function val(name) { var el = form.elements[name]; return el && el.value !== undefined ? String(el.value).trim() : ""; }
  function deviceCheck() {
    var problems = [];
    function add(id, message) { if (message) problems.push({ field: id, message: message }); }
    if (!val("description")) add("id_description", texts.description);
    if (!val("regency")) add(val("province") ? "id_regency" : "id_province", texts.region);
    if (form.elements.name && form.elements.name.type !== "hidden" && document.getElementById("id_email")) {
      if (!val("name")) add("id_name", texts.name);
      if (!val("phone") && !val("email")) add("id_phone", texts.contact);
      if (val("email") && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(val("email"))) add("id_email", texts.email);
    }
    if (!val("latitude") !== !val("longitude")) add("id_latitude", texts.coordinates);
    var done = {};
    Array.prototype.forEach.call(form.querySelectorAll("#questions [data-required-message]"), function (el) {
      if (done[el.name]) return;
      done[el.name] = true;
      var group = form.querySelectorAll("[name='" + el.name + "']");
      var answered = el.type === "radio" || el.type === "checkbox"
        ? Array.prototype.some.call(group, function (o) { return o.checked; }) : !!el.value.trim();
      if (!answered) add(el.id, el.getAttribute("data-required-message"));
    });
    var files = form.elements.attachments ? Array.prototype.slice.call(form.elements.attachments.files || []) : [];
    if (files.length > Number(texts.max_files || 10)) add("id_attachments", texts.too_many);
    files.forEach(function (f) {
      if (f.size > Number(texts.max_bytes || 0)) {
        add("id_attachments", (texts.too_large || "").replace("%(name)s", f.name).replace("%(mb)d", texts.max_mb));
      }
    });
    return problems;
  }
  function clearProblems() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-device-error]"), function (el) { el.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("[data-device-invalid]"), function (el) {
      el.removeAttribute("aria-invalid"); el.removeAttribute("data-device-invalid");
      el.setAttribute("aria-describedby", (el.getAttribute("aria-describedby") || "").replace(/\s*\S+_deverror/g, "").trim());
    });
  }
  /* The problems above the form (as the server's summary) and beside each field; focus on the summary. */
  function showProblems(problems, intro) {
    clearProblems();
    var box = document.createElement("div");
    box.className = "error-summary"; box.setAttribute("role", "alert"); box.setAttribute("tabindex", "-1");
    box.setAttribute("data-device-error", "");
    var h = document.createElement("h2"); h.textContent = texts.summary_title; box.appendChild(h);
    if (intro) { var p = document.createElement("p"); p.textContent = intro; box.appendChild(p); }
    var ul = document.createElement("ul");
    problems.forEach(function (pr) {
      var li = document.createElement("li"), target = pr.field && document.getElementById(pr.field);
      var text = (pr.label ? pr.label + ": " : "") + pr.message;
      if (target) {
        var a = document.createElement("a"); a.href = "#" + pr.field; a.textContent = text; li.appendChild(a);
        var msg = document.createElement("p"), id = pr.field + "_deverror";
        if (!document.getElementById(id)) {
          msg.className = "error"; msg.id = id; msg.textContent = pr.message; msg.setAttribute("data-device-error", "");
          var field = target.closest(".field") || target.parentNode;
          var label = field.querySelector("label, legend");
          if (label && label.nextSibling) field.insertBefore(msg, label.nextSibling); else field.appendChild(msg);
          target.setAttribute("aria-invalid", "true"); target.setAttribute("data-device-invalid", "");
          target.setAttribute("aria-describedby", ((target.getAttribute("aria-describedby") || "") + " " + id).trim());
        }
      } else li.textContent = text;
      ul.appendChild(li);
    });
    box.appendChild(ul);
    form.parentNode.insertBefore(box, form);
    box.focus();
  }

  /* ---- "fix and send again": a report kept on this device and refused, back in the form ---- */
  var reopenKey = new URLSearchParams(location.search).get("outbox");
  var pendingAnswers = null;
  function fill(fields, files) {
    var values = {};
    fields.forEach(function (f) { if (f[0] !== "csrfmiddlewaretoken" && f[0] !== "step") (values[f[0]] = values[f[0]] || []).push(f[1]); });
    Object.keys(values).forEach(function (name) {
      var el = form.elements[name];
      if (!el) return;
      if (el.length !== undefined && !el.tagName) {
        Array.prototype.forEach.call(el, function (o) { o.checked = values[name].indexOf(o.value) >= 0; });
      } else if (el.type === "checkbox") el.checked = true;
      else if (el.type !== "file") el.value = values[name][0];
    });
    pendingAnswers = values;
    var input = form.elements.attachments;
    if (input && files && files.length && window.DataTransfer) {
      try {
        var dt = new DataTransfer();
        files.forEach(function (f) { dt.items.add(new File([f[1]], f[2] || "file", { type: f[1].type })); });
        input.files = dt.files;
      } catch (err) { /* the files stay in the outbox item */ }
    }
    var deepest = (values.village || values.district || values.regency || values.province || [""])[0];
    if (deepest && window.htmx) {
      window.htmx.ajax("GET", form.getAttribute("data-regions-url") + "?pick=" + encodeURIComponent(deepest),
                       { target: "#region-fields", swap: "outerHTML" });
    }
    if (select && select.value) select.dispatchEvent(new Event("change", { bubbles: true }));
  }
  document.body.addEventListener("htmx:afterSwap", function (e) {
    if (!pendingAnswers || !e.detail.target || e.detail.target.id !== "questions") return;
    Object.keys(pendingAnswers).forEach(function (name) {
      if (name.indexOf("q_") !== 0) return;
      var el = form.elements[name];
      if (!el) return;
      if (el.length !== undefined && !el.tagName) {
        Array.prototype.forEach.call(el, function (o) { o.checked = pendingAnswers[name].indexOf(o.value) >= 0; });
      } else el.value = pendingAnswers[name][0];
    });
  });
  function reopen() {
    if (!reopenKey || !window.LayaniOutbox) return false;
    window.LayaniOutbox.get(window.LayaniOutbox.OUTBOX, reopenKey).then(function (item) {
      if (!item) { showProblems([{ message: texts.not_found }]); return; }
      fill(item.fields, item.files);
      form.setAttribute("data-outbox-key", item.key);
      if (form.elements.idempotency_key) form.elements.idempotency_key.value = item.key;
      showProblems(item.errors || [], texts.reopened);
    });
    return true;
  }
  function afterKept() {
    try { localStorage.removeItem(DRAFT); } catch (err) {}
    if (navigator.serviceWorker && navigator.serviceWorker.ready) {
      navigator.serviceWorker.ready.then(function (reg) {
        if (reg.sync) reg.sync.register("layani-outbox").catch(function () {});
      });
    }
  }
  /* A reopened report, sent with a connection: through the outbox, so it leaves the device only
   * once the server has taken it; then the receipt page (the session holds the receipt). */
  function sendReopened(data) {
    var O = window.LayaniOutbox;
    return O.save(data, form.action).then(function (item) {
      return O.sendOne(item).then(function () { return O.get(O.OUTBOX, item.key); },
                                  function () { return item; });
    }).then(function (left) {
      if (!left) {
        return O.remove(O.RECEIPTS, form.getAttribute("data-outbox-key")).then(function () {
          location.href = form.getAttribute("data-submitted-url");
        });
      }
      if (left.errors) return showProblems(left.errors);
      afterKept();
      return O.render();
    });
  }

  /* ---- no connection: keep the whole report in the outbox and send it later ---- */
  form.addEventListener("submit", function (e) {
    var submitter = e.submitter;
    if (submitter && submitter.name) return; // a "Continue" step, not the report itself
    var reopened = form.getAttribute("data-outbox-key");
    if ((navigator.onLine && !reopened) || !window.LayaniOutbox) return;
    e.preventDefault();
    var problems = deviceCheck();
    if (problems.length) { showProblems(problems); return; }
    clearProblems();
    var data = new FormData(form);
    if (navigator.onLine) { sendReopened(data); return; }
    window.LayaniOutbox.save(data, form.action).then(function () {
      afterKept();
      form.reset();
      form.removeAttribute("data-outbox-key");
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
  if (!reopen()) restoreDraft();
  if (wrap) pinLabel();
})();
