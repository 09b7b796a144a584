/* "Dukung" without an account: solve the server's proof-of-work challenge, then post the form.
 *
 * The server (layani/intake/supports.py) signs a challenge: a nonce and a number of bits. We look
 * for a counter such that SHA-256("<nonce>:<counter>") begins with that many zero bits — about
 * 33,000 tries for 15 bits, an estimated half a second on a cheap phone (not measured on one) — in slices, so the page stays
 * responsive, then submit the ordinary form with the token and the counter. Signed-in citizens
 * and browsers without JavaScript never load this file (they are asked to sign in instead).
 * Plain ES5 and a SHA-256 of one 64-byte block, written for this purpose: no library. */
(function (root) {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  var W = new Array(64);

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  /* SHA-256 of an ASCII text shorter than 56 characters (one block): the eight 32-bit words. */
  function sha256Short(text) {
    var i, n = text.length;
    if (n > 55) throw new Error("text too long for one block");
    for (i = 0; i < 16; i++) W[i] = 0;
    for (i = 0; i < n; i++) W[i >> 2] |= (text.charCodeAt(i) & 0xff) << (24 - 8 * (i & 3));
    W[n >> 2] |= 0x80 << (24 - 8 * (n & 3));
    W[15] = n * 8;
    for (i = 16; i < 64; i++) {
      var x = W[i - 15], y = W[i - 2];
      var s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      var s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
    for (i = 0; i < 64; i++) {
      var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    return [(H[0] + a) | 0, (H[1] + b) | 0, (H[2] + c) | 0, (H[3] + d) | 0,
            (H[4] + e) | 0, (H[5] + f) | 0, (H[6] + g) | 0, (H[7] + h) | 0];
  }

  /* The first counter in [from, to) whose hash begins with `bits` zero bits (1–32), or -1. */
  function search(nonce, bits, from, to) {
    var prefix = nonce + ":";
    for (var counter = from; counter < to; counter++) {
      if ((sha256Short(prefix + counter)[0] >>> (32 - bits)) === 0) return counter;
    }
    return -1;
  }

  /* Search in slices of `step` tries, yielding to the page between them; calls done(counter). */
  function solve(nonce, bits, done, step) {
    step = step || 4000;
    var from = 0;
    (function slice() {
      var found = search(nonce, bits, from, from + step);
      if (found >= 0) return done(found);
      from += step;
      setTimeout(slice, 0);
    })();
  }

  var api = { sha256Short: sha256Short, search: search, solve: solve };
  if (typeof module !== "undefined" && module.exports) module.exports = api;  // tests (node)
  if (!root.document) return;

  root.document.addEventListener("DOMContentLoaded", function () {
    var form = root.document.querySelector("form[data-support-proof]");
    if (!form) return;
    var status = form.querySelector("[data-support-status]");
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (button.disabled) return;
      button.disabled = true;
      status.textContent = form.getAttribute("data-working");
      var failed = function () {
        status.textContent = form.getAttribute("data-failed");
        button.disabled = false;
      };
      var request = new XMLHttpRequest();
      request.open("GET", form.getAttribute("data-challenge"));
      request.setRequestHeader("Accept", "application/json");
      request.onerror = failed;
      request.onload = function () {
        var challenge;
        try { challenge = JSON.parse(request.responseText); } catch (e) { challenge = null; }
        if (request.status !== 200 || !challenge || !challenge.nonce) return failed();
        solve(challenge.nonce, challenge.bits, function (counter) {
          form.elements.proof_token.value = challenge.token;
          form.elements.proof_counter.value = String(counter);
          form.submit();  // the ordinary POST: the page comes back with the result message
        });
      };
      request.send();
    });
    // Coming back to this page from the history: the button works again.
    root.addEventListener("pageshow", function () {
      button.disabled = false;
      status.textContent = "";
    });
  });
})(typeof window !== "undefined" ? window : this);
