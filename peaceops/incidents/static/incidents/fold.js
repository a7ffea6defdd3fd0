// Long texts fold to a few lines with a "Show more" button (no inline script: the CSP forbids it).
// Markup: <div class="fold" data-more="Show more" data-less="Show less">...</div>; the words come
// from the template, in the reader's language.
(function () {
  "use strict";
  function setUp(box) {
    if (box.scrollHeight <= box.clientHeight + 2) {
      box.classList.add("fold-short");  // fits: nothing to unfold
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fold-toggle link";
    button.setAttribute("aria-expanded", "false");
    button.textContent = box.dataset.more || "Show more";
    button.addEventListener("click", function () {
      var open = box.classList.toggle("fold-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? (box.dataset.less || "Show less") : (box.dataset.more || "Show more");
    });
    box.insertAdjacentElement("afterend", button);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".fold"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
