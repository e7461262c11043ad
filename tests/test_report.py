"""Situation reports (eventdesk.report, `eventdesk report`): figures, formats, escaping, and
the HTML in a real browser.

The store of the dev gold file (and the seed) is coded with the real pipeline and merged;
the report's totals must equal the store's merged totals, read from the store itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest import GOLD  # noqa: E402
from test_desk_fakes import ODESA, FakePipeline, make_doc  # noqa: E402

from eventdesk.cli import main  # noqa: E402
from eventdesk.desk import Desk  # noqa: E402
from eventdesk.report import build_report, write_report  # noqa: E402

CHROMIUM = os.environ.get("EVENTDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
EVIL = ('<script>alert("x")</script> Russian drones struck Kyiv, killing one person. '
        '<img src="http://127.0.0.1:9/p.png" onerror="alert(1)">')


class Resources(HTMLParser):
    """Every attribute of the page that makes a browser fetch something, and every script."""

    FETCH = {("img", "src"), ("script", "src"), ("link", "href"), ("iframe", "src"),
             ("source", "src"), ("embed", "src"), ("object", "data"), ("video", "src"),
             ("audio", "src"), ("image", "href"), ("image", "xlink:href"), ("use", "href"),
             ("use", "xlink:href"), ("input", "src")}

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.scripts = 0
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.svgs += tag == "svg"
        for name, value in attrs:
            if (tag, name) in self.FETCH and value and not value.startswith(("#", "data:")):
                self.fetched.append(f"{tag} {name}={value}")


def store_totals(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        n, k, i = con.execute("SELECT count(*), coalesce(sum(fatalities), 0), "
                              "coalesce(sum(injuries), 0) FROM clusters").fetchone()
        return int(n), int(k), int(i)
    finally:
        con.close()


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory, pipeline) -> Path:
    if not (GOLD / "dev.jsonl").exists():
        pytest.skip("shared gold files not present")
    db = tmp_path_factory.mktemp("report") / "dev.duckdb"
    with Desk(db, pipeline=pipeline) as desk:
        summary = desk.ingest([str(GOLD / "dev.jsonl"), str(GOLD / "seed.jsonl")])
        assert summary.ok
        desk.merge()
    return db


@pytest.fixture(scope="module")
def dev_html(dev_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report-out") / "report.html"
    assert main(["report", "--db", str(dev_store), "-q", str(out)]) == 0
    return out


def test_report_totals_equal_the_stores_merged_totals(dev_store, dev_html):
    n, killed, injured = store_totals(dev_store)
    html = dev_html.read_text()
    got = {k: re.search(rf'id=total-{k}>([^<]*)<', html).group(1).split(" ")[0]
           for k in ("events", "killed", "injured")}
    assert (int(got["events"]), int(got["killed"]), int(got["injured"])) == (n, killed, injured)
    with Desk(dev_store, read_only=True) as desk:
        r = build_report(desk)
    assert (r.events, r.killed.value, r.injured.value) == (n, killed, injured)
    assert sum(x.events for x in r.by_region) == sum(x.events for x in r.by_type) == n
    assert sum(x.killed.value for x in r.by_region) == killed


def test_report_html_is_self_contained_with_map_and_charts(dev_html):
    html = dev_html.read_text()
    p = Resources()
    p.feed(html)
    assert p.fetched == [] and p.scripts == 0
    assert p.svgs >= 3  # a map and at least two charts
    for key in ("map", "events-per-day", "casualties-by-region", "diplomacy-pairs"):
        assert f"id=chart-{key}" in html
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html)
    assert "temporal_inconsistency" in html  # the flags section lists the seed's flag


def test_report_filters(dev_store):
    with Desk(dev_store, read_only=True) as desk:
        all_ = desk.events()
        ukr = build_report(desk, country="ukr", since="2025-01-01")
        region = build_report(desk, region="Kharkiv Oblast")
    want = [m for m in all_ if m.event.date and m.event.date.latest >= date(2025, 1, 1)
            and ((m.event.location and m.event.location.country == "UKR") or (
                m.event.location is None and "UKR" in {a.country for a in
                                                       (m.event.actor2, m.event.actor1) if a}))]
    assert ukr.events == len(want) > 0
    assert region.events > 0 and all(m.event.location.admin1 == "Kharkiv"
                                     for m in region.merged)


def test_markdown_and_pdf(dev_store, tmp_path):
    md = tmp_path / "r.md"
    pdf = tmp_path / "r.pdf"
    assert main(["report", "--db", str(dev_store), "-q", "--since", "2025-05-01",
                 "--until", "2025-06-30", str(md)]) == 0
    assert main(["report", "--db", str(dev_store), "-q", "--format", "pdf", str(pdf)]) == 0
    text = md.read_text()
    assert text.startswith("# Situation report") and "## Diplomacy digest" in text
    for key in ("map", "events-per-day"):
        assert (tmp_path / "r_files" / f"{key}.png").read_bytes()[:4] == b"\x89PNG"
        assert f"(r_files/{key}.png)" in text
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_untrusted_text_is_escaped(tmp_path):
    db = tmp_path / "evil.duckdb"
    docs = [make_doc(EVIL, published=date(2025, 6, 10), title='<img src=x onerror="alert(3)">'),
            make_doc(ODESA, published=date(2025, 5, 15))]
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest(docs)
        desk.merge()
        report = build_report(desk)
    out = write_report(report, tmp_path / "evil.html")
    html = out.read_text()
    p = Resources()
    p.feed(html)
    assert p.scripts == 0 and p.fetched == []
    assert "&lt;script&gt;" in html and "<script>" not in html
    md = write_report(report, tmp_path / "evil.md").read_text()
    assert "<script>" not in md


@pytest.mark.parametrize("argv,message", [
    (["report", "--db", "/nonexistent.duckdb", "x.html"], "no such event store"),
    (["report", "--db", "{db}", "--country", "Ukraine", "x.html"], "ISO 3166-1"),
    (["report", "--db", "{db}", "--since", "2025-13-01", "x.html"], "not a date"),
    (["report", "--db", "{db}", "--since", "2025-02-01", "--until", "2025-01-01", "x.html"],
     "after --until"),
    (["report", "--db", "{db}", "x.docx"], "unknown report format"),
    (["report", "--db", "{db}", "/nonexistent/dir/x.html"], "no such directory"),
])
def test_report_cli_errors(argv, message, tmp_path, capsys):
    db = tmp_path / "e.duckdb"
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest([make_doc(ODESA, published=date(2025, 5, 15))])
    argv = [a.replace("{db}", str(db)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# --------------------------------------------------------------------------- browser
if os.environ.get("EVENTDESK_SKIP_BROWSER") == "1":
    browser = pytest.mark.skip(reason="EVENTDESK_SKIP_BROWSER=1")
else:
    browser = pytest.mark.usefixtures("_browser_present")


@pytest.fixture
def _browser_present() -> None:
    if not os.path.exists(CHROMIUM):  # fail, do not skip: CI must run this
        pytest.fail(f"no browser at {CHROMIUM}: run `make test` as root (installs chromium "
                    "with apt), set EVENTDESK_CHROMIUM, or EVENTDESK_SKIP_BROWSER=1 locally")


@browser
def test_report_in_chromium_makes_no_request(dev_html, tmp_path):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM,
                               args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                     "--disable-background-networking"])
        try:
            page = b.new_page(viewport={"width": 1100, "height": 1400})
            page.on("request", lambda r: requests.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(dev_html.as_uri())
            sizes = page.eval_on_selector_all(
                "figure svg", "els => els.map(e => e.getBoundingClientRect().height)")
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=False)
        finally:
            b.close()
    assert [u for u in requests if not u.startswith("file://")] == []
    assert errors == []
    assert len(sizes) >= 3 and all(h > 100 for h in sizes)
    assert shot.stat().st_size > 20_000
