"""The merged view: incremental merge at ingest, from-scratch merge, revisions, rollback,
blocking completeness, migration of a v1 store, merged exports and counts, and the dev
reports' same_event_as pairs."""

from __future__ import annotations

import json
import random
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from generated import Replay, build_store, generate  # noqa: E402
from test_desk_fakes import FakePipeline, make_doc  # noqa: E402

from eventdesk.desk import Desk  # noqa: E402
from eventdesk.errors import StoreError  # noqa: E402
from eventdesk.merge.across import Clusterer, _Item, pair_score, source_of  # noqa: E402
from eventdesk.records import MergedEvent  # noqa: E402

GOLD_DEV = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl"


def clusters(desk: Desk) -> dict[str, tuple[str, ...]]:
    rows = desk.store.con.execute(
        "SELECT cluster_id, list(event_id ORDER BY event_id) FROM event_sources GROUP BY 1"
    ).fetchall()
    return {cid: tuple(m) for cid, m in rows}


def test_incremental_equals_from_scratch(tmp_path):
    db = tmp_path / "g.duckdb"
    build_store(db, 3000, batch=16)
    with Desk(db) as desk:
        incremental = clusters(desk)
        stats = desk.stats()
        assert stats["events"] == len(incremental) < stats["reports"] == desk.counts()["events"]
        assert desk.merge() == len(incremental)
        assert clusters(desk) == incremental
        # nothing lost: every report in exactly one cluster
        assert sum(len(m) for m in incremental.values()) == stats["reports"]


def test_a_revised_toll_updates_the_event_and_keeps_the_first_figure(tmp_path):
    first = make_doc("Russian drones struck Odesa overnight, killing two people.",
                     published=date(2025, 5, 15), source="Outlet A")
    later = make_doc("Russian drones struck Odesa overnight, killing five people, "
                     "officials said.", published=date(2025, 5, 16), source="Outlet B")
    with Desk(tmp_path / "r.duckdb", pipeline=FakePipeline()) as desk:
        desk.ingest([first])
        (before,) = desk.events()
        assert before.fatalities == 2 and len(before.sources) == 1
        desk.ingest([later])  # no `merge`: ingest placed it
        (after,) = desk.events()
        assert after.id == before.id  # the event keeps its id
        assert after.fatalities == 5 and after.fatalities_range == (2, 5) and after.conflicting
        assert [(s.outlet, s.fatalities) for s in after.sources] == [("Outlet A", 2),
                                                                     ("Outlet B", 5)]
        assert all(s.evidence for s in after.sources)
        assert desk.event(after.sources[0].event_id) == after  # found by a report's id
        stats = desk.stats()
        assert (stats["events"], stats["reports"], stats["fatalities"]) == (1, 2, 5)
        assert desk.stats(merged=False)["fatalities"] == 7  # per report: counted twice


def test_a_failed_write_takes_the_reports_out_of_the_clusters_too(tmp_path, monkeypatch):
    a = make_doc("Russian drones struck Odesa overnight, killing two people.",
                 published=date(2025, 5, 15))
    b = make_doc("Drones struck Odesa overnight, killing two people.",
                 published=date(2025, 5, 15))
    with Desk(tmp_path / "f.duckdb", pipeline=FakePipeline()) as desk:
        desk.ingest([a])
        original = desk.store.write_clusters

        def broken(merged):
            raise duckdb.IOException("disk full (simulated)")

        monkeypatch.setattr(desk.store, "write_clusters", broken)
        with pytest.raises(StoreError, match="batch not stored"):
            desk.ingest([b])
        assert desk.counts()["documents"] == 1
        assert len(desk._clusterer) == desk.counts()["events"]  # the index is rolled back
        monkeypatch.setattr(desk.store, "write_clusters", original)
        assert desk.ingest([b]).new == 1
        stored = clusters(desk)
        desk.merge()
        assert clusters(desk) == stored


def test_blocking_finds_every_compatible_pair():
    """The Clusterer's complete-linkage test trusts its blocking keys to find every report
    pair_score accepts: check that against all pairs of a few thousand reports."""
    docs = generate(2400, seed=11)
    rng = random.Random(3)
    items = []
    for doc, events in docs:
        for ev in events:
            it = _Item.of(ev, source_of(doc, ev))
            if rng.random() < 0.15:  # some places without a point, some without a place
                it.lat = it.lon = None
            items.append(it)
    c = Clusterer()
    found: set[frozenset[str]] = set()
    for it in items:
        probe = c._probe_keys(it)
        if c._pairable(it):
            for bucket in range((it.e0 - 1) // 2, (it.e1 + 1) // 2 + 1):
                for key in probe:
                    for other in c._index.get((it.fam, bucket) + key, ()):
                        found.add(frozenset((it.id, other.id)))
        c._file(it, MergedEvent.cluster_id(it.id))
    missed = []
    for i, a in enumerate(items):
        for b in items[:i]:
            if pair_score(a, b) is not None and frozenset((a.id, b.id)) not in found:
                missed.append((a.id, b.id))
    assert not missed, missed[:5]


def test_a_v1_store_is_upgraded_and_merged(tmp_path):
    from eventdesk.store.schema import SCHEMA_V1, SCHEMA_VERSION

    path = tmp_path / "v1.duckdb"
    doc = make_doc()
    events = FakePipeline().process(doc)
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied DATE NOT NULL)")
    for statement in SCHEMA_V1:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, current_date)")
    con.execute("INSERT INTO documents VALUES (?, ?, NULL, NULL, NULL, ?, ?, ?)",
                [doc.id, doc.published, len(doc.text), len(events), doc.text])
    from eventdesk.store.codec import EVENT_COLUMNS, event_row

    for ev in events:
        row = event_row(ev, json.dumps(ev.to_dict()))
        con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                    f"({', '.join('?' * len(EVENT_COLUMNS))})", list(row))
    con.close()
    with pytest.raises(StoreError, match="older than this eventdesk"):
        Desk(path, read_only=True)
    with Desk(path) as desk:  # upgraded, then merged
        assert desk.store.schema_version() == SCHEMA_VERSION
        assert len(desk.events()) == len(events) and desk.store.unclustered() == 0
    with Desk(path, read_only=True) as desk:
        assert desk.stats()["reports"] == len(events)


def test_exports_and_cli_show_merged_events(tmp_path):
    db = tmp_path / "x.duckdb"
    build_store(db, 900)
    with Desk(db, read_only=True) as desk:
        n_events, n_reports = desk.stats()["events"], desk.stats()["reports"]
        out = tmp_path / "p.json"
        desk.export("plover-json", out)
        records = json.loads(out.read_text())
        assert len(records) == n_events < n_reports
        multi = [r for r in records if len(r["sources"]) > 1]
        assert multi and all(len({s["doc_id"] for s in r["sources"]}) == len(r["sources"])
                             for r in multi)
        desk.export("plover-json", out, merged=False)
        assert len(json.loads(out.read_text())) == n_reports
        desk.export("acled-csv", tmp_path / "a.csv", options={"non_violent": "strategic"})
        import csv

        rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
        assert len(rows) <= n_events
        assert any("; " in r["source"] for r in rows)  # one row, the outlets listed
        assert any("reports:" in r["notes"] for r in rows)


def test_merged_event_ids_are_stable_across_ingest_and_merge(tmp_path):
    docs = generate(600)
    with Desk(tmp_path / "s.duckdb", pipeline=Replay(docs)) as desk:
        desk.ingest([d for d, _ in docs[:100]])
        early = {m.id for m in desk.events()}
        desk.ingest([d for d, _ in docs[100:]])
        assert early <= {m.id for m in desk.events()}
        # a cluster's id is the hash of the report that opened it
        for m in desk.events(limit=50):
            assert m.id in {MergedEvent.cluster_id(s.event_id) for s in m.sources}


@pytest.mark.skipif(not GOLD_DEV.exists(), reason="gold dev.jsonl not present")
def test_dev_reports_same_event_pairs_are_one_event(tmp_path, pipeline):
    """Done-when of issue 9: the dev reports ingested then merged, the PLOVER JSON export
    holds each same_event_as pair as one event whose sources name both reports."""
    from eventdesk.records import content_id

    gold = [json.loads(line) for line in GOLD_DEV.read_text(encoding="utf-8").splitlines()]
    with Desk(tmp_path / "dev.duckdb", pipeline=pipeline) as desk:
        desk.ingest([str(GOLD_DEV)])
        desk.merge()
        out = tmp_path / "dev.json"
        desk.export("plover-json", out)
        n_reports = desk.stats()["reports"]
    records = json.loads(out.read_text())
    assert len(records) < n_reports
    doc = {d["id"]: content_id(d["text"]) for d in gold}
    pairs = {tuple(sorted((d["id"], other))) for d in gold
             for _, other, _ in d.get("same_event_as", [])}
    assert len(pairs) == 5
    for a, b in pairs:
        assert any({doc[a], doc[b]} <= {s["doc_id"] for s in r["sources"]} for r in records), \
            (a, b)
