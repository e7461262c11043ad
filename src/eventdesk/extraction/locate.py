"""Choosing the place of an event among the place mentions of its sentence.

A statement or meeting takes only a place in a locative phrase of its own clause ("met in
Riyadh"); an attack also takes its object ("shelled Nikopol"). Towns beat the region they are
said to be in, settlement cues ("the town of X") beat water features ("the Kakhovka reservoir"),
reference points ("20 km west of X") lose, and "in the region" refers back to the last region.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from eventdesk.extraction import arguments as args
from eventdesk.extraction.rules import (FEATURE_WORDS, POSSESSED_PLACES, SAY_LEMMAS,
                                        STATEMENT_TYPES, VIOLENT, in_stamp_line,
                                        local_office_place)
from eventdesk.records import Place, Span
from eventdesk.resolve.places import between_place, offset_place

# nouns that make an "of" place the region a town is the seat of: "the capital of X"
SEAT_NOUNS = frozenset({"capital", "centre", "center", "seat", "city", "town"})


class PlacedMention:
    """A place mention with its resolved Place (what the extractor looks up by position)."""

    __slots__ = ("span", "place", "kind", "cue")

    def __init__(self, span: Span, place: Place, kind: str, cue: str | None = None) -> None:
        self.span = span
        self.place = place
        self.kind = kind
        self.cue = cue


_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "north-east", "north-west", "south-east", "south-west"})


def _compass_part(root: Any) -> bool:
    """A country's possessive before a compass word the event is in: "killed in Burkina
    Faso's east", "across Nigeria's northwest". The text names no place inside that part,
    so the country is the place (of country precision); "Ukraine's second city" names one."""
    part = root.head
    return part.lower_ in _COMPASS and part.dep_ == "pobj" and \
        part.head.lower_ in ("in", "across", "throughout")


def _town_protesting(pm: Any, sdoc: Any, head: Any) -> bool:
    """A town, not a capital, is the subject of the protest verb: "Maykop protested
    too" (its people protest in it; "Moscow protested the sanctions" is the state)."""
    if pm.place.precision != "city" or pm.place.geonameid is None:
        return False
    span = sdoc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj" or span.root.head.i != head.i:
        return False
    from eventdesk.resources.gazetteer import Gazetteer
    entry = Gazetteer.load().entry(pm.place.geonameid)
    return entry is not None and entry.feature != "PPLC"


def choose_place(sdoc: Any, head: Any, sent: Any, layers: Any, used: list[Any],
                 etype: str, *, initiator: Span | None = None,
                 headline: bool = False) -> Place | None:
    cands = layers.places.within(sent.start_char, sent.end_char)
    if not cands:
        return anaphoric_place(sent, layers)
    used_ranges = [(u.span.start, u.span.end) for u in used]
    if etype in VIOLENT:
        # the target of an attack is also where it happened ("strikes across the Gaza Strip",
        # "attacked Lebanon"); only the attacker's name is no place ("attacked by Israel")
        used_ranges = [(initiator.start, initiator.end)] if initiator is not None else []
    best = None
    best_score = -1e9
    hpos = head.idx
    for pm in cands:
        s, e = pm.span.start, pm.span.end
        if any(s < ue and us < e and not (s <= us and ue <= e and (e - s) > (ue - us))
               for us, ue in used_ranges) and getattr(pm, "cue", None) != "demonym":
            # (but a place name that holds the actor word, "Bilopilska community" parsed as
            # the subject "community", is still a place)
            continue  # this name acts as an actor here ("Moscow rejected"); "Ukrainian
            #           cities" is both the target and the place
        # a capital or country that is an actor mention but not in a locative phrase
        if etype not in VIOLENT and is_actor_name(pm, layers, sdoc) and not (
                etype == "PROTEST" and _town_protesting(pm, sdoc, head)):
            continue
        hit = layers.actors.covering(s, e)
        if hit is not None and (getattr(hit, "kind", "") in NAMED_PARTY_KINDS
                                or getattr(hit, "sector", None) == "MED") and not (
                e <= hit.span.start + local_office_place(hit.span.text)):
            continue  # "the Fano militia", "Al Mayadeen": a named party, not the town abroad
        pspan = sdoc.char_span(s, e, alignment_mode="expand")
        if pspan is None:
            continue
        root = pspan.root
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            continue  # "attacked by Israel": the agent acts, it is no place
        if etype in VIOLENT and pm.place.precision == "country" and _attacker_home(root):
            continue  # "a missile launched at Israel by the Houthis in Yemen": the country
            #           the attacker is in, not where the weapon hit (a district may be the
            #           scene: "shot by gunmen in the X district")
        if etype in VIOLENT and in_stamp_line(args.doc_text(sdoc), s):
            continue  # "Updated 03:49 pm IST - OUAGADOUGOU": where the page was filed
        if etype in VIOLENT and (root.dep_ == "pobj" and root.head.lower_ == "from" and
                                 root.head.head.lemma_.lower() in LAUNCH_VERBS and
                                 pm.place.precision in ("country", "admin1")
                                 or _launch_platform(root, head)):
            continue  # "rockets were fired from Lebanon at the Galilee", "fired from aircraft
            #           flying over the Y region": where they came from, not where they hit
        if _GROUP_AFTER.match(args.doc_text(sdoc)[e:e + 40]):
            continue  # "suspected Kuki tribal militants", "Houthi rebels": a people or a
            #           movement that names an armed group, not where the event happened
        if _names_a_hospital(root, args.doc_text(sdoc)[e:e + 30]):
            continue  # "taken to Dera district hospital", "a hospital in Kyiv": where the
            #           wounded were treated, not where they were hit
        if _in_other_relative_clause(root, head):
            continue  # "detained a man who passed positions to Moscow": the man's story
        if pm.place.precision == "country" and _in_backdrop(root, head):
            continue  # "two died in a strike in the border area, amid weeks of clashes
            #           between Armenia and Azerbaijan": the setting, not the place (a town
            #           in it, "found dead amid shelling of Huliaipole", is the scene)
        if _in_demand(root, head):
            continue  # "marched in the capital calling for a ceasefire in Gaza": what they
            #           ask for, not where they are
        if root.dep_ == "pobj" and root.head.lower_ == "of" and \
                root.head.head.lemma_.lower() in SEAT_NOUNS and root.head.head.dep_ == "appos":
            continue  # "Maykop, the capital of Adygea, ...": the region tells
            #           where the town is; the town is the place
        locative = args.locative_of(root, head) or (
            etype in VIOLENT and root.dep_ in ("dobj", "nsubjpass")
            and root.head.i in (head.i, args.clause_verb(head).i)) or (  # "shelled Nikopol"
            etype == "PROTEST" and _town_protesting(pm, sdoc, head))
        if etype in STATEMENT_TYPES and not locative:
            continue  # statements and meetings: only "in/at X" of their own clause
        if pm.place.precision == "country" and root.dep_ == "poss" and not _compass_part(
                root) and (root.head.lemma_.lower() in POSSESSED_PLACES or not (
                    etype in VIOLENT and (root.head.dep_ in ("dobj", "nsubjpass") or
                                          root.head.dep_ == "pobj" and root.head.head.lower_
                                          in ("on", "at", "against", "into")))):
            continue  # "Ukraine's second-largest city" (but "struck Iran's nuclear sites":
            #           sites in Iran, the only place the text gives)
        if pm.place.precision == "country" and not locative and (
                hit is not None and (hit.span.start < s or hit.span.end > e)
                and _speaker(sdoc, hit)
                or not headline and root.dep_ in ("compound", "nmod", "amod", "nsubj")):
            continue  # "the US Central Command said", "the US formed a coalition", "Ukraine
            #           is grappling with": a state named as a party or a modifier, not where
            #           the event happened (a headline's terse "Ukraine death toll rises",
            #           "East Ukraine airport", sets its scene so)
        if root.dep_ == "poss" and root.head.i == head.i and hit is not None and \
                getattr(hit, "kind", "") == "capital":
            continue  # "Moscow's bombardment of the grid": the capital acts, it is no place
        if hit is not None and not locative and (
                getattr(hit, "kind", "") == "capital" and not headline
                and _capital_acting(root, head)
                or getattr(hit, "kind", "") == "force" and hit.span.end > e
                and pm.place.precision == "city"):
            continue  # "as Kyiv's counteroffensive ramps up", "as Moscow tries to retake
            #           the town", "Moscow claimed that ...": the state, not where it happened
            #           (a headline's "Kiev reports first combat death" sets its scene)
        if etype in VIOLENT and _destination_of_wounded(root):
            continue  # "the injured were taken to Quetta for treatment": where they were
            #           brought, not where they were hit
        score = -abs(s - hpos) / 40.0 + (1.5 if locative else 0.0)
        region = next((o for o in cands if o.place.precision == "admin1"
                       and o.place.admin1 == pm.place.admin1), None) \
            if pm.place.precision == "city" and pm.place.admin1 else None
        if region is not None:
            score += 1.0  # "Nikopol in Dnipropetrovsk Oblast": the town, in its region
            if region.span.start - sent.start_char <= SCENE_OPENING:
                score += 2.0  # "In the X region, a drone hit houses on the edge of Y": the
                #               opening sets the scene, the town of it says where
        cue = getattr(pm, "cue", None) or ""
        if cue.endswith(" of") or cue in ("village", "town", "city"):
            score += 2.0  # "the town of Marhanets"
        nxt = args.doc_text(sdoc)[e:e + 12].lower().lstrip()
        if nxt.startswith(FEATURE_WORDS):
            score -= 4.0  # "the Kakhovka reservoir" names water, not a settlement
        if args.is_reference_place(sdoc, s):
            score -= 6
        if pm.place.precision == "country" and args.is_border_reference(sdoc, s):
            continue  # "farms in a district on the border with Ukraine": the other side
        prec = pm.place.precision
        score += {"city": 2.0, "admin2": 1.0, "admin1": 0.8, "country": -1.0}.get(prec, 0)
        if s > hpos:
            score += 0.5
            if _OTHER_SCENE_AFTER.search(args.doc_text(sdoc)[hpos:s]):
                score -= 2.0  # "another that killed four at a school -- as well as shelling
                #              in Irpin": a place past a dash or an "as well as" is the next
                #              scene's
        if score > best_score:
            best, best_score = pm, score
    if best is None:
        return None
    place = best.place
    if place.span is None:
        place = Place(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                      precision=place.precision, admin1=place.admin1, admin2=place.admin2,
                      geonameid=place.geonameid, span=best.span)
    text = args.doc_text(sdoc)
    nxt = next((o for o in cands if o.span.start >= best.span.end), None) \
        if best.place.precision == "city" else None
    if nxt is not None:
        second = nxt.place if nxt.place.span is not None else dataclasses.replace(
            nxt.place, span=nxt.span)
        mid = between_place(place, second, text)
        if mid is not None:
            return mid  # "in the area between A and B": one spot between the two towns
    # no place of the sentence beat a reference town: "in the town of X, some 100 km north
    # of Y" (X unknown here) happened that far from Y in that direction
    return offset_place(place, text) or place

_OTHER_SCENE_AFTER = re.compile(r"\s(?:--|\u2014|\u2013)\s|\bas well as\b|;")
SCENE_OPENING = 8  # characters before a region that opens its sentence ("In the X region, ...")


DAMAGE_NOUNS = frozenset({"fire", "blaze", "explosion", "blast", "damage", "fires", "explosions"})
MOTION_VERBS = frozenset({"enter", "cross", "fly", "head", "approach", "violate", "stray",
                          "sail", "drift", "penetrate", "reach"})


LAUNCH_VERBS = frozenset({"fire", "launch", "shoot", "lob"})
# participles that tell where a thing came from or was sent (a reduced relative clause)
SUPPLY_VERBS = frozenset({"supply", "provide", "deliver", "donate", "send", "ship", "make",
                          "manufacture", "produce", "build", "give", "transfer", "sell"})
HOSPITAL_WORDS = frozenset({"hospital", "hospitals", "clinic", "morgue", "infirmary"})
_HOSPITAL_AFTER = re.compile(r"^\s*(?:(?:district|regional|central|city|military|general|"
                             r"children's|university)\s+)*(?:hospital|clinic|morgue)\b", re.I)


_GROUP_AFTER = re.compile(r"^\s+(?:tribal\s+|ethnic\s+|armed\s+)?(?:militants|rebels|insurgents|"
                          r"gunmen|tribesmen|militiamen|militias?|separatists|fighters|tribes?|"
                          r"clans?|communities)\b", re.I)


def _attacker_home(root: Any) -> bool:
    """``root`` is the place of a by-agent's phrase ("by the Houthis in Yemen", "by
    militants from Syria"), which says where the attacker is."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "based"):
        return False
    agent_noun = prep.head
    return agent_noun.dep_ == "pobj" and agent_noun.head.dep_ == "agent" and (
        agent_noun.pos_ == "PROPN" or agent_noun.lemma_.lower() in ARMED_GROUP_NOUNS)
    # (not a weapon's phrase: "struck by a drone in Kherson" hit Kherson)


# nouns of people who attack (not of the weapons they use)
ARMED_GROUP_NOUNS = frozenset({"militant", "rebel", "insurgent", "gunman", "fighter", "force",
                               "troop", "army", "militia", "soldier", "jihadist", "group",
                               "separatist", "attacker"})


def _names_a_hospital(root: Any, after: str) -> bool:
    """The place names a hospital or where one is: "Dera district hospital", "treated in a
    hospital in Kyiv" (not a hospital that was hit: "a drone struck a hospital in Kherson",
    "damaged the roof of the city hospital")."""
    if _HOSPITAL_AFTER.match(after):
        return not _hit_thing(root.head if root.dep_ == "compound" else root)
    if root.dep_ == "pobj" and root.head.lower_ == "in" and \
            root.head.head.lower_ in HOSPITAL_WORDS:
        return not _hit_thing(root.head.head)
    return False


HIT_LEMMAS = frozenset({"hit", "strike", "damage", "destroy", "shell", "bomb", "target",
                        "attack", "raid", "storm", "shoot", "fire"})


def _hit_thing(noun: Any) -> bool:
    """The noun is what an attack hit: the object of a verb of hitting ("struck a hospital
    in X"), the subject of its passive ("the hospital was shelled"), after "on/at" of an
    attack ("a strike on a hospital in X"), or what a part of it belongs to ("shelled the
    main gate of a clinic in X")."""
    for _ in range(2):
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in HIT_LEMMAS:
            return True
        if noun.dep_ == "pobj" and noun.head.lower_ in ("on", "at", "against") and \
                noun.head.head.lemma_.lower() in HIT_LEMMAS:
            return True
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.i:
            noun = noun.head.head  # "the gate of a clinic": the gate's verb decides
            continue
        return False
    return False


# what a capital's name owns when it stands for the state: its forces, its acts, its stance
STATE_OWNED = frozenset({"counteroffensive", "offensive", "forces", "troops", "army", "military",
                         "readiness", "willingness", "ability", "position", "campaign",
                         "strikes", "strike", "attacks", "attack", "drones", "missiles",
                         "war", "claims", "demands", "refusal", "decision", "plan", "policy"})
# what a capital does as a state: speaks, tries, wants
STATE_VERBS = SAY_LEMMAS | frozenset({"try", "seek", "want", "aim", "accuse", "deny", "insist",
                                      "warn", "vow", "plan", "refuse"})
TAKEN_TO_VERBS = frozenset({"take", "transport", "rush", "evacuate", "move", "bring", "airlift",
                            "transfer", "send", "fly"})


def _capital_acting(root: Any, head: Any) -> bool:
    """A capital named as the state: the owner of forces or of an act other than the
    trigger's ("Kyiv's counteroffensive"), or the subject of a verb of saying or trying
    that is not the trigger ("Moscow claimed", "as Moscow tries to retake it")."""
    if root.dep_ == "poss" and root.head.i != head.i:
        return root.head.lower_ in STATE_OWNED
    if root.dep_ == "nsubj" and root.head.i != head.i:
        return root.head.lemma_.lower() in STATE_VERBS
    return False


def _destination_of_wounded(root: Any) -> bool:
    """The place the wounded or the dead were brought to: "taken to Quetta", "evacuated to
    Kyiv for treatment"."""
    if root.dep_ == "appos":
        root = root.head  # "evacuated to the capital Niamey"
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i != prep.i and \
        prep.head.lemma_.lower() in TAKEN_TO_VERBS


def _launch_platform(tok, head) -> bool:
    """``tok`` lies deeper in the "from" phrase of a launch verb, through the platform the
    weapons left ("fired from bombers flying over the Caspian Sea"), and the trigger is
    outside the phrase."""
    cur = tok
    moving = False  # the way up passes the platform's own verb ("flying", "that flew")
    for _ in range(10):
        if cur.head.i == cur.i or cur.i == head.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ == "from" and cur.head.dep_ == "prep" \
                and cur.head.head.lemma_.lower() in LAUNCH_VERBS:
            prep = cur.head
            return moving and not (prep.left_edge.i <= head.i <= prep.right_edge.i)
        if cur.dep_ in ("acl", "relcl") and cur.pos_ == "VERB":
            moving = True
        cur = cur.head
    return False


BACKDROP_PREPS = frozenset({"amid", "amidst"})


def _in_backdrop(tok, head) -> bool:
    """``tok`` lies in an "amid" phrase that does not hold the trigger ``head``."""
    cur = tok
    for _ in range(10):
        if cur.dep_ == "prep" and cur.lower_ in BACKDROP_PREPS:
            return not (cur.left_edge.i <= head.i <= cur.right_edge.i)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


DEMAND_LEMMAS = frozenset({"call", "demand", "urge", "plead", "press", "appeal"})


def _in_demand(tok: Any, head: Any) -> bool:
    """``tok`` lies in what a verb of demanding other than the trigger asks for ("a march
    through the capital calling for a truce in Gaza", "rallied, demanding an end to the war
    in Sudan"): the first verb above it is the demand, and the trigger is outside it."""
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i or cur.i == head.i:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.lemma_.lower() not in \
                    DEMAND_LEMMAS and cur.i != head.i:
                continue  # "the release of hostages kept in X": a participle describing
                #           a noun of the demand; the demand is further up
            return cur.lemma_.lower() in DEMAND_LEMMAS and cur.i != head.i and \
                not (cur.left_edge.i <= head.i <= cur.right_edge.i)
    return False


# verbs of a gathering or a statement: a clause of the same moment built on one ("as envoys
# met in Cairo", "while the president spoke in Kyiv") tells another scene
SCENE_VERBS = frozenset({"meet", "gather", "talk", "speak", "say", "hold", "visit", "arrive",
                         "attend", "negotiate", "convene", "travel", "fly"})


def _clause_of_another_scene(tok: Any) -> Any:
    """The clause of the same moment ("as", "while") on a verb of gathering or saying that
    holds ``tok``, or None."""
    cur = tok
    for _ in range(12):
        if cur.dep_ == "advcl" and cur.lemma_.lower() in SCENE_VERBS and any(
                c.dep_ == "mark" and c.lower_ in ("as", "while") for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _in_other_relative_clause(tok: Any, head: Any) -> bool:
    """``tok`` lies in a relative clause ("a man who lived in Poltava") or a clause of another
    time ("after strikes in Beirut killed ...") that does not hold the trigger ``head``."""
    other = args.clause_of_other_time(tok)
    if other is not None and not (other.left_edge.i <= head.i <= other.right_edge.i):
        return True  # "launched missiles at Israel days after strikes in Beirut killed ..."
    scene = _clause_of_another_scene(tok)
    if scene is not None and not (scene.left_edge.i <= head.i <= scene.right_edge.i):
        return True  # "the raid came as envoys gathered in Cairo": the envoys' place
    cur = tok
    for _ in range(12):
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.lemma_.lower() in SUPPLY_VERBS \
                and not (cur.left_edge.i <= head.i <= cur.right_edge.i):
            return True  # "a launcher supplied to Kiev by Prague", "drones made in Iran":
            #              where the weapon came from or went, not where it struck
        if cur.dep_ == "relcl":
            if cur.lemma_.lower() in MOTION_VERBS:
                return False  # "drones that had entered Polish airspace": where they were hit
            if cur.head.lemma_.lower() in DAMAGE_NOUNS:
                return False  # "the cause of the blaze that started at a refinery": where
                #               the damage was is where the strike was
            return not (cur.left_edge.i <= head.i <= cur.right_edge.i)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def anaphoric_place(sent: Any, layers: Any) -> Place | None:
    """ "in the region", "in the city": the last place of that kind named before."""
    low = sent.text.lower()
    want = None
    for word, prec in (("the region", ("admin1",)), ("the oblast", ("admin1",)),
                       ("the province", ("admin1",)), ("the city", ("city",)),
                       ("the town", ("city",)), ("the village", ("city",)),
                       ("the area", ("admin1", "admin2", "city"))):
        if word in low:
            want = prec
            break
    if want is None:
        return None
    text = sent.doc.text
    for pm in reversed(layers.places.before(sent.start_char)):
        if pm.place.precision in want and not in_stamp_line(text, pm.span.start) and \
                not _SUPPLIED_TO.search(text, max(0, pm.span.start - 30), pm.span.start):
            return pm.place
    return None


# "a launcher supplied to Kiev by Prague": the state a thing went to or came from, no scene
_SUPPLIED_TO = re.compile(r"\b(?i:supplied|provided|delivered|donated|sent|shipped|sold|given|"
                          r"transferred|made|manufactured)\s+(?:to|by|in|from)\s+(?:the\s+)?"
                          r"(?:[A-Z][\w'’-]+\s+(?:by|from)\s+)?$")

# prepositions whose object is a place, not a party (narrower than arguments.LOCATIVE_PREPS,
# which also takes "on", "from", "over" and "during" for an event's own phrase)
_WHERE_PREPS = frozenset({"in", "at", "near", "to", "into", "outside", "inside", "around",
                             "across", "through", "throughout", "along", "within", "towards",
                             "toward"})

NAMED_PARTY_KINDS = frozenset({"group", "person", "media"})  # (not "the Kremlin": a seat)
_PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "port", "province", "region",
                          "district", "state", "country"})
# nouns for a part of a town ("the streets of X")
_PART_NOUNS = frozenset({"streets", "street", "centre", "center", "outskirts", "suburbs",
                         "suburb", "heart", "downtown", "squares", "square", "districts",
                         "neighbourhoods", "neighborhoods", "parts", "part"})


def is_actor_name(pm: "PlacedMention", layers: Any, sdoc: Any) -> bool:
    hit = layers.actors.covering(pm.span.start, pm.span.end)
    if hit is None:
        return False
    span = sdoc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # in a locative prepositional phrase it is a place
    if root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS:
        return False
    if root.dep_ == "appos" and root.head.lower_ in _PLACE_NOUNS:
        return False  # "the centre of the capital, Nairobi": the name of a place noun
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lower_ in _PART_NOUNS | _PLACE_NOUNS:
        return False  # "took to the streets of Nairobi", "the outskirts of Kyiv", "the city
        #               of Kharkiv": a part of the place, or the place named
    if root.dep_ == "appos" and root.head.dep_ == "pobj" and \
            root.head.head.lower_ in ("in", "at", "near", "outside"):
        return False  # "met in Burgenstock, Switzerland": the address of a place the
        #               gazetteer may not know
    before = args.doc_text(sdoc)[max(0, pm.span.start - 16):pm.span.start].lower().rstrip(" ,")
    if before.split()[-1:] and before.split()[-1] in _PLACE_NOUNS:
        return False  # "police in the capital Dhaka" (whatever the parser attached it to)
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "pobj", "conj", "appos")


def _speaker(sdoc: Any, actor: Any) -> bool:
    """The actor mention is the subject of a verb of saying ("the US Central Command said")."""
    span = sdoc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SAY_LEMMAS
