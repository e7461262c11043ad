"""Incremental cross-document merge at scale: 100,000 generated reports through the store.

    .venv/bin/python benchmarks/merge.py [--reports 100000] [--batch 32]

Reports arrive in publication order, as a desk receives them: about 270 a day for a year, in
five theatres (3,000 towns; towns, regions and country-wide reports), each real-world event
reported by one to three documents of three reports each, with figures that sometimes differ.

1. ``Desk.ingest`` stores them in batches of ``--batch`` documents; each batch places its
   new reports in their clusters in the storing transaction (the desk is closed and reopened
   half way, so the second half starts from the index the store reloads). Printed: the time
   per report in each tenth of the run, and the ratio of the last tenth to the first (flat:
   near 1; a merge that compared each report with the whole store would grow tenfold).
2. The same merge alone (``merge.across.Clusterer``, no store), per tenth.
3. ``Desk.merge()`` re-clusters from scratch; the clusters (id and members) must equal the
   incremental ones.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))

from eventdesk.desk import Desk  # noqa: E402
from eventdesk.merge.across import Clusterer, source_of  # noqa: E402
from generated import Replay, generate  # noqa: E402

def tenths(times: list[tuple[int, float]], total: int) -> list[float]:
    """Seconds per report (ms) in each tenth of the run, from (reports done, seconds) marks."""
    out = []
    marks = [(0, 0.0)] + times
    for t in range(10):
        lo, hi = total * t / 10, total * (t + 1) / 10
        seg = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])
               if lo <= b[0] <= hi or (a[0] < hi < b[0])]
        n = sum(x for x, _ in seg)
        s = sum(y for _, y in seg)
        out.append(1000 * s / max(n, 1))
    return out


def clusters_of(desk: Desk) -> dict[str, tuple[str, ...]]:
    rows = desk.store.con.execute(
        "SELECT cluster_id, list(event_id ORDER BY event_id) FROM event_sources GROUP BY 1"
    ).fetchall()
    return {cid: tuple(members) for cid, members in rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=32, help="documents per ingest batch")
    args = ap.parse_args()
    docs = generate(args.reports)
    n = sum(len(e) for _, e in docs)
    print(f"{n:,} reports in {len(docs):,} documents over "
          f"{(docs[-1][0].published - docs[0][0].published).days + 1} days")

    # 2. the merge alone
    clusterer = Clusterer()
    marks, done, t0 = [], 0, time.perf_counter()
    for doc, events in docs:
        clusterer.add_document([(ev, source_of(doc, ev)) for ev in events])
        done += len(events)
        if len(marks) == 0 or done - marks[-1][0] >= 1000:
            marks.append((done, time.perf_counter() - t0))
    marks.append((done, time.perf_counter() - t0))
    alone = tenths(marks, n)
    print(f"merge alone (Clusterer.add_document): {marks[-1][1]:.1f} s, {len(clusterer.clusters):,} "
          f"clusters; ms/report by tenth: {' '.join(f'{x:.3f}' for x in alone)}; "
          f"last/first {alone[-1] / alone[0]:.2f}")

    # 1. through the store
    with tempfile.TemporaryDirectory(prefix="eventdesk-merge-") as tmp:
        db = Path(tmp) / "merge.duckdb"
        pipe = Replay(docs)
        marks, done, t0 = [], 0, time.perf_counter()
        half = len(docs) // 2
        desk = Desk(db, pipeline=pipe)
        for i in range(0, len(docs), args.batch):
            if i <= half < i + args.batch:
                desk.close()  # reopen: the second half starts from the reloaded index
                t_re = time.perf_counter()
                desk = Desk(db, pipeline=pipe)
                desk._index()
                reload_s = time.perf_counter() - t_re
            chunk = [d for d, _ in docs[i:i + args.batch]]
            summary = desk.ingest(chunk, batch_size=args.batch)
            done += summary.events
            marks.append((done, time.perf_counter() - t0))
        total = marks[-1][1]
        store = tenths(marks, n)
        incremental = clusters_of(desk)
        print(f"ingest with incremental merge: {n:,} reports in {total:.1f} s "
              f"({1000 * total / n:.2f} ms/report), {len(incremental):,} events; index reload "
              f"at the half-way reopen {reload_s:.1f} s")
        print(f"  ms/report by tenth: {' '.join(f'{x:.2f}' for x in store)}; last tenth / "
              f"first tenth = {store[-1] / store[0]:.2f} (flat: within 1.5)")
        t0 = time.perf_counter()
        desk.merge()
        scratch = clusters_of(desk)
        print(f"merge from scratch: {time.perf_counter() - t0:.1f} s, {len(scratch):,} events; "
              f"equal to the incremental clusters: {scratch == incremental}")
        same_alone = {cid: tuple(sorted(clusterer.members(cid))) for cid in clusterer.clusters}
        print(f"  and to the merge alone: {same_alone == scratch}")
        desk.close()


if __name__ == "__main__":
    main()
