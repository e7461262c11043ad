"""The report's charts and map, drawn with matplotlib (Figure API: no global pyplot state).

Each chart function returns a :class:`matplotlib.figure.Figure`; :func:`svg` and :func:`png`
render one to inline SVG text or PNG bytes. The map draws Natural Earth country outlines
(``data/report/countries-110m.json``, TopoJSON from the npm package ``world-atlas``, public
domain) under the events' points; nothing is fetched at run time.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from eventdesk.records import MergedEvent
from eventdesk.report.data import Row, pair_counts

TYPE_COLORS = {
    "ASSAULT": "#c0392b", "COERCE": "#8e44ad", "PROTEST": "#e67e22", "MOBILIZE": "#7f8c8d",
    "THREATEN": "#d35400", "REJECT": "#2c3e50", "ACCUSE": "#16a085", "SANCTION": "#34495e",
    "REQUEST": "#2980b9", "CONSULT": "#27ae60", "AGREE": "#2ecc71", "CONCEDE": "#1abc9c",
    "SUPPORT": "#3498db", "COOPERATE": "#9b59b6", "AID": "#f1c40f", "RETREAT": "#95a5a6",
}
WIDTH = 8.0  # inches


def _figure(height: float) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, height), dpi=100, layout="constrained")
    return fig



def _empty(fig: Any, ax: Any, message: str) -> Any:
    """A chart with nothing to show says so in its middle."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig

def svg(fig: Any, *, salt: str) -> str:
    """Inline SVG text (no XML prolog, no external reference); ``salt`` keeps element ids
    unique between the charts of one page."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": salt, "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = re.sub(r"^<\?xml[^>]*>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    return text


def png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def _bin(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: date, unit: str) -> date:
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=1)


def events_per_day(merged: Sequence[MergedEvent]) -> Any:
    """Stacked bars: merged events per day (their most likely day), by PLOVER type; per week
    or month when the events span more than three months or two years."""
    dated = [m for m in merged if m.event.date is not None]
    fig = _figure(3.2)
    ax = fig.add_subplot()
    if not dated:
        ax.set_title("Events per day by type")
        return _empty(fig, ax, "no dated events")
    first = min(m.event.date.day for m in dated)
    last = max(m.event.date.day for m in dated)
    unit = "day" if (last - first).days <= 92 else "week" if (last - first).days <= 730 else "month"
    bins: dict[date, Counter[str]] = defaultdict(Counter)
    for m in dated:
        bins[_bin(m.event.date.day, unit)][m.event.type] += 1
    span, d = [], _bin(first, unit)
    while d <= last:
        span.append(d)
        d = _next(d, unit)
    types = sorted({t for c in bins.values() for t in c},
                   key=lambda t: -sum(c[t] for c in bins.values()))
    width = {"day": 0.8, "week": 5.5, "month": 24}[unit]
    bottom = [0] * len(span)
    for t in types:
        values = [bins.get(x, Counter())[t] for x in span]
        ax.bar(span, values, bottom=bottom, color=TYPE_COLORS.get(t, "#999999"), label=t,
               width=width, align="edge" if unit != "day" else "center")
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylabel("merged events")
    ax.set_title(f"Events per {unit} by type")
    ax.legend(fontsize=7, ncols=min(4, len(types)), loc="upper left", frameon=False)
    fig.autofmt_xdate()
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def casualties_by_region(rows: Sequence[Row], limit: int = 12) -> Any:
    rows = [r for r in rows if r.killed.value or r.injured.value][:limit]
    fig = _figure(0.6 + 0.32 * max(len(rows), 2))
    ax = fig.add_subplot()
    ax.set_title("Killed and injured by region")
    if not rows:
        return _empty(fig, ax, "no casualties reported")
    labels = [r.key for r in rows][::-1]
    k = [r.killed.value for r in rows][::-1]
    i = [r.injured.value for r in rows][::-1]
    y = range(len(rows))
    ax.barh([v + 0.2 for v in y], k, height=0.4, color="#c0392b", label="killed")
    ax.barh([v - 0.2 for v in y], i, height=0.4, color="#e6a23c", label="injured")
    for yy, r in zip(y, rows[::-1]):  # ranges where sources differ
        if r.killed.low != r.killed.high:
            ax.plot([r.killed.low, r.killed.high], [yy + 0.2] * 2, color="black", lw=1)
        if r.injured.low != r.injured.high:
            ax.plot([r.injured.low, r.injured.high], [yy - 0.2] * 2, color="black", lw=1)
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def diplomacy_pairs(merged: Sequence[MergedEvent]) -> Any:
    pairs = pair_counts(merged)
    fig = _figure(0.6 + 0.32 * max(len(pairs), 2))
    ax = fig.add_subplot()
    ax.set_title("Diplomacy by actor pair (who → whom)")
    if not pairs:
        return _empty(fig, ax, "no diplomatic events")
    labels = [p for p, _ in pairs][::-1]
    ax.barh(range(len(pairs)), [n for _, n in pairs][::-1], color="#2980b9")
    ax.set_yticks(range(len(pairs)), labels, fontsize=8)
    ax.set_xlabel("merged events")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


@lru_cache(maxsize=1)
def _outlines() -> list[list[tuple[float, float]]]:
    """Country outline rings (lon, lat) decoded from the vendored TopoJSON."""
    raw = resources.files("eventdesk").joinpath("data/report/countries-110m.json").read_text()
    topo = json.loads(raw)
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    rings = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            rings += [ring(r) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            rings += [ring(r) for poly in geom["arcs"] for r in poly]
    out = []
    for r in rings:  # cut where a ring jumps across the antimeridian
        part = [r[0]]
        for a, b in zip(r, r[1:]):
            if abs(b[0] - a[0]) > 180:
                out.append(part)
                part = []
            part.append(b)
        out.append(part)
    return [p for p in out if len(p) > 1]


def event_map(merged: Sequence[MergedEvent]) -> Any:
    """Events as points over country outlines: colour by type, size by killed."""
    from matplotlib.collections import LineCollection

    pts = [(m.event.location.lon, m.event.location.lat, m) for m in merged
           if m.event.location is not None and m.event.location.lat is not None
           and m.event.location.lon is not None]
    fig = _figure(4.6)
    ax = fig.add_subplot()
    ax.set_title("Where (colour: type · size: killed)")
    if pts:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        w, e, s, n = min(xs), max(xs), min(ys), max(ys)
        pad = max(2.0, 0.15 * max(e - w, n - s))
        w, e, s, n = w - pad, e + pad, s - pad, n + pad
        if (e - w) < 1.6 * (n - s):  # keep a landscape frame
            mid, half = (w + e) / 2, 0.8 * (n - s)
            w, e = mid - half, mid + half
    else:
        w, e, s, n = -180, 180, -60, 85
    near = [r for r in _outlines()  # only the outlines in view: a small file
            if any(w - 5 <= x <= e + 5 and s - 5 <= y <= n + 5 for x, y in r)]
    ax.add_collection(LineCollection(near, colors="#8a8a8a", linewidths=0.6))
    ax.set_facecolor("#eef3f7")
    if pts:
        for t in sorted({p[2].event.type for p in pts}):
            sel = [p for p in pts if p[2].event.type == t]
            ax.scatter([p[0] for p in sel], [p[1] for p in sel],
                       s=[18 + 12 * min(p[2].fatalities or 0, 40) for p in sel],
                       c=TYPE_COLORS.get(t, "#999999"), alpha=0.75, edgecolors="white",
                       linewidths=0.5, label=t, zorder=3)
        from matplotlib.lines import Line2D

        kinds = sorted({p[2].event.type for p in pts})
        handles = [Line2D([], [], marker="o", linestyle="", markersize=6,
                          color=TYPE_COLORS.get(t, "#999999"), label=t) for t in kinds]
        ax.legend(handles=handles, fontsize=7, loc="lower left", frameon=True,
                  ncols=2 if len(kinds) > 6 else 1)
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(1.3)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.tick_params(labelsize=7)
    return fig


def all_charts(report: Any) -> list[tuple[str, str, Any]]:
    """(key, title, figure) of every chart of a report, in page order."""
    return [
        ("map", "Map", event_map(report.merged)),
        ("events-per-day", "Events over time by type", events_per_day(report.merged)),
        ("casualties-by-region", "Casualties by region", casualties_by_region(report.by_region)),
        ("diplomacy-pairs", "Diplomacy by actor pair", diplomacy_pairs(report.merged)),
    ]
