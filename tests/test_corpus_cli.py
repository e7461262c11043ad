"""`eventdesk ingest / events / merge / export`: thin faces of Desk, clear lines, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from test_desk_fakes import KYIV_TALKS, ODESA

from eventdesk.cli import main

TESTS = os.path.dirname(__file__)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setenv("EVENTDESK_PIPELINE", "test_desk_fakes:FakePipeline")


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(ODESA, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "talks", "text": KYIV_TALKS, "published": "2024-06-13",
                    "outlet": "Example"}) + "\n", encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_summary_and_exit_codes(corpus, capsys):
    db = corpus / "e.duckdb"
    code, out, err = run(capsys, "ingest", corpus / "a.txt", corpus / "b.jsonl", "--db", db)
    assert code == 0 and out == ""
    assert "documents: 2 new, 0 seen, 0 failed; events stored: 5" in err
    (corpus / "bad.csv").write_text("headline\nx\n", encoding="utf-8")
    code, _, err = run(capsys, "ingest", corpus, "--db", db)
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0] == (f"eventdesk: {corpus / 'bad.csv'}: missing column 'text' (or 'id' with "
                        "--texts DIR); columns are: headline")
    assert "documents: 0 new, 2 seen, 1 failed; events stored: 0" in lines[-1]
    assert "Traceback" not in err


def test_strict_and_usage_errors_exit_2(corpus, capsys):
    db = corpus / "e.duckdb"
    code, _, err = run(capsys, "ingest", corpus / "missing.txt", "--db", db, "--strict")
    assert code == 2
    assert err.strip() == f"eventdesk: error: {corpus / 'missing.txt'}: no such file or directory"
    code, _, err = run(capsys, "ingest", corpus / "a.txt", "--db", db,
                       "--published-default", "soon")
    assert code == 2 and "published-default: 'soon' is not a date" in err
    with pytest.raises(SystemExit) as exc:
        main(["ingest"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "events", "--db", corpus / "nothing.duckdb")
    assert code == 1 and "no such database" in err


def test_events_formats_and_filters(corpus, capsys):
    db = corpus / "e.duckdb"
    run(capsys, "ingest", corpus, "--db", db)
    code, out, _ = run(capsys, "events", "--db", db)
    assert code == 0 and out.splitlines()[0].split()[:3] == ["date", "window", "type"]
    assert out.strip().endswith("(5 events from 5 reports)")
    code, out, _ = run(capsys, "events", "--db", db, "--reports")
    assert code == 0 and out.strip().endswith("(5 reports)")
    _, out, _ = run(capsys, "events", "--db", db, "--type", "assault", "--near", "Odesa",
                    "--within", "20", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["location_name"], r["fatalities"], r["injuries"], r["n_sources"])
            for r in rows] == [("Odesa", "2", "9", "1")]
    _, out, _ = run(capsys, "events", "--db", db, "--actor", "RUS", "--format", "jsonl")
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 2 and all(e["sources"][0]["doc_id"] for e in events)
    _, out, _ = run(capsys, "events", "--db", db, "--actor", "RUS", "--format", "jsonl",
                    "--reports")
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 2 and all(e["doc_id"] for e in events)
    _, out, _ = run(capsys, "events", "--db", db, "--bbox", "28,45,29.5,46", "--since",
                    "2025-05-14", "--until", "2025-05-15", "--min-fatalities", "0",
                    "--format", "jsonl")
    assert out == ""  # Izmail strike has no figure: min-fatalities 0 excludes unknown
    code, _, err = run(capsys, "events", "--db", db, "--bbox", "1,2,3")
    assert code == 2 and "--bbox: '1,2,3' is not 4 comma-separated numbers" in err
    code, _, err = run(capsys, "events", "--db", db, "--since", "yesterday")
    assert code == 2 and "since: 'yesterday' is not a date" in err


def test_merge_command(corpus, capsys):
    db = corpus / "e.duckdb"
    run(capsys, "ingest", corpus, "--db", db)
    code, _, err = run(capsys, "merge", "--db", db)
    assert code == 0 and "events after merge" in err


def test_real_process_reads_stdin(corpus):
    env = {**os.environ, "PYTHONPATH": TESTS, "EVENTDESK_PIPELINE": "test_desk_fakes:FakePipeline"}
    db = corpus / "e.duckdb"
    proc = subprocess.run([sys.executable, "-m", "eventdesk", "ingest", "-", "--db", str(db)],
                          input=ODESA.encode(), capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "documents: 1 new, 0 seen, 0 failed; events stored: 3" in proc.stderr.decode()
