// Progressive enhancement: remember the browser's time zone in the "tz" cookie so that
// event times are also shown in the viewer's own zone. Without it pages show UTC.
(function () {
  "use strict";
  var marker = document.querySelector("[data-viewer-zone]");
  if (!marker || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || !/^[A-Za-z0-9_+\-\/]+$/.test(zone)) { return; }
  var known = document.cookie.split("; ").some(function (c) { return c.indexOf("tz=") === 0; });
  if (known) { return; }
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
  if (!marker.getAttribute("data-viewer-zone")) { window.location.reload(); }
})();
