// Draws the network graph as SVG with a small force layout. Without JavaScript the
// page shows the same links as a list.
(function () {
  "use strict";
  var holder = document.querySelector(".js-network-graph");
  if (!holder) { return; }
  var SVG = "http://www.w3.org/2000/svg";
  var width = 900, height = 600;

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function layout(nodes, links) {
    var byId = {};
    nodes.forEach(function (n, i) {
      var angle = 2 * Math.PI * i / Math.max(nodes.length, 1);
      n.x = width / 2 + 200 * Math.cos(angle) + (i % 7);
      n.y = height / 2 + 200 * Math.sin(angle) + (i % 5);
      n.vx = 0; n.vy = 0;
      byId[n.id] = n;
    });
    links.forEach(function (l) { l.s = byId[l.source]; l.t = byId[l.target]; });
    var k = Math.sqrt(width * height / Math.max(nodes.length, 1)) * 0.6;
    var iterations = nodes.length > 300 ? 120 : 250;
    for (var step = 0; step < iterations; step++) {
      var cooling = 1 - step / iterations;
      for (var i = 0; i < nodes.length; i++) {
        var a = nodes[i];
        for (var j = i + 1; j < nodes.length; j++) {
          var b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var d2 = dx * dx + dy * dy + 0.01;
          var force = k * k / d2;
          a.vx += dx * force * 0.05; a.vy += dy * force * 0.05;
          b.vx -= dx * force * 0.05; b.vy -= dy * force * 0.05;
        }
      }
      links.forEach(function (l) {
        var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y;
        var d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var pull = (d - k) / d * 0.05;
        l.s.vx += dx * pull; l.s.vy += dy * pull;
        l.t.vx -= dx * pull; l.t.vy -= dy * pull;
      });
      nodes.forEach(function (n) {
        n.vx += (width / 2 - n.x) * 0.005; n.vy += (height / 2 - n.y) * 0.005;
        var speed = Math.sqrt(n.vx * n.vx + n.vy * n.vy) || 1;
        var limit = 20 * cooling + 0.5;
        if (speed > limit) { n.vx *= limit / speed; n.vy *= limit / speed; }
        n.x = Math.min(width - 20, Math.max(20, n.x + n.vx));
        n.y = Math.min(height - 20, Math.max(20, n.y + n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
      });
    }
  }

  fetch(holder.dataset.url, { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (!data.nodes.length) { return; }
      layout(data.nodes, data.links);
      var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "graph-title" });
      var title = el("title", { id: "graph-title" });
      title.textContent = holder.dataset.title;
      svg.appendChild(title);
      data.links.forEach(function (l) {
        svg.appendChild(el("line", { x1: l.s.x, y1: l.s.y, x2: l.t.x, y2: l.t.y, "class": "graph-link graph-link-" + l.kind }));
      });
      var base = holder.dataset.initiativeUrl;
      data.nodes.forEach(function (n) {
        var a = el("a", { href: base.replace("slug-placeholder", n.slug) });
        var circle = el("circle", { cx: n.x, cy: n.y, r: 6, "class": "graph-node" });
        var label = el("text", { x: n.x + 8, y: n.y + 4, "class": "graph-label" });
        label.textContent = n.name;
        var tip = el("title", {});
        tip.textContent = n.name + (n.city ? " · " + n.city : "");
        circle.appendChild(tip);
        a.appendChild(circle);
        if (data.nodes.length <= 80) { a.appendChild(label); }
        svg.appendChild(a);
      });
      holder.appendChild(svg);
      holder.hidden = false;
    })
    .catch(function () { /* the list of links stays */ });
})();
