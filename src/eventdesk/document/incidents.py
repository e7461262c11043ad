"""Incidents: the report's attacks and protests as a reader counts them (stage
``document.incidents``).

A real report tells one strike in its headline, its lead and several follow-up sentences:
"Glide bombs kill two in Kramatorsk" / "Two guided bombs hit a school in Kramatorsk on Sunday"
/ "Two people died and nine were hurt" / "The injured are in hospital". Sentence extraction
finds a mention in each; a reader counts one incident, at its most specific place, with the
latest toll and the evidence of every sentence. The rules here fold mentions into incidents;
each names the construction it handles:

* ``incident.headline``: a mention in the title lines is a summary of an incident the body
  tells: it joins the first compatible body mention of its type (any type: "Egypt hosts
  Hamas delegation" is the meeting the body reports).
* ``incident.follow_up``: a violent mention with no place of its own ("Three more people were
  injured", "The attack also damaged a school") belongs to an incident the report places: the
  nearest one before it, else the only one of the report, else the one told right after it
  (a lead before its place). It stays apart when it brings a time that does not overlap the
  incident's or an attacker of another country.
* ``incident.specific_place``: a mention placed in a region (or a country) and one placed in
  a town of that region (or country) a sentence or two away, with no conflicting figures, are
  one incident at the town ("... killed in the Kherson region" / "bombs hit houses in the
  village of X"; "launched missiles toward Israel" / "a missile fell in Tel Aviv").
* ``incident.each_place``: an attack on places named together ("the villages of X and Y",
  "the X, Y and Z regions") is one attack per place (ACLED codes one event per location).
* ``incident.placed_later``: a mention that only the report's context puts in a town (the
  incident named again, "the incident was a drone attack ... on Russian territory") is the
  incident told in that town before it (run after ``document.context``).
* ``incident.same_day_arrests``: arrests by one side in one town on one day ("police detained
  five people", "officers also detained X") are one arrest event, as ACLED codes them.
* ``incident.revision``: a mention told as an update of the figures ("Update: prosecutors
  later said the strike killed four", "the toll has since risen to nine") at the place of an
  earlier incident, or a place inside it or around it, is that incident with the revised
  figures, even when the figures differ (the conflicting_counts flag tells the reader).
* ``incident.unplaced``: when no mention of the type is placed at all, the report's placeless
  mentions that agree are one incident.
* ``incident.property``: houses burnt or shops looted by the attackers of an attack told
  just before it (or in its sentence), with no other place or attacker, are that attack's
  damage, not a second event.
* ``incident.crowd``: people hurt during a protest or its dispersal, or "the clashes" at a
  protest's town, with no one killed, are the protest's toll, not an attack of their own.
* ``incident.unplaced_reference``: an attack left with no place at the end, in a report that
  places its other attacks, is a reference, not an incident (dropped); in a text of 80 words
  or more, so is an attack, a detention or a protest left with no place or only a country.

Compatibility everywhere: the same PLOVER type, date windows that overlap, initiators that
do not name different countries, and no word that opens a new incident ("Another strike hit
...", "In a separate attack").
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventdesk.extraction.numbers import parse_number
from eventdesk.extraction.rules import CLASH_WORDS
from eventdesk.merge.within import (combine, misread_self_attack, opens_new_incident,
                                    party_countries, place_km, places_agree)
from eventdesk.records import Event, Evidence, Place
from eventdesk.resolve.places import BETWEEN_BEFORE

STAGE = "document.incidents"
INCIDENT_TYPES = frozenset({"ASSAULT", "PROTEST", "CONSULT"})
SYMMETRIC_TYPES = frozenset({"CONSULT"})
# a country-wide attack aimed at many places is their salvo, not one town's incident
SPREAD = re.compile(r"\b(?:cities|towns|regions|villages|provinces|oblasts|settlements|across|"
                    r"nationwide|countrywide|several|multiple|various)\b", re.I)  # a meeting's sides may be named in either order
PRECISION_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}
FOLLOW_UP_SENTENCES = 8  # a placeless follow-up looks this many sentences back for its incident
LEAD_SENTENCES = 2  # ... or this many ahead (a lead told before its place)
SPECIFY_SENTENCES = 2  # a region's mention and a town's, this close, may be one incident
LEAD_REACH = 10  # ... and a lead's region, this many sentences ahead of the town's


@dataclass(slots=True)
class Item:
    """An event with where it stands in the document."""

    event: Event
    sentence: int  # index of its sentence
    block: int  # index of its block (paragraph)
    title: bool  # in the title lines
    alive: bool = True
    last: int = -1  # index of the last sentence that tells it (mentions folded into it)

    @property
    def last_sentence(self) -> int:
        return max(self.sentence, self.last)

    @property
    def start(self) -> int:
        return self.event.trigger.start


@dataclass(frozen=True, slots=True)
class Fold:
    """``source`` was folded into ``target`` by ``rule``."""

    rule: str
    reason: str
    source: Event
    target_id: str


def _own(span, event: Event) -> bool:
    return span is not None and event.sentence.start <= span.start < event.sentence.end


def own_place(event: Event) -> Place | None:
    """The event's place when a sentence of its own names it: its sentence, or the sentence
    of a mention merged into it (its location evidence); not a place carried from the text
    before or taken from the dateline."""
    loc = event.location
    if loc is None or loc.span is None:
        return None
    if _own(loc.span, event) or any(
            e.role == "location" and e.span.start == loc.span.start for e in event.evidence):
        return loc
    return None


def own_date(event: Event):
    d = event.date
    return d if d is not None and _own(d.span, event) else None


def dates_overlap(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    return a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest


def _attacker_country(event: Event) -> str | None:
    a = event.actor1
    return a.country if a is not None and _own(a.span, event) else None


def _new_attacker(follow: Event, incident: Event) -> bool:
    """The follow-up names an attacker of another country than the incident's."""
    mine = _attacker_country(follow)
    theirs = incident.actor1.country if incident.actor1 is not None else None
    if follow.type in SYMMETRIC_TYPES and mine and incident.actor2 is not None and \
            mine == incident.actor2.country:
        return False  # "Egypt hosts a Hamas delegation" / "Hamas and Egyptian officials met"
    if follow.type in SYMMETRIC_TYPES and theirs and follow.actor2 is not None and \
            follow.actor2.country == theirs:
        return False  # "Rubio arrived for talks" / "the Ukrainian delegation met the Americans"
    if _reversed_battle(follow, incident):
        return False  # "X and Y forces exchange fire" / "Y's and X's troops clashed": one fight
    if follow.type == incident.type == "ASSAULT" and (misread_self_attack(follow, incident)
                                                       or misread_self_attack(incident, follow)):
        return False  # "the prosecutors put the toll at 52 injured": the teller's country
        #              taken for the attacker of a foreign state's strike on it
    return bool(mine and theirs and mine != theirs)


def _reversed_battle(a: Event, b: Event) -> bool:
    """Two battles (ACLED Battles) between the same two countries' sides, told with either
    side first: an exchange of fire or a clash has no one attacker."""
    if a.type != "ASSAULT" or b.type != "ASSAULT" or a.acled_event_type != "Battles" or \
            b.acled_event_type != "Battles":
        return False
    pa, pb = party_countries(a), party_countries(b)
    return None not in pa and pa[0] != pa[1] and pa == pb[::-1]


def _new_time(follow: Event, incident: Event) -> bool:
    """The follow-up's own time expression does not overlap the incident's window."""
    return own_date(follow) is not None and not dates_overlap(follow, incident)


def _figures_conflict(a: Event, b: Event) -> bool:
    return any(x is not None and y is not None and x != y
               for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)))


def _compatible(follow: Event, incident: Event, *, own_time: bool = False) -> bool:
    """Same type, overlapping dates, no new attacker, no new incident announced. With
    ``own_time`` only a time the follow-up states itself counts (a time carried over from an
    earlier sentence about something else does not keep it apart)."""
    later = follow if follow.trigger.start > incident.trigger.start else incident
    dates_ok = dates_overlap(follow, incident) or (own_time and own_date(follow) is None)
    return (follow.type == incident.type and dates_ok
            and not _new_attacker(follow, incident) and not opens_new_incident(later))


def _fold(items: list[Item], src: Item, dst: Item, rule: str, reason: str,
          folds: list[Fold]) -> None:
    """Fold ``src`` into ``dst``: ``dst`` keeps its trigger and sentence; the place becomes
    the more specific one; figures, means and evidence come from both."""
    first, second = (dst, src) if dst.start <= src.start else (src, dst)
    merged = combine(first.event, second.event)
    actor1 = _stated_actor(first.event.actor1, first.event, second.event.actor1, second.event)
    if first.event.type == "ASSAULT" and misread_self_attack(first.event, second.event):
        actor1 = second.event.actor1  # the foreign attacker over the target's own state
    merged = merged.replace(trigger=dst.event.trigger, sentence=dst.event.sentence,
                            id=dst.event.id, location=_more_specific(dst.event.location,
                                                                     src.event.location),
                            actor1=actor1)
    a1 = merged.actor1
    if merged.type in SYMMETRIC_TYPES and a1 is not None and a1.country and (
            merged.actor2 is None or merged.actor2.country == a1.country):
        # "the envoy arrived for talks" + "the delegation met with the Americans": the
        # meeting's other side is the party that is not the initiator's country
        other = next((a for ev in (dst.event, src.event) for a in (ev.actor1, ev.actor2)
                      if a is not None and a.country and a.country != a1.country), None)
        if other is not None:
            merged = merged.replace(actor2=other)
    if not dates_overlap(first.event, second.event):
        # folded across dates only when one of them carried no time of its own: the stated
        # time is the incident's ("killed on Friday evening" under an undated headline)
        stated = next((it.event.date for it in (dst, src) if own_date(it.event) is not None),
                      merged.date)
        merged = merged.replace(date=stated)
    folds.append(Fold(rule, reason, src.event, dst.event.id))
    dst.event = merged
    dst.last = max(dst.last_sentence, src.last_sentence)
    src.alive = False


def _stated(actor, event: Event) -> bool:
    """The actor is named in the event's own words (not inferred from the rest of the report)."""
    return actor is not None and actor.span is not None and (_own(actor.span, event) or any(
        e.role == "actor1" and e.span.start == actor.span.start for e in event.evidence))


def _stated_actor(a, a_event: Event, b, b_event: Event):
    """The earlier mention's attacker, unless only the later one names its attacker: a
    headline's attacker guessed from the rest of the report gives way to the one the body
    states ("Shelling amid truce" folded into "Ukrainian forces launched attacks ...")."""
    if a is None or (not _stated(a, a_event) and _stated(b, b_event) and b.country):
        return b if b is not None else a
    return a


def _more_specific(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if PRECISION_RANK.get(b.precision, 3) < PRECISION_RANK.get(a.precision, 3) else a


def _headline_place_agrees(title: Place | None, body: Place | None) -> bool:
    """A headline names the incident's place as it is known abroad: "in northern Syria" over
    a body that tells the town. A country in the headline agrees with any place in it."""
    if title is not None and body is not None and title.precision == "country":
        return title.country == body.country
    return places_agree(title, body) is not False


def _told_date(event: Event):
    """The date a mention merged into the event states (a headline that took in the body's
    "On February 26, troops attacked ..."): the headline's incident is then of that day, not
    of another day the body tells ("on February 21, ... dropped four bombs")."""
    d = event.date
    if d is None or d.span is None or d.carried:
        return None  # (a page's time stamp carried to the headline tells no incident's day)
    return d if any(e.role == "date" and e.span.start == d.span.start
                    for e in event.evidence) else None


def _headlines(items: list[Item], folds: list[Fold]) -> None:
    body = [it for it in items if not it.title]
    for it in [i for i in items if i.title and i.alive]:
        told = _told_date(it.event)
        target = next((b for b in body if b.alive and _compatible(it.event, b.event, own_time=True)
                       and (told is None or dates_overlap(it.event, b.event))
                       and _headline_place_agrees(it.event.location, b.event.location)), None)
        if target is not None:
            _fold(items, it, target, "incident.headline",
                  "the headline summarises an incident the body tells", folds)


def _follow_ups(items: list[Item], folds: list[Fold]) -> None:
    for it in items:
        if not it.alive or it.title or own_place(it.event) is not None:
            continue  # (a place taken from the dateline or the text before is not its own)
        ev = it.event
        if opens_new_incident(ev):
            continue  # "Another barrage of 40 rockets was fired ...": not the one told
        placed = [c for c in items if c.alive and c is not it and own_place(c.event) is not None
                  and _compatible(ev, c.event, own_time=True) and not _new_time(ev, c.event)]
        before = [c for c in placed if c.start < it.start
                  and it.sentence - c.last_sentence <= FOLLOW_UP_SENTENCES]
        after = [c for c in placed if c.start > it.start and not c.title
                 and c.sentence - it.sentence <= LEAD_SENTENCES]
        incidents = {id(c) for c in placed if not c.title}
        if before:
            target, why = before[-1], "a placeless follow-up joins the incident told before it"
        elif len(incidents) == 1:
            target = next(c for c in placed if not c.title)
            why = "a placeless follow-up joins the report's only incident"
        elif after:
            target, why = after[0], "a lead joins the incident placed right after it"
        else:
            continue
        _fold(items, it, target, "incident.follow_up", why, folds)


_LIST_AFTER = re.compile(r"^\s*(?:,|and)\s+(?:the\s+)?[A-Z]")
_LIST_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*(?:,|,?\s+and)\s+(?:the\s+)?$")


def _listed(ev: Event, loc: Place) -> bool:
    """The place is one of several named together ("air force sites in the Isfahan, Fars
    and Tehran provinces"): each is a place of its own (split later), not the region of a
    town."""
    if loc.span is None:
        return False
    sent = ev.sentence
    a, b = loc.span.start - sent.start, loc.span.end - sent.start
    if not (0 <= a <= b <= len(sent.text)):
        return False
    return bool(_LIST_AFTER.match(sent.text[b:]) or _LIST_BEFORE.search(sent.text[:a]))


def _specific_places(items: list[Item], folds: list[Fold]) -> None:
    body = [c.sentence for c in items if not c.title]
    lead = min(body) if body else -1
    for it in items:
        if not it.alive:
            continue
        loc = own_place(it.event)
        if loc is None or loc.precision not in ("admin1", "admin2", "country") or \
                loc.precision != "country" and not loc.admin1:
            continue
        if loc.precision != "country" and _listed(it.event, loc):
            continue
        if loc.precision == "country" and SPREAD.search(it.event.sentence.text):
            continue  # "launched 112 drones at Ukrainian cities": a salvo at many places
        # a lead that sums up incidents in several places, which the body tells town by town
        # further down ("one killed in the X region, seven hurt in a village of Y"): its
        # region's town may come later
        summary = it.sentence == lead and not it.title and len({
            (c.event.location.admin1, c.event.location.name) for c in items
            if c.sentence == it.sentence and c.event.type == it.event.type
            and c.event.location is not None}) >= 2
        reach = LEAD_REACH if summary else SPECIFY_SENTENCES
        towns = [c for c in items if c.alive and c is not it
                 and (abs(c.sentence - it.sentence) <= SPECIFY_SENTENCES
                      or c.sentence > it.sentence and c.sentence - it.sentence <= reach)
                 and c.event.location is not None and c.event.location.precision == "city"
                 and c.event.location.country == loc.country
                 and (loc.precision == "country" or c.event.location.admin1 == loc.admin1)
                 and _compatible(it.event, c.event)
                 and not _figures_conflict(it.event, c.event)]
        if towns:
            target = min(towns, key=lambda c: abs(c.sentence - it.sentence) * 2
                         + (c.start < it.start))
            _fold(items, it, target, "incident.specific_place",
                  "a region's (or country's) incident is the town's in it told beside it",
                  folds)


REVISION = re.compile(r"^\s*(?:update|updated|correction)\b|\blater\s+(?:said|reported|"
                      r"confirmed|revised|raised|updated|put)\b|\b(?:has|had|have)\s+(?:since|"
                      r"now)\s+(?:risen|climbed|increased|grown)\b|\brevised\b", re.I)


def _revisions(items: list[Item], folds: list[Fold]) -> None:
    for it in items:
        if not it.alive or it.title or not REVISION.search(it.event.sentence.text):
            continue
        earlier = [c for c in items if c.alive and c is not it and c.start < it.start
                   and not c.title and _compatible(it.event, c.event)
                   and places_agree(it.event.location, c.event.location) is not False
                   and (it.event.location is None or c.event.location is None
                        or it.event.location.admin1 == c.event.location.admin1)]
        if earlier:
            _fold(items, earlier[-1], it, "incident.revision",
                  "a later report of the figures of an incident told before", folds)


def _unplaced(items: list[Item], folds: list[Fold], etype: str) -> None:
    of_type = [it for it in items if it.alive and it.event.type == etype]
    if not of_type or any(it.event.location is not None for it in of_type):
        return
    first = of_type[0]
    for it in of_type[1:]:
        if it.alive and _compatible(it.event, first.event) and not _new_time(it.event,
                                                                             first.event):
            _fold(items, it, first, "incident.unplaced",
                  "the report places none of its incidents: its mentions are one", folds)


# the next part of a tally of fire by place ("shelled 27 times over 8 villages: twice on A
# and B with rockets, and 25 times on C, D and E with artillery")
_TALLY_NEXT = re.compile(r"^\s*(?:with\s+[\w\s-]{1,40}?)?\s*[,;]\s*(?:and\s+)?"
                         r"(?:\d+|once|twice|three|four|five|six|seven|eight|nine|ten)"
                         r"(?:\s+times)?\s+(?:on|at)\s+(?:the\s+)?$")
_COORDINATED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?$"
                          # a list item the gazetteer does not know between two it does
                          # ("X, Y, Myriv, and Z"): the list goes on past it
                          r"|^\s*,\s*[A-Z][\w'’-]+\s*(?:,\s*(?:and\s+)?|and\s+)$"
                          # a second town with its kind word ("X and the city of Y", "X and
                          # the nearby village of Y", "X and in the coastal city of Y")
                          r"|^\s*,?\s*and\s+(?:in\s+)?the\s+(?:[a-z][a-z-]+\s+){0,2}"
                          r"(?:city|town|village|settlement|port)\s+of\s+$"
                          r"|" + _TALLY_NEXT.pattern)


# "staged protests in several cities, including X and Y": the cities listed are where
_CITIES_INCLUDING = re.compile(r"\b(?:cities|towns|places|regions|provinces)\b[^.;]{0,30}"
                               r"\bincluding\s*$", re.I)
_AIRSPACE = re.compile(r"\bover\b", re.I)
_INTERCEPTED = re.compile(r"\b(?:shot\s+down|downed|intercept\w*|destroyed|neutrali[sz]ed)\b",
                          re.I)
# a passive of telling or holding, or "took place", that puts the trigger's event in the
# places after it
_HAPPENED_IN = re.compile(r"\b(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:also\s+)?"
                          r"(?:reported|held|staged|recorded|registered|seen)|took\s+place|"
                          r"broke\s+out)\s+(?:in|at|across)\s+(?:the\s+(?:\w+\s+)?"
                          r"(?:towns|cities|villages|districts|regions)\s+of\s+)?$", re.I)
# a second list joined to the first ("in the X, Y and Z regions, as well as in the districts of
# A and B"; "hit X and Y and also the city of Z"): its places were hit too, whatever their
# rank (towns after regions); a bare "and in" opens a clause of its own ("three were hurt in
# the X region, and in the Y region one was")
_LIST_NOUNS = (r"(?:regions?|oblasts?|provinces?|districts?|areas?|cities|city|towns?|"
               r"villages?|communities|community|settlements?)")
_JOINED_LIST = re.compile(r"^\s*(?:" + _LIST_NOUNS + r"\s*)?,?\s*(?:as\s+well\s+as|and\s+also|"
                          r"along\s+with)\s+(?:(?:in|on|at)\s+)?(?:the\s+)?(?:"
                          + _LIST_NOUNS + r"\s+of\s+(?:the\s+)?)?$", re.I)
_SAYS_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|say|reported|reports|claimed|"
                         r"claims|announced|announces|stated|added|told)\b")
_UNKNOWN_ITEMS = re.compile(r"^\s+(?:[A-Z][\w'’-]+\s*,\s*)+$")
_UNKNOWN_HEAD = re.compile(r"^\s*(?:,\s*)?(?:(?:and\s+)?[A-Z][\w'’-]+\s*(?:,\s*)?)+\s(?=[a-z])")
# the verb of places that saw an event, right after the list ("X and Y also reported clashes")
_PLACES_SAW = re.compile(r"^\s*(?:also\s+|too\s+)?(?:reported|saw|witnessed|recorded|"
                         r"experienced)\s+(?:\w+\s+){0,2}$", re.I)
_UNKNOWN_TAIL = re.compile(r"(?<=\s)(?:[A-Z][\w'’-]+\s*,\s*)+$")
# a plural settlement noun right before the list announces it as the places the trigger's
# action went to, however long the object before it ("shelled the trenches of the
# brigade near the villages of X, Y and Z"; "shelled farms on the outskirts of the towns of
# X and Y")
_SETTLEMENTS_OF = re.compile(r"\b(?:near|around|in|on|at|into|outside|of)\s+the\s+(?:\w+\s+)?"
                             r"(?:villages|towns|settlements|hamlets|localities)\s+of\s*$",
                             re.I)


STRAY_MAJORITY = 3
# types whose events split over places named together (ACLED: one event per location);
# arrests made across several towns are one per town like the protests they end
SPLIT_TYPES = INCIDENT_TYPES | {"COERCE"}


def _without_strays(chain: list[Any]) -> list[Any]:
    """A list of villages most of which (``STRAY_MAJORITY`` or more) lie in one region:
    a name of it resolved to a namesake in another region ("the A, B, C and D
    communities" of a Sumy report, B found only in Zhytomyr) is a village the gazetteer
    lacks, not a second front; it is left out rather than placed far away (a town of a
    neighbouring region within ``STRAY_KM`` of the list's stays: "Belgrade, Novi Sad, Nis").
    So is a namesake in another country when most of the list lies in one country."""
    regions = Counter(p.place.admin1 for p in chain if p.place.precision == "city")
    if not regions:
        return chain
    region, n = regions.most_common(1)[0]
    towns = [p.place for p in chain if p.place.precision == "city"]
    countries = Counter(t.country for t in towns)
    home, n_home = countries.most_common(1)[0]
    if home is not None and n_home >= 2 and 2 * n_home > len(towns) and len(countries) > 1:
        # most of the list in one country: a namesake in another country, far from them
        # all, strays ("the villages of A, B and C" of a Belgorod report, A found only in
        # Ukraine)
        core = [t for t in towns if t.country == home]
        chain = [p for p in chain if p.place.precision != "city" or p.place.country == home
                 or any(place_km(p.place, c) <= STRAY_KM for c in core)]
    if n < STRAY_MAJORITY or region is None:
        return chain
    core = [p.place for p in chain if p.place.precision == "city" and p.place.admin1 == region]
    return [p for p in chain if p.place.precision != "city" or p.place.admin1 == region
            or any(place_km(p.place, c) <= STRAY_KM for c in core)]


STRAY_KM = 150.0  # a town of another region this close to the list's is no stray namesake



def _listed_with(a: Any, b: Any, text: str) -> bool:
    """Place ``b`` goes on the list of place ``a``: the same rank coordinated ("X, Y and
    Z"), or any rank in a list joined to it ("..., as well as in the districts of B")."""
    between = text[a.span.end:b.span.start]
    if a.place.precision == b.place.precision and _COORDINATED.match(between):
        return True
    return bool(_JOINED_LIST.match(between))


# (a short modifier of the region may stand before the dash: "in the X region near the
# border – A, B and C")
_APPOSITION_OPEN = re.compile(r"^(?:\s+(?:near|along|on|close\s+to)\s[^,.;:()–—]{1,30})?"
                              r"\s*(?:[–—:(]|-\s|,\s*(?:namely|including)\b)\s*$")
_COUNTED_TOWNS = re.compile(r"\b(?:villages|towns|settlements|localities|communities|"
                            r"hamlets)\b", re.I)


def _apposed_towns(loc: Place, own: Any, in_sentence: list[Any], trigger: Any,
                   text: str) -> list[Any]:
    """The towns of region ``loc`` listed in an apposition right after it, when the
    trigger counts them ("liberated five villages in the X region – A, B and C"), else []."""
    if not own.span.start >= trigger.end or not _COUNTED_TOWNS.search(
            text, trigger.start, own.span.start):
        return []
    k = in_sentence.index(own)
    if k + 1 >= len(in_sentence):
        return []
    first = in_sentence[k + 1]
    if first.place.precision != "city" or first.place.admin1 != loc.admin1 or \
            not _APPOSITION_OPEN.match(text[own.span.end:first.span.start]):
        return []
    towns = [first]
    for q in in_sentence[k + 2:]:
        if not _listed_with(towns[-1], q, text):
            break
        towns.append(q)
    return towns if len(towns) >= 2 else []


_UNIT_AFTER = re.compile(r"\s+(?:region|oblast|province|governorate|district|state|county)\b",
                         re.I)


def _without_containers(chain: list[Any]) -> list[Any]:
    """A region listed with a town of its own ("Nikopol, as well as the Dnipropetrovsk
    region") is where the town lies, not a second place hit."""
    towns = [p.place for p in chain if p.place.precision == "city"]
    return [p for p in chain if p.place.precision != "admin1" or not any(
        t.admin1 == p.place.admin1 and t.country == p.place.country for t in towns)]


def _places_between(places: Sequence[Any], start: int, end: int,
                    precisions: tuple[str, ...]) -> list[Any]:
    """The placed mentions of these precisions from ``start`` to ``end``, in text order."""
    return sorted((p for p in places if start <= p.span.start < end
                   and p.place.precision in precisions), key=lambda p: p.span.start)


def _sentence_of(pos: int, starts: Sequence[int], text: str) -> tuple[int, int]:
    k = bisect.bisect_right(starts, pos) - 1
    return (starts[k] if k >= 0 else 0), (starts[k + 1] if k + 1 < len(starts) else len(text))


def split_places(items: list[Item], places: Sequence[Any], text: str,
                 sentence_starts: Sequence[int] = ()) -> list[Event]:
    """``incident.each_place``: an attack on places named together ("dropped bombs on the
    villages of X and Y", "shelled X, Y and Z", "hit plants in the X, Y and Z regions") is
    one attack per place, as ACLED codes one event per location; the first keeps the
    figures (the text does not split them). Towns list with towns, regions with regions.
    The list may stand in the sentence of a mention merged into the event ("The Russians
    launched strikes on the region's border areas. The A, B and C communities came under
    fire"): that sentence and its trigger count."""
    added: list[Event] = []
    for it in list(items):
        ev = it.event
        loc = ev.location
        if ev.type not in SPLIT_TYPES or loc is None or loc.span is None or \
                loc.precision not in ("city", "admin1") or own_place(ev) is None:
            continue
        s0, s1 = (ev.sentence.start, ev.sentence.end) if _own(loc.span, ev) or \
            not sentence_starts else _sentence_of(loc.span.start, sentence_starts, text)
        trigger = ev.trigger if s0 <= ev.trigger.start < s1 else next(
            (e.span for e in ev.evidence if e.role == "trigger" and s0 <= e.span.start < s1),
            None)
        if trigger is None:
            continue
        in_sentence = _places_between(places, s0, s1, ("city", "admin1"))
        chain = [p for p in in_sentence if p.span.start == loc.span.start]
        if not chain:
            continue
        k = in_sentence.index(chain[0])
        # the places coordinated with the event's own: "X and Y", "X, Y and Z"; a list
        # joined to it ("..., as well as the towns of A and B") goes on
        for q in in_sentence[k + 1:]:
            if not _listed_with(chain[-1], q, text) or _SAYS_AFTER.match(text, q.span.end):
                break  # ("hit X and Y, Kyiv said": the capital that speaks is no place hit)
            chain.append(q)
        for q in reversed(in_sentence[:k]):
            if not _listed_with(q, chain[0], text):
                break
            chain.insert(0, q)
        chain = _without_containers(chain)
        if len(chain) == 2 and BETWEEN_BEFORE.search(text, max(0, chain[0].span.start - 40),
                                                     chain[0].span.start):
            continue  # "the area between A and B": one spot bounded by two towns
        if len(chain) == 1 and loc.precision == "city" and sentence_starts:
            # the town is one of a list in the sentence of a mention merged into the event
            # ("police arrested the lawyer in A" ... "most of those arrests were made in A, B
            # and C"): the list's towns are places of the event too
            for other in (e.span for e in ev.evidence if e.role == "trigger"
                          and not s0 <= e.span.start < s1):
                t0, t1 = _sentence_of(other.start, sentence_starts, text)
                there = _places_between(places, t0, t1, ("city",))
                own = [p for p in there if loc.geonameid is not None
                       and p.place.geonameid == loc.geonameid and p.span.start >= other.end]
                if not own:
                    continue
                listed = own[:1]
                for q in there[there.index(own[0]) + 1:]:
                    if not _listed_with(listed[-1], q, text) or _UNIT_AFTER.match(
                            text, q.span.end):
                        break  # ("A, Dnipro region": the region the town lies in)
                    listed.append(q)
                if len(listed) >= 2 and not text[other.end:listed[0].span.start].count(","):
                    chain, trigger = listed, other
                    break
        apposed = False
        if len(chain) == 1 and loc.precision == "admin1":
            # "captured five villages in the X region – A, B, C and D –": the towns the
            # region's count noun names, in an apposition after it, are the places
            towns = _apposed_towns(loc, chain[0], in_sentence, trigger, text)
            for other in (e.span for e in ev.evidence if e.role == "trigger"
                          and not s0 <= e.span.start < s1 and sentence_starts) \
                    if not towns else ():
                # (the list may stand in a mention merged into the event: "said its troops
                # had captured the X region's A" ... "liberated five villages in the X
                # region – B, C and D")
                t0, t1 = _sentence_of(other.start, sentence_starts, text)
                there = _places_between(places, t0, t1, ("city", "admin1"))
                own = next((p for p in there if p.place.precision == "admin1" and
                            p.place.admin1 == loc.admin1 and p.place.country == loc.country
                            and p.span.start >= other.end), None)
                towns = _apposed_towns(loc, own, there, other, text) if own else []
                if towns:
                    break
            if towns:
                chain, apposed = towns, True
        if len(chain) < 2:
            continue
        between = "" if apposed else text[trigger.end:chain[0].span.start] if \
            trigger.end <= chain[0].span.start else (
                text[chain[-1].span.end:trigger.start]
                if chain[-1].span.end <= trigger.start else ",")
        #           ("plants in the X, Y and Z regions were hit": the places before it)
        if _UNKNOWN_ITEMS.match(between):
            between = ""  # "retook Blahodante, Makarivka and Neskuchne": a first item the
            #               gazetteer does not know (a misspelling, a hamlet) is still a list
        elif (head := _UNKNOWN_TAIL.sub("", between)) != between and \
                _HAPPENED_IN.search(head):
            between = head  # "protests were reported in A, B and C" with an A the gazetteer
            #                 does not know: what precedes the list is the telling
        if chain[-1].span.end <= trigger.start and _PLACES_SAW.match(
                _UNKNOWN_HEAD.sub(" ", between)):
            between = ""  # "towns like X, Y and Z (and an unknown W) reported clashes": the
            #               places that saw the event, each where one happened
        if "," not in between and (_HAPPENED_IN.search(between) or
                                   _SETTLEMENTS_OF.search(between)):
            between = ""  # "clashes between police and marchers were reported in X, Y and
            #               Z", "protests took place in X and Y": where the event was told;
            #               "attacked positions near the villages of X and Y": where it went
        listed = ev.type in ("PROTEST", "COERCE") and _CITIES_INCLUDING.search(between)
        if not listed and (len(between) > 40 or "," in between or
                           "including" in between.lower()):
            continue  # the places must be what the attack hit ("shelled X and Y", "bombs on
            #           the villages of X and Y"), not a list after a summary (", including");
            #           protests or arrests "in other cities, including X and Y" were held or
            #           made in each
        if loc.precision == "admin1" and (_AIRSPACE.search(between) or _INTERCEPTED.search(
                text, trigger.start, max(trigger.end, chain[0].span.start))):
            continue  # "downed 43 drones over the X, Y and Z regions", "33 drones were shot
            #           down in the X, Y and Z regions": where a salvo was met, not one
            #           attack on each region
        chain = _without_strays(chain)
        if len({p.place.geonameid or p.place.name for p in chain}) < 2:
            continue
        if all(q.span.start != loc.span.start for q in chain):
            # the event's own place was a stray namesake: it takes the list's first town
            first = chain[0]
            loc = first.place if first.place.span is not None else dataclasses.replace(
                first.place, span=first.span)
            ev = ev.replace(location=loc, evidence=tuple(
                e for e in ev.evidence if e.role != "location") + (
                Evidence("location", first.span),))
            it.event = ev
        seen = {loc.geonameid or loc.name}
        if any(_TALLY_NEXT.match(text[a.span.end:b.span.start])
               for a, b in zip(chain, chain[1:])):
            # a place of a tally that another incident of the report is placed at ("During
            # the shelling of A a woman was killed") is that incident's: no second event
            seen |= {other.event.location.geonameid or other.event.location.name
                     for other in items if other is not it and other.alive
                     and other.event.type == ev.type and other.event.location is not None
                     and other.event.location.precision == loc.precision}
        for q in chain:
            if q.span.start == loc.span.start or (q.place.geonameid or q.place.name) in seen:
                continue  # a place named twice in the list ("3 times on A and B, 40 on A")
            seen.add(q.place.geonameid or q.place.name)
            place = q.place if q.place.span is not None else dataclasses.replace(
                q.place, span=q.span)
            new = ev.replace(
                id=hashlib.sha256(f"{ev.id}:{q.span.start}".encode()).hexdigest()[:16],
                location=place, fatalities=None, injuries=None, victims=(),
                evidence=tuple(e for e in ev.evidence if e.role not in (
                    "location", "fatalities", "injuries")) + (Evidence("location", q.span),))
            items.append(Item(event=new, sentence=it.sentence, block=it.block,
                              title=it.title))
            added.append(new)
    items.sort(key=lambda i: (i.start, i.event.location.span.start
                              if i.event.location and i.event.location.span else 0))
    return added


# a toll told town by town with the verb left out: "two killed in A, one in B and another
# in C", "shot dead four: two in A, one in B" (a count, "another" or "a further N", then
# "in" and the town)
_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another|"
           r"a\s+(?:further|second|third|fourth)(?:\s+(?:\d+|one|two|three|four|five))?)")
_TOLL_NEXT = re.compile(r"\s*(?:,|;)?\s*(?:and\s+|while\s+)?(?P<n>" + _NUMBER + r")\s+"
                        r"(?:(?:more|other|others|people|persons|civilians|residents|soldiers|"
                        r"men|women|children|protesters)\s+)?(?:(?:was|were)\s+)?"
                        r"(?:(?:killed|wounded|injured|hurt|died)\s+)?in\s+"
                        r"(?:the\s+(?:\w+\s+)?(?:village|town|city|district|region)\s+of\s+)?",
                        re.I)
_TOLL_FIRST = re.compile(r"(?:[:;,]|\b(?:including|among them))\s*(?P<n>" + _NUMBER +
                         r")\s+in\s+$", re.I)
_FURTHER = re.compile(r"^(?:another|a\s+(?:further|second|third|fourth))\s*", re.I)


def _toll_count(words: str) -> int | None:
    words = words.strip()
    rest = _FURTHER.sub("", words)
    if rest != words:
        return parse_number(rest) if rest else 1
    return parse_number(words)


def split_tolls(items: list[Item], places: Sequence[Any], text: str) -> list[Event]:
    """``incident.each_toll``: a toll told town by town in one sentence with the verb left
    out ("Two people were killed in A, one in B and another in C"; "police shot dead four
    protesters: two in A, one in B") is one attack per town, each with its own count (ACLED
    codes one event per location); the first town keeps its share."""
    added: list[Event] = []
    for it in list(items):
        ev = it.event
        loc = ev.location
        if not it.alive or ev.type != "ASSAULT" or loc is None or loc.span is None or \
                loc.precision not in ("city", "admin2") or \
                (ev.fatalities is None) == (ev.injuries is None):
            continue  # (one outcome told: the shares are of it)
        s0, s1 = ev.sentence.start, ev.sentence.end
        if not s0 <= loc.span.start < s1:
            continue
        in_sentence = _places_between(places, s0, s1, ("city", "admin2"))
        shares = []
        end = loc.span.end
        for q in in_sentence:
            if q.span.start < end:
                continue
            m = _TOLL_NEXT.match(text, end, q.span.start)
            if m is None or m.end() != q.span.start:
                break
            n = _toll_count(m.group("n"))
            if n is None:
                break
            shares.append((q, n))
            end = q.span.end
        if not shares:
            continue
        outcome = "fatalities" if ev.fatalities is not None else "injuries"
        first = _TOLL_FIRST.search(text, max(s0, loc.span.start - 40), loc.span.start)
        own = _toll_count(first.group("n")) if first else None
        total = getattr(ev, outcome)
        if own is not None and own < total:
            it.event = ev = ev.replace(**{outcome: own})
        for q, n in shares:
            place = q.place if q.place.span is not None else dataclasses.replace(
                q.place, span=q.span)
            new = ev.replace(
                id=hashlib.sha256(f"{ev.id}:toll:{q.span.start}".encode()).hexdigest()[:16],
                location=place, fatalities=n if outcome == "fatalities" else None,
                injuries=n if outcome == "injuries" else None, victims=(),
                evidence=tuple(e for e in ev.evidence if e.role not in (
                    "location", "fatalities", "injuries")) + (Evidence("location", q.span),))
            items.append(Item(event=new, sentence=it.sentence, block=it.block,
                              title=it.title))
            added.append(new)
    return added


_ARRESTS = re.compile(r"^(?:detain|arrest)|\b(?:arrests|detentions)$", re.I)


def _arrest(ev: Event) -> bool:
    """An arrest or detention (not a curfew, a ban or a seizure of property)."""
    return ev.type == "COERCE" and bool(_ARRESTS.search(ev.trigger.text))


def fold_placed(items: list[Item], placed: set[str]) -> list[Fold]:
    """``incident.placed_later``: an attack that only the report's context placed (the
    incident named again with no town of its own, "the incident was a drone strike by ...",
    then put in the report's town) joins the incident told before it in that same place, at
    an overlapping time, by no other attacker. So does an attack that names its target's own
    state (or a teller of that state) for attacker, placed by its sentence or carried, at the
    place of a foreign state's attack on that country (``misread_self_attack``), or of an
    attack of the same ACLED type. ``placed``: ids of the events so placed."""
    folds: list[Fold] = []
    alive = [it for it in items if it.alive]
    for it in alive:
        ev = it.event
        misread = _self_attack(ev)  # (its place told or not: see misread_self_attack)
        if ev.id not in placed and not misread or ev.location is None or \
                own_place(ev) is not None and not misread or (
                    ev.type not in INCIDENT_TYPES and not _arrest(ev)):
            continue
        for first in alive:
            if first is it or not first.alive or first.start >= it.start:
                continue
            loc = first.event.location
            if loc is None or not _same_spot(loc, ev.location):
                continue
            if ev.type == "COERCE" and not _arrest(first.event):
                continue  # arrests join arrests, not a curfew told there
            if (ev.id not in placed or own_place(ev) is not None) and \
                    not misread_self_attack(ev, first.event) and \
                    ev.acled_event_type != first.event.acled_event_type:
                continue  # (admitted as a possible misread self-attack: it must be one here)
            if _compatible(ev, first.event) and not _new_time(ev, first.event) and \
                    not _figures_conflict(ev, first.event):
                _fold(items, it, first, "incident.placed_later", "placed in the report's town "
                      "by its context: the incident told there before", folds)
                break
    return folds


def fold_arrests(items: list[Item]) -> list[Fold]:
    """``incident.same_day_arrests``: arrests by one state's forces in one town on one day
    ("police detained at least four people", "officers also detained X", "a fourth person, Y,
    was detained in the city on Tuesday") are one event, as ACLED codes one arrest event per
    place, day and actor pair; the persons named one by one are its detainees, not
    incidents of their own."""
    folds: list[Fold] = []
    alive = [it for it in items if it.alive]
    for it in alive:
        ev = it.event
        if not _arrest(ev) or ev.location is None or ev.location.precision != "city" or \
                ev.date is None:
            continue
        for first in alive:
            if first is it or not first.alive or first.start >= it.start:
                continue
            fe = first.event
            if not _arrest(fe) or fe.location is None or not _same_spot(fe.location,
                                                                         ev.location) or \
                    fe.date is None or not _one_day_within(fe.date, ev.date):
                continue
            sides = {_attacker_country(fe), _attacker_country(ev)} - {None}
            if len(sides) > 1 or _new_attacker(ev, fe):
                continue
            _fold(items, it, first, "incident.same_day_arrests", "an arrest by the same side "
                  "in the same town on the same day: one arrest event", folds)
            break
    return folds


def _one_day_within(a: Any, b: Any) -> bool:
    """The same single day, or a day of one inside the other's short window ("103 arrests"
    on Wednesday and "the response resulted in arrests" dated Wednesday or Thursday)."""
    if (a.earliest, a.latest) == (b.earliest, b.latest):
        return True
    day, window = (a, b) if a.earliest == a.latest else (b, a)
    return day.earliest == day.latest and (window.latest - window.earliest).days <= 1 and \
        window.earliest <= day.earliest <= window.latest


def _self_attack(ev: Event) -> bool:
    """An attack whose attacker is of its target's country."""
    return ev.type == "ASSAULT" and ev.actor1 is not None and ev.actor2 is not None and \
        ev.actor1.country is not None and ev.actor1.country == ev.actor2.country


def _same_spot(a: Place, b: Place) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.name == b.name and a.precision == b.precision and a.country == b.country


PROPERTY_RULE = "coerce.property"
PROPERTY_REACH = 3  # sentences from the attack


def _destroys_property(ev: Event) -> bool:
    return ev.type == "COERCE" and any(e.role == "trigger" and (e.rule or "").startswith(
        PROPERTY_RULE) for e in ev.evidence)


def _property(items: list[Item], folds: list[Fold]) -> None:
    """``incident.property``: houses burnt, shops looted by the attackers of an attack told
    beside it ("stormed the village ..., looting and burning houses", "the bandits also burnt
    two houses") are that attack's damage, not a second event: a property destruction with
    no other place and no other attacker, within ``PROPERTY_REACH`` sentences after the
    attack (or in its sentence), at an overlapping time. Mob arson with no attack beside it
    stays its own event."""
    attacks = [it for it in items if it.alive and it.event.type == "ASSAULT"]
    for it in items:
        ev = it.event
        if not it.alive or not _destroys_property(ev):
            continue
        near = [a for a in attacks if a.alive and 0 <= it.sentence - a.sentence <= PROPERTY_REACH
                and abs(it.block - a.block) <= 1]
        near = [a for a in near if dates_overlap(ev, a.event) and not _new_attacker(ev, a.event)
                and (own_place(ev) is None or a.event.location is None
                     or places_agree(ev.location, a.event.location))]
        if not near:
            continue
        dst = max(near, key=lambda a: a.start)
        seen = {(e.role, e.span.start) for e in dst.event.evidence}
        extra = tuple(dataclasses.replace(e, role="damage") if e.role == "trigger" else e
                      for e in ev.evidence if (e.role, e.span.start) not in seen
                      and e.role in ("trigger", "damage"))
        folds.append(Fold("incident.property", "property the attackers destroyed in the "
                          "attack told beside it", ev, dst.event.id))
        dst.event = dst.event.replace(evidence=dst.event.evidence + extra,
                                      damage=dst.event.damage + tuple(
                                          d for d in ev.damage if d not in dst.event.damage))
        it.alive = False


# the scene of a crowd's action: "during the dispersal of the rally", "at the protest", "amid
# the demonstrations"
DURING_CROWD = re.compile(
    r"\b(?:during|amid|at|in)\s+(?:the\s+|a\s+|an\s+)?(?:(?:forcible\s+|violent\s+)?"
    r"dispersal\s+of\s+(?:the\s+|an?\s+)?)?(?:[\w-]+\s+){0,2}"
    r"(?:protests?|rall(?:y|ies)|demonstrations?|marches|march|riots?|unrest|clashes|"
    r"sit-ins?|dispersal)\b", re.I)
CROWD_REACH = 3  # sentences between a protest and the injuries told of it


def _definite_crowd(sent: str, clash: bool) -> bool:
    """The sentence names the protest or the clashes as known ("during the protest", "the
    clashes"): it refers to one told anywhere before."""
    m = DURING_CROWD.search(sent)
    return bool(m and re.search(r"\bthe\b", m.group(0), re.I)) or (
        clash and bool(re.search(r"\bthe\s+(?:[\w-]+\s+)?(?:clash|clashes|scuffles?)\b", sent,
                                 re.I)))


def _crowd_casualties(items: list[Item], folds: list[Fold]) -> None:
    """``incident.crowd``: people hurt during a protest or its dispersal ("During the
    dispersal of the rally, 30 officers were injured"), or "the clashes" at a protest's place,
    with no one killed and no attacker of another side named, are the protest's toll, not an
    attack of their own: the protest told in the same sentence, or before it (within
    ``CROWD_REACH`` sentences, or anywhere when the sentence names it as known: "during the
    protest", "the clashes") at an agreeing place and time, takes their injuries and
    evidence. A killing at a protest stays an attack (police who open fire on a crowd)."""
    protests = [it for it in items if it.alive and it.event.type == "PROTEST"]
    if not protests:
        return
    for it in items:
        ev = it.event
        if not it.alive or ev.type != "ASSAULT" or ev.fatalities or ev.weapons:
            continue
        sent = ev.sentence.text
        clash = ev.trigger.text.lower().split()[0] in CLASH_WORDS if ev.trigger.text else False
        if not clash and not DURING_CROWD.search(sent):
            continue
        near = [p for p in protests if p.alive and 0 <= it.sentence - p.sentence and (
            it.sentence - p.sentence <= CROWD_REACH or _definite_crowd(sent, clash))
            and dates_overlap(ev, p.event) and places_agree(ev.location, p.event.location)
            is not False]
        if ev.actor1 is not None and ev.actor1.country:
            near = [p for p in near if p.event.location is None or
                    p.event.location.country == ev.actor1.country]
        if not near:
            continue
        dst = min(near, key=lambda p: (it.sentence - p.sentence, -p.start))
        seen = {(e.role, e.span.start) for e in dst.event.evidence}
        extra = tuple(dataclasses.replace(e, role="injuries") if e.role == "trigger" else e
                      for e in ev.evidence if (e.role, e.span.start) not in seen
                      and e.role in ("trigger", "injuries", "victim"))
        injuries = dst.event.injuries if dst.event.injuries is not None else ev.injuries
        folds.append(Fold("incident.crowd", "people hurt at the protest told beside it: the "
                          "protest's toll, not an attack", ev, dst.event.id))
        dst.event = dst.event.replace(
            evidence=dst.event.evidence + extra, injuries=injuries,
            victims=dst.event.victims + tuple(v for v in ev.victims
                                              if v not in dst.event.victims))
        it.alive = False


# a text of this many words is a report, not a headline or a brief (a headline's one event is
# the report's, placed or not)
REPORT_WORDS = 80
# the kinds of event an analyst maps: in a report, one left with no place or only its
# country is a summary ("the strikes on Ukraine's grid", "arrests across the country") or
# background, not an incident
MAPPED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def unplaced_attacks(items: list[Item], *, words: int = 0) -> list[Item]:
    """``incident.unplaced_reference``: an attack still without a place after every rule
    (its sentence names none, no incident took it, the context gave it none), in a report
    that places its other attacks, is a reference ("the attacks have not stopped", "since the
    drone strikes began"), not an incident an analyst can map. A report that places no
    attack at all (a headline, a brief) keeps its unplaced ones, and an attack whose target's
    country is known ("hit a Russian refinery") is kept. In a text of ``words`` >=
    REPORT_WORDS, an attack, a detention or a protest placed nowhere or only in a country is
    dropped in any case. The items are marked dead; returns them."""
    if words >= REPORT_WORDS:
        out = [it for it in items if it.alive and it.event.type in MAPPED_TYPES
               and (it.event.location is None or it.event.location.precision == "country")]
    elif not any(it.alive and it.event.type == "ASSAULT" and it.event.location is not None
                 for it in items):
        return []
    else:
        out = [it for it in items if it.alive and it.event.type == "ASSAULT"
               and it.event.location is None
               and (it.event.actor2 is None or not it.event.actor2.country)]
    for it in out:
        it.alive = False
    return out


def build_incidents(items: Sequence[Item]) -> tuple[list[Item], list[Fold]]:
    """Fold the violent mentions of one document into incidents (rules in the module doc)."""
    items = list(items)
    folds: list[Fold] = []
    for etype in sorted({it.event.type for it in items}):
        typed = [it for it in items if it.event.type == etype]
        _headlines(typed, folds)  # a headline summarises any kind of event
        if etype not in INCIDENT_TYPES:
            continue
        _specific_places(typed, folds)
        _follow_ups(typed, folds)
        _revisions(typed, folds)
        _unplaced(typed, folds, etype)
    _property(items, folds)
    _crowd_casualties(items, folds)
    return [it for it in items if it.alive], folds
