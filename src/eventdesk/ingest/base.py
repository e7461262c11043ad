"""Shared pieces of the ingest stage: per-item problems, limits, decoding, dates.

Ingest turns sources into :class:`~eventdesk.records.Document` records. Readers never
raise on one bad item: they yield an :class:`IngestError` naming the item and the reason,
and go on with the rest. This module imports only the records and errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import BinaryIO, Union

from eventdesk.records import Document

MB = 1_000_000
NUL = bytes(1)
MIN_YEAR = 1900  # earlier "published" dates are absurd for news reports
FUTURE_SLACK = timedelta(days=2)  # time zones; anything later than that is absurd


@dataclass(frozen=True, slots=True)
class IngestError:
    """One item that could not be read (``level="error"``) or was read with a caveat
    (``level="warning"``, e.g. an absurd ``published`` date that was dropped)."""

    item: str
    reason: str
    level: str = "error"

    def __str__(self) -> str:
        tag = "warning: " if self.level == "warning" else ""
        return f"{self.item}: {tag}{self.reason}"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


Item = Union[Document, IngestError]


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """Options every reader sees. All sizes in bytes."""

    max_bytes: int = 5 * MB  # text of one document (and one raw text file)
    max_page_bytes: int = 20 * MB  # one HTML page, feed or JSONL/CSV line before extraction
    texts_dir: str | None = None  # JSONL/CSV records with an id and no text read DIR/<id>.txt
    published_default: date | None = None  # for documents that carry no date
    fetch: bool = True  # fetch feed items' links and URL sources (httpx)
    timeout: float = 20.0  # seconds, per HTTP request
    min_item_chars: int = 400  # feed item text shorter than this -> fetch the linked page
    today: date | None = None  # for the date sanity check; None = date.today()


class TooLarge(Exception):
    def __init__(self, size: int | None, limit: int) -> None:
        self.size, self.limit = size, limit
        what = f"{size / MB:.1f} MB" if size is not None else "more than the limit"
        super().__init__(f"too large: {what}, the limit is {limit / MB:g} MB")


class Undecodable(Exception):
    pass


def read_limited(fh: BinaryIO, limit: int, *, size_hint: int | None = None) -> bytes:
    """Read at most ``limit`` bytes, in chunks; raise :class:`TooLarge` past it.

    A 100 MB file costs one ``limit``-sized read, never a whole load."""
    if size_hint is not None and size_hint > limit:
        raise TooLarge(size_hint, limit)
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = fh.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise TooLarge(size_hint, limit)
    return b"".join(chunks)


# --- decoding -----------------------------------------------------------------------

_CYR = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")
_NONASCII_RUN = re.compile(r"[^\x00-\x7f]{3,}")


def _is_cyrillic_text(text: str) -> bool:
    """cp1251 is accepted only when non-ASCII letters form whole Cyrillic words."""
    words = [w for w in _WORD.findall(text) if any(ord(c) > 127 for c in w)]
    if not words:
        return False
    pure = sum(1 for w in words if all(_CYR.match(c) or c.isdigit() or c == "_" for c in w))
    return pure / len(words) >= 0.95


def _is_western_text(text: str) -> bool:
    """cp1252/latin-1 is accepted only when accented letters sit inside Latin words
    (café, Zürich), never in runs of their own (what Cyrillic looks like mis-decoded)."""
    if any(unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\t\n\r\f" for c in text):
        return False
    words = [w for w in _WORD.findall(text) if any(ord(c) > 127 for c in w)]
    if not words:
        return True  # only punctuation is non-ASCII (curly quotes, dashes)
    latin = sum(1 for w in words if not _NONASCII_RUN.search(w))
    return latin / len(words) >= 0.95


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Other bytes are
    read as cp1251 or cp1252 only when the result passes a strict plausibility check
    (whole Cyrillic words; accents inside Latin words); otherwise :class:`Undecodable`.
    NUL bytes outside UTF-16 mean a binary file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise Undecodable(f"not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        raise Undecodable(f"binary file (NUL byte at offset {data.index(NUL)})")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text = data.decode("cp1251")
        if _is_cyrillic_text(text):
            return text, "cp1251"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        if _is_western_text(text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    raise Undecodable(
        f"not UTF-8 (invalid byte 0x{data[where]:02x} at offset {where}) and not recognisably "
        "cp1251 or latin-1; convert it to UTF-8"
    )


def clean_text(text: str) -> str:
    """Normalise line ends and strip; the text keeps its offsets from here on."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- dates --------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


def parse_published(value: object, *, today: date | None = None) -> tuple[date | None, str | None]:
    """Parse a ``published`` value strictly. Return (date, warning).

    Accepts ISO dates and datetimes, RFC 822 dates (feeds), ``date``/``datetime`` objects
    and ``time.struct_time``. Missing -> (None, None); unparseable or absurd (before 1900,
    after tomorrow) -> (None, reason)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif hasattr(value, "tm_year"):  # time.struct_time from feedparser
        try:
            day = date(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]
        except ValueError:
            day = None
    elif isinstance(value, str):
        m = _ISO_DATE.match(value)
        if m:
            try:
                day = date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None, f"published date {value.strip()!r} is not a valid date"
        else:
            from email.utils import parsedate_to_datetime

            try:
                day = parsedate_to_datetime(value.strip()).date()
            except (TypeError, ValueError, IndexError):
                day = None
    if day is None:
        return None, f"published date {str(value).strip()[:40]!r} not understood (use YYYY-MM-DD)"
    limit = (today or date.today()) + FUTURE_SLACK
    if day.year < MIN_YEAR or day > limit:
        return None, f"published date {day.isoformat()} is implausible; ignored"
    return day, None


def make_document(
    text: str,
    *,
    item: str,
    options: IngestOptions,
    published: object = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> list[Item]:
    """Build one Document (plus any warnings) or an error, applying the shared checks."""
    text = clean_text(text)
    if not text:
        return [IngestError(item, "no text")]
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        return [IngestError(item, str(TooLarge(size, options.max_bytes)))]
    out: list[Item] = []
    day, warning = parse_published(published, today=options.today)
    if warning:
        out.append(IngestError(item, warning, level="warning"))
    if day is None:
        day = options.published_default
    title = " ".join(title.split()) if title else None
    out.append(Document.from_text(text, published=day, title=title or None,
                                  url=(url or None), source=source or None))
    return out
