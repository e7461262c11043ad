"""The merge stage inside one document (eventdesk.merge.within): which mentions are one event."""

from __future__ import annotations

import helpers
from eventdesk.merge.within import places_agree
from eventdesk.records import Place


def _place(name, precision, lat, lon, admin2=None, admin1="Borno"):
    return Place(name=name, country="NGA", lat=lat, lon=lon, precision=precision,
                 admin1=admin1, admin2=admin2)


def test_a_district_holds_its_own_towns_not_every_town_of_its_province():
    district = _place("Damboa", "admin2", 11.155, 12.756, admin2="Damboa")
    capital = _place("Maiduguri", "city", 11.847, 13.157, admin2="Maiduguri")
    own_town = _place("Sabon Gari", "city", 11.20, 12.80, admin2="Damboa")
    assert places_agree(district, capital) is False
    assert places_agree(district, own_town) is True
    # a town with no district on record: near the district's point or not
    assert places_agree(district, _place("Kach", "city", 11.25, 12.70)) is True
    assert places_agree(district, _place("Far", "city", 12.40, 13.60)) is False
    # a province still holds all of its towns
    assert places_agree(_place("Borno", "admin1", 11.8, 13.1), capital) is True


def test_the_same_toll_told_of_a_region_and_later_of_its_town_is_one_attack(pipeline):
    text = ("Militants killed four soldiers in an attack on an army post in Borno state on "
            "Sunday, the military said. The fighters arrived on motorcycles before dawn. "
            "Troops returned fire and the attackers fled into the bush. Officials said the "
            "four soldiers died when the militants overran the base in Damboa.")
    events = helpers.of_type("ASSAULT", text, pipeline)
    assert [(e.location.name, e.fatalities) for e in events] == [("Damboa", 4)]


def test_a_regions_toll_and_a_later_towns_other_toll_stay_two_attacks(pipeline):
    text = ("Shelling killed three people in the Kharkiv region on Tuesday, the governor said. "
            "Rescuers worked through the night. Power was cut to several districts. In the "
            "town of Kupiansk, a drone strike killed two residents.")
    events = helpers.of_type("ASSAULT", text, pipeline)
    assert sorted((e.location.name, e.fatalities) for e in events) == [
        ("Kharkiv", 3), ("Kupiansk", 2)]


def test_an_english_word_in_a_capitals_headline_is_no_town(pipeline):
    """"TURN" is among the alternate names of a large Uzbek town; in a headline set in
    capitals it is the verb."""
    text = ("TWO DEAD AS MARCHES TURN VIOLENT IN THE CAPITAL\n\nPolice in Nairobi fired tear "
            "gas at marchers on Tuesday and two people were shot dead, witnesses said.")
    events = extract_all(text, pipeline)
    assert all(e.location is None or e.location.country == "KEN" for e in events)
    assert any(e.location is not None and e.location.name == "Nairobi" for e in events)


def extract_all(text, pipeline):
    from eventdesk import extract

    return extract(text, published="2024-05-10", pipeline=pipeline)
