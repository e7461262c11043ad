"""Evaluation reports: a text table, JSON, and a compact per-document error listing.

The error listing is for developers improving the extractor: for each document with an
error it shows missed gold events (with their evidence and the nearest prediction with the
reason it did not match), false positives (trigger and sentence) and field mismatches on
matched pairs, one line each.
"""

from __future__ import annotations

from typing import Any

from eventdesk.evaluate.gold import GoldEvent
from eventdesk.evaluate.rules import primary_rule
from eventdesk.evaluate.score import (
    FIELDS, Counts, DocResult, MergeScores, Scores, format_window,
)
from eventdesk.records import Event

_WIDTH = 110


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _counts_json(c: Counts) -> dict[str, Any]:
    return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.support,
            "tp": c.tp, "fp": c.fp, "fn": c.fn}


def summary_line(scores: Scores) -> str:
    m = scores.micro
    return (f"P {_num(m.precision)}  R {_num(m.recall)}  F1 {_num(m.f1)}  "
            f"(tp {m.tp}, fp {m.fp}, fn {m.fn})")


def format_scores(scores: Scores, *, title: str = "") -> str:
    """The per-type table, the micro/macro lines and the field accuracies with their n."""
    docs = scores.docs
    n_gold = sum(len(r.doc.scored_events) for r in docs)
    n_opt = sum(len(r.doc.events) for r in docs) - n_gold
    n_pred = sum(len(r.predicted) for r in docs)
    lines = []
    if title:
        lines.append(f"== {title}")
    lines.append(f"{len(docs)} documents, {n_gold} gold events (+{n_opt} optional), "
                 f"{n_pred} predicted; {scores.optional_matched} predictions matched optional "
                 f"gold events (not counted)")
    lines.append("")
    lines.append(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'tp':>5} {'fp':>5} {'fn':>5}")
    for etype, c in scores.per_type.items():
        lines.append(f"{etype:<10} {_num(c.precision):>6} {_num(c.recall):>6} {_num(c.f1):>6} "
                     f"{c.support:>8} {c.tp:>5} {c.fp:>5} {c.fn:>5}")
    m = scores.micro
    lines.append(f"{'micro':<10} {_num(m.precision):>6} {_num(m.recall):>6} {_num(m.f1):>6} "
                 f"{m.support:>8} {m.tp:>5} {m.fp:>5} {m.fn:>5}")
    lines.append(f"{'macro F1':<10} {'':>6} {'':>6} {_num(scores.macro_f1):>6}")
    lines.append("")
    lines.append(f"{'field (matched pairs)':<22} {'accuracy':>8} {'n':>6}")
    for name in FIELDS:
        f = scores.fields[name]
        lines.append(f"{name:<22} {_num(f.accuracy):>8} {f.n:>6}")
    return "\n".join(lines)


def scores_json(scores: Scores, *, errors: bool = False) -> dict[str, Any]:
    docs = scores.docs
    out: dict[str, Any] = {
        "documents": len(docs),
        "gold_events": sum(len(r.doc.scored_events) for r in docs),
        "optional_gold_events": sum(len(r.doc.events) - len(r.doc.scored_events) for r in docs),
        "predicted_events": sum(len(r.predicted) for r in docs),
        "optional_matched": scores.optional_matched,
        "micro": _counts_json(scores.micro),
        "macro_f1": scores.macro_f1,
        "per_type": {t: _counts_json(c) for t, c in scores.per_type.items()},
        "fields": {k: {"accuracy": f.accuracy, "correct": f.correct, "n": f.n}
                   for k, f in scores.fields.items()},
    }
    if errors:
        out["errors"] = [e for e in (doc_errors_json(r) for r in docs) if e]
    return out


# --------------------------------------------------------------------------- error listing

def _gold_brief(event: GoldEvent) -> str:
    bits = [event.type]
    actors = [a.country or a.name or a.sector or "?" if a else "-" for a in (event.actor1, event.actor2)]
    bits.append("→".join(actors))
    if event.location is not None:
        bits.append(f"@{event.location.name or event.location.admin1 or event.location.country}")
    if event.date is not None:
        bits.append(format_window(event.date))
    if event.fatalities is not None or event.injuries is not None:
        bits.append(f"k{_dash(event.fatalities)}/i{_dash(event.injuries)}")
    return " ".join(bits)


def _pred_brief(event: Event) -> str:
    bits = [event.type]
    actors = [(a.country or a.name or "?") if a else "-" for a in (event.actor1, event.actor2)]
    bits.append("→".join(actors))
    if event.location is not None:
        bits.append(f"@{event.location.name}")
    if event.date is not None:
        bits.append(format_window((event.date.earliest, event.date.latest)))
    if event.fatalities is not None or event.injuries is not None:
        bits.append(f"k{_dash(event.fatalities)}/i{_dash(event.injuries)}")
    return " ".join(bits)


def _rule_note(event: Event) -> str:
    """" rule assault.strike/strike:V": the trigger rule that made a prediction, if known."""
    rule = primary_rule(event)
    return f" rule {rule}" if rule else ""


def _dash(value: Any) -> str:
    return "-" if value is None else str(value)


def _has_errors(result: DocResult) -> bool:
    return bool(result.missed or result.false_positives
                or any(p.mismatches for p in result.pairs if not p.optional))


def format_doc_errors(result: DocResult) -> str:
    """The error lines of one document ('' when it has none)."""
    if not _has_errors(result):
        return ""
    doc = result.doc
    c = sum(result.counts_by_type().values(), Counts())
    head = (f"-- {doc.id}  (published {doc.published or '?'}; gold {len(doc.scored_events)}"
            f"+{len(doc.events) - len(doc.scored_events)} opt, pred {len(result.predicted)}; "
            f"tp {c.tp} fp {c.fp} fn {c.fn})")
    lines = [head]
    near = {n.gold_index: n for n in result.near_misses}
    for i in result.missed:
        gold = doc.events[i]
        lines.append(f"  MISS  g{i} {_gold_brief(gold)}  «{_clip(gold.evidence, 80)}»")
        if i in near:
            n = near[i]
            taken = f" (paired with g{n.taken_by})" if n.taken_by is not None else ""
            near_pred = result.predicted[n.pred_index]
            lines.append(f"        ~ p{n.pred_index} {_pred_brief(near_pred)}"
                         f"{_rule_note(near_pred)}{taken}: {'; '.join(n.reasons)}")
    for j in result.false_positives:
        pred = result.predicted[j]
        lines.append(f"  FP    p{j} {_pred_brief(pred)} [{pred.trigger.text}]{_rule_note(pred)}"
                     f"  «{_clip(pred.sentence.text, 80)}»")
    for pair in result.pairs:
        bad = pair.mismatches
        if pair.optional or not bad:
            continue
        gold = doc.events[pair.gold_index]
        diffs = "; ".join(f"{c.name} {_dash(c.gold)}≠{_dash(c.predicted)}" for c in bad)
        lines.append(f"  FIELD g{pair.gold_index}~p{pair.pred_index} {gold.type}: {diffs}  "
                     f"«{_clip(gold.evidence, 50)}»")
    return "\n".join(lines)


def format_errors(scores: Scores, *, limit: int | None = None) -> str:
    """Error listing of every document with an error (the first ``limit`` of them)."""
    blocks = [b for b in (format_doc_errors(r) for r in scores.docs) if b]
    more = ""
    if limit is not None and len(blocks) > limit:
        more = f"\n... {len(blocks) - limit} more documents with errors"
        blocks = blocks[:limit]
    return "\n".join(blocks) + more if blocks else "no errors"


def doc_errors_json(result: DocResult) -> dict[str, Any] | None:
    if not _has_errors(result):
        return None
    doc = result.doc
    near = {n.gold_index: n for n in result.near_misses}
    missed = []
    for i in result.missed:
        gold = doc.events[i]
        item: dict[str, Any] = {"gold_index": i, "type": gold.type, "evidence": gold.evidence,
                                "summary": _gold_brief(gold)}
        if i in near:
            n = near[i]
            item["nearest"] = {"pred_index": n.pred_index, "reasons": list(n.reasons),
                               "paired_with_gold": n.taken_by,
                               "rule": primary_rule(result.predicted[n.pred_index])}
        missed.append(item)
    false_pos = [{"pred_index": j, "type": result.predicted[j].type,
                  "trigger": result.predicted[j].trigger.text,
                  "sentence": result.predicted[j].sentence.text,
                  "summary": _pred_brief(result.predicted[j]),
                  "rule": primary_rule(result.predicted[j])} for j in result.false_positives]
    fields = [{"gold_index": p.gold_index, "pred_index": p.pred_index,
               "mismatches": [{"field": c.name, "gold": c.gold, "predicted": c.predicted}
                              for c in p.mismatches]}
              for p in result.pairs if p.mismatches and not p.optional]
    return {"doc_id": doc.id, "missed": missed, "false_positives": false_pos,
            "field_mismatches": fields}


# --------------------------------------------------------------------------- merge

def format_merge(scores: MergeScores) -> str:
    return (f"cross-document merge: pairwise P {_num(scores.precision)} "
            f"({scores.correct}/{scores.predicted_pairs}), R {_num(scores.recall)} "
            f"({scores.recovered}/{scores.gold_pairs}); {scores.unjudged} pairs unjudged "
            f"(a prediction matched no gold event)")


def merge_json(scores: MergeScores) -> dict[str, Any]:
    return {"precision": scores.precision, "recall": scores.recall,
            "gold_pairs": scores.gold_pairs, "recovered": scores.recovered,
            "predicted_pairs": scores.predicted_pairs, "correct": scores.correct,
            "unjudged": scores.unjudged,
            "wrong": [[list(a), list(b)] for a, b in scores.wrong]}
