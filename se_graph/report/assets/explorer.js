// se-graph explorer. Every text from a workbook goes into the page through
// textContent or vis-network's canvas labels, never through innerHTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var relyOnMe = {};  // id -> ids with an edge into it
  data.edges.forEach(function (e) { (relyOnMe[e.to] = relyOnMe[e.to] || []).push(e.from); });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function tooltip(n) {
    var box = el("div");
    box.appendChild(el("strong", n.id));
    [n.cohort + ", " + n.install_status, data.roles[n.role].label, n.status].forEach(function (t) {
      box.appendChild(el("div", t));
    });
    if (n.findings.length) box.appendChild(el("div", n.findings.length + " finding(s)"));
    return box;
  }

  var visNodes = data.vis_nodes.map(function (v) {
    var copy = Object.assign({}, v);
    copy.title = tooltip(byId[v.id]);  // an element: vis shows it as is, no HTML parsing
    return copy;
  });
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(data.vis_edges.map(function (e, i) { return Object.assign({ id: i }, e); }));
  var original = {};
  data.vis_nodes.forEach(function (v) { original[v.id] = v.color; });

  var network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, {
    // positions come from se-graph (roots on top, each entry under what it relies on):
    // no layout or physics pass here, so even a large graph draws at once
    layout: { hierarchical: { enabled: false }, improvedLayout: false },
    physics: { enabled: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: true },
    nodes: { font: { size: 12 } },
    edges: { smooth: false }
  });
  network.once("afterDrawing", function () { window.__seGraphFirstDraw = performance.now(); });

  // ---- highlight: the trace to the root and everything that relies on the entry
  var state = { selected: null, trace: [], dependents: [] };

  function dependentsOf(id) {
    var seen = {}, queue = [id], out = [];
    seen[id] = true;
    while (queue.length) {
      var cur = queue.shift();
      (relyOnMe[cur] || []).forEach(function (p) {
        if (!seen[p]) { seen[p] = true; out.push(p); queue.push(p); }
      });
    }
    return out.sort();
  }

  function highlight(id) {
    var n = byId[id];
    state.selected = id;
    state.trace = n && n.trace ? n.trace.filter(function (t) { return byId[t]; }) : (n ? [id] : []);
    state.dependents = n ? dependentsOf(id) : [];
    var lit = {};
    state.trace.concat(state.dependents).forEach(function (t) { lit[t] = true; });
    nodes.update(data.vis_nodes.map(function (v) {
      var on = !n || lit[v.id];
      return { id: v.id, color: on ? original[v.id] : { background: "#e6e6e6", border: "#cccccc" },
        font: { color: on ? "#222" : "#bbbbbb" } };
    }));
    showPanel(n);
  }

  function showPanel(n) {
    var panel = document.getElementById("panel");
    panel.replaceChildren();
    if (!n) { panel.appendChild(el("p", "Click an entry to see its details.", "hint")); return; }
    panel.appendChild(el("h2", "Entry " + n.id));
    var dl = el("dl");
    function row(term, value) { dl.appendChild(el("dt", term)); dl.appendChild(el("dd", value)); }
    row("Cohort", n.cohort);
    row("Installation status", n.install_status);
    row("Role", data.roles[n.role].label);
    row("DMCT status / exclusion", n.status);
    row("Installations", n.installs === null ? "not given" : n.installs.toLocaleString("en-GB"));
    row("Devices", n.devices === null ? "not given" : n.devices.toLocaleString("en-GB"));
    row("Evidence", n.evidence);
    panel.appendChild(dl);
    panel.appendChild(el("h3", "Device models"));
    var ul = el("ul");
    n.device_list.forEach(function (d) { ul.appendChild(el("li", d)); });
    panel.appendChild(ul);
    panel.appendChild(el("h3", "Trace"));
    panel.appendChild(el("p", n.trace ? n.trace.join(" \u2192 ") : "does not trace to a tested entry"));
    panel.appendChild(el("h3", "Relied on by"));
    panel.appendChild(el("p", state.dependents.length ? state.dependents.join(", ") : "nothing shown"));
    panel.appendChild(el("h3", "Findings"));
    if (!n.findings.length) panel.appendChild(el("p", "none"));
    n.findings.forEach(function (f) { panel.appendChild(el("p", f[0] + " (" + f[1] + "): " + f[2], f[1])); });
  }

  network.on("click", function (params) { highlight(params.nodes.length ? params.nodes[0] : null); });

  // ---- search and filters
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var raw = document.getElementById("search-id").value.trim();
    var id = /^\d{1,6}$/.test(raw) ? ("000000" + raw).slice(-6) : raw;
    if (!byId[id]) { document.getElementById("count").textContent = "No entry " + raw + " in this graph."; return; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    highlight(id);
  });

  function fill(selectId, values) {
    var sel = document.getElementById(selectId);
    values.forEach(function (v) { var o = el("option", v[1]); o.value = v[0]; sel.appendChild(o); });
    sel.addEventListener("change", applyFilters);
  }
  function unique(key) {
    var seen = {};
    data.nodes.forEach(function (n) { seen[n[key]] = true; });
    return Object.keys(seen).sort().map(function (v) { return [v, v]; });
  }
  fill("filter-cohort", unique("cohort"));
  fill("filter-role", data.role_order.map(function (k) { return [k, data.roles[k].label]; }));
  fill("filter-status", unique("install_status"));
  fill("filter-testing", unique("status"));

  function applyFilters() {
    var c = document.getElementById("filter-cohort").value;
    var r = document.getElementById("filter-role").value;
    var s = document.getElementById("filter-status").value;
    var t = document.getElementById("filter-testing").value;
    var shown = 0;
    nodes.update(data.nodes.map(function (n) {
      var ok = (!c || n.cohort === c) && (!r || n.role === r) && (!s || n.install_status === s) &&
        (!t || n.status === t);
      if (ok) shown++;
      return { id: n.id, hidden: !ok };
    }));
    document.getElementById("count").textContent = shown + " of " + data.nodes.length + " entries shown";
  }
  document.getElementById("count").textContent = data.nodes.length + " entries";

  // ---- legend
  var legend = document.getElementById("legend");
  data.role_order.forEach(function (k) {
    var item = el("span"), sw = el("span", null, "swatch");
    sw.style.background = data.roles[k].color;
    item.appendChild(sw); item.appendChild(document.createTextNode(data.roles[k].label));
    legend.appendChild(item);
  });
  var bad = el("span"), ring = el("span", null, "swatch");
  ring.style.border = "3px solid #d50000";
  bad.appendChild(ring); bad.appendChild(document.createTextNode("has errors"));
  legend.appendChild(bad);
  [["se", "substantive equivalence"], ["status", "Clause 20.9 (covered by Dormant)"], ["fw", "firmware upgrade"]]
    .forEach(function (k) {
      var item = el("span"), line = el("span", null, "line"), style = data.edge_styles[k[0]];
      line.style.borderTopColor = style.color;
      line.style.borderTopStyle = style.dashes ? (style.dashes[0] > 4 ? "dashed" : "dotted") : "solid";
      item.appendChild(line); item.appendChild(document.createTextNode(k[1]));
      legend.appendChild(item);
    });
  legend.appendChild(el("span", "Size: installations (log scale). Arrows point to what an entry relies on."));

  // ---- a small hook for tests and scripts
  window.seGraph = {
    nodeCount: function () { return nodes.length; },
    edgeCount: function () { return edges.length; },
    select: function (id) { network.selectNodes([id]); highlight(id); },
    selected: function () { return state.selected; },
    highlighted: function () { return state.trace.concat(state.dependents).sort(); },
    trace: function () { return state.trace.slice(); },
    dependents: function () { return state.dependents.slice(); },
    zoomTo: function (id, scale) { network.focus(id, { scale: scale || 1.5, animation: false }); },
    exampleId: function () {
      var n = data.nodes.find(function (m) { return m.role === "group2" && m.trace && (relyOnMe[m.id] || []).length; })
        || data.nodes.find(function (m) { return m.role === "group2" && m.trace; }) || data.nodes[0];
      return n ? n.id : null;
    },
    domPosition: function (id) { return network.canvasToDOM(network.getPositions([id])[id]); }
  };
})();
