/* peaceops.escapeHtml: the one helper every script uses for data that reaches HTML.
   Leaflet's bindTooltip/bindPopup and divIcon take a string as HTML, and so do innerHTML and
   insertAdjacentHTML: a name an officer typed or an import brought (an incident's admin1, a group's
   name) must be text there, never markup. Loaded by the base template before any page script. */
(function (global) {
  "use strict";
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

  function escapeHtml(value) {
    if (value === null || value === undefined) { return ""; }
    return String(value).replace(/[&<>"'`]/g, function (c) { return ENTITIES[c]; });
  }

  /* A colour for a style attribute: only #rgb/#rrggbb or a plain name, else a neutral grey. */
  function safeColour(value) {
    return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20})$/.test(String(value)) ? String(value) : "#888888";
  }

  global.peaceops = global.peaceops || {};
  global.peaceops.escapeHtml = escapeHtml;
  global.peaceops.safeColour = safeColour;
}(window));
