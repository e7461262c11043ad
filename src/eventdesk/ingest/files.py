"""Readers for one text file and one HTML page (trafilatura)."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator

from eventdesk.ingest.base import (
    IngestError,
    IngestOptions,
    Item,
    TooLarge,
    Undecodable,
    decode_text,
    make_document,
)

MIN_ARTICLE_WORDS = 20  # trafilatura output shorter than this is a menu or a stub, not an article


def read_text_bytes(data: bytes, *, item: str, options: IngestOptions,
                    source: str | None = None) -> Iterator[Item]:
    """One plain-text document from a file's bytes."""
    if len(data) > options.max_bytes:
        yield IngestError(item, str(TooLarge(len(data), options.max_bytes)))
        return
    try:
        text, _encoding = decode_text(data)
    except Undecodable as exc:
        yield IngestError(item, str(exc))
        return
    yield from make_document(text, item=item, options=options, source=source or item)


def extract_html(html: bytes | str, *, url: str | None = None) -> dict[str, str | None] | None:
    """Main text and metadata of a page: {text, title, date, url, sitename} or None."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception:  # trafilatura/lxml raise many kinds on broken markup
            return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    return {"text": text, "title": data.get("title"), "date": data.get("date"),
            "url": data.get("url") or url, "sitename": data.get("sitename")}


def read_html_bytes(data: bytes, *, item: str, options: IngestOptions,
                    url: str | None = None, source: str | None = None) -> Iterator[Item]:
    """One document from an HTML page: trafilatura's main text, title, date and URL."""
    if len(data) > options.max_page_bytes:
        yield IngestError(item, str(TooLarge(len(data), options.max_page_bytes)))
        return
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield IngestError(item, "binary file, not HTML")
        return
    page = extract_html(data, url=url)
    if page is None:
        yield IngestError(item, "no article text found in the page")
        return
    yield from make_document(
        page["text"] or "", item=item, options=options, published=page["date"],
        title=page["title"], url=page["url"], source=source or page["sitename"] or item,
    )
