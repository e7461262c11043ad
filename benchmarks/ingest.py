"""Benchmark: ingest generated documents with 1 and 2 worker processes (the real Pipeline).

    python benchmarks/ingest.py              # 10,000 documents
    python benchmarks/ingest.py --docs 400   # a quick run

Documents are the dev gold texts (../shared/gold/dev.jsonl) made distinct by a report number
and given varied publication dates. Each configuration runs in a fresh subprocess so that
its peak memory (the ingest process and its workers) is its own. Prints docs/s for each, the
speed-up, peak memory, RSS of the main process at 25/50/75/100 % of the corpus (flat when
memory does not grow with corpus size), database size, and whether both databases hold the
same events. The pipeline is imported lazily (``EVENTDESK_PIPELINE`` picks another one).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "..", "shared", "gold", "dev.jsonl")
if not os.path.exists(DEV):
    DEV = "/work/shared/gold/dev.jsonl"


def generate(out_dir: str, n: int, *, per_file: int = 500) -> list[str]:
    with open(DEV, encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    paths = []
    for f in range(0, n, per_file):
        path = os.path.join(out_dir, f"docs-{f // per_file:04d}.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(f, min(n, f + per_file)):
                g = gold[i % len(gold)]
                shift = (i // len(gold)) % 730 - 365
                published = date.fromisoformat(g["published"]) + timedelta(days=shift)
                text = f"{g['text']}\n(Report {i:05d}.)"
                fh.write(json.dumps({"id": f"bench-{i:05d}", "text": text,
                                     "published": published.isoformat(),
                                     "outlet": f"Outlet {i % 17}"}, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_one(paths: list[str], db: str, workers: int, n: int, src: str) -> dict:
    """One ingest in this process; returns its figures."""
    sys.path.insert(0, src)
    from eventdesk.desk import Desk

    samples: dict[int, float] = {}
    stop = threading.Event()

    def watch(desk_ref: list) -> None:  # RSS of this process as the corpus goes in
        marks = [n // 4, n // 2, 3 * n // 4]
        while not stop.wait(0.5):
            done = desk_ref[0].store_progress if desk_ref else 0
            for m in marks:
                if done >= m and m not in samples:
                    samples[m] = round(_rss_mb(), 1)

    with Desk(db) as desk:
        holder = [desk]
        desk.store_progress = 0  # type: ignore[attr-defined]
        original = desk.store.add

        def add(batch):
            written = original(batch)
            desk.store_progress += len(batch)  # type: ignore[attr-defined]
            return written

        desk.store.add = add  # type: ignore[method-assign]
        thread = threading.Thread(target=watch, args=(holder,), daemon=True)
        thread.start()
        t0 = time.perf_counter()
        summary = desk.ingest(paths, workers=workers, batch_size=16)
        seconds = time.perf_counter() - t0
        stop.set()
        samples[n] = round(_rss_mb(), 1)
        digest = desk.store.con.execute(
            "SELECT md5(string_agg(json, '' ORDER BY id)) FROM events").fetchone()[0]
        desk.store.checkpoint()
    size = sum(os.path.getsize(p) for p in (db, db + ".wal") if os.path.exists(p))
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"workers": workers, "docs": summary.new, "failed": summary.failed,
            "events": summary.events, "seconds": round(seconds, 1),
            "docs_per_s": round(summary.new / seconds, 2), "peak_main_mb": round(peak_self),
            "peak_worker_mb": round(peak_children), "rss_mb_at": samples,
            "db_mb": round(size / 1e6, 1), "events_md5": digest}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents (default 10,000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--dir", help="keep corpus and databases here (default: a temp dir)")
    ap.add_argument("--one-thread", action="store_true",
                    help="also run 1 worker limited to one BLAS thread (the per-core baseline)")
    ap.add_argument("--_run", nargs=4, metavar=("DIR", "DB", "WORKERS", "SRC"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._run:
        directory, db, workers, src = args._run
        paths = sorted(os.path.join(directory, p) for p in os.listdir(directory)
                       if p.endswith(".jsonl"))
        print(json.dumps(run_one(paths, db, int(workers), args.docs, src)))
        return 0
    root = args.dir or tempfile.mkdtemp(prefix="eventdesk-bench-")
    # every configuration runs the same code, even while the source tree changes
    src = os.path.join(root, "src")
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "..", "src", "eventdesk"), os.path.join(src, "eventdesk"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    corpus = os.path.join(root, "corpus")
    os.makedirs(corpus, exist_ok=True)
    generate(corpus, args.docs)
    print(f"corpus: {args.docs} documents from {DEV} in {corpus}; {os.cpu_count()} CPUs")
    results = []
    runs = [(w, False) for w in args.workers] + ([(1, True)] if args.one_thread else [])
    for w, one_thread in runs:
        label = f"workers={w}" + (" (1 BLAS thread)" if one_thread else "")
        db = os.path.join(root, f"bench-{w}{'-1t' if one_thread else ''}.duckdb")
        for p in (db, db + ".wal"):
            if os.path.exists(p):
                os.remove(p)
        env = dict(os.environ)
        if one_thread:
            env.update(dict.fromkeys(("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                      "MKL_NUM_THREADS", "BLIS_NUM_THREADS"), "1"))
        proc = subprocess.run([sys.executable, __file__, "--docs", str(args.docs),
                               "--_run", corpus, db, str(w), src], capture_output=True,
                              text=True, env=env)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        r["label"] = label
        results.append(r)
        print(f"{label}: {r['docs']} docs, {r['events']} events, {r['failed']} failed in "
              f"{r['seconds']} s = {r['docs_per_s']} docs/s; peak RSS main {r['peak_main_mb']} "
              f"MB, largest worker {r['peak_worker_mb']} MB; main RSS by docs stored "
              f"{r['rss_mb_at']}; DB {r['db_mb']} MB")
    if len(results) >= 2:
        base = results[0]["docs_per_s"]
        for r in results[1:]:
            print(f"speed-up {r['label']} vs {results[0]['label']}: "
                  f"{r['docs_per_s'] / base:.2f}x")
        same = len({r["events_md5"] for r in results}) == 1
        print(f"same events in every database: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
