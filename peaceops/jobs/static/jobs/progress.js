// The job page's progress bar: asks /jobs/<id>/progress once a second until the job ends, then
// reloads the page once so that the line report (rendered by the server) appears.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "true") { return; }
  var bar = document.getElementById("job-bar");
  var status = document.getElementById("job-status");
  var counts = document.getElementById("job-counts");
  var message = document.getElementById("job-message");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return Number(values[key] || 0).toLocaleString();
    });
  }

  function show(state) {
    status.textContent = state.status_label;
    status.className = "job-status status-" + state.status;
    if (state.percent === null) { bar.removeAttribute("value"); } else { bar.value = state.percent; }
    counts.textContent = fill(state.rows_total ? box.dataset.countsTotal : box.dataset.counts,
      {read: state.rows_read, total: state.rows_total, errors: state.errors});
    if (state.message) { message.textContent = state.message; message.hidden = false; }
  }

  function poll() {
    fetch(box.dataset.progressUrl, {credentials: "same-origin", cache: "no-store"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state) { show(state); }
        if (state && state.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 1000);
}());
