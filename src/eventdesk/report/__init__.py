"""Situation reports: what happened, how sure we are, and where the texts contradict
themselves (``eventdesk report``).

    from eventdesk import Desk
    from eventdesk.report import build_report, write_report

    with Desk("events.duckdb", read_only=True) as desk:
        report = build_report(desk, since="2025-05-01", country="UKR")
    write_report(report, "report.html")          # html | md | pdf (from the suffix, or format=)

A report has headline figures (merged events, killed and injured, by region and by type,
with ranges where sources differ), a map and charts (events per day by type, casualties by
region, diplomacy by actor pair), the top incidents with their sources and evidence quotes, a
diplomacy digest, and the flags. It imports only the Python API and the records.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.errors import InputError
from eventdesk.report.data import Filter, Report, build, parse_filter

__all__ = ["FORMATS", "Filter", "Report", "build_report", "write_report"]

FORMATS = ("html", "md", "pdf")


def build_report(desk: Any, *, since: str | date | None = None, until: str | date | None = None,
                 country: str | None = None, region: str | None = None,
                 progress: bool = False, today: date | None = None) -> Report:
    """The report of the merged events of ``desk`` (an :class:`eventdesk.Desk`) that match the
    filters: their date window overlaps ``since``..``until``, their place (else an actor) is in
    ``country`` (ISO3), their first-level region or place is ``region``."""
    flt = parse_filter(since=since, until=until, country=country, region=region)
    return build(desk, flt, progress=progress, today=today)


def write_report(report: Report, out: str | os.PathLike[str], *, format: str | None = None
                 ) -> Path:
    """Write ``report`` to ``out`` as ``format`` (html, md or pdf; default: from the suffix)."""
    path = Path(out)
    fmt = (format or path.suffix.lstrip(".").lower() or "html")
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise InputError(str(out), f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    if path.is_dir():
        raise InputError(str(out), "is a directory; give a file name")
    if not path.parent.exists():
        raise InputError(str(out), f"no such directory: {path.parent}")
    if fmt == "html":
        from eventdesk.report.html import render

        path.write_text(render(report), encoding="utf-8")
    elif fmt == "md":
        from eventdesk.report.text import render as render_md

        path.write_text(render_md(report, path), encoding="utf-8")
    else:
        from eventdesk.report.pdf import write

        write(report, path)
    return path
