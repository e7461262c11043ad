"""The document stage: incidents, follow-ups, background, page furniture (sentences written
for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk import extract
from eventdesk.annotate.structure import find_structure
from eventdesk.document import resolve_document
from eventdesk.document.background import why_background
from eventdesk.records import DateWindow, Document, Event, Place, Span
from helpers import of_type


def assaults(events):
    return [e for e in events if e.type == "ASSAULT"]


def only_assault_place(text: str, published: str, pipeline) -> str | None:
    """The place name of the one attack the pipeline finds in ``text``."""
    [ev] = assaults(extract(text, published=published, pipeline=pipeline))
    return ev.location.name if ev.location is not None else None


# --------------------------------------------------------------------------- structure

def test_structure_title_lines_body_furniture_and_labels():
    text = ("Glide bombs kill two in Kramatorsk\n\n"
            "Strikes on the Donetsk region\n"
            "12 May 2025 09:10\n\n"
            "Two guided bombs hit a school and a shop in Kramatorsk on Sunday, officials said.\n"
            "Subscribe to our newsletter for daily updates!\n"
            "Background: Russian forces have shelled the city since 2022.\n")
    s = find_structure(text)
    kinds = [b.kind for b in s.blocks]
    assert kinds == ["title", "title", "title", "body", "boilerplate", "background"]
    assert s.body_start == text.index("Two guided")
    assert s.in_title(text.index("Glide")) and not s.in_title(text.index("Two guided"))
    assert s.kind_at(text.index("Subscribe")) == "boilerplate"
    assert s.paragraph(text.index("school")) == 3


def test_a_headline_repeated_below_page_lines_stays_a_headline(pipeline):
    # Pages repeat their title (tab title, heading, share card) between other top lines: a
    # copy of the headline is a headline wherever it comes in the top lines, and a copy told
    # with no time of its own is no second attack beside the lead's dated one.
    headline = "Militia commander killed in drone strike in northern Syria"
    text = (f"{headline}\n\nWorld\n2024-03-02 | 08:15\nMost read\n{headline}\n"
            f"3 min\n{headline}\n\n"
            "Two men were killed on Friday evening in a drone strike on a car near Manbij, "
            "the local council said.\n\n"
            "One of the two was a field commander of the militia, a source said.\n")
    s = find_structure(text)
    assert [b.kind for b in s.blocks] == ["title"] * 7 + ["body", "body"]
    assert s.body_start == text.index("Two men")
    [attack] = assaults(extract(text, published="2024-03-02", pipeline=pipeline))
    assert attack.location.name == "Manbij"


def test_a_headline_alone_is_the_report():
    s = find_structure("Drone strike kills three in Sumy")
    assert [b.kind for b in s.blocks] == ["body"]


@pytest.mark.parametrize("line", [
    "Support The Daily Courier!",
    "Now is the time to back independent journalism in the region!",
    "Read also: Ten years of the war in pictures",
    "Related: Talks stall again",
    "Follow us on Telegram",
    "By continuing to use this site you agree to our cookie policy.",
    "For the latest news on the war in Sudan, visit our live page.",
    "Get our morning newsletter with the day's top stories.",
    "Download our app for breaking news alerts.",
    "Back The Evening Ledger on Patreon!",
    "Help our reporters via PayPal today.",
    "Previous Story",
    "Next Goma: traders reopen shops after weeks of fighting",
])
def test_page_furniture(line):
    s = find_structure("Shelling hit the village of Bilozerka on Monday, the governor said.\n"
                       + line + "\nTwo people were injured.")
    assert [b.kind for b in s.blocks] == ["body", "boilerplate", "body"]


def test_a_run_of_bulleted_headlines_is_furniture():
    """A page's list of other stories (bulleted lines that do not end as sentences) is no
    news; the report's own bullet points (ending with a stop or a semicolon) are."""
    text = ("Rebels shelled the market in Kitshanga on Monday, killing four people.\n"
            "- Floods cut the road between two northern towns\n"
            "- Minister opens new school in the capital\n"
            "- Army says it shot down a drone near the border\n"
            "The toll may rise, officials said.\n"
            "- 2 people were killed;\n"
            "- 5 were injured;\n"
            "- 12 houses were damaged.\n")
    kinds = [b.kind for b in find_structure(text).blocks]
    assert kinds == ["body"] + ["boilerplate"] * 3 + ["body"] * 4


def test_furniture_gives_no_events(pipeline):
    text = ("Support The Daily Courier!\n"
            "Russian drones hit a depot in Kharkiv overnight, injuring two workers, "
            "the mayor said on Tuesday.")
    events = extract(text, published="2025-05-13", pipeline=pipeline)
    assert [e.type for e in events] == ["ASSAULT"]


# --------------------------------------------------------------------------- incidents

KRAMATORSK = (
    "Glide bombs kill two in Kramatorsk\n\n"
    "Two guided bombs hit a school and a shop in Kramatorsk on Sunday, the regional "
    "governor said. Two people died and nine were hurt. The injured are in hospital in "
    "serious condition. Rescuers worked through the night to clear the rubble of the shop.")


def test_one_incident_told_in_many_sentences_is_one_event(pipeline):
    events = extract(KRAMATORSK, published="2025-05-12", pipeline=pipeline)
    [ev] = assaults(events)
    assert ev.location is not None and ev.location.name == "Kramatorsk"
    assert (ev.fatalities, ev.injuries) == (2, 9)
    # evidence from the headline and from the follow-up sentence with the toll
    starts = {e.span.start for e in ev.evidence}
    assert any(s < KRAMATORSK.index("\n") for s in starts)
    assert any(s >= KRAMATORSK.index("Two people died") for s in starts)


def test_explain_says_why_mentions_were_attached(pipeline):
    doc = Document.from_text(KRAMATORSK, published=date(2025, 5, 12))
    events, decisions = pipeline.explain(doc)
    [ev] = assaults(events)
    attached = [d for d in decisions if d.action == "attached"]
    assert attached and all(d.into == ev.id for d in attached)
    assert {d.rule for d in attached} <= {"merge.within", "incident.headline",
                                          "incident.follow_up"}
    assert all(d.reason for d in attached)


def test_a_new_place_is_a_new_incident(pipeline):
    text = ("Russian drones struck an apartment block in Kharkiv overnight, injuring five "
            "people, the mayor said on Tuesday. In Sumy, a missile hit a bus station on "
            "Tuesday morning and killed two people.")
    events = assaults(extract(text, published="2025-05-13", pipeline=pipeline))
    assert sorted(e.location.name for e in events) == ["Kharkiv", "Sumy"]


def test_a_new_attacker_stays_apart(pipeline):
    text = ("Russian missiles struck the port of Odesa on Monday, injuring six people, the "
            "governor said. Russia's defence ministry said Ukrainian drones attacked the "
            "Belgorod region overnight.")
    events = assaults(extract(text, published="2025-05-13", pipeline=pipeline))
    assert {e.actor1.country for e in events if e.actor1} == {"RUS", "UKR"}


def test_a_region_and_its_town_told_together_are_one_incident(pipeline):
    text = ("A 52-year-old man was killed in Ukraine's Kherson region on Friday, the governor "
            "said. Shells struck two homes in the village of Bilozerka, he added.")
    events = assaults(extract(text, published="2025-05-10", pipeline=pipeline))
    assert len(events) == 1
    assert events[0].location.name == "Bilozerka" and events[0].fatalities == 1


# --------------------------------------------------------------------------- background

def _event(text, trigger, window=None):
    at = text.index(trigger)
    sent = Span(0, len(text), text)
    return Event(doc_id="d", type="ASSAULT", trigger=Span(at, at + len(trigger), trigger),
                 sentence=sent, date=window)


def test_history_weeks_before_publication_is_background():
    text = "In late March, the rebels attacked the town."
    at = text.index("In late March")
    window = DateWindow(date(2025, 3, 21), date(2025, 3, 31),
                        span=Span(at, at + 13, "In late March"), rule="month")
    ev = _event(text, "attacked", window)
    why = why_background(ev, structure=find_structure(text), published=date(2025, 5, 2))
    assert why is not None and why[0] == "background.history"
    assert why_background(ev, structure=find_structure(text),
                          published=date(2025, 4, 2)) is None


def test_labelled_background_paragraph_is_no_news(pipeline):
    text = ("Russian drones hit a fuel depot in the Kyiv region overnight, injuring two "
            "people, the governor said on Tuesday.\n"
            "Background: Russian forces attacked the same depot with missiles and drones "
            "in the spring.")
    events = assaults(extract(text, published="2025-05-13", pipeline=pipeline))
    assert len(events) == 1 and events[0].injuries == 2


def test_history_in_a_report_with_news_is_dropped(pipeline):
    text = ("Militants attacked an army post near the town of Djibo on Sunday, killing six "
            "soldiers, the army said. In late January, the same group killed 30 villagers in "
            "an attack on a market.")
    events = assaults(extract(text, published="2025-04-14", pipeline=pipeline))
    assert len(events) == 1 and events[0].fatalities == 6


def test_a_report_of_a_past_event_alone_keeps_it(pipeline):
    text = "Militants killed 30 villagers in an attack on a market near Djibo in late January."
    events = assaults(extract(text, published="2025-04-14", pipeline=pipeline))
    assert len(events) == 1


def test_document_stage_on_hand_built_events():
    text = "Shells hit Bilozerka on Friday. Two people died. A man was hurt."
    place = Place("Bilozerka", "UKR", 46.6, 32.9, "city", admin1="Kherson",
                  span=Span(11, 20, "Bilozerka"))

    def ev(trigger, location=None, k=None, i=None):
        at = text.index(trigger)
        end = text.index(".", at) + 1
        start = text.rfind(".", 0, at) + 2 if text.rfind(".", 0, at) > 0 else 0
        return Event(doc_id="d", type="ASSAULT", trigger=Span(at, at + len(trigger), trigger),
                     sentence=Span(start, end, text[start:end]), location=location,
                     fatalities=k, injuries=i)

    events = [ev("hit", place), ev("died", k=2), ev("hurt", i=1)]
    result = resolve_document(events, structure=find_structure(text),
                              published=date(2025, 5, 10),
                              sentence_starts=[0, text.index("Two"), text.index("A man")])
    [one] = result.events
    assert (one.fatalities, one.injuries) == (2, 1) and one.location.name == "Bilozerka"
    assert [d.rule for d in result.decisions] == ["incident.follow_up"] * 2


# --------------------------------------------------------------------------- context

def test_a_detention_after_a_raid_happened_there_at_the_raiders_hands(pipeline):
    text = ("Israeli troops raided the town of Tubas in the occupied West Bank on Monday, "
            "residents said. Several young men were detained and taken for questioning.")
    events = extract(text, published="2025-03-04", pipeline=pipeline)
    [coerce] = [e for e in events if e.type == "COERCE"]
    assert coerce.location is not None and coerce.location.name == "Tubas"
    assert coerce.actor1 is not None and coerce.actor1.country == "ISR"


def test_passive_arrests_with_no_agent_are_the_authorities_of_the_place(pipeline):
    text = "At least 40 people were arrested in Minsk on Sunday, a rights group said."
    [coerce] = of_type("COERCE", text, pipeline, published="2025-03-03")
    assert coerce.actor1 is not None and coerce.actor1.country == "BLR"
    assert coerce.actor1.sector == "GOV"


def test_a_meeting_takes_its_parties_from_its_sentence_and_the_talks_before_it(pipeline):
    text = ("The negotiations, involving U.S. envoy Steve Witkoff, stalled over territory. "
            "A breakthrough came at a three-hour meeting in the Kremlin on Tuesday, which "
            "Vladimir Putin called useful.")
    [meeting] = of_type("CONSULT", text, pipeline, published="2025-03-06")
    assert {meeting.actor1.country, meeting.actor2.country} == {"RUS", "USA"}


def test_a_rejection_targets_the_owner_of_the_proposal(pipeline):
    text = ("Moscow studied the U.S. ceasefire proposal for two days. Sergei Lavrov said "
            "on Friday that several of its points were \u201cunacceptable.\u201d")
    [reject] = of_type("REJECT", text, pipeline, published="2025-03-07")
    assert reject.actor1.country == "RUS" and reject.actor2 is not None
    assert reject.actor2.country == "USA"


def test_announced_measures_are_events_of_the_announcer_at_home(pipeline):
    text = ("Kazakhstan on Wednesday announced a nationwide curfew and the deployment of army "
            "units in the main cities.")
    events = extract(text, published="2025-01-08", pipeline=pipeline)
    by = {e.type: e for e in events}
    assert {"COERCE", "MOBILIZE"} <= set(by)
    curfew = by["COERCE"]
    assert curfew.actor1.country == "KAZ"
    assert curfew.location is not None and curfew.location.country == "KAZ"
    assert curfew.location.precision == "country"
    text = "Britain announced on Tuesday sanctions against four shipping firms."
    assert "SANCTION" in [e.type for e in extract(text, published="2025-01-08",
                                                  pipeline=pipeline)]


def test_another_strike_is_another_incident_and_a_summary_stays_apart(pipeline):
    text = ("Israeli air raids throughout the Gaza Strip have killed at least 11 people, "
            "medics said on Tuesday. A strike on Monday night killed four people in the "
            "Zeitoun district of Gaza City, rescuers said. Another strike on Monday night "
            "hit a home in western Gaza City, killing three people. The health ministry "
            "says the war has killed over 30,000 people in the territory.")
    events = assaults(extract(text, published="2024-08-27", pipeline=pipeline))
    tolls = sorted(e.fatalities for e in events if e.fatalities is not None)
    assert tolls == [3, 4, 11], [(e.trigger.text, e.fatalities) for e in events]
    assert all(e.fatalities != 30000 for e in events)


def test_a_blaze_started_by_an_attack_is_no_gunfire(pipeline):
    # "a fire at X" with an article is the damage; the attack is the drone strike
    text = ("KURSK, Jan 9, 2025 (UNB/AFP) - A Ukrainian drone attack started a fire at a fuel "
            "depot in the Kursk region overnight, the governor said.")
    [ev] = assaults(extract(text, published="2025-01-09", pipeline=pipeline))
    assert ev.trigger.text == "attack"
    assert ev.actor1.country == "UKR"
    assert ev.location is not None and ev.location.precision == "admin1"  # not the dateline


def test_the_target_of_an_attack_is_its_place_but_not_the_attacker(pipeline):
    text = "Southern Lebanon was bombed by Israel on Friday night, leaving three people dead."
    [ev] = assaults(extract(text, published="2025-10-25", pipeline=pipeline))
    assert ev.actor1.country == "ISR"
    assert ev.location is None or ev.location.country == "LBN"


@pytest.mark.parametrize("text,dateline", [
    ("Talks stall in Geneva\n\nGENEVA, March 3 (AFP) -- Negotiators met again on Monday.",
     "GENEVA, March 3 (AFP) -- "),
    ("Blast hits depot\nLUHANSK (Interfax) - An explosion hit a fuel depot on Monday.",
     "LUHANSK (Interfax) - "),
    ("QUETTA: Gunmen attacked a bus on Monday, police said.", "QUETTA: "),
    ("KYIV — Russian drones struck the capital overnight.", "KYIV — "),
    ("MINSK, May 3. /TASS/. The two delegations met for three hours.",
     "MINSK, May 3. /TASS/. "),
    # two agencies in the parentheses, a pool credit
    ("KURSK, Jan 9, 2025 (UNB/AFP) - A drone strike set a warehouse ablaze overnight.",
     "KURSK, Jan 9, 2025 (UNB/AFP) - "),
    # a place in ordinary case, then an agency's bracket and the first sentence, no dash
    ("Protesters clash with police\n\nYerevan, (APP - 4th Mar, 2025) Police detained ten "
     "people on Monday.", "Yerevan, (APP - 4th Mar, 2025) "),
    ("Chennai, Jan 5 (IANS) Two boats were seized on Sunday.", "Chennai, Jan 5 (IANS) "),
    ("Blast in market\nPeshawar (Reuters) A bomb exploded on Friday.", "Peshawar (Reuters) "),
    # a big town (or a capital) or a place of the country named after it, in ordinary case,
    # before a colon and a whole sentence
    ("Lahore: Three policemen were wounded when gunmen opened fire on a checkpoint on "
     "Sunday.", "Lahore: "),
    ("Strike on a village\n\nVilkhuvatka, Ukraine: A drone hit a farm in the village on "
     "Friday, officials said.", "Vilkhuvatka, Ukraine: "),
])
def test_datelines_at_the_head_of_the_body(text, dateline):
    from eventdesk.annotate.dateline import find_dateline

    found = find_dateline(text)
    assert found is not None and found.span.text == dateline


@pytest.mark.parametrize("text", [
    "Russian forces shelled the town.\nKyiv-based analysts said the attack was planned.",
    "Drone strike kills two\nOfficials said: the drone hit a bus.",
    "Trump: talks went well",
    # a name before a colon that is no known town, or a headline after it
    "Zelensky: We will not give up any land in these talks, he told the crowd.",
    "Kyiv: Russian drones hit city",
    # a bracket that is an acronym, not an agency
    "Foreign ministers met\nThe European Union (EU) Foreign Affairs Council met on Monday.",
])
def test_no_dateline_in_ordinary_lines(text):
    from eventdesk.annotate.dateline import find_dateline

    assert find_dateline(text) is None


def test_a_dateline_after_the_headline_is_no_event_place(pipeline):
    text = ("Gunmen kill four at a market\n\n"
            "QUETTA: Gunmen killed four people at a market in Turbat on Monday, police said.")
    assert only_assault_place(text, "2025-03-04", pipeline) == "Turbat"


def test_a_wire_dateline_in_ordinary_case_is_where_the_report_was_filed(pipeline):
    # "Yerevan, (AGENCY ...)": the events take the dateline's town when they name no other,
    # and the dateline's place is no place of the attack it does not tell
    text = ("Police detain two opposition leaders\n\n"
            "Yerevan, (APP - 4th Mar, 2025) Armenian police on Sunday detained two leaders "
            "of the opposition at a street rally.\n")
    [arrest] = of_type("COERCE", text, pipeline, "2025-03-04")
    assert arrest.location is not None and arrest.location.name == "Yerevan"


def test_an_attack_on_places_named_together_is_one_attack_per_place(pipeline):
    text = ("Russian aircraft dropped bombs on the villages of Bilozerka and Tiahynka on "
            "Friday, the regional governor said.")
    events = assaults(extract(text, published="2025-05-10", pipeline=pipeline))
    assert sorted(e.location.name for e in events) == ["Bilozerka", "Tiahynka"]
    assert len({e.id for e in events}) == 2
    # a list after a summary is no set of attacks of their own
    text = ("Troops detained 15 people in raids across the West Bank overnight, including in "
            "Jenin and Tubas.")
    assert len(assaults(extract(text, published="2025-05-10", pipeline=pipeline))) <= 1


def test_a_protest_told_in_several_sentences_in_one_town(pipeline):
    text = ("Thousands of students marched in central Nairobi on Tuesday to protest over a "
            "finance bill. Demonstrators waving flags gathered outside parliament. "
            "At least 12 people were arrested near the parliament building, police said.")
    events = extract(text, published="2024-06-18", pipeline=pipeline)
    protests = [e for e in events if e.type == "PROTEST"]
    assert len(protests) == 1 and protests[0].location.name == "Nairobi"
    [arrests] = [e for e in events if e.type == "COERCE"]
    assert arrests.location is not None and arrests.location.name == "Nairobi"
    assert arrests.actor1 is not None and arrests.actor1.country == "KEN"


def test_an_attack_of_its_own_time_with_no_place_takes_the_reports_one_town(pipeline):
    """``context.place`` for attacks: kept apart by its own day, an attack whose sentence
    names no place happened in the one town of the report; the target's country decides."""
    text = ("Russian drones struck Mykolaiv on Sunday, injuring three people. A residential "
            "building was damaged in Mykolaiv.\n\nEarlier, on Friday, a Russian drone hit a "
            "delivery van.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-12-16")
    assert len(evs) == 2
    assert [e.location.name if e.location else None for e in evs] == ["Mykolaiv", "Mykolaiv"]
    # the town is where the report's events are: not carried into a report of two towns
    text = ("Russian drones struck Mykolaiv on Sunday, injuring three people. Shelling hit "
            "Kherson on Saturday.\n\nEarlier, on Friday, a Russian drone hit a delivery van.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-12-16")
    van = [e for e in evs if "van" in text[e.sentence.start:e.sentence.end]]
    assert all(e.location is None for e in van)  # (dropped: incident.unplaced_reference)
    # nor where the target is of another country
    text = ("Russian drones struck Mykolaiv on Sunday, injuring three people.\n\nOn Friday, "
            "Ukrainian drones hit a Russian refinery.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-12-16")
    far = [e for e in evs if e.actor1 is not None and e.actor1.country == "UKR"]
    assert far and all(e.location is None or e.location.country == "RUS" for e in far)


def test_an_attack_on_regions_named_together_is_one_attack_per_region(pipeline):
    """``incident.each_place`` for regions: "the X, Y and Z regions", before or after the
    verb, is one attack per region; drones downed over regions are one salvo met there."""
    text = ("Russian missiles hit power plants in the Chernihiv, Sumy, Poltava and Cherkasy "
            "regions overnight, the operator said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-09")
    assert sorted(e.location.name for e in evs) == ["Cherkasy", "Chernihiv", "Poltava", "Sumy"]
    assert all(e.location.precision == "admin1" for e in evs)
    text = ("Energy facilities in the Chernihiv, Sumy and Cherkasy regions were hit by Russian "
            "drones overnight, the operator said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-09")
    assert sorted(e.location.name for e in evs) == ["Cherkasy", "Chernihiv", "Sumy"]
    text = ("Air defence units destroyed 40 Ukrainian drones over the Bryansk, Oryol and Kursk "
            "regions overnight, the ministry said.\n")
    assert len(of_type("ASSAULT", text, pipeline, published="2024-05-09")) == 1
    # "one was hurt in the Y region": a clause of its own place after "X were injured in X"
    text = ("Russian missiles struck energy sites on Wednesday. Three people were injured in "
            "the Odesa region, and in the Mykolaiv region one was hurt, the minister said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-09")
    assert sorted((e.location.name.split()[0], e.location.precision, e.injuries)
                  for e in evs) == [("Mykolaiv", "admin1", 1), ("Odesa", "admin1", 3)]


def test_a_second_list_joined_with_as_well_as_goes_on_the_first(pipeline):
    """``incident.each_place``: "in the X, Y and Z oblasts, as well as the cities of A and
    B" is one attack per place of both lists, towns after regions; a region listed with a
    town of its own is where the town lies, not a second attack."""
    text = ("Cruise missiles struck targets in the Kyiv, Poltava and Sumy oblasts, as well as "
            "the cities of Odesa, Rivne and Ternopil, officials said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2022-10-31")
    assert sorted((e.location.name.split()[0], e.location.precision) for e in evs) == [
        ("Kyiv", "admin1"), ("Odesa", "city"), ("Poltava", "admin1"), ("Rivne", "city"),
        ("Sumy", "admin1"), ("Ternopil", "city")]
    text = "Russian drones hit Nikopol on Monday, as well as the Dnipropetrovsk region.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2022-10-31")
    assert [e.location.name for e in evs] == ["Nikopol"]
    text = "Russian drones hit Kharkiv and also the city of Dnipro on Monday, officials said.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2022-10-31")
    assert sorted(e.location.name for e in evs) == ["Dnipro", "Kharkiv"]


def test_the_place_of_what_a_crowd_demands_is_not_where_it_marches(pipeline):
    text = ("Thousands of people marched through Paris on Saturday calling for a ceasefire in "
            "Gaza.\n")
    [ev] = of_type("PROTEST", text, pipeline, published="2023-11-25")
    assert ev.location is not None and ev.location.name == "Paris"
    text = "Demonstrators rallied on Sunday, demanding an end to the war in Sudan.\n"
    evs = of_type("PROTEST", text, pipeline, published="2023-11-26")
    assert all(e.location is None or e.location.country != "SDN" for e in evs)


def test_the_capital_is_the_one_national_capital_the_report_names(pipeline):
    from eventdesk.annotate.places import find_places

    text = ("Tens of thousands marched through the capital on Saturday. The crowd set off "
            "from a square in central Madrid at noon.\n")
    assert [m.name for m in find_places(text)] == ["Madrid", "Madrid"]
    [ev] = of_type("PROTEST", text, pipeline, published="2023-11-25")
    assert ev.location is not None and ev.location.name == "Madrid"
    # two capitals named: "the capital" stays unplaced
    text = ("Tens of thousands marched through the capital on Saturday, as envoys met in Cairo "
            "and Madrid.\n")
    assert "the capital" not in [m.span.text for m in find_places(text)]
    # "the capital of X", "the capital, X" name it themselves
    text = "Fighting reached the capital of Sudan; officials in Madrid said so.\n"
    assert "the capital" not in [m.span.text for m in find_places(text)]


def test_an_incident_placed_only_by_its_context_joins_the_one_told_there(pipeline):
    """``incident.placed_later``: a renaming of the incident with only a country of its own
    ("the incident was a drone attack ... on Russian territory"), put in the report's town by
    ``context.town``, is the incident told there before, not a second attack."""
    text = ("A fuel tank at an oil depot in Tuapse caught fire overnight on Thursday, officials "
            "said.\n\nFirefighters put out the blaze by morning. Nobody was hurt, the regional "
            "governor said. Rail traffic near the depot was halted for several hours.\n\n"
            "Quoting its sources, a Ukrainian broadcaster says the incident was a drone attack "
            "conducted by Ukraine's military intelligence in a campaign of raids on fuel depots "
            "on Russian territory. The raid on Tuapse was the third on the port this month.\n")
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-01-26")
    assert ev.location.name == "Tuapse" and ev.actor1.country == "UKR"


def test_a_place_that_opens_a_sentence_sets_the_scene_of_its_paragraph(pipeline):
    """``context.place``: "In Moscow, ..." opens a paragraph's scene; a detention told later
    in that paragraph with no place of its own happened there (not in the next paragraph)."""
    text = ("Anti-war memorials appeared in Russia on Friday.\n\nIn Moscow, residents laid "
            "flowers at a monument to a Ukrainian poet. Police stood nearby. Later, two people "
            "were detained near the monument, a rights group said.\n\nIn Perm, a student was "
            "fined.\n\nSeveral others were detained on the same day, the group said.\n")
    evs = of_type("COERCE", text, pipeline, published="2023-02-25")
    moscow = [e for e in evs if "two people" in text[e.sentence.start:e.sentence.end]]
    assert len(moscow) == 1 and moscow[0].location is not None
    assert moscow[0].location.name == "Moscow"
    others = [e for e in evs if "Several others" in text[e.sentence.start:e.sentence.end]]
    assert all(e.location is None or e.location.name != "Moscow" for e in others)


def test_a_swap_of_captives_takes_no_place_from_the_reports_strikes(pipeline):
    """``context.place``: captives swapped change hands where the two sides meet, not in the
    town the report's fighting is told in; a one-sided handover keeps the carried place."""
    text = ("Russian troops shelled the town of Huliaipole on Thursday, the governor said. "
            "Later that day Ukraine swapped 150 prisoners of war with Russia, both sides said.\n")
    evs = of_type("RETREAT", text, pipeline, published="2024-06-21")
    assert evs and all(e.location is None for e in evs)
    text = ("Rebels shelled the town of Goma on Friday, officials said. On Saturday the rebels "
            "handed over twelve captured soldiers to the Red Cross.\n")
    evs = of_type("RETREAT", text, pipeline, published="2024-06-22")
    assert evs and all(e.location is not None and e.location.name == "Goma" for e in evs)


def test_a_definite_incident_noun_refers_back_to_the_place_before_it(pipeline):
    """``context.place``: "Crowds filled a square in X. The rally ended in arrests": the
    sentence that opens on "The rally" tells of what a sentence before it placed, even where
    no event was read there (not of the town a later paragraph names)."""
    text = ("Hundreds gathered in Kutaisi’s Freedom Square Monday evening, heeding an appeal "
            "from student unions seeking new elections. The rally, which became a march, ended "
            "when police detained five people.\n\nOn Sunday, a court in Batumi jailed two "
            "activists for a month.\n")
    evs = extract(text, published="2025-03-04", pipeline=pipeline)
    told = [e for e in evs if "The rally" in text[e.sentence.start:e.sentence.end]]
    assert told and all(e.location is not None and e.location.name == "Kutaisi" for e in told)


def test_a_second_strike_named_as_such_is_its_own_incident(pipeline):
    text = ("Shelling killed five civilians in El Fasher on Friday, the army said. Medics "
            "later told of a second RSF strike on the eastern edge of the city.")
    events = assaults(extract(text, published="2025-04-12", pipeline=pipeline))
    assert len(events) == 2


def test_a_country_wide_place_takes_the_one_region_named_beside_it(pipeline):
    text = ("A Ukrainian drone attack set fire to an oil depot in Russia overnight. The "
            "governor of the Bryansk region said the blaze was put out by morning.")
    [ev] = assaults(extract(text, published="2025-02-24", pipeline=pipeline))
    assert ev.location is not None and ev.location.country == "RUS"
    assert ev.location.precision in ("admin1", "city") and "Bryansk" in ev.location.name


def test_an_acronym_in_brackets_is_no_place(pipeline):
    from eventdesk.annotate.places import find_places

    text = "The National Intelligence and Security Agency (NISA) said 20 fighters were killed."
    assert [m.span.text for m in find_places(text)] == []
    # once defined, the acronym stays the agency further on
    text += " In a later statement NISA said the raid had lasted all night."
    assert [m.span.text for m in find_places(text)] == []


def test_a_meeting_told_again_in_later_sentences_is_one_meeting(pipeline):
    text = ("MINSK, May 3. /TASS/. The third round of talks between Russia and Ukraine in "
            "Minsk ended after two hours. The sides discussed an exchange of prisoners. "
            "The delegations also discussed a possible truce.")
    meetings = of_type("CONSULT", text, pipeline, published="2025-05-03")
    assert len(meetings) == 1 and meetings[0].location.name == "Minsk"


def test_newspaper_taglines_and_stray_markup_are_furniture():
    s = find_structure("Police disperse protest\nThe Daily PostDemocracy Dies in Darkness\n"
                       "Democracy Dies in Darkness\n< blockquote>\nPolice used tear gas on "
                       "Wednesday to disperse the crowd.")
    assert [b.kind for b in s.blocks][2:4] == ["boilerplate", "boilerplate"]


def test_a_one_sided_move_in_a_two_country_war_is_aimed_at_the_other_side(pipeline):
    text = ("Ukraine accused Russia of shelling Kherson overnight. Russian artillery hit a "
            "market in Kherson on Monday, killing two people. Russia's president declared a "
            "three-day ceasefire on Tuesday.")
    evs = extract(text, published="2025-05-06", pipeline=pipeline)
    truce = [e for e in evs if e.type in ("CONCEDE", "RETREAT")]
    assert truce and truce[0].actor1.country == "RUS" and truce[0].actor2.country == "UKR"


def test_no_adversary_without_a_two_country_war(pipeline):
    text = "The president declared a three-day ceasefire on Tuesday."
    evs = extract(text, published="2025-05-06", pipeline=pipeline)
    assert all(e.actor2 is None for e in evs if e.type in ("CONCEDE", "RETREAT"))


def test_soldiers_attacked_by_others_are_the_places_soldiers(pipeline):
    text = "Gunmen killed six soldiers in a raid on a base near Damboa on Sunday."
    [ev] = of_type("ASSAULT", text, pipeline, published="2025-01-06")
    assert ev.actor2 is not None and ev.actor2.country == "NGA"


def test_a_states_coercion_at_home_is_of_its_own_people(pipeline):
    text = "Police in Dhaka detained 300 people on Friday, officials said."
    [ev] = of_type("COERCE", text, pipeline, published="2024-07-20")
    assert ev.actor1.country == "BGD" and ev.actor2.country == "BGD"


def test_an_update_of_the_figures_is_the_same_incident(pipeline):
    text = ("A Russian missile attack on the Mykolaiv region killed three people on Tuesday, "
            "the governor said. Five more people were injured.\n\n"
            "Update: Prosecutors later reported that Russian forces hit a port in the Mykolaiv "
            "district with a ballistic missile, killing four people and wounding six.")
    evs = of_type("ASSAULT", text, pipeline, published="2024-10-09")
    assert len(evs) == 1
    assert (evs[0].fatalities, evs[0].injuries) == (4, 6)


def test_two_strikes_in_one_region_without_an_update_stay_two(pipeline):
    text = ("A Russian missile hit the port of Izmail on Tuesday, killing two people. "
            "Separately, a drone hit a warehouse in Odesa on Tuesday, injuring five.")
    evs = of_type("ASSAULT", text, pipeline, published="2024-10-09")
    assert len(evs) == 2


def test_who_reports_a_toll_is_its_source_not_the_attacker(pipeline):
    text = ("Israeli jets struck the port of Hodeidah on Tuesday. Houthi health officials "
            "reported at least 30 deaths and more than 100 injuries.")
    [ev] = assaults(extract(text, published="2025-09-16", pipeline=pipeline))
    assert ev.actor1.country == "ISR"
    assert (ev.fatalities, ev.injuries) == (30, 100)


def test_a_headline_attacker_guessed_from_the_report_gives_way_to_the_bodys():
    # the headline names no attacker: its Russian one was guessed from the rest of the report
    # (no span); the body event it summarises states a Ukrainian attacker
    from eventdesk.records import Actor

    text = "Shelling mars truce\n\nUkrainian troops attacked positions near Horlivka overnight."
    place = Place("Horlivka", "UKR", 48.3, 38.05, "city", admin1="Donetsk",
                  span=Span(text.index("Horlivka"), text.index("Horlivka") + 8, "Horlivka"))
    body_at = text.index("Ukrainian")
    body_sent = Span(body_at, len(text), text[body_at:])
    guessed = Actor(name="Military forces (RUS)", country="RUS", sector="MIL", span=None)
    stated = Actor(name="Ukrainian troops", country="UKR", sector="MIL",
                   span=Span(body_at, body_at + 16, "Ukrainian troops"))
    head = Event(doc_id="d", type="ASSAULT", trigger=Span(0, 8, "Shelling"),
                 sentence=Span(0, 19, text[:19]), actor1=guessed)
    at = text.index("attacked")
    body = Event(doc_id="d", type="ASSAULT", trigger=Span(at, at + 8, "attacked"),
                 sentence=body_sent, actor1=stated, location=place)
    result = resolve_document([head, body], structure=find_structure(text),
                              published=date(2025, 4, 20), sentence_starts=[0, body_at])
    [one] = result.events
    assert [d.rule for d in result.decisions] == ["incident.headline"]
    assert one.actor1.country == "UKR"


def test_an_attack_told_with_its_targets_state_for_attacker_joins_the_foreign_one():
    """``incident.placed_later`` for a misread self-attack: "the mayor reported four people
    wounded" took the teller's country for the attacker; at the place of a foreign state's
    strike, at the same time, it is that strike (its attacker kept). A domestic fight of
    another kind at the same place stays apart."""
    from eventdesk.document.incidents import Item, fold_placed
    from eventdesk.records import Actor, Evidence

    text = ("A Russian missile struck Lviv overnight. Firefighters worked until dawn. Homes "
            "nearby lost their windows. Power was back by noon. The mayor reported four "
            "people wounded.")
    lviv = Place("Lviv", "UKR", 49.84, 24.03, "city", admin1="Lviv",
                 span=Span(text.index("Lviv"), text.index("Lviv") + 4, "Lviv"))
    night = DateWindow(date(2023, 7, 5), date(2023, 7, 6), rule="published")
    civilians = Actor(name="Civilians (UKR)", country="UKR", sector="CVL", span=None)
    strike = Event(doc_id="d", type="ASSAULT", trigger=Span(18, 25, "struck"),
                   sentence=Span(0, 40, text[:40]), acled_event_type="Explosions/Remote violence",
                   actor1=Actor(name="Russian missile", country="RUS", sector="MIL",
                                span=Span(2, 17, "Russian missile")),
                   actor2=civilians, location=lviv, date=night)
    at = text.index("The mayor")
    teller = Actor(name="mayor", country="UKR", sector="GOV", span=Span(at + 4, at + 9, "mayor"))
    w = text.index("wounded")
    update = Event(doc_id="d", type="ASSAULT", trigger=Span(w, w + 7, "wounded"),
                   sentence=Span(at, len(text), text[at:]),
                   acled_event_type="Explosions/Remote violence", actor1=teller,
                   actor2=civilians, location=lviv, date=night, injuries=4,
                   evidence=(Evidence("location", lviv.span),))
    items = [Item(event=strike, sentence=0, block=0, title=False),
             Item(event=update, sentence=4, block=0, title=False)]
    [fold] = fold_placed(items, set())
    [one] = [it.event for it in items if it.alive]
    assert (one.actor1.country, one.injuries) == ("RUS", 4)
    # a rebel group of the target's country fighting there, a fight of another kind: apart
    battle = update.replace(acled_event_type="Battles",
                            actor1=Actor(name="militia", country="UKR", sector="REB", span=None))
    items = [Item(event=strike, sentence=0, block=0, title=False),
             Item(event=battle, sentence=4, block=0, title=False)]
    assert fold_placed(items, set()) == []


def test_countryless_victims_take_the_place_the_report_gives_the_attack():
    from eventdesk.document.context import _victims_side
    from eventdesk.records import Actor

    text = "Gunmen killed six soldiers in a raid on a base."
    sent = Span(0, len(text), text)
    damboa = Place("Damboa", "NGA", 11.15, 12.76, "city", admin1="Borno")
    gunmen = Actor(name="gunmen", country="NGA", sector="REB")
    soldiers = Actor(name="soldiers", country=None, sector="MIL",
                     span=Span(text.index("six"), text.index(" in a"), "six soldiers"))

    def ev(a1, a2, loc, sentence=sent):
        return Event(doc_id="d", type="ASSAULT", trigger=Span(7, 13, "killed"),
                     sentence=sentence, actor1=a1, actor2=a2, location=loc)

    assert _victims_side(ev(gunmen, soldiers, damboa)).country == "NGA"
    # a state's own forces hitting soldiers of no named side: left open
    army = Actor(name="the army", country="NGA", sector="MIL")
    assert _victims_side(ev(army, soldiers, damboa)) is None
    # no place yet, or a named side already: nothing to fill
    assert _victims_side(ev(gunmen, soldiers, None)) is None
    named = Actor(name="Nigerian soldiers", country="NGA", sector="MIL")
    assert _victims_side(ev(gunmen, named, damboa)) is None
    # civilians hit by the place's own state in an area the other side holds keep no side
    held = "Ukrainian shelling killed two civilians in Russian-held Donetsk."
    civ = Actor(name="civilians", country=None, sector="CVL")
    donetsk = Place("Donetsk", "UKR", 48.0, 37.8, "city", admin1="Donetsk")
    ukraine = Actor(name="Ukrainian forces", country="UKR", sector="MIL")
    assert _victims_side(ev(ukraine, civ, donetsk, Span(0, len(held), held))) is None
    assert _victims_side(ev(None, civ, donetsk)).country == "UKR"


def test_a_curfew_with_troops_deployed_is_imposed_on_the_states_own_people(pipeline):
    text = ("Kenya on Friday announced a nationwide curfew and sent military forces into "
            "the streets after days of unrest.")
    [coerce] = of_type("COERCE", text, pipeline, published="2024-06-22")
    assert coerce.actor1.country == "KEN" and coerce.actor2.country == "KEN"


def test_a_measure_taken_at_home_takes_the_one_region_named_beside_it(pipeline):
    text = ("Ukraine's security service said on Monday it had detained a man who passed "
            "troop positions to Moscow. The suspect lived in the Poltava region, it added.")
    [coerce] = of_type("COERCE", text, pipeline, published="2025-02-10")
    assert coerce.actor1.country == "UKR"
    assert coerce.location is not None and coerce.location.precision == "admin1"
    assert coerce.location.admin1 == "Poltava"


def test_a_place_in_a_relative_clause_is_the_persons_story_unless_it_is_where_they_went(
        pipeline):
    # "who passed ... to Moscow" tells about the man, not where the arrest was
    text = "Police in Tbilisi said on Monday they had detained a man who sold arms in Baku."
    [coerce] = of_type("COERCE", text, pipeline, published="2025-02-10")
    assert coerce.location is not None and coerce.location.name == "Tbilisi"
    # a motion into a place says where the intercepted craft were
    text = "Lithuanian jets shot down Belarusian drones that had entered Lithuanian airspace."
    [ev] = assaults(extract(text, published="2025-09-12", pipeline=pipeline))
    assert ev.location is not None and ev.location.country == "LTU"


def test_a_meetings_sides_in_either_order_are_one_meeting():
    from eventdesk.records import Actor

    text = ("Qatar hosts Sudanese delegation\n\nSudanese and Qatari officials met in Doha on "
            "Monday.")
    at = text.index("Sudanese and")
    doha = Place("Doha", "QAT", 25.29, 51.53, "city",
                 span=Span(text.index("Doha"), text.index("Doha") + 4, "Doha"))

    def actor(name, c, where):
        s = text.index(name, where)
        return Actor(name=name, country=c, sector="GOV", span=Span(s, s + len(name), name))

    head = Event(doc_id="d", type="CONSULT", trigger=Span(6, 11, "hosts"),
                 sentence=Span(0, 31, text[:31]), actor1=actor("Qatar", "QAT", 0),
                 actor2=actor("Sudanese", "SDN", 0))
    met = text.index("met")
    body = Event(doc_id="d", type="CONSULT", trigger=Span(met, met + 3, "met"),
                 sentence=Span(at, len(text), text[at:]), actor1=actor("Sudanese", "SDN", at),
                 actor2=actor("Qatari", "QAT", at), location=doha)
    result = resolve_document([head, body], structure=find_structure(text),
                              published=date(2025, 3, 3), sentence_starts=[0, at])
    assert len(result.events) == 1
    assert [d.rule for d in result.decisions] == ["incident.headline"]


def test_a_placeless_meeting_joins_the_visit_of_its_other_side(pipeline):
    """"The envoy arrived in Oslo for talks" / "the Sudanese delegation met the Americans in
    the afternoon": the second mention names the visitor's country as its other side, so it
    is the same meeting, not a second one with no place."""
    text = ("U.S. envoy Tom Barrack arrived in Oslo on Sunday morning for talks on the peace "
            "plan.\n\nWashington has given Khartoum until Friday to accept the plan.\n\n"
            "Before the Sudanese delegation met with the Americans on Sunday "
            "afternoon, its leader praised the hosts.\n")
    consults = of_type("CONSULT", text, pipeline, published="2025-06-01")
    assert len(consults) == 1
    assert consults[0].location is not None and consults[0].location.name == "Oslo"
    assert {consults[0].actor1.country, consults[0].actor2.country} == {"USA", "SDN"}
    # (a deadline "given X until Friday to accept" asserts no acceptance)
    assert not of_type("AGREE", text, pipeline, published="2025-06-01")


def test_a_broadcaster_named_like_a_town_is_no_place(pipeline):
    # Al Mayadeen is a Lebanese channel and a Syrian town; the channel reports, it is no place
    text = ("The Beirut-based channel Al Mayadeen reported that Israeli jets struck a fuel "
            "depot on Saturday.")
    for ev in assaults(extract(text, published="2024-09-29", pipeline=pipeline)):
        assert ev.location is None or ev.location.country != "SYR"


def test_a_place_in_a_clause_of_another_time_is_another_events(pipeline):
    text = ("Rebels fired rockets toward Chad on Tuesday, two days after government strikes in "
            "Kidal killed a commander.")
    fired = [e for e in assaults(extract(text, published="2025-03-04", pipeline=pipeline))
             if e.trigger.text.startswith("fired")]
    assert fired and (fired[0].location is None or fired[0].location.name != "Kidal")
    # the same moment keeps the place: "killed when a missile hit ..."
    text = "Two people were killed when a missile hit a building in Kharkiv on Monday."
    assert only_assault_place(text, "2025-03-04", pipeline) == "Kharkiv"


def test_a_country_wide_attack_and_the_town_it_hit_beside_it_are_one_incident(pipeline):
    text = ("Militants fired rockets at Israel on Tuesday. A rocket hit a house in Sderot, "
            "police said.")
    assert only_assault_place(text, "2025-03-04", pipeline) == "Sderot"


def test_a_follow_up_borrows_the_time_of_the_sentences_own_attack(pipeline):
    # the clause of another time ("days after strikes killed ...") is not the attack the
    # next sentence continues
    text = ("Rebels fired rockets at Gao on Tuesday, four days after army strikes in Kidal "
            "killed a commander. Sirens sounded across Gao as 40 rockets were fired from the "
            "desert.")
    evs = [e for e in assaults(extract(text, published="2025-03-04", pipeline=pipeline))
           if e.location is not None and e.location.name == "Gao"]
    assert evs and all(e.date.earliest <= date(2025, 3, 4) <= e.date.latest for e in evs)


def test_an_arrest_of_protesters_implies_their_protest(pipeline):
    """"At least 120 protesters were detained in Yerevan": an arrest (COERCE) and the protest
    it broke up (PROTEST, ACLED Protest with intervention) at the same town; a country-wide
    tally of detentions implies no town's protest, and a told protest is not doubled."""
    text = ("Police detained dozens during rallies against the new law across Armenia on "
            "Tuesday.\n\nAt least 120 protesters were detained in Yerevan, a rights group "
            "said.\n")
    events = extract(text, published="2024-05-15", pipeline=pipeline)
    protests = [e for e in events if e.type == "PROTEST" and e.location is not None
                and e.location.name == "Yerevan"]
    assert len(protests) == 1
    assert (protests[0].acled_event_type, protests[0].acled_sub_event_type) == (
        "Protests", "Protest with intervention")
    assert protests[0].actor1.country == "ARM"
    assert any(e.type == "COERCE" and e.location is not None and e.location.name == "Yerevan"
               for e in events)
    # a protest the report tells at that town is not doubled
    text = ("Thousands of protesters marched in Yerevan on Tuesday. Police detained 40 "
            "protesters in Yerevan, a rights group said.")
    events = extract(text, published="2024-05-15", pipeline=pipeline)
    assert sum(e.type == "PROTEST" for e in events) == 1


@pytest.mark.parametrize("text", [
    "A student was detained in Tver with a placard against the war on Friday.",
    "Police in Omsk detained two women who were laying flowers at a memorial on Friday.",
    "In Tver, near Moscow, a pensioner was detained with a banner on Friday.",
])
def test_an_arrest_for_a_protesters_means_implies_a_protest(pipeline, text):
    """Held with a poster, a placard or a banner, or while laying flowers: the arrest tells a
    protest that was broken up, at the town of the arrest (not at the town "near" which it
    lies)."""
    events = extract(text, published="2023-02-25", pipeline=pipeline)
    [protest] = [e for e in events if e.type == "PROTEST"]
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert protest.location is not None and protest.location.name in ("Tver", "Omsk")


def test_a_raid_reports_killings_are_no_force_against_its_only_protest(pipeline):
    """A report on a raid that killed fighters, which also tells of a general strike in
    protest: the strike is a peaceful protest; the raid's killings were not force used
    against the strikers."""
    text = ("Soldiers killed four gunmen in a raid on the Tulkarm camp on Wednesday, the "
            "army said.\nShops in Nablus stayed shut on Thursday in a general strike called "
            "by local factions to protest against the raid.\n")
    [protest] = of_type("PROTEST", text, pipeline, published="2024-09-05")
    assert protest.acled_sub_event_type == "Peaceful protest"


def test_two_coercive_measures_at_one_place_stay_two(pipeline):
    """A curfew and a ban on gatherings in one city on one day are two measures (PLOVER
    COERCE each), not one event told twice; two reports of the same arrests still merge."""
    text = ("The government declared a curfew in Chittagong on Friday.\n\n"
            "Police also banned all marches and public meetings in Chittagong on Friday, "
            "the police chief told reporters.\n")
    coerce = of_type("COERCE", text, pipeline, published="2024-08-02")
    assert len(coerce) == 2
    text = ("Police arrested 40 people in Chittagong on Friday.\n\n"
            "Those detained were taken to a police station, officials said.\n")
    coerce = of_type("COERCE", text, pipeline, published="2024-08-02")
    assert len(coerce) == 1


def test_a_protest_is_not_against_the_country_it_spreads_across(pipeline):
    text = ("Police detained dozens during rallies against the pension reform across "
            "Georgia on Saturday.")
    [ev] = of_type("PROTEST", text, pipeline, published="2024-05-12")
    assert ev.actor2 is None or ev.actor2.name != "Georgia"


def test_an_unknown_settlement_of_the_sentence_is_not_replaced_by_another_town(pipeline):
    """"seized the border town of X" (X missing from the gazetteer) happened in X: the one
    town the report names beside it (Goma) is not its place."""
    text = ("M23 fighters seized the border town of Kavumbiro in the DR Congo on Sunday, "
            "residents said. It lies some 50 km north of Goma.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-04")
    assert evs and all(e.location is None or e.location.name != "Goma" for e in evs)
    # a sentence that names no settlement of its own still takes the one town beside it
    text = ("Rebels attacked army positions in the Democratic Republic of Congo on Sunday, "
            "residents of Goma said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-04")
    assert [e.location.name for e in evs if e.location is not None] == ["Goma"]


def test_photo_captions_tell_no_events(pipeline):
    captions = [
        "Flowers lie outside a school that was struck by a drone in Sumy, Ukraine, March 3, "
        "2025. REUTERS/Jane Doe",
        "In this photo provided by the regional police, rescuers clear rubble after a missile "
        "strike in Odesa.",
        "Soldiers patrol a street in Goma, Congo, Jan. 30, 2025. (AP Photo/John Roe)",
        "Rebels shelled the outskirts of the town on Monday (Photo: screenshot from a video)",
        # a wire caption's tail: place, country, (weekday,) date, maybe a credit after a dash
        "The premier addresses cabinet members by video link at his residence, outside Ankara, "
        "Turkey, Tuesday, Oct. 8, 2024.",
        "Firefighters work at a burnt warehouse after a drone strike, in Kharkiv region, "
        "Ukraine, May 2. — Reuters",
    ]
    for line in captions:
        s = find_structure("Headline about the war\n\n" + line + "\n\nThe report goes on here.")
        assert [b.kind for b in s.blocks] == ["title", "caption", "body"], line
    text = (captions[0] + "\n\nKYIV - Officials said on Saturday that nine residents died in "
            "the drone strike on Sumy last Monday.")
    evs = assaults(extract(text, published="2025-03-08", pipeline=pipeline))
    assert len(evs) == 1 and evs[0].fatalities == 9
    assert "REUTERS" not in evs[0].evidence[0].span.text
    # a line that only mentions a photo stays news, and so does a line dated with "on"
    for line in ("The photo agency said its staff were safe.",
                 "Drones hit a depot in the city of Kharkiv, Ukraine, on May 2.",
                 "The main news of the day at noon Kyiv time, Monday, September 12"):
        s = find_structure("Headline\n\n" + line + "\n\nMore text.")
        assert "caption" not in [b.kind for b in s.blocks], line


def test_a_time_between_speaker_and_verb_dates_the_saying(pipeline):
    # "officials on Sunday said ... killed in last week's strike": the strike took last week
    text = ("Officials on Sunday said 30 residents had died in last week's Russian strike on "
            "Ternopil.")
    [ev] = assaults(extract(text, published="2025-11-23", pipeline=pipeline))
    assert ev.date.earliest < date(2025, 11, 22) and ev.date.latest <= date(2025, 11, 23)
    # a time opening the sentence before the speaker still dates the told event
    [ev] = assaults(extract("On Saturday, the governor said, troops shelled the town of Nikopol.",
                            published="2025-11-23", pipeline=pipeline))
    assert ev.date.earliest == ev.date.latest == date(2025, 11, 22)


def test_protests_in_cities_listed_after_including_are_one_per_city(pipeline):
    text = "Students held rallies on Friday in several cities, including Shiraz and Tabriz."
    evs = of_type("PROTEST", text, pipeline, published="2023-09-17")
    assert sorted(e.location.name for e in evs) == ["Shiraz", "Tabriz"]
    # an attack summed up before "including" stays one
    text = "Shelling killed five people in the region on Friday, including in Nikopol and Marhanets."
    evs = assaults(extract(text, published="2023-09-17", pipeline=pipeline))
    assert len(evs) == 1


def test_a_bare_plural_told_as_happening_is_news(pipeline):
    text = "Demonstrations took place in Tehran and Mashhad on Saturday."
    evs = of_type("PROTEST", text, pipeline, published="2023-09-17")
    assert len(evs) == 2
    # a bare plural spoken of in general stays no event
    assert extract("The minister spoke about protests in general terms.",
                   published="2023-09-17", pipeline=pipeline) == []


def test_a_follow_up_joins_its_incident_despite_a_time_carried_from_other_news(pipeline):
    # the toll sentence has no time of its own; the Sunday it would carry is the meeting's
    text = ("A Russian missile hit a block of flats in Ternopil on Tuesday, killing 30 people."
            "\n\nOn Sunday diplomats held talks on the peace plan in Geneva.\n\n"
            "Rescuers said the search was over.\n\nMore than 80 people were injured.")
    evs = assaults(extract(text, published="2025-11-23", pipeline=pipeline))
    assert len(evs) == 1
    assert (evs[0].fatalities, evs[0].injuries) == (30, 80)


def test_a_capital_that_acts_or_a_hospital_town_is_not_where_an_attack_happened(pipeline):
    """A capital named as the state ("as Kyiv's counteroffensive gathers pace", "as Moscow
    tries to retake the town", "Moscow claimed that ...") and the town the wounded were
    taken to are not the attack's place; the capital hit, or a headline's speaking capital,
    is."""
    text = ("Ukraine says its troops have liberated four villages in the south, as Kyiv's "
            "counteroffensive gathers pace.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2023-06-12")
    assert evs and all(e.location is None or e.location.name != "Kyiv" for e in evs)
    text = "Most of the town has been ruined by shelling as Moscow tries to retake it.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2023-06-12")
    assert all(e.location is None or e.location.name != "Moscow" for e in evs)
    text = ("Militants attacked a checkpost on Friday, killing seven guards. The bodies and the "
            "wounded were taken to Quetta for treatment, officials said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-11-16")
    assert all(e.location is None or e.location.name != "Quetta" for e in evs)
    text = ("Militants attacked a checkpost on Friday, killing seven guards. Nine more were "
            "wounded and flown to the capital Islamabad for treatment, officials said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-11-16")
    assert all(e.location is None or e.location.name != "Islamabad" for e in evs)
    text = "Russian missiles struck Kyiv overnight, injuring five people.\n"
    [ev] = of_type("ASSAULT", text, pipeline, published="2023-06-12")
    assert ev.location.name == "Kyiv"


def test_property_the_attackers_destroy_is_the_attacks_damage(pipeline):
    """``incident.property``: houses burnt in an attack told beside it are its damage; arson
    with no attack beside it stays its own event."""
    text = ("Gunmen stormed a village in Zamfara State before dawn on Sunday, killing nine "
            "people, a resident said. The attackers also burnt four houses and a shop.\n")
    evs = extract(text, published="2024-06-10", pipeline=pipeline)
    assert [e.type for e in evs] == ["ASSAULT"]
    assert any(e.role == "damage" and "burnt" in e.span.text for e in evs[0].evidence)
    text = "Settlers burned three cars belonging to Palestinians near Ramallah on Tuesday.\n"
    assert [e.type for e in extract(text, published="2024-06-10", pipeline=pipeline)] == [
        "COERCE"]


def test_people_hurt_at_a_protest_are_its_toll_not_an_attack(pipeline):
    """``incident.crowd``: officers or marchers hurt during a rally or its dispersal, and "the
    clashes" at the protest's town, are the protest's toll; a killing at a protest stays an
    attack (police who open fire on a crowd)."""
    text = ("Thousands rallied outside parliament in Yerevan on Monday evening.\n"
            "During the dispersal of the rally, 14 police officers were injured, the interior "
            "ministry said.\n")
    evs = extract(text, published="2024-06-04", pipeline=pipeline)
    assert [e.type for e in evs] == ["PROTEST"]
    assert evs[0].injuries == 14
    text = ("Students marched through Novi Sad on Friday and threw bottles at riot police.\n"
            "The governor praised the officers.\nOpposition leaders called for calm.\n"
            "Later, the clashes in Novi Sad were called an attack on the university by the "
            "police chief.\n")
    assert not of_type("ASSAULT", text, pipeline, published="2025-09-06")
    text = ("Thousands rallied in Nairobi on Tuesday. Police opened fire on the crowd, "
            "killing four people.\n")
    assert of_type("ASSAULT", text, pipeline, published="2024-06-26")


def test_a_list_of_towns_in_a_follow_up_sentence_is_one_attack_per_town(pipeline):
    """``incident.each_place``: the towns listed in the sentence of a mention merged into the
    attack (not in the attack's first sentence) are each an attack."""
    text = ("Overnight, Russian forces fired artillery at border settlements of the Sumy "
            "region, the regional administration said. The Esman, Svesa and Bilopillia "
            "communities came under fire.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-09-08")
    assert {"Esman", "Svesa", "Bilopillia"} <= {e.location.name for e in evs if e.location}
    # a village of the list found only as a namesake in another region is left out
    text = text.replace("Esman, Svesa and Bilopillia", "Esman, Svesa, Bilopillia and Myropil")
    evs = of_type("ASSAULT", text, pipeline, published="2024-09-08")
    assert {e.location.admin1 for e in evs if e.location} == {"Sumy"}
    # an item the gazetteer does not know, between two it knows, does not end the list
    text = ("Russian troops shelled the Nikopol district overnight, the governor said. The "
            "Nikopol, Chervonohryhorivka, Zzyxiv and Marhanets communities came under fire.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-15")
    assert {"Nikopol", "Chervonohryhorivka", "Marhanets"} <= {
        e.location.name for e in evs if e.location}


def test_a_tally_of_fire_by_place_is_one_attack_per_place(pipeline):
    """``incident.each_place`` over the parts of a governor's tally ("fired N times on M
    settlements: k times on A and B with X, and j times on C, D and E with Y"); a place of
    the tally that a later sentence tells of keeps one event, as does a place named twice."""
    text = ("Two people were hurt in Zaporizhzhia Oblast in Russian attacks over the past "
            "day. In total, the Russians fired 31 times on 7 settlements: twice on "
            "Stepnohirsk and Kamianske with drones, and 29 times on Orikhiv, Levadne, "
            "Kamianske, Malynivka and Pavlivka with artillery. During the shelling of "
            "Orikhiv, a man was wounded in his yard.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2023-06-27")
    names = [e.location.name for e in evs if e.location]
    assert set(names) == {"Stepnohirsk", "Kamianske", "Orikhiv", "Levadne", "Malynivka",
                          "Pavlivka"}
    assert len(names) == len(set(names))


def test_a_line_headed_by_a_listed_place_gives_that_places_means(pipeline):
    """``means.place``: "The A, B and C communities were shelled." then "B community: two
    guided aerial bombs" -- B's attack is an air strike, the others stay shelling."""
    text = ("Russian troops attacked border areas of Sumy region overnight, the regional "
            "administration said. The Khotin, Yunakivka and Bilopillia communities were "
            "shelled.\nYunakivka community: two guided aerial bombs were dropped (2 "
            "explosions).\nThe damage is being assessed.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-09-29")
    subs = {e.location.name: e.acled_sub_event_type for e in evs if e.location}
    assert subs["Yunakivka"] == "Air/drone strike"
    assert subs["Khotin"] == subs["Bilopillia"] == "Shelling/artillery/missile attack"


def test_a_crowd_placed_by_the_report_is_of_the_places_country():
    """``context.crowd``: a protest whose crowd names no country, placed (by its sentence or
    by the report's context), is held by people of the place's country."""
    from eventdesk.document.context import complete
    from eventdesk.document.incidents import Item
    from eventdesk.records import Actor, Event, Place, Span

    text = "The march ended at dusk."
    crowd = Actor(name="marchers", country=None, sector="CVL")
    nairobi = Place(name="Nairobi", country="KEN", lat=-1.28, lon=36.82, precision="city")
    ev = Event(doc_id="d", type="PROTEST", trigger=Span(4, 9, "march"),
               sentence=Span(0, len(text), text), actor1=crowd, location=nairobi)
    items = [Item(event=ev, sentence=0, block=0, title=False)]
    done = complete(items, actors=[], sentence_starts=[0], text=text)
    assert items[0].event.actor1.country == "KEN"
    assert "context.crowd" in [d.rule for d in done]


def test_an_unplaced_attack_takes_the_one_town_of_a_partys_country_named_next():
    """``context.town`` for an attack with no place: the one town of its target's country
    (its attacker's when the target's is unknown) that the report names within two
    sentences ("nine herders died in air raids" ... "the raids on Aguelhok")."""
    from eventdesk.document.context import complete
    from eventdesk.document.incidents import Item
    from eventdesk.extraction.events import PlacedMention
    from eventdesk.records import Actor, Event, Place, Span

    text = ("Nine herders died in air raids on Sunday. The raids on Aguelhok were the army's, "
            "the rebels said.")
    at = text.index("Aguelhok")
    town = Place(name="Aguelhok", country="MLI", lat=19.46, lon=0.86, precision="city",
                 admin1="Kidal", span=Span(at, at + 8, "Aguelhok"))
    second = text.index("The raids")
    army = Actor(name="army", country="MLI", sector="MIL")
    herders = Actor(name="herders", country=None, sector="CVL")
    ev = Event(doc_id="d", type="ASSAULT", trigger=Span(12, 16, "died"),
               sentence=Span(0, second - 1, text[:second - 1]), actor1=army,
               actor2=herders, fatalities=9)
    items = [Item(event=ev, sentence=0, block=0, title=False)]
    done = complete(items, actors=[], sentence_starts=[0, second], text=text,
                    places=[PlacedMention(town.span, town, "city", None)])
    assert items[0].event.location is not None and items[0].event.location.name == "Aguelhok"
    assert "context.town" in [d.rule for d in done]


def test_fire_on_a_weekday_is_no_attack(pipeline):
    assert not of_type("ASSAULT", "The club's coach was fired on Monday after a sixth "
                       "defeat.\n", pipeline, published="2023-06-27")
    assert of_type("ASSAULT", "Soldiers fired on a car at a checkpoint near Jenin on "
                   "Monday.\n", pipeline, published="2023-06-27")


def test_an_unplaced_attack_in_a_report_that_places_its_attacks_is_a_reference(pipeline):
    """``incident.unplaced_reference``: with the report's strike placed, an attack no sentence
    places and no rule joins (another attacker, another time) is dropped; a report that
    places no attack keeps its unplaced one."""
    text = ("Gunmen attacked a police post in Bannu on Monday, killing three officers, police "
            "said.\nOn Tuesday a roadside bomb hit a patrol in Lakki Marwat, wounding two "
            "soldiers.\nA report released on Saturday said an army helicopter opened fire on "
            "the crowd.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-21")
    assert [e.location.name if e.location else None for e in evs] == ["Bannu", "Lakki Marwat"]
    text = "Gunmen killed two guards on Tuesday, the police said.\n"
    assert of_type("ASSAULT", text, pipeline, published="2024-05-21")


def test_a_report_maps_no_attack_or_arrest_placed_only_in_a_country(pipeline):
    """``incident.unplaced_reference`` in a report (80 words or more): a strike, a detention
    or a protest placed nowhere or only in a country is a summary, not an incident; a short
    text (a headline, a brief) keeps its country-level event."""
    text = ("Russian missiles struck an energy facility in Poltava on Thursday night, injuring "
            "four workers, the regional governor said on Friday.\n\nFirefighters worked "
            "through the night to put out the blaze, and power was cut to several districts "
            "of the city until the morning.\n\nRussia has attacked Ukraine's power grid "
            "throughout the winter, leaving millions without heating for hours at a time.\n\n"
            "Police in Ukraine detained two men this week on suspicion of helping to guide "
            "the strikes, officials said, without naming the towns where they were held.\n")
    assert len(text.split()) >= 80
    evs = extract(text, published="2024-03-15", pipeline=pipeline)
    assert [e.location.name for e in evs if e.type == "ASSAULT"] == ["Poltava"]
    assert all(e.location is not None and e.location.precision != "country" for e in evs
               if e.type in ("ASSAULT", "COERCE", "PROTEST"))
    [ev] = of_type("ASSAULT", "Russian drones attacked Ukraine overnight, the air force "
                   "said.\n", pipeline, published="2024-03-15")
    assert ev.location is not None and ev.location.precision == "country"


def test_arrests_in_cities_listed_are_one_per_city(pipeline):
    """``incident.each_place`` for arrests: detentions "in several cities, including X, Y and
    Z" were made in each (a town of a neighbouring region near the others is no stray)."""
    text = ("Police detained 40 students in several cities, including Zagreb, Rijeka, Zadar "
            "and Osijek, on Thursday.\n")
    evs = of_type("COERCE", text, pipeline, published="2025-07-04")
    assert {"Zagreb", "Rijeka", "Zadar", "Osijek"} <= {e.location.name for e in evs
                                                      if e.location}
    # three in one region and one across its border, 70 km away: all four
    text = ("Students were detained in several cities, including Belgrade, Kragujevac, Nis "
            "and Novi Sad, on Wednesday.\n")
    evs = of_type("COERCE", text, pipeline, published="2025-07-04")
    assert "Novi Sad" in {e.location.name for e in evs if e.location}
    text = "Police detained 20 activists in Moscow and Saint Petersburg on Sunday.\n"
    evs = of_type("COERCE", text, pipeline, published="2025-07-04")
    assert {e.location.name for e in evs if e.location} == {"Moscow", "Saint Petersburg"}


def test_a_people_that_names_an_armed_group_is_no_place(pipeline):
    """"suspected Kuki tribal militants", "Houthi rebels": the name before an armed-group
    noun is the group's people or movement (Kuki is also a Japanese town), not the place."""
    text = ("Police in Manipur said on Sunday that Kuki tribal militants had shot dead two "
            "farmers near their village.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2023-07-02")
    assert evs and all(e.location is None or e.location.country == "IND" for e in evs)


def test_a_flashback_date_dates_its_own_sentence_only(pipeline):
    """A time that steps back more than a week before the time the report told first
    ("resumed its offensive on March 2") is not inherited by the sentences after it, nor by
    the attack told next through the attack of the flashback."""
    text = ("Air strikes killed 19 people in the enclave on Friday, medics said.\n"
            "Israel restarted its campaign in the enclave on March 2, following the breakdown "
            "of a truce that had brought a brief halt to fighting in the territory.\n"
            "Four members of one family were killed when a strike flattened their house in "
            "Rafah.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2025-04-11")
    rafah = [e for e in evs if e.location is not None and e.location.name == "Rafah"]
    assert rafah and all(e.date.latest >= date(2025, 4, 10) for e in rafah)


def test_another_strike_and_elsewhere_open_new_incidents(pipeline):
    """"were killed in another strike on ..." (the phrase after the trigger) and a sentence
    opened by "Elsewhere," tell a new incident: neither merges into the one before it; the
    placeless "elsewhere" attack is in the region of the town told before, not in it."""
    text = ("An Israeli air strike killed five people in Gaza City on Friday.\n"
            "Seven people were killed in another strike on a school in Beit Lahia.\n"
            "Elsewhere, three people died when a tent was hit.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2025-04-11")
    assert len(evs) == 3, [(e.location and e.location.name, e.fatalities) for e in evs]
    where = {e.fatalities: e.location for e in evs}
    assert where[3] is not None and where[3].precision == "admin1"


def test_the_target_of_a_nominal_attack_is_not_its_attacker(pipeline):
    """"killed in a strike on a police station": the police of the target's name is no
    attacker; an attacker named before the noun still is."""
    [ev] = of_type("ASSAULT", "Six people were killed in a strike on a police station in "
                   "Khan Younis on Friday.\n", pipeline, published="2025-04-11")
    assert ev.actor1 is None or "police" not in (ev.actor1.name or "").lower()
    [ev] = of_type("ASSAULT", "Six people were killed in an Israeli strike on a police "
                   "station in Khan Younis on Friday.\n", pipeline, published="2025-04-11")
    assert ev.actor1 is not None and ev.actor1.country == "ISR"


def test_another_barrage_is_not_a_follow_up_of_the_incident(pipeline):
    """"Another barrage of some 30 rockets was fired ..." announces a new incident, even with
    its "of" phrase between the noun and the verb, and even when it is the only other one."""
    text = ("Militants fired 25 rockets at Sderot on Monday, wounding two people.\n"
            "Hours later, another barrage of some 30 rockets was fired at the area.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-06")
    assert len(evs) == 2, [(e.location and e.location.name, e.trigger.text) for e in evs]


def test_a_people_named_before_tribes_is_no_place(pipeline):
    """"between the Meiteis and Kuki tribes": a people before "tribes", "clans" or
    "communities" names who fight, not where (Kuki is also a Japanese town)."""
    text = ("Two village guards were shot dead on Sunday amid clashes between the Meitei and "
            "Kuki tribes in Manipur.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2023-07-03")
    assert evs and all(e.location is None or e.location.country == "IND" for e in evs)


def test_a_fronted_quoted_warning_names_its_consequence(pipeline):
    """""An attack on our ships will carry grave consequences for Tehran," the official
    warned": the consequence is in the quotation before the verb; the warning is a threat."""
    text = ('"Any attack on our ships will carry grave consequences for Tehran," the senior '
            'official warned on Monday.\n')
    assert of_type("THREATEN", text, pipeline, published="2024-10-01")


def test_a_page_stamp_is_no_place_of_the_attack(pipeline):
    """The place in a page's time stamp line ("... 04:12 pm | Updated ... IST - BAMAKO") is
    where the page was filed: "the village of X" (a village the gazetteer does not know) does
    not take up the stamp's town as the last one named."""
    text = ("Gunmen kill 12 in central Mali\n\n"
            "March 3, 2024 04:12 pm | Updated 04:30 pm IST - BAMAKO, MALI\n\n"
            "An attack by gunmen on a village in central Mali killed 12 people, officials said.\n"
            "The death toll from the Saturday attack on the village of Tiberanga was given "
            "in a statement.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-03")
    assert evs and all(e.location is None or e.location.name != "Bamako" for e in evs)


def test_an_agreement_takes_the_venue_of_its_meeting_only(pipeline):
    """An agreement with no place of its own came out of the meeting told before it (its
    venue may be a third country's); a pledge told after an attack takes no place from it."""
    text = ("The US envoy met Russia's foreign minister in Riyadh on Tuesday. The session "
            "lasted more than four hours. Afterwards the American envoy agreed to restore "
            "embassy staff levels.")
    [ev] = of_type("AGREE", text, pipeline, published="2025-02-19")
    assert ev.location is not None and ev.location.name == "Riyadh"
    text = ("A drone hit a school in Kharkiv on Friday. The mayor promised to rebuild the "
            "school within a year.")
    assert all(e.location is None for e in of_type("AGREE", text, pipeline,
                                                   published="2025-05-17"))


def test_regions_named_together_stay_apart_from_a_town_told_beside_them(pipeline):
    """"Sites in the Isfahan, Fars and Tehran provinces": a region named in a list of places
    is a place of its own (each gets its attack), not the region of a town told beside it."""
    from eventdesk.document.incidents import Item, _listed, build_incidents
    town = of_type("ASSAULT", "Two soldiers were killed in Israeli strikes on a base in "
                   "Tehran on Saturday.", pipeline, published="2024-10-26")
    listed = of_type("ASSAULT", "Israeli jets hit air force sites in the Isfahan, Fars and "
                     "Tehran provinces.", pipeline, published="2024-10-26")
    region = next(e for e in listed if e.location is not None and e.location.name == "Tehran")
    assert region.location.precision == "admin1" and _listed(region, region.location)
    items = [Item(event=town[0], sentence=0, block=0, title=False),
             Item(event=region, sentence=1, block=0, title=False)]
    alive, folds = build_incidents(items)
    assert len(alive) == 2 and not folds
    # a region named alone is the region of the town told beside it
    [alone] = of_type("ASSAULT", "Israeli jets hit air force sites in the Tehran province.",
                      pipeline, published="2024-10-26")
    assert not _listed(alone, alone.location)
    alive, folds = build_incidents([Item(event=town[0], sentence=0, block=0, title=False),
                                    Item(event=alone, sentence=1, block=0, title=False)])
    assert len(alive) == 1 and folds[0].rule == "incident.specific_place"


def test_arrests_the_report_places_in_its_town_are_one_arrest_event(pipeline):
    """Arrests told in several sentences of a report on one march, none naming a place, are
    placed in the march's town by the context: they join the arrests told there before."""
    text = ("Thousands of people marched through central London on Saturday. Police said two "
            "men were arrested for public order offences. Later, three more people were "
            "arrested after scuffles with officers.")
    coerce = of_type("COERCE", text, pipeline, published="2024-10-05")
    assert len(coerce) == 1 and coerce[0].location.name == "London"


def test_a_country_in_an_amid_phrase_is_the_setting_not_the_place(pipeline):
    text = ("Two farmers were killed in a drone strike in the border area on Friday, amid "
            "weeks of exchanges of fire between Armenia and Azerbaijan.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert evs and all(e.location is None or e.location.country not in ("ARM", "AZE")
                       for e in evs)
    # a town in the phrase is the scene of the same attack
    text = "A farmer was found dead amid heavy shelling of Huliaipole on Friday.\n"
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert ev.location is not None and ev.location.name == "Huliaipole"


def test_the_airspace_the_launch_platform_flew_in_is_not_where_missiles_hit(pipeline):
    text = ("Russia fired a salvo of cruise missiles at power plants on Monday. The missiles "
            "were fired from bombers flying over the Caspian Sea and the Astrakhan region. "
            "They struck targets in the Poltava and Sumy regions.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-04")
    assert sorted(e.location.name.split()[0] for e in evs if e.location) == ["Poltava", "Sumy"]
    # the launcher named after "from" is no platform in flight: the districts are the place
    text = "Russian troops fired from Grad launchers at two districts of Kherson on Monday.\n"
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-03-04")
    assert ev.location is not None and ev.location.name.startswith("Kherson")


def test_a_lead_summing_up_several_places_joins_the_towns_the_body_tells(pipeline):
    text = ("One man was killed and another hurt in Russian shelling in Ukraine's Kharkiv region, while five people were injured in a village in the Zaporizhzhia region, officials said on Sunday.\n"
            'Both regions have seen heavy fighting for months.\n'
            'Moscow claims the Zaporizhzhia region as its own.\n'
            "Kyiv's forces retook much of the Kharkiv region last year.\n"
            'A 60-year-old man was killed and a woman wounded when shells hit houses in the town of Velykyi Burluk overnight, the Kharkiv governor said.\n'
            'In the Zaporizhzhia region, two women and three men were injured in shelling of the village of Malokaterynivka on Saturday evening, the regional governor said.\n')
    evs = of_type("ASSAULT", text, pipeline, published="2024-07-14")
    assert sorted(e.location.name for e in evs) == ["Malokaterynivka", "Velykyi Burluk"]
    # a lead about one place stays an event of its own when the town comes later
    text = ("Two people were hurt in Russian shelling in the Kharkiv region, officials said "
            "on Sunday.\nThe region has seen heavy fighting.\nMoscow wants it back.\n"
            "Kyiv's forces retook it last year.\nShells hit houses in the town of "
            "Velykyi Burluk overnight, the governor said.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-07-14")
    assert {e.location.precision for e in evs if e.location} >= {"admin1", "city"}


def test_a_towns_region_after_a_comma_is_its_address_not_a_second_place(pipeline):
    for text, town in (
            ("Suspected insurgents set off a bomb near a ranger post in Rueso, Narathiwat, on "
             "Monday, wounding two rangers.\n", "Rueso"),
            ("Gunmen ambushed an army patrol in Tagum, Davao del Norte, on Monday, killing two "
             "soldiers.\n", "Tagum")):
        evs = of_type("ASSAULT", text, pipeline, published="2024-10-22")
        assert [e.location.name for e in evs if e.location] == [town]


def test_an_armed_party_that_also_acted_again_opens_a_new_incident(pipeline):
    text = ("Israeli warplanes struck a house in the central town of Nuseirat on Tuesday, "
            "killing five people, medics said.\nIsraeli forces also killed two men in the same "
            "town after firing at them near a school.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-14")
    assert sorted(e.fatalities for e in evs) == [2, 5]
    # more harm of the same strike is the same incident
    text = ("Israeli warplanes struck a house in Nuseirat on Tuesday, killing five people. The "
            "strike also damaged a nearby school, and a child was also hurt.\n")
    assert len(of_type("ASSAULT", text, pipeline, published="2024-05-14")) == 1


def test_a_meeting_in_an_unknown_village_of_a_named_country_is_in_that_country(pipeline):
    text = ("A summit on the war took place in Gstaadwil, Switzerland, on Sunday, attended by "
            "envoys of forty countries.\n")
    [ev] = of_type("CONSULT", text, pipeline, published="2024-06-17")
    assert ev.location is not None and ev.location.country == "CHE"


def test_a_hospital_that_was_hit_keeps_its_town_as_the_place(pipeline):
    for text, town in (("A Russian drone struck a hospital in Kherson on Friday, officials "
                        "said.\n", "Kherson"),
                       ("A missile strike on a hospital in Sumy killed three people.\n", "Sumy"),
                       ("Fragments of an intercepted drone damaged a children's hospital in "
                        "Kursk, the governor said.\n", "Kursk")):
        evs = of_type("ASSAULT", text, pipeline, published="2024-03-09")
        assert [e.location.name for e in evs if e.location] == [town], text
    # where the wounded were treated is still no place of the attack
    text = ("Two wounded men were taken to a hospital in Kherson on Friday after shelling hit "
            "a village.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-09")
    assert all(e.location is None or e.location.name != "Kherson" for e in evs)


def test_two_towns_of_one_sentence_are_two_scenes_however_near(pipeline):
    """``merge.within``: two tolls told in one sentence of two towns a few km apart (Irpin
    and Bucha) stay two attacks."""
    text = ("A Russian missile killed three people in Irpin on Monday, while Russian shelling "
            "in Bucha killed two.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2025-03-04")
    assert sorted((e.location.name, e.fatalities) for e in evs) == [("Bucha", 2), ("Irpin", 3)]


def test_one_and_another_of_one_sentence_are_two_attacks_at_one_place(pipeline):
    """``merge.within``: "one that killed three ..., and another that killed two" counts two
    incidents of the town the sentence names; one strike told with two tolls stays one."""
    for second in ("another", "a second"):
        text = (f"Officials reported two strikes on the town of Bucha on Monday: one that "
                f"killed three workers at a depot, and {second} that killed two pensioners "
                f"near the station.\n")
        evs = of_type("ASSAULT", text, pipeline, published="2025-03-04")
        assert sorted(e.fatalities for e in evs) == [2, 3], second
    text = ("A Russian strike on Bucha on Monday killed three workers at a depot and wounded "
            "two pensioners near the station.\n")
    assert len(of_type("ASSAULT", text, pipeline, published="2025-03-04")) == 1


def test_one_and_another_strike_before_a_dash_stay_at_their_town(pipeline):
    """"strikes in Bucha -- one that killed five, and another that killed four -- as well as
    shelling in Irpin that killed three": "another" is a strike, no victim, and a place past
    the dash and "as well as" is the next scene's, not the second strike's."""
    text = ("Officials reported strikes on displaced families in Bucha -- one that killed five, "
            "and another that killed four people at a school -- as well as Russian shelling in "
            "Irpin that killed three.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2025-03-04")
    assert sorted((e.location.name, e.fatalities) for e in evs) == [
        ("Bucha", 4), ("Bucha", 5), ("Irpin", 3)]


def test_a_round_of_talks_that_ended_somewhere_took_place_there(pipeline):
    """``locate``: the place of the verb whose subject is "a round of talks" is the talks'."""
    text = ("A third round of talks between the two foreign ministers, hosted by the Swiss "
            "government, has ended in Geneva on Saturday.\n")
    [ev] = of_type("CONSULT", text, pipeline, published="2023-07-16")
    assert ev.location is not None and ev.location.name == "Geneva"


def test_a_party_of_the_reports_one_meeting_speaks_at_its_venue(pipeline):
    """``context.venue``: a demand by a party of the report's one placed meeting, that day, is
    made at the venue; a state outside the meeting keeps no place."""
    text = ("Talks between Russian and Ukrainian delegations ended in Istanbul on Friday. The "
            "meeting lasted less than two hours. Neither side gave details of the agenda. "
            "Journalists waited outside the palace for hours. Later, Russia's delegation "
            "demanded that Ukraine withdraw its troops from four regions. France urged both "
            "sides to agree a ceasefire.\n")
    demands = {e.actor1.country: e for e in of_type("REQUEST", text, pipeline,
                                                    published="2025-05-17")}
    assert demands["RUS"].location is not None and demands["RUS"].location.name == "Istanbul"
    assert demands["FRA"].location is None


def test_a_second_town_with_its_kind_word_goes_on_the_list(pipeline):
    """``incident.each_place``: "the city of X and the nearby town of Y" names two towns hit,
    one attack each, as "X and Y" does; the first keeps the toll."""
    text = "Russian missiles hit the city of Sumy and the nearby town of Bilopillia on Monday.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-14")
    assert sorted(e.location.name for e in evs) == ["Bilopillia", "Sumy"]


def test_a_follow_up_placed_by_a_later_mention_joins_the_incident_there(pipeline):
    """A follow-up with no place of its own, too far from the lead to join it ("Three
    firefighters were among those injured in the bombing"), that a later sentence places ("the
    mayor earlier said ... bombs on the city of Sumy") is the incident told at that place:
    one event, not two."""
    text = ("Russian forces dropped glide bombs on the city of Sumy on 3 March, injuring nine "
            "people.\n\nSource: the regional military administration on Telegram.\n\n"
            "Quote: \"The enemy keeps hitting our city,\" the mayor wrote.\n\n"
            "Details: Three firefighters were among those injured in the bombing. They are "
            "in hospital.\n\n"
            "The mayor earlier said that Russian forces dropped two glide bombs on the city of "
            "Sumy, one of them hitting a school.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-03")
    assert [(e.location.name, e.injuries) for e in evs] == [("Sumy", 9)]


def test_towns_in_an_apposition_after_a_counted_region_are_the_places(pipeline):
    """``incident.each_place``: "captured four villages in the X region – A, B, C and D –":
    the towns the trigger counts, listed in an apposition after the region (a short "near
    the border" may come between), are the places, one event each; the region alone is
    no place of them."""
    text = ("Moscow said on Friday that its units had seized four villages of the Kharkiv "
            "region along the state border – Hatyshche, Krasne, Morokhovets and Oliinykove.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-11")
    assert sorted(e.location.name for e in evs) == [
        "Hatyshche", "Krasne", "Morokhovets", "Oliinykove"]
    # with no count of towns before the region, a dash opens no list of its places
    text = ("Shelling hit the Kharkiv region – Hatyshche and Krasne were spared – on "
            "Friday.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-11")
    assert [e.location.name for e in evs] == ["Kharkiv"]


def test_a_counted_list_in_a_merged_mention_splits_the_event(pipeline):
    """The region's capture told first, then its villages counted and listed in a second
    sentence merged into it: the list there splits the event all the same."""
    text = ("Russian forces captured ground in the Kharkiv region on Friday, Moscow said. The "
            "defence ministry said its units had taken four villages in the Kharkiv region – "
            "Hatyshche, Krasne, Morokhovets and Oliinykove.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-05-11")
    assert sorted(e.location.name for e in evs) == [
        "Hatyshche", "Krasne", "Morokhovets", "Oliinykove"]


@pytest.mark.parametrize("text, etype", [
    # a passive of telling or holding puts the event in each town listed after it
    # (clashes of police and marchers are a violent demonstration, ACLED's riot)
    ("Clashes between police and marchers were reported in Nyeri, Embu and Nakuru.",
     "PROTEST"),
    ("Rallies against the new tax law were held in Batumi, Kutaisi and Zugdidi on Friday.",
     "PROTEST"),
])
def test_an_event_told_as_reported_or_held_in_listed_towns_is_one_per_town(pipeline, text,
                                                                            etype):
    evs = of_type(etype, text, pipeline, published="2024-05-15")
    assert len({e.location.name for e in evs}) == 3, text


@pytest.mark.parametrize("text", [
    # a plural settlement noun announces the list, however long the object before it
    "Russian units stormed the trenches of the 14th brigade near the villages of "
    "Synkivka, Kolisnykivka and Kruhliakivka in the Kharkiv region.",
    "Russian artillery shelled farms on the outskirts of the villages of Synkivka, "
    "Kolisnykivka and Kruhliakivka in the Kharkiv region.",
])
def test_an_attack_near_the_villages_of_a_list_is_one_per_village(pipeline, text):
    evs = of_type("ASSAULT", text, pipeline, published="2024-08-28")
    assert sorted(e.location.name for e in evs) == [
        "Kolisnykivka", "Kruhliakivka", "Synkivka"], text


def test_property_damaged_in_further_villages_is_an_attack_on_each(pipeline):
    """``property-damaged-in`` + ``incident.each_place``: homes damaged in other villages
    after an attack tell that the attack reached them too, one event per village, with the
    attack's parties; damage in the attack's own town is no second event."""
    text = ("Russian drones attacked Kharkiv overnight, injuring five people. Homes and sheds "
            "were damaged in the hamlets of Tsyrkuny and Ruska Lozova too.")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-16")
    assert sorted(e.location.name for e in evs) == ["Kharkiv", "Ruska Lozova", "Tsyrkuny"]
    assert all(e.actor1 is not None and e.actor1.country == "RUS" for e in evs)
    text = ("Russian drones attacked Kharkiv overnight, injuring five people. Homes were also "
            "damaged in Kharkiv, the mayor said.")
    assert len(of_type("ASSAULT", text, pipeline, published="2024-03-16")) == 1


def test_a_second_clause_with_its_own_event_noun_is_a_second_event(pipeline):
    """``find_mentions``: a nominal trigger that is the subject of a coordinated clause, with
    no determiner pointing back, is an event of its own."""
    text = ("Thousands rallied in Tbilisi on Friday, and smaller protests were held in "
            "Batumi and Kutaisi.")
    evs = of_type("PROTEST", text, pipeline, published="2024-05-15")
    assert sorted(e.location.name for e in evs) == ["Batumi", "Kutaisi", "Tbilisi"]
    # "the protest" points back to the rally: one event
    text = "Thousands rallied in Tbilisi on Friday, and the protest ended peacefully."
    assert len(of_type("PROTEST", text, pipeline, published="2024-05-15")) == 1


@pytest.mark.parametrize("text, n", [
    ("Further strikes were reported in Sumy on Monday.", 1),  # a past verb: they happened
    ("Further strikes hit Sumy on Monday.", 1),
    ("Officials warned that further strikes on Sumy were possible.", 0),  # a forecast
])
def test_further_attacks_told_in_the_past_tense_happened(pipeline, text, n):
    assert len(of_type("ASSAULT", text, pipeline, published="2024-05-15")) == n, text


@pytest.mark.parametrize("text, towns", [
    ("Russian drones hit Kharkiv and Sumy, Kyiv said.", ["Kharkiv", "Sumy"]),
    ("Azerbaijani troops shelled posts near Sotk and Vardenis, Yerevan said on Tuesday.",
     ["Sotk", "Vardenis"]),
])
def test_a_capital_that_speaks_after_a_list_is_no_place_hit(pipeline, text, towns):
    evs = assaults(extract(text, published="2024-05-15", pipeline=pipeline))
    assert sorted(e.location.name for e in evs) == towns, text


@pytest.mark.parametrize("second", [
    "A drone strike earlier in the morning injured a lorry driver in Shebekino, he added.",
    "Later that evening, shelling wounded a lorry driver in Shebekino, he added.",
])
def test_an_attack_at_another_time_of_the_day_is_another_incident(pipeline, second):
    text = ("A woman was killed when a Ukrainian drone struck a car in the town of Shebekino, "
            "the governor said on Monday. " + second)
    evs = assaults(extract(text, published="2025-05-19", pipeline=pipeline))
    assert len(evs) == 2
    # the same attack told again is one
    text = ("A woman was killed when a Ukrainian drone struck a car in the town of Shebekino, "
            "the governor said on Monday. The strike also injured a lorry driver, he added.")
    assert len(assaults(extract(text, published="2025-05-19", pipeline=pipeline))) == 1


def test_when_an_ongoing_protest_began_is_not_when_its_latest_events_happened(pipeline):
    """A time that dates the start of an ongoing situation ("the protests began last
    month") is not carried to the next sentence's events, told as the latest news."""
    text = ("The protests began last month in the capital's main bazaar. Security forces "
            "killed three protesters in the city of Ilam, rights groups said.")
    ev, = of_type("ASSAULT", text, pipeline, published="2026-01-07")
    assert ev.date.earliest.isoformat() >= "2026-01-06", ev.date
    # a time of a one-off event told before is still carried
    text = ("The two delegations met in Riyadh on Monday. They agreed to a truce in the Black "
            "Sea.")
    ev, = of_type("AGREE", text, pipeline, published="2025-03-27")
    assert ev.date.earliest.isoformat() == "2025-03-24", ev.date


def test_two_towns_of_two_sentences_are_two_scenes_however_near(pipeline):
    """``merge.within``: a town told in a later sentence is a scene of its own when it is
    another GeoNames town, however near (Bucha, some 5 km from Irpin); the town and its own
    spelling stay one."""
    text = ("A Russian missile hit an apartment block in Irpin on Monday, killing three "
            "people.\nIn Bucha, Russian shelling damaged a school on Monday.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2025-03-04")
    assert sorted(e.location.name for e in evs) == ["Bucha", "Irpin"]
    text = ("A Russian missile hit an apartment block in Irpin on Monday, killing three "
            "people.\nIn Irpin, Russian shelling also damaged a school on Monday.\n")
    assert len(of_type("ASSAULT", text, pipeline, published="2025-03-04")) == 1


def test_a_list_of_towns_after_a_telling_splits_with_an_unknown_first_town(pipeline):
    """``incident.each_place``: "demonstrations were reported in A, B and C" with an A the
    gazetteer does not know (a hamlet, a misspelling) is still where each was held, B and C
    included; told as clashes, they are violent demonstrations."""
    text = ("Police fired tear gas at students in Dhaka on Tuesday. Similar demonstrations were "
            "reported in Kolmaripurhat, Satkhira and Barishal.\n")
    evs = of_type("PROTEST", text, pipeline, published="2025-07-16")
    assert {"Satkhira", "Barishal"} <= {e.location.name for e in evs if e.location}
    text = ("Protesters clashed with police in Nairobi on Monday. Clashes were also reported "
            "in Nyeri and Karatina.\n")
    evs = of_type("PROTEST", text, pipeline, published="2025-07-16")
    assert {e.location.name: e.acled_sub_event_type for e in evs} == {
        "Nairobi": "Violent demonstration", "Nyeri": "Violent demonstration",
        "Karatina": "Violent demonstration"}


def test_damage_told_of_another_town_is_a_strike_there(pipeline):
    """``place-suffered-damage``, ``damage-reported-in``: in a salvo's report, a town that
    "also suffered damage" or where "damage was reported" was struck too, by the salvo's
    attacker; a place's economy suffering is no strike."""
    for second in ("Khmelnytskyi also suffered damage to homes and cars.",
                   "Damage was also reported in Khmelnytskyi."):
        text = ("Russia launched drones and missiles at Ukraine overnight, killing four people "
                f"in Kyiv. {second}\n")
        evs = of_type("ASSAULT", text, pipeline, published="2025-06-06")
        assert sorted(e.location.name for e in evs) == ["Khmelnytskyi", "Kyiv"], second
        assert all(e.actor1 is not None and e.actor1.country == "RUS" for e in evs)


def test_a_stray_namesake_of_another_country_leaves_a_list_of_three(pipeline):
    """``incident.each_place``: "damaged sheds in A, B and C" of a Belgorod report, two found
    in Russia and one only in Ukraine, are Russian villages: the Ukrainian namesake (the
    gazetteer lacks the Belgorod village) is left out."""
    text = ("Ukrainian forces fired rockets at Belgorod on Friday, the governor said, and Kyiv "
            "did not comment. Russia says Ukraine targets the region almost daily. Local "
            "officials added that the rockets also damaged sheds and a barn in Razumnoye, "
            "Dubovoye and Severny.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-16")
    assert all(e.location is not None and e.location.country == "RUS" for e in evs)
    assert {"Severny", "Razumnoye"} <= {e.location.name for e in evs}


def test_towns_that_reported_clashes_each_saw_one(pipeline):
    """``_occurs`` + ``incident.each_place``: "other towns like A, B and C reported clashes"
    (a last town the gazetteer lacks included) tells a clash in each town; a big foreign
    city of the name ("Maua", a Brazilian city of 470,000) listed among Kenyan towns is the
    Kenyan town."""
    text = ("Protesters clashed with police in Nairobi on Monday. Other towns like Nyeri, Maua, "
            "Karatina, and Kagumoini also reported clashes, burning barricades and tear gas.\n")
    evs = of_type("PROTEST", text, pipeline, published="2025-07-07")
    places = {e.location.name: e.location.country for e in evs if e.location}
    assert {"Nairobi", "Nyeri", "Maua", "Karatina"} <= set(places)
    assert set(places.values()) == {"KEN"}


def test_a_big_city_named_alone_keeps_its_sense_among_towns_of_one_country():
    """The big foreign city is taken for a home namesake only inside a list of home towns:
    "Maua" alone after Kenyan towns stays the Brazilian city (a reference elsewhere), listed
    with them it is the Kenyan town."""
    from eventdesk.annotate.places import find_places
    from eventdesk.resolve.places import resolve_places

    def country_of(text, name):
        pm = find_places(text)
        return {m.span.text: p.country for m, p in zip(pm, resolve_places(pm, text=text))
                if p is not None}[name]

    alone = ("Protests were held in Nyeri, Karatina and Nanyuki on Monday. A shipment of "
             "coffee left for Maua last week.")
    listed = "Protests were held in Nyeri, Maua, Karatina and Nanyuki on Monday."
    assert country_of(alone, "Maua") == "BRA"
    assert country_of(listed, "Maua") == "KEN"


def test_a_toll_told_town_by_town_is_one_attack_per_town(pipeline):
    """``incident.each_toll``: "two killed in A, one in B and another in C" and "shot dead
    four: two in A, one in B and another in C" are attacks on each town, each with its share;
    a toll with another day between the towns stays as told."""
    text = ("Two people were killed in Kherson, one in Nikopol and another in Beryslav, "
            "regional officials said on Sunday.\n")
    evs = of_type("ASSAULT", text, pipeline, published="2025-07-07")
    assert sorted((e.location.name, e.fatalities) for e in evs) == [
        ("Beryslav", 1), ("Kherson", 2), ("Nikopol", 1)]
    text = "Police shot dead four protesters on Monday: two in Nakuru, one in Nyeri and " \
           "another in Kisumu.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2025-07-07")
    assert sorted((e.location.name, e.fatalities) for e in evs) == [
        ("Kisumu", 1), ("Nakuru", 2), ("Nyeri", 1)]
    text = "Russian shelling wounded three civilians in Kherson and a further two in Beryslav.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2025-07-07")
    assert sorted((e.location.name, e.injuries) for e in evs) == [("Beryslav", 2), ("Kherson", 3)]


def test_a_day_stated_at_the_place_beats_a_guessed_day(pipeline):
    """``merge``: a headline's attack has a day guessed from the publication date; the body's
    attack at a town of the headline's region on a stated day ("on Monday") that shares no
    day with the guess dates the incident; at another place, the guess stays."""
    from eventdesk.merge.within import combine
    [head] = of_type("ASSAULT", "Sinaloa gunfight: troops kill 12 gang members",
                     pipeline, published="2024-10-23")
    [body] = of_type("ASSAULT", "Gunmen opened fire on soldiers in Culiacan on Monday, and "
                     "troops killed 12 of them.", pipeline, published="2024-10-23")
    assert head.date.span is None and head.date.earliest > date(2024, 10, 21)
    assert combine(head, body).date.earliest == date(2024, 10, 21)
    [far] = of_type("ASSAULT", "Gunmen opened fire on soldiers in Tijuana on Monday.",
                    pipeline, published="2024-10-23")
    assert combine(head, far).date == head.date


def test_arrests_told_again_in_the_same_town_are_one_arrest_event(pipeline):
    """``ended-in-arrests`` + ``incident.same_day_arrests``: "resulting in 15 injuries and 60
    arrests" is an arrest event, and the report's later "the crackdown resulted in injuries
    and arrests" in the same town is the same one (a single day inside its short
    window)."""
    text = ("Pensioners marched to the parliament in Buenos Aires on Wednesday. Officers fired "
            "rubber bullets at the crowd, resulting in 15 injuries and 60 arrests.\n"
            "Opposition deputies condemned the violence.\n"
            "Rights groups said the crackdown resulted in injuries and arrests.\n")
    evs = of_type("COERCE", text, pipeline, published="2025-03-13")
    assert len(evs) == 1 and evs[0].location.name == "Buenos Aires"


def test_arrests_made_in_listed_towns_are_one_per_town(pipeline):
    """``arrests-made-in-part`` + ``incident.each_place``: "most of those arrests were made in
    A, B and C" places arrests in each town, also when the report told an arrest in A before
    (the later list joins that event and spreads it over its towns)."""
    text = ("Police detained dozens of opposition workers across Punjab on Sunday. Officers "
            "also detained the party's spokesman in Lahore. Most of those arrests were made in "
            "Lahore, Faisalabad and Multan.\n")
    evs = of_type("COERCE", text, pipeline, published="2024-03-11")
    assert {"Lahore", "Faisalabad", "Multan"} <= {e.location.name for e in evs if e.location}


def test_a_report_of_one_town_holds_its_unplaced_protest(pipeline):
    """The march is told in a sentence that names no place, after the only town the report
    names: it happened there (an attack is not placed so: a capital named in a report of
    attacks elsewhere is no scene)."""
    text = ("Crowds of students and workers filled the wide boulevards of Santiago on "
            "Saturday, waving banners against rising prices and a corruption scandal that "
            "has shaken the government. What started as a small student initiative grew into "
            "a broad movement, as retirees and union members marched beside the young in a "
            "shared call for reform.\n\nBut the mood in the capital turned sour by nightfall. "
            "The rally, loud but orderly for most of the day, ended in scuffles with riot "
            "police, and dozens of people were detained.\n\nOfficials said 31 officers were "
            "hurt. Organisers said they would gather again next weekend.")
    protests = of_type("PROTEST", text, pipeline, published="2025-11-16")
    assert [(e.location.name, e.location.country) for e in protests] == [("Santiago", "CHL")]


def test_police_of_no_country_named_are_the_police_of_the_town_they_act_in(pipeline):
    """A bare "police" takes no country from a foreign capital the report names in passing;
    "Russian police" in an occupied town keep their owner."""
    text = ("Police arrested dozens of opposition workers in Lahore on Friday, party officials "
            "said.\n\nThe party leader, who lives in London, condemned the arrests in a "
            "statement.")
    arrests = of_type("COERCE", text, pipeline, published="2024-10-18")
    assert [(e.actor1.country, e.location.name) for e in arrests] == [("PAK", "Lahore")]
    text = "Russian police detained three activists in occupied Sevastopol on Friday."
    arrests = of_type("COERCE", text, pipeline, published="2024-10-18")
    assert [e.actor1.country for e in arrests] == ["RUS"]


_REPORT = ("Gunmen attacked a police post in Bannu on Tuesday, killing two officers and wounding "
           "three, officials said. The attackers fled into nearby fields after a gunfight that "
           "lasted about an hour, and troops sealed off the area and began a search operation. "
           "The post had been attacked twice before this year. Traders in the town's main "
           "market closed their shops early, and schools near the post sent pupils home "
           "for the rest of the week while the search went on. ")


def test_a_statement_no_one_is_said_to_make_is_no_event_in_a_report(pipeline):
    """In a report, "They also alleged ..." or "Many blamed ..." with no speaker named
    is no statement an analyst can attribute; a named party ("The PTI condemned"), one
    named only as the body told before ("The group alleged"), or a short text keeps it."""
    text = _REPORT + "Many blamed the attack on lax security at the post."
    assert of_type("ACCUSE", text, pipeline) == []
    for speaker in ("The PTI", "The group", "Local elders"):
        text = _REPORT + f"{speaker} condemned the attack and demanded an inquiry."
        assert len(of_type("ACCUSE", text, pipeline)) == 1, speaker
    assert len(of_type("ACCUSE", "Many blamed the attack on lax security.", pipeline)) == 1
