"""Corpus commands: ``ingest``, ``events``, ``merge``, ``export`` (thin faces of ``Desk``).

Exit codes: 0 all fine; 1 some items failed (each named on stderr, one line each); 2 usage
or fatal input errors (and the first bad item under ``--strict``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from typing import Any

from eventdesk.desk import Desk, parse_numbers
from eventdesk.errors import InputError, StoreError

TABLE_COLUMNS = ("date_earliest", "type", "location_name", "location_country", "actor1_country",
                 "actor2_country", "fatalities", "injuries", "id", "doc_id")
MERGED_HEADERS = ("date", "window", "type", "place", "country", "actor1", "actor2", "killed",
                  "injured", "sources", "event")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest", help="read sources, code their events, store them",
        description="Read documents from text/HTML/JSONL/CSV files, RSS/Atom feeds, URLs, "
        "directories, globs or - (stdin); code their events; store both in a DuckDB file. "
        "Documents already stored (same content) are skipped.")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    _db(p)
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="code in N local processes (default 1)")
    p.add_argument("--dask", metavar="ADDR|local",
                   help="code on a Dask cluster: scheduler address or 'local'")
    p.add_argument("--strict", action="store_true", help="stop at the first bad item (exit 2)")
    p.add_argument("--texts", metavar="DIR",
                   help="JSONL/CSV records with an id and no text read DIR/<id>.txt")
    p.add_argument("--published-default", metavar="DATE",
                   help="publication date for documents that carry none (YYYY-MM-DD)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="documents per coding batch and per transaction (default 32)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress, no warnings")
    p.add_argument("--server", metavar="URL",
                   help="send the documents to a running `eventdesk serve` at URL instead of "
                   "opening --db (token: $EVENTDESK_TOKEN or --token-file)")
    p.add_argument("--token-file", metavar="PATH", help="file holding the server's token")
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser(
        "watch", help="poll feeds into the store, round after round",
        description="Read the feeds (RSS/Atom URLs or files, or any ingest source) now and "
        "then every --every, and store the new items (an item whose text or URL is stored "
        "already is skipped). A feed that fails is logged and read again next round. To "
        "watch feeds while serving the page, use `eventdesk serve --watch` instead (one "
        "process holds the store).")
    p.add_argument("feeds", nargs="+", metavar="FEED")
    _db(p)
    p.add_argument("--every", default="10m", metavar="INTERVAL",
                   help="time between rounds: 90s, 10m, 1h (default 10m)")
    p.add_argument("--rounds", type=int, metavar="N", help="stop after N rounds (default: never)")
    p.add_argument("--quiet", "-q", action="store_true", help="print failed items only")
    p.set_defaults(func=cmd_watch)

    p = subparsers.add_parser(
        "events", help="query stored events (one per real-world event)",
        description="List stored events matching all filters given: one row per real-world "
        "event, merged across the documents that reported it (killed/injured: the latest "
        "report's figure, with the range across sources when they differ). --reports lists "
        "the raw reports instead.")
    _db(p)
    _filters(p)
    p.add_argument("--reports", action="store_true",
                   help="one row per report (document) instead of per real-world event")
    p.add_argument("--format", choices=("table", "csv", "jsonl", "geojson"), default="table")
    p.set_defaults(func=cmd_events)

    p = subparsers.add_parser(
        "merge", help="re-cluster reports of one event across documents, from scratch",
        description="Ingest already places each new report in its real-world event; this "
        "re-clusters every stored report from scratch, in ingest order (the same clusters "
        "ingest made, or new ones after an upgrade of the merge rules), keeping each source's "
        "figures and rebuilding each event's trust flags.")
    _db(p)
    p.set_defaults(func=cmd_merge)

    p = subparsers.add_parser(
        "export", help="export stored events to a file",
        description="Write stored events as ACLED-style CSV, PLOVER JSON, GeoJSON or Parquet "
        "(partitioned by month): one record per real-world event with all its sources "
        "(--reports: one per report), each with its trust flags (docs/flags.md).")
    p.add_argument("out", metavar="OUT", help="output file (directory for parquet); - stdout")
    p.add_argument("--format", required=True,
                   choices=("acled-csv", "plover-json", "geojson", "parquet"))
    _db(p)
    _filters(p)
    p.add_argument("--reports", action="store_true",
                   help="one record per report (document) instead of per real-world event")
    p.set_defaults(func=cmd_export)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("EVENTDESK_DB", "eventdesk.duckdb"),
                   metavar="PATH", help="DuckDB file (default eventdesk.duckdb)")


def _filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--type", action="append", metavar="T", help="PLOVER type (repeatable)")
    g.add_argument("--since", metavar="DATE", help="events on or after DATE")
    g.add_argument("--until", metavar="DATE", help="events on or before DATE")
    g.add_argument("--near", metavar="PLACE|LAT,LON", help="a stored place name or LAT,LON")
    g.add_argument("--within", type=float, metavar="KM", help="distance from --near (25)")
    g.add_argument("--bbox", metavar="W,S,E,N", help="bounding box in degrees")
    g.add_argument("--actor", metavar="ISO3|NAME", help="actor country code or name")
    g.add_argument("--min-fatalities", type=int, metavar="N")
    g.add_argument("--limit", type=int, metavar="N")
    g.add_argument("--offset", type=int, metavar="N", help="skip the first N")
    g.add_argument("--order", choices=("date", "newest", "oldest", "killed"), default="date",
                   help="date: by window start (default); newest/oldest: by best day; killed")


def filters_of(args: argparse.Namespace) -> dict[str, Any]:
    f: dict[str, Any] = {}
    if args.type:
        f["type"] = [t.strip().upper() for v in args.type for t in v.split(",") if t.strip()]
    for name in ("since", "until", "actor", "min_fatalities", "limit", "offset"):
        if getattr(args, name) is not None:
            f[name] = getattr(args, name)
    if args.near:
        near = args.near.strip()
        try:
            f["near"] = parse_numbers(near, 2, "--near")
        except InputError:
            f["near"] = near
    if args.within is not None:
        f["within_km"] = args.within
    if args.bbox:
        f["bbox"] = parse_numbers(args.bbox, 4, "--bbox")
    if getattr(args, "order", "date") != "date":
        f["order"] = args.order
    return f


def _open(path: str, *, read_only: bool) -> Desk:
    if read_only and not os.path.exists(path):
        raise StoreError(f"{path}: no such database (run `eventdesk ingest` first, or give --db)")
    return Desk(path, read_only=read_only)


def _token(path: str | None) -> str | None:
    if path is None:
        return os.environ.get("EVENTDESK_TOKEN") or None
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip() or None
    except OSError as exc:
        raise InputError(path, f"cannot read the token file: {exc.strerror or exc}") from None


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.workers < 1 or args.batch_size < 1:
        raise InputError("--workers/--batch-size", "must be 1 or more")
    if args.server:
        from datetime import date

        from eventdesk.client import send

        published = None
        if args.published_default:
            try:
                published = date.fromisoformat(args.published_default)
            except ValueError:
                raise InputError("published-default", f"{args.published_default!r} is not a "
                                 "date (YYYY-MM-DD)") from None
        summary = send(args.sources, server=args.server, token=_token(args.token_file),
                       batch_size=args.batch_size, published_default=published,
                       texts=args.texts, strict=args.strict)
        for err in summary.errors:
            print(f"eventdesk: {err}", file=sys.stderr)
        print(f"{summary} ({summary.seconds:.1f} s) -> {args.server}", file=sys.stderr)
        return 0 if summary.ok else 1
    with _open(args.db, read_only=False) as desk:
        summary = desk.ingest(
            args.sources, workers=args.workers, dask=args.dask, strict=args.strict,
            progress=not args.quiet, batch_size=args.batch_size, texts=args.texts,
            published_default=args.published_default)
    for err in summary.errors:
        print(f"eventdesk: {err}", file=sys.stderr)
    if not args.quiet:
        for warn in summary.warnings:
            print(f"eventdesk: {warn}", file=sys.stderr)
    print(f"{summary} ({summary.seconds:.1f} s) -> {args.db}", file=sys.stderr)
    return 0 if summary.ok else 1


def cmd_watch(args: argparse.Namespace) -> int:
    from eventdesk.watch import parse_interval, poll

    every = parse_interval(args.every)
    if args.rounds is not None and args.rounds < 1:
        raise InputError("--rounds", "must be 1 or more")

    def report(r: Any) -> None:
        if r.summary is None:
            print(f"eventdesk: watch {r}", file=sys.stderr)
            return
        for err in r.summary.errors:
            print(f"eventdesk: watch round {r.number}: {err}", file=sys.stderr)
        if not args.quiet:
            print(f"eventdesk: watch {r} -> {args.db}", file=sys.stderr)

    with _open(args.db, read_only=False) as desk:
        poll(args.feeds, every=every, rounds=args.rounds, on_round=report,
             ingest=lambda feeds: desk.ingest(feeds, skip_known_urls=True))
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    filters = filters_of(args)
    merged = not args.reports
    with _open(args.db, read_only=True) as desk:
        out = sys.stdout
        if args.format == "geojson":
            desk.export("geojson", out, merged=merged, **filters)
            return 0
        if args.format == "jsonl":
            for event in desk.events(merged=merged, **filters):
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            return 0
        rows = desk.events(merged=merged, rows=True, **filters)
    if args.format == "csv":
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return 0
    if merged:
        _merged_table(rows, out)
    else:
        _table(rows, out)
    return 0


def _figure(value: Any, low: Any, high: Any) -> str:
    if value is None:
        return ""
    return str(value) if low is None or low == high else f"{value} ({low}-{high})"


def _merged_table(rows: list[dict[str, Any]], out: Any) -> None:
    cells = []
    for r in rows:
        window = "" if r["date_earliest"] is None or r["date_earliest"] == r["date_latest"] \
            else f"{r['date_earliest']}..{r['date_latest']}"
        cells.append([
            "" if r["date_best"] is None else str(r["date_best"]), window, r["type"], r["location_name"] or "", r["location_country"] or "",
            r["actor1_country"] or "", r["actor2_country"] or "",
            _figure(r["fatalities"], r["fatalities_min"], r["fatalities_max"]),
            _figure(r["injuries"], r["injuries_min"], r["injuries_max"]),
            str(r["n_sources"]), r["cluster_id"]])
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(MERGED_HEADERS)]
    for line in [list(MERGED_HEADERS)] + cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() + "\n")
    reports = sum(r["n_reports"] for r in rows)
    out.write(f"({len(rows)} events from {reports} reports)\n")


def _table(rows: list[dict[str, Any]], out: Any) -> None:
    headers = ("date", "type", "place", "country", "actor1", "actor2", "killed", "injured",
               "event", "document")
    cells = [[("" if r[c] is None else str(r[c])) for c in TABLE_COLUMNS] for r in rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(headers)]
    for line in [list(headers)] + cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() + "\n")
    out.write(f"({len(rows)} reports)\n")


def cmd_merge(args: argparse.Namespace) -> int:
    with _open(args.db, read_only=False) as desk:
        n = desk.merge()
        stats = desk.stats()
    print(f"{n} events after merge ({stats['multi_source']} reported by several documents) "
          f"from {stats['reports']} reports -> {args.db}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    filters = filters_of(args)
    with _open(args.db, read_only=True) as desk:
        out = sys.stdout if args.out == "-" else args.out
        result = desk.export(args.format, out, merged=not args.reports, **filters)
    if args.out != "-":
        print(f"wrote {args.format} to {args.out}" + (f" ({result})" if result else ""),
              file=sys.stderr)
    return 0
