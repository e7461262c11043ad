"""``eventdesk eval``: score the extractor against gold files (shared/gold/FORMAT.md).

A thin layer: the gold files are read by :mod:`eventdesk.evaluate.gold`, the extractor runs
through the Python API (:class:`eventdesk.api.Pipeline`), scoring and reports live in
:mod:`eventdesk.evaluate`. Each gold file is scored and reported on its own (their uses
differ: ucdp_headlines.jsonl and plover_gsr.jsonl are read for recall and field accuracies).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError, InputError
from eventdesk.records import Document


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score extracted events against gold files",
        description="Run the extractor over gold documents and report event precision/recall/F1 "
        "per type and micro-averaged, field accuracies on matched events (scoring rules: "
        "shared/gold/FORMAT.md), and the document flags against the gold `flags` (gold flags "
        "found, flags raised that are gold, documents without a gold flag that got one).",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold file(s)")
    parser.add_argument("--texts", metavar="DIR",
                        help="directory with <id>.txt for gold records without 'text'")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--errors", action="store_true",
                        help="list missed events, false positives and field mismatches per document")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="score only the first N documents of each file")
    parser.add_argument("--rules", action="store_true",
                        help="report the trigger rules (lexicon entry/pattern) over all the "
                        "gold files given: documents and events each fired in, how those "
                        "events scored (tp/fp), rules that never fire and rules that fire in "
                        "one document only")
    parser.add_argument("--merge", action="store_true",
                        help="also merge the predicted events across documents and score the "
                        "merged pairs against the gold files' same_event_as links")
    parser.set_defaults(func=run)


def _make_pipeline() -> Any:
    try:
        from eventdesk.api import Pipeline
    except ImportError as exc:
        raise ConfigError(f"the Python API is not available (eventdesk.api): {exc}") from None
    return Pipeline()


def gold_document(doc: Any) -> Document:
    """The document handed to the system: id, text and published date, nothing else."""
    return Document(id=doc.id, text=doc.text, published=doc.published)


def run_pipeline(gold_docs: Sequence[Any], *, pipeline: Any) -> Iterator[tuple[Any, list[Any]]]:
    """Run ``pipeline`` over gold documents, yielding (gold doc, predicted events).

    Uses ``pipeline.pipe(docs)`` (yielding (doc, events), possibly out of order) when it exists,
    else ``pipeline.process(doc)`` one document at a time.
    """
    by_id = {d.id: d for d in gold_docs}
    if hasattr(pipeline, "pipe"):
        docs = [gold_document(d) for d in gold_docs]
        for position, (doc, events) in enumerate(pipeline.pipe(docs)):
            gold = by_id.get(getattr(doc, "id", None)) or gold_docs[position]
            yield gold, list(events)
    else:
        for gold in gold_docs:
            yield gold, list(pipeline.process(gold_document(gold)))


def evaluate_file(path: str | Path, *, pipeline: Any, texts_dir: str | Path | None = None,
                  limit: int | None = None) -> tuple[Any, float]:
    """Load one gold file, run ``pipeline`` over it and score it: (Scores, seconds)."""
    from eventdesk.evaluate.gold import load_gold
    from eventdesk.evaluate.score import aggregate, match_document

    import dataclasses

    from eventdesk.evaluate.flags import score_flags

    docs = load_gold(path, texts_dir=texts_dir, limit=limit)
    start = time.perf_counter()
    results, flagged = [], []
    for gold, events in run_pipeline(docs, pipeline=pipeline):
        results.append(match_document(gold, events))
        flagged.append((gold.id, gold.flags, [f.flag for f in _flags(pipeline, gold, events)]))
    scores = dataclasses.replace(aggregate(results), flags=score_flags(flagged))
    return scores, time.perf_counter() - start


def _flags(pipeline: Any, gold: Any, events: list[Any]) -> list[Any]:
    """The document flags the system raises for one gold document."""
    doc = gold_document(gold)
    if hasattr(pipeline, "flags"):
        return list(pipeline.flags(doc, events))
    from eventdesk.document.flags import document_flags

    return list(document_flags(doc, events))


def run(args: argparse.Namespace, *, pipeline: Any = None) -> int:
    from eventdesk.evaluate import report

    if args.limit is not None and args.limit < 1:
        raise InputError("--limit", f"must be a positive number, got {args.limit}")
    if args.texts is not None and not Path(args.texts).is_dir():
        raise InputError(args.texts, "--texts is not a directory")
    for path in args.gold:
        if not Path(path).is_file():
            raise InputError(path, "gold file not found")
    pipeline = pipeline if pipeline is not None else _make_pipeline()
    outputs = []
    for path in args.gold:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            scores, seconds = evaluate_file(path, pipeline=pipeline, texts_dir=args.texts,
                                            limit=args.limit)
        for w in caught:
            print(f"eventdesk: warning: {w.message}", file=sys.stderr)
        outputs.append((path, scores, seconds))

    rules = None
    if getattr(args, "rules", False):
        from eventdesk.evaluate.rules import rule_report

        lexicon = getattr(pipeline, "rules", None)
        rules = rule_report([(Path(path).name, r) for path, scores, _ in outputs
                             for r in scores.docs], lexicon() if callable(lexicon) else ())
    if args.json:
        from eventdesk.evaluate.flags import flag_scores_json

        payload: dict[str, Any] = {
            "files": [{"path": str(path), "seconds": round(seconds, 3),
                       **report.scores_json(scores, errors=args.errors),
                       "flags": flag_scores_json(scores.flags, errors=args.errors)}
                      for path, scores, seconds in outputs]}
        if rules is not None:
            from eventdesk.evaluate.rules import rule_report_json

            payload["rules"] = rule_report_json(rules)
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return 0
    blocks = []
    for path, scores, seconds in outputs:
        from eventdesk.evaluate.flags import format_flag_scores

        text = report.format_scores(scores, title=f"{path}  ({seconds:.1f} s)")
        text += "\n\n" + format_flag_scores(scores.flags, errors=args.errors)
        if getattr(args, "merge", False):
            text += "\n\n" + format_merge(scores)
        if args.errors:
            text += "\n\nerrors\n" + report.format_errors(scores)
        blocks.append(text)
    if rules is not None:
        from eventdesk.evaluate.rules import format_rule_report

        blocks.append(format_rule_report(rules))
    print("\n\n".join(blocks))
    return 0


def merge_scores(scores: Any) -> Any:
    """Merge the predicted events of all scored documents across documents (the Python API's
    merge) and score the merged pairs against the gold ``same_event_as`` links."""
    from eventdesk.api import merge_reports
    from eventdesk.evaluate.score import (clusters_from_merged, merge_assignments,
                                          pairwise_merge_scores)

    items = [(result.doc, ev) for result in scores.docs for ev in result.predicted]
    merged = merge_reports(items)
    clusters = clusters_from_merged(scores.docs, merged)
    return pairwise_merge_scores(merge_assignments(scores.docs, clusters),
                                 [r.doc for r in scores.docs])


def format_merge(scores: Any) -> str:
    m = merge_scores(scores)

    def pct(v: Any) -> str:
        return "-" if v is None else f"{v:.3f}"

    return (f"cross-document merge: gold pairs {m.gold_pairs}, recovered {m.recovered} "
            f"(recall {pct(m.recall)}); predicted pairs judged {m.predicted_pairs}, correct "
            f"{m.correct} (precision {pct(m.precision)}); unjudged {m.unjudged}")
