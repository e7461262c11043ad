"""Events a report implies without a trigger of their own (stage ``document.implied``).

* ``implied.protest``: "At least 300 protesters were detained in Moscow" tells an arrest
  and, by it, a protest in Moscow that the police broke up. ACLED codes such a
  demonstration as Protests / Protest with intervention, beside the arrests (Strategic
  developments / Arrests); a report that names no protest event at that place and time of
  its own still reports one. The implied protest takes the arrest's place, time and
  evidence; its protesters are the place's people, and those who intervened its actor2.

Only detentions, arrests and dispersals whose sentence names protesters (or a protest,
a rally, a picket, or a protester's means: a poster, a placard, a banner, laying flowers)
count, and only at a town: "826 people detained in 37 cities" is a country-wide
summary, not one demonstration.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

from eventdesk.document.incidents import Item, dates_overlap, own_place
from eventdesk.merge.within import places_agree
from eventdesk.records import Actor, Event, Evidence, Span

STAGE = "document.implied"
RULE = "implied.protest"
_ARREST = re.compile(r"^(?:detain|arrest|disperse|round|broke|break|held|hold)", re.I)
_PROTESTERS = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|protests?|"
                         r"demonstrations?|rall(?:y|ies)|marchers|picket(?:s|ers?)?|"
                         # the protester's means: "detained with a poster", "held for
                         # unfurling a banner", "held while laying flowers at a memorial"
                         r"posters?|placards?|banners?|(?:lay|laid|laying)\s+flowers)\b",
                         re.I)


@dataclass(frozen=True, slots=True)
class Implied:
    rule: str
    reason: str
    event: Event


def _sentences_of(ev: Event, text: str, starts: list[int]) -> list[tuple[Span, Span]]:
    """(trigger, sentence) of each trigger mention of the event (its own and those merged
    into it)."""
    out = []
    for e in ev.evidence:
        if e.role != "trigger":
            continue
        k = bisect.bisect_right(starts, e.span.start) - 1
        lo = starts[k] if k >= 0 else 0
        hi = starts[k + 1] if k + 1 < len(starts) else len(text)
        out.append((e.span, Span(lo, hi, text[lo:hi], STAGE)))
    return out or [(ev.trigger, ev.sentence)]


def implied_protests(items: list[Item], text: str = "",
                     sentence_starts: list[int] | None = None) -> list[Implied]:
    """Add a PROTEST for each arrest of protesters at a town with no protest told there;
    ``items`` gains the new events (in text order); returns what was added."""
    out: list[Implied] = []
    starts = list(sentence_starts or [])
    for it in list(items):
        ev = it.event
        if ev.type != "COERCE" or not it.alive or not _ARREST.match(ev.trigger.text):
            continue
        loc = own_place(ev)
        if loc is None or loc.precision != "city":
            continue
        said = _sentences_of(ev, text, starts) if text and starts else [(ev.trigger,
                                                                          ev.sentence)]
        told = next(((t, s) for t, s in said if _PROTESTERS.search(s.text)
                     and _ARREST.match(t.text)), None)
        if told is None:
            continue
        trigger, sentence = told  # the arrest told with its protesters
        if any(o.alive and o.event.type == "PROTEST" and dates_overlap(o.event, ev)
               and o.event.location is not None and o.event.location.precision == "city"
               and places_agree(o.event.location, loc) for o in items):
            continue  # the report tells that protest itself (a country-wide one is not it)
        police = ev.actor1
        new = Event(
            doc_id=ev.doc_id, type="PROTEST", trigger=trigger, sentence=sentence,
            mode="demo", acled_event_type="Protests",
            acled_sub_event_type="Protest with intervention",
            actor1=Actor(name=f"Protesters ({loc.country})" if loc.country else "Protesters",
                         country=loc.country, sector="CVL"),
            actor2=police, location=loc, date=ev.date,
            confidence=round(ev.confidence * 0.8, 3),
            evidence=tuple(e for e in ev.evidence if e.role in ("trigger", "location", "date"))
            + (Evidence("trigger", trigger, RULE),),
            id=hashlib.sha256(f"{ev.id}:{RULE}".encode()).hexdigest()[:16])
        items.append(Item(event=new, sentence=it.sentence, block=it.block, title=it.title))
        out.append(Implied(RULE, "the arrest of protesters tells their protest at that place",
                           new))
    items.sort(key=lambda i: i.start)
    return out
