"""``conflicting_counts`` and ``conflicting_locations``: one incident, told two ways.

Tolls come from :func:`eventdesk.extraction.casualties.find_casualties` (cumulative totals
and breakdowns of a toll set aside). A later toll is about the same incident as an earlier
one when its sentence points back at it ("the strikes", "the death toll", "the dead"),
nothing in between opens another incident ("another strike", "a second attack",
"elsewhere") or adds victims ("two more", "also killed"), the victims are of one kind, and
the places told with them agree. Then:

- two different figures for the same outcome (killed or injured), with no word of revision
  ("rose to", "up from", "initially", "earlier") -> ``conflicting_counts``; so does "no
  casualties were reported" against a source that says the toll is unclear;
- the same figure with places in two different regions -> ``conflicting_locations``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from eventdesk.document.attribution import sources_in
from eventdesk.document.resources import cues, word_regex
from eventdesk.document.temporal import Finding
from eventdesk.document.text import Sentences, quote, span
from eventdesk.records import Event, Place

STAGE = "document.flags"
MAX_SENTENCES = 6  # a reference back reaches this far at most
MIN_RATIO = 0.4  # a figure under 40% of the other is a part, not a rival count
_INDEFINITE = re.compile(r"\b(?:a|an|one)\s+(?:\w+\s+){0,2}?(?:attack|strike|airstrike|air strike|"
                         r"bombing|raid|assault|blast|explosion|shelling|clash|ambush)\b", re.I)
_PARTIAL = re.compile(r"\b(?:bod(?:y|ies)|recovered|retrieved|identified|pulled from|so far)\b",
                      re.I)
_CASUALTY = re.compile(r"\b(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|hurt|"
                       r"people|civilians|persons|victims|bodies|casualties)\b", re.I)
_SOLDIER = {"soldier", "fighter", "militant", "combatant", "police"}
_SIDES = {"soldier", "fighter", "militant", "police"}  # kinds that name one side's armed men
_CIVILIAN = {"civilian", "child", "woman", "man", "worker", "journalist", "medic"}


class _Cues:
    def __init__(self) -> None:
        c = cues()
        self.reference = [re.compile(p, re.I) for p in c["incident_references"]]
        self.new = re.compile(rf"(?<![\w-])(?:{word_regex(c['new_incident_cues'])})(?![\w-])", re.I)
        self.additive = re.compile(rf"(?<![\w-])(?:{word_regex(c['additive_cues'])})(?![\w-])", re.I)
        self.revision = re.compile(rf"(?<![\w-])(?:{word_regex(c['revision_cues'])})(?![\w-])", re.I)
        self.unknown = [re.compile(p, re.I) for p in c["unknown_toll"]]


_CUES: _Cues | None = None


def _cues() -> _Cues:
    global _CUES
    if _CUES is None:
        _CUES = _Cues()
    return _CUES


def _adds_victims(c: _Cues, sentence: str) -> bool:
    """'also killed', 'three more people', 'eight other people': more victims, not a new toll."""
    for m in c.additive.finditer(sentence):
        window = sentence[max(0, m.start() - 30):m.end() + 40]
        if _CASUALTY.search(window):
            return True
    return False


def _opens_incident(c: _Cues, sentence: str) -> bool:
    return bool(c.new.search(sentence) or _INDEFINITE.search(sentence))


def _refers_back(c: _Cues, sentence: str) -> bool:
    return any(p.search(sentence) for p in c.reference)


def _kinds(m: Any) -> set[str]:
    return {v.kind for v in m.victims}


def _kinds_clash(a: set[str], b: set[str]) -> bool:
    """The two tolls count different people: soldiers against civilians, or two sides'
    armed men ("nine fighters" of one side, "22 soldiers" of the other)."""
    if (a & _SOLDIER and b & _CIVILIAN and not b & _SOLDIER) or \
            (b & _SOLDIER and a & _CIVILIAN and not a & _SOLDIER):
        return True
    armed_a, armed_b = a & _SIDES, b & _SIDES
    return bool(armed_a and armed_b and not armed_a & armed_b)


def _places_by_sentence(events: Sequence[Event], sents: Sentences) -> dict[int, list[Place]]:
    out: dict[int, list[Place]] = {}
    for ev in events:
        if ev.location is None:
            continue
        for e in ev.evidence:
            if e.role == "location":
                out.setdefault(sents.index(e.span.start), []).append(ev.location)
    return out


def _agree(a: Place, b: Place) -> bool:
    if a.name == b.name or (a.geonameid is not None and a.geonameid == b.geonameid):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.admin1 and b.admin1:
        return a.admin1 == b.admin1
    return True  # a country-wide or unknown region: no contradiction


def _source_text(text: str, bounds: tuple[int, int], actors: Sequence[Any]) -> str:
    found = sources_in(text, bounds[0], bounds[1], actors)
    return f" ({found[-1].span.text})" if found else ""


def count_findings(text: str, events: Sequence[Event] = (), *, actors: Sequence[Any] = ()
                   ) -> tuple[list[Finding], list[Finding]]:
    """(conflicting_counts findings, conflicting_locations findings) of one text."""
    from eventdesk.extraction.casualties import find_casualties

    c = _cues()
    sents = Sentences(text)
    tolls = [m for m in find_casualties(text) if not m.cumulative and not m.subset
             and m.count is not None]
    if not tolls:
        return [], []
    places = _places_by_sentence(events, sents)
    counts: list[Finding] = []
    locations: list[Finding] = []
    seen: set[tuple[int, int]] = set()

    def sentence(i: int) -> str:
        s = sents.starts[i]
        return text[s:sents.bounds(s)[1]]

    for j, b in enumerate(tolls):
        ib = sents.index(b.span.start)
        sb = sentence(ib)
        if not _refers_back(c, sb) or _adds_victims(c, sb) or c.new.search(sb) \
                or _INDEFINITE.search(sb) or _PARTIAL.search(sb):
            continue  # a new incident, more victims, or a partial count ("15 bodies recovered")
        for a in reversed(tolls[:j]):
            ia = sents.index(a.span.start)
            if ia == ib or a.outcome != b.outcome:
                continue
            if ib - ia > MAX_SENTENCES:
                break
            between = [sentence(k) for k in range(ia + 1, ib)]
            if any(_opens_incident(c, s) or _adds_victims(c, s) for s in between):
                break  # the reference points at a later incident
            if a.revised or b.revised or c.revision.search(sb) or c.revision.search(sentence(ia)):
                break
            if _kinds_clash(_kinds(a), _kinds(b)):
                continue
            pa, pb = places.get(ia, []), places.get(ib, [])
            same_place = not pa or not pb or any(_agree(x, y) for x in pa for y in pb)
            key = (a.span.start, b.span.start)
            if key in seen:
                break
            seen.add(key)
            ev = (span(text, a.span.start, a.span.end, STAGE),
                  span(text, b.span.start, b.span.end, STAGE))
            if a.count != b.count and same_place:
                lo, hi = sorted((a.count, b.count))
                if lo == 0 or lo / hi >= MIN_RATIO:
                    what = "killed" if a.outcome == "killed" else "injured"
                    counts.append(Finding(
                        f"One incident, two {what} tolls: {quote(a.span.text)}"
                        f"{_source_text(text, sents.bounds(a.span.start), actors)} against "
                        f"{quote(b.span.text)}{_source_text(text, sents.bounds(b.span.start), actors)}"
                        f", with no word of a revision.", ev, "counts"))
            elif a.count == b.count and a.count >= 2 and not same_place:
                x, y = pa[0], pb[0]
                locations.append(Finding(
                    f"One incident ({quote(b.span.text)}, {b.count} {b.outcome}) placed in "
                    f"{x.name} ({x.admin1 or x.country}) and in {y.name} "
                    f"({y.admin1 or y.country}).",
                    ev + tuple(s for s in (x.span, y.span) if s is not None), "locations"))
            break
    counts += _zero_against_unknown(text, sents, tolls, actors)
    counts += _contrasted(text, sents, tolls, actors)
    return counts, locations


_CONTRAST = re.compile(r"\b(?:while|whereas|but|however|though|although|against|compared with|"
                       r"contradicting|disputed)\b", re.I)


def _contrasted(text: str, sents: Sentences, tolls: Sequence[Any], actors: Sequence[Any]
                ) -> list[Finding]:
    """'The ministry said 12 were killed, while local officials put the toll at 15': two
    sources, two figures, one sentence."""
    c = _cues()
    out = []
    for i, a in enumerate(tolls):
        for b in tolls[i + 1:]:
            if b.outcome != a.outcome or b.count == a.count or a.cumulative or b.cumulative:
                continue
            bounds = sents.bounds(a.span.start)
            if sents.bounds(b.span.start) != bounds:
                continue
            lo, hi = sorted((a.count, b.count))
            if hi == 0 or (lo and lo / hi < MIN_RATIO) or a.revised or b.revised:
                continue
            between = text[a.span.end:b.span.start]
            if not _CONTRAST.search(between) or c.revision.search(text[bounds[0]:bounds[1]]):
                continue
            srcs = {x.key() for x in sources_in(text, bounds[0], bounds[1], actors)}
            if len(srcs) < 2 or _kinds_clash(_kinds(a), _kinds(b)):
                continue
            out.append(Finding(
                f"Two sources, two tolls in one sentence: {quote(a.span.text)} against "
                f"{quote(b.span.text)}.",
                (span(text, a.span.start, a.span.end, STAGE),
                 span(text, b.span.start, b.span.end, STAGE)), "counts"))
    return out


def _zero_against_unknown(text: str, sents: Sentences, tolls: Sequence[Any],
                          actors: Sequence[Any]) -> list[Finding]:
    """'the strike caused no casualties' against a source that says, of the
    same strike, that the toll is unclear."""
    c = _cues()
    out = []
    zeros = list({m.span.start: m for m in tolls if m.qualifier == "none"}.values())
    for z in zeros:
        iz = sents.index(z.span.start)
        for k in range(iz + 1, min(iz + 3, len(sents))):
            s, e = sents.bounds(sents.starts[k])
            sentence = text[s:e]
            if _opens_incident(c, sentence) and not _refers_back(c, sentence):
                break
            hit = next((m for p in c.unknown for m in [p.search(sentence)] if m), None)
            if hit is None or not _refers_back(c, sentence):
                continue
            if not sources_in(text, s, e, actors):
                continue
            u = span(text, s + hit.start(), s + hit.end(), STAGE)
            out.append(Finding(
                f"One incident, two accounts of its toll: {quote(z.span.text)}"
                f"{_source_text(text, sents.bounds(z.span.start), actors)} against "
                f"{quote(u.text)}{_source_text(text, (s, e), actors)}.",
                (span(text, z.span.start, z.span.end, STAGE), u), "counts"))
            break
    return out
