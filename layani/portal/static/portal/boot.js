/* Runs first, in <head>: mark that JavaScript works (CSS shows the enhanced controls), register the
 * service worker that keeps offline reports, and forget a draft once its report was received.
 * An external file, not inline: the Content-Security-Policy allows no inline script. */
document.documentElement.className += " js";
if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
}
document.addEventListener("DOMContentLoaded", function () {
  if (document.querySelector("[data-clear-draft]")) {
    try { localStorage.removeItem("layani-draft"); } catch (e) { /* storage disabled */ }
  }
});
