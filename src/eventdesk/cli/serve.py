"""`eventdesk serve`: the HTTP API and the web page over a DuckDB store (see docs/http.md)."""

from __future__ import annotations

import argparse
import os
import sys

from eventdesk.errors import InputError, StoreError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the HTTP API and the web page",
        description="Serve the JSON API (/api/events, /api/documents/ID, /api/extract, "
        "/api/export/FORMAT, /api/stats) and the web page (map, timeline, table, source "
        "view) over a DuckDB store, opened read-only. There is no authentication: keep "
        "the default host unless a proxy in front of it controls access.")
    p.add_argument("--db", default=os.environ.get("EVENTDESK_DB", "eventdesk.duckdb"),
                   metavar="PATH", help="DuckDB file (default eventdesk.duckdb)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not os.path.exists(args.db):
        raise StoreError(f"{args.db}: no such database (run `eventdesk ingest` first, "
                         "or give --db)")
    if not 0 < args.port < 65536:
        raise InputError("--port", f"{args.port} is not a TCP port")
    import uvicorn

    from eventdesk.web import create_app

    if args.host not in LOOPBACK:
        print(f"eventdesk: warning: serving on {args.host} without authentication",
              file=sys.stderr)
    print(f"eventdesk: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return 0
