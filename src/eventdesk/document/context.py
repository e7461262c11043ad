"""Fields a sentence leaves open and its report fills (stage ``document.context``).

A sentence often leans on the ones before it: "Several civilians were detained" after "The
army raided the city of Jenin" happened in Jenin, at the army's hands; "a five-hour meeting in
the Kremlin" after "The discussions, involving the U.S. envoy, ..." was a meeting between
Russia and the United States; "some provisions were unacceptable" after "the U.S. peace
proposal" rejects the United States' plan. Each rule names the construction it handles:

* ``context.place``: an event that happens somewhere (detentions, protests, meetings, aid,
  deployments, withdrawals) and whose sentence names no place takes the place of the event
  told just before it (same or previous paragraph, at most ``CARRY_SENTENCES`` sentences
  back), else the town that opens a sentence of its paragraph before it ("In Moscow,
  residents laid flowers ... Later, two people were detained near the monument"); a
  meeting with no place nearby takes the venue of the report's placed meeting; any
  such event takes the report's town when all its placed events happen in one town
  ("protesters gathered near Parliament" in a report of protests in Nairobi). An agreement
  with no place takes only a meeting's venue: the placed meeting told just before it, else
  the report's one meeting venue ("the two sides agreed to meet again" after talks in
  Istanbul); a pledge made anywhere else keeps no place. A place in
  none of the event's parties' countries is not carried. An attack that its report keeps
  apart from the incidents (a time of its own, another attacker) and that names no place
  takes only the town that opens a sentence of its paragraph or the report's one town ("on
  Saturday a drone hit a postal van" in a report of strikes on one city), where its
  target's country allows: the place of the event before it may be another incident's.
* ``context.venue``: a statement, demand, pledge or threat with no place, by a state that
  is a party of the report's one placed meeting and dated within the meeting's days, is
  made at the meeting's venue ("talks ended in Istanbul" ... "Russia's delegation
  demanded ..."); a state outside the meeting keeps no place.
* ``context.home``: a curfew, a ban, a mobilisation or an expulsion of diplomats that a
  state's government or forces order, with no place named, is ordered at home: the place is
  that state (country precision).
* ``context.town``: an event placed in a region takes the one town of that region the
  report names within two sentences of it ("the summit ended in Alaska" ... "on arrival at
  an air base in Anchorage"); an event placed in a country the one region or town of it
  ("a blaze broke out at a fuel depot in Russia" ... "the Ryazan region's governor said");
  a capital that acts ("Moscow's missile attacks", "Moscow said") counts as no place here,
  nor does a town named only as a reference point ("15 km north-west of Donetsk");
  an event whose sentence names a settlement the gazetteer does not know ("seized the eastern
  town of Bunagana") keeps its coarser place: that settlement is its town, not another one.
  A meeting placed in a country or region takes the one town of it named anywhere in the
  report (its venue: "talks in Turkey" ... "the delegations held in Istanbul"). An attack,
  arrest or protest with no place takes the one town of its target's country (of its other
  party's when the target's is unknown) named within two sentences ("nine herders died in
  air raids" ... "the raids on Aguelhok were the army's, the rebels said").
* ``context.subjects``: a coercion (a curfew, a ban, arrests) that a state orders at home, of
  no one of another country, is of its own people.
* ``context.victims``: an attack's victims or soldiers named with no country ("killed six
  soldiers") that the report places only through another sentence are the place's (the same
  rule the sentence stage applies when the sentence names the place).
* ``context.agent``: a detention or arrest told in the passive with no agent ("were
  detained") is the act of the state actor of the event told just before it, else of the
  authorities of the place.
* ``context.parties``: a meeting whose sentence names fewer than two parties takes the
  others from the people and states its own sentence names (in a relative clause, "which
  Putin described") and from a discussion just before it ("The talks, involving X and Y").
* ``context.proposal``: a rejection or acceptance with no target takes the owner of the
  proposal it is about ("the U.S. peace proposal", "Washington's plan") in its sentence or
  the one before.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventdesk.document.incidents import MAPPED_TYPES, Item, own_place
from eventdesk.extraction.rules import OCCUPIED
from eventdesk.merge.within import ELSEWHERE, place_km
from eventdesk.records import Actor, Event, Place
from eventdesk.resolve.places import region_of

STAGE = "document.context"
LOCATED_TYPES = frozenset({"COERCE", "PROTEST", "CONSULT", "AID", "MOBILIZE", "RETREAT",
                           "COOPERATE", "AGREE"})
CARRY_SENTENCES = 2
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG"})
PARTY_SECTORS = frozenset({"GOV", "MIL", "IGO", "REB", "JUD", "LEG", "OPP", "POL"})
PARTY_KINDS = frozenset({"person", "title", "country", "capital", "org", "institution",
                         "force", "group", "igo", "government"})
_PROPOSAL = re.compile(r"\b(?:peace\s+|ceasefire\s+|draft\s+)?(?:proposals?|plans?|offers?|"
                       r"initiatives?|demands?|resolutions?|drafts?|terms|memorandum|framework)\b",
                       re.I)
_DISCUSSION = re.compile(r"\b(?:talks|discussions|negotiations|meetings?|summit|consultations)\b",
                         re.I)
_ARREST_WORDS = re.compile(r"\b(?:detain|arrest|round(?:ed)? up|held|jail|imprison|abduct)",
                           re.I)


@dataclass(frozen=True, slots=True)
class Completion:
    rule: str
    reason: str
    event: Event  # the event as completed


HOME_TYPES = frozenset({"COERCE", "MOBILIZE"})
# an expulsion of diplomats is done at home, where they are sent out of (SANCTION)
_EXPULSION = re.compile(r"\b(?:expel|expuls|oust|threw out|throw out|thrown out|kick(?:ed)? "
                        r"out|persona|undesirable|unwelcome|to leave|to depart)", re.I)


def _country_place(iso3: str) -> Place | None:
    from eventdesk.resolve.places import place_of
    from eventdesk.resources.gazetteer import Gazetteer

    e = Gazetteer.load().country_entry(iso3)
    return place_of(e) if e is not None else None


def _in_sentence(span: Any, ev: Event) -> bool:
    return span is not None and ev.sentence.start <= span.start < ev.sentence.end


def _with_place(ev: Event, place: Place) -> Event:
    return ev.replace(location=place)


# a sentence opened by its place: "In Moscow, residents laid flowers ..."
_FRONTED = re.compile(r"^\W*(?:In|At|Across)\s+(?:the\s+(?:city|town|village|capital)\s+of\s+)?$")


def _paragraph_scene(text: str, places: Sequence[Any], ev: Event,
                     sentence_starts: Sequence[int]) -> Place | None:
    """The place that opens a sentence of the event's paragraph before it ("In Moscow, ...":
    the scene of what the paragraph goes on to tell), the last such one."""
    para = text.rfind("\n", 0, ev.sentence.start) + 1
    scene = None
    for pm in places:
        s = pm.span.start
        if s < para or s >= ev.sentence.start or pm.place.precision != "city":
            continue
        k = bisect.bisect_right(sentence_starts, s) - 1
        start = max(sentence_starts[k] if k >= 0 else 0, para)
        if _FRONTED.match(text[start:s]) and text[pm.span.end:pm.span.end + 2].startswith(","):
            scene = pm.place
    return scene


# nouns that name an incident told before ("The protest ended with ...", "The attack
# damaged ..."): a definite one refers back
INCIDENT_NOUNS = frozenset({"protest", "rally", "march", "demonstration", "sit-in", "strike",
                            "attack", "raid", "assault", "shelling", "bombing", "explosion",
                            "blast", "ambush", "clash", "clashes", "fighting", "operation",
                            "meeting", "talks", "visit", "summit", "arrests", "crackdown"})
_DEFINITE_OPENING = re.compile(r"^\W*(?:The|This|That)\s+([a-z]+)\b")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$")
ANTECEDENT_SENTENCES = 2


def _antecedent_place(text: str, places: Sequence[Any], ev: Event,
                      sentence_starts: Sequence[int]) -> Place | None:
    """"Thousands gathered in X's main square on Thursday. The protest ended with arrests":
    a sentence that opens on a definite noun of its event ("The protest", "This attack")
    refers back to the sentences before it in its paragraph, and the event happened at the
    one place the nearest of them puts something (after in/at/near/outside), even where no
    event was read there."""
    m = _DEFINITE_OPENING.match(text[ev.sentence.start:ev.sentence.end])
    if m is None or m.group(1) not in INCIDENT_NOUNS:
        return None
    k = bisect.bisect_right(sentence_starts, ev.sentence.start) - 1
    para = text.rfind("\n", 0, ev.sentence.start) + 1
    for j in range(k - 1, max(k - 1 - ANTECEDENT_SENTENCES, -1), -1):
        s0, s1 = sentence_starts[j], sentence_starts[j + 1]
        if s1 <= para:
            break
        found = {}
        for pm in places:
            if s0 <= pm.span.start < s1 and pm.place.precision in ("city", "admin1") and \
                    _LOCATIVE_BEFORE.search(text[max(s0, pm.span.start - 12):pm.span.start]):
                found[(pm.place.name, pm.place.country)] = pm.place
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _meeting_place(items: list[Item], k: int) -> tuple[Place, str] | None:
    """The venue of the meeting an agreement came out of: the placed meeting told just
    before it, else the report's one meeting venue."""
    it = items[k]
    for j in range(k - 1, -1, -1):
        prev = items[j]
        if it.sentence - prev.sentence > CARRY_SENTENCES:
            break
        place = own_place(prev.event)
        if prev.event.type == "CONSULT" and place is not None and place.precision == "city":
            return place, "the venue of the meeting told just before it"
    venues = {(v.name, v.country): v for v in (own_place(o.event) for o in items
                                               if o.event.type == "CONSULT")
              if v is not None and v.precision == "city"}
    if len(venues) == 1:
        return next(iter(venues.values())), "the venue of the report's one meeting"
    return None


def _carry_place(items: list[Item], k: int, *, town_only: bool = False, text: str = "",
                 places: Sequence[Any] = (), sentence_starts: Sequence[int] = ()
                 ) -> tuple[Place, str] | None:
    it = items[k]
    if it.event.type == "AGREE":
        return _meeting_place(items, k)
    captives = _captives_exchanged(it.event)
    for j in range(k - 1, -1, -1) if not town_only else ():
        prev = items[j]
        if it.sentence - prev.sentence > CARRY_SENTENCES:
            break
        if abs(it.block - prev.block) > 1:
            break
        if captives and prev.event.type not in EXCHANGE_SETTINGS:
            continue
        place = own_place(prev.event)
        if place is not None and place.precision != "country":
            return place, "the place of the event told just before it"
    if captives:
        return None
    scene = _paragraph_scene(text, places, it.event, sentence_starts) if text else None
    if scene is not None:
        return scene, "the place that opens a sentence of its paragraph before it"
    before = _antecedent_place(text, places, it.event, sentence_starts) if text else None
    if before is not None:
        return before, "the place of the sentence its definite noun refers back to"
    if it.event.type == "CONSULT" and not town_only:
        venues = [own_place(o.event) for o in items if o is not it and o.event.type == "CONSULT"]
        venues = [v for v in venues if v is not None and v.precision == "city"]
        if venues:
            return venues[0], "the venue of the report's meeting"
    towns = [p for p in (own_place(o.event) for o in items if o is not it)
             if p is not None and p.precision == "city" and p.lat is not None]
    if towns and all(place_km(towns[0], t) <= ONE_PLACE_KM for t in towns[1:]):
        return towns[0], "the one town where the report's events happen"
    if not towns and it.event.type in CROWD_TYPES:
        # "crowds marched through Mexico City ... the demonstration ended in clashes and
        # dozens were detained": a report that names one town, before the protest or
        # arrest, and no other place of its own tells what it tells there
        named = [p for p in places if p.place.precision != "country"]
        if named and all(p.place.precision == "city" and p.place.lat is not None and
                         place_km(named[0].place, p.place) <= ONE_PLACE_KM for p in named) and \
                named[0].span.start < it.event.trigger.start:
            return named[0].place, "the one town the report names"
    return None


# a crowd's acts and the arrests of it: where a report of one town tells them, they happened
CROWD_TYPES = frozenset({"PROTEST", "COERCE"})
# a state's force at home: police arrest, deploy, disperse and shoot where they serve ("police
# arrested dozens in Lahore" are Pakistan's police, whatever other countries the report names)
HOME_FORCE_TYPES = frozenset({"COERCE", "MOBILIZE", "ASSAULT"})
LOCAL_FORCES = frozenset({"role:police", "role:official"})


# statements, demands and pledges: a party to a meeting says them where it meets
SPOKEN_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "CONCEDE"})


def _venue_of_speaker(items: list[Item], k: int) -> Place | None:
    """The venue of the report's one placed meeting (a town), when the statement's speaker is
    one of its parties and the dates agree ("talks in Istanbul ended on Friday" ... "Russia's
    delegation demanded that Ukraine withdraw"): said at the talks. A speaker of no country
    or a state outside the meeting keeps no place."""
    ev = items[k].event
    if ev.actor1 is None or not ev.actor1.country:
        return None
    meetings = [o.event for o in items if o.event.type == "CONSULT"]
    venues = {(v.name, v.country): (v, m) for m in meetings
              if (v := own_place(m)) is not None and v.precision == "city"}
    if len(venues) != 1:
        return None
    venue, meeting = next(iter(venues.values()))
    parties = {a.country for m in meetings for a in (m.actor1, m.actor2)
               if a is not None and a.country}
    if ev.actor1.country not in parties:
        return None
    if ev.date is not None and meeting.date is not None and (
            ev.date.latest < meeting.date.earliest or meeting.date.latest < ev.date.earliest):
        return None
    return venue


ONE_PLACE_KM = 25.0
# captives swapped ("exchanged 200 prisoners", "a prisoner swap") change hands where the two
# sides meet, not where the report's strikes fell: such a swap takes only the place of a
# release or of the talks told just before it. (A one-sided release, "handed over the
# hostages", happens where the captors hold them, and takes its place as other events do.)
_CAPTIVES_TRIGGER = re.compile(r"\b(?:exchang|swap)", re.I)
EXCHANGE_SETTINGS = frozenset({"RETREAT", "CONSULT", "AGREE", "CONCEDE"})


def _captives_exchanged(ev: Event) -> bool:
    return ev.type == "RETREAT" and bool(_CAPTIVES_TRIGGER.search(ev.trigger.text))


def _state_actor_before(items: list[Item], k: int) -> Actor | None:
    it = items[k]
    for j in range(k - 1, -1, -1):
        prev = items[j]
        if it.sentence - prev.sentence > CARRY_SENTENCES:
            break
        a = prev.event.actor1
        if a is not None and a.country and a.sector in STATE_SECTORS:
            return a
    return None


def _victims_side(ev: Event) -> Actor | None:
    """The side of an attack's countryless victims once the report has placed it: civilians
    are the place's; soldiers are when someone else (a foreign state, a rebel group)
    attacked them. None when nothing is to fill or the place is held by the attacker."""
    a2, a1, loc = ev.actor2, ev.actor1, ev.location
    if a2 is None or a2.country is not None or loc is None or not loc.country or \
            a2.sector not in ("CVL", "MIL"):
        return None
    side = loc.country
    if a1 is not None and a1.country == side and (
            OCCUPIED.search(ev.sentence.text) or a2.sector == "MIL" and a1.sector != "REB"):
        return None  # "in Russian-held areas"; a state's forces fighting its own soldiers
    return Actor(name=a2.name, country=side, sector=a2.sector, span=a2.span,
                 entry_id=a2.entry_id)


def _passive_arrest(ev: Event) -> bool:
    trig = ev.trigger.text
    return bool(_ARREST_WORDS.search(trig)) and bool(
        re.search(r"\b(?:were|was|been|being|be|are|is|got)\s+(?:\w+\s+)?$",
                  ev.sentence.text[:ev.trigger.start - ev.sentence.start]))


def _parties_in(actors: Sequence[Any], start: int, end: int) -> list[Any]:
    return [a for a in actors if start <= a.span.start < end and a.country
            and a.sector in PARTY_SECTORS and getattr(a, "kind", "") in PARTY_KINDS
            and not getattr(a, "locative", False)]


def _sentence_before(ev: Event, starts: Sequence[int]) -> tuple[int, int] | None:
    prev = [s for s in starts if s < ev.sentence.start]
    if not prev:
        return None
    return prev[-1], ev.sentence.start


def _to_actor(a: Any) -> Actor:
    return Actor(name=a.name, country=a.country, sector=a.sector, span=a.span,
                 entry_id=getattr(a, "entry_id", None))


def _meeting_parties(ev: Event, actors: Sequence[Any], starts: Sequence[int], text: str
                     ) -> tuple[Actor | None, Actor | None] | None:
    a1, a2 = ev.actor1, ev.actor2
    have = [a for a in (a1, a2) if a is not None and a.country]
    if len({a.country for a in have}) >= 2:
        return None
    pool = _parties_in(actors, ev.sentence.start, ev.sentence.end)
    before = _sentence_before(ev, starts)
    if before is not None and _DISCUSSION.search(text[before[0]:before[1]]):
        pool += _parties_in(actors, *before)
    countries = [a.country for a in have]
    found = []
    for cand in pool:
        if cand.country not in countries:
            countries.append(cand.country)
            found.append(_to_actor(cand))
    if not found:
        return None
    if a1 is None or not a1.country:
        a1 = found.pop(0)
    if found and (a2 is None or not a2.country or a2.country == a1.country):
        a2 = found.pop(0)
    return a1, a2


def _proposal_owner(ev: Event, actors: Sequence[Any], starts: Sequence[int], text: str
                    ) -> Actor | None:
    spans = [(ev.sentence.start, ev.sentence.end)]
    before = _sentence_before(ev, starts)
    if before is not None:
        spans.append(before)
    own = ev.actor1.country if ev.actor1 is not None else None
    for s, e in spans:
        for m in _PROPOSAL.finditer(text, s, e):
            owner = None
            for a in actors:
                if a.country and a.country != own and a.span.end <= m.start() \
                        and m.start() - a.span.end <= 25 and a.span.start >= s and \
                        re.fullmatch(r"(?:['’]s)?(?:\s+[a-z-]+){0,2}\s*",
                                     text[a.span.end:m.start()]):
                    owner = a
            if owner is not None:
                return _to_actor(owner)
    return None


# a settlement the sentence names that the gazetteer may not know: "the eastern town of
# Bunagana", "in Kormash town", "a base in the village of X"
_SETTLEMENT_OF = re.compile(
    r"\b(?:town|village|city|settlement|hamlet|locality|commune|township|camp)\s+of\s+"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|\b([A-Z][\w'’-]+)\s+(?:town|village|township|commune)\b")


def names_unknown_settlement(ev: Event, places: Sequence[Any]) -> bool:
    """The event's sentence names a settlement that no resolved place covers: its town is
    that one, unknown here, not another town the report names."""
    sent = ev.sentence
    for m in _SETTLEMENT_OF.finditer(sent.text):
        g = 1 if m.group(1) else 2
        s, e = sent.start + m.start(g), sent.start + m.end(g)
        if not any(p.span.start < e and s < p.span.end for p in places):
            return True
    return False


# a town named as a reference point: "30 km east of the regional centre Zaporizhzhia",
# "north of Kharkiv", "five miles from the city of Idlib"
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s)\s+(?:\([^)]{1,20}\)\s+)?"
    r"(?:(?:north|south|east|west)[a-z-]*\s+)?(?:of|from)"
    r"|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:(?:regional|provincial|district)\s+)?"
    r"(?:(?:capital|city|town|village|centre|center)\s+(?:of\s+)?)?$", re.I)


def _reference_point(text: str, span: Any) -> bool:
    """The place is named as a reference point, not as where something happened."""
    return bool(text) and bool(_REFERENCE_BEFORE.search(text[max(0, span.start - 60):
                                                             span.start]))


def _town_in_region(ev: Event, places: Sequence[Any], starts: Sequence[int],
                    region: Place | None = None, reach: int = CARRY_SENTENCES,
                    text: str = "") -> Place | None:
    """The one town of the event's region (its own place, or ``region``) that the text names
    within ``CARRY_SENTENCES`` sentences of it ("ended in Alaska" ... "on arrival at an air
    base in Anchorage"); none when the event's sentence names a settlement of its own that the
    gazetteer does not know ("seized the eastern town of Bunagana" is not the Goma named
    next)."""
    if names_unknown_settlement(ev, places):
        return None
    region = region or own_place(ev)
    if region is None or region.precision not in ("admin1", "country"):
        return None
    if region.precision == "admin1" and not region.admin1:
        return None
    # a country-wide place takes the one region or town of that country named beside it
    # ("a refinery in Russia" ... "the Ryazan region governor said")
    k = bisect.bisect_right(starts, ev.sentence.start) - 1
    lo = starts[max(0, k - reach)] if starts else 0
    hi = starts[k + reach + 1] if k + reach + 1 < len(starts) else 10**12
    if region.precision == "country":
        finer = {(p.place.name, p.place.country): p for p in places
                 if lo <= p.span.start < hi and p.place.precision in ("city", "admin1")
                 and p.place.country == region.country}
        regions = {p.place.admin1 or p.place.name for p in finer.values()}
        if len(regions) != 1:
            return None
        towns = {k: p for k, p in finer.items() if p.place.precision == "city"} or finer
        if len(towns) != 1:
            return None
        town = next(iter(towns.values()))
        return town.place if town.place.span is not None else dataclasses.replace(
            town.place, span=town.span)
    towns = {(p.place.name, p.place.country): p for p in places
             if lo <= p.span.start < hi and p.place.precision == "city"
             and p.place.country == region.country and p.place.admin1 == region.admin1}
    if len(towns) > 1 and text:
        # a town named only as a reference point ("Vodiane, 15 km north-west of Donetsk")
        # is not where the event happened
        towns = {k: p for k, p in towns.items() if not all(
            _reference_point(text, q.span) for q in places
            if (q.place.name, q.place.country) == k and q.place.precision == "city"
            and lo <= q.span.start < hi)}
    if len(towns) != 1:
        return None
    town = next(iter(towns.values()))
    return town.place if town.place.span is not None else dataclasses.replace(
        town.place, span=town.span)


def complete(items: list[Item], *, actors: Sequence[Any], sentence_starts: Sequence[int],
             text: str, places: Sequence[Any] = ()) -> list[Completion]:
    """Fill open fields of the document's events from their context (rules in the module
    doc); ``items`` are changed in place; returns what was filled."""
    done: list[Completion] = []
    items.sort(key=lambda it: it.start)
    # a capital that acts ("Moscow's missile attacks", "Moscow said") names no place here
    acting = {a.span.start for a in actors if getattr(a, "kind", "") in ("capital", "force")
              and not getattr(a, "locative", False)}
    places = [p for p in places if p.span.start not in acting]
    for k, it in enumerate(items):
        ev = it.event
        if ev.type in LOCATED_TYPES or ev.type == "ASSAULT":
            town = _town_in_region(ev, places, sentence_starts, text=text)
            why = "the one town of its region the report names beside it"
            if town is None and ev.type == "CONSULT":
                town = _town_in_region(ev, places, sentence_starts, reach=len(sentence_starts),
                                       text=text)
                why = "the one town of its country or region the report names: the venue"
            if town is None and ev.location is None and ev.type in MAPPED_TYPES:
                # an attack with no place whose next sentence names the one town of its
                # target's country ("nine herders died in air raids on Sunday" ... "the raids
                # on Aguelhok were the army's, the rebels said")
                # (the target's country; the attacker's only when the target's is unknown:
                # "Ukrainian drones hit a Russian refinery" is not in the Ukrainian town)
                sides = (ev.actor2, ev.actor1) if ev.type == "ASSAULT" else (ev.actor1,
                                                                            ev.actor2)
                if sides[0] is not None and sides[0].country:
                    sides = sides[:1]
                for side in sides:
                    country = _country_place(side.country) if side is not None and \
                        side.country else None
                    if country is not None:
                        town = _town_in_region(ev, places, sentence_starts, region=country,
                                               text=text)
                    if town is not None:
                        why = "the one town of a party's country the report names beside it"
                        break
            if town is not None:
                ev = _with_place(ev, town)
                done.append(Completion("context.town", why, ev))
        if (ev.type in LOCATED_TYPES or ev.type == "ASSAULT") and ev.location is None:
            carried = _carry_place(items, k, town_only=ev.type == "ASSAULT", text=text,
                                   places=places, sentence_starts=sentence_starts)
            sides = {a.country for a in ((ev.actor2,) if ev.type == "ASSAULT" else
                                         (ev.actor1, ev.actor2))
                     if a is not None and a.country}  # an attack is where its target is
            if carried is not None and sides and carried[0].country not in sides and \
                    ev.type != "AGREE":
                carried = None  # "Russia and Belarus began exercises" is not in Poland (a
                #                 meeting's venue may be a third country's)
            if carried is not None and ELSEWHERE.search(ev.sentence.text):
                region = region_of(carried[0])
                carried = None if region is None else (
                    region, "the region of the place told before it: the sentence moves "
                    "elsewhere")
            if carried is not None:
                ev = _with_place(ev, carried[0])
                a2 = ev.actor2
                if a2 is not None and a2.country is None and a2.sector == "CVL" and \
                        carried[0].country:
                    # "Several civilians were detained": the place's people
                    ev = ev.replace(actor2=Actor(name=a2.name, country=carried[0].country,
                                                 sector="CVL", span=a2.span,
                                                 entry_id=a2.entry_id))
                done.append(Completion("context.place", carried[1], ev))
        if ev.type in SPOKEN_TYPES and ev.location is None and \
                (venue := _venue_of_speaker(items, k)) is not None:
            ev = _with_place(ev, venue)
            done.append(Completion("context.venue", "said by a party of the report's one "
                                   "meeting, that day: at its venue", ev))
        if ev.type == "SANCTION" and ev.actor1 is None and _EXPULSION.search(ev.trigger.text) \
                and ev.location is not None and ev.location.country and (
                    ev.actor2 is None or ev.actor2.country != ev.location.country):
            c = ev.location.country
            ev = ev.replace(actor1=Actor(name=f"Government ({c})", country=c, sector="GOV"))
            done.append(Completion("context.agent", "an envoy sent away with no one named: "
                                   "the state of the post's country", ev))
        if (ev.type in HOME_TYPES or ev.type == "SANCTION" and _EXPULSION.search(
                ev.trigger.text)) and ev.location is None and ev.actor1 is not None and \
                ev.actor1.country and ev.actor1.sector in STATE_SECTORS and \
                _in_sentence(ev.actor1.span, ev) and \
                (home := _country_place(ev.actor1.country)) is not None:
            town = _town_in_region(ev, places, sentence_starts, region=home)
            ev = ev.replace(location=town or home)
            done.append(Completion("context.home", "a state's measure with no place of its "
                                   "own is taken at home" + (
                                       ", in the one region or town of it named beside it"
                                       if town is not None else ""), ev))
        if ev.type == "COERCE" and ev.actor1 is None and _passive_arrest(ev):
            agent = _state_actor_before(items, k)
            why = "the state actor of the event told just before it"
            if agent is None and ev.location is not None and ev.location.country:
                c = ev.location.country
                agent = Actor(name=f"Authorities ({c})", country=c, sector="GOV")
                why = "the authorities of the place"
            if agent is not None:
                ev = ev.replace(actor1=agent)
                done.append(Completion("context.agent", why, ev))
        if ev.type in HOME_FORCE_TYPES and ev.actor1 is not None and \
                ev.actor1.entry_id in LOCAL_FORCES and ev.location is not None and \
                ev.location.country and ev.actor1.country != ev.location.country and \
                ev.location.precision in ("city", "admin2", "admin1") and (
                    ev.actor1.country is None or not OCCUPIED.search(text)):
            # (a bare "police" took its country from the report's other states, "the party
            # leader, who lives in London"; in an occupied town the occupier's police serve)
            a1 = ev.actor1
            ev = ev.replace(actor1=Actor(name=a1.name, country=ev.location.country,
                                         sector=a1.sector, span=a1.span,
                                         entry_id=a1.entry_id))
            done.append(Completion("context.local_force", "police or officials of no country "
                                   "named, acting in a town or region, are that place's", ev))
        if ev.type == "COERCE" and (ev.actor2 is None or ev.actor2.country is None) and \
                ev.actor1 is not None and \
                ev.actor1.country and ev.actor1.sector in STATE_SECTORS and \
                (ev.location is None or ev.location.country == ev.actor1.country):
            c = ev.actor1.country
            a2 = ev.actor2
            ev = ev.replace(actor2=Actor(name=f"Civilians ({c})", country=c, sector="CVL")
                            if a2 is None else Actor(name=a2.name, country=c, sector=a2.sector,
                                                     span=a2.span, entry_id=a2.entry_id))
            done.append(Completion("context.subjects", "a state's coercion at home, of no "
                                   "one of another country, is of its own people", ev))
        if ev.type == "ASSAULT" and (victims := _victims_side(ev)) is not None:
            ev = ev.replace(actor2=victims)
            done.append(Completion("context.victims", "the people or soldiers hit, of no "
                                   "country named, are of the place the report gives it", ev))
        if ev.type == "CONSULT":
            parties = _meeting_parties(ev, actors, sentence_starts, text)
            if parties is not None and (parties[0], parties[1]) != (ev.actor1, ev.actor2):
                ev = ev.replace(actor1=parties[0], actor2=parties[1])
                done.append(Completion("context.parties", "the parties its sentence and the "
                                       "discussion before it name", ev))
        if ev.type in ("REJECT", "AGREE") and ev.actor2 is None:
            owner = _proposal_owner(ev, actors, sentence_starts, text)
            if owner is not None:
                ev = ev.replace(actor2=owner)
                done.append(Completion("context.proposal", "the owner of the proposal it "
                                       "is about", ev))
        if ev.type == "PROTEST" and ev.location is not None and ev.location.country and (
                ev.actor1 is None or ev.actor1.country is None and
                ev.actor1.sector in ("CVL", None)):
            c = ev.location.country
            a1 = ev.actor1
            ev = ev.replace(actor1=Actor(name=a1.name if a1 is not None else f"Protesters ({c})",
                                         country=c, sector="CVL",
                                         span=a1.span if a1 is not None else None,
                                         entry_id=a1.entry_id if a1 is not None else None))
            done.append(Completion("context.crowd", "a crowd of no country named, placed by "
                                   "the report, is of the place's country", ev))
        it.event = ev
    return done
