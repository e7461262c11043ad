"""`eventdesk extract`: code articles into events (table, JSON Lines or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

from eventdesk.errors import EventdeskError, InputError
from eventdesk.records import Document, Event

MAX_FILE_BYTES = 5 * 1024 * 1024 + 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract", help="code articles into events",
        description="Code news articles into sourced events. Input: text files, '-' for "
        "stdin, or --jsonl with one JSON document per line (fields id, text, published; "
        "other fields are ignored, so gold files are valid input).",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text files ('-' reads stdin)")
    p.add_argument("--jsonl", metavar="DOCS.jsonl", action="append", default=[],
                   help="JSON Lines documents (repeatable)")
    p.add_argument("--texts", metavar="DIR", help="for JSONL records without text: read "
                   "DIR/<id>.txt")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the "
                   "text files (relative dates resolve against it; default: today, with a "
                   "warning)")
    p.add_argument("--format", choices=("table", "jsonl", "json"), default="table",
                   help="output format (default: table)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad input")
    p.add_argument("--explain", action="store_true",
                   help="also say, per document, which sentence mentions were attached to an "
                   "incident or dropped as background, by which rule and why (JSON formats: "
                   "one object per document with 'events' and 'decisions')")
    p.add_argument("--model", help="spaCy model package or path (default: the installed "
                   "English small model)")
    p.set_defaults(func=run)


def read_text_file(path: str) -> str:
    """A text file's content as str; clear errors for binary or undecodable files."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES)
        name = "<stdin>"
    else:
        p = Path(path)
        name = path
        if not p.exists():
            raise InputError(name, "no such file")
        if p.is_dir():
            raise InputError(name, "is a directory")
        try:
            with p.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES)
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) >= MAX_FILE_BYTES:
        raise InputError(name, "larger than 5 MB; split it or use `eventdesk ingest`")
    return decode_text(data, name)


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (undecodable byte at offset {exc.start})"
                         ) from exc


def iter_jsonl(path: str, *, texts_dir: str | None, errors: list[str], strict: bool
               ) -> Iterator[Document]:
    from eventdesk.api import parse_published

    try:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        lineno = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}:{lineno + 1}", "not UTF-8 text") from exc
            if not line:
                break
            lineno += 1
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise InputError(where, "not a JSON object")
                text = rec.get("text")
                rid = rec.get("id")
                if text is None:
                    if texts_dir and rid:
                        text = read_text_file(str(Path(texts_dir) / f"{rid}.txt"))
                    else:
                        raise InputError(where, "record has no 'text' (and no --texts DIR)")
                if not isinstance(text, str):
                    raise InputError(where, "'text' is not a string")
                pub = parse_published(rec.get("published"), where=f"{where}: published")
                yield Document.from_text(text, published=pub, id=str(rid) if rid else None,
                                         title=rec.get("title"), url=rec.get("url"),
                                         source=where)
            except json.JSONDecodeError as exc:
                err = InputError(where, f"malformed JSON ({exc.msg}, column {exc.colno})")
                if strict:
                    raise err from exc
                errors.append(str(err))
                print(f"eventdesk: error: {err}", file=sys.stderr)
            except InputError as err:
                if strict:
                    raise
                errors.append(str(err))
                print(f"eventdesk: error: {err}", file=sys.stderr)


def iter_documents(args: argparse.Namespace, errors: list[str]) -> Iterator[Document]:
    from eventdesk.api import parse_published

    pub = parse_published(args.published, where="--published")
    for path in args.files:
        try:
            text = read_text_file(path)
        except InputError as err:
            if args.strict:
                raise
            errors.append(str(err))
            print(f"eventdesk: error: {err}", file=sys.stderr)
            continue
        yield Document.from_text(text, published=pub, source=path)
    for path in args.jsonl:
        yield from iter_jsonl(path, texts_dir=args.texts, errors=errors, strict=args.strict)


def format_table_row(ev: Event) -> str:
    a1 = _actor(ev.actor1)
    a2 = _actor(ev.actor2)
    place = ev.location.name if ev.location else "-"
    if ev.location and ev.location.precision != "city":
        place += f" ({ev.location.precision})"
    when = "-"
    if ev.date:
        when = ev.date.earliest.isoformat()
        if ev.date.latest != ev.date.earliest:
            when += ".." + ev.date.latest.isoformat()[5:]
    cas = f"{_n(ev.fatalities)}/{_n(ev.injuries)}"
    evidence = ev.sentence.text.strip().replace("\n", " ")
    if len(evidence) > 90:
        t = ev.trigger.start - ev.sentence.start
        lo = max(0, t - 40)
        evidence = ("…" if lo else "") + evidence[lo:lo + 88] + "…"
    return f"{ev.type:<9} {a1:<14} {a2:<14} {place[:22]:<22} {when:<16} {cas:<7} {evidence}"


def _actor(a) -> str:
    if a is None:
        return "-"
    return f"{a.country or a.name or '?'}/{a.sector or '?'}"[:14]


def _n(v) -> str:
    return "?" if v is None else str(v)


TABLE_HEADER = (f"{'TYPE':<9} {'ACTOR1':<14} {'ACTOR2':<14} {'PLACE':<22} {'DATE':<16} "
                f"{'K/I':<7} EVIDENCE")


def _coded(pipe, docs, *, explain: bool):
    """(document, events, decisions) per document; decisions only with ``explain``."""
    if not explain:
        for doc, events in pipe.pipe(docs):
            yield doc, events, []
        return
    for doc in docs:
        events, decisions = pipe.explain(doc)
        yield doc, events, decisions


def format_decisions(events: list[Event], decisions: list) -> list[str]:
    """Table lines for ``--explain``: what happened to each mention that is no event of its
    own, and why."""
    by_id = {ev.id: ev for ev in events}
    lines = []
    for d in decisions:
        what = f'{d.type} "{d.trigger.text}"'
        sentence = " ".join(d.sentence.text.split())
        if len(sentence) > 70:
            sentence = sentence[:69] + "…"
        target = ""
        if d.into is not None:
            ev = by_id.get(d.into)
            target = (f" -> {ev.type} \"{ev.trigger.text}\""
                      f"{' @' + ev.location.name if ev and ev.location else ''}"
                      if ev else f" -> {d.into}")
        lines.append(f"  {d.action:<9} {what}{target}  [{d.rule}: {d.reason}]  «{sentence}»")
    return lines


def run(args: argparse.Namespace) -> int:
    from eventdesk.api import MissingDateWarning, Pipeline

    if not args.files and not args.jsonl:
        raise InputError("extract", "no input: give FILE arguments, '-' or --jsonl DOCS.jsonl")
    errors: list[str] = []
    pipe = Pipeline(model=args.model)
    out = sys.stdout
    all_events: list[dict] = []
    warned = False
    if args.format == "table":
        print(TABLE_HEADER, file=out)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingDateWarning)
        for doc, events, decisions in _coded(pipe, iter_documents(args, errors),
                                             explain=args.explain):
            if caught and not warned:
                print("eventdesk: warning: no publication date given; relative dates are "
                      "resolved against today (use --published)", file=sys.stderr)
                warned = True
            if args.explain and args.format != "table":
                d = {"doc_id": doc.id, "events": [ev.to_dict() for ev in events],
                     "decisions": [x.to_dict() for x in decisions]}
                if args.format == "jsonl":
                    out.write(json.dumps(d, ensure_ascii=False) + "\n")
                else:
                    all_events.append(d)
                continue
            for ev in events:
                if args.format == "table":
                    print(format_table_row(ev), file=out)
                else:
                    d = ev.to_dict()
                    if args.format == "jsonl":
                        out.write(json.dumps(d, ensure_ascii=False) + "\n")
                    else:
                        all_events.append(d)
            if args.explain:
                for line in format_decisions(events, decisions):
                    print(line, file=out)
    if args.format == "json":
        json.dump(all_events, out, ensure_ascii=False, indent=2)
        out.write("\n")
    if errors:
        print(f"eventdesk: {len(errors)} input(s) failed", file=sys.stderr)
        return 2
    return 0


__all__ = ["register", "run", "read_text_file", "decode_text", "EventdeskError"]
