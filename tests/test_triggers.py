"""Trigger lexicon and modality on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk import extract
from eventdesk.errors import ConfigError
from eventdesk.extraction.lexicon import Lexicon, TokenView, default_lexicon
from eventdesk.extraction.mentions import find_mentions
from helpers import of_type


def types_of(nlp, text: str) -> list[str]:
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        out.extend(m.type for m in find_mentions(sent, default_lexicon()))
    return out


@pytest.mark.parametrize("text,expected", [
    ("Russian artillery shelled the town of Nikopol on Monday, wounding a woman.", "ASSAULT"),
    ("The foreign minister accused Belgrade of sabotaging the negotiations.", "ACCUSE"),
    ("The two governments agreed on Friday to cut tariffs on steel.", "AGREE"),
    ("The two governments signed a trade agreement in Vienna on Friday.", "SUPPORT"),
    ("The defence ministers met in Brussels on Tuesday.", "CONSULT"),
    ("The president welcomed the decision of the court.", "SUPPORT"),
    ("The rebels pulled back from the town after a week of fighting.", "RETREAT"),
    ("The council urged both sides to respect the truce.", "REQUEST"),
    ("The opposition leader rejected the proposal as a trap.", "REJECT"),
    ("The militia threatened to attack the convoy.", "THREATEN"),
    ("Thousands of students rallied outside the parliament on Sunday.", "PROTEST"),
    ("Washington imposed sanctions on three shipping firms.", "SANCTION"),
    ("The army deployed two brigades to the border.", "MOBILIZE"),
    ("Police detained 40 people during the night.", "COERCE"),
    ("The agency delivered 20 truckloads of flour to the camp.", "AID"),
    ("The two navies began joint exercises in the Baltic.", "COOPERATE"),
    ("The government lifted the curfew in the capital.", "CONCEDE"),
])
def test_each_type_has_a_trigger(nlp, text, expected):
    assert expected in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The army did not attack the village.",
    "If talks fail, the rebels could attack the city.",
    "The minister denied that troops had shelled the market.",
])
def test_no_assault_from_negation_hypothesis_or_denial(nlp, text):
    assert "ASSAULT" not in types_of(nlp, text)


def test_negated_participation_is_a_rejection(nlp):
    assert types_of(nlp, "The militia will not take part in the talks in Doha.") == ["REJECT"]


def test_future_attack_is_a_threat(nlp):
    assert "THREATEN" in types_of(nlp, "The group said it would fire more missiles at ships.")


def test_accusation_content_is_not_an_event(nlp):
    got = types_of(nlp, "The governor accused the army of shelling residential areas.")
    assert got == ["ACCUSE"]


def test_participle_joins_its_verb(nlp):
    got = types_of(nlp, "Drones hit a depot in the port, killing three workers and injuring two.")
    assert got == ["ASSAULT"]


def test_pattern_syntax_errors_are_config_errors():
    with pytest.raises(ConfigError):
        Lexicon.from_yaml("- id: x\n  type: NOTATYPE\n  patterns: ['hit']\n")
    with pytest.raises(ConfigError):
        Lexicon.from_yaml("- id: x\n  type: ASSAULT\n  patterns: ['* hit']\n")


def test_gap_pattern_matches_with_words_between():
    lex = Lexicon.from_yaml("- id: s\n  type: SANCTION\n  patterns: ['impose * sanctions']\n")
    toks = [TokenView(w, w, "VERB" if w == "impose" else "NOUN", i)
            for i, w in enumerate("they impose tough new sanctions".split())]
    [m] = lex.match(toks)
    assert (m.start, m.end, m.type) == (1, 5, "SANCTION")
    toks = [TokenView(w, w, "NOUN", i) for i, w in
            enumerate("impose a b c d sanctions".split())]
    assert lex.match(toks) == []


@pytest.mark.parametrize("text", [
    # military communiques and wire headlines, written for this test
    "Marines eliminated 45 occupiers and two armoured vehicles near Orikhiv",
    "Paratroopers neutralized three enemy sabotage groups near Kupiansk",
    "Deputy commander of the 64th brigade liquidated near Svatove",
    "Artillery inflicted more than 120 strikes on enemy positions",
    "Army aviation dealt a heavy blow to enemy reserves near Tokmak",
    "Rebel militia thwarts three attempts by government troops to cross the river",
    "Government troops breached the truce 40 times over the weekend",
    "Over 90 servicemen lost in the Kupiansk direction, defence ministry says",
    "Army shells rebel-held Horlivka 60 times, two militiamen killed - rebel command",
    "Five killed, water plant hit in eastern clashes",
    "Shelling flares near the border, both sides trade blame",
    "Rebels violate the \"harvest\" truce 21 times in a week",
    "Northern group of forces continues offensive near Siversk",
    "The enemy suffered heavy losses near Toretsk",
    "Two tanks and about 40 occupiers liquidated near Robotyne",
])
def test_front_line_wording_is_an_assault(nlp, text):
    assert "ASSAULT" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The reform eliminated 40 posts in the ministry.",
    "Guards fired warning shots at the boat.",
    "The three wounded soldiers were taken to a hospital in Dnipro.",
])
def test_communique_verbs_need_a_military_object(nlp, text):
    assert "ASSAULT" not in types_of(nlp, text)


def test_what_leaders_discuss_is_not_an_event(nlp):
    got = types_of(nlp, "The president met his Turkish counterpart to discuss the resumption "
                        "of prisoner exchanges.")
    assert "RETREAT" not in got
    assert "RETREAT" in types_of(nlp, "The two sides carried out a prisoner exchange on Monday.")


@pytest.mark.parametrize("text", [
    "The parliament passed a much-debated bill on mobilisation on Tuesday.",
    "The government lowered the age at which reservists can be drafted to 23.",
])
def test_mobilisation_laws(nlp, text):
    assert "MOBILIZE" in types_of(nlp, text)


def test_literal_word_forms():
    from eventdesk.extraction.lexicon import Entry, compile_pattern

    entry = Entry(id="t", type="ASSAULT", mode=None, future=None, negated=None, nominal=False,
                  weight=0.6)
    lex = Lexicon([compile_pattern(entry, "=surround|=surrounded:V")])
    hit = [TokenView("surrounded", "surround", "VERB", 0)]
    miss = [TokenView("surrounding", "surround", "VERB", 0)]
    assert lex.match(hit) and not lex.match(miss)


@pytest.mark.parametrize("text,expected", [
    ("Government forces surround the rebel-held port city", True),
    ("Talks stalled on issues surrounding territorial concessions", False),
])
def test_encirclement_but_not_the_preposition(nlp, text, expected):
    assert ("ASSAULT" in types_of(nlp, text)) == expected


def test_hyphens_do_not_count_in_gaps(nlp):
    assert "ASSAULT" in types_of(nlp, "The army mounted its long-awaited offensive in the south.")


def test_a_number_standing_for_downed_drones_is_no_attack(pipeline):
    from eventdesk.api import extract

    text = ("The air force said Russia had launched 80 Shahed-type attack drones at the country "
            "overnight, of which 52 were shot down over the central regions.")
    evs = of_type("ASSAULT", text, pipeline, published="2025-05-15")
    assert len(evs) == 1 and "launched" in evs[0].trigger.text


@pytest.mark.parametrize("text,absent", [
    # a courtesy is no offer
    ("The mayor offered condolences to the relatives of the dead.", "AGREE"),
    # the passive of "meet with" tells a reaction
    ("The ceasefire plan was met with scepticism in Kyiv and in European capitals.", "CONSULT"),
    ("The decision was met with protests outside parliament on Friday.", "CONSULT"),
    # a question put to a speaker
    ("When asked whether talks would resume, the minister said it was too early.", "REQUEST"),
    ("Asked about the drone attack, the spokesman declined to comment.", "REQUEST"),
    # a negated supposition
    ("The envoy said sanctions would follow if Tehran did not accept the terms.", "REJECT"),
    # an earlier event the report points back to
    ("The latest attack follows explosions at an ammunition depot in the region.", "ASSAULT"),
])
def test_constructions_that_name_no_event(nlp, text, absent):
    got = types_of(nlp, text)
    assert got.count(absent) <= (1 if absent == "ASSAULT" else 0), got


def test_a_meeting_in_the_active_voice_is_still_a_meeting(nlp):
    assert "CONSULT" in types_of(nlp, "The foreign ministers met with the envoy in Ankara.")
    assert "REQUEST" in types_of(nlp, "The president asked the allies to send more air defence.")


def test_a_reception_needs_a_party_as_its_object(pipeline):
    from eventdesk import extract

    got = extract("Kyiv received the remains of 40 soldiers on Friday, officials said.",
                  published="2025-03-07", pipeline=pipeline)
    assert "CONSULT" not in [e.type for e in got]
    got = extract("President Erdogan received the Ukrainian foreign minister in Ankara on "
                  "Friday.", published="2025-03-07", pipeline=pipeline)
    assert "CONSULT" in [e.type for e in got]


@pytest.mark.parametrize("text", [
    # a present-tense relative clause describes a standing state
    "Drones hit a depot in the east, where government troops are fighting rebel units.",
    "The Lancet is a loitering munition that the army uses to strike artillery positions.",
    # bare plural attacks in a habitual statement
    "The ministry rarely comments on attacks inside Russia.",
    "Officials have repeatedly voiced concern over previous attacks along the border.",
])
def test_descriptions_and_habits_name_no_attack(nlp, text):
    assert types_of(nlp, text).count("ASSAULT") <= (1 if text.startswith("Drones") else 0)


def test_a_one_line_headline_tells_past_events_in_the_present(pipeline):
    from eventdesk import extract

    got = extract("Army reports three soldiers killed in attacks near Avdiivka",
                  published="2016-01-31", pipeline=pipeline)
    assert "ASSAULT" in [e.type for e in got]


def test_named_word_sets_stand_for_their_words():
    lex = Lexicon.from_yaml(
        "sets:\n  GOODS: [flour, fuel]\n"
        "triggers:\n- id: a\n  type: AID\n  patterns: ['deliver * &GOODS|water']\n")
    for word in ("flour", "fuel", "water"):
        toks = [TokenView(w, w, "VERB" if w == "deliver" else "NOUN", i)
                for i, w in enumerate(f"they deliver {word}".split())]
        assert [m.type for m in lex.match(toks)] == ["AID"]
    toks = [TokenView(w, w, "NOUN", i) for i, w in enumerate("they deliver mail".split())]
    assert lex.match(toks) == []


def test_unknown_word_set_is_a_config_error():
    with pytest.raises(ConfigError, match="GOODS"):
        Lexicon.from_yaml("triggers:\n- id: a\n  type: AID\n  patterns: ['deliver * &GOODS']\n")


@pytest.mark.parametrize("text,expected", [
    ("Rebels Ambushed Army Convoy Near Gao", "ASSAULT"),
    ("Kremlin Rejects Peace Plan As Unacceptable", "REJECT"),
    ("Protesters Stormed Parliament Building In Capital", "ASSAULT"),
])
def test_title_case_headlines_read_their_verbs(nlp, text, expected):
    """The tagger reads every word of a title-case headline as a proper noun; the English
    lemma tables give the words back their lemmas."""
    assert expected in types_of(nlp, text)


@pytest.mark.parametrize("text,absent", [
    ("According to the woman who shot the video, the crowd scattered.", "ASSAULT"),
    ("The plan sets out several ways to cease fire along the front.", "ASSAULT"),
    ("Some nations have refused to recognise the new government.", "REJECT"),
    ("Many analysts warned that the truce would not hold.", "THREATEN"),
    ("The network laundered money to support the armed group.", "SUPPORT"),
    ("In a landmark ruling last July, the court called for the release of the detainees.",
     "REQUEST"),
])
def test_more_constructions_that_name_no_event(nlp, text, absent):
    from datetime import date

    from eventdesk import extract

    got = [e.type for e in extract(text, published=str(date(2025, 3, 4)))]
    assert absent not in got, got


def test_a_named_state_refusing_is_still_a_rejection(nlp):
    assert "REJECT" in types_of(nlp, "Hungary has refused to recognise the new government.")


def test_a_forecast_is_no_threat(nlp):
    assert "THREATEN" not in types_of(nlp, "The minister warned the death toll would rise "
                                           "as rescuers searched the rubble.")
    assert "THREATEN" not in types_of(nlp, "The regional governor warned the death toll "
                                           "would probably grow as many residents were still "
                                           "missing.")
    assert "THREATEN" in types_of(nlp, "The minister warned that the army would respond to "
                                       "any attack.")


@pytest.mark.parametrize("text", [
    # the perfect with an adverb of repetition: a record up to now
    "Russia has repeatedly struck grain terminals in the south since leaving the deal.",
    # a past clause of "since" with a gerund: the span's start
    "Russia has kept its fleet in port since withdrawing from the accord.",
    # a gerund as the subject of a present tense: the act in general
    "Ukrainian officials say hitting oil depots hurts the Russian army.",
    # the relative clause of attacks told as recurrent
    "The raid answered previous attacks on the outposts that have killed four soldiers.",
    # the simple present with an adverb of repetition: a habit
    "The army regularly shells the villages along the river.",
    # attacks told as daily: a run of them, not one
    "Recent weeks have seen near-daily incursions into the border villages.",
    # a plot foiled: a plan stopped, no attack
    "Security agents foiled a plot to attack a military airfield, the agency said.",
])
def test_records_and_acts_in_general_are_no_events(nlp, text):
    assert not {"ASSAULT", "RETREAT", "REJECT"} & set(types_of(nlp, text)), text


def test_calls_with_leaders_and_downgraded_ties(pipeline, nlp):
    # a call with named leaders is a conversation held, also as the fronted setting of what
    # the caller then said
    text = ("In separate calls with Chadian President Mahamat Deby and Nigerien leader "
            "Abdourahamane Tiani, Ruto urged restraint.")
    assert of_type("CONSULT", text, pipeline, published="2024-03-05")
    assert not of_type("CONSULT", "Protesters ignored calls with megaphones to leave the "
                                  "square.", pipeline, published="2024-03-05")
    assert "SANCTION" in types_of(nlp, "Quito answered by downgrading relations with Bogota.")


@pytest.mark.parametrize("text,expected", [
    ("Kenya has seen a sharp rise in bandit attacks in the north since March.", []),
    ("The province has been struck by decades of unrest, the report said.", []),
    ("The depot was hit by artillery on Monday.", ["ASSAULT"]),
])
def test_a_trend_of_attacks_or_years_of_violence_is_no_incident(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


def test_blasts_reported_at_named_places_happened(pipeline):
    # a bare plural reported or heard at named places tells that it happened there: one
    # attack per town; with no place it stays a reference
    text = "Explosions were reported in Lviv, Rivne and Lutsk overnight.\n"
    evs = of_type("ASSAULT", text, pipeline, published="2024-11-17")
    assert {e.location.name for e in evs if e.location} == {"Lviv", "Rivne", "Lutsk"}
    assert not of_type("ASSAULT", "Explosions were reported, officials said.\n", pipeline,
                       published="2024-11-17")


@pytest.mark.parametrize("text,absent", [
    # a subject with "no": nothing of the kind happened
    ("No large crowds gathered outside the court this time.", "PROTEST"),
    # a source's condition for speaking
    ("He described the raid to Reuters, asking for anonymity to protect his family.",
     "REQUEST"),
    # a demand told before, referred to with "as"
    ("The prime minister has refused to resign as demanded.", "REQUEST"),
    # a way or a chance to do it is not doing it
    ("The plan is the best way to reach a truce and free the hostages held in Gaza, the "
     "envoy said.", "RETREAT"),
    # the aim of talks is not reached
    ("The two sides have been conducting talks in Doha to reach a deal.", "AGREE"),
])
def test_what_did_not_happen_or_was_only_aimed_at(pipeline, text, absent):
    assert absent not in [e.type for e in extract(text, published="2025-02-01",
                                                  pipeline=pipeline)]


def test_a_zero_toll_and_an_aim_reached_are_kept(nlp):
    assert "ASSAULT" in types_of(nlp, "Shelling hit the town, and no one was hurt.")
    assert "AGREE" in types_of(nlp, "The two sides reached a deal in Doha on Monday.")
    assert "ASSAULT" in types_of(nlp, "No fewer than nine soldiers were killed in the raid.")
    # "no" on another subject of the clause leaves the trigger's own event alone
    assert "ASSAULT" in types_of(nlp, "No casualties were reported after 15 enemy attacks "
                                      "near the town.")
    # what one continues to do, one does
    assert "AID" in types_of(nlp, "Britain continued to send weapons to Kyiv last year.")


def test_a_thing_that_threatens_to_happen_is_no_threat(nlp):
    # an incident, a dispute, a clause "which threatened to ...": a risk, no one threatened
    assert "THREATEN" not in types_of(nlp, "A man was shot at the checkpoint, which "
                                           "threatened to inflame the standoff.")
    assert "THREATEN" not in types_of(nlp, "The row over the port threatened to derail "
                                           "the talks.")
    assert "THREATEN" in types_of(nlp, "The militia threatened to attack the garrison.")


def test_a_pledged_reprisal_is_a_threat_not_a_promise(nlp):
    types = types_of(nlp, "The president pledged a tough response to the looting.")
    assert "THREATEN" in types and "AGREE" not in types
    assert "AGREE" in types_of(nlp, "The president pledged more aid to the flood victims.")


def test_abductions_are_acled_abductions(pipeline):
    # PLOVER's ASSAULT of mode "abduct"; ACLED's Violence against civilians / Abduction,
    # whatever arms the kidnappers carried
    for text in ("Gunmen abducted 20 villagers near Gusau on Monday.",
                 "Armed men kidnapped four road workers near Kharan on Sunday.",
                 "The militants took 12 passengers hostage on the highway on Friday."):
        [ev] = of_type("ASSAULT", text, pipeline, published="2023-10-17")
        assert ev.mode == "abduct", text
        assert (ev.acled_event_type, ev.acled_sub_event_type) == (
            "Violence against civilians", "Abduction/forced disappearance"), text
    # an arrest by the police stays COERCE
    assert of_type("COERCE", "Police detained 20 protesters in Gusau on Monday.", pipeline,
                   published="2023-10-17") != []


def test_the_media_are_no_attackers(pipeline):
    from eventdesk import extract

    got = extract("AFP footage showed children walking through bombed buildings in Gaza City "
                  "on Monday.", published="2025-07-03", pipeline=pipeline)
    assert all(e.actor1 is None or e.actor1.sector != "MED" for e in got)


def event_types(pipeline, text: str, published: str = "2024-02-01") -> list[str]:
    """Types of the events the whole pipeline (document stage included) finds in ``text``."""
    from eventdesk import extract

    return [e.type for e in extract(text, published=published, pipeline=pipeline)]


def one_event(pipeline, text: str, published: str, etype: str = "ASSAULT"):
    """The one event of type ``etype`` the whole pipeline finds in ``text``."""
    from eventdesk import extract

    [ev] = [e for e in extract(text, published=published, pipeline=pipeline)
            if e.type == etype]
    return ev


def test_advice_with_no_addressee_is_no_threat(pipeline):
    def types(text):
        return event_types(pipeline, text)

    # a warning to no one that names no harm the speaker would do: advice
    assert "THREATEN" not in types("The maritime security agency warned on Monday that vessels "
                                   "in the strait should report any suspicious approach.")
    # a warning that names a consequence stays a threat, addressee or not
    assert "THREATEN" in types("The interior ministry warned it would no longer tolerate "
                               "unlicensed rallies.")
    assert "THREATEN" in types("The defence minister warned that any incursion would meet a "
                               "harsh response.")


@pytest.mark.parametrize("text", [
    "Officials in the capital questioned whether any conscripts were killed in the blast.",
    "It is still unclear whether the drones hit the fuel depot.",
])
def test_an_indirect_question_tells_no_event(nlp, text):
    assert "ASSAULT" not in types_of(nlp, text)


def test_a_told_event_beside_a_question_stays(nlp):
    assert "ASSAULT" in types_of(nlp, "The drones hit the fuel depot, and officials asked "
                                      "whether the fire had spread.")


@pytest.mark.parametrize("text", [
    "The army said the militia deployed suicide drones against the garrison.",
    "Attack helicopters were deployed over the valley at dawn.",
])
def test_weapons_sent_into_an_attack_are_no_mobilisation(nlp, text):
    assert "MOBILIZE" not in types_of(nlp, text)


def test_troops_deployed_are_a_mobilisation_and_deployed_drones_keep_their_strike(nlp):
    assert "MOBILIZE" in types_of(nlp, "The government deployed troops to the northern border.")
    assert "ASSAULT" in types_of(nlp, "The insurgents deployed drones to attack the airbase.")


def test_attempts_at_talks_and_pressure_to_act_are_no_events(nlp):
    assert "CONSULT" not in types_of(nlp, "Despite repeated attempts at mediation, the clashes "
                                          "continued.")
    assert "REJECT" not in types_of(nlp, "Campaigners pressured senators to reject the budget.")
    assert "REJECT" in types_of(nlp, "The senators rejected the budget.")


@pytest.mark.parametrize("text,absent", [
    ("The opposition leader has said he is open to a direct meeting with the president.",
     "CONSULT"),
    ("For weeks, Norway and Oman have been trying to mediate a truce.", "CONSULT"),
    ("The statement came two days before Brazil hosts the climate summit in Belem.", "CONSULT"),
    ("The envoy flew home before the talks resume on Thursday.", "CONSULT"),
    # what is wanted, or a door left open, is not held
    ("The ministers stressed the need for direct talks between the two capitals.", "CONSULT"),
    ("The road is now open for a third round of negotiations, the envoy said.", "CONSULT"),
    # "meet" a need, a demand or one's death: no meeting
    ("The grant is meant to meet the most urgent needs of the city.", "CONSULT"),
    ("The rebels said they would return the town once their demands were met.", "CONSULT"),
])
def test_readiness_attempts_and_what_has_not_happened_yet(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The government suspended its negotiations with the guerrillas on Friday.",
    "The rebel delegation broke off talks with the mediators in Doha.",
    "The opposition walked out of the dialogue with the ruling party.",
    "The leaders' summit was postponed after the border clash.",
])
def test_a_meeting_called_off_is_no_meeting(nlp, text):
    assert "CONSULT" not in types_of(nlp, text)


def test_breaking_off_talks_halts_negotiations(nlp):
    # PLOVER SANCTION covers halting negotiations (CAMEO 164)
    assert "SANCTION" in types_of(nlp, "The rebel delegation broke off talks with the mediators "
                                       "in Doha.")
    assert "CONSULT" in types_of(nlp, "The rebel delegation resumed talks with the mediators "
                                      "in Doha.")


def test_an_attempted_attack_is_still_an_attack(nlp):
    assert "ASSAULT" in types_of(nlp, "Militants tried to storm the police station at dawn.")


def test_declining_to_take_questions_is_no_rejection(pipeline):
    assert "REJECT" not in event_types(pipeline, "The prime minister declined to take questions "
                                                 "from reporters on Friday.", "2024-03-02")


def test_troops_marching_are_no_protest(pipeline):
    assert "PROTEST" not in event_types(pipeline, "Hundreds of soldiers marched out of the "
                                                  "besieged fortress on Monday.", "2022-09-22")
    assert "PROTEST" in event_types(pipeline, "Thousands of veterans marched through the capital "
                                              "on Monday to demand higher pensions.",
                                    "2022-09-22")


@pytest.mark.parametrize("text", [
    # the site of an attack tells no new attack
    pytest.param("Residents inspect the site of an overnight air strike in the town.",
                 id="site"),
    pytest.param("Footage showed the aftermath of a drone attack on the depot.",
                 id="aftermath"),
    # crowd control is no armed attack
    pytest.param("Police fired tear gas at the marchers near the square.", id="tear-gas"),
    pytest.param("Officers fired water cannon and rubber bullets into the crowd.",
                 id="water-cannon"),
    # serving with a side is no fight ("fighting for control of" still is)
    pytest.param("The exchange also freed three Chileans who fought for Ukraine.",
                 id="served-for"),
    # a capitalised battle name mid-sentence is history or a campaign's name
    pytest.param("The march fell on the anniversary of the Battle of Poltava.",
                 id="named-battle"),
    # a dispute over an issue, with no one clashed with
    pytest.param("Differences over Taiwan and clashes over tariffs marked the call.",
                 id="dispute"),
    # a measure aimed at people
    pytest.param("The arrests mainly targeted former prisoners and students.", id="measure"),
    # recurrent attacks, the parser joining "repeated" to the first noun of a pair
    pytest.param("The rebels have made repeated rocket and mortar attacks on the base.",
                 id="repeated"),
])
def test_constructions_that_tell_no_armed_attack(nlp, text):
    assert "ASSAULT" not in types_of(nlp, text)


def test_forces_closing_roads_are_no_protest(pipeline):
    assert "PROTEST" not in event_types(
        pipeline, "Israeli troops raided Nablus on Monday. The soldiers also blocked traffic in "
                  "the old city.")
    assert "PROTEST" in event_types(pipeline, "Farmers blocked traffic on the main highway on "
                                              "Monday to protest grain imports.")


def test_riot_police_are_no_riot(nlp):
    assert "PROTEST" not in types_of(nlp, "Riot police guarded the ministry on Sunday.")
    assert "PROTEST" in types_of(nlp, "A riot broke out in the prison on Sunday.")


def test_a_recording_of_an_attack_is_no_attack(nlp):
    """"the raid video", "strike footage": the noun names a recording, not an event."""
    assert "ASSAULT" not in types_of(nlp, "The channel that first aired the raid video said "
                                          "the tanker belonged to an Israeli firm.")
    assert "ASSAULT" in types_of(nlp, "The raid on the port began at dawn on Sunday.")


def test_an_air_defence_claim_tells_the_other_sides_salvo(pipeline):
    # whose drones were downed names the attacker; the defender is the target
    text = ("The defence ministry in Moscow said its air defences downed 31 Ukrainian drones "
            "over the Kursk region overnight.")
    ev = one_event(pipeline, text, "2025-03-02")
    assert ev.actor1.country == "UKR" and ev.actor2.country == "RUS"
    assert ev.location is not None and ev.location.precision == "admin1"
    # with no owner named, the claim stays no event
    assert "ASSAULT" not in event_types(
        pipeline, "Air defence units destroyed 14 drones over the region overnight.")


def test_an_interception_tells_the_salvo_of_whoever_fired(pipeline):
    text = "A missile fired by the Houthis was intercepted over southern Israel on Friday."
    ev = one_event(pipeline, text, "2025-05-23")
    assert ev.actor1.country == "YEM" and ev.actor2.country == "ISR"
    # a boat stopped at sea is no salvo
    assert "ASSAULT" not in event_types(
        pipeline, "The coast guard intercepted a boat carrying fuel off the coast on Friday.")


def test_a_possessive_the_parser_reads_as_negation_negates_nothing(pipeline):
    # the small model sometimes labels a curly "’s" as `neg` in a headline
    from eventdesk import extract

    evs = extract("Toll from the militia’s shelling of Horlivka climbs to three",
                  published="2021-06-02", pipeline=pipeline)
    assert [e.type for e in evs] == ["ASSAULT"]
    assert evs[0].fatalities == 3


def test_since_early_morning_is_no_running_total(pipeline):
    text = "A soldier was killed near Avdiivka amid nine enemy attacks since early morning."
    assert event_types(pipeline, text) == ["ASSAULT"]
    assert event_types(pipeline, "Nine soldiers have been killed near Avdiivka since early "
                                 "spring, the brigade said.") == []


@pytest.mark.parametrize("text,expected", [
    # an inquiry presupposes what it looks into; a definite one names a known event
    ("Prosecutors are investigating a killing of two farmers in Pervomaiske.", ["ASSAULT"]),
    ("Police probe deadly attack on a checkpoint near Toretsk", ["ASSAULT"]),
    ("Police are investigating the attack, the ministry said.", []),
])
def test_an_inquiry_presupposes_what_it_looks_into(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    ("The ministry said it had no plans to strike targets across the border.", []),
    ("The army announced plans to storm the town.", ["THREATEN"]),
    # a plot or a conspiracy to do it is not the deed
    ("The minister called the riots a conspiracy by foreign services to destroy the state.",
     []),
    ("Officials spoke of a plot by two cells to bomb the ministry.", []),
])
def test_a_noun_of_intent_governs_its_infinitive(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t in ("ASSAULT", "THREATEN")] == expected


@pytest.mark.parametrize("text", [
    # what one prefers or contemplates doing is not done
    "A prisoner told reporters why so many conscripts prefer to surrender.",
    "The governor had contemplated resigning but stayed on.",
])
def test_what_is_preferred_or_contemplated_is_not_done(nlp, text):
    assert not {"RETREAT", "CONCEDE"} & set(types_of(nlp, text))


def test_a_withdrawal_told_is_a_retreat(nlp):
    assert "RETREAT" in types_of(nlp, "Army units withdrew from the village on Monday.")


@pytest.mark.parametrize("text,expected", [
    # a measure withdrawn is a concession; an envoy withdrawn, relations reduced
    ("The cabinet withdrew the new media law after two days of protests.", "CONCEDE"),
    ("The ministry has withdrawn the decree on fuel prices.", "CONCEDE"),
    ("Niamey withdrew its ambassador from Abidjan on Tuesday.", "SANCTION"),
    ("Army units withdrew from the village on Monday.", "RETREAT"),
])
def test_what_is_withdrawn_decides_the_type(nlp, text, expected):
    found = types_of(nlp, text)
    assert expected in found and (expected == "RETREAT" or "RETREAT" not in found)


@pytest.mark.parametrize("text,expected", [
    # a retreat forced in a fight or a clash, with no ground named, is the fight's outcome
    ("The guards fought off the raiders and forced them to retreat on Sunday.", False),
    ("Students pushed past the barricades and forced the riot police to fall back.", False),
    ("The gunmen were compelled to retreat after the assault failed.", False),
    # a withdrawal from a named place stays one, forced or not
    ("The garrison was forced to withdraw from the town on Tuesday.", True),
    ("The rebels retreated after two days of heavy fighting.", True),
])
def test_a_forced_retreat_with_no_ground_named_is_no_event(nlp, text, expected):
    assert ("RETREAT" in types_of(nlp, text)) is expected


@pytest.mark.parametrize("text,expected", [
    # a peace deal or a truce signed is agreed to; other agreements signed are SUPPORT
    ("The two governments signed a peace agreement in the capital on Friday.", "AGREE"),
    ("Army and rebel commanders signed a truce on Monday.", "AGREE"),
    ("The warring factions signed the ceasefire deal after a week of talks.", "AGREE"),
    ("The two countries signed a treaty of friendship on Monday.", "SUPPORT"),
    ("The ministers signed a trade agreement worth two billion dollars.", "SUPPORT"),
])
def test_signing_a_peace_deal_is_agreeing_to_it(nlp, text, expected):
    got = [t for t in types_of(nlp, text) if t in ("AGREE", "SUPPORT")]
    assert got == [expected]


@pytest.mark.parametrize("text,expected", [
    # the fighting as what a cessation stops is the war going on, not an incident
    ("Envoys met in Doha to discuss a plan to halt fighting in Sudan for a month.", []),
    ("The council called for an end to the attacks on the capital.", []),
    ("A pause in the shelling of the port began at noon.", []),
    # one operation brought to an end happened
    ("Army units ended a three-day raid on the camp on Friday.", ["ASSAULT"]),
    # "before" with a present tense: the assault has not begun
    ("Mediators hope for a truce before the army proceeds with an assault on the city.", []),
])
def test_fighting_that_is_stopped_or_not_yet_begun_is_no_incident(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t in ("ASSAULT", "THREATEN")] == expected


@pytest.mark.parametrize("text", [
    "Rebels are fighting for control of the airport.",
    "Riot police clashed with students over the new law on Sunday.",
])
def test_fighting_for_ground_and_clashing_with_someone_stay_fighting(nlp, text):
    assert "ASSAULT" in types_of(nlp, text)


def test_a_blame_for_bare_deaths_presupposes_them(nlp):
    assert "ASSAULT" in types_of(nlp, "Brussels blames Moscow for death of four in the east")
    # the definite one names an attack told elsewhere in the report
    assert "ASSAULT" not in types_of(nlp, "The governor blamed the rebels for the attack.")


def test_forces_advancing_fight_and_a_deal_advanced_does_not(nlp):
    assert "ASSAULT" in types_of(nlp, "Army units advanced twelve kilometres in two days.")
    assert "ASSAULT" not in types_of(nlp, "Mediators hope to advance a deal this week.")
    # a relative clause in the present perfect progressive tells a standing state
    assert "ASSAULT" not in types_of(
        nlp, "It may draw troops from the east, where government forces have been advancing.")


@pytest.mark.parametrize("text,absent", [
    # a blaze told beside explosions, or fought, is damage, not gunfire
    ("The raid follows blasts and fire at a fuel terminal near the border.", "ASSAULT"),
    ("Fire crews battled fires at the warehouse through the night.", "ASSAULT"),
    ("The new cabinet promised to combat corruption in the customs service.", "ASSAULT"),
    # backing a claim with evidence is no support of a party
    ("The ministry offered no proof to back up the allegation.", "SUPPORT"),
    ("Satellite images support the villagers' account.", "SUPPORT"),
    # a relative clause in the present passive describes an actor
    ("The militia, which the government says is funded by Kigali, rejected the talks.",
     "SUPPORT"),
    ("The group, which is backed by Tehran, denied the report.", "SUPPORT"),
    # a participle or participial adjective that describes a noun: "the X-backed group",
    # "the demobilized guerrilla" (the tagger may read them as a past tense or an adjective)
    ("Ships were hit again as the Moscow-backed militias vow to keep firing.", "SUPPORT"),
    ("A splinter of the demobilized guerrilla army claimed the bombing.", "RETREAT"),
    # an object denied by "no": nothing was offered, promised or given
    ("The militia offered no evidence to support the account.", "AGREE"),
    ("The envoy gave no pledge to the families.", "AGREE"),
])
def test_blazes_ills_corroboration_and_descriptions_are_no_events(nlp, text, absent):
    assert absent not in types_of(nlp, text)


def test_an_infinitive_of_a_habit_is_no_event(nlp):
    # the infinitive (and its conjuncts) of a generic present shares its habit
    text = ("Residents stay indoors. The gunners use drones to follow, chase and hit every car "
            "they spot. Shops close early.")
    assert "ASSAULT" not in types_of(nlp, text)
    text = ("Residents stayed indoors. The gunners used drones to follow, chase and hit a car "
            "they spotted. Shops closed early.")
    assert "ASSAULT" in types_of(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Soldiers opened fire on the convoy.", "ASSAULT"),
    ("The patrol came under heavy fire near the village.", "ASSAULT"),
    ("Government troops battled rebels near the airport.", "ASSAULT"),
    ("Washington backed Kyiv's bid to join the alliance.", "SUPPORT"),
    ("The rebels, who the army says attacked the town on Monday, fled north.", "ASSAULT"),
    ("About 400 fighters were demobilized under the peace deal on Monday.", "RETREAT"),
    ("The militia offered a truce to the army on Monday.", "AGREE"),
])
def test_gunfire_fighting_and_support_of_a_party_stay(nlp, text, expected):
    assert expected in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The assault brigades met heavy resistance outside the town on Friday.",
    "The draft budget met harsh criticism from the opposition benches on Tuesday.",
    "The contractor met the deadline for the bridge repairs.",
])
def test_meeting_resistance_criticism_or_a_deadline_is_no_consultation(nlp, text):
    assert "CONSULT" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The army said on Friday it had received the bodies of 600 people it says were troops "
    "killed in the war.",
    "The remains of 80 marines killed near the river were returned to their families.",
    "The authorities said the bodies of 200 killed fighters were handed over on Monday.",
])
def test_the_dead_handed_back_are_no_attack(nlp, text):
    assert "ASSAULT" not in types_of(nlp, text)


def test_bodies_recovered_after_a_strike_keep_the_killing(nlp):
    assert "ASSAULT" in types_of(
        nlp, "Rescuers recovered the bodies of four people killed in the strike on Monday.")


def test_meeting_a_counterpart_stays_a_consultation(nlp):
    assert "CONSULT" in types_of(
        nlp, "The defence minister met her Polish counterpart in Warsaw on Friday.")


def test_talks_an_attempt_takes_as_its_object_are_not_held(nlp):
    assert "CONSULT" not in types_of(
        nlp, "Envoys will fly to Cairo next week to try to restart talks on a truce.")
    assert "CONSULT" in types_of(nlp, "Envoys restarted talks on a truce in Cairo on Monday.")


def test_the_visitor_received_is_the_meetings_first_party(pipeline):
    text = "President Erdogan received Moldova's president in Ankara on Tuesday."
    ev = one_event(pipeline, text, "2025-03-05", "CONSULT")
    assert (ev.actor1.country, ev.actor2.country) == ("MDA", "TUR")


def test_an_order_to_strike_is_no_threat(nlp):
    got = types_of(nlp, "The defence minister ordered the army to strike the militia's bases.")
    assert "THREATEN" not in got and "ASSAULT" not in got
    assert "THREATEN" in types_of(nlp, "The army threatened to strike the militia's bases.")


def test_weapons_sent_targeting_a_place_tell_the_attack(pipeline):
    text = ("The army said the militia deployed suicide drones targeting a number of "
            "civilian sites in Kadugli late on Saturday.")
    ev = one_event(pipeline, text, "2025-10-05")
    assert ev.trigger.text == "targeting"
    assert ev.actor1 is not None and ev.actor1.name.lower().endswith("militia")
    assert ev.location is not None and ev.location.name == "Kadugli"
    # a participle on weapons nobody sent describes them
    assert "ASSAULT" not in event_types(pipeline, "Residents saw drones circling the city.")


def test_a_measure_nobody_took_against_nobody_is_no_event(pipeline):
    assert "SANCTION" not in event_types(
        pipeline, "Weeks of shelling caused a halt in border trade at the crossing.")
    assert "SANCTION" in event_types(
        pipeline, "Washington ordered a halt in arms deliveries to the junta on Monday.")


def test_flooded_with_calls_is_no_meeting(nlp):
    assert "CONSULT" not in types_of(
        nlp, "Senators have been inundated with phone calls and emails about the bill.")
    assert "CONSULT" in types_of(
        nlp, "The president held phone calls with the leaders of France and Germany on Monday.")


def test_what_a_crowd_shouts_is_no_act_of_record(pipeline):
    got = event_types(pipeline, "Crowds accused foreign embassies of backing the rebels.")
    assert "ACCUSE" not in got
    assert "ACCUSE" in event_types(
        pipeline, "The foreign ministry accused foreign embassies of backing the rebels.")
    assert "REQUEST" not in event_types(
        pipeline, "Thousands of protesters marched on Sunday demanding new elections.")


@pytest.mark.parametrize("text,expected", [
    # a verb coordinated after "but", or with its own auxiliary, borrows no negation
    ("The envoy has not published the proposal, but has floated pausing the fighting and "
     "accepting their control of the port.", []),
    ("The army did not comment but shelled the town again.", ["ASSAULT"]),
    # ... while a bare coordinated verb still shares it
    ("Moscow will not attend the talks or sign the deal.", ["REJECT"]),
])
def test_a_contrasted_conjunct_keeps_its_own_polarity(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t in ("ASSAULT", "REJECT")] == expected


@pytest.mark.parametrize("text", [
    "The broadcast was designed to appeal to donors abroad.",
    "The minister proposed to meet his counterpart next month.",
    "Officials are considering to sanction the bank.",
])
def test_aims_and_proposals_do_not_assert_their_infinitive(nlp, text):
    assert [t for t in types_of(nlp, text) if t in ("REQUEST", "CONSULT", "SANCTION")] == []


@pytest.mark.parametrize("text,expected", [
    # "new" marks the latest attack of a series, not a planned one ...
    ("Referendum plans and new shelling of Donetsk: the day's events", ["ASSAULT"]),
    # ... while a feared or expected one is still no event
    ("Officials fear new strikes on the power grid this winter.", []),
    ("The army is preparing possible strikes on the depots.", []),
])
def test_new_attacks_are_the_latest_not_planned(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a headline with no finite verb: the participle with its agent is the event
    ("More than 40 armoured vehicles of the army destroyed by artillery near Kupiansk",
     ["ASSAULT"]),
    ("Fuel depot hit by drones in Bryansk region", ["ASSAULT"]),
    # a participle describing a noun of a sentence with its own verb stays a description
    ("The bridge destroyed by floods in 2010 was rebuilt last year.", []),
])
def test_a_telegraphic_passive_headline_is_an_event(nlp, text, expected):
    doc = nlp(text)
    found = []
    for sent in doc.sents:
        found.extend(m.type for m in find_mentions(sent, default_lexicon(), headline=True))
    assert [t for t in found if t == "ASSAULT"] == expected


def test_a_longer_match_that_names_the_object_outranks_a_bare_verb(nlp):
    """"ousted the consular staff" is an expulsion of diplomats (a sanction), not the "ousted" of
    a battle; troops that oust rebels from a town still fight."""
    assert types_of(nlp, "Washington ousted the consular staff of the mission.") == ["SANCTION"]
    assert "ASSAULT" in types_of(nlp, "Government troops ousted the rebels from the town.")


@pytest.mark.parametrize("text,expected", [
    ("Previous attacks by border troops on army posts have been a recurring problem.", []),
    ("Past strikes on the port had closed it for weeks.", []),
    ("Fresh strikes on the port closed it on Monday.", ["ASSAULT"]),
])
def test_previous_attacks_are_recalled_not_news(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    ("The president hailed that diplomacy had been revived.", []),
    ("The minister welcomed that the talks would resume.", []),
    # praise of a party or of its act stays support
    ("The minister welcomed the decision of the court.", ["SUPPORT"]),
    ("The president praised the Turkish mediators.", ["SUPPORT"]),
])
def test_praise_of_a_state_of_affairs_supports_no_party(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "SUPPORT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a past clause of "since" is where a span of time starts: known, not news
    ("The barrage adds to the strain on the grid two years since Moscow launched its "
     "invasion.", []),
    ("Tehran's sway in the region rose steadily since it began arming the militias.", []),
    # the clause "since" governs is the earlier event; the main clause is still news
    ("Since the army pulled out on Monday, rebels have shelled the town twice.", ["ASSAULT"]),
])
def test_a_clause_of_since_is_the_start_of_a_span_not_news(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t in ("ASSAULT", "SUPPORT", "RETREAT")] == expected


@pytest.mark.parametrize("text,expected", [
    # a war or a campaign measured in weeks, months or years is the state of things
    ("The envoy hopes to broker a truce to end three years of fighting.", []),
    ("The lull follows weeks of shelling on both banks of the river.", []),
    # days of fighting may be the incident itself
    ("Two days of fighting for the airport left the terminal in ruins.", ["ASSAULT"]),
])
def test_fighting_over_a_long_span_is_the_state_of_the_war(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Several thousand pensioners took part in a march through the city centre on Sunday.",
     ["PROTEST"]),
    ("Nurses took part in the protests outside the ministry.", ["PROTEST"]),
    ("Farmers joined the march on parliament with their tractors.", ["PROTEST"]),
    ("A march through the old town ended peacefully.", ["PROTEST"]),
    # the month, and talks taken part in, are no protest
    ("The envoy took part in talks in March.", []),
    ("Turkey joined the talks in March.", []),
])
def test_taking_part_in_or_joining_a_march_is_protest(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "PROTEST"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Four people were hurt when the shell hit a bus stop.", ["ASSAULT"]),
    ("One was hurt in the blast, the governor said.", ["ASSAULT"]),
    ("The economy was hurt by the sanctions, the bank said.", []),
])
def test_people_hurt_are_casualties_an_economy_hurt_is_not(nlp, text, expected):
    assert sorted({t for t in types_of(nlp, text) if t == "ASSAULT"}) == expected


@pytest.mark.parametrize("text,expected", [
    ("The rebels have demonstrated their ability to hit the port at will.", []),
    ("The tests demonstrated that the shield works, the army said.", []),
    ("Hundreds demonstrated outside the embassy on Friday.", ["PROTEST"]),
])
def test_demonstrating_a_thing_is_showing_it_not_protest(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "PROTEST"] == expected


@pytest.mark.parametrize("text,expected", [
    ('"Who gave the order?" he asked.', []),
    ('"Why the port, and why now?" asked the mayor.', []),
    ("The mayor asked the army to open a corridor.", ["REQUEST"]),
])
def test_a_quoted_question_asked_is_no_request(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "REQUEST"] == expected


def test_an_inquiry_that_names_no_suspect_accuses_no_party(pipeline):
    text = ("The navy said on Monday that a drone had hit the base and that the incident was "
            "being investigated. Police in Croatia are investigating alleged crimes by Serbian "
            "troops.")
    evs = of_type("ACCUSE", text, pipeline, published="2024-04-01")
    assert [(e.actor1.country, e.actor2.country) for e in evs] == [("HRV", "SRB")]


@pytest.mark.parametrize("text,expected", [
    # what a proposal, a plan or a call puts forward has not happened
    ("The summit follows a proposal by the Kremlin on Monday to resume direct talks.", []),
    ("Qatar made a new offer to host negotiations between the two sides.", []),
    # talks held are news
    ("The delegations resumed direct talks in Istanbul on Monday.", ["CONSULT"]),
])
def test_what_a_proposal_puts_forward_is_not_held(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "CONSULT"] == expected


def test_a_clash_of_police_and_a_crowd_is_a_violent_demonstration(pipeline):
    """ACLED's codebook: a demonstration that turns violent (stones thrown, clashes with the
    police) is a riot, "Violent demonstration", not an armed clash; the crowd is its side."""
    text = "Riot police clashed with demonstrators outside parliament in Tbilisi on Tuesday."
    [ev] = [e for e in of_type("PROTEST", text, pipeline, published="2023-03-08")
            if e.trigger.text.startswith("clash")]
    assert ev.acled_sub_event_type == "Violent demonstration"
    assert ev.actor1 is not None and ev.actor1.name.lower().endswith("demonstrators")
    assert not of_type("ASSAULT", text, pipeline, published="2023-03-08")
    # armed sides stay an armed clash
    text = "Rebels clashed with the army near the airport on Monday."
    assert of_type("ASSAULT", text, pipeline, published="2023-03-08")


@pytest.mark.parametrize("text", [
    "Police clashed with retirees outside the assembly in Lima on Wednesday.",
    "Students clashed with police near the university campus on Wednesday.",
])
def test_a_clash_of_police_and_unarmed_civilians_is_a_violent_demonstration(pipeline, text):
    """The police and a group of unarmed civilians (students, retirees, villagers) that clash
    are a demonstration turned violent, not an armed clash; the civilians are its side."""
    evs = [e for e in of_type("PROTEST", text, pipeline, published="2025-03-13")
           if e.trigger.text.startswith("clash")]
    assert len(evs) == 1 and evs[0].acled_sub_event_type == "Violent demonstration", text
    assert evs[0].actor2 is not None and evs[0].actor2.sector == "GOV", text
    assert not of_type("ASSAULT", text, pipeline, published="2025-03-13")
    # armed men are no civilians
    text = "Police clashed with gunmen near the market on Wednesday."
    assert of_type("ASSAULT", text, pipeline, published="2025-03-13")


def test_a_protest_that_clashed_with_police_is_the_protest(pipeline):
    # the clash verb's subject is the protest itself, through a coordinated verb: the
    # demonstration turned violent, no armed clash of a second party
    text = ("On Friday mass protests erupted in Skopje, with marchers demanding a new vote, "
            "and clashed with riot police.")
    assert not of_type("ASSAULT", text, pipeline, published="2025-06-29")
    assert of_type("PROTEST", text, pipeline, published="2025-06-29")
    assert of_type("ASSAULT", "On Friday rebel units entered the town and clashed with the "
                   "army.", pipeline, published="2025-06-29")


@pytest.mark.parametrize("text,expected", [
    ("The chancellor had a telephone conversation with the Russian president on Friday.",
     ["CONSULT"]),
    ("The two leaders have had several phone calls since March.", ["CONSULT"]),
    ("The soldier had a phone in his pocket.", []),
])
def test_a_telephone_conversation_had_is_a_meeting(nlp, text, expected):
    assert sorted({t for t in types_of(nlp, text) if t == "CONSULT"}) == expected


def test_the_protests_told_again_with_their_towns_are_placed_there(pipeline):
    """A definite "the protests" is anaphoric, unless its clause tells where they happened:
    "The rallies took place in towns such as X, Y and Z" places them, one per town."""
    text = ("Protests broke out across Iran overnight, activists said. The demonstrations were "
            "held in cities including Tabriz, Shiraz and Rasht, witnesses said.")
    evs = of_type("PROTEST", text, pipeline, published="2023-09-17")
    assert {"Tabriz", "Shiraz", "Rasht"} <= {e.location.name for e in evs if e.location}
    # told again with no place, the protests stay the incident told before
    text = "Protests broke out in Tabriz on Friday. The protests were peaceful, police said."
    assert len(of_type("PROTEST", text, pipeline, published="2023-09-17")) == 1


@pytest.mark.parametrize("text,expected", [
    # a protest announced, planned or threatened is called for, not held
    ("The youth movement announced protests against the draft in every big city.", []),
    ("The dockers' union has planned a general strike for next week.", []),
    ("Students held protests outside the ministry on Monday.", ["PROTEST"]),
])
def test_a_protest_announced_is_not_yet_held(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "PROTEST"] == expected


@pytest.mark.parametrize("text,etype,expected", [
    # a verb of violence whose object is a tie, a hope or a process
    ("The minister said Vilnius had deliberately destroyed relations with Minsk.", "ASSAULT",
     []),
    ("Artillery destroyed two bridges over the river on Monday.", "ASSAULT", ["ASSAULT"]),
    # the month with a day, a year or a word that takes a month
    ("Last Updated March 4, 2024 10:12 am.", "PROTEST", []),
    ("Thousands of farmers took part in a march on the capital.", "PROTEST", ["PROTEST"]),
    # the aim of another act, after "in order to"
    ("The group says it seizes tankers in order to protest the blockade of the port.",
     "PROTEST", []),
    # the writer's own question asks and tells no event
    ("What do we know so far about the raid on the border post?", "ASSAULT", []),
    ("Will the rebels shell the city again?", "THREATEN", []),
])
def test_figures_months_aims_and_questions_are_no_events(nlp, text, etype, expected):
    assert [t for t in types_of(nlp, text) if t == etype] == expected


@pytest.mark.parametrize("text,expected", [
    # captives liberated are released (a town liberated is ground won)
    ("Some 90 Ukrainian prisoners of war were liberated in the exchange, Kyiv said.",
     ["RETREAT"]),
    ("Ukrainian troops liberated the village of Robotyne.", ["ASSAULT"]),
    # a withdrawal from a list or a race leaves no ground
    ("The demands included the withdrawal of the rebels from the list of armed groups.", []),
    ("The candidate withdrew from the race on Monday.", []),
    ("Troops withdrew from the town on Monday.", ["RETREAT"]),
])
def test_liberated_captives_and_withdrawals_from_a_list(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t in ("RETREAT", "ASSAULT")] == expected


@pytest.mark.parametrize("text,expected", [
    # a permission, or an infinitive under one, does not say the act was done
    ("Allies seem open to allowing Kyiv's troops to use the new missiles to strike airfields "
     "in Russia.", []),
    ("Washington allowed Kyiv to strike targets inside Russia.", []),
    # "such" makes a kind of event, not one event
    ("Aid agencies fear the likely civilian toll of such an attack on the camps.", []),
    ("The attack on the crowded city began at dawn on Monday.", ["ASSAULT"]),
])
def test_permitted_acts_and_kinds_of_attack_are_no_events(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # an alarm about what is, or about a danger, is no threat
    ("But the president warned the brutal war went on.", []),
    ("He warned that enemy troops had massed near the border.", []),
    ("The rebels had warned villagers of the danger of more air raids.", []),
    ("She warned of the potential for the fighting to spread to nearby states.", []),
    # harm the speaker would do, or a consequence named, is
    ("Moscow warned that it would strike Kyiv if the missiles were used.", ["THREATEN"]),
    ("Tehran warned Washington of a crushing response.", ["THREATEN"]),
])
def test_a_warning_about_what_is_or_a_danger_is_no_threat(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "THREATEN"] == expected


@pytest.mark.parametrize("text,etype,expected", [
    # a clause of "as" in the simple present is the sentence's backdrop
    ("As Kyiv negotiates a truce with Moscow, soldiers at the front face long nights.",
     "CONSULT", []),
    ("As troops shelled the town, residents fled to the cellars.", "ASSAULT", ["ASSAULT"]),
    # what is released may be a thing, however the parser hangs it
    ("The brigade released a video showing soldiers raising a flag over the village.",
     "RETREAT", []),
    ("The militia released four soldiers on Saturday.", "RETREAT", ["RETREAT"]),
])
def test_backdrops_and_released_things_are_no_events(nlp, text, etype, expected):
    assert [t for t in types_of(nlp, text) if t == etype] == expected


@pytest.mark.parametrize("text,expected", [
    # a service enlisting an agent is no mobilisation
    ("The man was recruited by the foreign special services in the city of Lviv.", []),
    ("After being recruited online by the foreign service, the suspect travelled north.", []),
    ("The rebels recruited hundreds of fighters in the north.", ["MOBILIZE"]),
    # the means of a dispersal are no force deployed
    ("Riot units were deploying tear gas and a water cannon near the bridge.", []),
    ("Police deployed 2,000 officers in the capital.", ["MOBILIZE"]),
])
def test_recruited_agents_and_dispersal_means_are_no_mobilisation(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "MOBILIZE"] == expected


@pytest.mark.parametrize("text,expected", [
    # people described by whom they fought with are volunteers, not a fight
    ("The swap also freed six foreigners, among them two medics who had fought with "
     "Ukrainian forces.", []),
    ("Rebels fought with government forces near the town on Monday.", ["ASSAULT"]),
])
def test_who_fought_with_a_side_served_with_it(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a perfect progressive "since" a while ago is the state of things; since dawn is news
    ("The militia has been trading fire with the army across the river since March.", []),
    ("Russian forces have been shelling the town since dawn.", ["ASSAULT"]),
    # without "since" too: a perfect progressive with no day and no toll is a standing
    # activity; a day or a toll of its own makes it news
    ("The rebels have been targeting convoys on the highway near Goma.", []),
    ("The Houthis have been attacking merchant vessels in the Red Sea.", []),
    ("Russian forces have been shelling Nikopol overnight, the governor said.", ["ASSAULT"]),
    ("Russian forces have been shelling Nikopol, killing two residents.", ["ASSAULT"]),
    # a record of conduct, or a trend in it, is no one act
    ("Separatists in the province have a history of targeting workers from elsewhere.", []),
    ("The militia has increasingly attacked farmers in Borno State.", []),
    ("The growing number of bomb attacks in Jammu worries residents.", []),
    ("A bomb attack in Jammu wounded three people on Friday.", ["ASSAULT"]),
    # a present perfect tally of things hit is no one event; victims of a campaign are
    ("The rebels have hit dozens of tankers off the coast, the navy said.", []),
    ("Police have tortured scores of detainees, the rights group said.", ["ASSAULT"]),
    # "stopped ... advance" is an assault repelled only with the noun
    ("Diplomats had stopped trying to advance ties between the capitals.", []),
    ("Ukrainian troops stopped the Russian advance near Kupiansk.", ["ASSAULT"]),
])
def test_ongoing_states_tallies_and_the_verb_advance(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


def test_control_gained_over_ground_is_an_assault(nlp):
    """Control won over a town, an area or positions is ground taken; control of anything
    else is not."""
    assert "ASSAULT" in types_of(nlp, "The militia said it gained control over the "
                                      "strategic Habila area on Tuesday.")
    assert "ASSAULT" in types_of(nlp, "Rebels gained control of the town on Monday.")
    assert "ASSAULT" not in types_of(nlp, "The finance ministry gained control of the budget "
                                          "process.")


def test_a_force_arriving_is_no_visit(pipeline):
    """Police or troops arriving move in; a minister or a delegation arriving abroad visits."""
    for text in ("Minutes later, more riot police arrived, some in armoured vans.",
                 "Ukrainian troops arrived in the village on Monday."):
        assert "CONSULT" not in event_types(pipeline, text)
    assert "CONSULT" in event_types(pipeline, "A Russian delegation arrived in Istanbul on "
                                              "Monday.")
    assert "CONSULT" in event_types(pipeline, "The Rapid Support Forces arrived in Geneva on "
                                              "Monday for the talks.")


def test_the_terms_of_an_accord_are_no_events(pipeline):
    """An exchange or a release named as what an accord or a deal is about is one of its
    terms, not an exchange that took place."""
    assert "RETREAT" not in event_types(
        pipeline, "The accord on the swap of prisoners foresaw that the commanders would stay "
                  "in Turkey.")
    assert "RETREAT" in event_types(pipeline, "Russia and Ukraine exchanged 200 prisoners on "
                                              "Friday.")


@pytest.mark.parametrize("text,etype", [
    ("Police detained three activists on Sunday for calling for a general strike.",
     "REQUEST"),
    ("A student was detained on suspicion of backing an outlawed movement.", "SUPPORT"),
    ("He was jailed for attacking a police officer.", "ASSAULT"),
])
def test_the_charge_of_an_arrest_is_no_event(pipeline, text, etype):
    """What someone is held for ("for urging ...", "on suspicion of backing ...") is the
    charge; the arrest is the event."""
    types = event_types(pipeline, text)
    assert etype not in types and "COERCE" in types


@pytest.mark.parametrize("text,expected", [
    # "kill" with a text, a plan or a hope for object kills no one
    ("The veto killed the draft resolution on Friday.", []),
    ("The vote killed hopes of a truce before winter.", []),
    ("Gunmen killed three farmers near the village on Friday.", ["ASSAULT"]),
])
def test_killing_a_resolution_is_no_attack(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a war's toll over months is no attack of the day; a recent day's toll stays one
    ("Kyiv received the bodies of 300 soldiers killed in the war.", []),
    ("The shelling has killed more than 4,000 civilians since then.", []),
    ("Air strikes have killed 900 people since the offensive began.", []),
    ("Drone strikes have killed four people in Kherson since Monday.", ["ASSAULT"]),
    ("Two soldiers were killed in the fighting near Siversk on Sunday.", ["ASSAULT"]),
])
def test_a_wars_toll_is_not_an_attack(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # the act a court's verdict or a charge names is no attack told as news; a finding that
    # both sides violated a truce is still about their acts
    ("The court jailed him after finding him guilty of killing an officer in a car bombing.",
     []),
    ("Both the army and the rebels are guilty of violating the truce, monitors said.",
     ["ASSAULT"]),
])
def test_a_verdicts_charge_is_no_attack(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a perfect progressive over years is a standing practice, not news
    ("The air force has for years been carrying out strikes on targets in Syria.", []),
    ("The gunners have been shelling the town for two hours.", ["ASSAULT"]),
    # an alert, a siren or a shelter named after an attack is no attack
    ("An air raid alert sounded across the east for four hours.", []),
    ("An air raid on the port wounded three dockers.", ["ASSAULT"]),
])
def test_standing_practice_and_warnings_are_no_attacks(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # bodies handed back are no killing told; bodies found tell killings
    ("The militants handed over three dead captives to the Red Crescent.", []),
    ("The swap of detainees and the remains of dead fighters took place at the border.", []),
    ("Searchers say 30 bodies of dead villagers were found near the road.", ["ASSAULT"]),
])
def test_dead_bodies_returned_are_no_killing(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a wire's sourcing formula says why a source is unnamed; it is no meeting
    ("Two officers, who spoke on condition of anonymity to discuss the raid, said it failed.",
     []),
    ("The foreign ministers spoke by phone on Monday to discuss the truce.", ["CONSULT"]),
])
def test_the_sourcing_formula_is_no_meeting(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "CONSULT"] == expected


@pytest.mark.parametrize("text,expected", [
    # a deal struck or reached in the passive is an agreement, not a strike
    ("A deal was struck between the two factions on Sunday.", ["AGREE"]),
    ("Late on Sunday a ceasefire agreement was reached between the two armies.", ["AGREE"]),
])
def test_a_deal_struck_in_the_passive_is_an_agreement(nlp, text, expected):
    types = types_of(nlp, text)
    assert [t for t in types if t == "AGREE"] == expected and "ASSAULT" not in types


@pytest.mark.parametrize("text,expected", [
    # the charge of a person arrested, in a relative clause, is told by the arrest
    ("Police arrested the teacher, who was accused of spying for a foreign state.", []),
    ("The ministry accused the teacher of spying for a foreign state.", ["ACCUSE"]),
])
def test_the_charge_of_an_arrest_is_no_accusation_of_its_own(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ACCUSE"] == expected


@pytest.mark.parametrize("text,expected", [
    # a tally of hundreds of acts with its toll, in any tense, is no single attack
    ("The militia committed hundreds of breaches of the truce, killing 400 people.", []),
    ("The militia raided the market, killing four people.", ["ASSAULT"]),
    ("A missile destroyed dozens of homes in the town.", ["ASSAULT"]),
])
def test_a_tally_of_acts_with_its_toll_is_no_attack(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ASSAULT"][:1] == expected


@pytest.mark.parametrize("text,expected", [
    # a gathering is a protest only with a protest word in its clause, and not by armed men
    ("Hundreds gathered outside the embassy chanting slogans against the war.", ["PROTEST"]),
    ("Thousands gathered in the square on Sunday to demand elections.", ["PROTEST"]),
    ("Relatives gathered at the gate to welcome the freed detainees.", []),
    ("Fighters who had gathered in the school were hit by the strike.", []),
])
def test_a_gathering_is_a_protest_only_with_protest_words(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "PROTEST"] == expected


@pytest.mark.parametrize("text,expected", [
    # deploying drones, jets or air defences moves no force
    ("The military deployed 55 unmanned aerial vehicles against the city overnight.", []),
    ("Air defence systems were deployed against the incoming missiles.", []),
    ("The army deployed two brigades to the border town.", ["MOBILIZE"]),
])
def test_deploying_weapons_is_no_mobilisation(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "MOBILIZE"] == expected


@pytest.mark.parametrize("text,expected", [
    # talks named to say how they stand are no meeting
    ("However, talks with the militia have faltered as its raids go on.", []),
    ("The movement is engaged in peace negotiations with the state.", []),
    ("Talks between the two sides broke down on Monday.", []),
    ("The two delegations held talks in Doha on Monday.", ["CONSULT"]),
])
def test_the_state_of_talks_is_no_meeting(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "CONSULT"] == expected


LEAD = "The army entered the district on Monday. Its tanks shelled the main road. "


@pytest.mark.parametrize("text,expected", [
    # a plural present the tagger reads as a base form is still a standing position
    (LEAD + "Residents, however, accuse the army of trying to drive them out.", []),
    (LEAD + "Opponents accuse the governor of silencing the press.", []),
    (LEAD + "On Tuesday the mayor accused the army of looting shops.", ["ACCUSE"]),
])
def test_a_generic_present_accusation_is_no_event(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ACCUSE"] == expected


@pytest.mark.parametrize("text,expected", [
    # a perfect with "long" is a standing position held over time
    (LEAD + "Farmers have long complained about raids by the militia.", []),
    (LEAD + "Farmers complained on Tuesday about raids by the militia.", ["ACCUSE"]),
])
def test_a_long_held_complaint_is_no_event(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "ACCUSE"] == expected


@pytest.mark.parametrize("text,expected", [
    # what a suspect is held to have done, and his help to a criminal inquiry, are no
    # cooperation between parties
    ("Police often detain people they suspect of collaborating with the rebels.", []),
    ("The man admitted to having collaborated with a foreign intelligence agency.", []),
    ("The arrested courier is cooperating with investigators, the agency said.", []),
    ("The two countries agreed on Monday to cooperate with each other on border security.",
     ["AGREE"]),
])
def test_a_suspects_collaboration_is_no_cooperation(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t in ("COOPERATE", "AGREE")] == expected


@pytest.mark.parametrize("text,expected", [
    # care given to the wounded at the scene is no aid between parties
    ("The ambulance crew provided assistance to five residents hurt in the blast.", []),
    (LEAD + "The wounded are being provided with medical assistance.", []),
    ("Volunteer doctors handed over two tonnes of medicine to the Red Cross.", ["AID"]),
    ("Japan provided medical assistance to Syria.", ["AID"]),
])
def test_care_at_the_scene_is_no_aid(nlp, text, expected):
    assert [t for t in types_of(nlp, text) if t == "AID"] == expected


@pytest.mark.parametrize("text,expected", [
    # the day a span runs from, told by what happened on it, is no news of the report (the
    # shelling and the deaths counted since then are)
    (LEAD + "Since March 3, when the rebels attacked the capital, 400 people have died.", 2),
    (LEAD + "Between May 2, when militants stormed the port, and this week, 90 died.", 2),
    (LEAD + "On Tuesday, when the rebels attacked the capital, 40 people died.", 3),
    # a war's toll told by a perfect with the war as its subject
    (LEAD + "The insurgency has killed at least 3,000 people in and around the city.", 1),
    (LEAD + "The blast has killed at least 30 people, officials said.", 2),
])
def test_a_span_start_and_a_wars_toll_are_no_attacks(nlp, text, expected):
    assert types_of(nlp, text).count("ASSAULT") == expected


@pytest.mark.parametrize("text,expected", [
    # "close" the adjective tells where a place lies; the verb closes a border
    ("The town lies close to the border with Belarus.", False),
    ("Pskov is close to the borders of two NATO states.", False),
    ("The government closed the border crossings on Friday.", True),
    ("Guards close the checkpoint every night.", True),
])
def test_close_to_the_border_is_no_closure(nlp, text, expected):
    assert ("COERCE" in types_of(nlp, text)) is expected


@pytest.mark.parametrize("text,etype,expected", [
    # a page's appeal to its reader opens on a bare command
    ("Support our newsroom with a monthly donation!", "SUPPORT", False),
    ("Join us for a live briefing on the talks.", "CONSULT", False),
    ("The ministers supported the plan on Monday.", "SUPPORT", True),
    # a decrease is no refusal; declining an act or an offer is
    ("The number of roadside bombings declined sharply last year.", "REJECT", False),
    ("The rebels declined the invitation to the peace talks.", "REJECT", True),
    ("The rebels declined to attend the peace talks.", "REJECT", True),
    # a participle describing a party is no act of support
    ("The junta, backed by Moscow, tightened its grip on the capital.", "SUPPORT", False),
    ("Backed by Turkey, the militia advanced on the town.", "SUPPORT", False),
    ("The resolution was backed by 120 states on Thursday.", "SUPPORT", True),
])
def test_commands_decreases_and_descriptions_are_no_events(nlp, text, etype, expected):
    assert (etype in types_of(nlp, text)) is expected


@pytest.mark.parametrize("text,etype,expected", [
    # what a crowd demands or denounces as it marches is the protest's claim
    ("The march drew thousands of demonstrators demanding new elections.", "REQUEST", False),
    ("Students rallied outside parliament, denouncing the new law.", "ACCUSE", False),
    ("Protesters marched through the city centre, demanding the release of the detainees.",
     "REQUEST", False),
    # a party's own demand stays one, also beside a protest
    ("The minister met the protest leaders, demanding an end to the road blockade.",
     "REQUEST", True),
    ("The opposition demanded new elections on Saturday.", "REQUEST", True),
])
def test_a_crowds_demand_is_its_protests_claim(nlp, text, etype, expected):
    assert (etype in types_of(nlp, text)) is expected


def test_an_attack_foiled_or_told_once_is_still_an_attack(nlp):
    """Beside the habits above: one foiled attack, one strike of the simple past, and a
    possessed "daily attacks" with a day and a toll stay events."""
    for text in ("Troops foiled an attack on a checkpoint on Monday.",
                 "The army shelled the villages along the river on Monday.",
                 "Russia's daily attacks on the city killed two people on Monday."):
        assert "ASSAULT" in types_of(nlp, text), text


@pytest.mark.parametrize("text", [
    "Shopkeepers in the capital went on strike on Sunday over soaring prices.",
    "Stallholders shut their stalls on Wednesday to join a nationwide strike against the tax.",
])
def test_a_strike_of_shops_and_workers_is_a_protest(pipeline, text):
    types = [e.type for e in extract(text, published="2025-12-30", pipeline=pipeline)]
    assert "PROTEST" in types and "ASSAULT" not in types, text


@pytest.mark.parametrize("text, meets", [
    ("An oil official, who spoke to Reuters on condition of anonymity, said the depot burned.",
     False),
    ("The defence minister spoke to reporters after the parade.", False),
    ("The defence minister spoke to his French counterpart on Monday.", True),
])
def test_talking_to_the_press_is_no_meeting(pipeline, text, meets):
    types = [e.type for e in extract(text, published="2024-06-19", pipeline=pipeline)]
    assert ("CONSULT" in types) == meets, text


def test_an_aid_package_with_its_amount_and_kind_is_aid(nlp):
    assert "AID" in types_of(nlp, "Canada announced a fresh $250 million defence aid package "
                                  "for Moldova on Friday.")


@pytest.mark.parametrize("text", [
    "Officers fired tear gas at the marchers near the stadium.",
    "The gendarmes used water cannons against the crowd outside the ministry.",
])
def test_riot_control_turned_on_a_crowd_is_a_protest_met_with_force(nlp, text):
    assert "PROTEST" in types_of(nlp, text)


def test_an_attack_to_come_is_a_threat_only_from_someone_who_makes_it(pipeline):
    # no one makes the threat: what residents fear is no threat of theirs
    assert "THREATEN" not in event_types(
        pipeline, "Residents fear that gangs will attack the district again.", "2024-03-02")
    # a named group that says it will go on attacking threatens
    assert "THREATEN" in event_types(
        pipeline, "The militia said it would keep attacking convoys on the highway.",
        "2024-03-02")


def test_support_and_sanctions_need_the_party_that_declares_them(pipeline):
    assert "SUPPORT" not in event_types(
        pipeline, "The motion was supported by 141 votes in the chamber on Monday.",
        "2024-03-02")
    assert "SUPPORT" in event_types(
        pipeline, "Norway backed the motion in the chamber on Monday.", "2024-03-02")
    # so do talks: a meeting no party of the report holds is no consultation of record
    assert "CONSULT" not in event_types(
        pipeline, "The two-day summit in Switzerland ended on Sunday.", "2024-03-02")
    assert "CONSULT" in event_types(
        pipeline, "Egypt and Qatar held talks in Cairo on Monday.", "2024-03-02")


@pytest.mark.parametrize("text, iso3", [
    ("Russian missiles pound Kharkiv energy grid", "RUS"),
    ("Gunmen storm church in Kaduna, seize worshippers", "NGA"),
])
def test_a_headline_verb_read_as_a_noun_is_the_verb(pipeline, text, iso3):
    """A headline's present tense after a plural subject ("missiles pound X", "Gunmen
    storm church"): the tagger reads the verb as a noun; it is the trigger, and the plural
    noun before it is its subject (actor1)."""
    evs = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert [e.actor1 and e.actor1.country for e in evs] == [iso3]


def test_a_noun_after_a_plural_noun_in_a_sentence_is_no_headline_verb(pipeline):
    """With a final stop the sentence is no headline: "the residents' storm shelters" keeps
    its nouns."""
    assert not of_type("ASSAULT", "Officials inspected the villages storm shelters.",
                       pipeline, published="2024-03-02")


@pytest.mark.parametrize("text", [
    "Dozens of new sanctions against Belarus were announced by the Foreign Office on Tuesday.",
    "Fresh sanctions on the shipping network were imposed by Washington on Monday.",
])
def test_sanctions_as_the_passive_subject_of_announcing(pipeline, text):
    """"sanctions ... were announced/imposed by X": the measure in the passive, with its
    quantity ("dozens of") or its target between, is a SANCTION by the agent."""
    evs = of_type("SANCTION", text, pipeline, published="2024-03-02")
    assert len(evs) == 1 and evs[0].actor1 is not None and evs[0].actor1.country in (
        "GBR", "USA")


def test_a_proposal_shot_down_is_a_rejection_not_an_attack(pipeline):
    """"shot down a truce": the figure of speech rejects the proposal; drones shot down are
    still the sender's salvo."""
    text = "The president shot down a 60-day truce the mediators had offered on Monday."
    assert [e.type for e in extract(text, published="2024-03-02", pipeline=pipeline)] == [
        "REJECT"]


@pytest.mark.parametrize("text", [
    "Police fired tear gas shells at marchers in Lahore on Wednesday.",
    "Tear gas shelling was used against marchers in Lahore on Wednesday.",
])
def test_tear_gas_shells_are_no_shelling(pipeline, text):
    """Shells of tear gas are crowd control (the protest's intervention), not an
    artillery attack."""
    assert of_type("ASSAULT", text, pipeline, published="2024-03-02") == []


@pytest.mark.parametrize("text", [
    "Investigators previously established that the army launched an attack on the village.",
    "The market had previously been shelled by the rebels.",
])
def test_what_was_told_before_is_no_news(pipeline, text):
    """"previously" or "formerly" on the trigger's verb, or on the verb of finding whose
    content it is: earlier news, no event of the report."""
    assert of_type("ASSAULT", text, pipeline, published="2024-03-02") == []
    assert of_type("ASSAULT", text.replace(" previously", ""), pipeline,
                   published="2024-03-02")


def test_police_in_a_headline_are_the_subject_of_its_verb(pipeline):
    """"Kenyan police arrest activists ...": "police" is plural, so "arrest" after it is a
    headline's verb too (the tagger reads it as a noun), and the police are its subject."""
    evs = of_type("COERCE", "Kenyan police arrest activists demanding release of colleagues "
                  "in Mombasa", pipeline, published="2024-03-02")
    assert [(e.actor1.country, e.actor1.sector) for e in evs] == [("KEN", "GOV")]


@pytest.mark.parametrize("text", [
    "Marchers were met by riot police who fired tear gas in the capital on Sunday.",
    "The students were met with tear gas outside parliament on Sunday.",
])
def test_a_crowd_met_by_a_force_is_no_meeting(pipeline, text):
    """"were met by riot police", "were met with tear gas": a crowd confronted by a force
    or its means, not a meeting between parties ("met his counterpart" still is)."""
    assert of_type("CONSULT", text, pipeline, published="2024-03-02") == []
    assert of_type("CONSULT", "The minister met his counterpart in Ankara on Monday.",
                   pipeline, published="2024-03-02")


def test_weapons_deployed_in_a_reduced_relative_are_no_mobilisation(pipeline):
    """"Drones deployed to support the army carried out strikes": the parser reads the
    participle as the clause's verb with the drones its subject; weapons sent into an
    attack are its means, not a mobilisation."""
    assert of_type("MOBILIZE", "Drones deployed to support the army carried out strikes on "
                   "militant positions near Baidoa on Friday.", pipeline,
                   published="2024-03-02") == []


def test_withdrawing_in_a_clause_of_time_ends_another_act(pipeline):
    """"raided the camp and detained two men before withdrawing": the withdrawal ends the
    raid, told in a gerund clause of time; no RETREAT of record."""
    text = "Soldiers detained two men in the camp on Sunday before withdrawing."
    assert of_type("RETREAT", text, pipeline, published="2024-03-02") == []
    assert of_type("COERCE", text, pipeline, published="2024-03-02")


@pytest.mark.parametrize("text, country, towns", [
    # ground told as having changed hands: who holds it now took it
    ("Kyiv said the Kherson region villages of Tiahynka and Lvove were back under Ukrainian "
     "control.", "UKR", ["Lvove", "Tiahynka"]),
    ("The town of Kodok is back in government hands, the army said.", None, ["Kodok"]),
    ("The army said the town of Wad Madani was back under its control.", "SDN",
     ["Wad Madani"]),
])
def test_ground_back_under_a_sides_control_was_taken_by_it(pipeline, text, country, towns):
    evs = of_type("ASSAULT", text, pipeline, published="2023-06-13")
    assert sorted(e.location.name for e in evs) == towns, text
    if country:
        assert {e.actor1.country for e in evs} == {country}, text


@pytest.mark.parametrize("text", [
    "Large parts of the region remain under Russian control.",
    "The territory under Russian control has shrunk since the spring.",
])
def test_ground_held_is_no_change_of_hands(pipeline, text):
    assert [e for e in extract(text, published="2023-06-13", pipeline=pipeline)
            if e.type == "ASSAULT"] == [], text


def test_a_weapon_that_damaged_a_site_is_an_attack(pipeline):
    text = "A Ukrainian drone damaged a fuel depot in the Kursk region early on Sunday."
    [ev] = of_type("ASSAULT", text, pipeline, published="2024-05-15")
    assert (ev.actor1.country, ev.location.name, ev.acled_sub_event_type) == (
        "UKR", "Kursk", "Air/drone strike")
    # a storm's damage is no attack
    assert extract("A storm damaged houses in the Kursk region on Sunday.",
                   published="2024-05-15", pipeline=pipeline) == []


def test_a_curfew_announced_in_two_towns_is_one_measure_per_town(pipeline):
    text = "A night curfew was also declared in Homs and in the central city of Hama."
    evs = of_type("COERCE", text, pipeline, published="2024-05-15")
    assert sorted(e.location.name for e in evs) == ["Hama", "Homs"]


@pytest.mark.parametrize("text", [
    # a passive's vague subject is who the act befell: the act still happened
    "Several people were detained outside the university in Nis on Friday.",
    "Many students were arrested near the parliament in Belgrade on Saturday.",
    # a prison term handed down, and pre-trial detention ordered, are coercion (CAMEO 173)
    "A city court in Kutaisi sentenced the editor to three years in prison on Tuesday.",
    "A court in Zugdidi ordered pre-trial detention for the party's leader on Friday.",
])
def test_detentions_and_prison_terms_are_coercion(pipeline, text):
    assert [e.type for e in extract(text, published="2024-12-07", pipeline=pipeline)] == [
        "COERCE"], text


def test_a_vague_actor_of_a_statement_still_makes_no_event(pipeline):
    text = "Some nations have refused to recognise the vote."
    assert extract(text, published="2024-12-07", pipeline=pipeline) == []


@pytest.mark.parametrize("text", [
    # what a diplomatic effort aims at is not done yet
    "Egypt and Qatar are sponsoring negotiations to reach a ceasefire agreement.",
    "The strikes came days before new efforts to reach a ceasefire in the region.",
    # a shared view is no agreement between parties
    "The ministers agree that the war will not end this year.",
    # a command quoted before its teller is what someone is told to do
    "Accept the truce or face new sanctions, the leaders told the rebels.",
])
def test_aims_views_and_commands_are_no_agreement(nlp, text):
    assert "AGREE" not in types_of(nlp, text), text


@pytest.mark.parametrize("text", [
    "The two sides agreed to a 30-day truce on Monday.",
    "The ministers agreed on a prisoner exchange in Istanbul.",
    "Negotiators reached a ceasefire deal in Doha on Friday.",
])
def test_agreements_of_record_stay(nlp, text):
    assert "AGREE" in types_of(nlp, text), text


@pytest.mark.parametrize("text, expected", [
    # a vow is a threat when a reprisal is vowed
    ("Tehran vowed to retaliate against Israel for the killing.", True),
    ("The prime minister vowed revenge for the ambush.", True),
    ("The minister vowed that the shelling of the consulate would not go unanswered.", True),
    # a vow of peace or of an aim is no threat
    ("The new president vowed at his inauguration to bring peace to the country.", False),
    ("The premier vowed to protect the country's farmers from imports.", False),
])
def test_a_vow_threatens_when_it_vows_a_reprisal(nlp, text, expected):
    assert ("THREATEN" in types_of(nlp, text)) is expected, text


@pytest.mark.parametrize("text, expected", [
    ("The army rushed reinforcements to the border region on Friday.", True),
    ("Fresh reinforcements arrived in the town on Monday.", True),
    ("The garrison held the post while waiting for reinforcements from the capital.", False),
    ("Rebel fighters ambushed army reinforcements sent to the town.", False),
    ("Security forces deployed pepper spray and water cannon against the students.", False),
    ("The government deployed 3,000 troops to the border region.", True),
])
def test_mobilisation_is_a_force_moved_in(nlp, text, expected):
    assert ("MOBILIZE" in types_of(nlp, text)) is expected, text


@pytest.mark.parametrize("text, etype", [
    # a noun of speech after "despite", "amid" or "over" sets the scene of another act
    ("Despite calls for early elections, the president ruled out a snap vote.", "REQUEST"),
    ("Scuffles broke out in parliament over demands for higher pay for deputies.", "REQUEST"),
    ("The minister resigned amid accusations of fraud in the tender.", "ACCUSE"),
])
def test_a_noun_of_speech_in_a_backdrop_phrase_is_no_event(nlp, text, etype):
    assert etype not in types_of(nlp, text), text
    assert "REQUEST" in types_of(nlp, "The opposition called for early elections on Monday.")


def test_a_crowds_retreat_is_no_withdrawal_of_record(pipeline):
    assert "RETREAT" not in event_types(
        pipeline, "Demonstrators retreated towards the main square as police fired tear gas.")
    assert "RETREAT" in event_types(pipeline, "Russian troops retreated from the town on Friday.")


@pytest.mark.parametrize("text, expected", [
    ("The attack in the market town was blamed on a local gang.", False),
    ("Both the army and the militia have been blamed for attacks on villages.", False),
    ("It is alleged that the governor was the target of the bombing.", False),
    ("The ministry blamed the militia for the attack.", True),
    ("The militia was blamed by the United Nations for the massacre.", True),
])
def test_a_blame_needs_someone_who_blames(pipeline, text, expected):
    assert ("ACCUSE" in event_types(pipeline, text)) is expected, text


@pytest.mark.parametrize("text, etype, expected", [
    # "so that ... would": the aim of another act
    ("The rebels seized the bridge so that the army would withdraw from the town.",
     "CONCEDE", False),
    # a past "so that" tells what followed
    ("The rebels seized the bridge so that the army withdrew from the town.", "RETREAT", True),
    # a deployment after "despite" is the setting of another act
    ("Attacks continued despite the massive deployment of troops in the region.",
     "MOBILIZE", False),
])
def test_aims_and_settings_of_other_acts(nlp, text, etype, expected):
    assert (etype in types_of(nlp, text)) is expected, text


def test_an_interview_with_no_party_is_no_consultation(pipeline):
    assert "CONSULT" not in event_types(
        pipeline, "Mr Garba, who spoke to SUNDAY POST on phone Monday evening, said the "
                  "gunmen fled.")
    assert "CONSULT" in event_types(
        pipeline, "The foreign minister spoke to his Turkish counterpart on Monday.")


@pytest.mark.parametrize("text", [
    "Scuffles between riot police and marchers on the bridge led to 61 arrests.",
    "Officers broke up the sit-in at the port, which resulted in dozens of detentions.",
])
def test_arrests_a_confrontation_ended_in_are_arrests(pipeline, text):
    """``ended-in-arrests``: arrests as what a confrontation "resulted in" or "led to"."""
    assert of_type("COERCE", text, pipeline, published="2025-03-13"), text


@pytest.mark.parametrize("text, etype, n", [
    # attackers who arrive are no visit; an envoy who arrives for talks is one
    ("Witnesses said the attackers arrived in two pickups shortly after dusk.", "CONSULT", 0),
    ("The foreign minister arrived in Riyadh for talks on Monday.", "CONSULT", 1),
    # one state's forces working together are no cooperation; two states' forces are
    ("A joint search operation by the army and police was launched in the forest on "
     "Thursday.", "COOPERATE", 0),
    ("Russian and Belarusian troops began joint exercises near the border.", "COOPERATE", 1),
    # the spoils of a battle are no confiscation; a police seizure is one
    ("The rebels said they had seized rifles and ammunition from the captured outpost.",
     "COERCE", 0),
    ("Police seized weapons and drugs in a raid on the house.", "COERCE", 1),
    # a personal matter refused is no rejection
    ("After the meeting the minister refused to speak to reporters.", "REJECT", 0),
    ("One woman was slightly hurt in the hand but declined to go to hospital.", "REJECT", 0),
    ("The official declined to be identified.", "REJECT", 0),
    # a political act refused is one
    ("Kyiv refused to withdraw its troops from the region.", "REJECT", 1),
    # officers sent to police a gathering mobilise no force
    ("About 900 officers were deployed to manage the rally outside parliament.", "MOBILIZE",
     0),
    ("Riot police were deployed at the march in the city centre on Saturday.", "MOBILIZE", 0),
    # a force sent to put down violence, or to a border, is mobilised
    ("Thousands of extra police and troops were deployed to quell the unrest in the "
     "north.", "MOBILIZE", 1),
    ("Poland has deployed 10,000 troops to its eastern border.", "MOBILIZE", 1),
    # a force sent to the scene of the incident told is the response there, not mobilised
    ("Gunmen killed four people in Kohat on Sunday. A large police contingent was deployed "
     "to the area.", "MOBILIZE", 0),
    ("The soldiers reacted quickly and mobilised to the village.", "MOBILIZE", 0),
    ("The army deployed 2,000 troops to the area around Goma.", "MOBILIZE", 1),
    # an alert to the public is no threat; a threat names its target or its harm
    ("The governor warned of another attack on Sunday evening.", "THREATEN", 0),
    ("Officials warned of possible strikes overnight and urged residents to stay in "
     "shelters.", "THREATEN", 0),
    ("Russia warned of possible strikes on government buildings in Kyiv.", "THREATEN", 1),
    ("Iran warned of a crushing response to any Israeli attack.", "THREATEN", 1),
    # a plot or a decision told in the past is no threat; an announced design is one
    ("Investigators said the man had planned to blow up a railway bridge in the region.",
     "THREATEN", 0),
    ("Russia said it planned to strike government buildings in Kyiv.", "THREATEN", 1),
    ("Russia plans to launch a new offensive in the spring.", "THREATEN", 1),
    # a call to demonstrate is no demand on a party; a call for a ceasefire is one
    ("The party has called for a large rally in the capital on Saturday.", "REQUEST", 0),
    ("The opposition leader called for a general strike across the country.", "REQUEST", 0),
    ("The UN chief called for an immediate ceasefire in the region.", "REQUEST", 1),
    # news promised is no commitment; arms promised are one
    ("The mayor promised to provide more details on the cause of the blast later.",
     "AGREE", 0),
    ("Britain promised to send more air defence systems to Ukraine.", "AGREE", 1),
    # an arrest announced is one; an arrest demanded or a warrant for one is none
    ("Police in Quito announced the arrest of five men on Sunday.", "COERCE", 1),
    ("Relatives demanded the arrest of the gunmen outside the court in Quito.", "COERCE", 0),
])
def test_acts_that_are_no_events_of_record(pipeline, text, etype, n):
    assert len(of_type(etype, text, pipeline, published="2025-03-13")) == n, text


@pytest.mark.parametrize("text, expected", [
    # a peace signed is agreed to; another treaty signed is support
    ("Sudan and the rebels signed a declaration in Doha to end years of fighting.",
     ["AGREE"]),
    ("The envoys signed the accord brokered by Qatar on Monday.",
     ["AGREE"]),
    ("Armenia and Azerbaijan signed a peace agreement at the White House.", ["AGREE"]),
    ("Poland and Vietnam signed an agreement to expand trade in farm goods.", ["SUPPORT"]),
    # a visit to victims meets no party; relief with no provider is no aid of record
    ("The junta spokesman visited survivors in hospital on Sunday.", []),
    ("Victims of the strike are being provided with assistance, the governor said.", []),
    ("Germany provided Ukraine with military assistance worth 500 million euros.", ["AID"]),
])
def test_peace_signed_visits_to_victims_and_unnamed_relief(pipeline, text, expected):
    evs = extract(text, published="2025-03-13")
    assert sorted(e.type for e in evs if e.type in (
        "AGREE", "SUPPORT", "CONSULT", "AID")) == expected, text


def test_clashes_between_police_and_unarmed_civilians_are_a_violent_demonstration(pipeline):
    """The noun "clashes between police and students" is a demonstration turned violent,
    the civilians its side; "clashes between the army and rebels" is an armed clash."""
    text = "Clashes between police and students broke out near the campus on Monday."
    ev, = of_type("PROTEST", text, pipeline, published="2025-07-07")
    assert ev.acled_sub_event_type == "Violent demonstration"
    assert ev.actor2 is not None and ev.actor2.name.lower().endswith("police")
    assert not of_type("ASSAULT", text, pipeline, published="2025-07-07")
    text = "Clashes between the army and rebels broke out near the airport."
    assert of_type("ASSAULT", text, pipeline, published="2025-07-07")
