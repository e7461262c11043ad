"""Scoring rules of shared/gold/FORMAT.md on hand-built gold and predicted events."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest

from eventdesk.errors import InputError
from eventdesk.evaluate.gold import GoldWarning, load_gold, parse_gold_lines
from eventdesk.evaluate.report import format_errors, format_scores, scores_json
from eventdesk.evaluate.score import (
    admin1_key, aggregate, clusters_from_merged, match_document, merge_assignments, pairwise_merge_scores,
    same_admin1, score_documents,
)
from eventdesk.records import Actor, DateWindow, Event, Place, Span

TEXT = ("Russian drones struck Odesa overnight, killing two people and wounding nine. "
        "A separate strike hit Izmail. Kyiv accused Moscow of terror. "
        "Officials said talks may follow.")

ODESA = {"name": "Odesa", "admin1": "Odesa", "country": "UKR", "lat": 46.4825, "lon": 30.7233,
         "precision": "city"}
IZMAIL = {"name": "Izmail", "admin1": "Odesa", "country": "UKR", "lat": 45.3516, "lon": 28.8365,
          "precision": "city"}
KHARKIV_OBL = {"name": "Kharkiv Oblast", "admin1": "Kharkiv", "country": "UKR", "lat": 49.99,
               "lon": 36.23, "precision": "admin1"}


def gold_event(**over):
    event = {"type": "ASSAULT", "actor1": {"country": "RUS", "sector": "MIL"},
             "actor2": {"country": "UKR", "sector": "CVL"}, "location": ODESA,
             "date": ["2025-05-14", "2025-05-15"], "fatalities": 2, "injuries": 9,
             "optional": False, "evidence": "Russian drones struck Odesa overnight"}
    event.update(over)
    return event


def gold_doc(events, *, doc_id="d1", text=TEXT, **extra):
    record = {"id": doc_id, "published": "2025-05-15", "text": text, "events": events, **extra}
    return parse_gold_lines([json.dumps(record)], where="test.jsonl")[0]


def span(text, needle=None):
    if needle is None:
        return Span(0, 1, text[:1])
    at = text.index(needle)
    return Span(at, at + len(needle), needle)


def pred(etype="ASSAULT", *, place="odesa", window=("2025-05-14", "2025-05-15"), a1="RUS",
         a2="UKR", fatalities=2, injuries=9, sentence="Russian drones struck Odesa overnight",
         trigger="struck", doc_id="d1", best=None):
    places = {
        "odesa": Place("Odesa", "UKR", 46.48, 30.72, "city", admin1="Odesa"),
        "izmail": Place("Izmail", "UKR", 45.35, 28.84, "city", admin1="Odesa"),
        "ukraine": Place("Ukraine", "UKR", 49.0, 32.0, "country"),
        None: None,
    }
    loc = places[place] if isinstance(place, str) or place is None else place
    dates = None if window is None else DateWindow(
        date.fromisoformat(window[0]), date.fromisoformat(window[1]),
        best=date.fromisoformat(best) if best else None)
    return Event(doc_id=doc_id, type=etype, trigger=span(TEXT, trigger),
                 sentence=span(TEXT, sentence),
                 actor1=Actor(a1, a1) if a1 else None, actor2=Actor(a2, a2) if a2 else None,
                 location=loc, date=dates, fatalities=fatalities, injuries=injuries)


# --------------------------------------------------------------------------- matching rules

def test_perfect_prediction_scores_one():
    doc = gold_doc([gold_event()])
    result = match_document(doc, [pred(best="2025-05-15")])
    scores = aggregate([result])
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (1, 0, 0)
    assert scores.micro.f1 == 1.0
    assert all(f.accuracy == 1.0 for f in scores.fields.values() if f.n)


def test_type_must_agree_unless_alt_type():
    doc = gold_doc([gold_event(type="AGREE", alt_types=["CONCEDE"])])
    assert match_document(doc, [pred("CONCEDE")]).pairs
    result = match_document(doc, [pred("REJECT")])
    assert not result.pairs and result.missed == (0,) and result.false_positives == (0,)
    assert "type REJECT" in result.near_misses[0].reasons[0]


def test_city_place_within_50_km():
    doc = gold_doc([gold_event()])
    near = Place("Odesa port", "UKR", 46.60, 30.90, "city")  # ~19 km
    far = Place("Izmail", "UKR", 45.35, 28.84, "city")  # ~190 km
    assert match_document(doc, [pred(place=near)]).pairs
    assert not match_document(doc, [pred(place=far)]).pairs
    assert not match_document(doc, [pred(place=None)]).pairs  # gold has a place
    # a country centroid is not a point, even if it were near
    assert not match_document(doc, [pred(place="ukraine")]).pairs


def test_location_field_is_25_km():
    doc = gold_doc([gold_event()])
    near = Place("suburb", "UKR", 46.60, 30.90, "city")  # ~19 km
    mid = Place("village", "UKR", 46.80, 30.90, "city")  # ~38 km: matches, wrong field
    s_near = aggregate([match_document(doc, [pred(place=near)])])
    s_mid = aggregate([match_document(doc, [pred(place=mid)])])
    assert s_near.fields["location"].accuracy == 1.0
    assert s_mid.micro.tp == 1 and s_mid.fields["location"].accuracy == 0.0


@pytest.mark.parametrize("name", ["Kharkiv", "Kharkiv Oblast", "Kharkivs’ka Oblast’",
                                  "Kharkivs'ka Oblast'", "kharkiv region", "KHARKIV PROVINCE"])
def test_admin1_normalisation(name):
    assert admin1_key(name) == "kharkiv"
    doc = gold_doc([gold_event(location=KHARKIV_OBL)])
    region = Place(name, "UKR", None, None, "admin1")
    result = match_document(doc, [pred(place=region)])
    assert result.pairs and aggregate([result]).fields["location"].accuracy == 1.0


def test_admin1_other_names():
    assert same_admin1("Zaporizhzhya oblast", "Zaporizhzhia")
    assert same_admin1("Northern Darfur", "North Darfur")
    assert same_admin1("Dnipropetrovs'ka Oblast'", "Dnipropetrovsk oblast")
    assert same_admin1("Mecca Region", "Makkah")
    assert same_admin1("Poltavs'ka Oblast'", "Poltava")
    assert not same_admin1("North Kivu", "South Kivu")
    assert not same_admin1("Centre", "Centre-Est")
    assert not same_admin1("Kherson", "Kharkiv")


def test_admin1_precision_by_region_or_150_km():
    doc = gold_doc([gold_event(location=KHARKIV_OBL)])
    town_in_region = Place("Kupiansk", "UKR", 49.71, 37.62, "city", admin1="Kharkivs'ka Oblast'")
    near_point = Place("Somewhere", "UKR", 50.5, 37.0, "city")  # ~80 km, no admin1 given
    far_region = Place("Kherson Oblast", "UKR", 46.6, 32.6, "admin1")
    wrong_country = Place("Kharkiv", "RUS", None, None, "admin1")
    assert match_document(doc, [pred(place=town_in_region)]).pairs
    assert match_document(doc, [pred(place=near_point)]).pairs
    assert not match_document(doc, [pred(place=far_region)]).pairs
    assert not match_document(doc, [pred(place=wrong_country)]).pairs


def test_country_precision_and_null_gold_location():
    ukraine = {"name": "Ukraine", "admin1": None, "country": "UKR", "lat": 49.0, "lon": 32.0,
               "precision": "country"}
    doc = gold_doc([gold_event(location=ukraine)])
    assert match_document(doc, [pred(place="izmail")]).pairs
    assert not match_document(doc, [pred(place=Place("Moscow", "RUS", 55.7, 37.6, "city"))]).pairs
    doc = gold_doc([gold_event(location=None)])
    result = match_document(doc, [pred(place="izmail")])
    assert result.pairs  # a null gold place matches anything ...
    fields = aggregate([result]).fields
    assert fields["location"].n == 0  # the 25 km test needs a gold place ...
    assert fields["location.null"].accuracy == 0.0  # ... the diagnostic says: should be unknown


def test_dates_match_by_overlap_and_fields_score_best_day_and_window():
    doc = gold_doc([gold_event(date=["2025-05-14", "2025-05-15"])])
    assert match_document(doc, [pred(window=("2025-05-10", "2025-05-14"))]).pairs  # overlaps
    assert match_document(doc, [pred(window=("2025-05-15", "2025-05-16"))]).pairs
    assert not match_document(doc, [pred(window=("2025-05-16", "2025-05-17"))]).pairs
    assert not match_document(doc, [pred(window=("2025-05-13", "2025-05-13"))]).pairs  # one day
    result = match_document(doc, [pred(window=None)])  # no predicted date: matches
    assert result.pairs and aggregate([result]).fields["date_best"].accuracy == 0.0
    # a wide window without a best day has no single most likely day
    wide = aggregate([match_document(doc, [pred(window=("2025-05-10", "2025-05-15"))])])
    assert wide.fields["date_best"].accuracy == 0.0
    assert wide.fields["date_in_window"].accuracy == 0.0
    one = aggregate([match_document(doc, [pred(window=("2025-05-15", "2025-05-15"))])])
    assert one.fields["date_best"].accuracy == 1.0 and one.fields["date_in_window"].accuracy == 1.0
    ev = pred(window=("2025-05-10", "2025-05-15"))
    best = ev.replace(date=DateWindow(date(2025, 5, 10), date(2025, 5, 15), best=date(2025, 5, 14)))
    scored = aggregate([match_document(doc, [best])])
    assert scored.fields["date_best"].accuracy == 1.0
    assert scored.fields["date_in_window"].accuracy == 0.0
    doc = gold_doc([gold_event(date=None)])
    result = match_document(doc, [pred(window=("2020-01-01", "2020-01-01"))])
    assert result.pairs and aggregate([result]).fields["date_best"].n == 0


def test_acled_null_sub_event_type_is_read_and_not_scored():
    ev = gold_event(acled=["Explosions/Remote violence", None])
    doc = gold_doc([ev])
    assert doc.events[0].acled == ("Explosions/Remote violence", None)
    hit = pred().replace(acled_event_type="Explosions/Remote violence",
                         acled_sub_event_type="Air/drone strike")
    fields = aggregate([match_document(doc, [hit])]).fields
    assert fields["acled.type"].accuracy == 1.0 and fields["acled.sub"].n == 0
    doc = gold_doc([gold_event(acled=["Explosions/Remote violence", "Air/drone strike"])])
    miss = hit.replace(acled_sub_event_type="Shelling/artillery/missile attack")
    fields = aggregate([match_document(doc, [miss])]).fields
    assert fields["acled.type"].accuracy == 1.0 and fields["acled.sub"].accuracy == 0.0
    with pytest.raises(InputError):
        gold_doc([gold_event(acled=[None, "Air/drone strike"])])


def test_optional_gold_counts_neither_way():
    doc = gold_doc([gold_event(), gold_event(type="ACCUSE", optional=True, location=None,
                                             evidence="Kyiv accused Moscow")])
    result = match_document(doc, [pred(), pred("ACCUSE", sentence="Kyiv accused Moscow")])
    s = aggregate([result])
    assert (s.micro.tp, s.micro.fp, s.micro.fn) == (1, 0, 0) and s.optional_matched == 1
    # missing the optional one costs nothing either
    s = aggregate([match_document(doc, [pred()])])
    assert (s.micro.tp, s.micro.fp, s.micro.fn) == (1, 0, 0)


def test_one_to_one_best_pair_first():
    doc = gold_doc([
        gold_event(location=IZMAIL, fatalities=0, injuries=0,
                   evidence="A separate strike hit Izmail"),
        gold_event(location=None),
    ])
    # p0 (Izmail, 0/0) could match both gold events; p1 (no place) only matches gold 1.
    # Greedy by pair score pairs p0-g0 (place, counts, evidence agree) and p1-g1.
    p0 = pred(place="izmail", fatalities=0, injuries=0, sentence="A separate strike hit Izmail",
              trigger="hit")
    p1 = pred(place=None)
    result = match_document(doc, [p1, p0])
    assert {(p.gold_index, p.pred_index) for p in result.pairs} == {(0, 1), (1, 0)}
    # two identical predictions for one gold event: one TP, one FP
    s = aggregate([match_document(gold_doc([gold_event()]), [pred(), pred()])])
    assert (s.micro.tp, s.micro.fp, s.micro.fn) == (1, 1, 0)


def test_counts_and_nulls_exact():
    doc = gold_doc([gold_event(fatalities=None, injuries=0)])
    s = aggregate([match_document(doc, [pred(fatalities=0, injuries=0)])])
    assert s.fields["fatalities"].accuracy == 0.0  # null must be predicted as unknown
    assert s.fields["injuries"].accuracy == 1.0
    doc = gold_doc([gold_event(actor1=None, actor2={"country": None, "sector": "IGO", "name": "EU"})])
    s = aggregate([match_document(doc, [pred(a1=None, a2=None)])])
    assert s.fields["actor1.country"].accuracy == 1.0 and s.fields["actor2.country"].accuracy == 1.0


def test_missing_keys_are_not_scored():
    event = gold_event()
    for key in ("fatalities", "injuries", "actor2"):
        del event[key]
    doc = gold_doc([event])
    assert doc.events[0].annotated == frozenset({"actor1", "location", "date"})
    s = aggregate([match_document(doc, [pred(fatalities=5, injuries=5, a2="USA")])])
    assert s.fields["fatalities"].n == 0 and s.fields["injuries"].n == 0
    assert s.fields["actor2.country"].n == 0 and s.fields["actor1.country"].n == 1


def test_per_type_counts():
    doc = gold_doc([gold_event(), gold_event(type="ACCUSE", location=None,
                                             evidence="Kyiv accused Moscow")])
    s = score_documents([doc], {"d1": [pred(), pred("THREATEN", place=None)]})
    assert s.per_type["ASSAULT"].tp == 1
    assert s.per_type["ACCUSE"].fn == 1 and s.per_type["ACCUSE"].precision is None
    assert s.per_type["THREATEN"].fp == 1
    assert s.micro.precision == 0.5 and s.micro.recall == 0.5
    assert list(s.per_type) == ["ACCUSE", "THREATEN", "ASSAULT"]  # PLOVER order
    assert s.macro_f1 == 0.5  # mean of ASSAULT 1.0 and ACCUSE 0.0; THREATEN has no support
    assert score_documents([doc], {}).micro.fn == 2  # no predictions for a document


def test_report_text_json_and_errors():
    doc = gold_doc([gold_event(), gold_event(type="ACCUSE", location=None,
                                             evidence="Kyiv accused Moscow")])
    s = score_documents([doc], {"d1": [pred(injuries=8), pred("REJECT", place=None,
                                                               sentence="Kyiv accused Moscow")]})
    text = format_scores(s, title="t")
    assert "micro" in text and "injuries" in text
    errors = format_errors(s)
    assert "MISS  g1 ACCUSE" in errors and "type REJECT is not ACCUSE" in errors
    assert "FP    p1 REJECT" in errors and "injuries 9≠8" in errors
    data = json.loads(json.dumps(scores_json(s, errors=True)))
    assert data["micro"]["tp"] == 1 and data["fields"]["injuries"]["n"] == 1
    assert data["errors"][0]["missed"][0]["nearest"]["pred_index"] == 1


# --------------------------------------------------------------------------- merge

def test_pairwise_merge_scores():
    a = gold_doc([gold_event()], doc_id="A", same_event_as=[[0, "B", 0]])
    b = gold_doc([gold_event()], doc_id="B", same_event_as=[[0, "A", 0]])
    c = gold_doc([gold_event()], doc_id="C")
    results = [match_document(d, [pred(doc_id=d.id), pred("ACCUSE", place=None, doc_id=d.id)])
               for d in (a, b, c)]
    # all three matched ASSAULTs in one cluster; the unmatched ACCUSE of A and B together
    clusters = {("A", 0): "x", ("B", 0): "x", ("C", 0): "x", ("A", 1): "y", ("B", 1): "y"}
    scores = pairwise_merge_scores(merge_assignments(results, clusters), [a, b, c])
    assert scores.gold_pairs == 1 and scores.recovered == 1 and scores.recall == 1.0
    assert scores.predicted_pairs == 3 and scores.correct == 1  # A-B right, A-C and B-C wrong
    assert scores.unjudged == 1
    merged = [SimpleNamespace(id="m1", member_ids=(results[0].predicted[0].id,
                                                    results[1].predicted[0].id))]
    clusters = clusters_from_merged(results, merged)
    assert clusters == {("A", 0): "m1", ("B", 0): "m1"}
    perfect = pairwise_merge_scores(merge_assignments(results, clusters), [a, b, c])
    assert (perfect.precision, perfect.recall) == (1.0, 1.0)
    none = pairwise_merge_scores(merge_assignments(results, {}), [a, b, c])
    assert none.recall == 0.0 and none.precision is None


# --------------------------------------------------------------------------- gold loading

def test_gold_errors_name_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    good = json.dumps({"id": "x", "text": "t", "events": []})
    path.write_text(good + "\n" + json.dumps({"id": "y", "text": "t",
                                              "events": [{"type": "FIGHT"}]}) + "\n")
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert f"{path}:2" in str(err.value) and "FIGHT" in str(err.value)
    path.write_text(good + "\n{not json\n")
    with pytest.raises(InputError, match=r"g\.jsonl:2: not valid JSON"):
        load_gold(path)
    bad_date = gold_event(date=["2025-05-16", "2025-05-14"])
    path.write_text(json.dumps({"id": "z", "text": "t", "events": [bad_date]}) + "\n")
    with pytest.raises(InputError, match="reversed"):
        load_gold(path)
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")


def test_gold_texts_dir_cameo_codes_and_duplicates(tmp_path):
    (tmp_path / "doc1.txt").write_text("Tokyo and Rome agreed.", encoding="utf-8")
    event = {"type": "AGREE", "actor1": {"country": "JAP", "sector": None},
             "actor2": {"country": "IGO", "sector": None}, "location": None, "date": None,
             "optional": False, "evidence": "agreed"}
    lines = [json.dumps({"id": "doc1", "published": "2000-01-01", "events": [event]}),
             json.dumps({"id": "doc1", "text": "again", "events": []})]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.warns(GoldWarning, match="duplicate document id"):
        docs = load_gold(path, texts_dir=tmp_path)
    assert docs[0].text == "Tokyo and Rome agreed." and docs[1].id == "doc1@2"
    ev = docs[0].events[0]
    assert ev.actor1.country == "JPN" and ev.actor2.country is None and ev.actor2.sector == "IGO"
    assert "fatalities" not in ev.annotated
    with pytest.raises(InputError, match="no 'text'"):
        load_gold(path)
