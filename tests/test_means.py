import pytest

from eventdesk.extraction.means import acled_hint, find_damage, find_weapons


def kinds(text):
    return [(w.kind, w.count) for w in find_weapons(text)]


def test_weapon_counts_and_spans():
    text = "Overnight the army fired three cruise missiles and 97 attack drones at the port."
    ws = find_weapons(text)
    assert [(w.kind, w.count) for w in ws] == [("cruise missile", 3), ("drone", 97)]
    for w in ws:
        assert text[w.span.start:w.span.end] == w.span.text
        assert w.span.stage == "extract.weapons"


def test_interceptions_are_not_launch_counts():
    assert kinds("It launched 55 Shahed-type drones; 30 were shot down.") == [("drone", 55)]


def test_weapon_kinds():
    assert kinds("A glide bomb hit a hospital.") == [("glide bomb", 1)]
    assert kinds("An FPV drone struck a tractor.") == [("FPV drone", 1)]
    assert kinds("A car bomb went off outside the ministry.") == [("car bomb", 1)]
    assert kinds("Gunmen stormed the village.") == [("firearms", None)]
    assert kinds("Heavy artillery shelling continued.") == [("artillery", None)]
    assert kinds("Grad rockets hit the suburb.") == [("MLRS", None)]
    assert kinds("Putin met Xi in Beijing.") == []


def test_acled_hint():
    mixed = find_weapons("The city was hit by four ballistic missiles and 20 drones.")
    assert acled_hint(mixed, "")[1:] == ("Explosions/Remote violence",
                                         "Shelling/artillery/missile attack")
    drone = find_weapons("A drone hit a bus.")
    assert acled_hint(drone, "A drone hit a bus.") == (
        "drone", "Explosions/Remote violence", "Air/drone strike")
    assert acled_hint(drone, "", scheme="gold")[0] == "aerial"
    s = "Soldiers opened fire on a crowd of protesters."
    assert acled_hint(find_weapons(s), s)[1:] == ("Violence against civilians", "Attack")
    s = "Troops killed two gunmen in a firefight."
    assert acled_hint(find_weapons(s), s)[1:] == ("Battles", "Armed clash")
    s = "A roadside bomb exploded near a patrol."
    assert acled_hint(find_weapons(s), s)[2] == "Remote explosive/landmine/IED"
    s = "Two guards were hurt in a bomb attack on the market."  # no aircraft: set off there
    assert acled_hint(find_weapons(s), s)[2] == "Remote explosive/landmine/IED"
    s = "A jet dropped a bomb on the market."
    assert acled_hint(find_weapons(s), s)[2] == "Air/drone strike"
    assert acled_hint([], "") is None


def test_damage():
    text = ("The strike damaged more than 25 apartment blocks, a kindergarten and several cars, "
            "and set fire to the city's thermal power plant.")
    got = [(d.object, d.count) for d in find_damage(text)]
    assert got == [("residential building", 25), ("school", 1), ("vehicle", None),
                   ("thermal power plant", 1)]
    for d in find_damage(text):
        assert text[d.span.start:d.span.end] == d.span.text


def test_no_damage_without_a_cue():
    assert find_damage("The talks took place in a hotel near the airport.") == []


def test_downed_aircraft_and_interceptions_are_not_launches():
    from eventdesk.extraction.means import find_weapons

    assert find_weapons("Air defence units shot down a Su-25 fighter jet near Toretsk.") == []
    got = [(w.kind, w.count) for w in find_weapons(
        "The army launched 75 drones and two missiles, of which 61 drones were intercepted.")]
    assert got == [("drone", 75), ("missile", 2)]
    got = [(w.kind, w.count) for w in find_weapons("Air defence downed 30 of 41 drones.")]
    assert got == [("drone", 41)]


@pytest.mark.parametrize("text, sub", [
    # tube or rocket artillery fired beside drones or aerial bombs: an air/drone strike
    ("The troops shelled the village with mortars and FPV drones.", "Air/drone strike"),
    ("The town was hit by artillery and two guided aerial bombs.", "Air/drone strike"),
    ("Grad rockets and kamikaze drones struck the suburb.", "Air/drone strike"),
    # missiles beside drones stay a missile attack; artillery alone a shelling
    ("Three cruise missiles and 40 drones hit the port.", "Shelling/artillery/missile attack"),
    ("Artillery pounded the district all night.", "Shelling/artillery/missile attack"),
])
def test_the_means_that_decides_a_mixed_attacks_sub_event_type(text, sub):
    assert acled_hint(find_weapons(text), text)[2] == sub
