// Progressive enhancement: the map page and the pin picker work as plain lists and
// number fields without this file. Configuration comes from data- attributes.
(function () {
  "use strict";
  if (typeof L === "undefined") { return; }

  // Without a tile server: country borders and coastlines (Natural Earth, public domain)
  // served by this site, in a pane under the markers.
  function drawBorders(map, url) {
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 250;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        L.geoJSON(data, {
          pane: "basemap",
          interactive: false,
          attribution: "Natural Earth",
          style: { color: "#8a98aa", weight: 1, fillColor: "#fbfaf5", fillOpacity: 1 }
        }).addTo(map);
        map.getContainer().classList.add("map-has-borders");
      })
      .catch(function () { /* markers on a plain background stay useful */ });
  }

  // Names of large cities (from the site's gazetteer) between the borders and the markers,
  // shown from the zoom level where they no longer crowd each other.
  function drawCities(map, url) {
    map.createPane("citylabels");
    map.getPane("citylabels").style.zIndex = 350;
    var container = map.getContainer();
    function toggle() { container.classList.toggle("map-cities-shown", map.getZoom() >= 5); }
    map.on("zoomend", toggle);
    toggle();
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        data.cities.forEach(function (c) {
          var label = document.createElement("span");
          label.textContent = c.name;
          L.marker([c.lat, c.lon], {
            pane: "citylabels", interactive: false, keyboard: false,
            icon: L.divIcon({ className: "map-city", html: label, iconSize: null })
          }).addTo(map);
        });
      })
      .catch(function () { /* borders alone still orient */ });
  }

  function baseMap(element) {
    var center = JSON.parse(element.dataset.center || "[51, 15]");
    var map = L.map(element, { scrollWheelZoom: false }).setView(center, parseInt(element.dataset.zoom || "4", 10));
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18,
        attribution: element.dataset.attribution || ""
      }).addTo(map);
    } else {
      element.classList.add("map-plain");
      if (element.dataset.basemap) { drawBorders(map, element.dataset.basemap); }
      if (element.dataset.cities) { drawCities(map, element.dataset.cities); }
    }
    element.hidden = false;
    map.invalidateSize();
    return map;
  }

  function link(marker) {
    var a = document.createElement("a");
    a.href = marker.url;
    a.textContent = marker.name;
    var p = document.createElement("p");
    p.appendChild(a);
    if (marker.city) { p.appendChild(document.createTextNode(" · " + marker.city)); }
    return p;
  }

  var mapElement = document.querySelector(".js-initiative-map");
  if (mapElement) {
    var map = baseMap(mapElement);
    var base = mapElement.dataset.initiativeUrl;
    fetch(mapElement.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var bounds = [];
        data.markers.forEach(function (m) {
          m.url = base.replace("slug-placeholder", m.slug);
          L.circleMarker([m.lat, m.lon], { radius: 7, color: "#1d3f72", weight: 2, fillColor: "#f2b233", fillOpacity: 0.9 })
            .bindPopup(link(m))
            .addTo(map);
          bounds.push([m.lat, m.lon]);
        });
        // The borders are coarse (1:110m): closer than country level they show nothing.
        var closest = mapElement.dataset.tiles ? 10 : 6;
        if (bounds.length && !mapElement.dataset.fixed) { map.fitBounds(bounds, { maxZoom: closest, padding: [20, 20] }); }
        var status = document.querySelector(".js-map-status");
        if (status) { status.textContent = status.dataset.template.replace("{count}", data.markers.length); }
      })
      .catch(function () { /* the list below stays useful */ });
  }

  var pinElement = document.querySelector(".js-pin-map");
  if (pinElement) {
    var lat = document.getElementById(pinElement.dataset.latitude);
    var lon = document.getElementById(pinElement.dataset.longitude);
    var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : null;
    if (start) { pinElement.dataset.center = JSON.stringify(start); pinElement.dataset.zoom = pinElement.dataset.tiles ? "10" : "6"; }
    var pinMap = baseMap(pinElement);
    var pin = start ? L.marker(start).addTo(pinMap) : null;
    pinMap.on("click", function (event) {
      var p = event.latlng;
      lat.value = p.lat.toFixed(5);
      lon.value = p.lng.toFixed(5);
      if (pin) { pin.setLatLng(p); } else { pin = L.marker(p).addTo(pinMap); }
    });
  }
})();
