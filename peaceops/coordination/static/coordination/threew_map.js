/* The who-does-what-where map of coordination:activities: one circle per admin area, sized by its
   activities. Data from json_script (threew-points, threew-shape); area names are escaped because
   Leaflet reads tooltip strings as HTML. */
(function () {
  "use strict";
  var el = document.getElementById("threew-map");
  var pointsData = document.getElementById("threew-points");
  if (!el || !pointsData || typeof L === "undefined") { return; }
  var esc = window.peaceops.escapeHtml;
  var points = JSON.parse(pointsData.textContent);
  var shapeData = document.getElementById("threew-shape");
  var shape = shapeData ? JSON.parse(shapeData.textContent) : null;
  var map = L.map(el);
  var bounds = [];
  if (shape) { L.geoJSON(shape, { style: { color: "#555", weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map); }
  points.forEach(function (p) {
    var radius = 6 + Math.sqrt(p.activities) * 3;
    L.circleMarker([p.lat, p.lon], { radius: radius, weight: 1, color: "#1f4e79", fillOpacity: 0.5 })
      .bindTooltip(esc(p.name + " (" + p.pcode + "): " + p.activities), { permanent: false }).addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 }); }
  el.dataset.ready = "1";
}());
