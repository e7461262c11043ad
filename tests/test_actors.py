"""Actor dictionary and actor finder, on sentences written for these tests."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from eventdesk import extract
from eventdesk.resolve.actors import ActorDictionary, ActorMention, find_actors
from helpers import of_type

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.load()


def by_text(text: str, **kw) -> dict[str, ActorMention]:
    return {m.span.text: m for m in find_actors(text, **kw)}


def facts(m: ActorMention) -> tuple:
    return (m.country, m.sector, m.kind)


def test_spans_are_exact_and_non_overlapping():
    text = ("KHERSON, Ukraine, Oct. 3 — Russian troops shelled a market, killing four civilians, "
            "Governor Oleksandr Prokudin said. Ukraine's General Staff said its units held.")
    ms = find_actors(text)
    assert ms, "no mentions"
    last_end = -1
    for m in ms:
        assert text[m.span.start:m.span.end] == m.span.text
        assert m.span.stage == "resolve.actors"
        assert m.span.start >= last_end
        assert m.span.start <= m.head[0] < m.head[1] <= m.span.end
        last_end = m.span.end


def test_dictionary_is_loaded_once_and_cached(d):
    # (how long the load takes is a benchmark's figure, not a test's: wall-clock bounds fail
    # on a loaded machine; load_seconds is recorded for it)
    assert len(d) > 1000
    assert d.load_seconds >= 0
    assert ActorDictionary.load() is d


def test_lookup_variants_and_ids(d):
    assert [e.id for e in d.lookup("Zelenskiy")] == ["person:volodymyr-zelensky"]
    assert d.lookup("rsf")[0].sector == "REB"
    assert d.lookup("Kremlin")[0].country == "RUS"
    nato = d.lookup("NATO")[0]
    assert (nato.country, nato.sector) == (None, "IGO")
    assert d.lookup("completely unknown words here") == []


def test_full_name_then_surname_and_spelling_variant():
    text = ("Volodymyr Zelensky met his defence chiefs on Monday. "
            "Zelenskiy later told reporters the front was stable, and Zelensky's office agreed.")
    ms = [m for m in find_actors(text) if m.kind == "person"]
    assert [m.span.text for m in ms] == ["Volodymyr Zelensky", "Zelenskiy", "Zelensky"]
    assert {m.entry_id for m in ms} == {"person:volodymyr-zelensky"}
    assert all(facts(m) == ("UKR", "GOV", "person") for m in ms)


def test_title_with_unknown_name_takes_context_country_and_corefers():
    text = ("POLTAVA, Ukraine, Feb. 2 — A missile hit a dormitory, regional governor Filip Pronin "
            "said. Pronin added that rescuers were still searching the rubble.")
    ms = by_text(text)
    assert ms["regional governor Filip Pronin"].name == "Filip Pronin"
    assert facts(ms["regional governor Filip Pronin"]) == ("UKR", "GOV", "person")
    assert facts(ms["Pronin"]) == ("UKR", "GOV", "person")
    assert ms["Pronin"].entry_id is None


def test_title_with_demonym_gives_country():
    ms = by_text("Moldovan Foreign Minister Ion Testescu met Polish Mayor Jan Testowski in Lublin.")
    assert facts(ms["Moldovan Foreign Minister Ion Testescu"]) == ("MDA", "GOV", "person")
    assert facts(ms["Polish Mayor Jan Testowski"]) == ("POL", "GOV", "person")


def test_known_person_with_title_uses_dictionary():
    ms = by_text("Turkish President Tayyip Erdogan spoke with Kremlin spokesman Dmitry Peskov.")
    erd = ms["Turkish President Tayyip Erdogan"]
    assert erd.entry_id == "person:recep-tayyip-erdogan" and facts(erd) == ("TUR", "GOV", "person")
    assert ms["Kremlin spokesman Dmitry Peskov"].country == "RUS"
    assert erd.span.text[erd.head[0] - erd.span.start:erd.head[1] - erd.span.start] == "Erdogan"


def test_titles_alone_and_possessives():
    ms = by_text("The Russian president spoke after Ukraine's foreign minister and the U.S. envoy "
                 "left; Ukraine's air force and Russia's Defence Ministry gave tallies.")
    assert facts(ms["Russian president"])[:2] == ("RUS", "GOV")
    assert facts(ms["Ukraine's foreign minister"])[:2] == ("UKR", "GOV")
    assert facts(ms["U.S. envoy"])[:2] == ("USA", "GOV")
    assert facts(ms["Ukraine's air force"])[:2] == ("UKR", "MIL")
    assert facts(ms["Russia's Defence Ministry"])[:2] == ("RUS", "MIL")


@pytest.mark.parametrize("phrase,country,sector", [
    ("Russian forces", "RUS", "MIL"),
    ("Russian troops", "RUS", "MIL"),
    ("Russian drones", "RUS", "MIL"),
    ("Russian missiles", "RUS", "MIL"),
    ("Russian artillery", "RUS", "MIL"),
    ("Ukrainian drone strike", "UKR", "MIL"),
    ("Israeli strikes", "ISR", "MIL"),
    ("Palestinian civilians", "PSE", "CVL"),
    ("Sudanese soldiers", "SDN", "MIL"),
    ("Palestinian gunmen", "PSE", "REB"),
    ("Chadian officials", "TCD", "GOV"),
])
def test_demonym_plus_role(phrase, country, sector):
    text = f"Witnesses said {phrase} were seen near the village on Sunday."
    ms = by_text(text)
    assert phrase in ms, list(ms)
    assert ms[phrase].country == country and ms[phrase].sector == sector
    assert ms[phrase].span.text.endswith(text[ms[phrase].head[0]:ms[phrase].head[1]])


def test_generic_victims_have_no_country():
    ms = by_text("The blast killed three civilians and injured residents; people fled.")
    for word in ("civilians", "residents", "people"):
        assert facts(ms[word]) == (None, "CVL", "generic")


def test_countries_and_capitals_as_governments_with_locative_flag():
    ms = by_text("Moscow rejected the plan, Kyiv said, while Beijing and Washington stayed "
                 "silent. A drone later hit a depot in Moscow.")
    found = find_actors("Moscow rejected the plan. A drone later hit a depot in Moscow.")
    assert facts(ms["Kyiv"]) == ("UKR", "GOV", "capital")
    assert ms["Beijing"].country == "CHN" and ms["Washington"].country == "USA"
    assert [m.locative for m in found if m.span.text == "Moscow"] == [False, True]


def test_international_organisations():
    text = ("UN Secretary-General Antonio Guterres, the United Nations, the U.N. refugee agency, "
            "the IAEA and NATO all called for restraint.")
    ms = by_text(text)
    gut = ms["UN Secretary-General Antonio Guterres"]
    assert (gut.country, gut.sector, gut.entry_id) == (None, "IGO", "person:antonio-guterres")
    for key in ("United Nations", "U.N. refugee agency", "IAEA", "NATO"):
        assert (ms[key].country, ms[key].sector) == (None, "IGO"), key


def test_armed_groups_with_country_of_operation():
    ms = by_text("Sudan's paramilitary Rapid Support Forces and Rwanda-backed M23 rebels, "
                 "Houthi fighters and JNIM militants were named in the report.")
    rsf = ms["Sudan's paramilitary Rapid Support Forces"]
    assert (rsf.name, rsf.country, rsf.sector) == ("Rapid Support Forces", "SDN", "REB")
    assert facts(ms["Rwanda"]) == ("RWA", "GOV", "country")
    assert (ms["M23 rebels"].country, ms["M23 rebels"].sector) == ("COD", "REB")
    assert (ms["Houthi fighters"].country, ms["Houthi fighters"].sector) == ("YEM", "REB")
    assert (ms["JNIM militants"].country, ms["JNIM militants"].sector) == ("MLI", "REB")


def test_coordinated_demonyms_share_the_role():
    ms = by_text("Russian and Ukrainian negotiators met in Geneva.")
    assert (ms["Russian"].country, ms["Russian"].sector) == ("RUS", "GOV")
    assert (ms["Ukrainian negotiators"].country, ms["Ukrainian negotiators"].sector) == ("UKR", "GOV")


def test_ambiguous_surname_needs_the_full_name_first():
    # "Wagner" alone is the mercenary group; after the Congolese minister's full name it is her
    before = by_text("Wagner fighters left the base.")
    assert before["Wagner fighters"].sector == "REB"
    ms = find_actors("Foreign Minister Therese Kayikwamba Wagner spoke first. Wagner said talks failed.")
    later = [m for m in ms if m.span.text == "Wagner"]
    assert len(later) == 1 and later[0].country == "COD" and later[0].sector == "GOV"


def test_no_actors_from_ordinary_words():
    text = ("The weather in the valley turned cold as the harvest ended, and the market "
            "reopened with fresh bread, apples and honey for sale. Us and them, turkey and chad.")
    assert find_actors(text) == []


def test_adjectival_role_words_are_not_actors():
    kinds = [m.span.text for m in find_actors("Debris damaged military facilities and a drone factory.")]
    assert "military" not in kinds


def test_mention_converts_to_actor_record():
    m = find_actors("Hamas rejected the offer.")[0]
    actor = m.to_actor()
    assert (actor.name, actor.country, actor.sector, actor.entry_id) == (
        "Hamas", "PSE", "REB", "group:hamas")
    assert actor.span == m.span


def test_find_is_fast():
    sentence = ("Russian forces struck Kharkiv overnight, regional governor Oleh Syniehubov said, "
                "as Ukraine's air force reported 40 drones and NATO officials met in Brussels. ")
    text = sentence * 30  # about 600 words
    find_actors(text)
    t0 = time.perf_counter()
    for _ in range(5):
        find_actors(text)
    per_doc = (time.perf_counter() - t0) / 5
    assert per_doc < 0.02  # generous bound for slow CI; measured about 3 ms


def test_cli_lookup(capsys):
    from eventdesk.cli import main

    assert main(["actors", "Zelenskiy", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[0])
    assert out["id"] == "person:volodymyr-zelensky" and out["country"] == "UKR"
    assert main(["actors", "no-such-actor-anywhere"]) == 1


@pytest.mark.skipif(not (GOLD / "dev.jsonl").exists(), reason="gold files absent")
def test_gold_actor1_country_coverage_floor():
    docs = [json.loads(line) for name in ("dev.jsonl", "seed.jsonl")
            for line in (GOLD / name).read_text().splitlines() if line.strip()]
    total = hit = 0
    for doc in docs:
        text = doc["text"]
        ms = find_actors(text)
        for ev in doc["events"]:
            a1 = ev.get("actor1")
            if not a1 or not a1.get("country"):
                continue
            total += 1
            i = text.find(ev["evidence"])
            if i < 0:
                continue
            s0 = max(text.rfind(". ", 0, i), 0)
            s1 = text.find(". ", i + len(ev["evidence"]))
            s1 = len(text) if s1 < 0 else s1
            hit += any(s0 <= m.span.start < s1 and m.country == a1["country"] for m in ms)
    assert total > 100
    assert hit / total >= 0.8  # measured 0.88 with a slightly different sentence split


def test_a_party_after_a_preposition_is_no_place():
    """"as the result of a Russian missile attack": the demonym and its role name the attacker,
    whatever preposition comes before; only a bare country name there is a place."""
    m = by_text("Two people died as a result of a Russian missile attack on the port.")
    attack = next(v for k, v in m.items() if "Russian" in k)
    assert attack.country == "RUS" and not attack.locative
    m = by_text("The drones flew in from Russia overnight.")
    assert m["Russia"].locative


@pytest.mark.parametrize("text,locative", [
    # a demonym before a word of the act names its side, whatever preposition precedes
    ("Four people were killed in a Russian attack on the town.", False),
    ("The toll from Israeli strikes on the camp rose to nine.", False),
    ("Nine people died in an Iranian double missile attack on the city.", False),
    # before a word of an area it is where: "into Russian hands", "near Russian lines"
    ("The town fell into Russian hands.", True),
    ("Drones struck in Russian positions near the river.", True),
    ("A strike hit near Syrian lines.", True),
])
def test_a_demonym_after_a_preposition_is_a_side_unless_an_area_follows(text, locative):
    [m] = [v for k, v in by_text(text).items() if k.split()[0] in (
        "Russian", "Israeli", "Iranian", "Ukrainian", "Syrian")]
    assert m.locative is locative


def test_security_and_intelligence_services_are_institutions_of_their_owner():
    found = find_actors("Georgian security services said they had detained two men, and "
                        "the intelligence services of Armenia declined to comment.")
    by_text = {a.span.text: (a.country, a.sector) for a in found}
    assert by_text["Georgian security services"] == ("GEO", "GOV")


def test_a_teller_struck_by_an_agent_is_the_target(pipeline):
    """"Steel plant says hit by Ukrainian drones": a verb complement of a telling verb with a
    by-agent of its own is a reduced passive: the agent attacked, the teller was hit, and
    the headline joins the lead's incident."""
    from eventdesk import extract

    text = ("Large Russian Steel Plant Says Hit By Ukrainian Drones\n\n"
            "A large steel plant in southern Russia said it was hit by a Ukrainian drone attack "
            "on Tuesday, starting a fire at Lipetsk.\n")
    events = extract(text, published="2024-05-07", pipeline=pipeline)
    assert [(e.type, e.actor1 and e.actor1.country, e.actor2 and e.actor2.country)
            for e in events] == [("ASSAULT", "UKR", "RUS")]
    # a teller of someone else's attack stays its teller ("Kyiv says Moscow struck ...")
    events = extract("Kyiv says Russian troops shelled Kherson on Monday.",
                     published="2024-05-07", pipeline=pipeline)
    assert [(e.actor1.country, e.actor2 and e.actor2.country) for e in events] == \
        [("RUS", "UKR")]


@pytest.mark.parametrize("text,place_country", [
    ("Ankara-aligned forces captured the town of Tal Abyad in northern Syria on Sunday.",
     "SYR"),
    ("Rwanda-backed rebels seized the town of Sake in eastern Congo on Sunday.", "COD"),
    ("Iran-aligned militias attacked a base in Iraq on Sunday.", "IRQ"),
])
def test_a_patron_state_is_not_the_country_of_its_proxies(pipeline, text, place_country):
    """"Rwanda-backed rebels", "Ankara-aligned forces": the state before "-backed",
    "-aligned", "-allied" or "-loyal" supports them; they fight where they are from."""
    from eventdesk import extract

    [ev] = [e for e in extract(text, published="2024-12-09", pipeline=pipeline)
            if e.type == "ASSAULT"]
    assert ev.actor1 is not None and ev.actor1.country == place_country


def test_an_owner_before_installed_or_flagged_stays_the_actors_country():
    found = find_actors("Russian-installed officials and a Greek-owned tanker were named.")
    assert [(a.span.text, a.country) for a in found][:2] == [
        ("Russian-installed officials", "RUS"), ("Greek-owned tanker", "GRC")]


def test_local_titles_serve_where_the_reports_towns_are():
    # the attackers' demonym is the most named country, but the local officials belong to
    # the country of the towns the report is about
    text = ("Ukrainian drones struck a fuel depot in the Bryansk region overnight. Ukrainian "
            "forces fired again at noon, and local authorities said nobody was hurt.")
    [auth] = [m for m in find_actors(text) if m.name == "local authorities"]
    assert auth.country == "UKR"  # by mention counts alone
    [auth] = [m for m in find_actors(text, place_country="RUS")
              if m.name == "local authorities"]
    assert auth.country == "RUS"
    # an explicit dateline country still wins
    dl = "MINSK, Belarus, May 3 — Local authorities said nobody was hurt."
    [auth] = [m for m in find_actors(dl, place_country="RUS") if "authorities" in m.name]
    assert auth.country == "BLR"


def test_pipeline_gives_local_officials_the_country_of_the_places():
    from datetime import date

    from eventdesk.api import Pipeline
    from eventdesk.records import Document
    text = ("Ukrainian drones hit an oil depot in the town of Liski in Russia's Voronezh "
            "region overnight. Ukrainian forces have hit the depot before. The regional "
            "governor accused the Ukrainian army of targeting civilians.")
    evs = Pipeline().process(Document.from_text(text, published=date(2025, 3, 4)))
    [accuse] = [e for e in evs if e.type == "ACCUSE"]
    assert accuse.actor1.country == "RUS" and accuse.actor2.country == "UKR"


def test_a_capitals_possessive_acts_after_a_locative_preposition():
    # "in response to Moscow's bombardment": Moscow acts; "in Kyiv's suburbs" locates
    [m] = [a for a in find_actors("It was a reply to Moscow's relentless shelling of the grid.")
           if a.span.text == "Moscow"]
    assert m.locative is False
    [m] = [a for a in find_actors("Blasts were heard in Kyiv's western suburbs overnight.")
           if a.span.text == "Kyiv"]
    assert m.locative is True


@pytest.mark.parametrize("text,name", [
    ("Witnesses in the capital Tashkent saw riot police moving in.", "Tashkent"),
    ("Crowds gathered in the capital, Lusaka, on Friday.", "Lusaka"),
    ("Fires burned in the Syrian capital Damascus at dawn.", "Damascus"),
])
def test_a_place_noun_in_apposition_keeps_a_capital_locative(text, name):
    # "in the capital Tashkent": the noun between the preposition and the name does not make
    # the capital a party
    [m] = [a for a in find_actors(text) if a.span.text == name]
    assert m.locative is True


def test_a_definite_role_takes_up_the_role_just_named_with_its_owner():
    """"a senior Pentagon official said ... the senior official warned": the bare title with
    "the" is that official (the owner's country), not a local title of the document's
    country; a bare title with "a" stays one of its own."""
    text = ("KYIV, May 2 (Reuters) - Drones hit the port overnight. \"We are watching closely,\" "
            "a senior Pentagon official said. \"Any attack will carry a price,\" the senior "
            "official warned.")
    got = [a for a in find_actors(text) if a.span.text == "senior official"]
    assert got and got[-1].country == "USA"
    text = ("KYIV, May 2 (Reuters) - Drones hit the port overnight. A senior official said "
            "the damage was light.")
    got = [a for a in find_actors(text) if a.span.text == "senior official"]
    assert got and got[-1].country == "UKR"


def test_a_force_of_a_rebel_group_is_no_army():
    """"rebel forces", "resistance forces": the force noun after a non-state group's word is
    that group's (REB); "paramilitary" alone does not make a state's rangers rebels."""
    got = by_text("Rebel forces and Syrian resistance forces overran the post, while Thai "
                  "paramilitary forces held the bridge.")
    assert facts(got["Rebel forces"])[1] == "REB"
    assert facts(got["Syrian resistance forces"])[:2] == ("SYR", "REB")
    assert facts(got["Thai paramilitary forces"])[:2] == ("THA", "MIL")


@pytest.mark.parametrize("text, country", [
    # the parser makes a sentence-opening adjective the subject and "shelling" its participle
    ("Heavy shelling by Ukrainian forces damaged a substation in Horlivka on Monday.", "UKR"),
    ("Nighttime shelling by Russian forces has damaged a school in Kherson, officials said.",
     "RUS"),
    # a participle that ascribes the act to its doer
    ("A drone attack attributed to Ukraine damaged a refinery in Tuapse on Friday.", "UKR"),
    ("An attack blamed on Russia damaged a school in Sumy on Monday.", "RUS"),
])
def test_the_doer_named_after_the_event_noun_is_the_attacker(pipeline, text, country):
    assert _first_attacker(pipeline, text).country == country, text


@pytest.mark.parametrize("text, country, town", [
    # the parser makes the demonym the sentence's root and "shelling" its participle, or
    # "shelling" the root verb with the demonym its adjective; "damaged" an adjective
    ("Ukrainian shelling damaged houses in Shebekino on Monday.", "UKR", "Shebekino"),
    ("Israeli shelling damaged houses in Khiam on Monday.", "ISR", "Khiam"),
    ("Russian shelling damaged houses in Kherson on Monday.", "RUS", "Kherson"),
])
def test_a_demonym_shelling_that_damaged_is_an_attack_by_that_side(pipeline, text, country,
                                                                   town):
    ev = next(e for e in extract(text, published="2024-05-15", pipeline=pipeline)
              if e.type == "ASSAULT")
    assert (ev.actor1.country, ev.location.name) == (country, town), text


def _first_attack_party(pipeline, text, role="actor1"):
    """actor1 (or actor2) of the first attack the pipeline finds in ``text`` (there must be
    one, with that party)."""
    evs = of_type("ASSAULT", text, pipeline, published="2024-09-14")
    assert evs and getattr(evs[0], role) is not None, text
    return getattr(evs[0], role)


def _first_attacker(pipeline, text):
    return _first_attack_party(pipeline, text)


@pytest.mark.parametrize("text, country", [
    ("NPA rebels ambushed an army patrol in Samar on Monday.", "PHL"),
    ("ELN guerrillas bombed a pipeline in Arauca on Monday.", "COL"),
    ("Gran Grif gang members attacked a village in Artibonite on Monday.", "HTI"),
    ("Ansarul Islam fighters attacked a convoy near Djibo on Monday.", "BFA"),
    ("BRN insurgents bombed a ranger post in Narathiwat on Monday.", "THA"),
])
def test_named_armed_groups_of_more_wars_have_their_country(pipeline, text, country):
    actor = _first_attacker(pipeline, text)
    assert (actor.country, actor.sector) == (country, "REB"), text


@pytest.mark.parametrize("name, country", [
    ("Gustavo Petro", "COL"), ("Petro", "COL"), ("Sheinbaum", "MEX"), ("Muhammad Yunus", "BGD"),
    ("Salva Kiir", "SSD"), ("Khalifa Haftar", "LBY"), ("Irakli Kobakhidze", "GEO"),
])
def test_more_heads_of_state_and_government_are_known(name, country):
    entries = ActorDictionary.load().lookup(name)
    assert entries and entries[0].country == country
    # an alias that is only a suffix of a name is never a name of its own
    assert not ActorDictionary.load().lookup("Jr")


@pytest.mark.parametrize("text, side", [
    ("Militants killed three policemen in Bannu on Monday.", ("PAK", "GOV")),
    ("Gunmen killed a village chief in Ituri on Monday.", ("COD", "GOV")),
    ("A strike killed a journalist in Gaza City on Monday.", ("PSE", "MED")),
])
def test_police_officials_and_journalists_hit_are_the_places(pipeline, text, side):
    target = _first_attack_party(pipeline, text, "actor2")
    assert (target.country, target.sector) == side, text


@pytest.mark.parametrize("text, side", [
    ("Troops killed seven insurgents in a raid near Bannu on Monday.", ("PAK", "REB")),
    ("Soldiers shot dead four gunmen outside Maiduguri on Monday.", ("NGA", "REB")),
])
def test_fighters_of_no_named_group_are_an_armed_group_of_the_place(pipeline, text, side):
    target = _first_attack_party(pipeline, text, "actor2")
    assert (target.country, target.sector) == side, text


def test_what_an_attack_is_aimed_at_is_no_attacker(pipeline):
    # "an attack on a police station ... injured": the police were hit, two constables hurt
    text = "A bomb attack on a police station in Pulwama on Monday injured three constables."
    target = _first_attack_party(pipeline, text, "actor2")
    assert (target.country, target.sector) == ("IND", "GOV")
    evs = of_type("ASSAULT", text, pipeline, published="2024-09-14")
    assert evs[0].actor1 is None or evs[0].actor1.sector != "GOV"


def test_a_countrys_warring_parties_are_that_countrys():
    from eventdesk.resolve.actors import find_actors

    found = [(m.span.text, m.country) for m in find_actors(
        "Chad's leader urged Sudan's warring parties to return to the table.")]
    assert ("Sudan's warring parties", "SDN") in found


def test_who_died_in_an_attack_is_no_attacker_the_attacks_by_phrase_is(pipeline):
    text = "Six soldiers died in an ambush by ISWAP fighters near Damboa on Monday."
    attacker = _first_attack_party(pipeline, text)
    assert (attacker.country, attacker.sector) == ("NGA", "REB")


def test_police_killed_in_a_gun_attack_are_the_places_police(pipeline):
    text = "A constable was killed in a gun attack by unknown militants in Tank on Monday."
    target = _first_attack_party(pipeline, text, "actor2")
    assert (target.country, target.sector) == ("PAK", "GOV")
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-09-14")
    assert ev.acled_sub_event_type == "Armed clash"  # a gun attack is firearms


def test_the_people_a_measure_falls_on_are_the_places(pipeline):
    """"authorities imposed a curfew in Funtua": a state's coercive measure that names
    no target falls on the place's people (COERCE actor2 is the place's civilians)."""
    from helpers import of_type
    [ev] = of_type("COERCE", "Local authorities imposed a dusk-to-dawn curfew in Funtua on "
                   "Sunday.", pipeline, published="2024-05-14")
    assert ev.actor2 is not None and (ev.actor2.country, ev.actor2.sector) == ("NGA", "CVL")


@pytest.mark.parametrize("text", [
    "Rockets from a Czech-supplied launcher hit Shebekino on Sunday.",
    "Donetsk was shelled with US-made howitzers on Monday, the city's mayor said.",
])
def test_where_a_weapon_was_made_names_no_party(pipeline, text):
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-03-16")
    assert ev.actor2 is None or ev.actor2.country not in ("CZE", "USA"), text
    assert ev.actor1 is None or ev.actor1.country not in ("CZE", "USA"), text


@pytest.mark.parametrize("text", [
    "The opposition leader called for a general strike on Monday.",
    "Dock workers began a hunger strike in Mombasa on Tuesday.",
])
def test_a_general_or_hunger_strike_names_no_party(text):
    """"general" and "strike" are role words elsewhere ("the general said", "strikes
    killed"); together they name a labour action."""
    assert not any(a.span.text.lower().endswith(("general", "strike"))
                   for a in find_actors(text)), text


@pytest.mark.parametrize("text", [
    # the series is the verb's object: its subject did the attacks
    "Russia launched a series of heavy attacks on Ukraine's power plants overnight.",
    "Moscow carried out a wave of deadly strikes on Ukraine's grid overnight.",
])
def test_the_subject_of_a_series_of_attacks_is_the_attacker(pipeline, text):
    [ev] = of_type("ASSAULT", text, pipeline, published="2025-03-19")
    assert ev.actor1 is not None and ev.actor1.country == "RUS", text


def test_the_owner_of_the_thing_attacked_is_no_attacker(pipeline):
    text = "Heavy attacks on Ukraine's power plants continued overnight."
    evs = of_type("ASSAULT", text, pipeline, published="2025-03-19")
    assert all(e.actor1 is None or e.actor1.country != "UKR" for e in evs)


@pytest.mark.parametrize("text, target", [
    # an existential sentence: "there" names no one, and the place attacked is no attacker
    ("There was a heavy drone attack on Kyiv early on Tuesday.", "UKR"),
    ("There was a big drone attack on Moscow and its region before dawn.", "RUS"),
])
def test_the_place_an_attack_is_aimed_at_is_no_attacker(pipeline, text, target):
    [ev] = of_type("ASSAULT", text, pipeline, published="2025-03-11")
    assert ev.actor1 is None or ev.actor1.country != target, text
    assert ev.location is not None and ev.location.country == target, text
