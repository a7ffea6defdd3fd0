/* The gaps and duplications map of coordination:gaps: areas coloured by state. Data from
   json_script (coordination-areas, coordination-shape); names are escaped because Leaflet reads
   tooltip strings as HTML. */
(function () {
  "use strict";
  var el = document.getElementById("coordination-map");
  var areasData = document.getElementById("coordination-areas");
  if (!el || !areasData || typeof L === "undefined") { return; }
  var esc = window.peaceops.escapeHtml;
  var areas = JSON.parse(areasData.textContent);
  var shapeData = document.getElementById("coordination-shape");
  var shape = shapeData ? JSON.parse(shapeData.textContent) : null;
  var colours = { gap: "#c0392b", duplication: "#e67e22", both: "#8e44ad" };
  var map = L.map(el);
  var bounds = [];
  if (shape) { L.geoJSON(shape, { style: { color: "#555", weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map); }
  areas.forEach(function (a) {
    var colour = colours[a.state] || "#888888";
    var label = esc(a.name + " (" + a.pcode + "): " + a.state_name);
    if (a.shape) {
      L.geoJSON(a.shape, { style: { color: colour, weight: 1, fillColor: colour, fillOpacity: 0.45 } })
        .bindTooltip(label).addTo(map);
    }
    L.circleMarker([a.lat, a.lon], { radius: 9, weight: 1, color: colour, fillColor: colour, fillOpacity: 0.8,
                                     className: "area-" + (colours[a.state] ? a.state : "unknown") })
      .bindTooltip(label).addTo(map);
    bounds.push([a.lat, a.lon]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 }); }
  el.dataset.ready = "1";
}());
