"""Throughput of the full extraction against the bare spaCy pipeline, in one process and run.

    .venv/bin/python benchmarks/throughput.py [--docs 2000] [--gold ../shared/gold/dev.jsonl]

Prints docs/s and words/s of (1) the bare spaCy pipeline (`nlp.pipe`, same model) and (2) the
full extraction (`Pipeline.pipe`: parse + places + actors + triggers + arguments + merge), the
ratio full/bare (target >= 0.70) by wall time and by this process's CPU time (steadier on a
shared machine), and resident memory sampled along the run (it should stay
flat: documents are streamed, not accumulated). A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from eventdesk.api import Pipeline  # noqa: E402
from eventdesk.api import parse_published  # noqa: E402
from eventdesk.records import Document  # noqa: E402


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def load_texts(gold: Path) -> list[tuple[str, str]]:
    paths = [gold] if gold.exists() else []
    paths.append(HERE.parent / "samples" / "articles.jsonl")
    out = []
    for p in paths:
        if not p.exists():
            continue
        for line in p.open(encoding="utf-8"):
            rec = json.loads(line)
            out.append((rec["text"], rec.get("published") or "2025-01-01"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--gold", type=Path, default=HERE.parent.parent / "shared/gold/dev.jsonl")
    ap.add_argument("--batch-size", type=int, default=32)
    a = ap.parse_args()
    base = load_texts(a.gold)
    # vary the documents a little so no cache can help: a numbered first line
    docs = [Document.from_text(f"Report {i}.\n{t}", published=parse_published(p))
            for i, (t, p) in zip(range(a.docs), itertools.cycle(base))]
    words = sum(len(d.text.split()) for d in docs)
    pipe = Pipeline()
    nlp = pipe.nlp
    # warm-up: load everything, once
    for _ in pipe.pipe(docs[:20]):
        pass
    print(f"documents: {len(docs):,}  words: {words:,}  model: {nlp.meta.get('name')} "
          f"{nlp.meta.get('version')}  components: {', '.join(nlp.pipe_names)}")
    from eventdesk.resolve.actors import ActorDictionary

    print(f"actor dictionary load: {ActorDictionary.load().load_seconds:.2f} s (once per "
          "process)")

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((d.text for d in docs), batch_size=a.batch_size):
        pass
    bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"bare spaCy : {len(docs) / bare:8.1f} docs/s {words / bare:10.0f} words/s "
          f"({bare:.1f} s)")

    samples = []
    n_events = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for i, (_, events) in enumerate(pipe.pipe(docs, batch_size=a.batch_size)):
        n_events += len(events)
        if i % max(1, len(docs) // 8) == 0:
            samples.append((i, rss_mb()))
    full, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    samples.append((len(docs), rss_mb()))
    print(f"extraction : {len(docs) / full:8.1f} docs/s {words / full:10.0f} words/s "
          f"({full:.1f} s, {n_events:,} events)")
    print(f"ratio full/bare: {bare / full:.2f}  (target >= 0.70)")
    # CPU time of this process: steadier than wall time when other work shares the machine
    print(f"ratio full/bare by CPU time: {bare_cpu / full_cpu:.2f}  "
          f"(bare {bare_cpu:.1f} s, full {full_cpu:.1f} s)")
    print("RSS along the run (docs: MB): " + ", ".join(f"{i}: {m:.0f}" for i, m in samples))
    growth = samples[-1][1] - samples[1][1] if len(samples) > 2 else 0.0
    print(f"RSS growth after the first batch: {growth:+.0f} MB; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


if __name__ == "__main__":
    main()
