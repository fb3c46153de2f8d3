// Progressive enhancement for votes abroad; every page works without this file.
(function () {
  "use strict";

  // "Use my location": asked only when the person clicks, rounded to 0.1° (about 10 km)
  // before it leaves the browser.
  var button = document.querySelector(".js-geolocate");
  if (button && navigator.geolocation) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        var form = button.form;
        ["lat", "lon"].forEach(function (name, i) {
          var input = form.querySelector("input[name=" + name + "]") || document.createElement("input");
          input.type = "hidden";
          input.name = name;
          var value = i === 0 ? position.coords.latitude : position.coords.longitude;
          input.value = (Math.round(value * 10) / 10).toFixed(1);
          form.appendChild(input);
        });
        var near = document.getElementById(button.dataset.target);
        if (near) { near.value = ""; }
        form.submit();
      });
    });
  }

  // The live page: reload its table in place, at most once a minute.
  var live = document.querySelector(".js-live");
  if (live) {
    var interval = Math.max(60, parseInt(live.dataset.interval || "60", 10)) * 1000;
    window.setInterval(function () {
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".js-live");
          if (fresh) { live.innerHTML = fresh.innerHTML; }
        })
        .catch(function () { /* keep the table we have */ });
    }, interval);
  }
})();
