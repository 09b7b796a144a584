/* Layani outbox: reports written without a connection wait in IndexedDB on this device and are
 * sent when the connection returns. Used by the pages (status, sending on "online") and by the
 * service worker (Background Sync, and POSTs that fail mid-way). Nothing here is ever logged:
 * the reports may hold personal data, and they stay on the citizen's own device until sent. */
(function (root) {
  "use strict";
  var DB = "layani", VERSION = 1, OUTBOX = "outbox", RECEIPTS = "receipts";
  var sending = null;

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = function () {
        var db = req.result;
        if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: "key" });
        if (!db.objectStoreNames.contains(RECEIPTS)) db.createObjectStore(RECEIPTS, { keyPath: "key" });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function tx(store, mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode), s = t.objectStore(store), out = fn(s);
        t.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : undefined); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function all(store) { return tx(store, "readonly", function (s) { return s.getAll(); }); }
  function put(store, item) { return tx(store, "readwrite", function (s) { s.put(item); }); }
  function remove(store, key) { return tx(store, "readwrite", function (s) { s.delete(key); }); }
  function get(store, key) { return tx(store, "readonly", function (s) { return s.get(key); }); }

  /* A FormData as a storable item; files are kept as Blobs. */
  function itemFrom(formData, action) {
    var fields = [], files = [], key = "", summary = "";
    formData.forEach(function (value, name) {
      if (typeof value === "string") {
        fields.push([name, value]);
        if (name === "idempotency_key") key = value;
        if (name === "description") summary = value.slice(0, 80);
      } else if (value && value.size) {
        files.push([name, value, value.name]);
      }
    });
    return { key: key || String(Date.now()), action: action, savedAt: Date.now(), summary: summary,
             fields: fields, files: files, errors: null };
  }
  function save(formData, action) {
    var item = itemFrom(formData, action);
    return put(OUTBOX, item).then(function () { return item; });
  }
  function csrfCookie() {
    if (typeof document === "undefined") return "";
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function sendOne(item) {
    var body = new FormData(), fresh = csrfCookie();
    item.fields.forEach(function (f) {
      if (f[0] === "csrfmiddlewaretoken" && fresh) body.append(f[0], fresh);
      else if (f[0] !== "step") body.append(f[0], f[1]);
    });
    item.files.forEach(function (f) { body.append(f[0], f[1], f[2]); });
    return fetch(item.action || "/lapor/", {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (r) {
          r.key = item.key; r.sentAt = Date.now();
          return put(RECEIPTS, r).then(function () { return remove(OUTBOX, item.key); });
        });
      }
      if (response.status === 400) {
        return response.json().then(function (r) { item.errors = r.errors || []; return put(OUTBOX, item); });
      }
      item.errors = [{ message: "HTTP " + response.status }];
      return put(OUTBOX, item);
    });
  }
  /* Send every waiting report once; stops quietly at the first network failure. */
  function sendAll() {
    if (sending) return sending;
    sending = all(OUTBOX).then(function (items) {
      var chain = Promise.resolve();
      items.filter(function (i) { return !i.errors; }).forEach(function (item) {
        chain = chain.then(function () { return sendOne(item); });
      });
      return chain;
    }).catch(function () {}).then(function () { sending = null; });
    return sending;
  }

  root.LayaniOutbox = { save: save, sendAll: sendAll, sendOne: sendOne, all: all, remove: remove, get: get,
                        OUTBOX: OUTBOX, RECEIPTS: RECEIPTS };

  if (typeof document === "undefined") return;

  /* ---- page side: tell the citizen plainly what is waiting and what was sent ---- */
  var strings = {};
  function t(key) { return strings[key] || key; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function time(ms) { return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }); }

  function render() {
    var box = document.getElementById("outbox-status");
    if (!box) return Promise.resolve();
    return Promise.all([all(OUTBOX), all(RECEIPTS)]).then(function (r) {
      var waiting = r[0], receipts = r[1];
      box.textContent = "";
      box.hidden = !(waiting.length || receipts.length);
      if (waiting.length) {
        var panel = el("div", "", "panel waiting");
        panel.setAttribute("data-outbox", "waiting");
        panel.appendChild(el("h2", t("waiting_title").replace("%(n)s", waiting.length)));
        panel.appendChild(el("p", navigator.onLine ? t("waiting_online") : t("waiting_offline")));
        var list = el("ul");
        waiting.forEach(function (item) {
          var li = el("li", "“" + (item.summary || "…") + "” — " + t("saved_at").replace("%(time)s", time(item.savedAt)));
          if (item.errors) {
            li.appendChild(el("p", t("needs_fixing"), "error"));
            var errs = el("ul");
            item.errors.forEach(function (e) { errs.appendChild(el("li", (e.label ? e.label + ": " : "") + e.message, "error")); });
            li.appendChild(errs);
            // Back into the form with everything the citizen wrote; removed only once it is sent.
            var fix = el("a", t("fix_again"), "button primary");
            fix.href = (item.action || "/lapor/") + "?outbox=" + encodeURIComponent(item.key);
            fix.setAttribute("data-fix-again", "");
            li.appendChild(fix);
            var drop = el("button", t("discard"), "secondary");
            drop.type = "button";
            drop.onclick = function () { remove(OUTBOX, item.key).then(render); };
            li.appendChild(drop);
          }
          list.appendChild(li);
        });
        panel.appendChild(list);
        box.appendChild(panel);
      }
      receipts.forEach(function (rec) {
        var panel = el("div", "", "panel receipt");
        panel.setAttribute("data-outbox", "sent");
        panel.appendChild(el("h2", t("sent_title")));
        panel.appendChild(el("p", "“" + rec.title + "”"));
        var dl = el("dl", "", "codes");
        dl.appendChild(el("dt", t("tracking_id")));
        var id = el("dd", rec.tracking_id); id.setAttribute("data-tracking-id", ""); dl.appendChild(id);
        dl.appendChild(el("dt", t("access_code")));
        var code = el("dd", rec.access_code); code.setAttribute("data-access-code", ""); dl.appendChild(code);
        panel.appendChild(dl);
        panel.appendChild(el("p", t("keep_codes"), "help"));
        var done = el("button", t("noted"), "secondary");
        done.type = "button";
        done.onclick = function () { remove(RECEIPTS, rec.key).then(render); };
        panel.appendChild(done);
        box.appendChild(panel);
      });
    });
  }
  function sync() { return (navigator.onLine ? sendAll() : Promise.resolve()).then(render); }

  root.LayaniOutbox.render = render;
  root.LayaniOutbox.sync = sync;
  document.addEventListener("DOMContentLoaded", function () {
    var data = document.getElementById("outbox-strings");
    if (data) strings = JSON.parse(data.textContent);
    if (!("indexedDB" in window)) return;
    sync();
    window.addEventListener("online", sync);
    window.addEventListener("offline", render);
  });
})(self);
