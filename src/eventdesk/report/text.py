"""The report as Markdown, for pasting: tables and lists; the charts are PNG files written
beside it (``<name>_files/``) and referenced by relative links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventdesk.report.charts import all_charts, png
from eventdesk.report.data import Report, top_rows
from eventdesk.report.html import _actor, _fig, _place, _when


def _md(text: Any) -> str:
    """Text safe inside a Markdown table cell or list item."""
    s = "" if text is None else str(text)
    for ch in "\\`*_[]<>|#":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def _table(rows: list[Any], first: str) -> list[str]:
    out = [f"| {first} | events | killed | injured |", "|---|---:|---:|---:|"]
    out += [f"| {_md(r.key)} | {r.events} | {_md(r.killed.text())} | {_md(r.injured.text())} |"
            for r in rows]
    return out


def render(report: Report, out: Path | None = None) -> str:
    """Markdown text; with ``out`` (the .md path) the charts are written beside it."""
    r = report
    lines = ["# Situation report", "",
             f"{_md(r.filter.describe())} · events dated {r.first or '–'} to {r.last or '–'} · "
             f"{r.documents} source documents · generated {r.generated.isoformat()} by eventdesk",
             "", "## Headline figures", "",
             f"- **{r.events}** merged events",
             f"- **{_md(r.killed.text())}** killed", f"- **{_md(r.injured.text())}** injured",
             "", "Figures are the latest report's for each merged event; a range (low–high) "
             "shows where sources differ.", "", "### By region", ""]
    lines += _table(top_rows(r.by_region, "other regions"), "region") + ["", "### By type", ""]
    lines += _table(r.by_type, "PLOVER type") + [""]
    if out is not None:
        folder = out.with_name(out.stem + "_files")
        folder.mkdir(parents=True, exist_ok=True)
        lines += ["## Map and charts", ""]
        for key, title, fig in all_charts(r):
            (folder / f"{key}.png").write_bytes(png(fig))
            lines += [f"![{title}]({folder.name}/{key}.png)", ""]
    lines += ["## Top incidents", ""]
    for n, inc in enumerate(r.incidents, 1):
        m = inc.merged
        lines.append(f"{n}. **{m.event.type}**, {_md(_place(m))}, {_md(_when(m))}: killed "
                     f"{_fig(m.fatalities, m.fatalities_range)}, injured "
                     f"{_fig(m.injuries, m.injuries_range)}")
        for s in inc.sources:
            who = ", ".join(x for x in (s.outlet, s.published.isoformat() if s.published
                                        else None) if x) or s.doc_id
            lines.append(f"   - {_md(s.title or s.doc_id)} ({_md(who)}"
                         + (f", {_md(s.url)}" if s.url else "") + f"): > {_md(s.quote)}")
        for f in inc.flags:
            lines.append(f"   - flag **{f.flag}**: {_md(f.explanation)}")
    if not r.incidents:
        lines.append("No violent incidents in this selection.")
    lines += ["", "## Diplomacy digest", ""]
    for heading, items in r.digest:
        lines += [f"### {heading}", ""]
        for it in items:
            m = it.merged
            lines.append(f"- **{_md(_when(m))}** {_md(_actor(m.event.actor1))} → "
                         f"{_md(_actor(m.event.actor2))}: “{_md(it.quote)}”")
        lines.append("")
    if not r.digest:
        lines += ["No diplomatic events in this selection.", ""]
    lines += ["## Flags", ""]
    counts = r.flag_counts
    if counts:
        lines += ["Event flags: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), ""]
    for doc_id, title, flags in r.doc_flags:
        lines.append(f"- {_md(title)} ({doc_id})")
        lines += [f"  - **{f.flag}**: {_md(f.explanation)}" for f in flags]
    if not counts and not r.doc_flags:
        lines.append("No flags.")
    lines += ["", "Places from GeoNames (CC BY 4.0); map outlines from Natural Earth (public "
              "domain) via world-atlas.", ""]
    return "\n".join(lines)
