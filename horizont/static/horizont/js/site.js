// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.querySelectorAll("select.js-autosubmit").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  var job = document.querySelector("[data-status-url]");
  if (job) {
    var refresh = document.querySelector('meta[http-equiv="refresh"]');
    if (refresh) { refresh.remove(); }
    var poll = function () {
      fetch(job.dataset.statusUrl, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          job.querySelector(".js-job-status").textContent = s.status_display;
          job.querySelector(".js-job-message").textContent = s.message || "";
          var bar = job.querySelector(".js-job-progress");
          if (s.percent !== null) { bar.value = s.percent; bar.textContent = s.percent + "%"; }
          if (s.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 1000);
  }
})();
