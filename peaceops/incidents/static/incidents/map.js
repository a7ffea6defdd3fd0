/* The incident map: parallel arrays from incidents:map-data (id, lat, lon, category index, day),
   clustered with Leaflet.markercluster (chunkedLoading, addLayers in bulk), coloured by category.
   Server-side filters (time window, category, actor, mission) reload the rows; the time slider
   filters the loaded rows in the browser, by week or month, under a histogram of the loaded rows,
   and plays the window forward step by step. No tile server unless PEACEOPS_TILE_URL is set. */
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

  // --- the time slider: weeks or months (the reader's choice), a histogram of the loaded incidents above
  // it (only what the server sent: readable and filtered), and play/pause moving the window one step at a time.
  var stepChoice = document.getElementById("slider-step"), playButton = document.getElementById("slider-play");
  var histogram = document.getElementById("slider-histogram");
  var SVG = "http://www.w3.org/2000/svg";
  var bins = [], binOf = [], counts = [], userChose = false, playing = null;

  function dayDate(day) { return new Date(epoch + day * DAY_MS); }
  function binStart(day, step) {  // first day (since the epoch) of the week (Monday) or month holding ``day``
    var date = dayDate(day);
    if (step === "month") { return Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) - epoch) / DAY_MS); }
    return day - (date.getUTCDay() + 6) % 7;
  }
  function nextBin(start, step) {
    if (step === "month") {
      var date = dayDate(start);
      return Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - epoch) / DAY_MS);
    }
    return start + 7;
  }
  function binLabel(index, last) {  // ISO dates: the first day of a bin, or the last day of the last one
    if (!bins.length) { return ""; }
    if (!last) { return dayText(bins[index]); }
    return dayText(nextBin(bins[index], stepChoice.value) - 1);
  }

  function buildBins(lo, hi) {
    var step = stepChoice.value, i;
    bins = []; counts = [];
    if (markers.length) {
      for (var start = binStart(lo, step); start <= hi; start = nextBin(start, step)) { bins.push(start); counts.push(0); }
    }
    binOf = new Array(markers.length);
    var b = 0;
    var order = days.map(function (d, k) { return k; }).sort(function (x, y) { return days[x] - days[y]; });
    for (i = 0; i < order.length; i++) {
      var k = order[i];
      while (b + 1 < bins.length && bins[b + 1] <= days[k]) { b++; }
      binOf[k] = b; counts[b]++;
    }
    [from, to].forEach(function (input) { input.min = 0; input.max = Math.max(bins.length - 1, 0); });
    from.value = 0; to.value = Math.max(bins.length - 1, 0);
    drawHistogram();
    el.dataset.bins = String(bins.length);
  }

  function drawHistogram() {
    while (histogram.firstChild) { histogram.removeChild(histogram.firstChild); }
    var n = bins.length, top = Math.max.apply(null, counts.concat([1]));
    histogram.setAttribute("viewBox", "0 0 " + Math.max(n, 1) + " 100");
    for (var i = 0; i < n; i++) {
      if (!counts[i]) { continue; }
      var bar = document.createElementNS(SVG, "rect"), h = Math.max(counts[i] / top * 100, 2);
      bar.setAttribute("x", String(i + 0.1)); bar.setAttribute("width", "0.8");
      bar.setAttribute("y", String(100 - h)); bar.setAttribute("height", String(h));
      bar.setAttribute("data-bin", String(i)); bar.setAttribute("data-count", String(counts[i]));
      var title = document.createElementNS(SVG, "title");
      title.textContent = binLabel(i, false) + ": " + counts[i];
      bar.appendChild(title);
      histogram.appendChild(bar);
    }
    el.dataset.histogramTotal = String(counts.reduce(function (a, c) { return a + c; }, 0));
  }

  function applySlider() {
    var lo = Number(from.value), hi = Number(to.value);
    if (lo > hi) { var t = lo; lo = hi; hi = t; }
    fromLabel.textContent = binLabel(lo, false);
    toLabel.textContent = binLabel(hi, true);
    var keep = [];
    for (var i = 0; i < markers.length; i++) {
      if (binOf[i] >= lo && binOf[i] <= hi) { keep.push(markers[i]); }
    }
    Array.prototype.forEach.call(histogram.querySelectorAll("rect"), function (bar) {
      var b = Number(bar.getAttribute("data-bin"));
      bar.setAttribute("class", b >= lo && b <= hi ? "in" : "out");
    });
    group.clearLayers();
    group.addLayers(keep);
    say(keep.length);
    el.dataset.window = lo + "-" + hi;
  }

  var pending = null;
  function onSlide() { clearTimeout(pending); pending = setTimeout(applySlider, 120); }
  from.addEventListener("input", onSlide);
  to.addEventListener("input", onSlide);

  function setPlaying(on) {
    if (playing) { clearInterval(playing); playing = null; }
    if (on) { playing = setInterval(tick, 900); }
    playButton.textContent = on ? playButton.dataset.pause : playButton.dataset.play;
    playButton.setAttribute("aria-pressed", on ? "true" : "false");
    el.dataset.playing = on ? "1" : "";
  }
  function tick() {  // the window keeps its width and moves one week or month; it stops at the end
    var lo = Math.min(Number(from.value), Number(to.value)), hi = Math.max(Number(from.value), Number(to.value));
    var last = bins.length - 1;
    if (hi >= last) { setPlaying(false); return; }
    from.value = lo + 1; to.value = hi + 1;
    applySlider();
  }
  playButton.addEventListener("click", function () {
    if (playing) { setPlaying(false); return; }
    if (!bins.length) { return; }
    var lo = Math.min(Number(from.value), Number(to.value)), hi = Math.max(Number(from.value), Number(to.value));
    if (hi >= bins.length - 1) {  // at the end (or showing everything): start again from the first step
      var width = lo === 0 ? 0 : hi - lo;
      from.value = 0; to.value = width;
    }
    applySlider();
    setPlaying(true);
  });
  stepChoice.addEventListener("change", function () {
    userChose = true;
    setPlaying(false);
    rebin();
  });

  function rebin() {
    var lo = Infinity, hi = -Infinity;
    for (var i = 0; i < days.length; i++) {
      if (days[i] < lo) { lo = days[i]; }
      if (days[i] > hi) { hi = days[i]; }
    }
    buildBins(lo, hi);
    applySlider();
  }

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
        // Weeks for up to about half a year of incidents, months beyond, unless the reader chose.
        if (!userChose) { stepChoice.value = hi - lo > 183 ? "month" : "week"; }
        setPlaying(false);
        buildBins(lo, hi);
        applySlider();
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
