"""Document flags (stage document.flags) on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.document.counts import count_findings
from eventdesk.document.flags import document_flags
from eventdesk.document.temporal import temporal_findings
from eventdesk.document.truncation import truncation_findings
from eventdesk.records import DOC_FLAGS, Document, Flag


def flags_of(text: str, published: str | None = "2024-06-10", events=()) -> dict[str, Flag]:
    pub = date.fromisoformat(published) if published else None
    return {f.flag: f for f in document_flags(Document.from_text(text, published=pub), events)}


def test_flag_record_shape():
    text = "Shelling hit the port on Thursday, June 7, and the fire spread."
    flag = flags_of(text)["temporal_inconsistency"]
    d = flag.to_dict()
    assert set(d) == {"flag", "explanation", "evidence"}
    for ev in d["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    assert flag.flag in DOC_FLAGS


# --------------------------------------------------------------------------- temporal
def test_anchor_duration_against_stated_dates_names_likelier_year():
    text = ("The statement was published on June 2, 2021. Envoys met in Geneva to discuss a "
            "ceasefire almost three years after Russia's full-scale invasion, officials said.")
    flag = flags_of(text, "2021-06-02")["temporal_inconsistency"]
    spans = [e.text for e in flag.evidence]
    assert "June 2, 2021" in spans
    assert any("almost three years after Russia's full-scale invasion" in s for s in spans)
    assert "2024 is the likelier year" in flag.explanation
    assert "dates left as stated" in flag.explanation


def test_office_holder_out_of_term():
    text = ("Secretary of State Marco Rubio spoke with his Turkish counterpart on Tuesday "
            "about grain shipments across the Black Sea.")
    flag = flags_of(text, "2023-06-01")["temporal_inconsistency"]
    assert "Marco Rubio" in flag.explanation and "from 2025" in flag.explanation
    assert not flags_of(text, "2025-06-01")


@pytest.mark.parametrize("prefix", ["former Secretary of State", "then-Secretary of State"])
def test_office_blockers(prefix):
    text = f"{prefix} Antony Blinken spoke with reporters in Warsaw about the talks."
    assert "temporal_inconsistency" not in flags_of(text, "2025-09-01")


def test_office_checked_against_the_sentence_own_year():
    text = ("In 2022, Secretary of State Antony Blinken visited Kyiv by train, a trip "
            "recalled on Monday by his successor.")
    assert "temporal_inconsistency" not in flags_of(text, "2025-09-01")


def test_surname_alone_is_not_checked():
    text = "Protesters in Damascus denounced President Assad over fuel prices."
    assert not flags_of(text, "1999-05-01")


@pytest.mark.parametrize("text,published", [
    ("Kherson was retaken nine months after the full-scale invasion, and the city has "
     "been shelled ever since.", "2025-04-02"),
    ("Air raid sirens have sounded daily since Russia began its full-scale invasion in "
     "February 2022, residents said.", "2025-04-02"),
    ("The town has been shelled almost daily more than three years into Russia's full-scale "
     "invasion.", "2025-06-15"),
])
def test_consistent_anchor_clues(text, published):
    assert "temporal_inconsistency" not in flags_of(text, published)


def test_weekday_against_its_date():
    assert "temporal_inconsistency" not in flags_of("Drones hit the port on Friday, June 7.")
    flag = flags_of("Drones hit the port on Thursday, June 7.")["temporal_inconsistency"]
    assert "June 7, 2024 was a Friday" in flag.explanation
    assert [e.text for e in flag.evidence] == ["Thursday, June 7"]


def test_weekday_with_a_wrong_year_names_the_likelier_date():
    flag = flags_of("Drones struck a depot on Wednesday, Sept. 4, 2023, officials said.",
                    "2024-09-06")["temporal_inconsistency"]
    assert "September 4, 2024 is likelier" in flag.explanation


def test_stamps_against_publication_date():
    text = "Published: 12 March 2021 10:04 GMT\nShelling hit the city centre overnight."
    flag = flags_of(text, "2024-03-12")["temporal_inconsistency"]
    assert "12 March 2021" in flag.explanation
    updated = "Updated: 14 March 2024\nShelling hit the city centre overnight."
    assert "temporal_inconsistency" not in flags_of(updated, "2024-03-12")


def test_event_dated_after_publication():
    text = "On July 14, 2025, troops shelled the village, killing two."
    flag = flags_of(text, "2025-06-01")["temporal_inconsistency"]
    assert "after the report's publication" in flag.explanation
    future = "Elections are due on July 14, 2025, the commission said."
    assert "temporal_inconsistency" not in flags_of(future, "2025-06-01")


def test_no_publication_date_uses_the_stamp():
    text = "2024-03-12\nOn July 14, 2025, troops shelled the village."
    assert temporal_findings(text, published=None)


# --------------------------------------------------------------------------- counts
def test_two_sources_two_tolls_for_one_incident():
    text = ("A drone strike on a market in the town killed nine people, the regional governor "
            "said. The interior ministry said 14 people were killed in the attack.")
    flag = flags_of(text)["conflicting_counts"]
    assert [e.text for e in flag.evidence] == ["killed nine people", "14 people were killed"]
    assert "regional governor" in flag.explanation


def test_two_tolls_in_one_sentence():
    text = ("The health ministry said 12 people were killed in the shelling, while local "
            "officials put the death toll at 15.")
    assert "conflicting_counts" in flags_of(text)


@pytest.mark.parametrize("second", [
    "The death toll from the attack rose to 14 on Monday.",
    "Officials had earlier put the number of dead at seven.",
    "Another strike on a village nearby killed 14 people.",
    "Two more people were killed in the attack on a bus.",
    "Four soldiers were killed in the attack, the army said.",
])
def test_revisions_and_other_incidents_are_no_conflict(second):
    first = "A drone strike on a market in the town killed nine civilians, the governor said."
    assert "conflicting_counts" not in flags_of(f"{first} {second}")


def test_two_sides_losses_in_one_sentence_are_no_conflict():
    """"a monitor reported the deaths of nine allied fighters, while the army said the clashes
    caused the deaths of 12 soldiers": each side's dead, not two tolls of one count."""
    text = ("A monitor reported the deaths of at least nine allied fighters, while the army "
            "said the clashes caused the deaths of at least 12 soldiers.")
    assert "conflicting_counts" not in flags_of(text)
    # the same people counted twice still conflict
    text = ("A monitor reported the deaths of at least nine soldiers, while the army said "
            "the clashes caused the deaths of at least 12 soldiers.")
    assert "conflicting_counts" in flags_of(text)


def test_no_casualties_against_an_unclear_toll():
    text = ("Rebels shelled a displacement camp on Friday. No casualties were reported after "
            "the shelling. The regional health minister said the casualty count for the attack "
            "was unclear.")
    assert "conflicting_counts" in flags_of(text)


def test_one_incident_in_two_regions():
    from eventdesk.records import Event, Evidence, Place, Span

    text = ("A missile strike on the city killed five people, the governor said. "
            "The attack that killed five people hit a school in the Kharkiv region, the army "
            "said.")
    sents = [(0, 67), (68, len(text))]

    def ev(i, place):
        s, e = sents[i]
        sp = Span(s, e, text[s:e])
        loc = Span(s, s + 5, text[s:s + 5])
        return Event(doc_id="d", type="ASSAULT", trigger=sp, sentence=sp, location=place,
                     evidence=(Evidence("location", loc),))

    a = Place("Sumy", "UKR", 50.9, 34.8, "city", admin1="Sumy")
    b = Place("Kharkiv", "UKR", 50.0, 36.2, "city", admin1="Kharkiv")
    _, locations = count_findings(text, [ev(0, a), ev(1, b)])
    assert locations and "Sumy" in locations[0].explanation
    _, same = count_findings(text, [ev(0, a), ev(1, a)])
    assert not same


# --------------------------------------------------------------------------- truncation
@pytest.mark.parametrize("text,cut", [
    ("Shelling hit the city centre.\n\nThe mayor said repairs would take wee", True),
    ("Shelling hit the city centre.\n\nRepairs", True),
    ("Shelling hit the city centre, the mayor said.\n\nSOURCE: agencies", False),
    ("Shelling hit the city centre.\n© Example News\nNEWSLETTER\nJoin our mailing list |", False),
    ("Shelling hit the city centre. (end)\n\nabc\n\nXYZ2024000123456789", False),
    ("He said: \"We will rebuild.\"", False),
    ("Rebel-held city hit by air strike as troops close in", False),  # a headline
    ("Troops shelled the outskirts of the city and", True),
    ("The talks ended without a deal…", True),
])
def test_truncation(text, cut):
    assert bool(truncation_findings(text)) is cut


def test_empty_text_has_no_flags():
    assert document_flags(Document.from_text("   ")) == ()


def test_bad_data_files_are_config_errors(monkeypatch):
    from eventdesk.document import resources
    from eventdesk.errors import ConfigError

    monkeypatch.setattr(resources, "_read", lambda name: {"anchors": [
        {"id": "x", "date": "2022-13-01", "name": "x", "patterns": ["a"]}]})
    resources.anchors.cache_clear()
    try:
        with pytest.raises(ConfigError, match="not an ISO date"):
            resources.anchors()
        monkeypatch.setattr(resources, "_read", lambda name: {"anchors": [
            {"id": "x", "date": "2022-01-01", "name": "x", "patterns": ["a"], "typo": 1}]})
        resources.anchors.cache_clear()
        with pytest.raises(ConfigError, match="unknown key"):
            resources.anchors()
        monkeypatch.setattr(resources, "_read", lambda name: {"anchors": [
            {"id": "x", "date": "2022-01-01", "name": "x", "patterns": ["(unclosed"]}]})
        resources.anchors.cache_clear()
        with pytest.raises(ConfigError, match="bad regular expression"):
            resources.anchors()
    finally:
        monkeypatch.undo()
        resources.anchors.cache_clear()


@pytest.mark.parametrize("text,published", [
    ("Kyiv marked 1,000 days since the full-scale invasion with a minute of silence.",
     "2024-11-20"),
    ("Thirty days after the full-scale invasion, Russian troops withdrew from the north.",
     "2025-04-02"),
    ("The package was approved by U.S. President Joe Biden at the time, officials recalled.",
     "2025-09-01"),
])
def test_no_false_temporal_flags(text, published):
    assert "temporal_inconsistency" not in flags_of(text, published)


def test_partial_counts_are_no_conflict():
    text = ("At least 20 people were killed in the missile attack, officials said. Rescuers "
            "recovered 15 bodies after the attack, the emergency service said.")
    assert "conflicting_counts" not in flags_of(text)


@pytest.mark.parametrize("last", ["Smoke rises over the city. REUTERS/Jane Example",
                                  "https://example.org/story"])
def test_photo_credits_and_links_are_not_cuts(last):
    assert not truncation_findings(f"Shelling hit the city centre.\n\n{last}")
