// Live tally: refresh the counts of an open decision every 15 seconds (the page works
// without this; it only saves a reload).
(function () {
  "use strict";
  var table = document.getElementById("tally");
  if (!table || !table.dataset.url || table.dataset.open !== "true") return;
  function refresh() {
    fetch(table.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        table.querySelectorAll("[data-choice]").forEach(function (cell) {
          var value = data[cell.dataset.choice];
          if (typeof value === "number") cell.textContent = String(value);
        });
        if (!data.open) window.clearInterval(timer);
      })
      .catch(function () {});
  }
  var timer = window.setInterval(refresh, 15000);
})();
