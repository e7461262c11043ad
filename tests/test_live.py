"""A desk that stays live: ingest through the server (POST /api/documents, its token), feeds
polled round after round (watch), a real server answering every request while news arrives,
and error bodies without internals."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_desk_fakes import KYIV_TALKS, ODESA, FakePipeline, make_doc, write_corpus  # noqa: E402

from eventdesk.desk import Desk  # noqa: E402
from eventdesk.errors import InputError  # noqa: E402
from eventdesk.watch import parse_interval, poll  # noqa: E402
from eventdesk.web import create_app  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

TESTS = os.path.dirname(__file__)
TOKEN = "test-token-0123456789abcdef"


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "live.duckdb"
    with Desk(path, pipeline=FakePipeline()) as desk:
        desk.ingest([make_doc(ODESA, published=date(2025, 5, 15))])
    return path


def doc_json(text: str, **kw) -> dict:
    return {"text": text, "published": "2025-05-16", **kw}


def test_post_documents_needs_the_token_and_stores_at_once(db):
    app = create_app(db, pipeline=FakePipeline(), token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as client:
        before = client.get("/api/stats").json()
        body = {"documents": [doc_json("Drones struck Odesa overnight, killing five people.",
                                       source="Outlet B", url="https://example.org/b")]}
        r = client.post("/api/documents", json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        r = client.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"})
        assert r.status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = client.post("/api/documents", json=body, headers=auth)
        assert r.status_code == 200, r.text
        assert r.json() == {"new": 1, "seen": 0, "failed": 0, "events": 1, "errors": []}
        after = client.get("/api/stats").json()
        # the new report joined the Odesa strike: one more report, no more events
        assert after["reports"] == before["reports"] + 1 and after["events"] == before["events"]
        odesa = client.get("/api/events?near=Odesa&within=5").json()["events"]
        assert [len(e["sources"]) for e in odesa] == [2] and odesa[0]["fatalities"] == 5
        assert client.post("/api/documents", json=body, headers=auth).json()["seen"] == 1
        status = client.get("/api/status").json()
        assert status["ingest"] is True and status["reports"] == after["reports"]
        for bad, words in (({"documents": []}, "empty"), ({"docs": []}, "documents"),
                           ({"documents": [{"text": " "}]}, "documents[0].text"),
                           ({"documents": [doc_json("x", published="May")]}, "published")):
            r = client.post("/api/documents", json=bad, headers=auth)
            assert r.status_code == 400 and words in r.json()["error"], (bad, r.text)


def test_post_documents_is_off_without_a_token(db, monkeypatch):
    monkeypatch.delenv("EVENTDESK_TOKEN", raising=False)
    client = TestClient(create_app(db, pipeline=FakePipeline()), raise_server_exceptions=False)
    r = client.post("/api/documents", json={"documents": [doc_json(KYIV_TALKS)]})
    assert r.status_code == 403 and "token" in r.json()["error"]


def test_error_bodies_name_no_paths_or_library_messages(tmp_path, db):
    client = TestClient(create_app(tmp_path / "missing.duckdb"), raise_server_exceptions=False)
    r = client.get("/api/stats")
    assert r.status_code == 503
    assert r.json() == {"error": "there is no event store yet: ingest documents first"}
    # another process holds the store: "busy", not DuckDB's lock message with a path
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; "
                               f"c = duckdb.connect({str(db)!r}); print('ok', flush=True); "
                               "time.sleep(60)"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ok"
        client = TestClient(create_app(db), raise_server_exceptions=False)
        r = client.get("/api/events")
        assert r.status_code == 503 and r.json() == {"error": "the store is busy, retry"}
        assert str(tmp_path) not in r.text and "duckdb" not in r.text.lower()
    finally:
        holder.kill()
        holder.wait()
    client = TestClient(create_app(db, pipeline=FakePipeline()), raise_server_exceptions=False)
    for url in ("/api/events/nope", "/api/documents/nope"):
        r = client.get(url)
        assert r.status_code == 404 and str(tmp_path) not in r.text
    r = client.post("/api/extract", content=b"{oops", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "Expecting" not in r.text  # no json library message


def test_intervals():
    assert parse_interval("90") == 90 and parse_interval("10m") == 600
    assert parse_interval("1h") == 3600 and parse_interval("1.5s") == 1.5
    for bad in ("soon", "0s", "-1m"):
        with pytest.raises(InputError):
            parse_interval(bad)


def rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
                   "<pubDate>Fri, 16 May 2025 08:00:00 GMT</pubDate></item>"
                   for t, link, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}'
            "</channel></rss>")


def test_watch_skips_duplicates_and_survives_a_failing_feed(tmp_path):
    long = " The regional governor said rescue work went on through the night." * 8
    feed = tmp_path / "wire.xml"
    feed.write_text(rss([("Odesa", "https://example.org/1",
                          "Russian drones struck Odesa overnight, killing two people." + long),
                         ("Kyiv", "https://example.org/2",
                          "Russia shelled Kharkiv, killing 3 people." + long)]))
    missing = tmp_path / "gone.xml"
    rounds = []
    with Desk(tmp_path / "w.duckdb", pipeline=FakePipeline()) as desk:
        def ingest(feeds):
            if len(rounds) == 1:  # round 2: the first item edited, a new item with old text
                feed.write_text(rss([
                    ("Odesa", "https://example.org/1", "Edited: drones struck Odesa." + long),
                    ("Copy", "https://example.org/3",
                     "Russia shelled Kharkiv, killing 3 people." + long),
                    ("New", "https://example.org/4", "Russian drones struck Kyiv." + long)]))
            return desk.ingest(feeds, skip_known_urls=True)

        n = poll([str(feed), str(missing)], every=0.01, rounds=3, ingest=ingest,
                 on_round=rounds.append)
        assert n == 3 and len(rounds) == 3
        first, second, third = (r.summary for r in rounds)
        assert (first.new, first.failed) == (2, 1)  # the missing feed: one error, not fatal
        assert "gone.xml" in str(first.errors[0])
        assert (second.new, second.seen, second.failed) == (1, 2, 1)  # same url, same text
        assert (third.new, third.failed) == (0, 1)
        assert desk.counts()["documents"] == 3


def test_watch_command_runs_rounds(tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(rss([("Odesa", "https://example.org/1",
                          "Russian drones struck Odesa overnight, killing two people. " * 12)]))
    env = {**os.environ, "PYTHONPATH": TESTS, "EVENTDESK_PIPELINE": "test_desk_fakes:FakePipeline"}
    r = subprocess.run([sys.executable, "-m", "eventdesk", "watch", str(feed),
                        str(tmp_path / "gone.xml"), "--db", str(tmp_path / "w.duckdb"),
                        "--every", "1s", "--rounds", "2"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert any("round 1: documents: 1 new" in line for line in lines), lines
    assert any("round 2: documents: 0 new, 1 seen, 1 failed" in line for line in lines), lines
    assert sum("gone.xml" in line for line in lines) == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_running_server_answers_every_request_while_news_arrives(tmp_path):
    """`eventdesk serve` beside `eventdesk ingest --server`: every request made during the
    ingest answers 200, and the new events appear without a restart."""
    import httpx

    db = tmp_path / "s.duckdb"
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest([make_doc(ODESA)])
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 240)
    env = {**os.environ, "PYTHONPATH": TESTS, "EVENTDESK_PIPELINE": "test_desk_fakes:FakePipeline",
           "EVENTDESK_FAKE_DELAY": "0.02", "EVENTDESK_TOKEN": TOKEN}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "eventdesk", "serve", "--db", str(db),
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, start_new_session=True)
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/api/status", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        before = httpx.get(base + "/api/status").json()
        # the CLI cannot open the store the server holds: it says what to do instead
        r = subprocess.run([sys.executable, "-m", "eventdesk", "ingest", str(corpus), "--db",
                            str(db)], env=env, capture_output=True, text=True, timeout=120)
        assert r.returncode == 1 and "--server" in r.stderr and "Traceback" not in r.stderr
        ingest = subprocess.Popen([sys.executable, "-m", "eventdesk", "ingest", str(corpus),
                                   "--server", base, "-q", "--batch-size", "16"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        codes: Counter = Counter()
        with httpx.Client(timeout=30) as client:
            urls = ["/api/stats", "/api/table", "/api/events?limit=20", "/"]
            while ingest.poll() is None:
                codes[client.get(base + urls[sum(codes.values()) % 4]).status_code] += 1
                time.sleep(0.02)
        _, err = ingest.communicate()
        assert ingest.returncode == 0, err.decode()
        assert "documents: 240 new" in err.decode()
        assert sum(codes.values()) >= 40, codes
        assert codes == Counter({200: sum(codes.values())}), codes
        after = httpx.get(base + "/api/status").json()
        assert after["reports"] > before["reports"] and after["documents"] == 241
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
