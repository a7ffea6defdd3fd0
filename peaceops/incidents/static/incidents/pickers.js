// Pickers by name: a text box with data-suggest="<url>" and list="<datalist id>" is offered the names the
// server returns for what was typed (actors the user may know of, admin areas). The server filters by
// permission; this only fills the <datalist>. Several names may be typed separated by ";": the last is completed.
(function () {
  "use strict";
  var DELAY = 200;

  function lastPart(value) {
    var parts = value.split(";");
    return parts[parts.length - 1].trim();
  }

  function prefix(value) {
    var at = value.lastIndexOf(";");
    return at < 0 ? "" : value.slice(0, at + 1) + " ";
  }

  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      var text = lastPart(input.value);
      if (text.length < 2 || text === asked) { return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        asked = text;
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (body) {
            var head = prefix(input.value);
            list.replaceChildren();
            body.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = head + (item.label || item.name);
              if (item.kind) { option.label = item.kind; }
              if (item.pcode) { option.dataset.pcode = item.pcode; }
              list.appendChild(option);
            });
          })
          .catch(function () { /* no suggestions: typing still works */ });
      }, DELAY);
    });
    // A place picked as "Name (P-CODE)" fills the P-code box, which looks the area up (entry.js).
    var pcodeName = input.dataset.pcodeField;
    if (pcodeName) {
      input.addEventListener("change", function () {
        var match = /\(([A-Za-z0-9_-]+)\)\s*$/.exec(input.value);
        var pcode = input.form && input.form.elements[pcodeName];
        if (!match || !pcode) { return; }
        var known = Array.prototype.some.call(list.options, function (o) { return o.dataset.pcode === match[1]; });
        if (!known) { return; }
        input.value = input.value.slice(0, match.index).trim();
        pcode.value = match[1];
        pcode.dispatchEvent(new Event("change"));
      });
    }
  }

  document.querySelectorAll("input[data-suggest][list]").forEach(attach);
})();
