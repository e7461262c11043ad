"""`eventdesk serve`: the HTTP API and the web page over a DuckDB store (see docs/http.md)."""

from __future__ import annotations

import argparse
import os
import sys

from eventdesk.errors import InputError, StoreError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_ENV = "EVENTDESK_TOKEN"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the HTTP API and the web page, and ingest while serving",
        description="Serve the JSON API (/api/events, /api/documents/ID, /api/extract, "
        "/api/export/FORMAT, /api/stats) and the web page (map, timeline, table, source "
        "view). The server holds the store: pages keep answering while it stores documents "
        "posted to /api/documents (with the bearer token in $EVENTDESK_TOKEN or "
        "--token-file) or polled from --watch feeds. Other processes cannot open the store "
        "while it runs (send documents with POST /api/documents, or stop it). Reading is "
        "open to anyone who reaches the port: keep the default host unless a proxy in "
        "front of it controls access.")
    p.add_argument("--db", default=os.environ.get("EVENTDESK_DB", "eventdesk.duckdb"),
                   metavar="PATH", help="DuckDB file (default eventdesk.duckdb)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--watch", nargs="+", metavar="FEED",
                   help="poll these feeds (RSS/Atom URLs or files, or any ingest source) and "
                   "store new items (creates the store when missing)")
    p.add_argument("--every", default="10m", metavar="INTERVAL",
                   help="how often --watch polls: 90s, 10m, 1h (default 10m)")
    p.add_argument("--token-file", metavar="PATH",
                   help=f"file holding the bearer token for POST /api/documents "
                   f"(default: ${TOKEN_ENV}; without either, ingest over HTTP is off)")
    p.add_argument("--read-only", action="store_true",
                   help="open the store read-only for each request (another process may "
                   "write it; requests get 503 while it does); no ingest")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventdesk.watch import parse_interval

    every = parse_interval(args.every)
    if not args.watch and not os.path.exists(args.db):
        raise StoreError(f"{args.db}: no such database (run `eventdesk ingest` first, "
                         "give --db, or --watch feeds to start one)")
    if not 0 < args.port < 65536:
        raise InputError("--port", f"{args.port} is not a TCP port")
    if args.read_only and args.watch:
        raise InputError("--watch", "cannot store polled items with --read-only")
    token = None
    if args.token_file:
        try:
            with open(args.token_file, encoding="utf-8") as f:
                token = f.read().strip()
        except OSError as exc:
            raise InputError(args.token_file, f"cannot read the token file: "
                             f"{exc.strerror or exc}") from None
        if len(token) < 16:
            raise InputError(args.token_file, "the token is shorter than 16 characters")
    import uvicorn

    from eventdesk.web import create_app

    if args.host not in LOOPBACK:
        print(f"eventdesk: warning: serving on {args.host}: reading needs no authentication",
              file=sys.stderr)
    app = create_app(args.db, token=token, read_only=args.read_only, watch=args.watch,
                     every=every)
    if not args.read_only:  # open now: a store locked by another process fails here, clearly
        app.state.eventdesk.open()
    print(f"eventdesk: serving {args.db} on http://{args.host}:{args.port}/"
          + (f", watching {len(args.watch)} feed(s) every {args.every}" if args.watch else "")
          + ("; POST /api/documents accepts the bearer token"
             if app.state.eventdesk.token else ""), file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
