"""`eventdesk flags`: a report's trust flags, one JSON line per document.

    {"doc_id": ..., "flags": [{"flag": ..., "explanation": ..., "evidence": [{"start", "end",
    "text"}]}]}

A thin layer over :meth:`eventdesk.api.Pipeline.flags` (inputs as for `eventdesk extract`),
or over the store (`--db`: the flags kept with the stored documents).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings

from eventdesk.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "flags", help="trust flags of articles (one JSON line per document)",
        description="Print each document's trust flags as one JSON line: temporal_inconsistency "
        "(stated dates against the text's own clues), conflicting_counts, "
        "conflicting_locations, truncated; each with an explanation and its evidence spans. "
        "Input as for `extract`: text files, '-' for stdin, --jsonl DOCS (a file or '-'); or "
        "--db for the flags stored with the documents of an event store.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text files ('-' reads stdin)")
    p.add_argument("--jsonl", metavar="DOCS.jsonl", action="append", default=[],
                   help="JSON Lines documents with id, text, published ('-' reads stdin; "
                   "repeatable)")
    p.add_argument("--texts", metavar="DIR", help="for JSONL records without text: read "
                   "DIR/<id>.txt")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the text "
                   "files (default: today, with a warning)")
    p.add_argument("--db", metavar="PATH", help="print the flags stored in this event store "
                   "instead of reading articles")
    p.add_argument("--recompute", action="store_true", help="with --db: recompute the flags "
                   "of every stored document first, and its merged events' (a store written "
                   "before flags existed)")
    p.add_argument("--all", action="store_true", help="also print documents without flags "
                   "(default for articles; with --db only flagged documents are printed)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad input")
    p.add_argument("--model", help="spaCy model package or path")
    p.set_defaults(func=run)


def _line(doc_id: str, flags: list) -> str:
    return json.dumps({"doc_id": doc_id, "flags": [f.to_dict() for f in flags]},
                      ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    if args.db:
        if args.files or args.jsonl:
            raise InputError("flags", "give either articles or --db, not both")
        from eventdesk.desk import Desk

        import os

        if not os.path.exists(args.db):
            raise InputError(args.db, "no such event store")
        with Desk(args.db, read_only=not args.recompute) as desk:
            if args.recompute:
                n = desk.reflag()
                print(f"eventdesk: flags recomputed for {n} document(s)", file=sys.stderr)
            for doc_id, flags in desk.document_flags(all=args.all):
                out.write(_line(doc_id, flags))
        return 0
    from eventdesk.api import MissingDateWarning, Pipeline
    from eventdesk.cli.extract import iter_documents

    if not args.files and not args.jsonl:
        raise InputError("flags", "no input: give FILE arguments, '-', --jsonl DOCS.jsonl or "
                         "--db PATH")
    errors: list[str] = []
    pipe = Pipeline(model=args.model)
    warned = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingDateWarning)
        for doc, events in pipe.pipe(iter_documents(args, errors)):
            if caught and not warned:
                print("eventdesk: warning: no publication date given; dates are checked "
                      "against today (use --published)", file=sys.stderr)
                warned = True
            out.write(_line(doc.id, pipe.flags(doc, events)))
            out.flush()
    if errors:
        print(f"eventdesk: {len(errors)} input(s) failed", file=sys.stderr)
        return 2
    return 0
