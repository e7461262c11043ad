"""``eventdesk actors NAME [--json]``: look a name up in the actor dictionary."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "actors", help="look a name up in the actor dictionary",
        description="Look a person, organisation, country, demonym or role word up in the "
        "actor dictionary; with --text, find every actor mention in a text instead.")
    parser.add_argument("name", metavar="NAME", help="a name, alias or word (e.g. Zelenskiy, RSF, Kyiv)")
    parser.add_argument("--text", action="store_true",
                        help="treat NAME as a text and list the actor mentions in it")
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventdesk.resolve.actors import ActorDictionary

    dictionary = ActorDictionary.load()
    if args.text:
        mentions = dictionary.find(args.name)
        for m in mentions:
            if args.json:
                print(json.dumps(m.to_dict(), ensure_ascii=False))
            else:
                print(f"{m.span.start}-{m.span.end}\t{m.span.text}\t{m.name}\t"
                      f"{m.country or '-'}\t{m.sector or '-'}\t{m.kind}")
        return 0 if mentions else 1
    entries = dictionary.lookup(args.name)
    for e in entries:
        if args.json:
            print(json.dumps(e.to_dict(), ensure_ascii=False))
        else:
            note = f"\t{e.note}" if e.note else ""
            print(f"{e.id}\t{e.name}\t{e.country or '-'}\t{e.sector or '-'}\t{e.kind}{note}")
    if not entries:
        print(f"no actor dictionary entry for {args.name!r}")
        return 1
    return 0
