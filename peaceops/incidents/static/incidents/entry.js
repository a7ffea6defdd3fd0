/* The incident entry form: place by map click, P-code lookup or typed coordinates; Ctrl+Enter saves.
   Works without this script too (plain form); the script only saves keystrokes. */
(function () {
  "use strict";
  var form = document.getElementById("incident-form");
  if (!form) { return; }
  var byName = function (name) { return form.elements.namedItem(name); };
  var status = document.getElementById("place-status");
  var say = function (text) { if (status) { status.textContent = text || ""; } };
  var marker = null, map = null;

  function setPoint(lat, lon, pan) {
    if (!map) { return; }
    var latlng = L.latLng(lat, lon);
    if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng, { keyboard: false }).addTo(map); }
    if (pan) { map.setView(latlng, Math.max(map.getZoom(), 7)); }
  }

  function coordsFromInputs() {
    var lat = parseFloat(byName("latitude").value), lon = parseFloat(byName("longitude").value);
    if (!isNaN(lat) && !isNaN(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) { setPoint(lat, lon, true); }
  }

  // P-code: fill country, admin names and (if empty) the area's centre.
  var pcode = byName("pcode");
  if (pcode) {
    pcode.addEventListener("change", function () {
      var value = pcode.value.trim();
      if (!value) { return; }
      fetch(form.dataset.placeUrl + "?pcode=" + encodeURIComponent(value), { credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (answer) {
          if (!answer.ok) { say(answer.body.error); return; }
          var place = answer.body;
          byName("country").value = place.country;
          if (place.admin1) { byName("admin1").value = place.admin1; }
          if (place.admin2) { byName("admin2").value = place.admin2; }
          if (!byName("latitude").value && place.latitude !== null) {
            byName("latitude").value = place.latitude; byName("longitude").value = place.longitude;
          }
          say(place.name + " (" + place.pcode + "), " + place.country_name);
          coordsFromInputs();
        });
    });
  }
  ["latitude", "longitude"].forEach(function (name) { byName(name).addEventListener("change", coordsFromInputs); });

  // Ctrl+Enter (or Cmd+Enter) saves from anywhere, including the text boxes.
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
  });

  var el = document.getElementById("entry-map");
  if (!el || typeof L === "undefined") { return; }
  map = L.map(el, { keyboard: false, zoomSnap: 0.5 }).setView([12, 20], 4);
  el.querySelectorAll("a, [tabindex]").forEach(function (node) { node.setAttribute("tabindex", "-1"); });
  if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map); }
  fetch(el.dataset.shapes, { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : { features: [] }; })
    .then(function (data) {
      var shapes = L.geoJSON(data, {
        style: function (f) {  // countries filled; admin-1 lines; mission areas dashed on top
          var kind = f.properties && f.properties.kind;
          if (kind === "admin") { return { color: "#5b6b7a", weight: 0.5, fill: false }; }
          if (kind === "area" || kind === "sector") {
            return { color: "#b35900", weight: kind === "area" ? 2 : 0.8, dashArray: "6 4", fill: false };
          }
          return { color: "#1f4e79", weight: 1, fillColor: "#9fc3e6", fillOpacity: 0.3 };
        },
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 3, color: "#1f4e79" }); }
      }).addTo(map);
      if (data.features && data.features.length && !byName("latitude").value) {
        map.fitBounds(shapes.getBounds(), { maxZoom: 6 });
      }
    });
  map.on("click", function (event) {
    byName("latitude").value = event.latlng.lat.toFixed(5);
    byName("longitude").value = event.latlng.lng.toFixed(5);
    setPoint(event.latlng.lat, event.latlng.lng, false);
    say("");
  });
  coordsFromInputs();
})();
