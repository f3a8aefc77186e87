// se-graph explorer. Every text from a workbook goes into the page through
// textContent or vis-network's canvas labels, never through innerHTML.
//
// The page lays out what it draws: each tree (an entry with all that hangs under
// it) is measured bottom-up, a level of many children wrapped into rows, and the
// trees are packed into one lane per cohort, largest first, to the window's
// shape.  Every filter draws again and re-frames.  Above data.detail_limit
// entries a tree is first drawn as one node (a family) and opened on click.
//
// The first view reads at once: labels are never smaller than LEGIBLE allows.
// When everything fits at that size it is all framed; when it does not, the
// forest is packed to the window's width at that size and the view opens on
// its top (the largest trees or families), cut between two rows, with a note
// of how many are in view and a "Fit all" button that frames every one.
(function () {
  "use strict";
  var times = window.__seGraphTimes = { start: performance.now() };
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  times.parsed = performance.now();
  var ids = data.ids, C = data.columns, T = data.text, N = ids.length;
  var CELL_W = 86, CELL_H = 44, LANE_GAP = 30, TREE_GAP = 10;
  var FONT = 15;          // an entry's or a family's label, in canvas units
  var LEGIBLE = 2 / 3;    // the smallest scale of a first view: labels 10 px high on screen
  var SLACK = 1.08;       // the partial view is packed for a scale this much above LEGIBLE
  var MAX_SCALE = 1.1, PAD = 12;
  var FAM_W = 116;        // a family's column: its dot and two lines of label under it
  var index = {};
  ids.forEach(function (id, i) { index[id] = i; });

  // ---- structure: trees (under), what relies on what (edges), findings per entry
  var kids = new Array(N), relyOnMe = new Array(N), findingsOf = new Array(N), hasError = new Uint8Array(N);
  for (var i = 0; i < N; i++) { if (C.under[i] >= 0) (kids[C.under[i]] = kids[C.under[i]] || []).push(i); }
  var E = data.edges;
  for (var k = 0; k < E.length; k += 3) (relyOnMe[E[k + 1]] = relyOnMe[E[k + 1]] || []).push(E[k]);
  data.findings.forEach(function (f, n) {
    if (f[3] < 0) return;
    (findingsOf[f[3]] = findingsOf[f[3]] || []).push(n);
    if (f[1] === "error") hasError[f[3]] = 1;
  });
  var top = new Int32Array(N).fill(-1);  // the top entry of each entry's tree, its family (not the audit's root: docs/audit.md)
  for (i = 0; i < N; i++) {
    var path = [], cur = i;
    while (top[cur] < 0 && C.under[cur] >= 0) { path.push(cur); cur = C.under[cur]; }
    var r = top[cur] >= 0 ? top[cur] : cur;
    top[cur] = r;
    path.forEach(function (p) { top[p] = r; });
  }
  var family = {};  // tree root -> members, counts
  for (i = 0; i < N; i++) {
    var fam = family[top[i]] || (family[top[i]] = { root: top[i], members: [], installs: 0, devices: 0, unqualified: 0, errors: 0 });
    fam.members.push(i);
    fam.installs += C.installs[i] || 0;
    fam.devices += C.devices[i] || 0;
    if (!C.qualifies[i] && C.role[i] !== roleIndex("other") && C.role[i] !== roleIndex("fw")) fam.unqualified++;
    if (hasError[i]) fam.errors++;
  }
  // what each tested root would lose if it failed: the list it heads, if any (html_view.losses)
  var lossOf = new Int32Array(N).fill(-1), LOSS = data.if_failed.sets, rootRole = {};
  LOSS.forEach(function (set, j) { lossOf[set[0]] = j; });
  data.root_roles.forEach(function (r) { rootRole[r] = true; });
  times.prepared = performance.now();
  function roleIndex(key) { for (var n = 0; n < data.roles.length; n++) if (data.roles[n].key === key) return n; return -1; }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function num(v) { return v === null || v === undefined ? "not given" : v.toLocaleString("en-GB"); }
  function plural(n, one, many) { return n.toLocaleString("en-GB") + " " + (n === 1 ? one : many); }

  // ---- the network: positions come from here, no physics, no layout pass
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    layout: { hierarchical: { enabled: false }, improvedLayout: false },
    physics: { enabled: false },
    interaction: { hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: true, hideEdgesOnZoom: false },
    nodes: { borderWidthSelected: 3, shape: "box", margin: { top: 2, bottom: 2, left: 4, right: 4 }, font: { size: FONT, face: "system-ui, sans-serif" } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.55 } }, color: { opacity: 0.7 } }
  });

  // each edge in the words of the legend, Annex A and trace
  var EDGE_WORDS = { se: "substantive equivalence", status: "Clause 20.9", fw: "firmware upgrade" };
  function entryNode(n, x, y) {
    var role = data.roles[C.role[n]], err = hasError[n];
    return { id: ids[n], label: ids[n], x: x, y: y,
      color: { background: role.color, border: err ? "#d50000" : role.color,
               highlight: { background: role.color, border: err ? "#d50000" : "#000" },
               hover: { background: role.color, border: err ? "#d50000" : "#000" } },
      borderWidth: err ? 3 : 1, font: { color: role.dark ? "#fff" : "#111" } };
  }
  // Families are not vis-network nodes: tens of thousands of them would take
  // seconds to add.  They are dots painted under the network on each redraw
  // (only those in view) and found under the pointer by a scan.
  var dots = [], bands = [];
  function dotColor(fam) { return data.roles[C.role[fam.root]].color; }
  network.on("afterDrawing", function (ctx) {  // lane titles, a fixed size on screen
    var ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = "600 13px system-ui, sans-serif";
    ctx.textAlign = "left"; ctx.textBaseline = "top";
    bands.forEach(function (b) {
      var p = network.canvasToDOM({ x: b.x, y: b.y });
      var w = ctx.measureText(b.title).width;
      ctx.fillStyle = "rgba(255,255,255,.85)";
      ctx.fillRect(p.x - 3, p.y - 2, w + 6, 18);
      ctx.fillStyle = "#1a1a1a";
      ctx.fillText(b.title, p.x, p.y);
    });
    ctx.restore();
  });
  network.on("beforeDrawing", function (ctx) {
    if (!dots.length) return;
    var scale = network.getScale(), a = network.DOMtoCanvas({ x: 0, y: 0 }),
      z = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var labels = scale * FONT >= 7;  // smaller, a label is a smudge: the dots alone read better
    ctx.save();
    ctx.textAlign = "center"; ctx.textBaseline = "alphabetic";
    for (var j = 0; j < dots.length; j++) {
      var d = dots[j];
      if (d.x + FAM_W / 2 < a.x || d.x - FAM_W / 2 > z.x || d.y + d.r + 44 < a.y || d.y - d.r > z.y) continue;
      ctx.beginPath();
      ctx.arc(d.x, d.y, Math.max(d.r, 1.6 / scale), 0, 2 * Math.PI);  // a small family stays visible
      ctx.fillStyle = dotColor(d.fam);
      ctx.fill();
      if (d.fam.errors || d.fam.unqualified) {
        ctx.strokeStyle = "#d50000"; ctx.lineWidth = Math.min(d.r, Math.max(3, 2 / scale)); ctx.stroke();
      }
      if (labels) {  // the root's id and the entries it stands for
        ctx.fillStyle = "#1a1a1a";
        ctx.font = "600 " + FONT + "px system-ui, sans-serif";
        ctx.fillText(ids[d.fam.root], d.x, d.y + d.r + 17);
        ctx.fillStyle = "#444";
        ctx.font = FONT + "px system-ui, sans-serif";
        ctx.fillText(familyCaption(d), d.x, d.y + d.r + 35);
      }
    }
    ctx.restore();
  });
  function familyCaption(d) { return plural(d.shown, "entry", "entries"); }
  function dotAt(p) {
    for (var j = 0; j < dots.length; j++) {
      var d = dots[j], dx = p.x - d.x, dy = p.y - d.y;
      if (dx * dx + dy * dy <= (d.r + 3) * (d.r + 3)) return d;
      if (Math.abs(dx) <= FAM_W / 2 - 6 && dy > d.r && dy <= d.r + 40) return d;  // its label
    }
    return null;
  }
  // a family's dot: its area grows with the installations the family carries
  var biggest = 1;
  Object.keys(family).forEach(function (key) { biggest = Math.max(biggest, family[key].installs); });
  function familyDiameter(fam) { return Math.round(16 + 72 * Math.sqrt(fam.installs / biggest)); }

  // ---- layout: a tree is measured bottom-up, then placed top-down
  var WRAP_FROM = 5;
  var shape = 1.5;  // the window's width over its height, set before each layout
  function measure(root, kidsOf, cap) {
    var box = {}, order = [], stack = [root];
    while (stack.length) {  // post-order without recursion: chains may be long
      var n = stack.pop();
      order.push(n);
      (kidsOf[n] || []).forEach(function (c) { stack.push(c); });
    }
    for (var j = order.length - 1; j >= 0; j--) {
      var n2 = order[j], cs = kidsOf[n2];
      if (!cs || !cs.length) { box[n2] = { w: CELL_W, h: CELL_H, at: [] }; continue; }
      // subtrees first (largest first), then the single entries, wrapped into rows
      var list = cs.slice().sort(function (a, b) { return (box[b].w * box[b].h) - (box[a].w * box[a].h) || a - b; });
      var area = 0, widest = 0;
      list.forEach(function (c) { area += box[c].w * box[c].h; widest = Math.max(widest, box[c].w); });
      // a few children stay side by side (wrapped, they would read as deeper levels)
      var rowW = list.length <= WRAP_FROM ? Infinity :
        Math.max(widest, WRAP_FROM * CELL_W, Math.min(cap, Math.sqrt(area * shape))), x = 0, y = 0, rowH = 0, blockW = 0, at = [];
      list.forEach(function (c) {
        var b = box[c];
        if (x > 0 && x + b.w > rowW) { y += rowH; x = 0; rowH = 0; }
        at.push([c, x, y]);
        x += b.w; rowH = Math.max(rowH, b.h); blockW = Math.max(blockW, x);
      });
      var w = Math.max(CELL_W, blockW);
      box[n2] = { w: w, h: CELL_H + y + rowH, at: at, shift: (w - blockW) / 2 };
    }
    return box;
  }
  function place(root, box, x0, y0, out) {
    var stack = [[root, x0, y0]];
    while (stack.length) {
      var s = stack.pop(), b = box[s[0]];
      out.push([s[0], s[1] + b.w / 2, s[2] + CELL_H / 2 - 6]);
      b.at.forEach(function (a) { stack.push([a[0], s[1] + b.shift + a[1], s[2] + CELL_H + a[2]]); });
    }
  }

  // lanes (one per cohort), blocks largest first, shelf-packed at width W
  // Each row of blocks (a shelf) keeps where its boxes start and end, so that a
  // view can be cut between two rows.
  function pack(lanes, W, head) {
    var y = 0, spots = [], shelves = [];
    lanes.forEach(function (lane) {
      var x = 0, rowH = 0, ly = y + head, shelf = null;
      spots.push({ lane: lane, x: 0, y: y });
      lane.blocks.forEach(function (b) {
        if (x > 0 && x + b.w > W) { ly += rowH + TREE_GAP; x = 0; rowH = 0; shelf = null; }
        if (!shelf) shelves.push(shelf = { top: ly + b.top, bottom: -Infinity });
        shelf.bottom = Math.max(shelf.bottom, ly + b.bottom);
        spots.push({ block: b, x: x, y: ly });
        x += b.w + TREE_GAP; rowH = Math.max(rowH, b.h);
      });
      y = ly + rowH + LANE_GAP;
    });
    return { spots: spots, height: y - LANE_GAP, width: W, head: head, shelves: shelves };
  }
  // the lane titles are drawn at a fixed size on screen, so the room kept for them
  // depends on the scale the packing leads to: two rounds settle it
  function packToWindow(lanes) {
    var head = 30, best;
    for (var round = 0; round < 3; round++) {
      best = packAt(lanes, head);
      var scale = Math.min(1.3, (container.clientWidth - 24) / best.width, (container.clientHeight - 24) / Math.max(1, best.height));
      var want = Math.max(30, 24 / Math.max(scale, 1e-3));
      if (Math.abs(want - head) < 2) break;
      head = want;
    }
    return best;
  }
  function packAt(lanes, head) {
    var aspect = Math.max(0.5, container.clientWidth / Math.max(1, container.clientHeight));
    var widest = 260, total = 0;
    lanes.forEach(function (l) { l.blocks.forEach(function (b) { widest = Math.max(widest, b.w); total += b.w + TREE_GAP; }); });
    var area = 0;
    lanes.forEach(function (l) { l.blocks.forEach(function (b) { area += (b.w + TREE_GAP) * (b.h + TREE_GAP); }); });
    var guess = Math.sqrt(area * aspect);  // the width a perfect packing would need
    var lo = Math.max(widest, guess * 0.8), hi = Math.max(widest, Math.min(total, guess * 3)), best = pack(lanes, hi, head);
    for (var step = 0; step < 14 && hi - lo > 8; step++) {
      var mid = (lo + hi) / 2, p = pack(lanes, mid, head);
      if (p.height * aspect <= mid) { hi = mid; best = p; } else { lo = mid; }
    }
    return best;
  }

  // ---- filters and the current view
  var state = { match: new Uint8Array(N), matched: 0, open: {}, drawn: {}, mode: "detail",
                selected: null, path: [], dependents: [], blocker: null, ifFailed: -1, families: 0, fitAll: false, partial: false };
  function val(id) { return document.getElementById(id).value; }
  function matches() {
    var c = val("filter-cohort"), r = val("filter-role"), s = val("filter-status"), t = val("filter-testing");
    var errs = document.getElementById("filter-errors").checked;
    var unq = document.getElementById("filter-unqualified").checked;
    var ci = c === "" ? -1 : +c, ri = r === "" ? -1 : +r, si = s === "" ? -1 : +s, ti = t === "" ? -1 : +t, count = 0;
    for (var n = 0; n < N; n++) {
      var ok = (ci < 0 || C.cohort[n] === ci) && (ri < 0 || C.role[n] === ri) && (si < 0 || C.inst[n] === si) &&
        (ti < 0 || C.status[n] === ti) && (!errs || hasError[n]) && (!unq || !C.qualifies[n]);
      state.match[n] = ok ? 1 : 0;
      if (ok) count++;
    }
    state.matched = count;
    return count;
  }

  function draw(frameOn) {
    // the canvas takes the container's size now: vis-network would otherwise catch
    // up on its next frame and scale the view by the change
    network.setSize("100%", "100%");
    var detail = state.matched <= data.detail_limit;
    state.mode = detail ? "detail" : "families";
    var inDetail = new Uint8Array(N), famShown = {};
    for (var n = 0; n < N; n++) {
      if (!state.match[n]) continue;
      if (detail || state.open[top[n]]) inDetail[n] = 1;
      else famShown[top[n]] = (famShown[top[n]] || 0) + 1;
    }
    // trees among the entries drawn: an entry whose parent is not drawn starts a tree
    var kidsOf = {}, roots = [];
    for (n = 0; n < N; n++) {
      if (!inDetail[n]) continue;
      var up = C.under[n];
      if (up >= 0 && inDetail[up]) (kidsOf[up] = kidsOf[up] || []).push(n); else roots.push(n);
    }
    var viewW = Math.max(1, container.clientWidth - 2 * PAD), viewH = Math.max(1, container.clientHeight - 2 * PAD);
    shape = Math.max(0.6, container.clientWidth / Math.max(1, container.clientHeight));
    // the width of the window at a little above the legible scale: no tree is wrapped wider
    var legibleW = Math.max(WRAP_FROM * CELL_W + 2 * TREE_GAP, viewW / (LEGIBLE * SLACK));
    var byCohort = {};
    function lane(cohort) { return byCohort[cohort] || (byCohort[cohort] = { cohort: cohort, blocks: [], size: 0 }); }
    roots.forEach(function (root) {
      var box = measure(root, kidsOf, state.fitAll ? Infinity : legibleW), b = box[root];
      var size = 0; for (var key in box) size++;
      var l = lane(C.cohort[root]);
      // top and bottom: where the first row of boxes starts and the last ends
      l.blocks.push({ w: b.w, h: b.h, top: CELL_H / 2 - 20, bottom: b.h - CELL_H / 2 + 8, size: size, kind: "tree", root: root, box: box });
      l.size += size;
    });
    var famCount = 0;
    Object.keys(famShown).forEach(function (key) {
      var fam = family[key], d = familyDiameter(fam);
      var l = lane(C.cohort[fam.root]);
      l.blocks.push({ w: Math.max(d, FAM_W) + 6, h: d + 56, top: 0, bottom: d + 42, size: famShown[key], kind: "family", fam: fam });
      l.size += famShown[key];
      famCount++;
    });
    var lanes = Object.keys(byCohort).map(function (key) { return byCohort[key]; });
    lanes.sort(function (a, b) { return b.size - a.size || T[a.cohort].localeCompare(T[b.cohort]); });
    lanes.forEach(function (l) {
      l.blocks.sort(function (a, b) {
        return (b.kind === "family" ? b.fam.installs : b.size * 1e12) - (a.kind === "family" ? a.fam.installs : a.size * 1e12) ||
          b.size - a.size || b.h - a.h;
      });
    });
    // Everything, packed to the window's shape, if that reads (or if asked for);
    // otherwise packed to the window's width at the legible scale, to be framed on its top.
    var packed = null, partial = false;
    if (state.fitAll) packed = packToWindow(lanes);
    else {
      var area = 0;
      lanes.forEach(function (l) { l.blocks.forEach(function (b) { area += (b.w + TREE_GAP) * (b.h + TREE_GAP); }); });
      if (area * LEGIBLE * LEGIBLE <= viewW * viewH) {  // no packing beats its area: else skip the search
        packed = packToWindow(lanes);
        var ext = extent(packed);
        partial = Math.min(MAX_SCALE, viewW / ext[2], viewH / ext[3]) < LEGIBLE;
      } else partial = true;
      if (partial) {
        packed = pack(lanes, legibleW, Math.max(30, 24 / LEGIBLE));
        var plan = state.plan = planTop(packed);
        if (plan.extra) packed.spots.forEach(function (sp) { if (sp.y > plan.cut) sp.y += plan.extra; });
      }
    }
    state.partial = partial;
    state.packed = packed;

    var nodeList = [], drawn = {};
    dots = []; bands = [];
    packed.spots.forEach(function (s) {
      if (s.lane) {
        var l = s.lane, trees = 0, fams = 0;
        l.blocks.forEach(function (b) { if (b.kind === "family") fams++; else trees++; });
        bands.push({ x: s.x, y: s.y, w: packed.width, head: packed.head, name: T[l.cohort],
          title: T[l.cohort] + " \u2014 " + plural(l.size, "entry", "entries") +
            (fams ? " in " + plural(fams, "family", "families") : "") });
        return;
      }
      var b = s.block;
      if (b.kind === "family") {
        var r = familyDiameter(b.fam) / 2;
        dots.push({ fam: b.fam, x: s.x + b.w / 2, y: s.y + r, r: r, shown: famShown[b.fam.root] });
        return;
      }
      var out = [];
      place(b.root, b.box, s.x, s.y, out);
      out.forEach(function (p) { nodeList.push(entryNode(p[0], p[1], p[2])); drawn[p[0]] = true; });
    });
    var edgeList = [];
    for (var k = 0; k < E.length; k += 3) {
      if (drawn[E[k]] && drawn[E[k + 1]]) {
        var style = data.edge_kinds[E[k + 2]];
        edgeList.push({ id: k / 3, from: ids[E[k]], to: ids[E[k + 1]], color: { color: style.color, opacity: 0.75 },
          dashes: style.dashes, width: style.width });
      }
    }
    spots = {};
    nodeList.forEach(function (v) {
      spots[v.id] = [v.x, v.y, CELL_W / 2 - 4, 14];
    });
    bands.forEach(function (b, j) { spots["lane:" + j] = [b.x + 60, b.y + 4, 60, 4]; });
    dots.forEach(function (d) { spots["fam:" + d.fam.root] = [d.x, d.y + 20, FAM_W / 2, d.r + 22]; });
    state.drawn = drawn;
    state.edges = edgeList;
    state.families = famCount;
    times.laidOut = performance.now();
    nodes.clear(); edges.clear();
    nodes.add(nodeList); edges.add(edgeList);
    times.added = performance.now();
    if (state.selected !== null && drawn[state.selected]) paint(); else if (state.selected !== null) clearSelection(false);
    if (frameOn) { if (partial) frameTop(state.plan); else frame(frameOn); }
    showCount();
  }

  // the extent of a packing's blocks: [x0, y0, width, height]
  function extent(packed) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    packed.spots.forEach(function (s) {
      if (s.lane) { y0 = Math.min(y0, s.y); return; }
      x0 = Math.min(x0, s.x); x1 = Math.max(x1, s.x + s.block.w);
      y1 = Math.max(y1, s.y + s.block.bottom);
    });
    if (x0 === Infinity) return [0, 0, 1, 1];
    return [x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)];
  }
  // The top of a forest too big to read whole: as many of its first rows as fit at
  // a scale no smaller than LEGIBLE, and the window's bottom edge between two rows.
  // When no scale puts the edge there, the rows after those in view move down
  // (a wider gap) so that no box is cut.
  function planTop(packed) {
    var H = container.clientHeight, padT = 8, padB = 4;
    var ext = extent(packed), y0 = ext[1], sh = packed.shelves;
    var sx = Math.min(MAX_SCALE, (container.clientWidth - 2 * PAD) / ext[2]), k = -1;
    for (var j = 0; j < sh.length; j++) {
      if ((H - padT - padB) / Math.max(1, sh[j].bottom - y0) < LEGIBLE) break;
      k = j;
    }
    if (k < 0) return { scale: Math.max(LEGIBLE, Math.min(sx, LEGIBLE * SLACK)), extra: 0, cut: Infinity, ext: ext };  // a row taller than the window
    var scale = Math.max(LEGIBLE, Math.min(sx, (H - padT - padB) / Math.max(1, sh[k].bottom - y0)));
    var extra = k + 1 < sh.length ? Math.max(0, (H - padT) / scale - (sh[k + 1].top - y0) + 4 / scale) : 0;
    return { scale: scale, extra: extra, cut: sh[k].bottom, ext: ext };
  }
  function frameTop(plan) {
    var W = container.clientWidth, H = container.clientHeight, padT = 8, ext = plan.ext, scale = plan.scale;
    var left = ext[2] * scale <= W - 2 * PAD ? (W - ext[2] * scale) / 2 : PAD;
    network.moveTo({ position: { x: ext[0] + (W / 2 - left) / scale, y: ext[1] + (H / 2 - padT) / scale }, scale: scale, animation: false });
  }

  // fit the drawn nodes (or some of them) to the window: vis-network's own fit leaves
  // a wide margin, and every pixel counts for legible labels
  var spots = {};
  function frame(on) {
    var list = on === true ? Object.keys(spots) : on.filter(function (id) { return spots[id]; });
    if (!list.length) list = Object.keys(spots);
    if (!list.length) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach(function (id) {
      var s = spots[id];
      x0 = Math.min(x0, s[0] - s[2]); x1 = Math.max(x1, s[0] + s[2]);
      y0 = Math.min(y0, s[1] - s[3]); y1 = Math.max(y1, s[1] + s[3]);
    });
    var w = Math.max(1, container.clientWidth - 2 * PAD), h = Math.max(1, container.clientHeight - 2 * PAD);
    var scale = Math.min(MAX_SCALE, w / Math.max(1, x1 - x0), h / Math.max(1, y1 - y0));
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale, animation: false });
  }

  // what is in the window now: entries and families whose box lies wholly inside it
  function inView() {
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), z = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var v = { entries: 0, entriesDrawn: 0, families: 0, familiesDrawn: 0 };
    Object.keys(spots).forEach(function (id) {
      var kind = id.slice(0, 4), s = spots[id];
      if (kind === "lane") return;
      var inside = s[0] - s[2] >= a.x && s[0] + s[2] <= z.x && s[1] - s[3] >= a.y && s[1] + s[3] <= z.y;
      if (kind === "fam:") { v.familiesDrawn++; if (inside) v.families++; } else { v.entriesDrawn++; if (inside) v.entries++; }
    });
    return v;
  }
  var fitButton = document.getElementById("fit"), more = document.getElementById("more");
  function showMore() {
    var c = inView(), fams = c.familiesDrawn > 0;
    var v = { shown: fams ? c.families : c.entries, total: fams ? c.familiesDrawn : c.entriesDrawn },
      what = fams ? "families" : "entries";
    var whole = c.entries === c.entriesDrawn && c.families === c.familiesDrawn;
    if (state.partial && !whole) {
      var below = bands.filter(function (b) { return network.canvasToDOM({ x: b.x, y: b.y }).y > container.clientHeight - 20; })
        .map(function (b) { return b.name; });
      more.textContent = num(v.shown) + " of " + num(v.total) + " " + what + " in view, largest first" +
        (below.length ? "; further down: " + below.join(", ") : "") + ". Drag or zoom out for the rest.";
      fitButton.textContent = "Fit all";
    } else if (state.fitAll) {
      more.textContent = whole ? "All " + num(v.total) + " " + what + " in view: zoom in to read." : "";
      fitButton.textContent = "Largest first";
    } else {
      more.textContent = whole ? "" : num(v.shown) + " of " + num(v.total) + " " + what + " in view.";
      fitButton.textContent = "Fit all";
    }
    more.title = more.textContent;
    fitButton.hidden = whole && !state.fitAll;
  }
  var pending = false;
  function viewChanged() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; showMore(); });
  }
  network.on("zoom", viewChanged);
  network.on("dragEnd", viewChanged);
  fitButton.addEventListener("click", function () {
    state.fitAll = !state.fitAll;
    state.open = {};
    draw(true);
  });

  function showCount() {
    var text;
    if (state.mode === "detail") {
      text = state.matched === N ? plural(N, "entry", "entries") : num(state.matched) + " of " + num(N) + " entries shown";
    } else {
      var open = Object.keys(state.drawn).length;
      text = (state.matched === N ? plural(N, "entry", "entries") : num(state.matched) + " of " + num(N) + " entries match") +
        " \u00b7 " + plural(state.families, "family", "families") + (open ? " \u00b7 " + num(open) + " drawn" : "");
    }
    document.getElementById("count").textContent = text;
    viewChanged();
  }

  // ---- selection: the path to the root or to where the chain breaks, and what relies on the entry
  function pathOf(n) {
    var out = [ids[n]];
    C.hops[n].forEach(function (h) { out.push(T[data.hops[h][2]]); });
    return out;
  }
  function dependentsOf(n) {
    var seen = {}, queue = [n], out = [];
    seen[n] = true;
    while (queue.length) {
      var cur = queue.shift();
      (relyOnMe[cur] || []).forEach(function (p) {
        if (!seen[p]) { seen[p] = true; out.push(p); queue.push(p); }
      });
    }
    return out;
  }
  function select(id, frameIt) {
    var n = index[id];
    if (n === undefined) return false;
    if (!state.drawn[n]) {
      if (state.mode === "families" && state.match[n]) { state.open[top[n]] = true; }
      else {  // not among the filtered entries: clear the filters so it can be shown
        resetFilters();
        matches();
        if (state.matched > data.detail_limit) state.open[top[n]] = true;
      }
      state.selected = n;
      draw(false);
    }
    state.selected = n;
    state.ifFailed = -1;
    var deps = dependentsOf(n);
    state.path = pathOf(n);
    state.dependents = deps.map(function (d) { return ids[d]; }).sort();
    state.blocker = C.breaks[n] >= 0 ? T[C.breaks[n]] : null;
    paint();
    showPanel(n, deps);
    showTab("entry");
    if (frameIt) frame(state.path.concat(state.dependents.slice(0, 400)));
    network.selectNodes([id]);
    return true;
  }
  function clearSelection(repaint) {
    state.selected = null; state.path = []; state.dependents = []; state.blocker = null; state.ifFailed = -1;
    if (repaint !== false) paint();
    showPanel(null);
  }
  function paint() {
    var lit = null;
    if (state.ifFailed >= 0) {  // what would be lost: only that stays coloured
      lit = {};
      LOSS[state.ifFailed].forEach(function (t) { lit[ids[t]] = true; });
    } else if (state.selected !== null) {
      lit = {};
      state.path.concat(state.dependents).forEach(function (t) { lit[t] = true; });
    }
    var updates = [];
    Object.keys(state.drawn).forEach(function (key) {
      var n = +key, id = ids[n], base = entryNode(n, 0, 0);
      var on = !lit || lit[id];
      var u = { id: id, color: on ? base.color : { background: "#ececec", border: "#d0d0d0" },
        font: { color: on ? base.font.color : "#b5b5b5" }, borderWidth: base.borderWidth };
      if (state.blocker === id && state.ifFailed < 0) {  // where the chain breaks: the entry that stops it
        u.color = { background: base.color.background, border: "#ff1744" };
        u.borderWidth = 6; u.shapeProperties = { borderDashes: [5, 3] };
      } else { u.shapeProperties = { borderDashes: false }; }
      updates.push(u);
    });
    nodes.update(updates);
    edges.update(state.edges.map(function (e) {
      var on = !lit || (lit[e.from] && lit[e.to]);
      return { id: e.id, color: on ? e.color : { color: "#dddddd", opacity: 0.6 } };
    }));
  }

  function idButton(id) {
    if (index[id] === undefined) return el("span", id);
    var b = el("button", id, "id");
    b.type = "button";
    b.addEventListener("click", function () { select(id, true); });
    return b;
  }

  function showPanel(n, deps) {
    var panel = document.getElementById("panel");
    panel.replaceChildren();
    if (n === null || n === undefined) { panel.appendChild(el("p", "Click an entry to see its details.", "hint")); return; }
    var id = ids[n];
    panel.appendChild(el("h2", "Entry " + id));
    var ok = C.qualifies[n];
    var verdict = el("div", T[C.label[n]] + (ok ? " \u2014 qualifies" : " \u2014 does not qualify"), "verdict " + (ok ? "yes" : "no"));
    panel.appendChild(verdict);
    var dl = el("dl");
    function row(term, value) { dl.appendChild(el("dt", term)); var dd = el("dd"); if (value instanceof Node) dd.appendChild(value); else dd.textContent = value; dl.appendChild(dd); }
    row("Cohort", T[C.cohort[n]]);
    row("Installation", T[C.inst[n]]);
    row("DMCT status", T[C.status[n]]);
    row("Requested", C.requested[n] ? "yes (in the EPCL report asked for)" : "no");
    row("Installations", num(C.installs[n]));
    row("Devices", num(C.devices[n]) + (C.derived[n] ? " (installations \u00d7 devices listed)" : ""));
    if (C.root[n] >= 0) {  // the Group 1 entry its trace ends at, and what that entry stands on
      var root = T[C.root[n]], rootEl = el("span");
      rootEl.appendChild(root === id ? document.createTextNode("itself") : idButton(root));
      rootEl.appendChild(document.createTextNode(" (" + T[C.rootBasis[n]] + ")"));
      row("Root", rootEl);
    }
    row("Evidence", T[C.evidence[n]]);
    panel.appendChild(dl);

    deps = deps || [];
    var inst = C.installs[n] || 0, dev = C.devices[n] || 0;
    deps.forEach(function (d) { inst += C.installs[d] || 0; dev += C.devices[d] || 0; });
    panel.appendChild(el("h3", "Carried by this entry"));
    panel.appendChild(el("p", num(inst) + " installations, " + num(dev) + " devices: itself and " +
      plural(deps.length, "entry", "entries") + " relying on it"));
    if (rootRole[C.role[n]]) ifFailedSection(panel, n);

    var blocking = (findingsOf[n] || []).filter(function (f) { return data.findings[f][1] === "error"; });
    var brk = C.breaks[n] >= 0 ? T[C.breaks[n]] : null;
    if (!ok) {
      panel.appendChild(el("h3", "Why it does not qualify"));
      var why = el("ul");
      if (brk !== null) {
        var li = el("li", null, "blocker");
        li.appendChild(document.createTextNode("The chain breaks at "));
        li.appendChild(idButton(brk));
        // the status only where the label does not already say it ("no group: pending testing")
        var said = index[brk] === undefined ? "" : T[C.label[index[brk]]], status = index[brk] === undefined ? "" : T[C.status[index[brk]]];
        li.appendChild(document.createTextNode(index[brk] === undefined ? ": in none of the inputs" :
          ": " + said + (said.indexOf(status) < 0 ? ", " + status : "")));
        why.appendChild(li);
      }
      blocking.forEach(function (f) { var g = data.findings[f]; why.appendChild(el("li", g[0] + ": " + g[2], "blocker")); });
      if (C.label[n] !== undefined && !blocking.length && brk === null) why.appendChild(el("li", T[C.label[n]] + ": in neither group"));
      panel.appendChild(why);
    }

    panel.appendChild(el("h3", ok ? "What it stands on, hop by hop" : "Path to where the chain ends"));
    if (!C.hops[n].length) panel.appendChild(el("p", "none: it relies on no other entry"));
    var ol = el("ol");
    C.hops[n].forEach(function (h) {
      var hop = data.hops[h], li = el("li");
      li.appendChild(idButton(T[hop[1]]));
      li.appendChild(document.createTextNode(" \u2192 "));
      var end = T[hop[2]], endEl = idButton(end);
      if (end === brk) endEl.classList.add("blocker");
      li.appendChild(endEl);
      li.appendChild(document.createTextNode(" (" + EDGE_WORDS[data.edge_kinds[hop[0]].key] + (hop[4] ? "" : ", not in the inputs") + ")"));
      if (hop[3].length) {
        var diffs = el("ul");
        hop[3].forEach(function (d) { diffs.appendChild(el("li", T[d], "diff")); });
        li.appendChild(diffs);
      } else if (hop[4]) li.appendChild(el("div", "no device differences", "diff"));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    panel.appendChild(el("p", "Path: " + state.path.join(" \u2192 ")));

    panel.appendChild(el("h3", "Findings"));
    if (!(findingsOf[n] || []).length) panel.appendChild(el("p", "none"));
    (findingsOf[n] || []).forEach(function (f) {
      var g = data.findings[f];
      panel.appendChild(el("p", g[0] + " (" + g[1] + "): " + g[2] + (g[5] ? " [" + g[5] + "]" : ""), g[1]));
    });
    panel.appendChild(el("h3", "Device models"));
    var ul = el("ul");
    C.dev[n].forEach(function (d) { ul.appendChild(el("li", T[d])); });
    panel.appendChild(ul);
    panel.appendChild(el("h3", "Relied on by (" + deps.length.toLocaleString("en-GB") + ")"));
    var p = el("p");
    state.dependents.slice(0, 200).forEach(function (d, j) { if (j) p.appendChild(document.createTextNode(", ")); p.appendChild(idButton(d)); });
    if (deps.length > 200) p.appendChild(document.createTextNode(" and " + (deps.length - 200) + " more"));
    if (!deps.length) p.textContent = "nothing";
    panel.appendChild(p);
  }

  // ---- "If this failed": a tested root's loss, highlighted on the graph, with its totals
  function lossTotals(j) {  // rows [cohort, installation status, entries, installations, devices], largest first
    var cells = {}, rows = [];
    function add(c, s, entries, installs, devices) {
      var key = c + ":" + s, cell = cells[key] || (cells[key] = rows[rows.length] = [T[c], T[s], 0, 0, 0]);
      cell[2] += entries; cell[3] += installs; cell[4] += devices;
    }
    LOSS[j].forEach(function (m) { add(C.cohort[m], C.inst[m], 1, C.installs[m] || 0, C.devices[m] || 0); });
    data.if_failed.elsewhere.forEach(function (e) { if (e[0] === j) add(e[1], e[2], e[3], e[4], e[5]); });
    return rows.sort(function (a, b) { return b[3] - a[3] || a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]); });
  }
  function ifFailedSection(panel, n) {
    panel.appendChild(el("h3", "If this failed"));
    var j = lossOf[n];
    if (j < 0) { panel.appendChild(el("p", "Nothing else relies on it.", "hint")); return; }
    var button = el("button", "If this failed", "toggle");
    button.type = "button"; button.id = "if-failed";
    button.setAttribute("aria-pressed", "false");
    var box = el("div"); box.id = "if-failed-totals"; box.hidden = true;
    button.addEventListener("click", function () { showLoss(state.ifFailed === j ? -1 : j, button, box); });
    panel.appendChild(button);
    panel.appendChild(box);
  }
  function showLoss(j, button, box) {
    state.ifFailed = j;
    button.setAttribute("aria-pressed", String(j >= 0));
    box.replaceChildren();
    box.hidden = j < 0;
    if (j >= 0) {
      if (state.mode === "families") {  // open every family holding a lost entry
        var closed = LOSS[j].filter(function (m) { return state.match[m] && !state.drawn[m]; });
        closed.forEach(function (m) { state.open[top[m]] = true; });
        if (closed.length) draw(false);
      }
      var rows = lossTotals(j), all = [0, 0, 0], away = 0;
      rows.forEach(function (r) { all[0] += r[2]; all[1] += r[3]; all[2] += r[4]; });
      data.if_failed.elsewhere.forEach(function (e) { if (e[0] === j) away += e[3]; });
      box.appendChild(el("p", plural(all[0], "entry", "entries") + " would no longer qualify (itself and " +
        plural(all[0] - 1, "entry", "entries") + " with no other route to a tested entry): " +
        num(all[1]) + " installations, " + num(all[2]) + " devices" +
        (away ? "; " + plural(away, "of them is", "of them are") + " not on this page" : "") + ".", "loss"));
      var table = el("table", null, "totals"), head = el("tr");
      ["Cohort", "Status", "Entries", "Installs", "Devices"].forEach(function (h) { head.appendChild(el("th", h)); });
      table.appendChild(head);
      rows.forEach(function (r) {
        var tr = el("tr");
        [r[0], r[1], num(r[2]), num(r[3]), num(r[4])].forEach(function (v) { tr.appendChild(el("td", v)); });
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    paint();
  }

  // ---- the findings list: every finding; one with an entry selects it
  var LIST_MAX = 2000;
  function showFindings() {
    var box = document.getElementById("findings");
    box.replaceChildren();
    var list = data.findings;
    if (!list.length) { box.appendChild(el("p", "No findings.", "hint")); return; }
    var errs = list.filter(function (f) { return f[1] === "error"; }).length;
    box.appendChild(el("p", plural(errs, "error", "errors") + ", " + plural(list.length - errs, "other finding", "other findings") +
      ". Click one to show its entry.", "hint"));
    var ol = el("ol");
    list.slice(0, LIST_MAX).forEach(function (f, n) {
      var li = el("li", null, f[3] < 0 ? "input" : "");
      li.dataset.finding = n;
      li.appendChild(el("span", f[0], "code " + f[1]));
      if (f[4]) li.appendChild(el("strong", f[4] + " "));
      li.appendChild(el("span", f[2]));
      if (f[5]) li.appendChild(el("div", f[5], "diff"));
      if (f[3] >= 0) {
        li.tabIndex = 0;
        li.addEventListener("click", function () { select(ids[f[3]], true); });
        li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(ids[f[3]], true); });
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    if (list.length > LIST_MAX) box.appendChild(el("p", "and " + (list.length - LIST_MAX) + " more (see validate)", "hint"));
  }
  function showTab(which) {
    document.getElementById("panel").hidden = which !== "entry";
    document.getElementById("findings").hidden = which !== "findings";
    document.getElementById("tab-entry").setAttribute("aria-selected", String(which === "entry"));
    document.getElementById("tab-findings").setAttribute("aria-selected", String(which === "findings"));
  }
  document.getElementById("tab-entry").addEventListener("click", function () { showTab("entry"); });
  document.getElementById("tab-findings").addEventListener("click", function () {
    if (!document.getElementById("findings").childNodes.length) showFindings();
    showTab("findings");
  });
  var errorCount = data.findings.filter(function (f) { return f[1] === "error"; }).length;
  document.getElementById("tab-findings").textContent = "Findings (" + data.findings.length + (errorCount ? ", " + errorCount + " errors" : "") + ")";

  // ---- clicks and the tooltip (the page's own element, so its own font)
  function openFamily(root) {
    state.open[root] = true;
    draw(false);
    var members = family[root].members.filter(function (m) { return state.match[m]; }).map(function (m) { return ids[m]; });
    frame(members);
  }
  network.on("click", function (params) {
    var id = params.nodes.length ? String(params.nodes[0]) : null;
    var dot = id ? null : dotAt(params.pointer.canvas);
    if (dot) { openFamily(dot.fam.root); return; }
    if (id) select(id, false); else clearSelection();
  });
  var tip = document.getElementById("tip");
  function familyTip(fam) {
      var box = el("div");
      box.appendChild(el("strong", "Family of " + ids[fam.root]));
      box.appendChild(el("div", T[C.cohort[fam.root]] + ", " + T[C.label[fam.root]]));
      box.appendChild(el("div", plural(fam.members.length, "entry", "entries") + ", " + num(fam.installs) + " installations, " + num(fam.devices) + " devices"));
      if (fam.unqualified) box.appendChild(el("div", plural(fam.unqualified, "entry does", "entries do") + " not qualify", "error"));
      box.appendChild(el("div", "Click to open", "hint"));
      return box;
  }
  container.addEventListener("mousemove", function (ev) {
    if (!dots.length || hovering) return;
    var rect = container.getBoundingClientRect(), p = { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
    var d = dotAt(network.DOMtoCanvas(p));
    if (d) showTip(familyTip(d.fam), p); else tip.hidden = true;
  });
  var hovering = false;
  network.on("hoverNode", function (params) {
    var id = String(params.node), box = el("div");
    hovering = true;
    {
      var n = index[id];
      box.appendChild(el("strong", id));
      [T[C.cohort[n]] + ", " + T[C.inst[n]], T[C.label[n]] + (C.qualifies[n] ? "" : ", does not qualify"), T[C.status[n]],
       num(C.installs[n]) + " installations"].forEach(function (t) { box.appendChild(el("div", t)); });
      if (findingsOf[n]) box.appendChild(el("div", plural(findingsOf[n].length, "finding", "findings"), hasError[n] ? "error" : ""));
    }
    showTip(box, params.pointer.DOM);
  });
  function showTip(box, p) {
    tip.replaceChildren(box);
    tip.hidden = false;
    var rect = container.getBoundingClientRect();
    var x = rect.left + p.x + 18, y = rect.top + p.y + 18;
    if (x + tip.offsetWidth > window.innerWidth - 4) x = rect.left + p.x - tip.offsetWidth - 18;
    if (y + tip.offsetHeight > window.innerHeight - 4) y = rect.top + p.y - tip.offsetHeight - 18;
    tip.style.left = Math.max(4, x) + "px"; tip.style.top = Math.max(4, y) + "px";
  }
  network.on("blurNode", function () { tip.hidden = true; hovering = false; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  // ---- search and filters
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var raw = document.getElementById("search-id").value.trim();
    var id = /^\d{1,6}$/.test(raw) ? ("000000" + raw).slice(-6) : raw;
    if (index[id] === undefined) { document.getElementById("count").textContent = "No entry " + raw + " in this graph."; return; }
    select(id, false);
    network.focus(id, { scale: 1.2, animation: false });
  });

  function fill(selectId, values) {
    var sel = document.getElementById(selectId);
    values.forEach(function (v) { var o = el("option", v[1]); o.value = v[0]; sel.appendChild(o); });
    sel.addEventListener("change", applyFilters);
  }
  function distinct(col) {
    var seen = {};
    for (var n = 0; n < N; n++) seen[col[n]] = true;
    return Object.keys(seen).map(Number).sort(function (a, b) { return T[a].localeCompare(T[b]); })
      .map(function (t) { return [String(t), T[t]]; });
  }
  fill("filter-cohort", distinct(C.cohort));
  fill("filter-role", data.roles.map(function (r, n) { return [String(n), r.label]; }));
  fill("filter-status", distinct(C.inst));
  fill("filter-testing", distinct(C.status));
  ["filter-errors", "filter-unqualified"].forEach(function (id) { document.getElementById(id).addEventListener("change", applyFilters); });
  function resetFilters() {
    ["filter-cohort", "filter-role", "filter-status", "filter-testing"].forEach(function (id) { document.getElementById(id).value = ""; });
    document.getElementById("filter-errors").checked = false;
    document.getElementById("filter-unqualified").checked = false;
  }
  function applyFilters() {
    matches();
    state.open = {};
    state.fitAll = false;  // survivors are framed by the same rule as the first view
    draw(true);
  }
  // a filter value by its label, for tests and scripts
  function optionFor(selectId, label) {
    var opts = document.getElementById(selectId).options;
    for (var n = 0; n < opts.length; n++) if (opts[n].textContent === label) return opts[n].value;
    return null;
  }

  // ---- legend
  var legend = document.getElementById("legend");
  data.roles.forEach(function (r) {
    var item = el("span"), sw = el("span", null, "swatch");
    sw.style.background = r.color;
    item.appendChild(sw); item.appendChild(document.createTextNode(r.label));
    legend.appendChild(item);
  });
  var bad = el("span"), ring = el("span", null, "swatch");
  ring.style.border = "3px solid #d50000";
  bad.appendChild(ring); bad.appendChild(document.createTextNode("has errors"));
  legend.appendChild(bad);
  var brkItem = el("span"), brkSw = el("span", null, "swatch");
  brkSw.style.border = "3px dashed #ff1744";
  brkItem.appendChild(brkSw); brkItem.appendChild(document.createTextNode("where a chain breaks"));
  legend.appendChild(brkItem);
  [["se", EDGE_WORDS.se], ["status", EDGE_WORDS.status], ["fw", EDGE_WORDS.fw]].forEach(function (k) {
    var style = data.edge_kinds.filter(function (s) { return s.key === k[0]; })[0];
    var item = el("span"), line = el("span", null, "line");
    line.style.borderTopColor = style.color;
    line.style.borderTopStyle = style.dashes ? (style.dashes[0] > 4 ? "dashed" : "dotted") : "solid";
    item.appendChild(line); item.appendChild(document.createTextNode(k[1]));
    legend.appendChild(item);
  });
  legend.appendChild(el("span", "Arrows point to what an entry relies on."));
  if (N > data.detail_limit) {  // the page may open on families
    var famItem = el("span"), famSw = el("span", null, "swatch");
    famSw.style.borderRadius = "50%"; famSw.style.background = "#2e7d32";
    famItem.appendChild(famSw);
    famItem.appendChild(document.createTextNode("a family: its dot's area grows with the installations it carries; click it to open it"));
    legend.appendChild(famItem);
  }

  // ---- first draw
  matches();
  draw(true);
  network.once("afterDrawing", function () { window.__seGraphFirstDraw = performance.now(); });
  network.redraw();
  window.addEventListener("resize", function () { draw(true); });

  // ---- graph.html#entry=ID (the audit's index links here) selects that entry
  function fromHash() {
    var m = /^#entry=(\d{1,6})$/.exec(window.location.hash);
    if (!m) return;
    var id = ("000000" + m[1]).slice(-6);
    if (index[id] !== undefined) select(id, true);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  // ---- a small hook for tests and scripts
  function drawnIds() { return Object.keys(state.drawn).map(function (k) { return ids[+k]; }).sort(); }
  window.seGraph = {
    mode: function () { return state.mode; },
    nodeCount: function () { return Object.keys(state.drawn).length; },
    familyCount: function () { return state.families; },
    edgeCount: function () { return edges.length; },
    drawnIds: drawnIds,
    select: function (id) { return select(id, false); },
    selected: function () { return state.selected === null ? null : ids[state.selected]; },
    highlighted: function () {
      if (state.ifFailed >= 0) return LOSS[state.ifFailed].map(function (m) { return ids[m]; }).sort();
      return state.path.concat(state.dependents).filter(function (v, j, a) { return a.indexOf(v) === j; }).sort();
    },
    trace: function () { return state.path.slice(); },
    path: function () { return state.path.slice(); },
    blocker: function () { return state.blocker; },
    dependents: function () { return state.dependents.slice(); },
    // "If this failed" on the selected entry: whether it is on, and the ids it highlights
    ifFailed: function () { return state.ifFailed >= 0; },
    lost: function () { return state.ifFailed < 0 ? [] : LOSS[state.ifFailed].map(function (m) { return ids[m]; }).sort(); },
    openFamily: function (id) { openFamily(top[index[id]]); return family[top[index[id]]].members.length; },
    familyOf: function (id) { return ids[top[index[id]]]; },
    setFilter: function (selectId, label) { var v = optionFor(selectId, label); document.getElementById(selectId).value = v; applyFilters(); return v; },
    zoomTo: function (id, scale) { network.focus(id, { scale: scale || 1.5, animation: false }); },
    scale: function () { return network.getScale(); },
    nodeStyle: function (id) { var v = nodes.get(id); return v ? { color: v.color, borderWidth: v.borderWidth, font: v.font } : null; },
    roleOf: function (id) { return data.roles[C.role[index[id]]].key; },
    canvas: function () { return [container.clientWidth, container.clientHeight]; },
    exampleId: function () {
      for (var n = 0; n < N; n++) if (data.roles[C.role[n]].key === "group2" && C.hops[n].length && relyOnMe[n]) return ids[n];
      return N ? ids[0] : null;
    },
    domPosition: function (id) { return network.canvasToDOM(network.getPositions([id])[id]); },
    // every drawn entry's box on screen: for checks that the view fills the window and reads
    screenBoxes: function () {
      return Object.keys(state.drawn).map(function (k) {
        var id = ids[+k], b = network.getBoundingBox(id), a = network.canvasToDOM({ x: b.left, y: b.top }),
          z = network.canvasToDOM({ x: b.right, y: b.bottom });
        return [id, a.x, a.y, z.x, z.y];
      });
    },
    // the trees drawn, as packed: [root, entries, cohort]
    trees: function () {
      return state.packed.spots.filter(function (sp) { return sp.block && sp.block.kind === "tree"; })
        .map(function (sp) { return [ids[sp.block.root], sp.block.size, T[C.cohort[sp.block.root]]]; });
    },
    // the first view at a glance: whether it shows only the largest, how many are in view
    view: function () { var v = inView(); v.partial = state.partial; v.fitAll = state.fitAll; return v; },
    // each family label on screen: [root, left, top, right, bottom, font px, dot diameter px]
    familyLabels: function () {
      var scale = network.getScale(), ctx = document.createElement("canvas").getContext("2d");
      return dots.map(function (d) {
        ctx.font = "600 " + FONT + "px system-ui, sans-serif";
        var w = ctx.measureText(ids[d.fam.root]).width;
        ctx.font = FONT + "px system-ui, sans-serif";
        w = Math.max(w, ctx.measureText(familyCaption(d)).width);
        var a = network.canvasToDOM({ x: d.x - w / 2, y: d.y + d.r + 4 }), z = network.canvasToDOM({ x: d.x + w / 2, y: d.y + d.r + 39 });
        return [ids[d.fam.root], a.x, a.y, z.x, z.y, FONT * scale, 2 * d.r * scale];
      });
    },
    familyBoxes: function () {
      return dots.map(function (d) {
        var p = network.canvasToDOM({ x: d.x, y: d.y });
        return [ids[d.fam.root], p.x, p.y, d.r * network.getScale()];
      });
    }
  };
})();
