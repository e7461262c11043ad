"""RSS/Atom feeds (feedparser) and pages fetched over HTTP (httpx).

Each feed item becomes one document: its text is the item's content or summary when that
is long enough (``IngestOptions.min_item_chars``), otherwise the page at its link, fetched
with a timeout and a size limit and read by trafilatura. A link that cannot be fetched
falls back to the summary (with a warning) or fails that item alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from eventdesk.ingest.base import IngestError, IngestOptions, Item, TooLarge, make_document
from eventdesk.ingest.files import extract_html, read_html_bytes

USER_AGENT = "eventdesk/0.1 (+offline news event coder)"


class FetchError(Exception):
    pass


def fetch(url: str, *, options: IngestOptions) -> tuple[bytes, str, str]:
    """GET ``url``; return (body, content type, final URL). Streams the body and stops
    past ``options.max_page_bytes``; raises :class:`FetchError` with a one-line reason."""
    import httpx

    limit = options.max_page_bytes
    try:
        with httpx.Client(timeout=options.timeout, follow_redirects=True,
                          headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(str(TooLarge(int(declared), limit)))
                chunks, total = [], 0
                for chunk in resp.iter_bytes():
                    total += len(chunk)
                    if total > limit:
                        raise FetchError(str(TooLarge(None, limit)))
                    chunks.append(chunk)
                return b"".join(chunks), resp.headers.get("content-type", ""), str(resp.url)
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {options.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc.__class__.__name__}: {exc}") from None


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    ct = content_type.lower()
    if any(t in ct for t in ("rss", "atom", "application/xml", "text/xml")):
        return True
    head = data[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head) \
        or head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return fragment
    for br in root.iter("br", "p", "li", "div"):
        br.tail = ("\n" + br.tail) if br.tail else "\n"
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def read_feed_bytes(data: bytes, *, name: str, options: IngestOptions) -> Iterator[Item]:
    """Documents from an RSS/Atom feed's bytes; a feed that does not parse is one error."""
    import feedparser

    if len(data) > options.max_page_bytes:
        yield IngestError(name, str(TooLarge(len(data), options.max_page_bytes)))
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            yield IngestError(name, f"broken feed: {reason}")
        else:
            yield IngestError(name, "feed has no items")
        return
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"),
                                              (feedparser.CharacterEncodingOverride,
                                               feedparser.NonXMLContentType)):
        yield IngestError(name, f"malformed feed ({parsed.get('bozo_exception')}); "
                          f"read {len(parsed.entries)} items anyway", level="warning")
    outlet = (parsed.feed.get("title") or "").strip() or name
    for number, entry in enumerate(parsed.entries, 1):
        yield from _entry_items(entry, item=f"{name}#{number}", outlet=outlet, options=options)


def _entry_items(entry, *, item: str, outlet: str, options: IngestOptions) -> Iterator[Item]:
    link = entry.get("link")
    if link:
        item = f"{item} ({link})"
    title = entry.get("title")
    published = entry.get("published_parsed") or entry.get("updated_parsed") \
        or entry.get("published") or entry.get("updated")
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry.content), key=len)
    summary = entry.get("summary", "") or ""
    text = _html_to_text(body or summary)
    warning = None
    if len(text) < options.min_item_chars and link and options.fetch and \
            link.startswith(("http://", "https://")):
        try:
            page, _ctype, final = fetch(link, options=options)
            extracted = extract_html(page, url=final)
            if extracted and extracted["text"]:
                text = extracted["text"]
                if not published and extracted.get("date"):
                    published = extracted["date"]
            else:
                warning = "linked page has no article text; using the feed summary"
        except FetchError as exc:
            warning = f"link not fetched ({exc}); using the feed summary"
    if not text.strip():
        yield IngestError(item, warning.split(";")[0] if warning else
                          "item has no text" + ("" if link else " and no link"))
        return
    if warning:
        yield IngestError(item, warning, level="warning")
    yield from make_document(text, item=item, options=options, published=published,
                             title=title, url=link, source=outlet)


def read_url(url: str, *, options: IngestOptions) -> Iterator[Item]:
    """A URL source: a feed (each item a document) or one article page."""
    if not options.fetch:
        yield IngestError(url, "fetching is disabled")
        return
    try:
        data, ctype, final = fetch(url, options=options)
    except FetchError as exc:
        yield IngestError(url, str(exc))
        return
    if looks_like_feed(data, ctype):
        yield from read_feed_bytes(data, name=url, options=options)
    else:
        yield from read_html_bytes(data, item=url, options=options, url=final)
