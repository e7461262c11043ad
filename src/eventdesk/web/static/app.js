// eventdesk web page: table, SVG map, SVG timeline and source view over the JSON API.
// Vanilla JS, no libraries. Article text and every value from the API are untrusted: all of
// it enters the page through textContent / createTextNode / setAttribute, never as HTML.
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const LIMIT = 5000;          // events fetched per query
  const MAX_ROWS = 2000;       // table rows drawn
  const MAP_W = 800, MAP_H = 420, TL_W = 800, TL_H = 150;

  // evidence role -> highlight class (and the legend)
  const ROLE_CLASS = {
    trigger: "trigger", actor1: "actor", actor2: "actor", location: "place", date: "date",
    fatalities: "casualties", injuries: "casualties", weapon: "means", damage: "means",
  };
  const CLASS_PRIORITY = ["trigger", "casualties", "actor", "place", "date", "means"];
  const LEGEND = [
    ["trigger", "trigger (what happened)"], ["actor", "actors"], ["place", "place"],
    ["date", "date"], ["casualties", "killed / injured"], ["means", "weapons / damage"],
    ["in-sentence", "the event's sentence"],
  ];
  const TYPE_COLORS = {
    ASSAULT: "#c0392b", COERCE: "#d35400", MOBILIZE: "#e67e22", THREATEN: "#b9770e",
    SANCTION: "#7d3c98", PROTEST: "#af7ac5", ACCUSE: "#a04000", REJECT: "#884ea0",
    REQUEST: "#2e86c1", RETREAT: "#5d6d7e", AID: "#17a589", COOPERATE: "#229954",
    CONCEDE: "#52be80", SUPPORT: "#28b463", CONSULT: "#2874a6", AGREE: "#1e8449",
  };

  const state = { events: [], shown: [], byId: new Map(), selected: null, docs: new Map() };

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

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function status(message) {
    $("#status").textContent = message || "";
  }

  // ---- formatting ---------------------------------------------------------------------------
  function dateWindow(ev) {
    if (!ev.date) return "";
    const a = ev.date.earliest, b = ev.date.latest;
    return a === b ? a : a + " – " + b;
  }

  function actorText(a) {
    if (!a) return "";
    const bits = [a.country, a.sector].filter(Boolean).join(" ");
    return (a.name || "?") + (bits ? " (" + bits + ")" : "");
  }

  function actorsText(ev) {
    const a1 = actorText(ev.actor1), a2 = actorText(ev.actor2);
    if (a1 && a2) return a1 + " → " + a2;
    return a1 || (a2 ? "→ " + a2 : "");
  }

  function placeText(ev) {
    const p = ev.location;
    if (!p) return "";
    return [p.name, p.admin1 && p.admin1 !== p.name ? p.admin1 : null, p.country]
      .filter(Boolean).join(", ");
  }

  function num(v) {
    return v === null || v === undefined ? "" : String(v);
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

  async function load() {
    const params = filterParams();
    for (const a of document.querySelectorAll(".exports a")) {
      const q = params.toString();
      a.setAttribute("href", "/api/export/" + encodeURIComponent(a.dataset.format) + (q ? "?" + q : ""));
    }
    status("Loading…");
    try {
      const q = new URLSearchParams(params);
      q.set("limit", String(LIMIT));
      const [data, stats] = await Promise.all([
        getJSON("/api/events?" + q.toString()),
        getJSON("/api/stats?" + params.toString()),
      ]);
      state.events = data.events;
      state.byId = new Map(state.events.map((e) => [e.id, e]));
      renderSummary(stats, data.count >= LIMIT);
      status("");
      applyText();
      const want = location.hash.startsWith("#event=") ? decodeURIComponent(location.hash.slice(7)) : null;
      if (want && state.byId.has(want) && state.selected !== want) select(want, { scroll: true });
    } catch (err) {
      status("Error: " + err.message);
    }
  }

  function renderSummary(stats, truncated) {
    const parts = [stats.events + " events", stats.documents + " documents",
      stats.fatalities + " killed", stats.injuries + " injured"];
    if (stats.first) parts.push(stats.first + " – " + (stats.last || ""));
    $("#summary").textContent = parts.join(" · ") + (truncated ? " (first " + LIMIT + " shown)" : "");
  }

  async function loadTypes() {
    try {
      const stats = await getJSON("/api/stats");
      const sel = $("#filters").elements.type;
      for (const t of Object.keys(stats.by_type)) {
        sel.appendChild(el("option", { value: t }, t + " (" + stats.by_type[t] + ")"));
      }
    } catch (err) {
      status("Error: " + err.message);
    }
  }

  function matches(ev, words) {
    const hay = [ev.type, ev.mode, ev.trigger && ev.trigger.text, ev.sentence && ev.sentence.text,
      placeText(ev), actorsText(ev), (ev.acled || []).join(" ")].filter(Boolean).join(" ").toLowerCase();
    return words.every((w) => hay.includes(w));
  }

  function applyText() {
    const q = $("#filters").elements.q.value.trim().toLowerCase();
    const words = q ? q.split(/\s+/) : [];
    state.shown = words.length ? state.events.filter((e) => matches(e, words)) : state.events;
    renderTable();
    renderMap();
    renderTimeline();
  }

  // ---- table --------------------------------------------------------------------------------
  function renderTable() {
    const tbody = $("#events tbody");
    clear(tbody);
    const rows = state.shown.slice(0, MAX_ROWS);
    for (const ev of rows) {
      const tr = el("tr", { tabindex: "0", "data-id": ev.id },
        el("td", null, dateWindow(ev)),
        el("td", null, el("span", { class: "type" }, ev.type),
          ev.mode ? el("span", { class: "mode" }, " " + ev.mode) : null),
        el("td", null, placeText(ev)),
        el("td", null, actorsText(ev)),
        el("td", { class: "num" }, num(ev.fatalities)),
        el("td", { class: "num" }, num(ev.injuries)));
      if (ev.id === state.selected) tr.classList.add("selected");
      tr.addEventListener("click", () => select(ev.id));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter") select(ev.id); });
      tbody.appendChild(tr);
    }
    const n = state.shown.length;
    $("#table-count").textContent = "(" + n + (n > MAX_ROWS ? ", first " + MAX_ROWS + " listed" : "") + ")";
  }

  // ---- map: equirectangular projection, graticule, points sized by fatalities ---------------
  function mapExtent(points) {
    if (!points.length) return { west: -180, east: 180, south: -90, north: 90 };
    let west = Math.min(...points.map((p) => p.lon)), east = Math.max(...points.map((p) => p.lon));
    let south = Math.min(...points.map((p) => p.lat)), north = Math.max(...points.map((p) => p.lat));
    const padLon = Math.max(1, (east - west) * 0.1), padLat = Math.max(1, (north - south) * 0.1);
    west -= padLon; east += padLon; south -= padLat; north += padLat;
    // keep degrees square: widen the narrower side to the SVG's aspect ratio
    const aspect = MAP_W / MAP_H;
    const w = east - west, h = north - south;
    if (w / h < aspect) {
      const extra = (h * aspect - w) / 2; west -= extra; east += extra;
    } else {
      const extra = (w / aspect - h) / 2; south -= extra; north += extra;
    }
    return { west, east, south, north };
  }

  function gridStep(span) {
    for (const s of [0.5, 1, 2, 5, 10, 15, 30, 60]) if (span / s <= 10) return s;
    return 90;
  }

  function renderMap() {
    const map = $("#map");
    clear(map);
    const located = state.shown.filter((e) => e.location && e.location.lat !== null && e.location.lon !== null);
    const ext = mapExtent(located.map((e) => ({ lat: e.location.lat, lon: e.location.lon })));
    const x = (lon) => (lon - ext.west) / (ext.east - ext.west) * MAP_W;
    const y = (lat) => (ext.north - lat) / (ext.north - ext.south) * MAP_H;

    const step = gridStep(Math.max(ext.east - ext.west, ext.north - ext.south));
    const grid = svg("g", { class: "graticule-group" });
    for (let lon = Math.ceil(ext.west / step) * step; lon <= ext.east; lon += step) {
      grid.appendChild(svg("line", { class: "graticule", x1: x(lon), x2: x(lon), y1: 0, y2: MAP_H }));
      grid.appendChild(svg("text", { class: "graticule-label", x: x(lon) + 2, y: MAP_H - 4 },
        +lon.toFixed(1) + "°"));
    }
    for (let lat = Math.ceil(ext.south / step) * step; lat <= ext.north; lat += step) {
      grid.appendChild(svg("line", { class: "graticule", x1: 0, x2: MAP_W, y1: y(lat), y2: y(lat) }));
      grid.appendChild(svg("text", { class: "graticule-label", x: 2, y: y(lat) - 2 },
        +lat.toFixed(1) + "°"));
    }
    map.appendChild(grid);

    if (!located.length) {
      map.appendChild(svg("text", { class: "empty-note", x: MAP_W / 2, y: MAP_H / 2, "text-anchor": "middle" },
        state.shown.length ? "No event with coordinates" : "No events"));
      return;
    }
    // big circles first, so small ones stay clickable on top
    const sorted = located.slice().sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    const g = svg("g");
    for (const ev of sorted) {
      const r = Math.min(30, 4 + 2.5 * Math.sqrt(ev.fatalities || 0));
      const c = svg("circle", {
        class: "pt" + (ev.id === state.selected ? " selected" : ""), "data-id": ev.id,
        cx: x(ev.location.lon).toFixed(1), cy: y(ev.location.lat).toFixed(1), r: r.toFixed(1),
        fill: colorOf(ev.type), tabindex: "0",
      });
      c.appendChild(svg("title", null, ev.type + " · " + placeText(ev) + " · " + dateWindow(ev) +
        (ev.fatalities ? " · " + ev.fatalities + " killed" : "")));
      c.addEventListener("click", () => select(ev.id, { scroll: true }));
      c.addEventListener("keydown", (e) => { if (e.key === "Enter") select(ev.id, { scroll: true }); });
      g.appendChild(c);
    }
    map.appendChild(g);
  }

  // ---- timeline: events per day (or per week for long ranges) ------------------------------
  const DAY = 86400000;
  const toMs = (iso) => Date.parse(iso + "T00:00:00Z");
  const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

  function renderTimeline() {
    const tl = $("#timeline");
    clear(tl);
    const dated = state.shown.filter((e) => e.date && e.date.earliest);
    if (!dated.length) {
      $("#timeline-unit").textContent = "";
      tl.appendChild(svg("text", { class: "empty-note", x: TL_W / 2, y: TL_H / 2, "text-anchor": "middle" },
        "No dated events"));
      return;
    }
    const days = dated.map((e) => toMs(e.date.earliest));
    const first = Math.min(...days), last = Math.max(...days);
    const weekly = (last - first) / DAY > 120;
    // weeks start on Monday (1970-01-01 was a Thursday)
    const binOf = (ms) => weekly ? ms - ((Math.floor(ms / DAY) + 3) % 7) * DAY : ms;
    const binLen = weekly ? 7 * DAY : DAY;
    const start = binOf(first), end = binOf(last);
    const n = Math.round((end - start) / binLen) + 1;
    const counts = new Array(n).fill(0);
    for (const d of days) counts[Math.round((binOf(d) - start) / binLen)] += 1;
    const max = Math.max(...counts);
    $("#timeline-unit").textContent = "(events per " + (weekly ? "week" : "day") + "; click a bar to filter)";

    const left = 30, bottom = 20, top = 10;
    const bw = (TL_W - left) / n, hgt = TL_H - bottom - top;
    const sel = state.selected && state.byId.get(state.selected);
    const selBin = sel && sel.date ? Math.round((binOf(toMs(sel.date.earliest)) - start) / binLen) : -1;
    tl.appendChild(svg("line", { class: "axis", x1: left, x2: TL_W, y1: TL_H - bottom, y2: TL_H - bottom }));
    tl.appendChild(svg("text", { class: "axis-label", x: left - 4, y: top + 8, "text-anchor": "end" }, String(max)));
    tl.appendChild(svg("text", { class: "axis-label", x: left - 4, y: TL_H - bottom, "text-anchor": "end" }, "0"));
    for (let i = 0; i < n; i++) {
      if (!counts[i]) continue;
      const h = Math.max(1, counts[i] / max * hgt);
      const from = start + i * binLen, to = from + binLen - DAY;
      const bar = svg("rect", {
        class: "bar" + (i === selBin ? " selected" : ""), x: (left + i * bw + (bw > 3 ? 0.5 : 0)).toFixed(2),
        y: (TL_H - bottom - h).toFixed(1), width: Math.max(0.8, bw - (bw > 3 ? 1 : 0)).toFixed(2),
        height: h.toFixed(1),
      });
      bar.appendChild(svg("title", null, (weekly ? "week of " : "") + toIso(from) + ": " + counts[i] + " events"));
      bar.addEventListener("click", () => {
        const f = $("#filters");
        f.elements.since.value = toIso(from);
        f.elements.until.value = toIso(to);
        load();
      });
      tl.appendChild(bar);
    }
    const ticks = Math.min(n, 6);
    for (let k = 0; k < ticks; k++) {
      const i = ticks === 1 ? 0 : Math.round(k * (n - 1) / (ticks - 1));
      tl.appendChild(svg("text", {
        class: "axis-label", x: (left + (i + 0.5) * bw).toFixed(1), y: TL_H - 5,
        "text-anchor": k === 0 ? "start" : k === ticks - 1 ? "end" : "middle",
      }, toIso(start + i * binLen)));
    }
  }

  // ---- selection and the source view -------------------------------------------------------
  async function select(id, opts) {
    state.selected = id;
    history.replaceState(null, "", "#event=" + encodeURIComponent(id));
    for (const node of document.querySelectorAll("tr.selected, circle.selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll("[data-id]")) {
      if (node.getAttribute("data-id") === id) {
        node.classList.add("selected");
        if (node.tagName === "TR" && opts && opts.scroll) node.scrollIntoView({ block: "nearest" });
      }
    }
    renderTimeline();
    const ev = state.byId.get(id);
    if (!ev) return;
    try {
      let doc = state.docs.get(ev.doc_id);
      if (!doc) {
        doc = await getJSON("/api/documents/" + encodeURIComponent(ev.doc_id));
        state.docs.set(ev.doc_id, doc);
      }
      if (state.selected === id) renderSource(doc, ev);
    } catch (err) {
      status("Error: " + err.message);
    }
  }

  function renderLegend() {
    const ul = $("#legend");
    clear(ul);
    for (const [cls, label] of LEGEND) {
      const sw = el("span", { class: "swatch " + (cls === "in-sentence" ? cls : "ev-" + cls) });
      ul.appendChild(el("li", null, sw, label));
    }
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

  function renderSource(doc, ev) {
    const meta = $("#doc-meta");
    clear(meta);
    meta.appendChild(el("h3", null, doc.title || "(untitled document)"));
    const line = [doc.published ? "published " + doc.published : "no publication date",
      doc.source || null, "document " + (doc.id || "(not stored)")].filter(Boolean).join(" · ");
    meta.appendChild(el("p", null, line));
    const href = safeUrl(doc.url);
    if (href) meta.appendChild(el("p", null, el("a", { href: href, rel: "noopener noreferrer", target: "_blank" }, href)));
    else if (doc.url) meta.appendChild(el("p", null, doc.url));

    // the document's events: switch between them
    const list = $("#doc-events");
    clear(list);
    if ((doc.events || []).length > 1) {
      list.appendChild(el("span", { class: "hint" }, "Events in this document: "));
      for (const other of doc.events) {
        const b = el("button", { type: "button", class: other.id === ev.id ? "selected" : null },
          other.type + ": " + (other.trigger ? other.trigger.text : ""));
        b.addEventListener("click", () => {
          if (state.byId.has(other.id)) select(other.id, { scroll: true });
          else renderSource(doc, other);
        });
        list.appendChild(b);
      }
    }
    renderDetail(ev);
    renderText(doc.text || "", ev);
    if (window.eventdeskFlags && doc.id) window.eventdeskFlags.show(doc.id, ev.id);  // flags.js
  }

  function renderDetail(ev) {
    const dl = $("#event-detail");
    clear(dl);
    const add = (k, v) => { if (v !== "" && v !== null && v !== undefined) dl.append(el("dt", null, k), el("dd", null, String(v))); };
    add("type", ev.type + (ev.mode ? " (" + ev.mode + ")" : "") + (ev.acled ? " · ACLED: " + ev.acled.filter(Boolean).join(" / ") : ""));
    add("when", dateWindow(ev) + (ev.date && ev.date.rule ? " [" + ev.date.rule + "]" : ""));
    const p = ev.location;
    add("where", p ? placeText(ev) + " · " + p.precision + (p.lat !== null ? " · " + p.lat + ", " + p.lon : "") : "");
    add("actor 1", actorText(ev.actor1));
    add("actor 2", actorText(ev.actor2));
    add("killed", num(ev.fatalities));
    add("injured", num(ev.injuries));
    add("victims", (ev.victims || []).map((v) => v.outcome + ": " + (v.count ?? "?") + " " + v.kind + (v.age !== null && v.age !== undefined ? " aged " + v.age : "")).join("; "));
    add("weapons", (ev.weapons || []).map((w) => (w.count ? w.count + " × " : "") + w.kind).join("; "));
    add("damage", (ev.damage || []).map((d) => (d.count ? d.count + " × " : "") + d.object).join("; "));
    add("quotes", (ev.quotes || []).map((q) => (q.speaker ? q.speaker + ": " : "") + "“" + q.text + "”").join(" "));
    add("confidence", ev.confidence);
  }

  // Highlights by evidence span. Offsets from the API count Unicode code points (Python str),
  // so the text is cut as an array of code points, not UTF-16 units.
  function renderText(text, ev) {
    const box = $("#doc-text");
    clear(box);
    const cps = Array.from(text);
    const marks = [];
    for (const e of ev.evidence || []) {
      const cls = ROLE_CLASS[e.role];
      if (cls && e.end > e.start) marks.push({ start: e.start, end: e.end, cls: cls, role: e.role });
    }
    if (ev.trigger && !marks.some((m) => m.role === "trigger")) {
      marks.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "trigger", role: "trigger" });
    }
    const sent = ev.sentence || null;
    const cuts = new Set([0, cps.length]);
    for (const m of marks) { cuts.add(Math.max(0, Math.min(cps.length, m.start))); cuts.add(Math.max(0, Math.min(cps.length, m.end))); }
    if (sent) { cuts.add(Math.max(0, Math.min(cps.length, sent.start))); cuts.add(Math.max(0, Math.min(cps.length, sent.end))); }
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
      const doc = { id: null, title: "Pasted text (not stored)", published: res.published, text: body.text, events: res.events };
      state.selected = null;
      if (res.events.length) renderSource(doc, res.events[0]);
      else { clear($("#doc-events")); clear($("#event-detail")); renderText(body.text, { evidence: [] }); }
    } catch (err) {
      status("Error: " + err.message);
    }
  }

  // ---- wiring -------------------------------------------------------------------------------
  function init() {
    renderLegend();
    const f = $("#filters");
    f.addEventListener("submit", (e) => { e.preventDefault(); load(); });
    f.addEventListener("reset", () => setTimeout(load, 0));
    f.elements.q.addEventListener("input", applyText);
    $("#extract-form").addEventListener("submit", extractText);
    loadTypes();
    load();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
