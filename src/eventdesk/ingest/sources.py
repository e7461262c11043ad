"""From source names (files, directories, globs, URLs, ``-``) to documents.

:func:`read_sources` is the ingest stage's entry point: it yields each
:class:`~eventdesk.records.Document` and an :class:`IngestError` for each item that could
not be read, in a stable order (directories and globs sorted), and never raises on bad
input.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from eventdesk.ingest.base import IngestError, IngestOptions, Item, TooLarge, read_limited
from eventdesk.ingest.feeds import looks_like_feed, read_feed_bytes, read_url
from eventdesk.ingest.files import read_html_bytes, read_text_bytes
from eventdesk.ingest.tabular import read_csv, read_jsonl

TEXT_EXT = (".txt", ".text", ".md")
HTML_EXT = (".html", ".htm", ".xhtml")
JSONL_EXT = (".jsonl", ".ndjson")
CSV_EXT = (".csv",)
FEED_EXT = (".rss", ".atom", ".xml")
KNOWN_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + CSV_EXT + FEED_EXT


def kind_of(name: str, head: bytes) -> str:
    """``text``, ``html``, ``jsonl``, ``csv`` or ``feed``, by extension, else by content."""
    low = name.lower()
    for ext_list, kind in ((HTML_EXT, "html"), (JSONL_EXT, "jsonl"), (CSV_EXT, "csv"),
                           (FEED_EXT, "feed"), (TEXT_EXT, "text")):
        if low.endswith(ext_list):
            if kind == "feed" and not looks_like_feed(head):
                return "html" if b"<html" in head[:2048].lower() else "feed"
            return kind
    start = head.lstrip()[:512].lower()
    if start.startswith(b"\xef\xbb\xbf"):
        start = start[3:].lstrip()
    if looks_like_feed(head):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def read_stream(fh: BinaryIO, *, name: str, options: IngestOptions,
                size: int | None = None) -> Iterator[Item]:
    """Documents from one open binary stream (a file or stdin)."""
    head = fh.peek(4096)[:4096] if hasattr(fh, "peek") else b""
    kind = kind_of(name, head)
    if kind == "jsonl":
        yield from read_jsonl(fh, name=name, options=options)
        return
    if kind == "csv":
        yield from read_csv(fh, name=name, options=options)
        return
    limit = options.max_bytes if kind == "text" else options.max_page_bytes
    try:
        data = read_limited(fh, limit, size_hint=size)
    except TooLarge as exc:
        yield IngestError(name, str(exc))
        return
    if kind == "text":
        yield from read_text_bytes(data, item=name, options=options)
    elif kind == "html":
        yield from read_html_bytes(data, item=name, options=options)
    else:
        yield from read_feed_bytes(data, name=name, options=options)


def read_path(path: str, *, options: IngestOptions) -> Iterator[Item]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield IngestError(path, exc.strerror or str(exc))
        return
    with fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            yield from read_stream(fh, name=path, options=options, size=size)
        except OSError as exc:
            yield IngestError(path, f"read error: {exc.strerror or exc}")


def expand(source: str) -> Iterator[str | IngestError]:
    """File paths (directories walked, globs expanded, both sorted), URLs and ``-``."""
    if source == "-" or source.startswith(("http://", "https://")):
        yield source
    elif os.path.isdir(source):
        found = False
        for root, dirs, files in os.walk(source):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith(".") and f.lower().endswith(KNOWN_EXT):
                    found = True
                    yield os.path.join(root, f)
        if not found:
            yield IngestError(source, "directory holds no readable files "
                              f"({', '.join(KNOWN_EXT)})")
    elif os.path.exists(source):
        yield source
    elif any(c in source for c in "*?["):
        matches = sorted(p for p in glob.glob(source, recursive=True) if os.path.isfile(p))
        if not matches:
            yield IngestError(source, "no file matches this pattern")
        yield from matches
    else:
        yield IngestError(source, "no such file or directory")


def read_sources(sources: Iterable[str], *, options: IngestOptions | None = None,
                 stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document (and per-item error) of the given sources, in order."""
    options = options or IngestOptions()
    for source in sources:
        for path in expand(str(source)):
            if isinstance(path, IngestError):
                yield path
            elif path == "-":
                stream = stdin or sys.stdin.buffer
                yield from read_stream(stream if hasattr(stream, "peek")
                                       else io.BufferedReader(stream),  # type: ignore[arg-type]
                                       name="<stdin>", options=options)
            elif path.startswith(("http://", "https://")):
                yield from read_url(path, options=options)
            else:
                yield from read_path(path, options=options)
