// newsgraph viewer: draws the graph data of the JSON block #graph-data with
// Cytoscape.js. Every piece of article text reaches the page through
// textContent (never innerHTML), so it is shown, not interpreted.
(function () {
  'use strict';
  var OVERVIEW_NODES = 120;  // entities drawn at first: the most connected
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var nodes = data.nodes, edges = data.edges, articles = data.articles;
  var sentences = data.sentences;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // Weighted degree: a meeting counts 3, so who met whom comes first.
  var weight = nodes.map(function () { return 0; });
  var neighbours = nodes.map(function () { return []; });
  edges.forEach(function (e, i) {
    var w = e.meeting ? 3 : 1;
    weight[e.source] += w;
    weight[e.target] += w;
    neighbours[e.source].push(i);
    neighbours[e.target].push(i);
  });
  var ranked = nodes.map(function (n, i) { return i; }).filter(function (i) {
    return weight[i] > 0;
  });
  ranked.sort(function (a, b) {
    return weight[b] - weight[a] || (nodes[a].label < nodes[b].label ? -1 : 1);
  });

  var cy = cytoscape({
    container: document.getElementById('graph'),
    elements: [],
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'font-size': 11, 'text-valign': 'center',
        'text-wrap': 'wrap', 'text-max-width': 120, 'width': 'data(w)', 'height': 'data(h)',
        'shape': 'round-rectangle', 'border-width': 1,
        'border-color': '#868e96', 'background-color': '#ffffff',
        'min-zoomed-font-size': 5 } },
      { selector: 'node[kind = "person"]', style: { 'background-color': '#cfe2ff',
        'shape': 'ellipse' } },
      { selector: 'node[kind = "organisation"]', style: { 'background-color': '#ffd8a8' } },
      { selector: 'node[kind = "place"]', style: { 'background-color': '#c3e6cb',
        'shape': 'octagon' } },
      { selector: 'node[kind = "group"]', style: { 'background-color': '#dee2e6',
        'shape': 'ellipse' } },
      { selector: 'edge', style: {
        'label': 'data(label)', 'font-size': 8, 'color': '#495057', 'width': 1,
        'line-color': '#adb5bd', 'target-arrow-color': '#adb5bd',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        'text-rotation': 'autorotate', 'text-background-color': '#ffffff',
        'text-background-opacity': 0.8, 'min-zoomed-font-size': 7 } },
      { selector: 'edge[?meeting]', style: {
        'line-color': '#c00000', 'width': 3, 'target-arrow-shape': 'none',
        'color': '#c00000' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#1c7ed6',
        'line-color': '#1c7ed6' } },
      { selector: '.faded', style: { 'opacity': 0.25 } }
    ]
  });

  // Width and height of a node's box: its name wrapped at about 20 characters.
  function boxSize(label) {
    var lines = Math.ceil(label.length / 20) || 1;
    return [Math.min(label.length, 20) * 6.5 + 24, lines * 14 + 14];
  }

  // Draws the given entities and the edges among them.
  function show(indices, message) {
    var keep = {};
    indices.forEach(function (i) { keep[i] = true; });
    var elements = [];
    // Start from a circle (most connected first), so the layout is the same every time.
    var radius = 40 * Math.sqrt(indices.length) + 60;
    indices.forEach(function (i, k) {
      var size = boxSize(nodes[i].label);
      var angle = 2 * Math.PI * k / indices.length;
      elements.push({ group: 'nodes', data: { id: 'n' + i, index: i,
        label: nodes[i].label, kind: nodes[i].kind, w: size[0], h: size[1] },
        position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) } });
    });
    edges.forEach(function (e, i) {
      if (!keep[e.source] || !keep[e.target]) return;
      var label = e.meeting ? meetingLabel(e) : e.label;
      elements.push({ group: 'edges', data: { id: 'e' + i, index: i, source: 'n' + e.source,
        target: 'n' + e.target, label: label, meeting: e.meeting } });
    });
    cy.elements().remove();
    cy.add(elements);
    layout();
    cy.fit(undefined, 30);
    document.getElementById('status').textContent = message;
  }

  // Lays out each connected part on its own (cose), the biggest first, then
  // packs the parts in rows about as wide as the view, so none drifts away.
  function layout() {
    var parts = cy.elements().components().sort(function (a, b) { return b.length - a.length; });
    var view = document.getElementById('graph');
    var area = 0;
    parts.forEach(function (part) {
      var n = part.nodes().length;
      part.layout({ name: n > 400 ? 'grid' : 'cose', animate: false, randomize: false, fit: false,
        nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 110; },
        nodeOverlap: 20, numIter: n > 150 ? 400 : 1000 }).run();
      var box = part.boundingBox();
      area += (box.w + 40) * (box.h + 40);
    });
    var aspect = view.clientWidth / Math.max(1, view.clientHeight);
    var rowWidth = Math.max(400, Math.sqrt(area * aspect));
    var x = 0, y = 0, rowHeight = 0;
    parts.forEach(function (part) {
      var box = part.boundingBox();
      if (x > 0 && x + box.w > rowWidth) { x = 0; y += rowHeight + 40; rowHeight = 0; }
      part.nodes().shift({ x: x - box.x1, y: y - box.y1 });
      x += box.w + 40;
      rowHeight = Math.max(rowHeight, box.h);
    });
  }

  function meetingLabel(e) {
    var dates = {};
    e.evidence.forEach(function (v) { if (v.date) dates[v.date] = true; });
    var list = Object.keys(dates).sort();
    var label = 'met';
    if (list.length === 1) label += ' \u00b7 ' + list[0];
    else if (list.length > 1) label += ' ' + e.evidence.length + '\u00d7';
    return label;
  }

  function overview() {
    var top = ranked.slice(0, OVERVIEW_NODES);
    show(top, nodes.length + ' entities, ' + data.meetings.length + ' meetings, ' +
      articles.length + ' article' + (articles.length === 1 ? '' : 's') +
      (ranked.length > top.length ? '; drawing the ' + top.length +
        ' most connected (search to see any other)' : ''));
  }

  // Draws entity i with its neighbours and shows what is known about it.
  function focus(i) {
    var set = {};
    set[i] = true;
    neighbours[i].forEach(function (k) { set[edges[k].source] = set[edges[k].target] = true; });
    var list = Object.keys(set).map(Number);
    show(list, nodes[i].label + ' and the ' + (list.length - 1) + ' entities linked to it');
    var node = cy.getElementById('n' + i);
    node.select();
    showNode(i);
  }

  function articleText(a) {
    var art = articles[a];
    if (!art) return '';
    var parts = [art.title || art.doc];
    if (art.source) parts.push(art.source);
    if (art.date) parts.push(art.date);
    return parts.join(' \u00b7 ');
  }

  function evidenceItem(v, head) {
    var li = el('li');
    if (head) li.appendChild(el('div', head, 'fact'));
    li.appendChild(el('blockquote', sentences[v.sentence]));
    var meta = articleText(v.article) + ' \u00b7 rule ' + v.rule + ' \u00b7 confidence ' +
      v.confidence + (v.modality !== 'asserted' ? ' \u00b7 ' + v.modality : '');
    if (v.date || v.place) meta = [v.date, v.place].filter(Boolean).join(', ') + ' \u00b7 ' + meta;
    li.appendChild(el('div', meta, 'meta'));
    var url = articles[v.article] && articles[v.article].url;
    if (url) li.appendChild(el('div', url, 'meta url'));
    return li;
  }

  function details() {
    var box = document.getElementById('details');
    while (box.firstChild) box.removeChild(box.firstChild);
    return box;
  }

  function showNode(i) {
    var n = nodes[i], box = details();
    box.appendChild(el('h2', n.label));
    box.appendChild(el('div', n.kind + (n.aliases.length > 1 ? ' \u00b7 also: ' +
      n.aliases.filter(function (a) { return a !== n.label; }).join(', ') : ''), 'meta'));
    box.appendChild(el('div', 'in ' + n.articles.length + ' article' +
      (n.articles.length === 1 ? '' : 's'), 'meta'));
    var ul = el('ul');
    neighbours[i].forEach(function (k) {
      var e = edges[k];
      var head = nodes[e.source].label + ' \u2014 ' + (e.meeting ? 'met' : e.label) +
        ' \u2014 ' + nodes[e.target].label;
      e.evidence.forEach(function (v) { ul.appendChild(evidenceItem(v, head)); });
    });
    data.facts.forEach(function (f) {
      if (f.node === i) ul.appendChild(evidenceItem(f, n.label + ' \u2014 ' + f.label +
        ': ' + f.value));
    });
    box.appendChild(ul);
  }

  function showEdge(k) {
    var e = edges[k], box = details();
    box.appendChild(el('h2', nodes[e.source].label + ' \u2014 ' +
      (e.meeting ? meetingLabel(e) : e.label) + ' \u2014 ' + nodes[e.target].label));
    var ul = el('ul');
    e.evidence.forEach(function (v) { ul.appendChild(evidenceItem(v)); });
    box.appendChild(ul);
  }

  cy.on('tap', 'node', function (evt) { showNode(evt.target.data('index')); });
  cy.on('tap', 'edge', function (evt) { showEdge(evt.target.data('index')); });

  // Search: any entity by name or alias.
  var byName = {};
  nodes.forEach(function (n, i) {
    n.aliases.concat([n.label]).forEach(function (a) {
      var key = a.toLowerCase();
      if (!(key in byName) || weight[i] > weight[byName[key]]) byName[key] = i;
    });
  });
  var datalist = document.getElementById('names');
  ranked.forEach(function (i) { datalist.appendChild(el('option', null)).value = nodes[i].label; });
  function search() {
    var q = document.getElementById('search').value.trim().toLowerCase();
    if (!q) return;
    var hit = byName[q];
    if (hit === undefined) {
      for (var k = 0; k < ranked.length; ++k) {
        if (nodes[ranked[k]].label.toLowerCase().indexOf(q) >= 0) { hit = ranked[k]; break; }
      }
    }
    if (hit === undefined) {
      document.getElementById('status').textContent = 'No entity named \u201c' + q + '\u201d';
      return;
    }
    focus(hit);
  }
  var input = document.getElementById('search');
  input.addEventListener('change', search);
  input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') search(); });
  document.getElementById('overview').addEventListener('click', overview);

  // The meetings table and the timeline (meetings per month).
  var meetings = data.meetings.slice().sort(function (x, y) {
    return (x.date || '9999') < (y.date || '9999') ? -1 : (x.date === y.date ? 0 : 1);
  });
  function fillTable(month) {
    var body = document.querySelector('#meeting-table tbody');
    while (body.firstChild) body.removeChild(body.firstChild);
    meetings.forEach(function (m) {
      if (month !== undefined && (m.date || '').slice(0, 7) !== month) return;
      var tr = el('tr');
      [nodes[m.a].label, nodes[m.b].label, m.date, m.place, articleText(m.article)]
        .forEach(function (t) { tr.appendChild(el('td', t)); });
      tr.addEventListener('click', function () {
        show([m.a, m.b], nodes[m.a].label + ' and ' + nodes[m.b].label);
        var box = details();
        box.appendChild(el('h2', nodes[m.a].label + ' met ' + nodes[m.b].label));
        var ul = el('ul');
        ul.appendChild(evidenceItem(m));
        box.appendChild(ul);
      });
      body.appendChild(tr);
    });
  }
  function timeline() {
    var box = document.getElementById('timeline');
    var counts = {};
    meetings.forEach(function (m) {
      if (m.date) counts[m.date.slice(0, 7)] = (counts[m.date.slice(0, 7)] || 0) + 1;
    });
    var months = Object.keys(counts).sort();
    var max = Math.max.apply(null, [1].concat(months.map(function (k) { return counts[k]; })));
    var selected;
    months.forEach(function (month) {
      var col = el('div', null, 'month');
      var bar = el('div', null, 'bar');
      bar.style.height = Math.max(4, Math.round(60 * counts[month] / max)) + 'px';
      col.title = month + ': ' + counts[month] + ' meeting' + (counts[month] === 1 ? '' : 's');
      col.appendChild(el('div', counts[month], 'count'));
      col.appendChild(bar);
      col.appendChild(el('div', month, 'label'));
      col.addEventListener('click', function () {
        selected = selected === month ? undefined : month;
        Array.prototype.forEach.call(box.children, function (c) {
          c.classList.toggle('on', c === col && selected !== undefined);
        });
        fillTable(selected);
      });
      box.appendChild(col);
    });
    if (!months.length) box.appendChild(el('p', 'No dated meetings.', 'hint'));
  }

  timeline();
  fillTable();
  overview();
  // page.html#focus=NAME opens on that entity (a link to share, and what the test uses).
  var hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (hash.indexOf('focus=') === 0) {
    input.value = hash.slice(6);
    search();
  }
})();
