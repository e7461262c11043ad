"""Pruning candidates of the trigger lexicon: rules that fire in one gold document only and
have no test of their own construction.

A rule "fires" in a document when an event's trigger evidence names it (``eventdesk eval
--rules``). A rule "has a test" when a sentence written for the tests makes it match: a
string in tests/*.py (each split into sentences and parsed) or a ``deps:`` pattern's own
examples (tests/test_dep_patterns.py runs them). The script lists the candidates with their
entry, document and outcome (tp/fp/opt), then the one-document rules a test sentence does
exercise, with the test file. It prunes nothing.

    .venv/bin/python scripts/rule_pruning.py [--texts DIR] [--out FILE] GOLD.jsonl...
"""

from __future__ import annotations

import argparse
import ast
import sys
import warnings
from collections import defaultdict
from pathlib import Path

from eventdesk.api import Pipeline
from eventdesk.cli.evaluate import evaluate_file
from eventdesk.evaluate.rules import rule_report

ROOT = Path(__file__).resolve().parent.parent


def test_strings(folder: Path) -> list[tuple[str, str]]:
    """(test file, string) for every string literal of three words or more in the tests."""
    out = []
    for path in sorted(folder.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    len(node.value.split()) >= 3:
                out.append((path.name, node.value))
    return out


def tested_rules(pipeline: Pipeline, folder: Path) -> dict[str, set[str]]:
    """rule -> the test files whose sentences make it match (after the lexicon's pruning)."""
    from eventdesk.annotate.dateline import blank, find_dateline
    from eventdesk.extraction.dep_patterns import DepPattern
    from eventdesk.extraction.mentions import token_views

    lexicon = pipeline.extractor.lexicon
    found: dict[str, set[str]] = defaultdict(set)
    for pattern in lexicon.patterns:
        if isinstance(pattern, DepPattern) and pattern.examples:
            found[pattern.rule].add("triggers.yaml examples")
    items = test_strings(folder)
    texts = [blank(t, find_dateline(t)) for _, t in items]
    for (name, _), doc in zip(items, pipeline.nlp.pipe(texts, batch_size=64)):
        for sent in doc.sents:
            for m in lexicon.match(token_views(sent), sent=sent):
                found[m.rule].add(name)
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--texts", default=None)
    parser.add_argument("--out", default=str(ROOT / "out" / "pruning-candidates.txt"))
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    pipeline = Pipeline()
    results = []
    for path in args.gold:
        scores, _ = evaluate_file(path, pipeline=pipeline, texts_dir=args.texts)
        results.extend((Path(path).name, r) for r in scores.docs)
    report = rule_report(results, pipeline.rules())
    tested = tested_rules(pipeline, ROOT / "tests")
    once = report.once
    candidates = [u for u in once if u.rule not in tested]
    covered = [u for u in once if u.rule in tested]

    def line(u) -> str:
        entry, pattern = u.rule.split("/", 1)
        (name, doc), = u.docs
        return (f"{entry}\t{pattern}\t{name}:{doc}\t{u.events} event"
                f"{'s' * (u.events != 1)}: {u.outcome()}")

    lines = [
        "# Trigger rules that fire in exactly one gold document and have no test of their own",
        "# construction (no sentence in tests/*.py, nor a deps pattern's examples, makes them",
        "# match). Candidates for a test of their own, or for pruning: nothing is pruned here.",
        f"# gold files: {', '.join(Path(p).name for p in args.gold)}",
        f"# {len(report.rules)} rules; {len(report.usage)} fire; {len(report.never)} never; "
        f"{len(once)} in one document only, of which {len(candidates)} untested (listed) and "
        f"{len(covered)} exercised by a test sentence (listed after).",
        "# entry\tpattern\tgold file:document\tevents: outcome (tp matched a gold event, fp "
        "none, opt an optional one)",
        "",
        *(line(u) for u in candidates),
        "",
        "# fire in one gold document only, but a test sentence exercises them:",
        *(f"# {line(u)}\t[{', '.join(sorted(tested[u.rule]))}]" for u in covered),
        "",
        f"# never fire on these gold files ({len(report.never)}), tested or not:",
        *(f"# {r}\t[{', '.join(sorted(tested[r])) or 'no test'}]" for r in report.never),
    ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(candidates)} candidates ({len(once)} rules fire in one document only) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
