"""Scoring of document flags against the gold files' ``flags`` field.

Per file: the share of gold flags the system raised (recall: a gold flag is found when the
document gets a flag of that name), the share of raised flags that are gold (precision), and
the share of documents with no gold flag that got a flag anyway (the false-flag rate).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class FlagCounts:
    gold: int = 0
    found: int = 0  # gold flags raised
    predicted: int = 0  # flags raised

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.found / self.predicted if self.predicted else None


@dataclass(frozen=True, slots=True)
class FlagScores:
    total: FlagCounts
    per_flag: dict[str, FlagCounts]
    unflagged_docs: int  # documents with no gold flag
    falsely_flagged: int  # ... of which got a flag
    errors: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = field(default=())
    # (doc id, missed gold flags, extra flags)

    @property
    def false_flag_rate(self) -> float | None:
        return self.falsely_flagged / self.unflagged_docs if self.unflagged_docs else None


def score_flags(docs: Iterable[tuple[str, Sequence[str], Sequence[str]]]) -> FlagScores:
    """``docs``: (doc id, gold flag names, predicted flag names) per document."""
    per: dict[str, list[int]] = {}
    unflagged = falsely = 0
    errors = []
    for doc_id, gold, pred in docs:
        g, p = set(gold), set(pred)
        for name in g | p:
            c = per.setdefault(name, [0, 0, 0])
            c[0] += name in g
            c[1] += name in g and name in p
            c[2] += name in p
        if not g:
            unflagged += 1
            falsely += bool(p)
        if g != p:
            errors.append((doc_id, tuple(sorted(g - p)), tuple(sorted(p - g))))
    per_flag = {k: FlagCounts(*v) for k, v in sorted(per.items())}
    total = FlagCounts(sum(c.gold for c in per_flag.values()),
                       sum(c.found for c in per_flag.values()),
                       sum(c.predicted for c in per_flag.values()))
    return FlagScores(total, per_flag, unflagged, falsely, tuple(errors))


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def format_flag_scores(s: FlagScores, *, errors: bool = False) -> str:
    lines = [f"document flags: gold {s.total.gold}, found {s.total.found} (recall "
             f"{_num(s.total.recall)}); raised {s.total.predicted} (precision "
             f"{_num(s.total.precision)}); documents without a gold flag {s.unflagged_docs}, "
             f"flagged anyway {s.falsely_flagged} (false-flag rate {_num(s.false_flag_rate)})"]
    for name, c in s.per_flag.items():
        lines.append(f"  {name:<24} gold {c.gold:>3}  found {c.found:>3}  raised {c.predicted:>3}")
    if errors:
        for doc_id, missed, extra in s.errors:
            bits = ([f"missed {', '.join(missed)}"] if missed else []) + (
                [f"extra {', '.join(extra)}"] if extra else [])
            lines.append(f"  -- {doc_id}: {'; '.join(bits)}")
    return "\n".join(lines)


def flag_scores_json(s: FlagScores, *, errors: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "gold": s.total.gold, "found": s.total.found, "raised": s.total.predicted,
        "recall": s.total.recall, "precision": s.total.precision,
        "unflagged_documents": s.unflagged_docs, "falsely_flagged_documents": s.falsely_flagged,
        "false_flag_rate": s.false_flag_rate,
        "per_flag": {k: {"gold": c.gold, "found": c.found, "raised": c.predicted,
                         "recall": c.recall, "precision": c.precision}
                     for k, c in s.per_flag.items()},
    }
    if errors:
        out["errors"] = [{"doc_id": d, "missed": list(m), "extra": list(x)}
                         for d, m, x in s.errors]
    return out
