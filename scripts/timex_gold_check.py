"""Check extract.timex against the gold date windows (seed.jsonl, dev.jsonl).

For each gold event with a date window: find the sentence holding its evidence, run
find_times on the document and take pick_window (a mention inside the evidence, else nearest
before/after it in the sentence, else the dateline, else default_window). Report how often the
predicted window's latest day falls inside the gold window and how often the windows are equal.

    .venv/bin/python scripts/timex_gold_check.py [--show-misses] [files...]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from eventdesk.annotate.dateline import find_dateline
from eventdesk.extraction.timex import (_sentence_bounds, dateline_time, default_window,
                                     find_times, pick_window)

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
CARRY = 1000


def locate(text: str, evidence: str) -> tuple[int, int] | None:
    parts = [p.strip() for p in evidence.split("...") if p.strip()]
    s = text.find(parts[0])
    if s < 0:
        return None
    e = text.find(parts[-1], s)
    return s, (e + len(parts[-1]) if e >= 0 else s + len(parts[0]))


def main(argv: list[str]) -> None:
    global CARRY
    show = "--show-misses" in argv
    CARRY = int(next((a.split("=")[1] for a in argv if a.startswith("--carry=")), 1000))
    files = [a for a in argv if not a.startswith("--")] or ["seed.jsonl", "dev.jsonl"]
    stats: Counter = Counter()
    nodefault: Counter = Counter()
    rules: Counter = Counter()
    elapsed = 0.0
    words = 0
    for name in files:
        for line in open(GOLD / name, encoding="utf-8"):
            doc = json.loads(line)
            text, pub = doc["text"], date.fromisoformat(doc["published"])
            t0 = time.perf_counter()
            found_dl = find_dateline(text)
            mentions = find_times(text, published=pub, dateline=found_dl)
            dl = dateline_time(found_dl, published=pub)
            elapsed += time.perf_counter() - t0
            words += len(text.split())
            starts = _sentence_bounds(text)
            for i, ev in enumerate(doc["events"]):
                if not ev.get("date"):
                    continue
                loc = locate(text, ev["evidence"])
                if loc is None:
                    stats["evidence_not_found"] += 1
                    continue
                s, e = loc
                s0 = max(st for st in starts if st <= s)
                s1 = min([st for st in starts if st > s] + [len(text)])
                g0, g1 = (date.fromisoformat(x) for x in ev["date"])
                w = pick_window(mentions, start=s, end=e, sentence_start=s0, sentence_end=s1,
                                published=pub, dateline=dl, carry=CARRY)
                key = "optional" if ev["optional"] else "scored"
                stats[f"{key}_events"] += 1
                inside = g0 <= w.latest <= g1
                equal = (w.earliest, w.latest) == (g0, g1)
                stats[f"{key}_latest_inside"] += inside
                stats[f"{key}_equal"] += equal
                rules[(w.rule, inside)] += 1
                has_time = any(s0 <= t.span.start < s1 for t in mentions)
                if not has_time:
                    # what does gold use when the sentence names no time?
                    nodefault["events"] += 1
                    nodefault["gold=[pub-1,pub]"] += (g0, g1) == (pub - timedelta(days=1), pub)
                    nodefault["gold=[pub,pub]"] += (g0, g1) == (pub, pub)
                    nodefault["gold contains pub"] += g0 <= pub <= g1
                    nodefault["gold contains pub-1"] += g0 <= pub - timedelta(days=1) <= g1
                    nodefault["default latest inside"] += g0 <= default_window(pub).latest <= g1
                if show and not inside:
                    print(f"MISS {doc['id']}[{i}] opt={ev['optional']} gold={ev['date']} "
                          f"pred={w.earliest}..{w.latest} ({w.rule}: "
                          f"{w.span.text if w.span else '-'!r})\n     {text[s0:s1].strip()[:220]}")
    for key in ("scored", "optional"):
        n = stats[f"{key}_events"]
        if n:
            print(f"{key}: {n} events with a gold window; latest day inside "
                  f"{stats[f'{key}_latest_inside']} ({stats[f'{key}_latest_inside'] / n:.1%}); "
                  f"window equal {stats[f'{key}_equal']} ({stats[f'{key}_equal'] / n:.1%})")
    print("sentences with no time expression:", dict(nodefault))
    print("by rule (rule, inside): ", dict(sorted(rules.items(), key=lambda kv: -kv[1])))
    print(f"find_dateline+find_times: {elapsed * 1000:.1f} ms for {words} words "
          f"({elapsed * 1000 / max(1, words) * 600:.2f} ms per 600 words)")
    if stats["evidence_not_found"]:
        print("evidence not found:", stats["evidence_not_found"])


if __name__ == "__main__":
    main(sys.argv[1:])
