"""Readers for JSONL and CSV files of documents (one record a line / row).

Column mapping (names compared case-insensitively; the first present wins):

==========  ====================================================
field       columns / keys
==========  ====================================================
text        text, body, content, article, full_text
title       title, headline
url         url, link
published   published, date, published_at, publish_date, pubdate
source      outlet, source, publisher, site
id          id, doc_id
==========  ====================================================

A record without text but with an id reads ``<texts_dir>/<id>.txt`` when
``IngestOptions.texts_dir`` is set. The id names the record in messages and must be unique
within a file; the stored document id is always the content hash of its text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventdesk.ingest.base import (
    IngestError,
    IngestOptions,
    Item,
    TooLarge,
    Undecodable,
    decode_text,
    make_document,
    read_limited,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate"),
    "source": ("outlet", "source", "publisher", "site"),
    "id": ("id", "doc_id"),
}
_SAFE_ID = re.compile(r"^[\w.\-]+$")


def _pick(record: dict[str, Any], field: str) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in COLUMNS[field]:
        value = lowered.get(key)
        if value not in (None, ""):
            return value
    return None


def _text_from_dir(ext_id: str, options: IngestOptions) -> str | IngestError:
    assert options.texts_dir is not None
    if not _SAFE_ID.match(ext_id) or ext_id in (".", ".."):
        return IngestError(f"id {ext_id!r}", "id cannot name a file in --texts")
    path = os.path.join(options.texts_dir, f"{ext_id}.txt")
    try:
        with open(path, "rb") as fh:
            data = read_limited(fh, options.max_bytes, size_hint=os.fstat(fh.fileno()).st_size)
        return decode_text(data)[0]
    except FileNotFoundError:
        return IngestError(path, "no such file (record has no text)")
    except (TooLarge, Undecodable, OSError) as exc:
        return IngestError(path, str(exc))


def record_items(record: dict[str, Any], *, item: str, options: IngestOptions,
                 seen_ids: dict[str, str], default_source: str) -> Iterator[Item]:
    """The Document (or error) of one JSONL/CSV record."""
    ext_id = _pick(record, "id")
    if ext_id is not None:
        ext_id = str(ext_id).strip()
        item = f"{item} (id {ext_id})"
        if ext_id in seen_ids:
            yield IngestError(item, f"duplicate id {ext_id!r} (first at {seen_ids[ext_id]})")
            return
        seen_ids[ext_id] = item.split(" (id ")[0]
    text = _pick(record, "text")
    if text is None:
        if ext_id is None:
            yield IngestError(item, "record has no text and no id")
            return
        if options.texts_dir is None:
            yield IngestError(item, "record has no text (give --texts DIR to read DIR/<id>.txt)")
            return
        text = _text_from_dir(ext_id, options)
        if isinstance(text, IngestError):
            yield IngestError(item, f"{text.item}: {text.reason}")
            return
    if not isinstance(text, str):
        yield IngestError(item, f"text is a {type(text).__name__}, not a string")
        return
    title, url, source = (_pick(record, k) for k in ("title", "url", "source"))
    yield from make_document(
        text, item=item, options=options, published=_pick(record, "published"),
        title=str(title) if title is not None else None,
        url=str(url) if url is not None else None,
        source=str(source) if source is not None else default_source,
    )


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes None when the line is over ``limit``
    (the rest of that line is skipped in chunks, never held in memory)."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def read_jsonl(fh: BinaryIO, *, name: str, options: IngestOptions) -> Iterator[Item]:
    seen_ids: dict[str, str] = {}
    for number, line in _lines(fh, options.max_page_bytes):
        item = f"{name}:{number}"
        if line is None:
            yield IngestError(item, str(TooLarge(None, options.max_page_bytes)))
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield IngestError(item, f"not UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start})")
            continue
        except json.JSONDecodeError as exc:
            yield IngestError(item, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield IngestError(item, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield from record_items(record, item=item, options=options, seen_ids=seen_ids,
                                default_source=name)


def read_csv(fh: BinaryIO, *, name: str, options: IngestOptions) -> Iterator[Item]:
    csv.field_size_limit(max(options.max_page_bytes, 1 << 17))
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    try:
        reader = csv.DictReader(text)
        header = reader.fieldnames
    except (UnicodeDecodeError, csv.Error) as exc:
        yield IngestError(name, f"cannot read the CSV header: {exc}")
        return
    if not header:
        yield IngestError(name, "empty CSV file (no header)")
        return
    lowered = {h.lower().strip() for h in header if h}
    has_text = any(c in lowered for c in COLUMNS["text"])
    has_id = any(c in lowered for c in COLUMNS["id"])
    if not has_text and not (has_id and options.texts_dir):
        yield IngestError(name, "missing column 'text' (or 'id' with --texts DIR); "
                          f"columns are: {', '.join(header)}")
        return
    seen_ids: dict[str, str] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            yield IngestError(f"{name}:{reader.line_num + 1}",
                              f"not UTF-8 ({exc.reason}); the rest of the file is skipped")
            return
        except csv.Error as exc:
            yield IngestError(f"{name}:{reader.line_num}", f"bad CSV row: {exc}")
            continue
        item = f"{name}:{reader.line_num}"
        if None in row:  # more fields than the header
            row.pop(None)
        yield from record_items({k.strip(): v for k, v in row.items() if k}, item=item,
                                options=options, seen_ids=seen_ids, default_source=name)
