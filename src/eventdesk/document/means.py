"""Means a report names once (stage ``document.means``).

"Israeli air strikes kill 18 in Gaza" says once what the following "a strike on a home in
Khan Younis", "another strike hit a building" were: air strikes. The rule:

* ``means.protest``: a demonstration's ACLED sub-event type comes from what the report tells
  of it (arrests or tear gas: with intervention; lethal force: excessive force; the
  demonstrators' own violence: a violent demonstration; a mob: mob violence).
* ``means.place``: an attack on a place whose own sentence names no means (or names them for
  the whole list of places it is one of) takes the means
  that a later line headed by that place names ("The A, B and C communities were shelled."
  ... "B community: guided aerial bombs (2 explosions)", "the C community was hit by an FPV
  drone"): a regional roundup tells each place's weapons so.
* ``means.report_air``: a remote attack whose own sentence names no means (sub-event type a
  shelling by default, no weapon, no remote-fire word) is an Air/drone strike when the
  report's other attacks by the same side (or the report's headline) are air or drone
  strikes and none of them is a shelling named as such.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from eventdesk.document.incidents import Item
from eventdesk.extraction.acled import AIR, REMOTE, SHELLING, protest_subtype, remote_words
from eventdesk.extraction.means import acled_hint, find_weapons
from eventdesk.records import Event, Evidence

STAGE = "document.means"


def _side(ev: Event) -> str | None:
    return ev.actor1.country if ev.actor1 is not None else None


def _named_means(ev: Event) -> bool:
    return bool(ev.weapons) or remote_words(ev.sentence.text) or \
        ev.acled_sub_event_type != SHELLING


# how a line headed by a place goes on to tell what hit it: "B community: ...", "In the B
# community, launches of ...", "the B community was shelled using ...", "B came under fire"
_ADMIN_WORD = r"(?:community|district|hromada|village|town|settlement|municipality)"
_PLACE_HEADING = re.compile(rf"^\s*(?:{_ADMIN_WORD}\s*[,—–]|(?:{_ADMIN_WORD}\s*)?"
                            r"(?::|\bwas\b|\bwere\b|\bcame under\b))", re.I)
PLACE_LINE_MAX = 160  # characters of a place's line read for its means


def place_means(items: Sequence[Item], places: Sequence, text: str,
                starts: Sequence[int]) -> list[Event]:
    """``means.place``: apply the rule in place; returns the events it changed."""
    changed = []
    ordered = sorted(places, key=lambda p: p.span.start)
    triggers = Counter((it.event.trigger.start, it.event.trigger.end) for it in items
                       if it.alive and it.event.type == "ASSAULT")
    for it in items:
        ev = it.event
        loc = ev.location
        listed = triggers[(ev.trigger.start, ev.trigger.end)] > 1  # one of a list's attacks
        if ev.type != "ASSAULT" or (ev.weapons and not listed) or loc is None or \
                loc.precision != "city" or loc.geonameid is None:
            continue
        # sentences that tell an incident of their own: their means are that incident's
        own = {(o.event.sentence.start, o.event.sentence.end) for o in items
               if o.alive and o.event.trigger != ev.trigger}
        for n, pm in enumerate(ordered):
            if pm.place.geonameid != loc.geonameid or \
                    ev.sentence.start <= pm.span.start < ev.sentence.end:
                continue
            if any(a <= pm.span.start < b for a, b in own):
                continue
            k = bisect.bisect_right(starts, pm.span.start)
            end = min(starts[k] if k < len(starts) else len(text), pm.span.end + PLACE_LINE_MAX)
            if n + 1 < len(ordered) and ordered[n + 1].span.start < end:
                end = ordered[n + 1].span.start
            if not _PLACE_HEADING.match(text[pm.span.end:end]):
                continue
            weapons = find_weapons(text, pm.span.end, end)
            hint = acled_hint(weapons, text[pm.span.end:end]) if weapons else None
            if hint is None:
                continue
            mode, etype, sub = hint
            it.event = ev.replace(
                mode=mode, acled_event_type=etype, acled_sub_event_type=sub,
                weapons=tuple(weapons), evidence=tuple(
                    e for e in ev.evidence if e.role != "weapon") + tuple(
                    Evidence("weapon", w.span) for w in weapons if w.span is not None))
            changed.append(it.event)
            break
    return changed


def report_means(items: Sequence[Item]) -> list[Event]:
    """Apply the rule in place; returns the events it changed."""
    changed = []
    attacks = [it for it in items if it.event.type == "ASSAULT"]
    for it in attacks:
        ev = it.event
        if ev.acled_event_type != REMOTE or _named_means(ev):
            continue
        side = _side(ev)
        others = [o.event for o in attacks if o is not it and _side(o.event) in (side, None)]
        air = [o for o in others if o.acled_sub_event_type == AIR]
        shelled = [o for o in others if o.acled_sub_event_type == SHELLING and _named_means(o)]
        if air and not shelled:
            it.event = ev.replace(acled_sub_event_type=AIR, mode=ev.mode or "aerial")
            changed.append(it.event)
    return changed


_CROWD = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|marchers?|crowds?|rioters?|"
                    r"mobs?|sit-ins?|strikers?)\b", re.I)


# triggers that tell a demonstration as a fight ("clashes were also reported in X")
_CLASH_TRIGGER = re.compile(r"(?:clash|scuffl|skirmish|riot)", re.I)


def protest_types(items: Sequence[Item], text: str, starts: Sequence[int]) -> list[Event]:
    """``means.protest``: a demonstration's ACLED sub-event type from what the report tells of
    it: its own sentences and, when it is the report's only demonstration, the report's
    arrests, dispersals or violence around it ("At least 40 protesters were detained",
    "police fired tear gas")."""
    changed = []
    protests = [it for it in items if it.event.type == "PROTEST"]
    for it in protests:
        ev = it.event
        spans = {(e.span.start, e.span.end) for e in ev.evidence} | {
            (ev.sentence.start, ev.sentence.end)}
        told = " ".join(text[a:b] for a, b in sorted(spans))
        if len(protests) == 1:
            # the report's sentences about its demonstrators (not a raid's killings told in
            # a report that also mentions a strike in protest)
            bounds = list(starts) + [len(text)]
            told = " ".join([told] + [text[a:b] for a, b in zip(bounds, bounds[1:])
                                      if _CROWD.search(text[a:b])])
        pair = protest_subtype(told)
        if pair[0] == "Protests" and _CLASH_TRIGGER.match(ev.trigger.text):
            pair = ("Riots", "Violent demonstration")  # "clashes were reported in X": a
            #                                            demonstration told as a clash
        if (ev.acled_event_type, ev.acled_sub_event_type) != pair:
            it.event = ev.replace(acled_event_type=pair[0], acled_sub_event_type=pair[1])
            changed.append(it.event)
    return changed
