"""Trust flags through the Python API, the store, the desk and `eventdesk flags`."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest
from test_desk_fakes import FakePipeline, make_doc

from eventdesk.cli import main
from eventdesk.desk import Desk
from eventdesk.records import Flag, MergedEvent, Span, SourceFigure
from eventdesk.errors import StoreError
from eventdesk.store import SCHEMA_VERSION, Store
from eventdesk.store.schema import SCHEMA_V1, SCHEMA_V2

CUT = ("ODESA - Russian drones struck Odesa overnight, killing two people, the governor said."
       "\n\nFirefighters worked through the night to put out the bla")
WEEKDAY = "KYIV - Russian drones struck Kyiv on Monday, June 13, killing five people."
PLAIN = "KHARKIV - Russia shelled Kharkiv on Sunday, killing 3 people, the mayor said."


def test_python_api_flags_shape(pipeline):
    from eventdesk import flags

    got = flags(CUT, published="2024-06-13", pipeline=pipeline)
    assert [f.flag for f in got] == ["truncated"]
    d = got[0].to_dict()
    assert set(d) == {"flag", "explanation", "evidence"}
    assert CUT[d["evidence"][0]["start"]:d["evidence"][0]["end"]] == d["evidence"][0]["text"]


# The flags table as the flags work numbered it (v2) before it met the merged view's v2.
FLAGS_V2_TABLE = """
    CREATE TABLE flags (
        scope VARCHAR NOT NULL, subject_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
        flag VARCHAR NOT NULL, explanation VARCHAR NOT NULL, evidence VARCHAR NOT NULL,
        stage VARCHAR
    )
"""


def _old_store(path, version: int, texts=(CUT,)) -> list:
    """A store as an older eventdesk left it: v1; v2 of the merged view; or ``-2``, the v2
    of the flags work (a flags table, no ingest order). Returns its documents."""
    from eventdesk.store.codec import EVENT_COLUMNS, event_row

    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied DATE NOT NULL)")
    for statement in SCHEMA_V1:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, current_date)")
    docs = [make_doc(t, published=date(2024, 6, 13)) for t in texts]
    for doc in docs:
        events = FakePipeline().process(doc)
        con.execute("INSERT INTO documents VALUES (?, ?, NULL, NULL, NULL, ?, ?, ?)",
                    [doc.id, doc.published, len(doc.text), len(events), doc.text])
        for ev in events:
            con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                        f"({', '.join('?' * len(EVENT_COLUMNS))})",
                        list(event_row(ev, json.dumps(ev.to_dict()))))
    if version == 2:
        for statement in SCHEMA_V2:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (2, current_date)")
    elif version == -2:
        con.execute(FLAGS_V2_TABLE)
        con.execute("INSERT INTO flags VALUES ('document', ?, ?, 'truncated', 'It breaks off.', "
                    "'[]', 'document.flags')", [docs[0].id, docs[0].id])
        con.execute("INSERT INTO schema_version VALUES (2, current_date)")
    con.close()
    return docs


@pytest.mark.parametrize("version", [1, 2, -2], ids=["v1", "v2-merged-view", "v2-flags"])
def test_older_stores_are_migrated(tmp_path, version, capsys):
    path = tmp_path / "old.duckdb"
    docs = _old_store(path, version, texts=(CUT, PLAIN))
    with pytest.raises(StoreError, match="older than this eventdesk"):
        Store(path, read_only=True)
    with Desk(path) as desk:  # migrated, then its merged view rebuilt
        assert desk.store.schema_version() == SCHEMA_VERSION == 3
        assert [r[0] for r in desk.store.con.execute(
            "SELECT version FROM schema_version ORDER BY 1").fetchall()] == [1, 2, 3]
        assert desk.store.unclustered() == 0
        assert desk.store.con.execute("SELECT count(*) FROM events WHERE seq IS NULL"
                                      ).fetchone()[0] == 0
        merged = desk.events()
        assert len(merged) == desk.counts()["events"] == 2
        assert all([f.flag for f in m.flags] == ["single_source"] for m in merged)
        kept = dict(desk.document_flags())
    # the flags work's v2 kept its flags; the others have none until they are recomputed
    assert kept == ({docs[0].id: kept[docs[0].id]} if version == -2 else {})
    assert main(["flags", "--db", str(path), "--recompute"]) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["doc_id"] == docs[0].id and line["flags"][0]["flag"] == "truncated"


def test_store_round_trip(tmp_path):
    doc = make_doc(CUT, published=date(2024, 6, 13))
    flag = Flag("truncated", "The text breaks off.",
                (Span(10, 14, CUT[10:14], "document.flags"),), stage="document.flags")
    note = Flag("unverified", "A claim.", (Span(0, 5, CUT[:5], "document.sourcing"),),
                doc_id=doc.id, stage="document.sourcing")
    events = FakePipeline().process(doc)
    with Store(tmp_path / "s.duckdb") as s:
        s.add([(doc, events)], flags={doc.id: [flag]}, notes={events[0].id: [note]})
        assert s.flags() == {doc.id: [flag]}
        assert s.flags(scope="event") == {events[0].id: [note]}
        s.add([(doc, events)], flags={doc.id: [flag]})  # a stored document: nothing new
        assert s.counts()["flags"] == 2


def test_ingest_stores_flags_and_flags_cli_reads_them(tmp_path, capsys):
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(json.dumps({"id": str(i), "text": t, "published": "2024-06-14"})
                             for i, t in enumerate([CUT, WEEKDAY, PLAIN])) + "\n")
    db = tmp_path / "d.duckdb"
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest([str(src)])
        stored = dict(desk.document_flags(all=True))
    assert len(stored) == 3
    kinds = sorted(f.flag for fl in stored.values() for f in fl)
    assert kinds == ["temporal_inconsistency", "truncated"]
    assert main(["flags", "--db", str(db)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2 and all(set(x) == {"doc_id", "flags"} for x in lines)
    assert main(["flags", "--db", str(db), "--recompute", "--all"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_flags_cli_jsonl_and_stdin(tmp_path, capsys, monkeypatch, pipeline):
    import io

    monkeypatch.setattr("eventdesk.api.Pipeline", lambda model=None: pipeline)
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "cut", "text": CUT, "published": "2024-06-13"}) + "\n"
                   + "{not json\n")
    assert main(["flags", "--jsonl", str(src)]) == 2  # the bad line fails alone
    out, err = capsys.readouterr()
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert line["doc_id"] == "cut" and line["flags"][0]["flag"] == "truncated"
    assert f"{src}:2" in err and "Traceback" not in err
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(
        (json.dumps({"id": "w", "text": WEEKDAY, "published": "2024-06-14"}) + "\n").encode())))
    assert main(["flags", "--jsonl", "-"]) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["flags"][0]["flag"] == "temporal_inconsistency"


@pytest.mark.parametrize("argv,message", [
    (["flags"], "no input"),
    (["flags", "--db", "/nonexistent/x.duckdb"], "no such event store"),
    (["flags", "missing.txt"], "no such file"),
])
def test_flags_cli_errors(argv, message, capsys, monkeypatch, pipeline):
    monkeypatch.setattr("eventdesk.api.Pipeline", lambda model=None: pipeline)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_merged_event_flags():
    from eventdesk.document.sourcing import merged_flags

    doc = make_doc(PLAIN, published=date(2025, 2, 2))
    (ev, *_) = FakePipeline().process(doc)
    one = MergedEvent.from_event(ev, source=SourceFigure(doc_id=doc.id, event_id=ev.id))
    note = Flag("party_source", "Only a party.", (Span(0, 7, PLAIN[:7]),), doc_id=doc.id)
    assert [f.flag for f in merged_flags(one)] == ["single_source"]
    assert [f.flag for f in merged_flags(one, {ev.id: [note]})] == ["single_source",
                                                                    "party_source"]
    two = MergedEvent(id="c", event=ev, conflicting=True, member_ids=(ev.id, "other"),
                      sources=(SourceFigure(doc.id, ev.id, fatalities=3),
                               SourceFigure("d2", "other", fatalities=5)))
    got = merged_flags(two, {ev.id: [note]})  # the other report names no party
    assert [f.flag for f in got] == ["conflicting_figures"]
    assert "3 killed" in got[0].explanation and "5 killed" in got[0].explanation


def test_event_notes_on_real_sentences(pipeline):
    from eventdesk.document.flags import flag_report
    from eventdesk.records import Document

    text = ("Russia's defence ministry said its forces had destroyed a Ukrainian command post "
            "near Kupiansk on Tuesday, killing 30 soldiers. The claim could not be "
            "independently verified.")
    doc = Document.from_text(text, published=date(2024, 5, 8))
    events = pipeline.process(doc)
    _, notes = flag_report(doc, events)
    kinds = {f.flag for fl in notes.values() for f in fl}
    assert {"unverified", "party_source"} <= kinds


def _flagged_store(tmp_path):
    db = tmp_path / "f.duckdb"
    docs = [make_doc(CUT, published=date(2024, 6, 13), title="cut"),
            make_doc(WEEKDAY, published=date(2024, 6, 14)),
            make_doc(PLAIN, published=date(2024, 6, 14))]
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest(docs)
        desk.merge()
    return db, docs


def test_exports_carry_flags(tmp_path):
    db, docs = _flagged_store(tmp_path)
    with Desk(db, read_only=True) as desk:
        desk.export("geojson", tmp_path / "e.geojson")
        desk.export("plover-json", tmp_path / "e.json")
        desk.export("acled-csv", tmp_path / "e.csv")
    feats = json.loads((tmp_path / "e.geojson").read_text())["features"]
    by_doc = {f["properties"]["doc_id"]: f["properties"]["flags"] for f in feats}
    assert "truncated" in by_doc[docs[0].id] and "single_source" in by_doc[docs[0].id]
    records = json.loads((tmp_path / "e.json").read_text())
    assert all(isinstance(r["flags"], list) for r in records)
    assert any(f["flag"] == "temporal_inconsistency" for r in records for f in r["flags"])
    assert "eventdesk flags: single_source" in (tmp_path / "e.csv").read_text()


def test_http_flag_endpoints(tmp_path):
    import warnings

    from eventdesk.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    db, docs = _flagged_store(tmp_path)
    client = TestClient(create_app(db, pipeline=FakePipeline()), raise_server_exceptions=False)
    r = client.get(f"/api/documents/{docs[0].id}/flags")
    assert r.status_code == 200 and r.json()["flags"][0]["flag"] == "truncated"
    ev = client.get(f"/api/documents/{docs[0].id}").json()["events"][0]
    r = client.get(f"/api/events/{ev['id']}/flags")
    assert r.status_code == 200 and r.json()["flags"][0]["flag"] == "single_source"
    assert client.get("/api/documents/nope/flags").status_code == 404
    assert client.get("/api/events/nope/flags").status_code == 404
    page = client.get("/").text
    assert "/static/flags.js" in page
    js = client.get("/static/flags.js").text
    assert "textContent" in js and "innerHTML" not in js


def test_merged_events_carry_their_flags_through_ingest_merge_and_exports(tmp_path):
    first = make_doc("Russian drones struck Odesa overnight, killing two people.",
                     published=date(2025, 5, 15), source="Outlet A")
    later = make_doc("Russian drones struck Odesa overnight, killing five people. The claim "
                     "could not be independently verified.", published=date(2025, 5, 16),
                     source="Outlet B")
    db = tmp_path / "m.duckdb"
    with Desk(db, pipeline=FakePipeline()) as desk:
        desk.ingest([first])
        (one,) = desk.events()
        assert [f.flag for f in one.flags] == ["single_source"]
        desk.ingest([later])  # placed in the same event: its flags follow
        (both,) = desk.events()
        assert both.id == one.id
        assert [f.flag for f in both.flags] == ["conflicting_figures", "unverified"]
        assert "2 killed" in both.flags[0].explanation and "5 killed" in both.flags[0].explanation
        assert [[f.flag for f in s.flags] for s in both.sources] == [[], ["unverified"]]
        assert desk.event(both.sources[1].event_id).flags == both.flags
        desk.merge()  # from scratch: the same flags
        (again,) = desk.events()
        assert [f.to_dict() for f in again.flags] == [f.to_dict() for f in both.flags]
        desk.export("plover-json", tmp_path / "merged.json")
        desk.export("plover-json", tmp_path / "reports.json", merged=False)
    (rec,) = json.loads((tmp_path / "merged.json").read_text())
    assert [f["flag"] for f in rec["flags"]] == ["conflicting_figures", "unverified"]
    reports = json.loads((tmp_path / "reports.json").read_text())
    assert sorted([f["flag"] for f in r["flags"]] for r in reports) == [[], ["unverified"]]
