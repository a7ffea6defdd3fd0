/* The map page: mission HQs and host countries from web:map-data, drawn by the vendored Leaflet.
   No tile server by default (mission networks are closed): shapes on a plain background, unless
   the PEACEOPS_TILE_URL setting names one. Clicking a country loads its admin areas (drill-down). */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var status = document.getElementById("map-status");
  var map = L.map(el, { zoomSnap: 0.5, worldCopyJump: false }).setView([10, 20], 4);
  map.attributionControl.setPrefix("Leaflet");  // no outbound link: mission networks are closed
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map);
  }
  var adminLayer = null;
  var esc = window.peaceops.escapeHtml;  // tooltips are HTML to Leaflet; names are data

  function say(text) { if (status) { status.textContent = text || ""; } }

  function popupText(props) {
    var div = document.createElement("div");
    var strong = document.createElement("strong");
    strong.textContent = props.mission || props.name || "";
    div.appendChild(strong);
    var extra = props.kind === "hq" ? (el.dataset.labelHq + (props.headquarters ? ": " + props.headquarters : ""))
      : (props.kind === "area" || props.kind === "sector")
        ? props.name + " (" + props.valid_from + " \u2013 " + (props.valid_to || "\u2026") + ")"
        : (props.pcode || props.iso3 || "");
    if (extra) { div.appendChild(document.createElement("br")); div.appendChild(document.createTextNode(extra)); }
    return div;
  }

  function drillDown(iso3) {
    var url = el.dataset.url + "?country=" + encodeURIComponent(iso3) + "&level=1";
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .then(function (data) {
        if (adminLayer) { map.removeLayer(adminLayer); }
        adminLayer = L.geoJSON(data, {
          style: { color: "#7a5c00", weight: 1, fillOpacity: 0.05 },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 4, color: "#7a5c00" }); },
          onEachFeature: function (f, layer) { layer.bindTooltip(esc(f.properties.name + " (" + f.properties.pcode + ")")); }
        }).addTo(map);
        say(data.features.length ? "" : el.dataset.labelNoAreas);
      });
  }

  fetch(el.dataset.url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        style: function (f) {
          var kind = f.properties.kind;
          if (kind === "admin") { return { color: "#5b6b7a", weight: 0.6, fill: false }; }
          if (kind === "area") { return { color: "#b35900", weight: 2.5, dashArray: "6 4", fill: false }; }
          if (kind === "sector") { return { color: "#b35900", weight: 1, dashArray: "2 3", fill: false }; }
          return { color: "#1f4e79", weight: 1.5, fillColor: "#9fc3e6", fillOpacity: 0.35 };
        },
        pointToLayer: function (f, latlng) {
          return L.marker(latlng, { title: f.properties.mission, alt: f.properties.mission, riseOnHover: true });
        },
        onEachFeature: function (f, lyr) {
          lyr.bindPopup(popupText(f.properties));
          if (f.properties.kind === "country") {
            lyr.bindTooltip(esc(f.properties.name), { sticky: true });
            lyr.on("click", function () { drillDown(f.properties.iso3); });
          } else if (f.properties.kind === "area" || f.properties.kind === "sector") {
            lyr.bindTooltip(esc(f.properties.mission + ": " + f.properties.name), { sticky: true });
          } else if (f.properties.kind === "admin") {
            lyr.bindTooltip(esc(f.properties.name), { sticky: true });
          } else if (f.properties.kind === "hq") {
            lyr.bindTooltip(esc(f.properties.mission), { permanent: true, direction: "right", className: "hq-label" });
          }
        }
      }).addTo(map);
      if (data.features.length) {
        map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 7 });
      } else {
        say(el.dataset.labelEmpty);
      }
      el.dataset.loaded = String(data.features.length);
    });
})();
