"""DuckDB store: schema, round trips, idempotent transactional writes, queries."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from test_desk_fakes import KYIV_TALKS, ODESA, fake_events, make_doc

from eventdesk.errors import InputError, StoreError
from eventdesk.store import SCHEMA_VERSION, Store, event_from_dict

KHARKIV = ("KHARKIV - Russia shelled Kharkiv on Sunday, killing 3 people and injuring 12, "
           "the mayor said.")


def corpus():
    docs = [make_doc(ODESA), make_doc(KYIV_TALKS, published=date(2024, 6, 13)),
            make_doc(KHARKIV, published=date(2025, 2, 2), source="Example News",
                     url="https://x.org/k", title="Kharkiv shelled")]
    return [(d, fake_events(d)) for d in docs]


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.duckdb")
    s.add(corpus())
    yield s
    s.close()


def test_schema_created_with_version(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.counts() == dict.fromkeys(
            ("documents", "events", "evidence", "clusters", "event_sources", "flags"), 0)
    with Store(tmp_path / "a.duckdb") as s:  # reopening migrates nothing
        assert s.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_or_foreign_database_is_refused(tmp_path):
    path = str(tmp_path / "a.duckdb")
    Store(path).close()
    con = duckdb.connect(path)
    con.execute("INSERT INTO schema_version VALUES (99, current_date)")
    con.close()
    with pytest.raises(StoreError, match="schema v99 is newer"):
        Store(path)
    other = str(tmp_path / "other.duckdb")
    con = duckdb.connect(other)
    con.execute("CREATE TABLE stuff (x INT)")
    con.close()
    with pytest.raises(StoreError, match="not an eventdesk database"):
        Store(other)


def test_events_round_trip_through_json(store):
    for doc, events in corpus():
        assert store.events(doc_id=doc.id) == sorted(
            events, key=lambda e: (e.date.earliest, e.id))
        assert store.document(doc.id) == doc
    e = fake_events(make_doc())[0]
    assert event_from_dict(e.to_dict()) == e


def test_adding_again_stores_nothing_new(store):
    before = store.counts()
    written = store.add(corpus())
    assert (written.documents, written.events, len(written.seen)) == (0, 0, 3)
    assert store.counts() == before


def test_failed_batch_is_rolled_back_whole(store, monkeypatch):
    before = store.counts()
    doc = make_doc("Drones struck Odesa, killing two. A second strike hit Izmail.")
    calls = []

    def broken_append(table, arrow_table):
        calls.append(table)
        if table == "evidence":
            raise duckdb.IOException("disk full (simulated)")
        return original(table, arrow_table)

    original = store._append
    monkeypatch.setattr(store, "_append", broken_append)
    with pytest.raises(StoreError, match="batch not stored"):
        store.add([(doc, fake_events(doc))])
    assert calls == ["documents", "events", "evidence"]
    assert store.counts() == before and store.document(doc.id) is None


def test_query_filters(store):
    assert {e.type for e in store.events()} == {"ASSAULT", "CONSULT", "REJECT"}
    assert len(store.events(type="assault")) == 4
    assert len(store.events(type=["CONSULT", "REJECT"])) == 2
    assert {e.location.name for e in store.events(since="2025-01-01", until="2025-03-01")} \
        == {"Kharkiv"}
    assert len(store.events(until=date(2024, 12, 31))) == 2
    odesa = store.events(near=(46.48, 30.73), within_km=10)
    assert [e.location.name for e in odesa] == ["Odesa"]
    assert {e.location.name for e in store.events(near="odesa", within_km=200)} \
        == {"Odesa", "Izmail"}
    assert [e.location.name for e in store.events(bbox=(35, 49, 37, 51))] == ["Kharkiv"]
    assert len(store.events(actor="RUS")) == 3  # Odesa, Kharkiv, and the rejection
    assert len(store.events(actor="russian")) == 3
    assert len(store.events(actor="civilians", type="ASSAULT")) == 4
    assert [e.fatalities for e in store.events(min_fatalities=3)] == [3]
    assert len(store.events(limit=2)) == 2
    (row,) = store.events(near="Kharkiv", rows=True)
    assert row["source"] == "Example News" and row["url"] == "https://x.org/k"
    assert (row["fatalities"], row["injuries"], row["lat"]) == (3, 12, 49.9808)


def test_bad_filters_name_the_filter(store):
    with pytest.raises(InputError, match="since: 'yesterday' is not a date"):
        store.events(since="yesterday")
    with pytest.raises(InputError, match="no stored event has a place of that name"):
        store.events(near="Atlantis")
    with pytest.raises(InputError, match="within_km: needs near"):
        store.events(within_km=5)
    with pytest.raises(InputError, match="south is greater"):
        store.events(bbox=(0, 10, 1, 5))


def test_clusters_keep_each_source_figure(store):
    from eventdesk.records import MergedEvent, SourceFigure

    doc_a = make_doc("Russian drones struck Odesa overnight, killing two people.",
                     published=date(2025, 5, 15), source="Outlet A")
    doc_b = make_doc("Drones struck Odesa overnight, killing five people, officials said.",
                     published=date(2025, 5, 16), source="Outlet B")
    (ea,), (eb,) = fake_events(doc_a), fake_events(doc_b)
    store.add([(doc_a, [ea]), (doc_b, [eb])])
    merged = MergedEvent(
        id=MergedEvent.cluster_id(ea.id), event=eb, fatalities=5, fatalities_range=(2, 5),
        conflicting=True, member_ids=(ea.id, eb.id),
        sources=(SourceFigure(doc_id=doc_a.id, event_id=ea.id, published=doc_a.published,
                              outlet="Outlet A", fatalities=2),
                 SourceFigure(doc_id=doc_b.id, event_id=eb.id, published=doc_b.published,
                              outlet="Outlet B", fatalities=5)))
    assert store.save_clusters([merged]) == 1
    (c,) = store.clusters()
    assert (c["n_sources"], c["fatalities"], c["fatalities_min"], c["fatalities_max"],
            c["conflicting"], c["representative"]) == (2, 5, 2, 5, True, eb.id)
    assert [(s["source"], s["fatalities"]) for s in c["sources"]] == [("Outlet A", 2),
                                                                      ("Outlet B", 5)]
    assert store.save_clusters([]) == 0 and store.clusters() == []  # replaced, not appended


def test_best_day_survives_the_store_and_leads_the_export_date(tmp_path):
    from datetime import timedelta

    from eventdesk.export._common import event_date
    from eventdesk.records import DateWindow

    e = fake_events(make_doc())[0]
    w = e.date
    daily = e.replace(date=DateWindow(w.latest - timedelta(days=1), w.latest, span=w.span,
                                      rule="daily", best=w.latest - timedelta(days=1)))
    assert event_from_dict(daily.to_dict()) == daily
    assert event_date(daily) == w.latest - timedelta(days=1)
    with Store(tmp_path / "b.duckdb") as st:
        st.add([(make_doc(), [daily])])
        assert st.events()[0].date.best == daily.date.best


def test_trigger_rules_round_trip_and_old_records_load():
    from eventdesk.records import Evidence

    e = fake_events(make_doc())[0]
    with_rule = e.replace(evidence=(Evidence("trigger", e.trigger, rule="assault.strike/hit:V"),)
                          + e.evidence)
    assert event_from_dict(with_rule.to_dict()) == with_rule
    old = with_rule.to_dict()
    for item in old["evidence"]:
        del item["rule"]  # stored before evidence named its rule
    assert event_from_dict(old).evidence[0].rule == ""
