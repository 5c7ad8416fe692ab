// linkchart page: search, entity profile, network graph (cytoscape.js), path finder,
// timeline, conflicts, document reader and curation, over the JSON API of app.py.
//
// Document text, names and every other store-derived string are UNTRUSTED: the DOM is
// built with createElement/textContent only (see el()); innerHTML is never used.
"use strict";

const cytoscape = window.cytoscape;
if (window.cytoscapeFcose) cytoscape.use(window.cytoscapeFcose); // vendored fCoSE layout (vendor/README.layout)
const $ = (id) => document.getElementById(id);

// ---- small helpers ---------------------------------------------------------------------

/** Create an element; attrs: class, text, title, dataset, on<Event> handlers, other attributes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** An article's date as shown: an inferred one says so ('2019-11 (inferred)'). */
function articleDate(article) {
  if (!article.date) return "";
  return article.date_inferred ? `${article.date} (inferred)` : article.date;
}

function basename(source) {
  const s = String(source || "");
  const hash = s.indexOf("#");
  const path = hash >= 0 ? s.slice(0, hash) : s;
  const base = path.split(/[\\/]/).pop();
  return hash >= 0 ? base + s.slice(hash) : base;
}

function label(predicate) {
  return String(predicate || "").replace(/_/g, " ");
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function setStatus(message, kind = "") {
  const s = $("status");
  s.textContent = message || "";
  s.className = "status " + kind;
  if (message && kind !== "error") setTimeout(() => { if (s.textContent === message) s.textContent = ""; }, 4000);
}

// ---- API -------------------------------------------------------------------------------

const state = {
  token: "",
  current: null, // entity id shown in the profile
  profileName: "",
  hiddenPredicates: new Set(),
  hiddenTypes: new Set(),
  document: null, // {article, text, offset, mentions}
  minSources: 1, // edges stated by fewer independent sources are hidden
  showIsolated: false, // entities no visible relation links are hidden unless asked for
  colourBy: "community", // community | type
  sizeBy: "pagerank", // pagerank | betweenness | degree | mentions
  maxMetric: {}, // the largest value of each metric among the visible nodes (node sizes are relative to it)
  metricsSeq: 0,
};

function loadToken() {
  const meta = document.querySelector('meta[name="linkchart-token"]');
  state.token = (meta && meta.content) || sessionStorage.getItem("linkchart-token") || "";
  $("token-button").classList.toggle("hidden", Boolean(state.token));
}

async function api(path, params = {}) {
  return (await apiPage(path, params)).data;
}

/** GET a JSON answer; return {data, total}: total from the X-Total-Count header of a paged list (else null). */
async function apiPage(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(await errorText(response));
  const total = response.headers.get("X-Total-Count");
  return { data: await response.json(), total: total === null ? null : Number(total) };
}

// evidences of one relation read at a time: graph edges and path hops carry the first only
const EVIDENCE_PAGE = 50;

/** Read the evidences of relation `r` from the `offset`-th on (a page of them, with evidence_count). */
function evidencePage(r, offset, limit = EVIDENCE_PAGE) {
  return api(`/api/relations/${r.id}/evidence`, { subject: r.subject.id, object: r.object.id, offset, limit });
}

/** How many evidences state relation `r` (it carries the first few). */
function evidenceCount(r) {
  return Math.max(r.evidence_count || 0, r.evidence.length);
}

/**
 * A button reading the rest of relation r's evidences a page at a time (after the `loaded` first ones),
 * handing each to `append`; it removes itself once all are shown. `text(left)` labels it.
 */
function moreEvidenceButton(r, loaded, append, text) {
  const button = el("button", { type: "button", class: "small more more-evidence" });
  const relabel = () => { button.textContent = text(evidenceCount(r) - loaded); };
  relabel();
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const page = await evidencePage(r, loaded);
      for (const ev of page.evidence) append(ev);
      loaded += page.evidence.length;
      if (!page.evidence.length || loaded >= page.evidence_count) button.remove(); else relabel();
    } catch (err) {
      setStatus(err.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

async function post(path, body) {
  if (!state.token) {
    askToken();
    throw new Error("curation needs the token");
  }
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Linkchart-Token": state.token },
    body: JSON.stringify(body),
  });
  if (response.status === 401 || response.status === 403) {
    askToken();
    throw new Error("the token was refused");
  }
  if (!response.ok) throw new Error(await errorText(response));
  return response.json();
}

async function errorText(response) {
  try {
    const data = await response.json();
    if (typeof data.detail === "string") return data.detail;
    return JSON.stringify(data.detail || data);
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

function askToken() {
  const dialog = $("token-dialog");
  $("token-input").value = "";
  dialog.showModal();
}

// ---- graph -----------------------------------------------------------------------------

const TYPE_COLORS = {
  PERSON: "#2b6cb0", ORG: "#c05621", GPE: "#2f855a", LOC: "#38a169",
  FAC: "#6b46c1", EVENT: "#b7791f", NORP: "#718096",
};
// communities, largest first; smaller ones share the last grey
const COMMUNITY_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
  "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939"];
const SMALL_COMMUNITY = "#a0aec0";
const NO_COMMUNITY = "#e2e8f0";
const TYPE_SHAPES = {
  PERSON: "ellipse", ORG: "round-rectangle", GPE: "diamond", LOC: "diamond", FAC: "triangle", EVENT: "star",
  NORP: "hexagon",
};
const TYPE_NAMES = {
  PERSON: "person", ORG: "organisation", GPE: "country, city", LOC: "place", FAC: "facility", EVENT: "event",
  NORP: "group of people",
};
const SIZE_NAMES = { pagerank: "PageRank", betweenness: "betweenness", degree: "degree", mentions: "mentions" };
const ALL_LABELS = 25; // graphs up to this many visible entities label every node; bigger ones only the top
const LARGE_GRAPH = 1500; // above this, the layout trades quality for speed
const BULK_EDGES = 1500;

function communityColor(c) {
  if (c === null || c === undefined) return NO_COMMUNITY;
  return c < COMMUNITY_COLORS.length ? COMMUNITY_COLORS[c] : SMALL_COMMUNITY;
}

function colorOf(node) {
  if (state.colourBy === "type") return TYPE_COLORS[node.data("type")] || "#a0aec0";
  return communityColor(node.data("community"));
}

/** Return a node's diameter: relative to the largest visible value of the chosen metric. */
function sizeOf(node) {
  if (state.sizeBy === "mentions") return nodeSize(node.data("mentions"));
  const max = state.maxMetric[state.sizeBy] || 0;
  const value = node.data(state.sizeBy) || 0;
  return max > 0 ? Math.round(14 + 46 * Math.sqrt(value / max)) : 16;
}

function edgeWidth(edge) {
  return 1.2 + 1.1 * Math.min(Math.max((edge.data("sources") || 1) - 1, 0), 4);
}

const cy = cytoscape({
  container: $("graph"),
  minZoom: 0.05,
  maxZoom: 4,
  // big graphs: draw a cached bitmap while panning and zooming, edges hidden meanwhile
  textureOnViewport: true,
  hideEdgesOnViewport: true,
  pixelRatio: 1,
  style: [
    {
      selector: "node",
      style: {
        "background-color": colorOf, shape: (n) => TYPE_SHAPES[n.data("type")] || "ellipse",
        width: sizeOf, height: sizeOf,
        label: "", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
        color: "#1a202c", "text-outline-color": "#ffffff", "text-outline-width": 2,
        "min-zoomed-font-size": 6, "text-wrap": "ellipsis", "text-max-width": 140,
        "border-width": 1, "border-color": "#ffffff",
      },
    },
    // the top entities are always labelled, readable at any zoom; the others on hover or selection
    { selector: "node.labelled", style: { label: "data(label)", "font-size": "data(fontSize)", "font-weight": 600, "min-zoomed-font-size": 0, "text-wrap": "none", "z-index": 10 } },
    { selector: "node.labelled.crowded", style: { label: "" } },
    { selector: "node.hover, node:selected, node.center, node.path", style: { label: "data(label)", "z-index": 20 } },
    { selector: "node.center", style: { "border-width": 3, "border-color": "#1a202c" } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#d69e2e" } },
    {
      selector: "edge",
      style: {
        width: edgeWidth, "line-color": "#a0aec0", "target-arrow-color": "#a0aec0", "target-arrow-shape": "triangle",
        "arrow-scale": 0.8, "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#4a5568",
        "text-rotation": "autorotate", "text-outline-color": "#ffffff", "text-outline-width": 2,
        "min-zoomed-font-size": 7,
      },
    },
    { selector: "edge.bulk", style: { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none" } },
    { selector: "edge.attributed", style: { "line-style": "dotted", width: 2 } },
    { selector: "edge.negated", style: { "line-style": "dashed", "line-color": "#e53e3e", "target-arrow-color": "#e53e3e", color: "#c53030" } },
    { selector: "edge:selected", style: { width: 3, "line-color": "#d69e2e", "target-arrow-color": "#d69e2e" } },
    { selector: ".filtered", style: { display: "none" } },
    { selector: "node.unlinked", style: { display: "none" } },
    { selector: ".faded", style: { opacity: 0.15 } },
    { selector: "node.path", style: { "border-width": 3, "border-color": "#dd6b20" } },
    { selector: "edge.path", style: { width: 4, "line-color": "#dd6b20", "target-arrow-color": "#dd6b20", opacity: 1 } },
  ],
});
window.linkchartGraph = cy;
// the graph's box changes with the legend under it and the window: keep cytoscape's viewport in step
new ResizeObserver(() => cy.resize()).observe($("graph"));

function nodeSize(mentions) {
  return Math.round(16 + 9 * Math.log2(1 + (mentions || 0)));
}

/** Add the nodes and edges of an API graph (those not already drawn); return how many nodes were new. */
function addGraph(graph, around = null) {
  const origin = around !== null ? cy.getElementById("n" + around) : null;
  const base = origin && origin.nonempty() ? origin.position() : null;
  const added = [];
  for (const n of graph.nodes || []) {
    const id = "n" + n.id;
    const existing = cy.getElementById(id);
    if (existing.nonempty()) {
      if (n.mentions > (existing.data("mentions") || 0)) {
        existing.data({ mentions: n.mentions, size: nodeSize(n.mentions) });
      }
      if (n.pagerank !== undefined && !existing.data("pagerank")) existing.data(nodeMetrics(n));
      continue;
    }
    const position = base
      ? { x: base.x + (Math.random() - 0.5) * 160, y: base.y + (Math.random() - 0.5) * 160 }
      : undefined;
    added.push({
      group: "nodes",
      data: { id, entity: n.id, label: n.name, type: n.type, mentions: n.mentions, size: nodeSize(n.mentions),
        fontSize: 11, ...nodeMetrics(n) },
      position,
    });
  }
  cy.batch(() => {
    if (added.length) cy.add(added);
    const edges = [];
    const seen = new Set();
    for (const r of graph.edges || []) {
      if (seen.has(r.id) || cy.getElementById(r.id).nonempty()) continue;
      seen.add(r.id);
      ensureNode(r.subject);
      ensureNode(r.object);
      edges.push(edgeElement(r));
    }
    if (edges.length) cy.add(edges);  // one add for all: cytoscape redraws once
  });
  updateFilterLists();
  applyFilters();
  return added.length;
}

function ensureNode(ref) {
  const id = "n" + ref.id;
  if (cy.getElementById(id).empty()) {
    cy.add({ group: "nodes", data: { id, entity: ref.id, label: ref.name, type: ref.type, mentions: 0, size: nodeSize(0),
      fontSize: 11, ...nodeMetrics({}) } });
    return 1;
  }
  return 0;
}

/** Return the centrality and community fields of an API node or metrics row (zeros when it has none). */
function nodeMetrics(n) {
  return {
    pagerank: n.pagerank || 0, betweenness: n.betweenness || 0, degree: n.degree || 0,
    community: n.community === undefined ? null : n.community,
    metricsStale: !!n.metrics_stale, metricsAsOf: n.metrics_as_of,
  };
}

function edgeElement(r) {
  const classes = [];
  if (r.negated) classes.push("negated");
  if (r.attributed_to || r.hedged) classes.push("attributed");
  return {
    group: "edges",
    data: {
      id: r.id, source: "n" + r.subject.id, target: "n" + r.object.id, predicate: r.predicate,
      label: (r.negated ? "not " : "") + label(r.predicate), date: r.date || "", relation: r,
      sources: r.independent_sources || 1,
    },
    classes: classes.join(" "),
  };
}

function addEdge(r) {
  if (cy.getElementById(r.id).nonempty()) return;
  ensureNode(r.subject);
  ensureNode(r.object);
  cy.add(edgeElement(r));
}

/** Lay the visible graph out; `incremental` starts from the current positions (after expanding a node). */
function runLayout(incremental = false) {
  const visible = cy.elements().not(".filtered").not(".unlinked");
  const n = visible.nodes().length;
  if (!n) return;
  // fCoSE keeps a community together: links inside one are short, links between two are long
  const sameCommunity = (edge) => edge.source().data("community") !== null
    && edge.source().data("community") === edge.target().data("community");
  const options = window.cytoscapeFcose
    ? { name: "fcose", animate: false, randomize: !incremental,
        quality: incremental ? "proof" : n > LARGE_GRAPH ? "draft" : "default",
        nodeRepulsion: () => 20000, idealEdgeLength: (e) => (sameCommunity(e) ? 80 : 200),
        edgeElasticity: (e) => (sameCommunity(e) ? 0.6 : 0.15), nodeSeparation: 120, gravity: 0.15,
        packComponents: true, tile: true, tilingPaddingVertical: 18, tilingPaddingHorizontal: 18,
        fit: true, padding: 30 }
    : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90,
        edgeElasticity: () => 80, gravity: 0.4, numIter: 1200, fit: true, padding: 30 };
  // many edges: straight unlabelled haystack lines cost a fraction of bezier curves with arrows
  cy.batch(() => {
    if (visible.edges().length > BULK_EDGES) cy.edges().addClass("bulk");
    else cy.edges().removeClass("bulk");
  });
  cy.resize(); // the legend under the graph may have changed its height
  visible.layout(options).run();
  capZoom();
  scaleLabels();
}

function capZoom(max = 1.4, around = null) {
  if (cy.zoom() > max) {
    cy.zoom(max);
    cy.center(around || cy.elements().not(".filtered"));
  }
}

function dateInRange(date, from, to, keepUndated) {
  if (!date) return keepUndated || (!from && !to);
  if (from && date.slice(0, from.length) < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

function applyFilters() {
  const from = $("graph-from").value.trim();
  const to = $("graph-to").value.trim();
  const keepUndated = $("graph-undated").checked;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.toggleClass("filtered", state.hiddenTypes.has(node.data("type")));
    });
    cy.edges().forEach((edge) => {
      const hidden = state.hiddenPredicates.has(edge.data("predicate"))
        || (edge.data("sources") || 1) < state.minSources
        || !dateInRange(edge.data("date"), from, to, keepUndated);
      edge.toggleClass("filtered", hidden);
    });
    // an entity that no visible relation links stays out of the way unless asked for
    cy.nodes().forEach((node) => {
      const linked = node.connectedEdges().some((e) => !e.hasClass("filtered")
        && !e.source().hasClass("filtered") && !e.target().hasClass("filtered"));
      const kept = linked || state.showIsolated || node.hasClass("center") || node.hasClass("path");
      node.toggleClass("unlinked", !kept);
    });
  });
  const shown = cy.nodes().not(".filtered").not(".unlinked");
  const unlinked = cy.nodes(".unlinked").not(".filtered").length;
  const edges = cy.edges().not(".filtered").filter((e) => !e.source().hasClass("unlinked") && !e.target().hasClass("unlinked")).length;
  // betweenness, PageRank and communities kept after an incremental resolution may be of an older graph
  const stale = shown.filter((n) => n.data("metricsStale"));
  $("graph-info").textContent = `${shown.length} entities · ${edges} relations`
    + (unlinked ? ` · ${unlinked} unlinked hidden` : "")
    + (stale.length ? ` · centrality as of graph version ${stale[0].data("metricsAsOf")} (stale)` : "");
  restyle();
}

/** Re-derive sizes (relative to the visible nodes), the labelled top nodes and the legend. */
function restyle() {
  const shown = cy.nodes().not(".filtered").not(".unlinked");
  for (const metric of ["pagerank", "betweenness", "degree"]) {
    state.maxMetric[metric] = shown.reduce((max, n) => Math.max(max, n.data(metric) || 0), 0);
  }
  const key = state.sizeBy;
  const ranked = shown.sort((a, b) => (b.data(key) || 0) - (a.data(key) || 0) || (b.data("mentions") || 0) - (a.data("mentions") || 0));
  const top = shown.length <= ALL_LABELS ? shown.length : Math.min(30, Math.max(12, Math.round(shown.length / 3)));
  state.labelled = ranked.slice(0, top);
  cy.batch(() => {
    cy.nodes().removeClass("labelled crowded");
    state.labelled.addClass("labelled");
  });
  cy.style().update();
  scaleLabels();
  renderLegend(shown);
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Hide the label of a top node where a better-ranked one's label already stands (hover still shows it). */
function declutterLabels() {
  const ranked = state.labelled || cy.collection();
  cy.batch(() => ranked.removeClass("crowded"));
  const kept = [];
  ranked.forEach((node) => {
    if (node.removed() || node.hasClass("filtered") || node.hasClass("unlinked")) return;
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (kept.some((k) => overlaps(k, box))) node.addClass("crowded");
    else kept.push(box);
  });
}

/** Keep the top nodes' labels at a readable size on screen whatever the zoom. */
function scaleLabels() {
  const size = Math.max(10, Math.min(48, 12 / cy.zoom()));
  cy.batch(() => cy.nodes(".labelled").forEach((n) => { if (n.data("fontSize") !== size) n.data("fontSize", size); }));
  declutterLabels();
}

function legendItem(swatch, text) {
  return el("span", { class: "legend-item" }, swatch, el("span", { text }));
}

/** Draw the legend under the graph: what colour, shape, size and line style mean for what is shown. */
function renderLegend(shown) {
  const box = clear($("legend"));
  if (state.colourBy === "community") {
    const best = new Map();
    shown.forEach((n) => {
      const c = n.data("community");
      if (c === null || c === undefined || c >= COMMUNITY_COLORS.length) return;
      const held = best.get(c);
      if (!held || (n.data("pagerank") || 0) > (held.data("pagerank") || 0)) best.set(c, n);
    });
    const communities = [...best.keys()].sort((a, b) => a - b);
    box.append(el("span", { class: "legend-head", text: "Communities" }));
    for (const c of communities.slice(0, 8)) {
      box.append(legendItem(el("span", { class: `dot c-${c}` }), `${best.get(c).data("label")}’s`));
    }
    if (communities.length > 8 || shown.some((n) => (n.data("community") || 0) >= COMMUNITY_COLORS.length)) {
      box.append(legendItem(el("span", { class: "dot c-small" }), "smaller ones"));
    }
    box.append(legendItem(el("span", { class: "dot c-none" }), "no link"));
  }
  const types = [...new Set(shown.map((n) => n.data("type")))].sort();
  box.append(el("span", { class: "legend-head", text: "Types" }));
  for (const t of types) {
    const swatch = state.colourBy === "type" ? el("span", { class: `dot t-${t}` }) : el("span", { class: `shape s-${TYPE_SHAPES[t] || "ellipse"}` });
    box.append(legendItem(swatch, TYPE_NAMES[t] || t.toLowerCase()));
  }
  box.append(el("span", { class: "legend-head", text: "Relations" }),
    legendItem(el("span", { class: "line solid" }), "stated"),
    legendItem(el("span", { class: "line dotted" }), "attributed / hedged"),
    legendItem(el("span", { class: "line dashed" }), "negated"),
    legendItem(el("span", { class: "line thick" }), "more independent sources"),
    legendItem(el("span", { class: "line path" }), "path"),
    el("span", { class: "muted", text: `size = ${SIZE_NAMES[state.sizeBy]} · labels: the top entities (hover for others) · click a node to expand` }));
}

const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Ask the API for centrality and communities over the relations the filters keep; resize and recolour. */
const refreshMetrics = debounce(async () => {
  const seq = ++state.metricsSeq;
  const url = new URL("/api/graph/metrics", window.location.origin);
  if (state.hiddenPredicates.size) {
    const kept = [...new Set(cy.edges().map((e) => e.data("predicate")))].filter((p) => !state.hiddenPredicates.has(p));
    for (const p of kept.length ? kept : ["-"]) url.searchParams.append("predicate", p);
  }
  const from = $("graph-from").value.trim();
  const to = $("graph-to").value.trim();
  if (DATE_VALUE.test(from)) url.searchParams.set("from", from);
  if (DATE_VALUE.test(to)) url.searchParams.set("to", to);
  url.searchParams.set("undated", $("graph-undated").checked ? "true" : "false");
  url.searchParams.set("min_sources", String(state.minSources));
  try {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(await errorText(response));
    const metrics = await response.json();
    if (seq !== state.metricsSeq) return;
    cy.batch(() => {
      for (const m of metrics.nodes) {
        const node = cy.getElementById("n" + m.id);
        if (node.nonempty()) node.data(nodeMetrics(m));
      }
    });
    restyle();
    document.body.dataset.metrics = String(seq);
  } catch (err) {
    setStatus(err.message, "error");
  }
}, 250);

/** Apply the filters, then recompute centrality over what they keep. */
function filtersChanged() {
  applyFilters();
  refreshMetrics();
}

function checklist(container, values, hidden) {
  clear(container);
  for (const value of [...values].sort()) {
    const box = el("input", { type: "checkbox", dataset: { value } });
    box.checked = !hidden.has(value);
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(value); else hidden.add(value);
      filtersChanged();
    });
    container.append(el("label", {}, box, " " + label(value)));
  }
  if (!values.size) container.append(el("span", { class: "muted", text: "none in the graph" }));
}

function updateFilterLists() {
  const predicates = new Set(cy.edges().map((e) => e.data("predicate")));
  const types = new Set(cy.nodes().map((n) => n.data("type")));
  checklist($("predicate-list"), predicates, state.hiddenPredicates);
  checklist($("type-list"), types, state.hiddenTypes);
}

function markCenter(entity) {
  cy.nodes().removeClass("center");
  if (entity !== null) cy.getElementById("n" + entity).addClass("center");
}

// how many entities a neighbourhood shows: the API's default first, then more on asking
const NEIGHBOUR_STEPS = [100, 500, 2000];

async function loadNeighbourhood(entity, { replace = true, limit = NEIGHBOUR_STEPS[0] } = {}) {
  const graph = await api(`/api/entities/${entity}/neighbors`, { depth: 1, limit });
  if (replace) {
    clearPath();
    cy.elements().remove();
  }
  const added = addGraph(graph, replace ? null : entity);
  markCenter(entity);
  if (replace || added) runLayout(!replace);
  showNeighbourCount(graph, entity, limit);
  return graph;
}

/** Say how many of an entity's neighbours the graph shows ("showing N of M"), with a link asking for more. */
function showNeighbourCount(graph, entity, limit) {
  const box = clear($("graph-more"));
  box.classList.toggle("hidden", !graph.truncated);
  if (!graph.truncated) return;
  const name = (graph.nodes.find((n) => n.id === entity) || {}).name || `#${entity}`;
  box.append(`showing ${graph.nodes.length - 1} of ${graph.total - 1} neighbours of `, el("b", { text: name }),
    " (the most mentioned)");
  const next = NEIGHBOUR_STEPS.find((n) => n > limit);
  if (next === undefined) return;
  box.append(" · ", el("a", {
    href: "#", id: "graph-more-link", text: `show up to ${Math.min(next, graph.total) - 1}`,
    onclick: async (e) => {
      e.preventDefault();
      try {
        await loadNeighbourhood(entity, { replace: false, limit: next });
      } catch (err) {
        setStatus(err.message, "error");
      }
    },
  }));
}

// how many of the most-mentioned entities the whole-store view shows (?nodes=N in the address)
const WHOLE_GRAPH_NODES = Math.min(2000, Math.max(10, Number(new URLSearchParams(location.search).get("nodes")) || 300));

async function loadWholeGraph() {
  const graph = await api("/api/graph", { limit: WHOLE_GRAPH_NODES });
  clearPath();
  cy.elements().remove();
  addGraph(graph);
  runLayout();
  clear($("graph-more")).classList.add("hidden");
  setStatus(graph.truncated ? `showing the ${graph.nodes.length} most-mentioned of ${graph.total} entities`
    : "whole store");
}

cy.on("tap", "node", async (event) => {
  const entity = event.target.data("entity");
  try {
    await openProfile(entity);
    const added = await loadNeighbourhood(entity, { replace: false });
    markCenter(entity);
    if (!added.nodes.length) setStatus("no relations");
  } catch (err) {
    setStatus(err.message, "error");
  }
});

cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));
cy.on("zoom", debounce(scaleLabels, 60));

cy.on("tap", "edge", (event) => {
  const relation = event.target.data("relation");
  if (relation) showRelation(relation);
});

// ---- path finder -------------------------------------------------------------------------

function clearPath() {
  cy.elements().removeClass("path faded");
  const box = $("path-result");
  clear(box).classList.add("hidden");
}

async function findPath(a, b, maxHops = 4) {
  document.querySelectorAll(".suggestions").forEach((box) => box.classList.add("hidden"));
  const result = await api("/api/path", { a, b, max_hops: maxHops });
  clearPath();
  const box = $("path-result");
  box.classList.remove("hidden");
  if (!result.paths.length && result.partial) {
    box.append(el("span", { class: "partial", text: "Search stopped early: " }),
      el("b", { text: result.a.name }), " and ", el("b", { text: result.b.name }),
      ` are linked to too many entities to search all chains of up to ${maxHops} hops; one may exist. `
      + "Try fewer hops, or two entities closer to each.");
    return result;
  }
  if (!result.paths.length) {
    box.append(el("span", { text: `No chain of stated relations within ${maxHops} hops between ` }),
      el("b", { text: result.a.name }), " and ", el("b", { text: result.b.name }), ".");
    return result;
  }
  let added = 0;
  const before = cy.nodes().length;
  for (const path of result.paths) for (const hop of path) addEdge(hop.relation);
  added = cy.nodes().length - before;
  updateFilterLists();
  applyFilters();
  const onPath = cy.collection();
  for (const path of result.paths) {
    for (const hop of path) {
      onPath.merge(cy.getElementById("n" + hop.source)).merge(cy.getElementById("n" + hop.target));
      const edge = cy.getElementById(hop.relation.id);
      edge.removeClass("filtered");
      onPath.merge(edge);
    }
  }
  onPath.nodes().removeClass("filtered unlinked");
  if (added) runLayout(true);
  cy.elements().addClass("faded");
  onPath.removeClass("faded").addClass("path");
  cy.fit(onPath, 60);
  capZoom(1.6, onPath);
  box.append(el("b", { text: `${result.paths.length} shortest path(s): ` }));
  result.paths.forEach((path, i) => {
    const line = el("div", { class: "path-line" }, el("span", { class: "muted", text: `${i + 1}. ` }));
    line.append(entityLink(refOf(path[0].relation, path[0].source)));
    for (const hop of path) {
      const r = hop.relation;
      const forward = r.subject.id === hop.source;
      const arrow = el("a", {
        href: "#", class: "hop", title: "show the evidence",
        text: forward ? ` —${label(r.predicate)}→ ` : ` ←${label(r.predicate)}— `,
        onclick: (e) => { e.preventDefault(); showRelation(r); },
      });
      line.append(arrow, entityLink(refOf(r, hop.target)));
    }
    box.append(line);
  });
  return result;
}

function refOf(relation, id) {
  return relation.subject.id === id ? relation.subject : relation.object;
}

// ---- search and suggestions ----------------------------------------------------------------

function snippet(hit) {
  const span = el("span", { class: "snippet" });
  const text = hit.snippet_text || "";
  let pos = 0;
  for (const [s, e] of hit.highlights || []) {
    if (s < pos || e > text.length) continue;
    span.append(text.slice(pos, s), el("mark", { text: text.slice(s, e) }));
    pos = e;
  }
  span.append(text.slice(pos));
  return span;
}

/** Attach a suggestion dropdown to an input; onPick(kind, item) runs when one is chosen. */
function attachSuggest(input, box, onPick, { documents = true } = {}) {
  let items = [];
  let active = -1;
  const close = () => { box.classList.add("hidden"); active = -1; };
  const render = (data) => {
    clear(box);
    items = [];
    if (data.entities.length) box.append(el("div", { class: "group", text: "Entities" }));
    for (const entity of data.entities) {
      const item = el("div", { class: "item", role: "option" },
        el("span", { class: `dot t-${entity.type}` }), el("span", { class: "name", text: entity.name }),
        entity.matched !== entity.name ? el("span", { class: "muted", text: ` (${entity.matched})` }) : null,
        el("span", { class: "count", text: `${entity.type} · ${entity.mentions}` }));
      items.push([item, "entity", entity]);
      box.append(item);
    }
    if (documents && data.documents.length) {
      box.append(el("div", { class: "group", text: "Text" }));
      for (const hit of data.documents) {
        const item = el("div", { class: "item hit", role: "option" },
          el("div", { class: "name", text: hit.title || basename(hit.source) }), snippet(hit));
        items.push([item, "document", hit]);
        box.append(item);
      }
    }
    items.forEach(([item, kind, value]) => {
      item.addEventListener("mousedown", (e) => { e.preventDefault(); close(); onPick(kind, value); });
    });
    box.classList.toggle("hidden", items.length === 0);
  };
  const update = debounce(async () => {
    const q = input.value.trim();
    if (!q) { close(); return; }
    try {
      const data = await api("/api/suggest", { q });
      if (input.value.trim() === q && document.activeElement === input) render(data);
    } catch (err) {
      setStatus(err.message, "error");
    }
  }, 120);
  input.addEventListener("input", () => { delete input.dataset.entityId; update(); });
  input.addEventListener("blur", () => setTimeout(close, 150));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { close(); return; }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!items.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items.forEach(([item], i) => item.classList.toggle("active", i === active));
      return;
    }
    if (e.key === "Enter") {
      const chosen = items[active] || (box.classList.contains("hidden") ? null : items[0]);
      if (chosen) {
        e.preventDefault();
        close();
        onPick(chosen[1], chosen[2]);
      } else if (input.dispatchEvent(new CustomEvent("linkchart-enter", { cancelable: true }))) {
        // no suggestion: the input's own Enter behaviour (full-text search)
      }
    }
  });
}

function entityPicker(input) {
  const wrap = input.parentElement;
  const box = el("div", { class: "suggestions hidden small" });
  wrap.classList.add("picker");
  wrap.append(box);
  attachSuggest(input, box, (kind, entity) => {
    input.value = entity.name;
    input.dataset.entityId = entity.id;
  }, { documents: false });
}

function pickedEntity(input) {
  return input.dataset.entityId || input.value.trim();
}

async function fullSearch(q) {
  const results = $("search-results");
  clear(results);
  if (!q) return;
  const hits = await api("/api/search", { q, limit: 30 });
  results.append(el("div", { class: "section-head" }, el("h2", { text: `Text hits (${hits.length})` }),
    el("button", { type: "button", class: "small", text: "close", onclick: () => clear(results) })));
  const list = el("ul", { class: "hit-list" });
  for (const hit of hits) {
    list.append(el("li", { onclick: () => openDocument(hit.article_id, hitHighlight(hit)) },
      el("div", { class: "name", text: hit.title || basename(hit.source) }),
      el("div", { class: "muted", text: `${basename(hit.source)}${hit.date ? " · " + hit.date : ""}` }),
      snippet(hit)));
  }
  results.append(list);
}

function hitHighlight(hit) {
  return hit.start !== null && hit.start !== undefined ? { start: hit.start, end: hit.end } : null;
}

// ---- entity lists ------------------------------------------------------------------------------

function entityLink(ref) {
  return el("a", {
    href: "#", class: `entity-link t-${ref.type}`, text: ref.name, title: `${ref.type} #${ref.id}`,
    onclick: (e) => { e.preventDefault(); openEntity(ref.id); },
  });
}

async function loadEntityList() {
  const list = clear($("entity-list"));
  const entities = await api("/api/entities", { type: $("entity-type").value, limit: 300 });
  for (const entity of entities) {
    list.append(el("li", { onclick: () => openEntity(entity.id), title: entity.aliases.join(" · ") },
      el("span", { class: `dot t-${entity.type}` }), el("span", { class: "name", text: entity.name }),
      el("span", { class: "count", text: String(entity.mentions) })));
  }
  if (!entities.length) list.append(el("li", { class: "muted", text: "no entities" }));
}

async function loadDocumentList() {
  const list = clear($("document-list"));
  const shown = 300;
  const docs = await api("/api/documents", { limit: shown + 1 });
  for (const doc of docs.slice(0, shown)) {
    list.append(el("li", { onclick: () => openDocument(doc.article_id), title: doc.source },
      el("div", { class: "name", text: doc.title || basename(doc.source) }),
      el("div", { class: "muted", title: doc.date_inferred || "", text: [basename(doc.source), articleDate(doc), doc.duplicate_of ? "near-duplicate" : ""]
        .filter(Boolean).join(" · ") })));
  }
  if (docs.length > shown) list.append(el("li", { class: "muted", text: `first ${shown} shown; search to find others` }));
}

async function loadStats() {
  const stats = await api("/api/stats");
  const c = stats.counts;
  $("stats").textContent = `${c.documents ?? 0} documents · ${c.articles ?? 0} articles · ${c.entities ?? 0} entities · ${c.relations ?? 0} relations`;
}

// ---- tabs --------------------------------------------------------------------------------------

function showTab(name) {
  document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t.id === "tab-" + name));
}

// ---- profile -----------------------------------------------------------------------------------

function markers(item) {
  const out = [];
  if (item.negated) out.push(el("span", { class: "badge negated", text: "NEGATED", title: "the text says this is not so" }));
  if (item.attributed_to) out.push(el("span", { class: "badge attributed", text: `according to ${item.attributed_to}` }));
  if (item.hedged) out.push(el("span", { class: "badge hedged", text: "hedged" }));
  if (item.rules && item.rules.length && item.rules.every((r) => r.endsWith("_former"))) {
    out.push(el("span", { class: "badge former", text: "former", title: "the text names the role as a past one ('former', 'ex-')" }));
  }
  if (item.date) out.push(el("span", { class: "badge date", text: item.date }));
  if (item.independent_sources) {
    const n = item.independent_sources;
    out.push(el("span", {
      class: "badge sources" + (n > 1 ? " many" : ""), text: `${n} independent source${n > 1 ? "s" : ""}`,
      title: "copies, syndicated reposts and stories of one outlet count once",
    }));
  }
  return out;
}

function evidenceQuote(ev, relation = null) {
  return el("blockquote", {
    class: "evidence-quote", title: "open in the reader", tabindex: "0",
    onclick: () => openEvidence(ev, relation),
    onkeydown: (e) => { if (e.key === "Enter") openEvidence(ev, relation); },
  }, el("span", { text: ev.text.trim() }), el("cite", { text: basename(ev.doc) }),
  ev.attributed_to ? el("div", { class: "referent-note muted", text: `according to ${ev.attributed_to}` }) : "",
  ev.referent ? el("div", { class: "referent-note muted", text: `refers back to “${ev.referent}”, named earlier` }) : "");
}

async function openEntity(entity) {
  try {
    await openProfile(entity);
    await loadNeighbourhood(entity);
  } catch (err) {
    setStatus(err.message, "error");
  }
}

async function openProfile(entity) {
  const [profile, relations] = await Promise.all([
    api(`/api/entities/${entity}`, { mentions: PROFILE_MENTIONS_PAGE, documents: PROFILE_DOCUMENTS_PAGE }),
    apiPage(`/api/entities/${entity}/relations`, { evidence: PROFILE_EVIDENCE_SHOWN, limit: PROFILE_RELATIONS_PAGE }),
  ]);
  state.current = profile.id;
  state.profileName = profile.name;
  $("timeline-entity").textContent = profile.name;
  renderProfile(profile, relations.data, relations.total ?? relations.data.length);
  showTab("profile");
  return profile;
}

/** Append render(item) for the first `limit` items, and a button that appends the rest when asked. */
function appendCapped(container, items, limit, render, noun = "more") {
  for (const item of items.slice(0, limit)) container.append(render(item));
  if (items.length <= limit) return;
  const more = el("button", { type: "button", class: "small more", text: `show ${items.length - limit} ${noun}` });
  more.addEventListener("click", () => {
    more.remove();
    for (const item of items.slice(limit)) container.append(render(item));
  });
  container.append(more);
}

const PROFILE_RELATIONS_SHOWN = 25; // of a predicate, before "show more relations"
const PROFILE_EVIDENCE_SHOWN = 3; // of a relation, before "show more sources" (read on asking)
const PROFILE_DOCUMENTS_SHOWN = 50;
const PROFILE_MENTIONS_PAGE = 20; // mentions read at a time
/** A page size from the address (?NAME=N), else `fallback`. */
function pageSize(name, fallback) {
  return Math.min(5000, Math.max(1, Number(new URLSearchParams(location.search).get(name)) || fallback));
}
// documents a profile reads at a time (?docs=N in the address; the API's default page is 50)
const PROFILE_DOCUMENTS_PAGE = pageSize("docs", 50);
// relations of a profile read at a time (?rels=N): a hub has thousands
const PROFILE_RELATIONS_PAGE = pageSize("rels", 200);

function renderProfile(p, relations, relationTotal) {
  const tab = clear($("tab-profile"));
  tab.append(el("div", { class: "profile-head" },
    el("h2", { class: "profile-name", text: p.name }),
    el("span", { class: `badge type t-${p.type}`, text: p.type }),
    el("span", { class: "muted", text: ` #${p.id} · ${p.mention_count} mentions · ${documentCount(p)} documents` }),
    dossierLinks(p)));
  if (p.description) tab.append(el("p", { class: "description", text: p.description }));
  if (p.listed && p.listed.length) tab.append(listedBadges(p));
  tab.append(curationBar(p));

  // aliases
  tab.append(el("h3", { text: "Aliases" }));
  const aliases = el("ul", { class: "aliases" });
  for (const a of p.aliases) {
    const li = el("li", {}, el("span", { class: "alias", text: a.alias }), el("span", { class: "count", text: ` ×${a.count}` }));
    if (a.reason) li.append(el("div", { class: "reason", text: a.reason }));
    if (a.evidence) li.append(el("div", { class: "reason-evidence", text: `“${a.evidence}”` }));
    if (a.alias !== p.name) {
      li.append(el("button", {
        type: "button", class: "small", text: "split off", title: `split the mentions named “${a.alias}” into their own entity`,
        onclick: () => curate("split", { entity: p.id, alias: a.alias }),
      }));
    }
    aliases.append(li);
  }
  tab.append(aliases);

  // relations grouped by predicate, a page at a time
  tab.append(el("h3", { text: `Relations (${relationTotal})` }));
  if (!relations.length) tab.append(el("p", { class: "muted", text: "No relations found." }));
  const groupsBox = el("div", { class: "relation-groups" });
  tab.append(groupsBox);
  const addRelations = relationGroups(p, groupsBox);
  addRelations(relations, true);
  if (relationTotal > relations.length) tab.append(nextRelationsButton(p, relations.length, relationTotal, addRelations, groupsBox));

  // documents
  tab.append(el("h3", { text: `Documents (${documentCount(p)})` }));
  const docs = el("ul", { class: "doc-refs" });
  const docItem = (d) => el("li", {
    onclick: () => d.article_ids.length && openDocument(d.article_ids[0], null, { entity: p.id }),
  }, el("span", { class: "name", text: d.title || basename(d.source) }),
  el("span", { class: "muted", text: ` ${basename(d.source)}${d.date ? " · " + d.date : ""}` }));
  appendCapped(docs, p.documents, PROFILE_DOCUMENTS_SHOWN, docItem, "more documents");
  tab.append(docs);
  if (documentCount(p) > p.documents.length) tab.append(nextDocumentsButton(p, docs, docItem));

  // mentions, a page at a time
  const mentions = el("details", { class: "mentions" }, el("summary", { text: `Mentions (${p.mention_count})` }));
  const mentionQuote = (m) => evidenceQuote({ doc: m.doc, article_id: m.article_id, start: m.start, end: m.end, text: m.sentence });
  for (const m of p.mentions) mentions.append(mentionQuote(m));
  if (p.mention_count > p.mentions.length) mentions.append(nextMentionsButton(p, mentions, mentionQuote));
  tab.append(mentions);
}

/** Return a function adding relations to their predicate's group in `box` (made on first use) as relation boxes. */
function relationGroups(p, box) {
  const groups = new Map();
  return (rels, capped = false) => {
    const byPredicate = new Map();
    for (const r of rels) {
      if (!byPredicate.has(r.predicate)) byPredicate.set(r.predicate, []);
      byPredicate.get(r.predicate).push(r);
    }
    for (const [predicate, list] of byPredicate) {
      let group = groups.get(predicate);
      if (!group) {
        const count = el("span", { class: "count" });
        const details = el("details", { class: "relation-group", open: "" },
          el("summary", {}, el("span", { class: "predicate", text: label(predicate) }), count));
        group = { details, count, n: 0 };
        groups.set(predicate, group);
        box.append(details);
      }
      const render = (r) => relationBox(p, r);
      if (capped) appendCapped(group.details, list, PROFILE_RELATIONS_SHOWN, render, "more relations");
      else for (const r of list) group.details.append(render(r));
      group.n += list.length;
      group.count.textContent = ` ${group.n}`;
    }
  };
}

/** One relation of the profile: the other entity, its markers, its first quotes and a button for the rest. */
function relationBox(p, r) {
  const outgoing = r.subject.id === p.id;
  const other = outgoing ? r.object : r.subject;
  const predicate = r.predicate;
  const head = el("div", { class: "relation-head" + (r.negated ? " negated" : "") },
    el("span", { class: "direction", text: outgoing ? "→ " : "← ", title: outgoing ? `${p.name} ${label(predicate)} …` : `… ${label(predicate)} ${p.name}` }),
    entityLink(other),
    ...markers(r));
  const box = el("div", { class: "relation" + (r.negated ? " negated" : "") + (r.attributed_to ? " attributed" : "") }, head);
  for (const ev of r.evidence) box.append(evidenceQuote(ev, r));
  if (evidenceCount(r) > r.evidence.length) {
    const more = moreEvidenceButton(r, r.evidence.length, (ev) => more.before(evidenceQuote(ev, r)),
      (left) => `show ${left} more source${left > 1 ? "s" : ""}`);
    box.append(more);
  }
  return box;
}

/** A button reading the profile's next page of relations into their groups, until all are shown. */
function nextRelationsButton(p, loaded, total, addRelations, box) {
  const button = el("button", { type: "button", class: "small more", id: "more-relations" });
  const relabel = () => {
    button.textContent = `load ${Math.min(PROFILE_RELATIONS_PAGE, total - loaded)} more relations (${loaded} of ${total} shown)`;
  };
  relabel();
  button.addEventListener("click", async () => {
    for (const capped of box.querySelectorAll(".relation-group > button.more")) capped.click(); // hidden rests first
    button.disabled = true;
    try {
      const page = await apiPage(`/api/entities/${p.id}/relations`,
        { evidence: PROFILE_EVIDENCE_SHOWN, limit: PROFILE_RELATIONS_PAGE, offset: loaded });
      addRelations(page.data);
      loaded += page.data.length;
      if (!page.data.length || loaded >= total) button.remove(); else relabel();
    } catch (err) {
      setStatus(err.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** A button reading the profile's next page of mentions into `list`, until all are shown. */
function nextMentionsButton(p, list, render) {
  let loaded = p.mentions.length;
  const button = el("button", { type: "button", class: "small more", id: "more-mentions" });
  const relabel = () => {
    button.textContent = `load ${Math.min(PROFILE_MENTIONS_PAGE, p.mention_count - loaded)} more mentions `
      + `(${loaded} of ${p.mention_count} shown)`;
  };
  relabel();
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const page = await api(`/api/entities/${p.id}`,
        { mentions: PROFILE_MENTIONS_PAGE, mentions_offset: loaded, documents: 0 });
      for (const m of page.mentions) button.before(render(m));
      loaded += page.mentions.length;
      if (!page.mentions.length || loaded >= p.mention_count) button.remove(); else relabel();
    } catch (err) {
      setStatus(err.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** How many documents name the profile's entity (the profile holds one page of them). */
function documentCount(p) {
  return Math.max(p.document_count || 0, p.documents.length);
}

/** A button that reads the profile's next page of documents into `list`, until all are shown. */
function nextDocumentsButton(p, list, render) {
  let loaded = p.documents.length;
  const button = el("button", { type: "button", class: "small more", id: "more-documents" });
  const label = () => {
    button.textContent = `load ${Math.min(PROFILE_DOCUMENTS_PAGE, documentCount(p) - loaded)} more documents `
      + `(${loaded} of ${documentCount(p)} shown)`;
  };
  label();
  button.addEventListener("click", async () => {
    const capped = list.querySelector(":scope > button.more"); // the first page's hidden rest goes first
    if (capped) capped.click();
    button.disabled = true;
    try {
      const page = await api(`/api/entities/${p.id}`,
        { mentions: 0, documents: PROFILE_DOCUMENTS_PAGE, documents_offset: loaded });
      for (const d of page.documents) list.append(render(d));
      loaded += page.documents.length;
      if (!page.documents.length || loaded >= documentCount(p)) button.remove(); else label();
    } catch (err) {
      setStatus(err.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** The sanctions-list entries the entity's names matched when screened, each with confirm / reject buttons. */
function listedBadges(p) {
  const box = el("div", { class: "listed" });
  for (const m of p.listed) {
    const why = `'${m.name}' matched '${m.matched_name}' (${m.entry_name} on the list), score ${m.score.toFixed(2)}: ${m.reasons.join("; ")}`;
    const row = el("div", { class: "listing" },
      el("span", { class: "badge listed" + (m.status === "confirmed" ? " confirmed" : ""), text: m.badge, title: why }),
      el("span", { class: "muted", text: ` ${m.status}` }));
    if (m.source_url) row.append(el("a", { class: "small-link", href: m.source_url, target: "_blank", rel: "noopener noreferrer", text: " list entry" }));
    if (m.status !== "confirmed") {
      row.append(el("button", { type: "button", class: "small", text: "confirm", title: "the entity is the one listed",
        onclick: () => decideListing(m, "confirm", p) }));
    }
    row.append(el("button", { type: "button", class: "small danger", text: "reject", title: "not the one listed: drop the badge",
      onclick: () => decideListing(m, "reject", p) }));
    box.append(row);
  }
  return box;
}

async function decideListing(m, verdict, p) {
  try {
    await post("/api/curation/listing", { match: m.id, verdict });
    setStatus(`${verdict}: ${m.badge}`, "ok");
    await openEntity(p.id);
  } catch (err) {
    setStatus(`${verdict} failed: ${err.message}`, "error");
  }
}

/** Links to the entity's dossier: one self-contained HTML page in a new tab, or Markdown / PDF. */
function dossierLinks(p) {
  const link = (format, text, title) => el("a", {
    class: format === "html" ? "button dossier" : "small-link", href: `/api/entities/${p.id}/report?format=${format}`,
    target: "_blank", rel: "noopener", text, title,
  });
  return el("span", { class: "dossier-links" },
    link("html", "Dossier", "a printable report: names, summary, network, timeline, relations, sources"),
    link("pdf", "PDF", "the dossier as PDF"), link("md", "MD", "the dossier as Markdown"));
}

// ---- curation ----------------------------------------------------------------------------------

function curationBar(p) {
  const bar = el("div", { class: "curation" });
  const renameInput = el("input", { value: p.name, "aria-label": "new name", size: "18" });
  const mergeInput = el("input", { placeholder: "entity to merge in", "aria-label": "entity to merge in", size: "18", class: "entity-input" });
  const mergeWrap = el("span", { class: "picker" }, mergeInput);
  const rejectButton = el("button", { type: "button", class: "danger", text: "Reject" });
  rejectButton.addEventListener("click", () => {
    if (rejectButton.dataset.confirm) {
      curate("reject", { entity: p.id });
    } else {
      rejectButton.dataset.confirm = "1";
      rejectButton.textContent = "Confirm reject";
      setTimeout(() => { delete rejectButton.dataset.confirm; rejectButton.textContent = "Reject"; }, 4000);
    }
  });
  bar.append(
    el("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); curate("rename", { entity: p.id, name: renameInput.value }); } },
      renameInput, el("button", { type: "submit", text: "Rename" })),
    el("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); const b = pickedEntity(mergeInput); if (b) curate("merge", { a: p.id, b }); } },
      mergeWrap, el("button", { type: "submit", text: "Merge in" })),
    rejectButton,
  );
  setTimeout(() => entityPicker(mergeInput), 0);
  return bar;
}

async function curate(action, body) {
  try {
    const result = await post(`/api/curation/${action}`, body);
    setStatus(`${action}: ${result.message}`, "ok");
    await Promise.all([loadEntityList(), loadStats()]);
    if (result.entity) {
      await openEntity(result.entity.id);
    } else {
      state.current = null;
      clear($("tab-profile")).append(el("p", { class: "muted", text: "Entity rejected." }));
      cy.getElementById("n" + body.entity).remove();
      applyFilters();
    }
    return result;
  } catch (err) {
    setStatus(`${action} failed: ${err.message}`, "error");
    return null;
  }
}

// ---- reader ------------------------------------------------------------------------------------

function openEvidence(ev, relation = null) {
  if (ev.article_id === null || ev.article_id === undefined) {
    setStatus("this evidence has no article to open", "error");
    return Promise.resolve();
  }
  const referent = ev.referent ? { start: ev.referent_start, end: ev.referent_end } : null;
  return openDocument(ev.article_id, { start: ev.start, end: ev.end, referent }, { relation });
}

function showRelation(relation) {
  const ev = relation.evidence[0];
  if (!ev) {
    setStatus("no evidence for this relation", "error");
    return Promise.resolve();
  }
  return openEvidence(ev, relation);
}

/** Open an article in the reader; `highlight` is {start, end} in original-file offsets. */
async function openDocument(articleId, highlight = null, { relation = null, entity = null } = {}) {
  try {
    const doc = await api(`/api/documents/${articleId}`);
    state.document = doc;
    renderReader(doc, highlight, relation, entity);
    showTab("reader");
  } catch (err) {
    setStatus(err.message, "error");
  }
}

/** The relation shown above the reader: its ends, markers, and its sources (the rest read on asking). */
function relationCard(r) {
  const card = el("div", { class: "relation-card" + (r.negated ? " negated" : "") },
    el("div", {}, entityLink(r.subject), el("span", { class: "predicate", text: ` ${r.negated ? "NOT " : ""}${label(r.predicate)} ` }),
      entityLink(r.object), ...markers(r)));
  const total = evidenceCount(r);
  if (total > 1) {
    const list = el("div", { class: "muted source-list" }, `${total} sources: `);
    const links = el("span", { class: "source-links" });
    const link = (ev) => {
      if (links.childNodes.length) links.append(" · ");
      links.append(el("a", { href: "#", text: basename(ev.doc), onclick: (e) => { e.preventDefault(); openEvidence(ev, r); } }));
    };
    r.evidence.forEach(link);
    list.append(links);
    if (total > r.evidence.length) {
      list.append(" ", moreEvidenceButton(r, r.evidence.length, link, (left) => `show ${left} more`));
    }
    card.append(list);
  }
  return card;
}

function renderReader(doc, highlight, relation, entity) {
  const tab = clear($("tab-reader"));
  const a = doc.article;
  tab.append(el("div", { class: "reader-head" },
    el("h2", { text: a.title || basename(a.source) }),
    el("div", { class: "muted", title: a.date_inferred ? `date inferred: ${a.date_inferred}` : "",
      text: [a.source, articleDate(a), a.outlet, a.language].filter(Boolean).join(" · ") })));
  if (relation) tab.append(relationCard(relation));
  const body = el("div", { class: "reader-text" });
  const text = doc.text;
  let hs = -1;
  let he = -1;
  if (highlight) {
    hs = Math.max(0, highlight.start - doc.offset);
    he = Math.min(text.length, highlight.end - doc.offset);
  }
  // cut the text at every mention and highlight boundary
  const cuts = new Set([0, text.length]);
  const mentions = doc.mentions.filter((m) => m.start < m.end && m.end <= text.length);
  for (const m of mentions) { cuts.add(m.start); cuts.add(m.end); }
  if (he > hs && hs >= 0) { cuts.add(hs); cuts.add(he); }
  // the named mention a pronoun of the evidence stands for, outside the quoted sentence
  let rStart = -1;
  let rEnd = -1;
  if (highlight && highlight.referent) {
    rStart = Math.max(0, highlight.referent.start - doc.offset);
    rEnd = Math.min(text.length, highlight.referent.end - doc.offset);
    if (rEnd > rStart) { cuts.add(rStart); cuts.add(rEnd); }
  }
  const points = [...cuts].sort((x, y) => x - y);
  let mi = 0;
  let firstMark = null;
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    if (e <= s) continue;
    while (mi < mentions.length && mentions[mi].end <= s) mi++;
    // the innermost mention holding the piece: a nation's name nested in its body's ('U.S.' of 'the U.S. government')
    let m = null;
    for (let k = mi; k < mentions.length && mentions[k].start <= s; k++) {
      const c = mentions[k];
      if (c.end >= e && (!m || c.end - c.start < m.end - m.start)) m = c;
    }
    let node = document.createTextNode(text.slice(s, e));
    if (m) {
      const ref = m.entity;
      const cls = `mention t-${ref ? ref.type : m.label}` + (ref && entity === ref.id ? " current" : "");
      node = el("a", {
        href: "#", class: cls, title: ref ? `${ref.name} (${ref.type}) — open profile` : m.label,
        dataset: ref ? { entity: ref.id } : {},
        onclick: (ev) => { ev.preventDefault(); if (ref) openEntity(ref.id); },
      }, node);
    }
    if (s >= hs && e <= he) {
      node = el("mark", { class: "evidence" }, node);
      if (!firstMark) firstMark = node;
    } else if (s >= rStart && e <= rEnd) {
      node = el("mark", { class: "referent", title: "what the evidence refers back to" }, node);
    }
    body.append(node);
  }
  tab.append(body);
  if (firstMark) {
    requestAnimationFrame(() => firstMark.scrollIntoView({ block: "center" }));
  } else if (entity !== null) {
    const first = body.querySelector("a.mention.current");
    if (first) requestAnimationFrame(() => first.scrollIntoView({ block: "center" }));
  } else {
    tab.scrollTop = 0;
  }
}

// ---- timeline ----------------------------------------------------------------------------------

async function loadTimeline() {
  const params = { from: $("timeline-from").value.trim(), to: $("timeline-to").value.trim() };
  if ($("timeline-scope").checked && state.current !== null) params.entity = state.current;
  const box = clear($("timeline"));
  let events;
  try {
    events = await api("/api/timeline", params);
  } catch (err) {
    box.append(el("p", { class: "error", text: err.message }));
    return [];
  }
  if (!events.length) box.append(el("p", { class: "muted", text: "No events." }));
  let year = null;
  for (const ev of events) {
    // undated events come last, under a heading of their own
    const y = ev.date ? ev.date.slice(0, 4) : "Undated";
    if (y !== year) {
      year = y;
      box.append(el("h3", { class: "year", text: y }));
    }
    const fromArticle = ev.date_source === "article";
    const date = el("span", { class: "date" + (fromArticle ? " muted" : ""), text: ev.date ? (fromArticle ? `${ev.date} (article)` : ev.date) : "undated",
      title: fromArticle ? "the date of the article that reports it; the text states none" : "" });
    const item = el("div", { class: "event" + (ev.negated ? " negated" : "") },
      el("div", { class: "event-head" }, date, el("span", { class: "badge kind", text: ev.kind }),
        ...markers({ negated: ev.negated, attributed_to: ev.attributed_to })),
      el("div", { class: "summary", text: ev.summary }));
    if (ev.participants.length) {
      const parts = el("div", { class: "participants" });
      ev.participants.forEach((p, i) => parts.append(entityLink(p), i < ev.participants.length - 1 ? ", " : ""));
      item.append(parts);
    }
    for (const e of ev.evidence) item.append(evidenceQuote(e));
    box.append(item);
  }
  return events;
}

// ---- conflicts ---------------------------------------------------------------------------------

async function loadConflicts() {
  const box = clear($("conflicts"));
  const conflicts = await api("/api/conflicts");
  if (!conflicts.length) box.append(el("p", { class: "muted", text: "No conflicts between sources." }));
  for (const c of conflicts) {
    const card = el("div", { class: "conflict" },
      el("div", { class: "conflict-head" }, el("span", { class: "badge kind", text: c.kind }),
        c.entity ? entityLink(c.entity) : null, el("span", { class: "quantity", text: ` — ${label(c.quantity)}` })),
      el("div", { class: "note", text: c.note }));
    const sides = el("div", { class: "sides" });
    for (const claim of c.claims) {
      const side = el("div", { class: "side" },
        el("div", { class: "value", text: [claim.approx, claim.value, claim.unit === "date" ? "" : claim.unit].filter(Boolean).join(" ") }),
        claim.attributed_to ? el("span", { class: "badge attributed", text: `according to ${claim.attributed_to}` }) : null);
      for (const ev of claim.evidence) side.append(evidenceQuote(ev));
      sides.append(side);
    }
    card.append(sides);
    box.append(card);
  }
  return conflicts;
}

// ---- wiring ------------------------------------------------------------------------------------

function wire() {
  document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => {
    showTab(b.dataset.tab);
    if (b.dataset.tab === "timeline" && !$("timeline").childElementCount) loadTimeline();
    if (b.dataset.tab === "conflicts") loadConflicts().catch((err) => setStatus(err.message, "error"));
  }));
  const search = $("search");
  attachSuggest(search, $("suggestions"), (kind, item) => {
    if (kind === "entity") openEntity(item.id);
    else openDocument(item.article_id, hitHighlight(item));
  });
  search.addEventListener("linkchart-enter", () => fullSearch(search.value.trim()).catch((err) => setStatus(err.message, "error")));
  $("entity-type").addEventListener("change", () => loadEntityList());
  $("whole-graph").addEventListener("click", () => loadWholeGraph().catch((err) => setStatus(err.message, "error")));
  $("relayout").addEventListener("click", () => runLayout());
  $("fit").addEventListener("click", () => cy.fit(cy.elements().not(".filtered"), 30));
  for (const id of ["graph-from", "graph-to"]) $(id).addEventListener("input", debounce(filtersChanged, 200));
  $("graph-undated").addEventListener("change", filtersChanged);
  $("graph-sources").addEventListener("input", debounce(() => {
    state.minSources = Math.max(1, Number($("graph-sources").value) || 1);
    filtersChanged();
  }, 200));
  $("graph-isolated").addEventListener("change", () => {
    state.showIsolated = $("graph-isolated").checked;
    applyFilters();
    runLayout();
  });
  $("graph-colour").addEventListener("change", () => { state.colourBy = $("graph-colour").value; restyle(); });
  $("graph-size").addEventListener("change", () => { state.sizeBy = $("graph-size").value; restyle(); });
  entityPicker($("path-a"));
  entityPicker($("path-b"));
  $("path-go").addEventListener("click", () => {
    const a = pickedEntity($("path-a"));
    const b = pickedEntity($("path-b"));
    if (!a || !b) { setStatus("choose two entities", "error"); return; }
    findPath(a, b, Number($("path-hops").value) || 4).catch((err) => setStatus(err.message, "error"));
  });
  $("path-clear").addEventListener("click", clearPath);
  $("timeline-go").addEventListener("click", loadTimeline);
  $("timeline-scope").addEventListener("change", loadTimeline);
  $("token-button").addEventListener("click", askToken);
  $("token-dialog").addEventListener("close", () => {
    if ($("token-dialog").returnValue === "ok" && $("token-input").value.trim()) {
      state.token = $("token-input").value.trim();
      sessionStorage.setItem("linkchart-token", state.token);
      $("token-button").classList.add("hidden");
    }
  });
}

async function start() {
  loadToken();
  wire();
  try {
    await Promise.all([loadStats(), loadEntityList(), loadDocumentList()]);
    await loadWholeGraph();
  } catch (err) {
    setStatus(err.message, "error");
  }
  document.body.dataset.ready = "1";
}

window.linkchart = { loadNeighbourhood, loadWholeGraph, openEntity, openProfile, openDocument, showRelation, findPath, loadTimeline, loadConflicts, curate, applyFilters, restyle, state };
start();
