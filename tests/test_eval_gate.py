"""Quality gate: the extractor's scores on the gold files must not fall below pinned floors.

The floors live in tests/eval_floors.json with each gold file's sha256 and each floor's
history: a floor is the figure measured when it was last raised, minus a small margin; raise
it when the extractor improves (figures in the commit message), never lower it silently. The
gate reads ../shared/gold/ when present and is skipped otherwise; news.jsonl is scored when
its texts have been rebuilt beside shared/ (../news-texts; never committed).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import GOLD

pytestmark = [pytest.mark.skipif(not (GOLD / "dev.jsonl").exists(),
                                 reason="shared gold files not present"),
              # plover_gsr.jsonl repeats one id (reported); the scorer keeps both records
              pytest.mark.filterwarnings("ignore::eventdesk.evaluate.gold.GoldWarning")]

FLOORS_FILE = Path(__file__).resolve().parent / "eval_floors.json"
FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
PER_TYPE_MIN_RECORDS = 10


def _texts_dir(name: str) -> Path | None:
    folder = FLOORS["files"][name].get("texts")
    return GOLD.parent.parent / folder if folder else None


def _available(name: str) -> bool:
    texts = _texts_dir(name)
    return (GOLD / name).exists() and (texts is None or texts.is_dir())


@pytest.fixture(scope="module")
def scores(pipeline):
    from eventdesk.cli.evaluate import evaluate_file

    return {name: evaluate_file(GOLD / name, pipeline=pipeline, texts_dir=_texts_dir(name))[0]
            for name in FLOORS["files"] if _available(name)}


def test_floors_never_go_down():
    """A floor's history only rises: lowering one needs an entry under 'lowered' that names
    the file, the floor and the reason (trafilatura's gate refuses silent lowering so)."""
    lowered = {(x["file"], x["floor"]) for x in FLOORS["lowered"]}
    for name, spec in FLOORS["files"].items():
        for floor, history in spec["floors"].items():
            drops = [(a, b) for a, b in zip(history, history[1:]) if b < a]
            assert not drops or (name, floor) in lowered, (name, floor, history)


@pytest.mark.parametrize("name", sorted(FLOORS["files"]))
def test_gold_file_is_the_one_the_floors_were_measured_on(name):
    if not (GOLD / name).exists():
        pytest.skip(f"{name} not present")
    digest = hashlib.sha256((GOLD / name).read_bytes()).hexdigest()
    assert digest == FLOORS["files"][name]["sha256"], (
        f"{name} changed since its floors were measured: re-measure and update "
        f"{FLOORS_FILE.name}")


def _value(scores, floor: str):
    if floor.startswith("field:"):
        return scores.fields[floor[6:]].accuracy
    if floor == "per_type_recall":
        return min((c.recall for c in scores.per_type.values()
                    if c.support >= PER_TYPE_MIN_RECORDS), default=1.0)
    return getattr(scores.micro, floor)


@pytest.mark.parametrize("name,floor", [(n, f) for n, spec in sorted(FLOORS["files"].items())
                                        for f in spec["floors"]])
def test_score_at_or_above_its_floor(scores, name, floor):
    if name not in scores:
        pytest.skip(f"{name} (or its texts) not present")
    got = _value(scores[name], floor)
    want = FLOORS["files"][name]["floors"][floor][-1]
    assert got is not None and got >= want, (name, floor, got, want)


def test_seed_has_no_false_event(scores):
    assert scores["seed.jsonl"].micro.fp == 0, scores["seed.jsonl"].micro


def test_cross_document_merge_on_predicted_events(scores):
    """End to end: extracted events of the dev reports, merged across documents, scored
    against the same_event_as links (5 gold pairs; a weak but real signal)."""
    from eventdesk.cli.evaluate import merge_scores

    merged = merge_scores(scores["dev.jsonl"])
    assert merged.gold_pairs == 5
    assert merged.recovered >= 3, merged
    assert merged.precision is not None and merged.precision >= 0.7, merged


# document flags (issue 10): gold flags found, and documents without a gold flag left alone;
# measured: seed 1/1, dev 2/2 with 0 of 38 unflagged documents flagged, news 26/28 with 0 of 22
FLAG_FLOORS = {"recall": 0.75, "false_flag_rate": 0.05}


def test_seed_temporal_inconsistency_with_its_evidence(pipeline):
    from eventdesk.evaluate.gold import load_gold

    (seed,) = load_gold(GOLD / "seed.jsonl")
    from eventdesk.cli.evaluate import gold_document

    doc = gold_document(seed)
    flags = {f.flag: f for f in pipeline.flags(doc)}
    flag = flags["temporal_inconsistency"]
    spans = [e.text for e in flag.evidence]
    assert "October 5, 2023" in spans and "October 3, 2023" in spans
    assert any(s.startswith("nearly four years after") for s in spans)
    assert "2025 is the likelier year" in flag.explanation
    for e in flag.evidence:
        assert doc.text[e.start:e.end] == e.text


@pytest.mark.parametrize("name", ["seed.jsonl", "dev.jsonl"])
def test_document_flags_gate(scores, name):
    f = scores[name].flags
    assert f.total.recall >= FLAG_FLOORS["recall"], f
    assert (f.false_flag_rate or 0.0) <= FLAG_FLOORS["false_flag_rate"], f


def test_document_flags_on_real_news(scores):
    if "news.jsonl" not in scores:
        pytest.skip("news.jsonl texts not rebuilt next to shared/ (../news-texts)")
    f = scores["news.jsonl"].flags
    assert f.total.recall >= FLAG_FLOORS["recall"], f
    assert (f.false_flag_rate or 0.0) <= FLAG_FLOORS["false_flag_rate"], f
