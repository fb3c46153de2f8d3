// Draws the network graph as SVG at the positions the server computed (a force-directed
// layout), with zoom and pan. Without JavaScript the page shows the same links as a table.
(function () {
  "use strict";
  var holder = document.querySelector(".js-network-graph");
  if (!holder) { return; }
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function enableZoom(svg, width, height, controls) {
    var view = { x: 0, y: 0, w: width, h: height };
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
    function zoom(factor, cx, cy) {
      var w = Math.min(width * 2, Math.max(width / 12, view.w * factor));
      var f = w / view.w;
      cx = cx === undefined ? view.x + view.w / 2 : cx;
      cy = cy === undefined ? view.y + view.h / 2 : cy;
      view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f;
      view.w = w; view.h = view.h * f;
      apply();
    }
    function toGraph(event) {
      var box = svg.getBoundingClientRect();
      return [view.x + (event.clientX - box.left) / box.width * view.w,
              view.y + (event.clientY - box.top) / box.height * view.h];
    }
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = toGraph(event);
      zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.closest("a")) { return; }
      drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var box = svg.getBoundingClientRect();
      view.x = drag.vx - (event.clientX - drag.x) / box.width * view.w;
      view.y = drag.vy - (event.clientY - drag.y) / box.height * view.h;
      apply();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    controls.appendChild(button(holder.dataset.zoomIn, function () { zoom(1 / 1.5); }));
    controls.appendChild(button(holder.dataset.zoomOut, function () { zoom(1.5); }));
    controls.appendChild(button(holder.dataset.zoomReset, function () {
      view = { x: 0, y: 0, w: width, h: height }; apply();
    }));
  }

  fetch(holder.dataset.url, { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (!data.nodes.length) { return; }
      var width = data.width, height = data.height, byId = {};
      data.nodes.forEach(function (n) { byId[n.id] = n; n.degree = 0; });
      data.links.forEach(function (l) { byId[l.source].degree++; byId[l.target].degree++; });
      var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "graph-title", "class": "graph-canvas" });
      var title = el("title", { id: "graph-title" });
      title.textContent = holder.dataset.title;
      svg.appendChild(title);
      data.links.forEach(function (l) {
        var s = byId[l.source], t = byId[l.target];
        svg.appendChild(el("line", { x1: s.x, y1: s.y, x2: t.x, y2: t.y, "class": "graph-link graph-link-" + l.kind }));
      });
      var base = holder.dataset.initiativeUrl;
      var labels = [];
      data.nodes.forEach(function (n) {
        var a = el("a", { href: base.replace("slug-placeholder", n.slug) });
        var r = Math.min(12, 5 + 1.5 * Math.sqrt(n.degree));
        var circle = el("circle", { cx: n.x, cy: n.y, r: r, "class": "graph-node" });
        var tip = el("title", {});
        tip.textContent = n.name + (n.city ? " · " + n.city : "");
        circle.appendChild(tip);
        a.appendChild(circle);
        // The server keeps room for each label on the side it names.
        var left = n.side ? n.side === "left" : n.x > width * 0.6;
        var label = el("text", { x: n.x + (left ? -(r + 4) : r + 4), y: n.y + 4, "class": "graph-label", "text-anchor": left ? "end" : "start" });
        label.textContent = n.name.length > 40 ? n.name.slice(0, 38) + "…" : n.name;
        labels.push(label);
        a.appendChild(label);
        svg.appendChild(a);
      });
      var controls = document.createElement("p");
      controls.className = "graph-controls";
      holder.insertBefore(controls, holder.firstChild);
      holder.insertBefore(svg, controls.nextSibling);
      holder.hidden = false;
      enableZoom(svg, width, height, controls);
      if (data.nodes.length > 80) { holder.classList.add("graph-crowded"); }
    })
    .catch(function () { /* the table of links stays */ });
})();
