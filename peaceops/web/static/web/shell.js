/* Behaviour the templates once wrote as inline handlers (onchange=, onclick=), which the
   Content-Security-Policy forbids: a <select data-autosubmit> submits its form when changed,
   a <button data-print> prints the page. Delegated from the document, so content htmx swaps in
   behaves the same. */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field && field.matches && field.matches("[data-autosubmit]") && field.form) {
      field.form.submit();  // as the inline handler did: a plain submission, no submit event
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) { window.print(); }
    var toggle = event.target && event.target.closest ? event.target.closest("[data-menu-toggle]") : null;
    if (toggle) {
      // The phone-width menu: the stylesheet folds the navigation below 768 px; the button opens it.
      var layout = document.querySelector(".layout");
      var open = layout.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
  });
  document.documentElement.classList.add("menu-ready");  // scripts run: the navigation may fold
  // Tabs (nav.tabs, one style for every app): mark the current page's tab, the one whose path and query
  // match best (the risk register's ISF tab carries ?isf=, the plain register none).
  Array.prototype.forEach.call(document.querySelectorAll("nav.tabs"), function (nav) {
    var links = Array.prototype.filter.call(nav.querySelectorAll("a[href]"), function (a) {
      return a.pathname === window.location.pathname;
    });
    var exact = links.filter(function (a) { return a.search === window.location.search; });
    var current = exact[0] || links.filter(function (a) { return !a.search; })[0];
    if (current) { current.setAttribute("aria-current", "page"); }
  });
  // A box that scrolls sideways (a wide table in its card on a phone) must be reachable by keyboard, or its
  // hidden columns are lost to those who do not use a mouse (WCAG 2.1.1): such a box with nothing focusable
  // inside becomes a focus stop. Checked again when the width changes (a phone turned sideways).
  var SCROLLERS = "main .card, main table, main figure, main .table-wrap, main [data-scrolls]";
  function focusableScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(SCROLLERS), function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(box).overflowX);
      if (scrolls && !box.hasAttribute("tabindex") && !box.querySelector("a[href], button, input, select, textarea, [tabindex]")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scroll-stop", "");
      } else if (!scrolls && box.hasAttribute("data-scroll-stop")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scroll-stop");
      }
    });
  }
  focusableScrollers();
  window.addEventListener("resize", focusableScrollers);
}());
