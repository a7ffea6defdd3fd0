/* The incident map: parallel arrays from incidents:map-data (id, lat, lon, category index, day),
   clustered with Leaflet.markercluster (chunkedLoading, addLayers in bulk), coloured by category.
   Server-side filters (time window, category, actor, mission) reload the rows; the time slider
   filters the loaded rows in the browser. No tile server unless PEACEOPS_TILE_URL is set. */
(function () {
  "use strict";
  var el = document.getElementById("incident-map");
  if (!el || typeof L === "undefined" || !L.markerClusterGroup) { return; }
  var DAY_MS = 86400000;
  var status = document.getElementById("map-status");
  var from = document.getElementById("slider-from"), to = document.getElementById("slider-to");
  var fromLabel = document.getElementById("slider-from-label"), toLabel = document.getElementById("slider-to-label");
  var filters = document.getElementById("map-filters");
  // maxZoom: markercluster needs it, and without tiles no layer sets one.
  var map = L.map(el, { zoomSnap: 0.5, preferCanvas: true, minZoom: 2, maxZoom: 18 }).setView([10, 20], 4);
  if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map); }

  var categories = [], icons = [], markers = [], days = [], epoch = 0;
  var colour = window.peaceops.safeColour;  // category colours go into HTML style attributes

  function iconFor(cat) {
    if (!icons[cat]) {
      icons[cat] = L.divIcon({ className: "incident-pin", iconSize: [12, 12],
        html: '<span style="background:' + colour(categories[cat].colour) + '"></span>' });
    }
    return icons[cat];
  }

  // Cluster icon: a pie of the categories inside (CSS conic-gradient), the count in the middle.
  function clusterIcon(cluster) {
    var children = cluster.getAllChildMarkers(), counts = {}, i, n = children.length;
    for (i = 0; i < n; i++) { counts[children[i].options.cat] = (counts[children[i].options.cat] || 0) + 1; }
    var stops = [], at = 0;
    Object.keys(counts).forEach(function (cat) {
      var end = at + counts[cat] / n * 360;
      stops.push(colour(categories[cat].colour) + " " + at.toFixed(1) + "deg " + end.toFixed(1) + "deg");
      at = end;
    });
    var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
    return L.divIcon({
      className: "incident-cluster", iconSize: [size, size],
      html: '<div style="background:conic-gradient(' + stops.join(",") + ')"><span>' + Number(n) + "</span></div>"
    });
  }

  var group = L.markerClusterGroup({
    chunkedLoading: true, chunkInterval: 150, chunkDelay: 20, showCoverageOnHover: false,
    iconCreateFunction: clusterIcon, maxClusterRadius: 60, removeOutsideVisibleBounds: true
  });
  map.addLayer(group);
  group.on("click", function (event) {
    var m = event.layer, o = m.options;
    var link = document.createElement("a");
    link.href = el.dataset.detail.replace(/0\/$/, o.pk + "/");
    link.textContent = "#" + o.pk + " " + categories[o.cat].label + ", " + dayText(o.day);
    m.bindPopup(link).openPopup();
  });

  function dayText(day) { return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10); }

  function say(shown) {
    var text = el.dataset.labelShown.replace("%(shown)s", shown).replace("%(total)s", markers.length);
    status.textContent = text;
    el.dataset.shown = String(shown);
    el.dataset.total = String(markers.length);
  }

  function applySlider() {
    var lo = Number(from.value), hi = Number(to.value);
    if (lo > hi) { var t = lo; lo = hi; hi = t; }
    fromLabel.textContent = markers.length ? dayText(lo) : "";
    toLabel.textContent = markers.length ? dayText(hi) : "";
    var keep = [];
    for (var i = 0; i < markers.length; i++) {
      if (days[i] >= lo && days[i] <= hi) { keep.push(markers[i]); }
    }
    group.clearLayers();
    group.addLayers(keep);
    say(keep.length);
  }

  var pending = null;
  function onSlide() { clearTimeout(pending); pending = setTimeout(applySlider, 120); }
  from.addEventListener("input", onSlide);
  to.addEventListener("input", onSlide);

  function load(query) {
    status.textContent = el.dataset.labelLoading;
    el.dataset.ready = "";
    fetch(el.dataset.url + (query ? "?" + query : ""), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        categories = data.categories; icons = []; epoch = Date.parse(data.epoch + "T00:00:00Z");
        var n = data.id.length, lo = Infinity, hi = -Infinity, lat = data.lat, lon = data.lon, cat = data.cat;
        markers = new Array(n); days = data.day;
        for (var i = 0; i < n; i++) {
          markers[i] = L.marker([lat[i], lon[i]], { icon: iconFor(cat[i]), pk: data.id[i], cat: cat[i], day: days[i],
                                                    keyboard: false });
          if (days[i] < lo) { lo = days[i]; }
          if (days[i] > hi) { hi = days[i]; }
        }
        if (!n) { lo = hi = 0; }
        [from, to].forEach(function (input) { input.min = lo; input.max = hi; });
        from.value = lo; to.value = hi;
        group.clearLayers();
        group.addLayers(markers);
        fromLabel.textContent = n ? dayText(lo) : ""; toLabel.textContent = n ? dayText(hi) : "";
        say(n);
        if (n) { map.fitBounds(group.getBounds(), { padding: [20, 20], maxZoom: 8 }); }
        el.dataset.ready = "1";
      });
  }

  // Country and admin-1 shapes and the mission areas of the scope on a plain background (no tiles
  // on closed networks): a watch officer sees on whose side of a line an incident lies.
  var SHAPE_STYLES = {
    country: { color: "#6b7d90", weight: 1, fillColor: "#f2efe6", fillOpacity: 1 },
    admin: { color: "#9aa7b4", weight: 0.5, fill: false },
    area: { color: "#b35900", weight: 2, dashArray: "6 4", fill: false },
    sector: { color: "#b35900", weight: 0.8, dashArray: "2 3", fill: false }
  };
  fetch(el.dataset.shapes, { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : { features: [] }; })
    .then(function (data) {
      L.geoJSON(data, {
        filter: function (f) { return SHAPE_STYLES.hasOwnProperty(f.properties.kind); },
        style: function (f) { return SHAPE_STYLES[f.properties.kind]; }, interactive: false
      }).addTo(map).bringToBack();
    });

  filters.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = new URLSearchParams(new FormData(filters)).toString();
    history.replaceState(null, "", "?" + query);
    var exportLink = document.getElementById("map-export");
    if (exportLink) { exportLink.href = exportLink.href.split("?")[0] + "?" + query; }
    load(query);
  });
  load(el.dataset.query);
})();
