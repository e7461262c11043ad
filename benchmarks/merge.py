"""Cross-document merge on synthetic reports: time and clusters for 25k, 50k and 100k events.

    .venv/bin/python benchmarks/merge.py

Prints the seconds each size takes and the ratio to the smallest size (near 2 and 4 when the
blocking keeps the merge linear; 4 and 16 would be quadratic).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))

from eventdesk.merge.across import merge_events  # noqa: E402
from test_merge_across import synthetic  # noqa: E402


def main() -> None:
    base = None
    for n in (25_000, 50_000, 100_000):
        items = synthetic(n)
        t0 = time.perf_counter()
        merged = merge_events(items)
        took = time.perf_counter() - t0
        base = base or took
        print(f"{n:>7,} reports -> {len(merged):>7,} events in {took:6.1f} s "
              f"(x{took / base:.1f} of 25k)")


if __name__ == "__main__":
    main()
