// The incident log's "tick every report on this page" box (no inline script: the CSP allows static files only).
(function () {
  "use strict";
  var all = document.getElementById("select-all");
  var form = document.getElementById("bulk-form");
  if (!all || !form) { return; }
  var boxes = function () { return form.querySelectorAll("input[name=ids]"); };
  all.addEventListener("change", function () {
    boxes().forEach(function (box) { box.checked = all.checked; });
  });
  form.addEventListener("change", function (event) {
    if (event.target.name !== "ids") { return; }
    var list = boxes();
    var ticked = Array.prototype.filter.call(list, function (box) { return box.checked; }).length;
    all.checked = ticked === list.length;
    all.indeterminate = ticked > 0 && ticked < list.length;
  });
})();
