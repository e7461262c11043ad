"""Ingest readers: every source kind, and one clear error per bad item."""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import threading
from datetime import date

import pytest

from eventdesk.ingest import IngestError, IngestOptions, decode_text, parse_published, read_sources
from eventdesk.ingest.base import Undecodable
from eventdesk.records import Document, content_id

ARTICLE = ("Russian drones struck port infrastructure in Odesa overnight, killing two people and "
           "wounding nine, regional governor Oleh Kiper said on Thursday. The attack, which lasted "
           "nearly three hours, set fire to a grain terminal and damaged a warehouse and several "
           "lorries queuing to load, Kiper said on Telegram.")
CYRILLIC = "Російські дрони атакували порт в Одесі вночі. Загинули двоє людей, дев'ятеро поранені."
HTML = f"""<!doctype html><html><head><title>Drones hit Odesa port | Example News</title>
<meta property="article:published_time" content="2025-05-15T08:00:00Z">
<link rel="canonical" href="https://news.example.org/odesa-port"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drones hit Odesa port</h1><p>{ARTICLE}</p>
<p>Among the wounded was a 17-year-old girl who was treated at the scene.</p></article>
<footer>Copyright Example News</footer></body></html>"""
EMPTY_HTML = "<html><head><title>Home</title></head><body><nav>Home | World | Sport</nav></body></html>"


def read(*sources, **opts) -> tuple[list[Document], list[IngestError]]:
    options = IngestOptions(today=date(2026, 1, 1), **opts)
    items = list(read_sources([str(s) for s in sources], options=options))
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, IngestError)])


def write(path, data) -> str:
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
        fh.write(data)
    return str(path)


# --- text files and decoding ---------------------------------------------------------------

def test_text_file_utf8_and_bom_give_the_same_document(tmp_path):
    a = write(tmp_path / "a.txt", ARTICLE.encode("utf-8"))
    b = write(tmp_path / "b.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8") + b"\r\n")
    docs, errors = read(a, b)
    assert not errors
    assert docs[0].id == docs[1].id == content_id(ARTICLE)
    assert docs[0].text == ARTICLE and docs[0].source == a and docs[0].published is None


def test_cp1251_and_latin1_are_detected_only_when_plausible():
    assert decode_text(CYRILLIC.encode("cp1251")) == (CYRILLIC, "cp1251")
    latin = "Le ministre a déclaré à Genève que la trêve était fragile."
    assert decode_text(latin.encode("latin-1")) == (latin, "cp1252")
    with pytest.raises(Undecodable, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(Undecodable, match="not UTF-8"):
        decode_text(bytes(range(128, 256)) * 4)


def test_binary_and_undecodable_files_fail_alone(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    binary = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    garbage = write(tmp_path / "noise.txt", bytes(range(128, 256)) * 8)
    docs, errors = read(binary, good, garbage)
    assert [d.text for d in docs] == [ARTICLE]
    assert [e.item for e in errors] == [binary, garbage]
    assert "binary file" in errors[0].reason and "not UTF-8" in errors[1].reason


def test_huge_file_is_refused_without_loading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1000 * 1000)  # sparse: 100 MB on paper
    small = write(tmp_path / "small.txt", ARTICLE)
    docs, errors = read(big, small)
    assert len(docs) == 1
    assert errors[0].item == str(big) and "100.0 MB" in errors[0].reason
    assert "limit is 5 MB" in errors[0].reason


# --- HTML -------------------------------------------------------------------------------------

def test_html_main_text_and_metadata(tmp_path):
    docs, errors = read(write(tmp_path / "page.html", HTML))
    assert not errors
    (doc,) = docs
    assert "Odesa overnight" in doc.text and "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.title.startswith("Drones hit Odesa port")
    assert doc.published == date(2025, 5, 15)
    assert doc.url == "https://news.example.org/odesa-port"


def test_html_page_without_article_is_an_error(tmp_path):
    path = write(tmp_path / "home.html", EMPTY_HTML)
    docs, errors = read(path)
    assert not docs and errors[0].item == path and "no article" in errors[0].reason


# --- JSONL and CSV ----------------------------------------------------------------------------

def test_jsonl_mapping_dates_duplicates_and_bad_lines(tmp_path):
    lines = [
        {"id": "a", "text": ARTICLE, "title": "Odesa", "url": "https://x.org/a",
         "published": "2025-05-15", "outlet": "Example News"},
        {"id": "b", "body": CYRILLIC, "headline": "Одеса", "date": "1066-10-14"},
        {"id": "a", "text": "another text with the same id"},
        {"id": "c", "text": "A far future report.", "published": "2999-01-01"},
        {"id": "d", "text": "No date at all."},
        {"id": "e"},
        {"title": "neither text nor id"},
    ]
    raw = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{not json\n[1, 2]\n"
    path = write(tmp_path / "docs.jsonl", raw)
    docs, problems = read(path)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    assert [d.title for d in docs] == ["Odesa", "Одеса", None, None]
    a = docs[0]
    assert (a.url, a.source, a.published) == ("https://x.org/a", "Example News", date(2025, 5, 15))
    assert docs[1].published is None and docs[2].published is None and docs[3].published is None
    assert docs[1].source == path
    assert [w.item for w in warnings] == [f"{path}:2 (id b)", f"{path}:4 (id c)"]
    assert "1066-10-14 is implausible" in warnings[0].reason
    reasons = {e.item: e.reason for e in errors}
    assert "duplicate id 'a' (first at " in reasons[f"{path}:3 (id a)"]
    assert "--texts" in reasons[f"{path}:6 (id e)"]
    assert reasons[f"{path}:7"] == "record has no text and no id"
    assert "not valid JSON" in reasons[f"{path}:8"]
    assert "expected a JSON object" in reasons[f"{path}:9"]


def test_records_without_text_read_texts_dir(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    write(texts / "odesa-1.txt", ARTICLE)
    path = write(tmp_path / "meta.csv",
                 "id,title,published,source\nodesa-1,Odesa,2025-05-15,Example\nmissing,X,,\n")
    docs, errors = read(path, texts_dir=str(texts))
    assert [(d.text, d.title, d.source) for d in docs] == [(ARTICLE, "Odesa", "Example")]
    assert errors[0].item == f"{path}:3 (id missing)" and "no such file" in errors[0].reason


def test_csv_mapping_and_missing_column(tmp_path):
    good = write(tmp_path / "good.csv", 'text,title,date,link\n"' + ARTICLE.replace('"', '""')
                 + '",Odesa,2025-05-15,https://x.org/a\n')
    bad = write(tmp_path / "bad.csv", "headline,url\nSomething,https://x.org\n")
    docs, errors = read(good, bad)
    assert [(d.title, d.published, d.url) for d in docs] == [
        ("Odesa", date(2025, 5, 15), "https://x.org/a")]
    assert errors[0].item == bad and "missing column 'text'" in errors[0].reason
    assert "headline, url" in errors[0].reason


def test_published_is_parsed_strictly():
    today = date(2026, 1, 1)
    assert parse_published("2025-05-15", today=today) == (date(2025, 5, 15), None)
    assert parse_published("2025-05-15T23:10:00+03:00", today=today)[0] == date(2025, 5, 15)
    assert parse_published("Thu, 15 May 2025 08:00:00 GMT", today=today)[0] == date(2025, 5, 15)
    assert parse_published(None) == (None, None)
    for bad in ("1066-10-14", "2999-01-01", "2025-02-30", "last Thursday"):
        day, warning = parse_published(bad, today=today)
        assert day is None and warning


def test_published_default_fills_missing_dates(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    docs, _ = read(path, published_default=date(2025, 5, 15))
    assert docs[0].published == date(2025, 5, 15)


# --- directories, globs, stdin ----------------------------------------------------------------

def test_directories_and_globs_are_sorted_and_deduplicated_by_content(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    write(d / "b.txt", ARTICLE)
    write(d / "sub" / "a.html", HTML)
    write(d / "notes.bin", b"\x00\x01")  # unknown extension: not read from a directory
    write(d / ".hidden.txt", "hidden")
    docs, errors = read(d)
    assert not errors and len(docs) == 2
    docs2, _ = read(str(d / "**" / "*.txt"))
    assert [x.id for x in docs2] == [content_id(ARTICLE)]
    _, errors = read(str(tmp_path / "*.nothing"), tmp_path / "missing.txt")
    assert [e.reason for e in errors] == ["no file matches this pattern",
                                          "no such file or directory"]


def test_stdin_is_sniffed():
    lines = (json.dumps({"text": ARTICLE, "id": "x"}) + "\n").encode()
    items = list(read_sources(["-"], stdin=io.BufferedReader(io.BytesIO(lines))))
    assert [i.text for i in items] == [ARTICLE]
    items = list(read_sources(["-"], stdin=io.BufferedReader(io.BytesIO(ARTICLE.encode()))))
    assert items[0].source == "<stdin>"


# --- feeds and URLs (local http.server only) -------------------------------------------------

def rss(items: str, title: str = "Example News") -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>d</description>{items}</channel></rss>")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/slow"):
            import time
            time.sleep(3)
        return super().do_GET()


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_items_from_content_or_fetched_link(tmp_path, server):
    root, base = server
    write(root / "odesa.html", HTML)
    long_item = ARTICLE.replace("Odesa", "Izmail") + " " + ARTICLE
    feed = rss(
        f"<item><title>Long</title><link>{base}/long</link>"
        f"<pubDate>Fri, 16 May 2025 07:00:00 GMT</pubDate><description>{long_item}</description></item>"
        f"<item><title>Short</title><link>{base}/odesa.html</link>"
        "<description>Drones hit Odesa.</description></item>"
        f"<item><title>Gone</title><link>{base}/gone.html</link>"
        "<description>Shelling reported in Kharkiv.</description></item>"
        "<item><title>Empty</title><link>http://127.0.0.1:9/nothing</link></item>")
    path = write(tmp_path / "news.rss", feed)
    docs, problems = read(path)
    assert [d.title for d in docs] == ["Long", "Short", "Gone"]
    assert docs[0].published == date(2025, 5, 16) and docs[0].source == "Example News"
    assert "17-year-old girl" in docs[1].text and docs[1].published == date(2025, 5, 15)
    assert docs[2].text == "Shelling reported in Kharkiv."
    (warning,) = [p for p in problems if not p.is_error]
    assert "HTTP 404" in warning.reason and warning.item.startswith(f"{path}#3")
    (error,) = [p for p in problems if p.is_error]
    assert error.item.startswith(f"{path}#4") and "link not fetched" in error.reason


def test_url_sources_page_feed_and_failures(server):
    root, base = server
    write(root / "odesa.html", HTML)
    write(root / "feed.xml", rss(f"<item><title>T</title><description>{ARTICLE}</description></item>"))
    write(root / "broken.xml", '<?xml version="1.0"?><rss><channel><item><title>x</ti')
    write(root / "empty.xml", '<?xml version="1.0"?><rss><channel><title>x</ti')
    docs, problems = read(f"{base}/odesa.html", f"{base}/feed.xml", f"{base}/broken.xml",
                          f"{base}/empty.xml", f"{base}/missing.html", "http://127.0.0.1:9/refused")
    assert [d.title for d in docs] == ["Drones hit Odesa port", "T"]
    assert docs[0].url == "https://news.example.org/odesa-port"
    lines = [str(p) for p in problems]
    assert lines[0].startswith(f"{base}/broken.xml: warning: malformed feed")
    assert lines[1] == f"{base}/broken.xml#1: item has no text and no link"
    assert lines[2].startswith(f"{base}/empty.xml: broken feed")
    assert lines[3] == f"{base}/missing.html: HTTP 404 File not found"
    assert lines[4].startswith("http://127.0.0.1:9/refused: cannot fetch: ConnectError")


def test_url_timeout_and_size_limit(server):
    root, base = server
    write(root / "slow", HTML)
    write(root / "big.html", "<html><body>" + "x" * 3000 + "</body></html>")
    _, errors = read(f"{base}/slow", timeout=0.5)
    assert errors[0].reason == "timed out after 0.5 s"
    _, errors = read(f"{base}/big.html", max_page_bytes=1000)
    assert "too large" in errors[0].reason
