"""ACLED event and sub-event types when the text names no weapon, and means a report names
once (sentences written for these tests)."""

from __future__ import annotations

import pytest

from eventdesk import extract
from eventdesk.extraction.acled import acled_without_means
from eventdesk.records import Actor
from helpers import of_type

REBELS = Actor("M23", "COD", "REB")
ARMY = Actor("Army", "COD", "MIL")
VILLAGERS = Actor("villagers", "COD", "CVL")


@pytest.mark.parametrize("trigger,sentence,a1,a2,expected", [
    ("took control of", "The rebels took control of the town on Thursday.", REBELS, None,
     ("Battles", "Non-state actor overtakes territory")),
    ("liberated", "Army units liberated the village, the ministry said.", ARMY, None,
     ("Battles", "Armed clash")),
    ("clashes", "Heavy clashes broke out near the airport.", None, None,
     ("Battles", "Armed clash")),
    ("raid", "Fighters killed six soldiers in a raid on a base.", REBELS, ARMY,
     ("Battles", "Armed clash")),
    ("killed", "Gunmen killed 14 villagers in an overnight attack.", REBELS, VILLAGERS,
     ("Violence against civilians", "Attack")),
    ("abducted", "Gunmen abducted 20 pupils from a school.", REBELS, VILLAGERS,
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("air strike", "An air strike hit a house in the camp.", None, None,
     ("Explosions/Remote violence", "Air/drone strike")),
    ("hit", "Warplanes hit a market, killing nine.", None, VILLAGERS,
     ("Explosions/Remote violence", "Air/drone strike")),
    ("shelled", "Troops shelled the town overnight.", ARMY, None,
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("hit", "A strike hit a house, killing two.", None, None,
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # armed men against unarmed people, with no fighting told
    ("killed", "Two residents were killed during an army raid on the camp.", ARMY, VILLAGERS,
     ("Violence against civilians", "Attack")),
    ("killed", "Two residents were killed as troops clashed with gunmen in the camp.", ARMY,
     VILLAGERS, ("Battles", "Armed clash")),
    # small-arms fire: a gunfight is a clash; people shot who are no fighters, an attack
    ("killed", "Four men died in a two-hour gunfight with soldiers near the river.", None,
     None, ("Battles", "Armed clash")),
    ("shot", "Two farmers were shot near their fields on Monday.", None, VILLAGERS,
     ("Violence against civilians", "Attack")),
    # a killing by hand of people who are no fighters
    ("executed", "Soldiers executed three detainees in a village on Monday.", ARMY, VILLAGERS,
     ("Violence against civilians", "Attack")),
    # arson by people who are no armed force
    ("fire", "A teenager tried to set the recruitment office on fire overnight.", None, None,
     ("Riots", "Violent demonstration")),
    ("hurled", "A man hurled a Molotov cocktail at the draft office.", None, None,
     ("Riots", "Violent demonstration")),
    # deaths told of a demonstration: force against it, or the crowd's own violence
    ("dead", "The weekly protests left three people dead on Saturday.", None, None,
     ("Protests", "Excessive force against protesters")),
    ("beat", "Rioters beat a man to death near the station.", VILLAGERS, None,
     ("Riots", "Violent demonstration")),
    # police are an armed state force: an armed group's attack on them is a battle
    ("attacked", "Insurgents attacked a police post at dawn, killing two officers.", REBELS,
     Actor(name="police", country="PAK", sector="GOV"), ("Battles", "Armed clash")),
])
def test_types_from_wording_and_parties(trigger, sentence, a1, a2, expected):
    assert acled_without_means(trigger, sentence, a1, a2)[1:] == expected


def test_an_official_attacked_is_no_battle_with_the_police():
    # the police rule reads the target's name: an official is no armed force
    got = acled_without_means("attacked", "Gunmen attacked the district chief at his home.",
                              REBELS, Actor(name="district chief", country="PAK", sector="GOV"))
    assert got[1:] != ("Battles", "Armed clash")


def test_a_report_that_names_air_strikes_once(pipeline):
    text = ("Israeli air strikes kill nine people in Gaza\n\n"
            "Israeli air strikes killed nine people across the Gaza Strip on Tuesday, medics "
            "said. A strike on a house in Deir al-Balah killed four people. Another strike "
            "hit a car in Khan Younis, killing two men.")
    events = [e for e in extract(text, published="2024-08-27", pipeline=pipeline)
              if e.type == "ASSAULT" and e.location is not None
              and e.location.precision == "city"]
    assert events and all(e.acled_sub_event_type == "Air/drone strike" for e in events)


def test_shelling_named_in_the_report_keeps_unnamed_strikes_open(pipeline):
    text = ("Russian artillery shelled Nikopol on Monday, wounding two people. A strike also "
            "hit a shop in Marhanets, the governor said.")
    subs = {e.location.name: e.acled_sub_event_type
            for e in extract(text, published="2025-05-13", pipeline=pipeline)
            if e.type == "ASSAULT" and e.location is not None}
    assert subs.get("Nikopol") == "Shelling/artillery/missile attack"
    assert subs.get("Marhanets", "Shelling/artillery/missile attack") == \
        "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text,expected", [
    ("Thousands marched peacefully through the capital on Sunday.",
     ("Protests", "Peaceful protest")),
    ("Police fired tear gas to disperse hundreds of demonstrators outside parliament.",
     ("Protests", "Protest with intervention")),
    ("At least 50 protesters were detained in the city centre.",
     ("Protests", "Protest with intervention")),
    ("Security forces opened fire on the crowd, killing four demonstrators.",
     ("Protests", "Excessive force against protesters")),
    ("Students fought running battles with riot police near the campus.",
     ("Riots", "Violent demonstration")),
    ("Protesters stormed the police station and set fire to cars.",
     ("Riots", "Violent demonstration")),
    ("A mob lynched two men accused of theft in the market.", ("Riots", "Mob violence")),
    # demonstrators throwing things or breaking through, whoever the crowd is
    ("Students hurled rocks and bottles at the riot officers outside the ministry.",
     ("Riots", "Violent demonstration")),
    ("The marchers tore down the fence around the parliament before police pushed them back.",
     ("Riots", "Violent demonstration")),
    # a clash with the crowd told from the police's side
    ("Three officers were hurt in scuffles with demonstrators near the ministry.",
     ("Riots", "Violent demonstration")),
])
def test_protest_sub_types_by_the_codebook(text, expected):
    from eventdesk.extraction.acled import protest_subtype

    assert protest_subtype(text) == expected


def test_a_report_of_a_protest_with_arrests(pipeline):
    text = ("Hundreds of students rallied in central Minsk on Sunday against the election "
            "result. At least 30 protesters were detained, a rights group said.")
    [protest] = of_type("PROTEST", text, pipeline, published="2025-03-03")
    assert (protest.acled_event_type, protest.acled_sub_event_type) == (
        "Protests", "Protest with intervention")


def test_a_strike_with_no_means_by_an_air_power_is_an_air_strike():
    from eventdesk import extract
    def sub(text):
        [ev] = [e for e in extract(text, published="2024-10-08") if e.type == "ASSAULT"]
        return ev.acled_sub_event_type
    assert sub("An Israeli strike hit a house in Rafah on Monday, killing four people.") == \
        "Air/drone strike"
    assert sub("US strikes hit Houthi targets near Sanaa on Monday.") == "Air/drone strike"
    # other attackers' unnamed means stay a shelling; named means decide for everyone
    assert sub("A Russian strike hit a house in Kherson on Monday, killing four people.") == \
        "Shelling/artillery/missile attack"
    assert sub("Israeli artillery shelled the village of Khiam on Monday.") == \
        "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text", [
    "M23 rebels took control of the town of Mweso after hours of heavy gunfire with the army "
    "on Thursday.",
    "M23 rebels seized the town of Mweso on Thursday, firing machine guns and mortars at army "
    "positions.",
])
def test_a_rebel_capture_is_a_takeover_whatever_arms_it_was_fought_with(pipeline, text):
    [ev] = of_type("ASSAULT", text, pipeline, published="2023-01-28")
    assert (ev.acled_event_type, ev.acled_sub_event_type) == (
        "Battles", "Non-state actor overtakes territory")


def test_the_means_a_later_mention_names_type_the_incident(pipeline):
    """An incident first told with no means ("Militia strike kills four") takes the ACLED
    types of the follow-up that names them (a drone), not the guess from the headline."""
    text = ("Militia strike kills four in Kadugli\n\n"
            "A drone sent by the militia exploded over the town's main market on Tuesday, "
            "killing four people, residents said.")
    evs = of_type("ASSAULT", text, pipeline, published="2025-10-22")
    assert len(evs) == 1
    assert (evs[0].acled_event_type, evs[0].acled_sub_event_type) == (
        "Explosions/Remote violence", "Air/drone strike")


def test_officers_hurt_in_clashes_with_a_crowd_are_a_violent_demonstration(pipeline):
    text = "Three officers were hurt in scuffles with demonstrators near the ministry in Riga.\n"
    evs = extract(text, published="2024-05-06", pipeline=pipeline)
    assert [(e.type, e.acled_sub_event_type) for e in evs] == [
        ("PROTEST", "Violent demonstration")]
    # hurt in a clash with gunmen stays a battle
    text = "Two soldiers were wounded in clashes with gunmen near the border on Monday.\n"
    assert [e.type for e in extract(text, published="2024-05-06", pipeline=pipeline)] == [
        "ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    # a crowd's arson is a violent demonstration, and the crowd is the place's
    ("Demonstrators set fire to a district office in Sylhet on Monday.",
     ("BGD", ("Riots", "Violent demonstration"))),
    ("A mob torched two buses in Kano on Monday.", ("NGA", ("Riots", "Violent demonstration"))),
    # an armed group's is destruction of property
    ("Militiamen burned dozens of huts near Bunia on Monday.",
     ("COD", ("Strategic developments", "Looting/property destruction"))),
])
def test_property_set_on_fire_by_a_crowd_and_by_an_armed_group(pipeline, text, expected):
    from eventdesk.api import extract

    [ev] = [e for e in extract(text, published="2024-09-16", pipeline=pipeline)
            if e.type == "COERCE"]
    assert (ev.actor1.country, (ev.acled_event_type, ev.acled_sub_event_type)) == expected


def test_a_clash_with_a_crowd_of_youths_is_a_violent_demonstration(pipeline):
    from eventdesk.api import extract

    evs = extract("Gendarmes clashed with rock-throwing youths in Conakry on Monday.",
                  published="2024-09-16", pipeline=pipeline)
    [ev] = [e for e in evs if e.type == "PROTEST"]
    assert (ev.acled_event_type, ev.acled_sub_event_type) == ("Riots", "Violent demonstration")
    assert ev.actor1.sector == "CVL" and ev.actor2.sector in ("GOV", "MIL")


@pytest.mark.parametrize("text", [
    "Gunmen shot dead four herders near Katsina on Monday.",
    "Gunmen killed six students at a hostel in Maiduguri on Monday.",
])
def test_gunmen_killing_named_civilians_is_an_attack(pipeline, text):
    from eventdesk.api import extract

    [ev] = [e for e in extract(text, published="2024-09-16", pipeline=pipeline)
            if e.type == "ASSAULT"]
    assert (ev.acled_event_type, ev.acled_sub_event_type) == \
        ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    # armed men storming a place and killing residents, no fighting told
    "Armed bandits stormed a farming village in Katsina state overnight, killing nine "
    "residents.",
    # an armed group's attack on a village, no means named: no shelling
    "Suspected militants attacked a village in Burkina Faso's east, killing 18 civilians.",
    # gunfire that wounded a child
    "A nine-year-old boy was wounded by gunfire from soldiers near Hebron on Friday.",
])
def test_armed_men_against_civilians_only_are_an_attack_on_civilians(pipeline, text):
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in evs] == [
        ("Violence against civilians", "Attack")]


@pytest.mark.parametrize("text, sub", [
    # fighting told, or armed men among the dead: a battle
    ("Bandits stormed a village and clashed with vigilantes, leaving nine residents dead.",
     "Armed clash"),
    ("Troops and gunmen exchanged fire in the village; two civilians were killed.",
     "Armed clash"),
    # a state's attack with no means named stays a remote attack
    ("A Russian attack on the village killed three civilians.",
     "Shelling/artillery/missile attack"),
])
def test_fighting_or_a_state_attacker_keeps_its_type(pipeline, text, sub):
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert evs and all(e.acled_sub_event_type == sub for e in evs), [
        (e.acled_sub_event_type) for e in evs]


def test_the_dead_of_a_security_operation_are_no_attack_on_civilians(pipeline):
    """"Four men were killed in a security operation": an operation of the security forces,
    or an "encounter", is fought with armed men, whatever the report calls its dead."""
    for text in ("Four men were killed during a security operation in Shopian district, "
                 "police said.",
                 "Two men were killed in an encounter with troops in Kupwara district."):
        evs = of_type("ASSAULT", text, pipeline, published="2024-03-02")
        assert [e.acled_sub_event_type for e in evs] == ["Armed clash"], text


def test_an_armed_groups_fire_on_a_gathering_is_an_attack_on_civilians(pipeline):
    """"gunmen opened fire on a bar": a place or gathering of unarmed people as the target
    of an armed group, no toll told, is Violence against civilians / Attack."""
    evs = of_type("ASSAULT", "Masked gunmen opened fire on a crowded bar in Chihuahua "
                  "on Saturday.", pipeline, published="2024-09-16")
    assert [(e.acled_sub_event_type, e.actor2 and e.actor2.sector) for e in evs] == [
        ("Attack", "CVL")]


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a wedding party in a village of Plateau State on Friday, "
    "killing seven guests.",
    "Militants attacked mourners at a funeral near Maiduguri on Friday, killing five.",
])
def test_a_wedding_or_funeral_is_a_gathering_of_civilians(pipeline, text):
    """"a wedding party" is a gathering of civilians, not a political party (OPP): an armed
    group's fire on it is Violence against civilians / Attack with civilians as target."""
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert [(e.acled_sub_event_type, e.actor2 and e.actor2.sector) for e in evs] == [
        ("Attack", "CVL")]


@pytest.mark.parametrize("text, expected", [
    # an official or a social leader shot by gunmen bears no arms: a civilian for ACLED
    ("Gunmen shot dead the mayor of Jamundi on Saturday.",
     ("Violence against civilians", "Attack")),
    ("Unidentified attackers shot dead a town councillor in Tumaco on Friday.",
     ("Violence against civilians", "Attack")),
    ("Armed men killed a social leader in Cauca on Sunday.",
     ("Violence against civilians", "Attack")),
    # police are an armed force: attacking them is a battle
    ("Militants shot dead two police officers in Bannu on Sunday.", ("Battles", "Armed clash")),
])
def test_shooting_an_unarmed_official_is_violence_against_civilians(pipeline, text, expected):
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-05-15")
    assert (ev.acled_event_type, ev.acled_sub_event_type) == expected, text
