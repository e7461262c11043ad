import json
import re
from pathlib import Path

import pytest

from eventdesk.extraction.casualties import casualty_totals, find_casualties

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def totals(text):
    return casualty_totals(find_casualties(text))


@pytest.mark.parametrize("text,killed,injured", [
    ("Shells hit the market, killing three people and wounding 14.", 3, 14),
    ("Eight people were injured when the missile struck.", None, 8),
    ("The blast injured five residents, including a two-year-old boy.", None, 5),
    ("A nine-year-old boy died from his wounds on Sunday.", 1, None),
    ("Three soldiers were killed at the checkpoint.", 3, None),
    ("A 71-year-old woman was wounded in the garden.", None, 1),
    ("At least 15 people were killed, the mayor said.", 15, None),
    ("Officials said more than 40 killed in the raid.", 40, None),
    ("Dozens were wounded.", None, None),
    ("No casualties were reported after the attack.", 0, 0),
    # "no injuries" is the report's way of saying no one was hurt: no deaths either
    ("There were no injuries, police said.", 0, 0),
    ("The navy said there had been no reports of injuries on board.", 0, 0),
    ("No one was killed, the governor said.", 0, None),
    ("The death toll rose to 14 on Tuesday.", 14, None),
    ("The raid left 16 people injured, up from an initial count of 12.", None, 16),
    ("A man and his three daughters were killed.", 4, None),
    ("One woman was killed and another injured.", 1, 1),
    ("Four guards were killed in the ambush and another 12 were wounded.", 4, 12),
    # "shot dead" before its victims and in the passive
    ("Riot police shot dead three students outside the campus.", 3, None),
    ("Two farmers were shot dead at the roadblock.", 2, None),
    # demonstrators, inmates and hostages are victims too
    ("At least five demonstrators were killed and 40 injured.", 5, 40),
    ("Six inmates died in the fire.", 6, None),
    ("Bandits killed four settlers and two passersby on the road.", 6, None),
    # killings by hand
    ("Militiamen executed five captives on Sunday.", 5, None),
    ("The provincial governor was assassinated outside his home.", 1, None),
    ("The drone killed a farmer near the village.", 1, None),
    ("The health ministry said 31 people were killed.", 31, None),
    ("The strike killed 12 civilians, including five children, and wounded 20 others.", 12, 20),
    ("The strike killed a father, a mother and their three sons, aged 4, 9 and 12.", 5, None),
    ("Gunmen killed 20 soldiers and members of a local militia.", 20, None),
    ("Russian strike kills 4, wounds 11 in Kharkiv", 4, 11),
    ("The attack wounded two dozen people.", None, 24),
    # headline shorthand, written for these tests
    ("Conscript killed, two medics injured in shelling of Kupiansk", 1, 2),
    ("Israeli reservist wounded near the border fence", None, 1),
    ("RPT-One medic killed, one wounded in strike on ambulance", 1, 1),
    ("Eleven miners of Pavlohradvuhillia were injured in the blast", None, 11),
    ("Three fighters of the 47th Brigade died in the assault", 3, None),
    ("The civilian infrastructure damaged in the strike was repaired.", None, None),
    ("The barrage claimed the lives of six villagers.", 6, None),
    ("Nine people, including a baby, were wounded in the blast.", None, 9),
    ("Four residents sustained shrapnel wounds.", None, 4),
    ("Rescuers pulled 14 bodies from the rubble.", 14, None),
    # a participle clause after "and" ends the list of victims
    ("He said the gunmen fired, killing a trader and abducting the students.", 1, None),
    # the count before an aside between dashes
    ("Five members of a family -- two parents and three sons -- were killed.", 5, None),
    ("Two farmers — brothers from the village — were wounded.", None, 2),
    ("The boy died of injuries sustained in the shelling.", 1, None),
])
def test_totals(text, killed, injured):
    assert totals(text) == (killed, injured)


def test_age_is_a_victim_not_a_count():
    (m,) = find_casualties("Rockets hit a school, injuring seven people, including a "
                           "four-year-old girl.")
    assert (m.outcome, m.count) == ("injured", 7)
    assert any(v.kind == "child" and v.age == 4 and v.count == 1 for v in m.victims)


def test_a_ranger_is_a_soldier():
    (m,) = find_casualties("A ranger was killed on patrol near the border.")
    assert (m.outcome, m.count, m.victims[0].kind) == ("killed", 1, "soldier")


def test_child_death_victim_kind():
    (m,) = find_casualties("A six-year-old boy died from injuries sustained in shelling.")
    assert (m.outcome, m.count, m.victims[0].kind, m.victims[0].age) == ("killed", 1, "child", 6)


def test_qualifiers_and_flags():
    (m,) = find_casualties("More than 70 were killed.")
    assert (m.count, m.qualifier) == (70, "more_than")
    (m,) = find_casualties("The death toll climbed to 9.")
    assert m.revised
    (m,) = find_casualties("More than 10,000 civilians have been killed since 2022.")
    assert m.cumulative and m.count == 10000
    assert totals("More than 10,000 civilians have been killed since 2022.") == (None, None)
    # a day of a month told day first is a start of a running total too
    (m, _) = find_casualties("At least 310 people have been killed and 900 wounded since "
                             "14 March, the ministry said.")
    assert m.cumulative and m.count == 310
    ms = find_casualties("No casualties were reported.")
    assert {(m.outcome, m.count, m.qualifier) for m in ms} == {("killed", 0, "none"),
                                                                ("injured", 0, "none")}


def test_subsets_are_not_new_counts():
    (m,) = find_casualties("Both of the dead were farm workers.")
    assert m.subset
    (m,) = find_casualties("A woman and her 6-year-old son were among the dead.")
    assert m.subset and m.count == 2


def test_spans_point_at_the_words():
    text = "Late on Monday, shelling killed two men and wounded a 12-year-old girl in Kupiansk."
    ms = find_casualties(text, 16, len(text))
    assert [(m.outcome, m.count) for m in ms] == [("killed", 2), ("injured", 1)]
    for m in ms:
        assert text[m.span.start:m.span.end] == m.span.text
        assert m.span.stage == "extract.casualties"
    assert ms[0].span.text == "killed two men"


def test_no_casualty_words_fast_path():
    assert find_casualties("The talks in Geneva ended without agreement.") == []


_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z\"“0-9])|\n+")


def _sentences(text):
    pos = 0
    for m in _SENT.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


@pytest.mark.skipif(not (GOLD / "dev.jsonl").exists(), reason="gold files absent")
def test_gold_evidence_sentences_floor():
    """Figures read from the evidence sentence(s) alone; pinned floor (measured 46/57, 45/57:
    every miss is a figure stated in another sentence of the report)."""
    hit = {"F": 0, "I": 0}
    n = 0
    for name in ("dev.jsonl", "seed.jsonl"):
        for line in (GOLD / name).read_text().splitlines():
            doc = json.loads(line)
            text = doc["text"]
            sents = list(_sentences(text))
            for ev in doc["events"]:
                if ev.get("optional") or (ev.get("fatalities") is None
                                          and ev.get("injuries") is None):
                    continue
                i = text.find(ev["evidence"])
                j = i + len(ev["evidence"])
                ms = [m for a, b in sents if a < j and b > i for m in find_casualties(text, a, b)]
                f, inj = casualty_totals(ms)
                n += 1
                hit["F"] += f == ev.get("fatalities")
                hit["I"] += inj == ev.get("injuries")
    assert n >= 50
    assert hit["F"] / n >= 0.78
    assert hit["I"] / n >= 0.76


def test_headline_and_modal_forms():
    assert totals("Separatist rockets kill 12 in port city") == (12, None)
    assert totals("The group threatened to kill 20 hostages.") == (None, None)
    assert totals("UPDATE 2-Five soldiers killed near front line") == (5, None)


def test_one_sides_zero_is_no_zero_toll():
    text = ("The raid killed 14 fighters of the group, with no reported casualties among its "
            "own troops, the agency said.")
    assert [(c.outcome, c.count) for c in find_casualties(text, 0, len(text))] == [
        ("killed", 14)]
    text = "No casualties were reported after the drone hit a barn."
    assert {(c.outcome, c.count) for c in find_casualties(text, 0, len(text))} == {
        ("killed", 0), ("injured", 0)}


@pytest.mark.parametrize("text,expected", [
    ("The clash resulted in the deaths of five militants and injuries to 12 others.",
     [("killed", 5), ("injured", 12)]),
    ("An attack resulted in the death of a police officer and injuries to two others.",
     [("killed", 1), ("injured", 2)]),
    ("The deaths of three civilians were confirmed on Monday.", [("killed", 3)]),
    # a bare name is no counted victim phrase
    ("Crowds mourned the death of Navalny.", []),
])
def test_outcome_nouns_count_their_complement(text, expected):
    from eventdesk.extraction.casualties import find_casualties

    got = [(c.outcome, c.count) for c in find_casualties(text) if c.count is not None]
    assert got == expected


@pytest.mark.parametrize("text,killed,injured", [
    # "died" after an aside that breaks the count down
    ("Nine villagers, among them two infants, died when the shell landed.", 9, None),
    # wounds that killed
    ("A volunteer was fatally wounded near the bridge.", 1, None),
    ("The sniper mortally wounded two medics.", 2, None),
    # "gunned down" in the passive and the active
    ("Four policemen were gunned down at the toll gate.", 4, None),
    ("Raiders gunned down three herders at dawn.", 3, None),
    # taken to hospital: the subject is the injured
    ("Five pupils were rushed to hospital after the blast.", None, 5),
    ("Two guards were taken to hospital with burns.", None, 2),
    # recovered bodies count the dead; bodies only exchanged do not
    ("The bodies of seven fishermen were pulled from the river on Friday.", 7, None),
    ("The two sides swapped the bodies of 300 soldiers.", None, None),
    # "adults" and "constables" are victim nouns
    ("The drone injured a boy and three adults.", None, 4),
    ("The grenade wounded two constables and a shopkeeper.", None, 3),
    # a bare count that sustained injuries (not a year before it)
    ("One ranger died and four sustained injuries in the raid.", 1, 4),
    ("In 2021 sustained injuries from mines were rare in the valley.", None, None),
    ("Two members of Border Company 2207 sustained minor injuries.", None, 2),
    # a toll in lives
    ("The mortar round claimed nine lives in the square.", 9, None),
    ("The clashes cost at least 40 lives over the night.", 40, None),
    # "N of them ..." is a part of the toll, not one more item of the list
    ("The strike wounded 17 people, four of them seriously.", None, 17),
])
def test_toll_constructions_of_real_reports(text, killed, injured):
    assert totals(text) == (killed, injured)


@pytest.mark.parametrize("text, totals", [
    # a year of birth is no count, and the victim phrase before it still counts
    ("After the shelling, a man born in 1971 died in hospital.", (1, None)),
    ("A woman born in 1990 was wounded when the shell hit her yard.", (None, 1)),
    ("Two farmers, born in 1958 and 1963, were killed by the blast.", (2, None)),
    # ages told between the phrase and its verb, with a closing comma
    ("Four men, aged 33, 40 and 52, were injured in the attack.", (None, 4)),
])
def test_a_year_of_birth_or_an_age_between_victims_and_verb(text, totals):
    assert casualty_totals(find_casualties(text)) == totals


@pytest.mark.parametrize("text, totals, kind", [
    # "N members of <a body>": the body gives the members' kind
    ("Nine members of the security forces died after the ambush on Monday.", (9, None),
     "soldier"),
    ("Three members of a local militia were wounded in the raid.", (None, 3), "fighter"),
    ("Six members of the army died when their convoy was hit.", (6, None), "soldier"),
])
def test_members_of_a_force_are_counted_with_its_kind(text, totals, kind):
    found = find_casualties(text)
    assert casualty_totals(found) == totals
    assert {v.kind for m in found for v in m.victims} == {kind}


@pytest.mark.parametrize("text, totals", [
    ("A second man was fatally shot near the checkpoint.", (1, None)),
    ("Gunmen fatally shot two guards at the gate.", (2, None)),
    ("A teenager was mortally stabbed during the riot.", (1, None)),
])
def test_fatally_shot_or_stabbed_is_killed(text, totals):
    assert casualty_totals(find_casualties(text)) == totals


@pytest.mark.parametrize("text, totals", [
    # a coordinated passive: the first participle shares the subject with the casualty one
    ("Two herders were shot and killed near the well.", (2, None)),
    ("Three guards were ambushed and wounded on the highway.", (None, 3)),
    # two casualty participles are one toll, not two
    ("Some 14 people were killed and wounded in the blast.", (14, None)),
])
def test_a_coordinated_passive_shares_its_subject(text, totals):
    assert casualty_totals(find_casualties(text)) == totals


@pytest.mark.parametrize("text, totals", [
    ("A farmer in his 60s was killed when the drone hit his tractor.", (1, None)),
    ("Two sisters in their early twenties were injured by the blast.", (None, 2)),
    ("A border guard succumbed to his wounds on Friday.", (1, None)),
])
def test_an_age_decade_after_the_victim_and_succumbed(text, totals):
    assert casualty_totals(find_casualties(text)) == totals
