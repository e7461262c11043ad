"""Quality gate: the extractor's scores on the gold files must not fall below pinned floors.

The floors are the figures measured when they were last raised, minus a small margin; raise
them when the extractor improves (figures in the commit message), never lower them silently.
The gate reads ../shared/gold/ when present and is skipped otherwise.
"""

from __future__ import annotations

import pytest

from conftest import GOLD

pytestmark = [pytest.mark.skipif(not (GOLD / "dev.jsonl").exists(),
                                 reason="shared gold files not present"),
              # plover_gsr.jsonl repeats one id (reported); the scorer keeps both records
              pytest.mark.filterwarnings("ignore::eventdesk.evaluate.gold.GoldWarning")]

SEED_FLOORS = {"recall": 1.0, "max_fp": 2}
DEV_FLOORS = {
    "f1": 0.85,
    "precision": 0.80,
    "recall": 0.90,
    "location": 0.95,
    "fatalities": 0.93,
    "injuries": 0.92,
    "actor1.country": 0.85,
    "date_best": 0.80,
}
# real wording (issue 3): UCDP headlines score recall and field accuracies only (headlines
# mention other events than the one UCDP coded); PLOVER's gold-standard sentences per type
UCDP_FLOORS = {"recall": 0.78, "location": 0.95, "fatalities": 0.84}
PLOVER_FLOORS = {"recall": 0.83, "per_type": 0.75, "min_records": 10}


@pytest.fixture(scope="module")
def scores(pipeline):
    from eventdesk.cli.evaluate import evaluate_file

    return {name: evaluate_file(GOLD / f"{name}.jsonl", pipeline=pipeline)[0]
            for name in ("seed", "dev", "ucdp_headlines", "plover_gsr")
            if (GOLD / f"{name}.jsonl").exists()}


def test_seed_all_events_found(scores):
    seed = scores["seed"]
    assert seed.micro.recall >= SEED_FLOORS["recall"], seed.micro
    assert seed.micro.fp <= SEED_FLOORS["max_fp"], seed.micro
    for name in ("location", "fatalities", "injuries"):
        assert seed.fields[name].accuracy == 1.0, (name, seed.fields[name])


def test_dev_event_scores(scores):
    dev = scores["dev"]
    assert dev.micro.f1 >= DEV_FLOORS["f1"], dev.micro
    assert dev.micro.precision >= DEV_FLOORS["precision"], dev.micro
    assert dev.micro.recall >= DEV_FLOORS["recall"], dev.micro


@pytest.mark.parametrize("field", ["location", "fatalities", "injuries", "actor1.country",
                                   "date_best"])
def test_dev_field_accuracies(scores, field):
    got = scores["dev"].fields[field]
    assert got.accuracy >= DEV_FLOORS[field], (field, got)


def test_cross_document_merge_on_predicted_events(scores):
    """End to end: extracted events of the dev reports, merged across documents, scored
    against the same_event_as links (5 gold pairs; a weak but real signal)."""
    from eventdesk.cli.evaluate import merge_scores

    merged = merge_scores(scores["dev"])
    assert merged.gold_pairs == 5
    assert merged.recovered >= 3, merged
    assert merged.precision is not None and merged.precision >= 0.7, merged


def test_real_headlines_recall_and_fields(scores):
    if "ucdp_headlines" not in scores:
        pytest.skip("ucdp_headlines.jsonl not present")
    ucdp = scores["ucdp_headlines"]
    assert ucdp.micro.recall >= UCDP_FLOORS["recall"], ucdp.micro
    for name in ("location", "fatalities"):
        assert ucdp.fields[name].accuracy >= UCDP_FLOORS[name], (name, ucdp.fields[name])


def test_plover_gold_standard_per_type(scores):
    if "plover_gsr" not in scores:
        pytest.skip("plover_gsr.jsonl not present")
    plover = scores["plover_gsr"]
    assert plover.micro.recall >= PLOVER_FLOORS["recall"], plover.micro
    low = {t: c.recall for t, c in plover.per_type.items()
           if c.support >= PLOVER_FLOORS["min_records"] and c.recall < PLOVER_FLOORS["per_type"]}
    assert not low, low


# document flags (issue 10): gold flags found, and documents without a gold flag left alone;
# measured: seed 1/1, dev 2/2 with 0 of 38 unflagged documents flagged, news 26/28 with 0 of 22
FLAG_FLOORS = {"recall": 0.75, "false_flag_rate": 0.05}
NEWS_TEXTS = GOLD.parent.parent / "news-texts"  # news.jsonl's texts, rebuilt locally


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


@pytest.mark.parametrize("name", ["seed", "dev"])
def test_document_flags_gate(scores, name):
    f = scores[name].flags
    assert f.total.recall >= FLAG_FLOORS["recall"], f
    assert (f.false_flag_rate or 0.0) <= FLAG_FLOORS["false_flag_rate"], f


@pytest.mark.skipif(not (NEWS_TEXTS.is_dir() and (GOLD / "news.jsonl").exists()),
                    reason="news.jsonl texts not rebuilt next to shared/ (../news-texts)")
def test_document_flags_on_real_news(pipeline):
    from eventdesk.cli.evaluate import evaluate_file

    f = evaluate_file(GOLD / "news.jsonl", pipeline=pipeline, texts_dir=NEWS_TEXTS)[0].flags
    assert f.total.recall >= FLAG_FLOORS["recall"], f
    assert (f.false_flag_rate or 0.0) <= FLAG_FLOORS["false_flag_rate"], f
