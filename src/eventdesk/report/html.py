"""The report as one self-contained HTML file: inline CSS, charts and map as inline SVG, no
script, no request to the network (links to the sources are plain anchors). Every text that
comes from an article or a document's metadata is escaped."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlparse

from eventdesk.report.charts import all_charts, svg
from eventdesk.report.data import Report, top_rows

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2329;
       max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid #d5dbe0;
       padding-bottom: .2rem; margin-top: 2rem; } .muted { color: #5b6670; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
.card { border: 1px solid #d5dbe0; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.card b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border-bottom: 1px solid #e4e8eb; padding: .25rem .4rem; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #d5dbe0;
       color: #333d45; }
.flag { color: #a23b00; font-weight: 600; } li { margin: .2rem 0; }
.incident { margin: 1rem 0 1.4rem; }
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _link(url: str | None, text: str) -> str:
    if url and urlparse(url).scheme in ("http", "https"):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(text)}</a>'
    return _e(text)


def _rows(rows: list[Any], first: str) -> str:
    out = [f"<table><thead><tr><th>{_e(first)}</th><th class=num>events</th>"
           "<th class=num>killed</th><th class=num>injured</th></tr></thead><tbody>"]
    for r in rows:
        out.append(f"<tr><td>{_e(r.key)}</td><td class=num>{r.events}</td>"
                   f"<td class=num>{_e(r.killed.text())}</td>"
                   f"<td class=num>{_e(r.injured.text())}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _flags(flags: Any) -> str:
    if not flags:
        return ""
    items = "".join(f"<li><span class=flag>{_e(f.flag)}</span>: {_e(f.explanation)}</li>"
                    for f in flags)
    return f"<ul>{items}</ul>"


def _when(m: Any) -> str:
    d = m.event.date
    if d is None:
        return "date unknown"
    if d.earliest == d.latest:
        return d.earliest.isoformat()
    return f"{d.day.isoformat()} ({d.earliest.isoformat()}–{d.latest.isoformat()})"


def _place(m: Any) -> str:
    loc = m.event.location
    if loc is None:
        return "place unknown"
    return ", ".join(x for x in (loc.name, loc.admin1 if loc.admin1 != loc.name else None,
                                 loc.country) if x)


def render(report: Report) -> str:
    r = report
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width, initial-scale=1'>",
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>Situation report: {_e(r.filter.describe())}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Situation report</h1>",
        f"<p class=muted>{_e(r.filter.describe())} · events dated {_e(r.first or '–')} to "
        f"{_e(r.last or '–')} · {r.documents} source documents · generated "
        f"{_e(r.generated.isoformat())} by eventdesk</p>",
        "<section id=headline><h2>Headline figures</h2><div class=cards>",
        f"<div class=card><b id=total-events>{r.events}</b>merged events</div>",
        f"<div class=card><b id=total-killed>{_e(r.killed.text())}</b>killed</div>",
        f"<div class=card><b id=total-injured>{_e(r.injured.text())}</b>injured</div>",
        f"<div class=card><b>{sum(r.flag_counts.values())}</b>event flags</div></div>",
        "<p class=muted>Figures are the latest report's for each merged event; a range "
        "(low–high) shows where sources differ.</p></section>",
    ]
    parts.append("<section id=charts><h2>Map and charts</h2>")
    for key, title, fig in all_charts(r):
        parts.append(f"<figure id=chart-{key} aria-label='{_e(title)}'>"
                     f"{svg(fig, salt=key)}<figcaption class=muted>{_e(title)}</figcaption>"
                     "</figure>")
    parts.append("</section><section id=tables><h2>By region and type</h2>")
    parts += ["<h3>By region</h3>", _rows(top_rows(r.by_region, "other regions"), "region"),
              "<h3>By type</h3>", _rows(r.by_type, "PLOVER type"), "</section>"]
    parts.append("<section id=incidents><h2>Top incidents</h2>")
    if not r.incidents:
        parts.append("<p class=muted>No violent incidents in this selection.</p>")
    for n, inc in enumerate(r.incidents, 1):
        m = inc.merged
        parts.append(f"<div class=incident><h3>{n}. {_e(m.event.type)} · {_e(_place(m))} · "
                     f"{_e(_when(m))}</h3><p>killed {_e(_fig(m.fatalities, m.fatalities_range))}"
                     f", injured {_e(_fig(m.injuries, m.injuries_range))} · "
                     f"{len(inc.sources)} source(s)</p>")
        for s in inc.sources:
            who = ", ".join(x for x in (s.outlet, s.published.isoformat() if s.published
                                        else None) if x) or s.doc_id
            title = s.title or s.doc_id
            parts.append(f"<p class=muted>{_link(s.url, title)} ({_e(who)}): killed "
                         f"{_e('?' if s.fatalities is None else s.fatalities)}, injured "
                         f"{_e('?' if s.injuries is None else s.injuries)}</p>"
                         f"<blockquote>{_e(s.quote)}</blockquote>")
        parts.append(_flags(inc.flags) + "</div>")
    parts.append("</section><section id=digest><h2>Diplomacy digest</h2>")
    if not r.digest:
        parts.append("<p class=muted>No diplomatic events in this selection.</p>")
    for heading, items in r.digest:
        parts.append(f"<h3>{_e(heading)}</h3><ul>")
        for it in items:
            m = it.merged
            who = f"{_actor(m.event.actor1)} → {_actor(m.event.actor2)}"
            parts.append(f"<li><b>{_e(_when(m))}</b> {_e(who)}: <q>{_e(it.quote)}</q></li>")
        parts.append("</ul>")
    parts.append("</section><section id=flags><h2>Flags</h2>")
    counts = r.flag_counts
    if counts:
        parts.append("<p>Event flags: " + ", ".join(
            f"<span class=flag>{_e(k)}</span> {v}" for k, v in sorted(counts.items())) + "</p>")
    if r.doc_flags:
        parts.append("<h3>Reports with flags</h3><ul>")
        for doc_id, title, flags in r.doc_flags:
            parts.append(f"<li>{_e(title)} <span class=muted>({_e(doc_id)})</span>"
                         f"{_flags(flags)}</li>")
        parts.append("</ul>")
    if not counts and not r.doc_flags:
        parts.append("<p class=muted>No flags.</p>")
    parts.append("</section><footer class=muted><p>Places from GeoNames (CC BY 4.0); map "
                 "outlines from Natural Earth (public domain) via world-atlas.</p></footer>"
                 "</body></html>")
    return "\n".join(parts)


def _fig(value: int | None, rng: tuple[int, int] | None) -> str:
    if value is None:
        return "?"
    if rng and rng[0] != rng[1]:
        return f"{value} ({rng[0]}–{rng[1]})"
    return str(value)


def _actor(a: Any) -> str:
    if a is None:
        return "?"
    name = a.name or a.country or "?"
    return f"{name} ({a.country})" if a.country and a.country not in name else name
