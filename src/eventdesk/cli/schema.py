"""`eventdesk schema`: print the JSON Schema of the event output."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="print the JSON Schema of the event output",
                              description="Print the JSON Schema (draft 2020-12) of the "
                              "events that `extract --format jsonl|json` writes.")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventdesk.schema import event_schema

    print(json.dumps(event_schema(), indent=2))
    return 0
