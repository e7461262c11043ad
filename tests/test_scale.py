"""Scale-out: N local processes and a Dask cluster give the same database as one process."""

from __future__ import annotations

import os

import pytest
from test_desk_fakes import FakePipeline, snapshot, write_corpus

from eventdesk.desk import Desk

N_DOCS = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    paths = write_corpus(root / "corpus", N_DOCS)
    bad = root / "corpus" / "zz-bad.jsonl"
    bad.write_text('{"id": "crash", "text": "Drones struck Kyiv. FAIL-CODING"}\n{oops\n',
                   encoding="utf-8")
    reference = root / "one.duckdb"
    with Desk(reference, pipeline=FakePipeline()) as desk:
        summary = desk.ingest(paths + [str(bad)], batch_size=8)
    assert (summary.new, summary.failed) == (N_DOCS, 2)
    return paths + [str(bad)], snapshot(reference), summary


def test_workers_give_the_same_database(corpus, tmp_path):
    paths, reference, one = corpus
    db = tmp_path / "two.duckdb"
    with Desk(db, pipeline=FakePipeline()) as desk:
        summary = desk.ingest(paths, workers=2, batch_size=8)
    assert (summary.new, summary.events, summary.failed) == (one.new, one.events, one.failed)
    assert [str(e) for e in summary.errors] == [str(e) for e in one.errors]
    assert snapshot(db) == reference


def test_dask_cluster_gives_the_same_database(corpus, tmp_path):
    from distributed import Client, LocalCluster

    paths, reference, one = corpus
    db = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        with Desk(db, pipeline=FakePipeline()) as desk:
            summary = desk.ingest(paths, dask=client, batch_size=8)
    assert (summary.new, summary.events, summary.failed) == (one.new, one.events, one.failed)
    assert snapshot(db) == reference
    assert not os.listdir(f"{db}.parts")  # every Parquet part was loaded, then removed


def test_dask_local_with_worker_processes(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTDESK_PIPELINE", "test_desk_fakes:FakePipeline")
    monkeypatch.setenv("PYTHONPATH", os.path.dirname(__file__))
    paths, reference, _ = corpus
    db = tmp_path / "local.duckdb"
    with Desk(db) as desk:
        summary = desk.ingest(paths, dask="local", workers=2, batch_size=16)
    assert summary.new == N_DOCS
    assert snapshot(db) == reference
