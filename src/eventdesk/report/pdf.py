"""The report as PDF through matplotlib's PDF backend: text pages (headline figures, top
incidents, diplomacy digest, flags) and one page per chart. Fonts are matplotlib's own
(DejaVu Sans), embedded; nothing else is needed on the machine."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from eventdesk.report.charts import all_charts
from eventdesk.report.data import Report
from eventdesk.report.html import _actor, _fig, _place, _when

PAGE = (8.27, 11.69)  # A4, inches
LINES = 62
WRAP = 98


def _lines(report: Report) -> list[tuple[str, str]]:
    """(style, text) lines of the text pages; style: h1, h2, b, t (plain), q (quote)."""
    r = report
    out: list[tuple[str, str]] = [
        ("h1", "Situation report"),
        ("t", f"{r.filter.describe()} · events dated {r.first or '–'} to {r.last or '–'} · "
              f"{r.documents} source documents · generated {r.generated.isoformat()}"),
        ("h2", "Headline figures"),
        ("b", f"{r.events} merged events · {r.killed.text()} killed · {r.injured.text()} injured"),
        ("t", "Figures are the latest report's for each merged event; a range (low–high) shows "
              "where sources differ."),
        ("h2", "By region (events, killed, injured)")]
    out += [("t", f"{x.key}: {x.events}, {x.killed.text()}, {x.injured.text()}")
            for x in r.by_region]
    out.append(("h2", "By type (events, killed, injured)"))
    out += [("t", f"{x.key}: {x.events}, {x.killed.text()}, {x.injured.text()}") for x in r.by_type]
    out.append(("h2", "Top incidents"))
    for n, inc in enumerate(r.incidents, 1):
        m = inc.merged
        out.append(("b", f"{n}. {m.event.type}, {_place(m)}, {_when(m)}: killed "
                         f"{_fig(m.fatalities, m.fatalities_range)}, injured "
                         f"{_fig(m.injuries, m.injuries_range)}"))
        for s in inc.sources:
            who = ", ".join(x for x in (s.outlet, s.published.isoformat() if s.published
                                        else None) if x) or s.doc_id
            out.append(("t", f"{s.title or s.doc_id} ({who})"))
            out.append(("q", f"“{s.quote}”"))
        out += [("t", f"flag {f.flag}: {f.explanation}") for f in inc.flags]
    out.append(("h2", "Diplomacy digest"))
    for heading, items in r.digest:
        out.append(("b", heading))
        for it in items:
            m = it.merged
            out.append(("t", f"{_when(m)} {_actor(m.event.actor1)} → {_actor(m.event.actor2)}: "
                             f"“{it.quote}”"))
    out.append(("h2", "Flags"))
    counts = r.flag_counts
    if counts:
        out.append(("t", "Event flags: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))))
    for doc_id, title, flags in r.doc_flags:
        out.append(("b", f"{title} ({doc_id})"))
        out += [("t", f"{f.flag}: {f.explanation}") for f in flags]
    return out


def _wrapped(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for style, text in lines:
        width = WRAP if style != "h1" else 60
        pieces = textwrap.wrap(text, width=width) or [""]
        out += [(style, p) for p in pieces]
        if style in ("h1", "h2"):
            out.append(("t", ""))
    return out


def write(report: Report, out: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    sizes = {"h1": 16, "h2": 12, "b": 9, "t": 8.5, "q": 8.5}
    lines = _wrapped(_lines(report))
    with PdfPages(out, metadata={"Title": "Situation report", "Creator": "eventdesk"}) as pdf:
        charts = all_charts(report)
        pages = [lines[i:i + LINES] for i in range(0, len(lines), LINES)] or [[]]
        for n, page in enumerate(pages):
            fig = Figure(figsize=PAGE)
            y = 0.95
            for style, text in page:
                fig.text(0.07, y, text, fontsize=sizes[style], va="top",
                         weight="bold" if style in ("h1", "h2", "b") else "normal",
                         style="italic" if style == "q" else "normal")
                y -= 0.0145 * (1.6 if style in ("h1", "h2") else 1.0)
            pdf.savefig(fig)
            if n == 0:  # charts after the headline page
                for _, _, chart in charts:
                    pdf.savefig(chart)
