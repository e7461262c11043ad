"""Desk: ingest -> code -> store, with an injected (fake) pipeline."""

from __future__ import annotations

import json
from datetime import date

import pytest
from test_desk_fakes import KYIV_TALKS, ODESA, FakePipeline, make_doc, snapshot

from eventdesk.desk import Desk, IngestSummary
from eventdesk.errors import InputError


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_ingest_codes_and_stores_documents_once(tmp_path):
    a = write(tmp_path / "a.txt", ODESA)
    b = write(tmp_path / "b.jsonl", json.dumps({"id": "x", "text": ODESA}) + "\n"
              + json.dumps({"id": "y", "text": KYIV_TALKS, "published": "2024-06-13"}) + "\n")
    with Desk(tmp_path / "e.duckdb", pipeline=FakePipeline()) as desk:
        first = desk.ingest([a, b])
        assert isinstance(first, IngestSummary)
        assert (first.new, first.seen, first.failed, first.events) == (2, 1, 0, 5)
        assert first.ok and str(first) == ("documents: 2 new, 1 seen, 0 failed; "
                                           "events stored: 5")
        again = desk.ingest([b, a])
        assert (again.new, again.seen, again.failed, again.events) == (0, 3, 0, 0)
        assert desk.counts()["documents"] == 2 and desk.counts()["events"] == 5
        assert [e.type for e in desk.reports(type="CONSULT")] == ["CONSULT"]
        doc = desk.document(desk.reports(type="CONSULT")[0].doc_id)
        assert doc.published == date(2024, 6, 13) and doc.source == b


def test_bad_items_fail_alone_and_nothing_stored_changes(tmp_path):
    db = tmp_path / "e.duckdb"
    good = write(tmp_path / "good.txt", ODESA)
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest([good])
    before = snapshot(db)
    crash = write(tmp_path / "crash.txt", "Drones struck Kyiv. FAIL-CODING")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with Desk(db, pipeline=FakePipeline()) as desk:
        s = desk.ingest([good, crash, str(binary), str(tmp_path / "missing.txt"),
                         write(tmp_path / "new.txt", KYIV_TALKS)])
    assert (s.new, s.seen, s.failed) == (1, 1, 3)
    lines = [str(e) for e in s.errors]
    assert lines[0].startswith(f"{binary}: binary file")
    assert lines[1] == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert lines[2].endswith("coding failed: RuntimeError: extractor crashed on this text")
    after = snapshot(db)
    for table, rows in before.items():
        assert set(rows) <= set(after[table])  # nothing changed or lost
    assert len(after["documents"]) == 2


def test_strict_stops_at_first_bad_item(tmp_path):
    good = write(tmp_path / "a.txt", ODESA)
    with Desk(tmp_path / "e.duckdb", pipeline=FakePipeline()) as desk:
        with pytest.raises(InputError, match="missing.txt: no such file"):
            desk.ingest([good, str(tmp_path / "missing.txt"), good], strict=True, batch_size=1)
        assert desk.counts()["documents"] == 1  # what was stored before stays


def test_documents_published_default_and_options(tmp_path):
    with Desk(":memory:", pipeline=FakePipeline()) as desk:
        s = desk.ingest([make_doc(ODESA), make_doc(KYIV_TALKS)])
        assert (s.new, s.events) == (2, 5)
        path = write(tmp_path / "a.txt", "Russian drones struck Kharkiv, killing four.")
        desk.ingest([path], published_default="2025-03-01")
        (e,) = desk.reports(near="Kharkiv")
        assert e.date.latest == date(2025, 3, 1) and e.fatalities == 4
        with pytest.raises(InputError, match="published-default"):
            desk.ingest([path], published_default="March")
        with pytest.raises(InputError, match="workers"):
            desk.ingest([path], workers=0)


def test_merge_groups_reports_across_documents(tmp_path):
    a = make_doc("Russian drones struck Odesa overnight, killing two people.",
                 published=date(2025, 5, 15), source="Outlet A")
    b = make_doc("Russian drones struck Odesa overnight, killing five people, officials said.",
                 published=date(2025, 5, 16), source="Outlet B")
    c = make_doc("Russia shelled Kharkiv, killing 3 people.", published=date(2025, 5, 16))
    with Desk(tmp_path / "e.duckdb", pipeline=FakePipeline()) as desk:
        desk.ingest([a, b, c])
        assert desk.merge() == 2
        multi = [x for x in desk.clusters() if x["n_sources"] == 2]
        (cluster,) = multi
        assert cluster["conflicting"] and cluster["fatalities"] == 5
        assert (cluster["fatalities_min"], cluster["fatalities_max"]) == (2, 5)
        assert [s["source"] for s in cluster["sources"]] == ["Outlet A", "Outlet B"]
        assert desk.merge() == 2  # re-running replaces, never duplicates
        assert desk.counts()["event_sources"] == 3


def test_default_pipeline_comes_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTDESK_PIPELINE", "test_desk_fakes:FakePipeline")
    with Desk(":memory:") as desk:
        assert type(desk.pipeline).__name__ == "FakePipeline"
    monkeypatch.setenv("EVENTDESK_PIPELINE", "nowhere:Nothing")
    from eventdesk.errors import ConfigError
    with Desk(":memory:") as desk, pytest.raises(ConfigError, match="cannot be loaded"):
        desk.ingest([make_doc()])
