"""`eventdesk report`: a situation report of an event store (HTML, Markdown or PDF).

A thin layer over :mod:`eventdesk.report` (which uses the Python API only).
"""

from __future__ import annotations

import argparse
import os
import sys

from eventdesk.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report", help="write a situation report (HTML, Markdown or PDF)",
        description="Write a situation report of the merged events of an event store: "
        "headline figures (merged events, killed, injured, by region and type, with ranges "
        "where sources differ), a map, charts (events per day by type, casualties by region, "
        "diplomacy by actor pair), the top incidents with their sources and evidence quotes, "
        "a diplomacy digest and the trust flags. HTML is one self-contained file (no network "
        "request); Markdown writes its charts as PNG files beside it (OUT_files/); PDF uses "
        "matplotlib's PDF backend.",
    )
    p.add_argument("out", metavar="OUT", help="the file to write")
    p.add_argument("--db", metavar="PATH", required=True, help="the event store")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="events whose date window ends on or "
                   "after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="events whose date window starts on "
                   "or before this day")
    p.add_argument("--country", metavar="ISO3", help="events placed in this country (else an "
                   "actor's country)")
    p.add_argument("--region", metavar="NAME", help="events in this first-level region "
                   "(oblast, state, province) or place")
    p.add_argument("--format", choices=("html", "md", "pdf"), help="default: from OUT's "
                   "suffix, else html")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventdesk.desk import Desk
    from eventdesk.report import build_report, write_report

    if not os.path.exists(args.db):
        raise InputError(args.db, "no such event store")
    progress = not args.quiet and sys.stderr.isatty()
    with Desk(args.db, read_only=True) as desk:
        report = build_report(desk, since=args.since, until=args.until, country=args.country,
                              region=args.region, progress=progress)
    path = write_report(report, args.out, format=args.format)
    print(f"report: {report.events} merged events, {report.killed.text()} killed, "
          f"{report.injured.text()} injured -> {path}", file=sys.stderr)
    return 0
