/* The receipt's copy and share buttons. Without JavaScript they stay hidden and the codes remain
 * plain text the reader can select. Web Share only where the browser has it. */
(function () {
  "use strict";
  var box = document.querySelector("[data-copy-actions]");
  if (!box) return;
  var status = document.querySelector("[data-copy-status]");
  var copy = box.querySelector("[data-copy]"), share = box.querySelector("[data-share]");
  box.hidden = false;
  if (copy) {
    if (!navigator.clipboard) copy.hidden = true;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = copy.getAttribute("data-copied");
      }).catch(function () {});
    });
  }
  if (share) {
    if (!navigator.share) share.hidden = true;
    else share.addEventListener("click", function () {
      navigator.share({ text: share.getAttribute("data-share-text") }).catch(function () {});
    });
  }
})();
