"""Constructions of short incident reports and headlines, on sentences written for these
tests: who was hit, who fired, and which counts and references tell a new event."""

from __future__ import annotations

import dataclasses

from eventdesk import extract
from helpers import of_type


def assaults(text, pipeline, published="2024-05-10"):
    return of_type("ASSAULT", text, pipeline, published=published)


def test_definite_reference_in_the_first_sentence_is_new(pipeline):
    # nothing comes before the first sentence, so "the death" refers to no earlier report
    [ev] = assaults("A weekly newspaper reported the death of a French volunteer medic in "
                    "Kostiantynivka.", pipeline)
    assert ev.location is not None and ev.location.name == "Kostiantynivka"
    # after a first report of the attack, "confirmed the attack" is a reference to it
    evs = assaults("Drones struck a depot in Kupiansk on Tuesday. The regional governor "
                   "confirmed the attack on Wednesday.", pipeline)
    assert len(evs) == 1


def test_one_sides_casualties_reported(pipeline):
    evs = assaults("Heavy Russian casualties reported ahead of new talks", pipeline)
    assert len(evs) == 1
    assert assaults("Casualties reported ahead of new talks", pipeline) == []


def test_enemy_drones_downed_tell_the_enemys_salvo(pipeline):
    [ev] = assaults("Ukrainian air defence crews shot down nine enemy drones over Poltava "
                    "overnight.", pipeline)
    assert ev.actor1 is None  # the defender is not the attacker
    assert ev.actor2 is not None and ev.actor2.country == "UKR"
    # with no owner at all, over a state at war in wars.csv, the claim tells its foe's
    # salvo; over a state with no war in the table it stays no event
    [ev] = assaults("Air defence crews shot down nine drones over Poltava overnight.",
                    pipeline)
    assert (ev.actor1.country, ev.actor2.country) == ("RUS", "UKR")
    assert ev.location is not None and ev.location.name == "Poltava"
    assert assaults("Air defence crews shot down nine drones over Lyon overnight.",
                    pipeline) == []
    # nor does a claim over two states at once tell whose salvo it was
    assert assaults("Air defence crews shot down nine drones over Poltava and Belgorod "
                    "overnight.", pipeline) == []


def test_drones_downed_over_a_town_of_a_state_at_war_are_its_foes(pipeline):
    """"air defence units downed drones over the city of Kaluga" (2023, before the ground
    incursion): Russia's foe by wars.csv is Ukraine, the sender; "40 of 60 drones launched
    by Russia" names the sender in the participle's by-phrase."""
    [ev] = assaults("Regional officials said air defence units downed drones over the city "
                    "of Kaluga.", pipeline, published="2023-05-30")
    assert (ev.actor1.country, ev.actor2.country, ev.location.name) == ("UKR", "RUS", "Kaluga")
    [ev] = assaults("Air defences shot down 40 of 60 drones launched by Russia overnight, the "
                    "air force said.", pipeline)
    assert ev.actor1 is not None and ev.actor1.country == "RUS"


def test_a_running_total_of_one_is_one_event(pipeline):
    [ev] = assaults("One soldier killed amid 40 shelling attacks on the Pokrovsk front "
                    "since early Monday", pipeline)
    assert ev.fatalities == 1
    # many killed over a long run are many events, told as one count: no event
    assert assaults("Fourteen soldiers killed in shelling on the Pokrovsk front since "
                    "early March", pipeline) == []


def test_headline_participle_with_subject_is_passive(pipeline):
    # "soldier killed" with no auxiliary is "soldier was killed": the soldier is the victim,
    # a soldier of the place's side, not the attacker and not a civilian
    [ev] = assaults("One Ukrainian soldier killed amid mortar attacks near Toretsk", pipeline)
    assert ev.actor1 is None
    assert ev.actor2 is not None and (ev.actor2.country, ev.actor2.sector) == ("UKR", "MIL")
    assert ev.fatalities == 1


def test_ground_won_back_is_won_from_the_other_side(pipeline):
    # "recaptured X from Y": Y lost the ground
    [ev] = assaults("Ukrainian troops recaptured the village of Robotyne from Russian forces "
                    "on Thursday.", pipeline)
    assert (ev.actor1.country, ev.actor2.country) == ("UKR", "RUS")
    assert ev.location is not None and ev.location.name == "Robotyne"
    # with no "from", the other side of the report's war
    evs = assaults("Russian missiles hit Zaporizhzhia overnight. The Ukrainian army said on "
                   "Monday it had liberated Lobkove and Levadne, two villages in the south.",
                   pipeline)
    won = [e for e in evs if e.location is not None and e.location.name in ("Lobkove",
                                                                          "Levadne")]
    assert len(won) == 2
    assert all((e.actor1.country, e.actor2.country, e.actor2.sector) == ("UKR", "RUS", "MIL")
               for e in won)


def test_a_list_whose_first_item_is_unknown_is_still_one_event_per_place(pipeline):
    # "Staromaiorsk" is a misspelling the gazetteer does not know; the other two are places
    evs = assaults("On Sunday the brigade said it had retaken Staromaiorsk, Makarivka, and "
                   "Neskuchne villages of the Donetsk region.", pipeline)
    assert sorted(e.location.name for e in evs if e.location is not None) == [
        "Makarivka", "Neskuchne"]


def test_the_place_of_a_topic_is_not_where_the_talks_were(pipeline):
    events = extract("On Monday the Egyptian president and the French president discussed "
                     "by phone the risk of an assault on the southern Gaza city of Rafah.",
                     published="2024-04-30", pipeline=pipeline)
    evs = [e for e in events if e.type == "CONSULT"]
    assert len(evs) == 1 and evs[0].location is None
    # and the risk of an assault is no assault
    assert [e for e in events if e.type == "ASSAULT"] == []
    # the venue of a meeting is still its place
    evs = of_type("CONSULT", "The two ministers met in Jeddah and discussed the situation "
                  "in Sudan.", pipeline, published="2024-04-30")
    assert [e.location.name for e in evs] == ["Jeddah"]


def test_a_place_in_the_subject_phrase_is_where_not_who(pipeline):
    [ev] = assaults("The strike on a market in Kyiv killed nine, medics said.", pipeline)
    assert ev.actor1 is None  # the capital is where, not the attacker
    assert ev.location is not None and ev.location.name == "Kyiv"
    assert ev.fatalities == 9


def test_what_may_happen_is_no_event(pipeline):
    for text in ("Families left the town amid fears of a new offensive on Rafah.",
                 "The threat of renewed strikes on the port of Odesa has grown.",
                 "Officials warned of the danger of an attack on the plant in Enerhodar."):
        assert assaults(text, pipeline) == [], text


def test_occupiers_are_the_other_side_not_the_place(pipeline):
    # the report names Ukraine's air force (a Ukrainian armed actor) and "Russians": the
    # occupiers are the Russians, not the report's usual armed country
    text = ("Russians shelled Kharkiv on Monday, the Ukrainian air force said. In Kupiansk "
            "the occupiers hit a school with a guided bomb.")
    evs = assaults(text, pipeline, published="2024-10-08")
    [kup] = [e for e in evs if e.location is not None and e.location.name == "Kupiansk"]
    assert kup.actor1 is not None and kup.actor1.country == "RUS"


def test_occupiers_with_no_other_party_named_are_the_other_side_of_the_war(pipeline):
    # the report names no party but the occupiers: the other side of the place's war
    [ev] = assaults("In the evening the occupiers shelled Ochakiv, injuring a woman.", pipeline)
    assert ev.actor1 is not None and (ev.actor1.country, ev.actor1.sector) == ("RUS", "MIL")
    [ev] = assaults("Occupation forces raided a house in Jenin at dawn.", pipeline)
    assert ev.actor1 is not None and ev.actor1.country == "ISR"


def test_the_enemy_is_the_speakers_enemy(pipeline):
    # a Ukrainian governor's "enemy" in a Ukrainian town, with no other attacker told
    [ev] = assaults("On the night of May 3, the enemy attacked Mykolaiv with drones, the "
                    "governor said.", pipeline)
    assert ev.actor1 is not None and ev.actor1.country == "RUS"
    # a weapon of the enemy's too
    [ev] = assaults("Falling wreckage of an intercepted enemy missile killed a driver in "
                    "Pavlohrad.", pipeline)
    assert ev.actor1 is not None and ev.actor1.country == "RUS"
    # an official of the occupied city calls Ukraine's army the enemy: the report's usual
    # attacker, not the place's other side
    text = ("Ukraine's army fired rockets at Horlivka on Monday, the town's Russian-installed "
            "mayor said. In the evening the enemy shelled a market in Horlivka, killing two.")
    evs = assaults(text, pipeline, published="2024-09-04")
    assert evs and all(e.actor1 is not None and e.actor1.country == "UKR" for e in evs)


def test_a_nation_named_by_its_people_attacking_is_its_forces(pipeline):
    [ev] = assaults("The Russians struck the Marhanets community twice on Sunday.", pipeline)
    assert ev.actor1 is not None and (ev.actor1.country, ev.actor1.sector) == ("RUS", "MIL")
    # the people attacked are no attacker
    evs = assaults("Troops stepped up raids and attacks on Palestinians in Hebron.", pipeline)
    assert all(e.actor1 is None or e.actor1.country != "PSE" for e in evs)


def test_a_city_district_is_no_village_namesake(pipeline):
    # "Kyivskyi" is also a village in the Poltava region; a city's district is not it
    text = "A guided bomb hit a high-rise in the Kyivskyi district on Tuesday, the mayor of " \
        "Kharkiv said."
    [ev] = assaults(text, pipeline, published="2024-10-08")
    assert ev.location is not None and ev.location.name == "Kharkiv"


def test_follow_ups_count_from_the_incidents_last_mention(pipeline):
    # the strike is told again in the fourth sentence; the toll nine sentences after the
    # first mention belongs to it, not to the village strike told after it
    text = ("On Tuesday evening Russian forces struck Kharkiv with glide bombs, the mayor said. "
            "Sirens had sounded at 4 pm. The air force warned of launches at 4.52 pm. "
            "A second wave of bombs hit the city at 5.10 pm, the mayor said. "
            "Rescuers searched the rubble. Power was cut in two districts. Trams stopped. "
            "Schools moved online. Shelters stayed open. At least five people were injured. "
            "A further bomb landed in Cherkaska Lozova, a village north of the city; nobody "
            "was hurt there.")
    evs = assaults(text, pipeline, published="2024-10-08")
    by_place = {e.location.name: e for e in evs if e.location is not None}
    assert by_place["Kharkiv"].injuries == 5
    assert by_place["Cherkaska Lozova"].injuries == 0


def test_the_day_of_the_report_is_not_the_day_of_the_attack(pipeline):
    from datetime import date
    # "reported on Saturday that ... were killed": Friday or Saturday, most likely Friday
    [ev] = assaults("The army reported on Saturday that eight soldiers were killed in an "
                    "ambush near Ouallam.", pipeline, published="2023-02-12")
    assert (ev.date.earliest, ev.date.latest) == (date(2023, 2, 10), date(2023, 2, 11))
    assert ev.date.best == date(2023, 2, 10)
    # a day the told clause names, or a day before the verb, is the attack's own
    for text in ("Eight soldiers were killed in an ambush near Ouallam on Saturday, the army "
                 "said.",
                 "On Saturday, the army said, gunmen ambushed a patrol near Ouallam."):
        [ev] = assaults(text, pipeline, published="2023-02-12")
        assert (ev.date.earliest, ev.date.latest) == (date(2023, 2, 11), date(2023, 2, 11))


def test_a_long_run_up_to_now_is_history(pipeline):
    for text in ("Over the last decade, Mali has been fighting an insurgency in the north.",
                 "In the past two years the militants have attacked dozens of villages."):
        assert assaults(text, pipeline, published="2024-08-03") == [], text
    # a week is a report's period, not history
    [ev] = assaults("Russian strikes killed 12 people in Kharkiv over the past week.", pipeline,
                    published="2024-08-03")
    assert ev.fatalities == 12


def test_forcing_troops_to_withdraw_is_fighting(pipeline):
    [ev] = assaults("The AFU forced Russian units to withdraw from two villages near Kupiansk.",
                    pipeline, published="2022-09-01")
    assert (ev.actor1.country, ev.actor2.country) == ("UKR", "RUS")


def test_a_dispersed_crowd_is_a_protest_met_by_the_state(pipeline):
    for text in ("Riot police dispersed the opposition rally in Yerevan with stun grenades on "
                 "Monday.",
                 "Demonstrators were dispersed outside the parliament in Yerevan on Monday."):
        evs = extract(text, published="2024-05-14", pipeline=pipeline)
        assert [e.type for e in evs] == ["PROTEST"], text
        [ev] = evs
        assert (ev.acled_event_type, ev.acled_sub_event_type) == (
            "Protests", "Protest with intervention")
        assert ev.actor1.country == "ARM" and ev.actor1.sector == "CVL"
        assert ev.actor2 is not None and ev.actor2.country == "ARM"


def test_the_victims_after_an_attackers_weapon_are_not_the_attackers(pipeline):
    # "Russian drones wounded two women": the women are not Russian women
    [ev] = assaults("Russian drones wounded two women in Kherson.", pipeline,
                    published="2024-01-24")
    assert ev.actor1 is not None and ev.actor1.country == "RUS"
    assert ev.actor2 is not None and (ev.actor2.country, ev.actor2.sector) == ("UKR", "CVL")
    assert ev.injuries == 2


def test_where_the_wounded_were_treated_is_not_where_they_were_hit(pipeline):
    [ev] = assaults("Russian shelling wounded two women in Kherson; they were treated at a "
                    "hospital in Mykolaiv.", pipeline, published="2024-01-24")
    assert ev.location is not None and ev.location.name == "Kherson"


def test_a_lake_named_after_a_country_is_no_country(pipeline):
    [ev] = assaults("Gunmen attacked fishing camps by Lake Chad early on Sunday.",
                    pipeline, published="2025-01-13")
    assert ev.location is None or ev.location.country != "TCD"


def test_a_state_closing_roads_is_no_protest(pipeline):
    for text in ("Israel blocked off roads around the camp during the raid.",
                 "Police blocked roads into the capital on Monday."):
        evs = extract(text, published="2023-09-04", pipeline=pipeline)
        assert [e for e in evs if e.type == "PROTEST"] == [], text
    # a crowd closing roads still protests
    evs = extract("Farmers blocked roads with tractors in Warsaw on Monday.",
                  published="2023-09-04", pipeline=pipeline)
    assert [e.type for e in evs] == ["PROTEST"]


def test_where_rockets_came_from_is_not_where_they_hit(pipeline):
    [ev] = assaults("Later on Sunday Hezbollah launched 30 rockets from Lebanon toward the "
                    "upper Galilee.", pipeline, published="2024-05-05")
    assert ev.location is None or ev.location.country != "LBN"


def test_a_quoted_toll_reports_the_attack(pipeline):
    # an observer's quoted toll is the report of an attack; a quoted threat stays words
    [ev] = assaults("“Four people have been killed and nine wounded in Israeli strikes on a "
                    "house in the city of Hama,” the monitor said.", pipeline,
                    published="2024-02-07")
    assert (ev.fatalities, ev.injuries) == (4, 9)
    assert ev.actor1 is not None and ev.actor1.country == "ISR"
    assert assaults("“We will strike their bases again and again,” the minister said.",
                    pipeline, published="2024-02-07") == []


def test_a_toll_later_in_the_same_quotation_reports_the_attack(pipeline):
    # an official's account in several quoted sentences: the attack, then its toll; the
    # attack sentence carries the village, the toll comes two sentences later
    [ev] = assaults("“Just after dawn, the enemy shelled Shevchenkove village in Kupiansk "
                    "district. Two barns burned down. A 61-year-old man was killed,” the "
                    "regional governor wrote on Telegram.", pipeline, published="2023-09-03")
    assert ev.location is not None and ev.location.name == "Shevchenkove"
    assert ev.fatalities == 1
    # "no one was hurt" later in the quotation is no toll, but the shelling of a village the
    # quotation names is still the governor's account of an attack
    [ev] = assaults("“At noon the enemy shelled Shevchenkove village in Kupiansk district. "
                    "Nobody was hurt,” the governor wrote.", pipeline, published="2023-09-03")
    assert ev.location is not None and ev.location.name == "Shevchenkove"


def test_a_partial_quote_after_its_subject_is_the_reporters_clause(pipeline):
    # the subject stands outside the quotation, which only carries the verb phrase: the
    # writer reports the claim; a whole quoted sentence stays what someone said
    [ev] = assaults('Russian units "have succeeded in liberating the village of Umanske", the '
                    'defence ministry said on Sunday.', pipeline, published="2024-06-02")
    assert ev.location is not None and ev.location.name == "Umanske"
    assert ev.actor1 is not None and ev.actor1.country == "RUS"
    assert assaults('The ministry said its units had "captured the village of Umanske".',
                    pipeline, published="2024-06-02") != []
    assert assaults('"Our units have captured the village of Umanske," the ministry said.',
                    pipeline, published="2024-06-02") != []
    assert assaults('"Our units will capture the village of Umanske," the ministry said.',
                    pipeline, published="2024-06-02") == []


def test_a_quoted_account_of_attacks_on_named_places_reports_them(pipeline):
    # an administration's quoted bulletin: past attacks on places it names are events, one
    # a place; quoted plans, or quotes that only retell a place told before, stay words
    evs = assaults("“The Krasnopillia, Velyka Pysarivka and Myropillia communities came under "
                   "fire,” the regional administration wrote.", pipeline,
                   published="2024-10-02")
    assert sorted(e.location.name for e in evs) == ["Krasnopillia", "Myropillia",
                                                    "Velyka Pysarivka"]
    assert assaults("“Tomorrow we will hit Belgorod,” the commander said.", pipeline,
                    published="2024-10-02") == []
    evs = assaults("A guided bomb hit a school in Kupiansk on Tuesday. “The bomb hit a school "
                   "in Kupiansk and wounded a guard,” the mayor said.", pipeline,
                   published="2024-10-02")
    assert len(evs) == 1


def test_the_launch_site_of_a_salvo_is_not_the_side_hit(pipeline):
    # a missile "fired from" a country toward a ship: that country's people were not hit
    # (the place came from an earlier sentence); the town a salvo hit keeps its side
    [ev] = assaults("The tanker sailed near Hodeidah on Sunday. A cruise missile was fired "
                    "from rebel-held parts of Yemen toward the tanker, the navy said.",
                    pipeline, published="2024-01-15")
    assert ev.actor2 is None or ev.actor2.country != "YEM"
    [ev] = assaults("Rockets fired from Lebanon hit the town of Metula on Sunday, injuring two.",
                    pipeline, published="2024-01-15")
    assert ev.actor2 is not None and ev.actor2.country == "ISR"


def test_requests_of_no_other_party(pipeline):
    def requests(text):
        return of_type("REQUEST", text, pipeline, published="2023-12-07")
    # a force calling in its own reinforcements, families sheltering in a building
    assert requests("The troops called in more reinforcements and surrounded the house.") \
        == []
    assert requests("The families had sought refuge in the school after their homes were "
                    "destroyed.") == []
    # refuge in a country asks that country; a call on allies asks them
    assert len(requests("Some 8,000 Syrians sought refuge in Turkey last month.")) == 1
    assert len(requests("Kyiv called on its allies to send more air defence systems.")) == 1


def test_a_time_in_a_clause_of_another_event_is_not_carried(pipeline):
    from datetime import date
    text = ("The two foreign ministers met in Jeddah on Tuesday, following a phone call held "
            "last week between their presidents.\n\nThe ministers agreed to restore their "
            "embassies' staff.")
    evs = extract(text, published="2025-02-18", pipeline=pipeline)
    [agree] = [e for e in evs if e.type == "AGREE"]
    assert agree.date is not None and agree.date.latest == date(2025, 2, 18)
    assert agree.date.earliest == date(2025, 2, 18)


def test_a_region_before_an_attack_word_is_where_it_fell(pipeline):
    # "the latest Zaporizhzhia attack" fell on Zaporizhzhia; it is the same incident
    evs = assaults("Russian missiles struck Zaporizhzhia overnight. The regional governor "
                   "said the latest Zaporizhzhia attack had killed three people.", pipeline,
                   published="2024-10-03")
    assert len(evs) == 1
    [ev] = evs
    assert ev.actor1.country == "RUS" and ev.fatalities == 3


def test_a_topic_listed_after_including_is_no_event(pipeline):
    # "discussed A ..., including B": B is one of the topics, whatever "including" attaches to
    text = ("The delegations also discussed humanitarian relief during the truce, including the "
            "swap of prisoners of war.")
    types = [e.type for e in extract(text, published="2025-03-11", pipeline=pipeline)]
    assert "RETREAT" not in types and "CONSULT" in types
    # outside talk, a listed event stays one
    assert assaults("Strikes went on during the truce, including the shelling of Kherson.",
                    pipeline, published="2025-03-11") != []


def test_executing_an_act_is_no_killing(pipeline):
    assert assaults("Kyiv and Moscow have executed what both capitals call the biggest swap "
                    "of captives so far.", pipeline, published="2024-01-03") == []
    assert assaults("The battalion executed the plan on Monday.", pipeline,
                    published="2024-01-03") == []
    assert len(assaults("Two men were executed by the militants in Raqqa.", pipeline,
                        published="2024-01-03")) == 1
    # executing an attack is carrying it out, whoever plans it with it
    for text in ("The two commanders took part in planning and executing the 2019 massacre "
                 "at the market, the army said.",
                 "The men helped plan and execute the bombing of the embassy."):
        assert extract(text, published="2024-01-03", pipeline=pipeline) == [], text


def test_a_toll_no_one_attack_reaches_is_the_wars_running_total(pipeline):
    # "More than 80,000 people have been wounded": a count of the war so far, told with no
    # "since" and no "war"; it neither makes an event nor adds to the strike told before it
    text = ("A strike on a school in Jabalia killed 12 people on Tuesday, medics said. More "
            "than 80,000 people have been wounded, officials in the territory said.")
    [ev] = assaults(text, pipeline, published="2024-06-12")
    assert ev.fatalities == 12 and ev.injuries is None
    assert assaults("Over 45,000 people have been killed, the ministry said.", pipeline,
                    published="2024-06-12") == []


def test_what_a_deal_provides_for_is_no_event(pipeline):
    # "Under the terms of the deal, X will ...": a term of the deal, not (yet) an act
    text = ("The two sides agreed to a truce on Tuesday. Under the terms of the deal, the army "
            "will pull its troops out of the district within 30 days.")
    evs = extract(text, published="2025-01-15", pipeline=pipeline)
    assert [e.type for e in evs] == ["AGREE"]
    # what a plan or one of its phases includes or "would see"
    text = ("The mediators' latest proposal envisions a month-long pause, alongside a swap of "
            "prisoners that would see 300 detainees freed.")
    assert of_type("RETREAT", text, pipeline, published="2025-01-15") == []
    text = "The second phase of the plan includes an exchange of prisoners and a pullback."
    assert of_type("RETREAT", text, pipeline, published="2025-01-15") == []
    # a deal described in a relative clause does not make its own verb a term
    text = "The plan, which includes a prisoner swap, was rejected by Russia on Monday."
    assert of_type("REJECT", text, pipeline, published="2025-01-15") != []
    # a term carried out is an event
    text = "Under the deal, the militants released 20 captives on Sunday."
    assert of_type("RETREAT", text, pipeline, published="2025-01-15") != []


def test_a_toll_in_round_magnitudes_is_a_running_total(pipeline):
    for text in ("Violence tied to the armed groups has killed thousands of people in the "
                 "country.",
                 "The insurgents have killed hundreds of villagers and driven a million from "
                 "their homes."):
        assert assaults(text, pipeline, published="2023-03-02") == [], text
    assert len(assaults("Gunmen have killed 15 villagers in the east, the army said.",
                        pipeline, published="2023-03-02")) == 1


def test_a_dateline_of_several_cities_names_no_filing_place(pipeline):
    from eventdesk.annotate.dateline import find_dateline
    found = find_dateline("LONDON/ ADEN/ DOHA: A missile hit a cargo ship, officials said.")
    assert found is not None and found.place.text == "LONDON/ ADEN/ DOHA"
    assert find_dateline("Kyiv/Moscow: talks ended.") is None  # running text, not capitals
    evs = extract("LONDON/ ADEN/ DOHA: The US condemned the attack on the vessel.",
                  published="2024-03-08", pipeline=pipeline)
    assert evs and all(e.location is None for e in evs)


def test_an_officials_notice_to_the_public_is_no_threat_or_request(pipeline):
    text = ("Drones struck Bila Tserkva overnight. City authorities are warning residents "
            "about smoke in some districts and asking that they stay indoors.")
    types = [e.type for e in extract(text, published="2025-09-02", pipeline=pipeline)]
    assert "THREATEN" not in types and "REQUEST" not in types
    # a warning to protesters, or a foreign army's call on another country's residents, stay
    assert [e.type for e in extract("The police warned the protesters to leave the square "
                                    "or face arrest.", published="2025-09-02",
                                    pipeline=pipeline)] == ["THREATEN"]
    assert "REQUEST" in [e.type for e in extract(
        "Israel's army urged residents of southern Lebanon to leave their homes.",
        published="2025-09-02", pipeline=pipeline)]


def test_unclear_if_is_an_open_question(pipeline):
    text = ("Drones struck a fuel depot in Oryol. Officials did not say if there were "
            "casualties among the workers.")
    types = [e.type for e in extract(text, published="2024-12-13", pipeline=pipeline)]
    assert types == ["ASSAULT"]
    # a real condition stays a threat
    assert "THREATEN" in [e.type for e in extract(
        "If the army shells the town again, the rebels will strike back.",
        published="2024-12-13", pipeline=pipeline)]


def test_a_state_evacuating_its_own_people_is_no_coercion(pipeline):
    def coerce(text):
        return of_type("COERCE", text, pipeline, published="2024-08-19")
    assert coerce("Ukrainian authorities ordered families with children to evacuate the "
                  "town of Pokrovsk on Monday.") == []
    # occupation authorities moving people out, or an army ordering another people out, are
    [ev] = coerce("Russian occupation authorities ordered residents to leave the town of "
                  "Kamianka-Dniprovska.")
    assert ev.actor1.country == "RUS"
    assert len(coerce("Israel's army ordered residents of Rafah to evacuate.")) == 1


def test_a_speaker_hung_on_the_agent_phrase_is_no_attacker(pipeline):
    # the parser hangs "Ivan Petrov, the governor, said" on "debris" as a conjunct or an
    # apposition; the speaker is not who injured the people
    for text in ("About forty people were injured by falling debris, Ivan Petrov, the "
                 "Moscow-appointed governor of the city, said on Telegram.",
                 "Twelve people were injured by flying glass, Ivan Petrov, the governor, said."):
        [ev] = assaults(text, pipeline, published="2024-06-23")
        assert ev.actor1 is None or ev.actor1.sector != "GOV", text


def test_a_trend_over_recent_months_is_no_event(pipeline):
    for text in ("Kyiv has stepped up its drone attacks on Russian fuel depots in recent "
                 "months.",
                 "In recent weeks, Moscow has intensified its strikes on the power grid."):
        assert assaults(text, pipeline, published="2025-02-05") == [], text
    # a time of a phrase beside the event does not make it a trend
    [ev] = assaults("A man was wounded by shelling in his garden in Avdiivka, a town of heavy "
                    "fighting in recent weeks.", pipeline, published="2025-02-05")
    assert ev.injuries == 1


def test_a_capital_owning_the_attack_is_no_place(pipeline):
    text = ("A drone attack in southern Russia set a fuel depot on fire on Wednesday, the "
            "governor said.\n\nKyiv calls its strikes a reply to Moscow's relentless shelling "
            "of Ukrainian towns.")
    evs = assaults(text, pipeline, published="2025-02-05")
    assert all(e.location is None or e.location.name != "Moscow" for e in evs)


def test_a_trip_that_meets_no_other_party_is_no_consultation(pipeline):
    def consults(text):
        return of_type("CONSULT", text, pipeline, published="2025-04-16")
    assert consults("Bombs hit Kherson on Wednesday, and when medics arrived at the site, "
                    "shelling resumed.") == []
    assert consults("The interior minister of Georgia arrived in Batumi on Monday.") == []
    # a party's trip to another country is a visit
    assert len(consults("The Turkish foreign minister arrived in Moscow on Monday for "
                        "talks.")) == 1


def test_a_call_with_no_caller_and_no_one_called_on_is_no_request(pipeline):
    def requests(text):
        return of_type("REQUEST", text, pipeline, published="2025-01-13")
    assert requests("The massacre drew wide condemnation and international calls for an "
                    "inquiry.") == []
    # a named caller, or a deontic "X must" addressed to a party, stay requests
    assert len(requests("The UN called for an inquiry into the massacre.")) == 1
    assert len(requests("The summit concluded that rich nations must give more money to "
                        "fight hunger.")) == 1


def test_a_state_named_as_a_party_is_not_where_the_attack_happened(pipeline):
    # the country inside the speaker's name, or the subject of another clause, is no place
    for text in ("The US Central Command said two sailors were killed when a Houthi missile "
                 "struck the tanker.",
                 "After the surge in Houthi raids on shipping, Britain formed a naval task "
                 "force."):
        evs = assaults(text, pipeline, published="2024-03-08")
        assert all(e.location is None or e.location.precision != "country" for e in evs), text
    # a country that is attacked, or where the attack happened, stays its place
    [ev] = assaults("Houthi drones struck Israel on Monday.", pipeline, published="2024-03-08")
    assert ev.location is not None and ev.location.country == "ISR"


def test_a_headline_sets_its_scene_with_a_country_modifier(pipeline):
    [ev] = assaults("Explosions rock east Ukraine airport as battle intensifies", pipeline,
                    published="2015-01-17")
    assert ev.location is not None and ev.location.country == "UKR"


def test_a_statement_told_again_in_the_same_words_is_one_event(pipeline):
    from eventdesk.merge.within import mergeable
    [a] = of_type("AGREE", "Kyiv will accept the American proposal on a truce.", pipeline,
                  published="2025-03-11")
    [b] = of_type("AGREE", "There is readiness to accept the American proposal on a truce.",
                  pipeline, published="2025-03-11")
    assert b.actor1 is None and a.trigger.text == b.trigger.text
    b = b.replace(sentence=dataclasses.replace(b.sentence, start=b.sentence.start + 500))
    assert mergeable(a, b, sentence_gap=1)
    # two parties doing the same short thing stay two
    text = ("The Baltic states imposed sanctions on the officials.\n\nLithuania imposed "
            "sanctions on eleven of them on Monday.")
    assert len(of_type("SANCTION", text, pipeline, published="2025-03-11")) == 2


def test_a_superlative_over_this_year_is_no_running_total(pipeline):
    [ev] = assaults("On Sunday, two Russian missiles hit the city of Sumy, killing 30 people in "
                    "the deadliest strike on civilians in Ukraine this year.", pipeline,
                    published="2025-04-16")
    assert ev.fatalities == 30 and ev.location.name == "Sumy"
    # a count over the year stays a running total
    assert assaults("Russian strikes have killed 300 civilians in the region this year.",
                    pipeline, published="2025-04-16") == []


def test_it_is_unclear_if_is_an_open_question(pipeline):
    from eventdesk.annotate.nlp import load_nlp
    from eventdesk.extraction.mentions import _open_question
    nlp = load_nlp()
    for text in ("It is unclear if there were casualties among the workers of the depot.",
                 "It was not clear if there were any casualties."):
        doc = nlp(text)
        [tok] = [t for t in doc if t.lower_ == "casualties"]
        assert _open_question(tok), text
    text = ("Drones struck a fuel depot in Oryol. The damage was not yet known, and it is "
            "unclear if anybody was hurt in the reported strike.")
    assert [e.type for e in extract(text, published="2024-12-13", pipeline=pipeline)] == \
        ["ASSAULT"]


def test_people_who_are_no_party_make_no_event_of_record(pipeline):
    # "people sought medical help", "medics provided assistance": ordinary people are no
    # source of a request or of aid (a state, an armed or political group, an official is)
    for text in ("Some 140 people had sought medical help after the strike, the governor said.",
                 "Emergency medics provided assistance to the wounded at the scene.",
                 "Villagers in the district appealed to the United Nations for help on Friday."):
        assert extract(text, published="2025-06-20", pipeline=pipeline) == [], text
    # people named by their community speak as that community
    text = "Kurdish residents of the town appealed to the United Nations for help on Friday."
    assert of_type("REQUEST", text, pipeline, published="2025-06-20") != []
    # a crowd's threat of a strike is its act
    text = "Farmers of the valley threatened to hold a general strike unless the tax was cut."
    assert of_type("THREATEN", text, pipeline, published="2025-06-20") != []


def test_a_state_and_its_own_people_make_no_event_of_record(pipeline):
    # a promise to the country's citizens, people allowed out of the shelters
    for text in ("The prime minister promised the country's citizens that the army would "
                 "respond.",
                 "Around 20 minutes later, people were allowed to leave the shelters."):
        assert extract(text, published="2025-06-20", pipeline=pipeline) == [], text
    # a release of captives stays one
    assert of_type("RETREAT", "The militants released 20 hostages on Sunday.", pipeline,
                   published="2025-06-20") != []


def test_people_named_in_what_was_said_are_not_its_speaker(pipeline):
    text = ("The UN rights office said the shooting of people waiting for food could be a war "
            "crime.")
    [ev] = of_type("ACCUSE", text, pipeline, published="2025-06-20")
    assert ev.actor1 is not None and ev.actor1.sector == "IGO"


def test_a_way_or_a_purpose_to_act_is_no_act(pipeline):
    # "the best way to free the hostages", "their raids are to support the rebels": a means or
    # an aim, not a release or a support that happened
    for text in ("The premier said military pressure was the only way to free the captives.",
                 "The militia says its raids are to support the villagers in the valley."):
        assert extract(text, published="2024-02-07", pipeline=pipeline) == [], text
    # an attempted attack is an attack in ACLED's codebook
    assert assaults("Guards stopped an attempt to storm the border post near Kupiansk.",
                    pipeline, published="2024-02-07") != []


def test_officials_gathered_to_discuss_met(pipeline):
    # "gathered in X to discuss": officials meet; whether a gathering is a protest, its
    # actors decide (people who are no party hold no meeting)
    text = "Armenian and Azerbaijani diplomats gathered in Vienna on Friday to discuss the deal."
    [ev] = of_type("CONSULT", text, pipeline, published="2025-03-10")
    assert ev.location.name == "Vienna" and {ev.actor1.country, ev.actor2.country} == {
        "ARM", "AZE"}
    text = "Hundreds of farmers gathered in the square to discuss the new tax."
    assert of_type("CONSULT", text, pipeline, published="2025-03-10") == []


def test_drills_begun_are_a_show_of_force_and_joint_ones_cooperation(pipeline):
    text = "The army launched military drills near the border on Monday."
    assert of_type("MOBILIZE", text, pipeline, published="2025-03-10") != []
    text = "The two armies began large-scale joint military exercises on Monday."
    assert [e.type for e in extract(text, published="2025-03-10", pipeline=pipeline)] == [
        "COOPERATE"]


def test_an_act_repeated_before_in_the_pluperfect_is_a_record_not_news(pipeline):
    # "he had been detained several times": the record of a person, no event of the report
    text = ("Police detained a student in Minsk on Friday. Before that, she had been arrested "
            "several times for joining marches.")
    assert len(of_type("COERCE", text, pipeline, published="2024-01-31")) == 1
    assert assaults("The militia had repeatedly shelled the village before the truce, "
                    "residents said.", pipeline, published="2024-01-31") == []
    # repeated on a day of its own: one event
    assert len(assaults("Russian forces shelled the town several times on Monday.", pipeline,
                        published="2024-01-31")) == 1


def test_a_cease_fire_written_with_a_hyphen_is_one_word(pipeline):
    # the tokenizer splits "cease-fire" into cease / - / fire: the "fire" is no gunfire
    text = ("The premier turned down the offer on Tuesday. His comments, made while the French "
            "envoy was visiting to push a cease-fire plan, dimmed hopes for a deal.")
    assert assaults(text, pipeline, published="2024-02-07") == []
    # and it is a truce: its violations are attacks, as the unsplit word's are
    assert len(assaults("Armenia reports sporadic violations of cease-fire", pipeline,
                        published="2024-02-07")) == 1


def test_a_town_protesting_is_where_the_protest_is(pipeline):
    # "X, the capital of Y, is protesting": the town's people protest in it; the region in
    # the apposition only says where the town is
    evs = of_type("PROTEST", "Rallies against the draft spread on Sunday. Nalchik, the capital "
                  "of Kabardino-Balkaria, protested too, witnesses said.", pipeline,
                  published="2022-09-26")
    assert [e.location.name for e in evs if e.location is not None] == ["Nalchik"]


def test_what_goes_on_now_keeps_no_earlier_day(pipeline):
    # a present progressive tells what goes on as the report is written: it does not take
    # "on Sunday" from the sentence before; a past tense still does
    evs = of_type("PROTEST", "Crowds marched in Derbent on Sunday. In Buynaksk, some 200 people "
                  "are rallying outside the town hall.", pipeline, published="2022-09-26")
    by_place = {e.location.name: e for e in evs if e.location is not None}
    assert str(by_place["Derbent"].date.best) == "2022-09-25"
    assert str(by_place["Buynaksk"].date.best) == "2022-09-26"


def test_a_bare_direction_phrase_names_the_spot(pipeline):
    # "killed a man east of X" names X's area as the spot; "Y, 50 km east of X" keeps Y
    [ev] = assaults("Soldiers shot dead a farmer east of Deir al-Balah on Monday, medics said.",
                    pipeline, published="2026-02-24")
    assert ev.location is not None and ev.location.name == "Deir al-Balah"
    [ev] = assaults("Shelling hit Vovchansk, 50 km north-east of Kharkiv, on Monday.",
                    pipeline, published="2026-02-24")
    assert ev.location is not None and ev.location.name == "Vovchansk"


def test_the_country_that_owns_the_place_hit_is_no_attacker(pipeline):
    # "in Russia's Leningrad region": the possessive says whose the region is
    [ev] = assaults("The drones struck a fuel depot in Russia's northwestern Leningrad region.",
                    pipeline, published="2025-09-14")
    assert ev.actor1 is None or ev.actor1.country != "RUS"
    assert ev.actor2 is not None and ev.actor2.country == "RUS"


def test_a_co_attacker_is_not_the_side_hit(pipeline):
    # "A and B warplanes struck X": B attacks with A; the side hit is X's
    [ev] = assaults("American and British jets bombed the port of Hodeidah on Tuesday.",
                    pipeline, published="2024-02-21")
    assert ev.actor2 is None or ev.actor2.country not in ("USA", "GBR")


def test_a_countrys_possessive_on_the_sites_hit_is_the_place(pipeline):
    # "struck Iran's nuclear sites": the sites are in Iran, the only place named; a
    # possessive on a place of its own ("Ukraine's second city") is not the spot
    [ev] = assaults("Israeli jets struck Iran's missile factories overnight, the army said.",
                    pipeline, published="2025-06-13")
    assert ev.location is not None and ev.location.country == "IRN"
    assert ev.actor2 is not None and ev.actor2.country == "IRN"


def test_an_agreement_reached_between_two_sides_is_theirs_whoever_tells_it(pipeline):
    """A passive agreement or meeting with no agent: "between X and Y" names its parties,
    not the officials who told of it; the same two parties told again in the other order
    are one agreement."""
    text = ("Qatari mediators said on Sunday that a truce agreement was reached between "
            "Sudan's army and the RSF paramilitary.\n")
    [ev] = of_type("AGREE", text, pipeline, published="2024-03-11")
    assert ev.actor1 is not None and ev.actor1.country == "SDN"
    text = ("Mediators said on Sunday that a deal was reached between Armenia and Azerbaijan."
            "\n\nBorder guards reported calm along the frontier.\n\nAzerbaijan said it had "
            "reached an agreement with Armenia.\n")
    evs = of_type("AGREE", text, pipeline, published="2024-03-11")
    assert len(evs) == 1
    assert {evs[0].actor1.country, evs[0].actor2.country} == {"ARM", "AZE"}


def test_a_mention_that_makes_the_target_its_own_attacker_joins_the_foreign_strike(pipeline):
    """Two mentions at one place and time, a foreign state's strike and a mention whose
    attacker is the target's own state (a teller's or a place's country misread), are one
    incident; armed men of the country attacking at home stay an incident of their own."""
    from eventdesk.merge.within import mergeable
    [a] = of_type("ASSAULT", "Russian missiles struck Kryvyi Rih on Tuesday, killing six.",
                  pipeline, published="2023-06-13")
    b = dataclasses.replace(a, id="b", actor1=dataclasses.replace(
        a.actor1, name="Ukraine's military", country="UKR", sector="MIL"))
    b = b.replace(sentence=dataclasses.replace(b.sentence, start=b.sentence.start + 300))
    assert mergeable(a, b, sentence_gap=3)
    c = dataclasses.replace(b, actor1=dataclasses.replace(b.actor1, name="armed men",
                                                          sector="REB"))
    assert not mergeable(a, c, sentence_gap=3)


def test_a_separate_incident_with_a_long_subject_stays_apart(pipeline):
    """"In a separate incident, a 61-year-old farm worker was killed": the words that open a
    new incident count however long the subject between them and the trigger."""
    from eventdesk.merge.within import opens_new_incident
    text = ("In a separate incident, a 61-year-old farm worker was killed by a mine dropped "
            "from a drone in the village of Vovchansk, he said.\n")
    [ev] = assaults(text, pipeline, published="2024-06-10")
    assert opens_new_incident(ev)
    [ev] = assaults("A 61-year-old farm worker was killed by a mine dropped from a drone in the "
                    "village of Vovchansk, he said.\n", pipeline, published="2024-06-10")
    assert not opens_new_incident(ev)


def test_a_campaigns_toll_is_no_incidents_count(pipeline):
    """"N civilians were killed during the offensive": the toll of a campaign, not of the
    strike the report tells."""
    text = ("A drone hit a car in the village of Tiotkino on Sunday, killing a woman, the "
            "governor said. He added that 150 residents had died throughout the cross-border "
            "offensive.\n")
    evs = assaults(text, pipeline, published="2025-05-05")
    assert evs and all(e.fatalities in (None, 1) for e in evs)


def test_two_sides_exchanging_fire_are_both_parties_of_one_fight(pipeline):
    """"X and Y forces exchanged fire" / "Y and X troops clashed": the second side of a
    reciprocal fight is its other party, and the headline telling it the other way round is
    the same fight."""
    [ev] = assaults("Indian and Chinese troops clashed on the border in Ladakh on Tuesday.",
                    pipeline, published="2024-06-10")
    assert (ev.actor1.country, ev.actor2.country) == ("IND", "CHN")
    assert ev.acled_event_type == "Battles"
    # a co-attacker stays one: "US and British warplanes struck ..."
    [ev] = assaults("US and British warplanes struck Hodeidah on Tuesday.", pipeline,
                    published="2024-06-10")
    assert ev.actor2 is None or ev.actor2.country not in ("USA", "GBR")
    text = ("Afghan and Pakistani troops clash on border\n\nPakistani and Afghan troops clashed "
            "along the border on Tuesday, officials said.\n")
    evs = assaults(text, pipeline, published="2024-06-10")
    assert len(evs) == 1
    assert {evs[0].actor1.country, evs[0].actor2.country} == {"AFG", "PAK"}


def test_a_lead_and_its_body_sentence_across_page_controls_are_one_incident(pipeline):
    """Page controls between the lead and the body ("Listen", "Share", "On", "Off") are no
    prose that sets two mentions apart; the same toll told of a region and of its town is
    one incident, at the town. Two tolls stay two strikes."""
    text = ("A woman was hurt by a drone in the Kherson region.\n\nListen\nShare\nOn\nOff\n\n"
            "In the Kherson region, a woman was hurt in the course of a raid by a drone of the "
            "Russian army on the private sector of Bilozerka.\n")
    evs = assaults(text, pipeline, published="2025-12-08")
    assert [e.location.name for e in evs] == ["Bilozerka"]
    text = ("Two women were hurt by drones in the Kherson region.\n\nListen\nShare\n\nIn the "
            "village of Bilozerka, a drone hit a car and wounded a man, officials said.\n")
    evs = assaults(text, pipeline, published="2025-12-08")
    assert len(evs) == 2


def test_two_targets_filled_in_by_the_extractor_do_not_keep_one_strike_apart(pipeline):
    """The place's civilians for a strike and the war's other side for a battle are the
    extractor's guesses (no span): they do not split one incident; a target the text names
    still does."""
    from eventdesk.records import Actor
    from eventdesk.merge.within import mergeable
    [a] = of_type("ASSAULT", "Ukrainian drones hit Berdiansk on Monday.", pipeline,
                  published="2023-10-17")
    a = dataclasses.replace(a, actor2=Actor(name="Military forces (RUS)", country="RUS",
                                            sector="MIL"))
    b = dataclasses.replace(a, id="b", actor2=Actor(name="Civilians (UKR)", country="UKR",
                                                    sector="CVL"))
    b = b.replace(sentence=dataclasses.replace(b.sentence, start=b.sentence.start + 300))
    assert mergeable(a, b, sentence_gap=2)
    named = dataclasses.replace(b, actor2=Actor(
        name="residents", country="UKR", sector="CVL", span=b.sentence))
    assert not mergeable(a, named, sentence_gap=2)


def test_a_headline_that_took_in_the_lead_keeps_the_leads_day(pipeline):
    """The headline's mention, merged with the lead that dates it, is the lead's incident:
    it does not fold into an attack on another day told further down."""
    text = ("Russian bombs hit Druzhkivka\n\n"
            "On March 3, Russian forces bombed Druzhkivka, killing two people, the governor "
            "said.\n\nRescuers worked through the night.\n\n"
            "Additionally, on February 27, Russian forces dropped two bombs on Druzhkivka.")
    evs = of_type("ASSAULT", text, pipeline, published="2025-03-03")
    assert any(e.date is not None and str(e.date.earliest) == "2025-03-03"
               and e.fatalities == 2 for e in evs), [(e.date, e.fatalities) for e in evs]


def test_arrests_by_one_side_in_one_town_on_one_day_are_one_event(pipeline):
    text = ("Police in Minsk detained at least five people for laying flowers at a memorial "
            "on Monday.\n\nTwo officers also detained a local resident, Ivan Petrov, as he "
            "left the memorial.\n\nA third person, Olga Sidorova, was detained in Minsk on "
            "Monday, a rights group said.")
    assert len(of_type("COERCE", text, pipeline, published="2024-03-05")) == 1
    # arrests on two days stay two events
    text = ("Police in Minsk detained five people at a memorial on Monday.\n\nOn Saturday, "
            "police in Minsk had detained three people at the same memorial.")
    assert len(of_type("COERCE", text, pipeline, published="2024-03-05")) == 2
