/* Armed groups' incidents on the vendored Leaflet: the cross-border map. One group's page colours
   by country; the list page colours by group (each point then carries "group").
   No tile server unless PEACEOPS_TILE_URL names one; country shapes come from web:map-data.
   Tooltips are HTML to Leaflet: names and places (typed by officers, imported from adm_1
   columns) go through peaceops.escapeHtml. */
(function () {
  "use strict";
  var el = document.getElementById("group-map");
  var data = document.getElementById("group-points");
  if (!el || !data || typeof L === "undefined") { return; }
  var esc = window.peaceops.escapeHtml;
  var points = JSON.parse(data.textContent);
  var map = L.map(el).setView([10, 22], 4);
  map.attributionControl.setPrefix("Leaflet");
  if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map); }
  var colours = ["#1f6f8b", "#c0392b", "#7d3c98", "#d68910", "#1e8449", "#5d6d7e"];
  var byCountry = {};
  fetch(el.dataset.shapes, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
    .then(function (shapes) {
      if (shapes) { L.geoJSON(shapes, { style: function (f) {
          var kind = f.properties && f.properties.kind;
          if (kind === "area" || kind === "sector") { return { color: "#b35900", weight: 1.5, dashArray: "6 4", fill: false }; }
          return { color: "#888", weight: kind === "admin" ? 0.5 : 1, fillOpacity: kind === "admin" ? 0 : 0.03 };
        },
        pointToLayer: function () { return null; } }).addTo(map); }
    }).catch(function () {});
  var bounds = [];
  points.forEach(function (p) {
    var key = p.group || p.country;
    if (!(key in byCountry)) { byCountry[key] = colours[Object.keys(byCountry).length % colours.length]; }
    L.circleMarker([p.lat, p.lon], { radius: 4, color: byCountry[key] })
      .bindTooltip(esc((p.group ? p.group + ": " : "") + p.date + " " + p.country + " " + p.admin1 +
                       (p.deaths ? " (" + p.deaths + ")" : ""))).addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 8 }); }
  el.dataset.ready = "1";
}());
