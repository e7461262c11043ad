"""kill -9 a real `eventdesk ingest` mid-run, several times, then finish it: the database
ends the same as after one uninterrupted run, with no duplicate or half-written document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb
from test_desk_fakes import FakePipeline, snapshot, write_corpus

from eventdesk.desk import Desk

TESTS = os.path.dirname(__file__)
N_DOCS = 400


def start(corpus, db, *extra, started=None):
    env = {**os.environ, "PYTHONPATH": TESTS, "EVENTDESK_PIPELINE": "test_desk_fakes:FakePipeline",
           "EVENTDESK_FAKE_DELAY": "0.01"}
    if started is not None:
        env["EVENTDESK_FAKE_STARTED"] = str(started)
    return subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "ingest", str(corpus), "--db", str(db), "-q",
         "--batch-size", "8", *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def wait_until_coding(proc, started, timeout: float = 60.0) -> None:
    """The kill delays count from the first coded document, not from the process start
    (imports and worker start-up take longer on a loaded machine)."""
    end = time.monotonic() + timeout
    while not started.exists():
        assert proc.poll() is None, f"ingest exited before coding: {proc.stderr.read()!r}"
        assert time.monotonic() < end, "ingest did not start coding"
        time.sleep(0.01)


def check_consistent(db) -> int:
    """No duplicates, and every stored document has exactly its events and evidence."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone()
        assert docs == distinct
        ev, ev_distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchone()
        assert ev == ev_distinct
        half = con.execute("""
            SELECT count(*) FROM documents d
            WHERE d.n_events <> (SELECT count(*) FROM events e WHERE e.doc_id = d.id)""").fetchone()[0]
        assert half == 0
        orphans = con.execute("SELECT count(*) FROM events WHERE doc_id NOT IN "
                              "(SELECT id FROM documents)").fetchone()[0]
        assert orphans == 0
        orphans = con.execute("SELECT count(*) FROM evidence WHERE event_id NOT IN "
                              "(SELECT id FROM events)").fetchone()[0]
        assert orphans == 0
        return docs
    finally:
        con.close()


def test_kill_9_then_rerun_gives_the_same_database(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, N_DOCS)
    reference = tmp_path / "reference.duckdb"
    with Desk(reference, pipeline=FakePipeline(delay=0)) as desk:
        summary = desk.ingest([str(corpus)])
    assert summary.new == N_DOCS and summary.failed == 0

    db = tmp_path / "killed.duckdb"
    stored = []
    started = tmp_path / "started"
    for delay, extra in ((1.2, ()), (0.9, ()), (1.5, ("--workers", "2")), (0.8, ())):
        started.unlink(missing_ok=True)
        proc = start(corpus, db, *extra, started=started)
        wait_until_coding(proc, started)
        time.sleep(delay)
        assert proc.poll() is None, f"ingest finished before it could be killed ({stored})"
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest process and its workers
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        stored.append(check_consistent(db))
    print(f"documents stored after each kill: {stored} of {N_DOCS}")
    assert stored[-1] > 0 and stored[-1] < N_DOCS, stored
    assert stored == sorted(stored)  # each run kept what the ones before had stored

    proc = start(corpus, db)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert check_consistent(db) == N_DOCS
    assert snapshot(db) == snapshot(reference)
