"""The document stage: the report as a whole (DESIGN.md, data flow).

Sentence extraction sees one sentence at a time; a reader sees a report: a headline and a
lead that tell the main incident, follow-ups that add to it, background that is not today's
news. This stage takes the events of one document (after the within-document merge) and:

1. drops background (``document.background``): page furniture, paragraphs labelled as
   background, mentions whose own time is weeks before publication (when the report has
   news of its own: a report that tells only a past event is about that event);
2. folds mentions into incidents (``document.incidents``): headline summaries, placeless
   follow-ups, a region's mention told beside its town's;
3. fills fields a sentence leaves open from the report (``document.context``): the place of
   a detention told after a raid, the parties of a meeting, the owner of a rejected plan;
   and the means a report names once (``document.means``: "air strikes" in the headline);
4. adds the events a report implies (``document.implied``): the protest that an arrest of
   protesters broke up;
5. drops acts no party of the report makes: support, sanctions or talks with no initiator
   (``incident.no_party``), and, in a report, a statement or move whose sentence names no
   one before its trigger ("Many blamed ...", ``incident.no_speaker``);

and says, for each mention it dropped or folded, which rule did it and why
(:class:`~eventdesk.records.Decision`; ``eventdesk extract --explain`` prints them).

Adds: places and parties from context (``completed`` decisions); it removes mentions and
merges their evidence into the incident they belong to.

Trust flags (what a careful reader would raise; they never change the events):

- :func:`eventdesk.document.flags.document_flags`: the report's own flags
  (``temporal_inconsistency``, ``conflicting_counts``, ``conflicting_locations``,
  ``truncated``), stage ``document.flags``;
- :mod:`eventdesk.document.sourcing`: what a report says of each event's sourcing, and the
  flags of a merged event (``conflicting_figures``, ``single_source``, ``party_source``,
  ``unverified``), stage ``document.sourcing``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventdesk.annotate.structure import DocStructure
from eventdesk.document.background import why_background
from eventdesk.document.context import complete
from eventdesk.document.implied import implied_protests
from eventdesk.document.incidents import (MAPPED_TYPES, REPORT_WORDS, Item, build_incidents,
                                          fold_arrests, fold_placed, split_places, split_tolls,
                                          unplaced_attacks)
from eventdesk.document.means import place_means, protest_types, report_means
from eventdesk.records import Decision, Event

STAGE = "document"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    events: tuple[Event, ...]
    decisions: tuple[Decision, ...]


# types whose act only a named party performs: support and sanctions are declared by
# someone (PLOVER's source actor is their point), talks and meetings are held by someone;
# with no initiator found in the whole report, after the context stages ("the motion was
# supported by 141 votes", "talks would take place next week"), the act is no event an
# analyst can place between parties
PARTY_ACTS = frozenset({"SUPPORT", "SANCTION", "CONSULT"})


# a name before the trigger: a capitalised word after the sentence's first, or an acronym
# ("The PTI strongly condemned", "LUCHA has accused"): a party the dictionaries may not know
_NAMED_BEFORE = re.compile(r"(?<=\S)\s+[\"“'‘(]?[A-Z][\w'’&.-]*|^\W*[A-Z]{2,}\b")


# a body named before and referred back to: "The group alleged ...", "the medical network
# blamed ..." (the report's party, which the sentence does not name again)
_BODY_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?(?:group|network|movement|militia|"
                          r"organi[sz]ation|alliance|coalition|party|agency|ministry|council|"
                          r"committee|office|body|federation|association|authority|"
                          r"government|administration|junta|rebels|insurgents|militants)\b")
# words that open a sentence without naming anyone
_OPENING_WORDS = frozenset(
    "the a an they he she it we i you this that these those there many some several others "
    "most both all each one two three four five six seven eight nine ten dozens hundreds "
    "thousands its their his her our earlier later meanwhile however but and also in on at "
    "after before during since while when as according officials residents witnesses "
    "sources critics analysts".split())


def _no_speaker(ev: Event) -> bool:
    """A statement or a move (not an attack, an arrest or a protest) whose initiator the
    report leaves unknown, told of no place, whose sentence names no one before its trigger
    ("They also alleged ...", "Many blamed the incident on ...", "reinforcements arrived"):
    in a report, words an analyst cannot attribute to a party. (An office of no country,
    "the spokesperson", may still be resolved from the report: it is kept.)"""
    if ev.actor1 is not None or ev.location is not None:
        return False  # (a placed act, "the exchange was agreed at talks in Istanbul", is
        #              told of parties the report names elsewhere)
    before = ev.sentence.text[:max(0, ev.trigger.start - ev.sentence.start)]
    first = re.match(r"^\W*([A-Z][\w'’-]*)", before)
    return not (_NAMED_BEFORE.search(before) or _BODY_BEFORE.search(before) or
                first is not None and first.group(1).lower() not in _OPENING_WORDS)


def _decision(action: str, rule: str, reason: str, ev: Event, into: str | None = None
              ) -> Decision:
    return Decision(action=action, rule=rule, reason=reason, event_id=ev.id, type=ev.type,
                    sentence=ev.sentence, trigger=ev.trigger, into=into)


def resolve_document(events: Sequence[Event], *, structure: DocStructure, published: date,
                     sentence_starts: Sequence[int],
                     merged: Sequence[tuple[Event, str]] = (), text: str = "",
                     actors: Sequence[Any] = (), places: Sequence[Any] = ()
                     ) -> DocumentResult:
    """The document's events as a reader counts them, and the decisions that made them.

    ``merged``: the within-document merge's folds (mention, id of the event it joined), so
    that the decisions tell every mention's fate."""
    decisions: list[Decision] = [
        _decision("attached", "merge.within", "same type, place, time and parties as an "
                  "event told before it", ev, into=target) for ev, target in merged]
    kept: list[Event] = []
    verdicts = [why_background(ev, structure=structure, published=published) for ev in events]
    news = any(v is None for v in verdicts)
    for ev, why in zip(events, verdicts):
        if why is not None and (news or why[0] != "background.history"):
            decisions.append(_decision("dropped", why[0], why[1], ev))
        else:
            kept.append(ev)  # (a report that tells only a past event is about that event)
    starts = list(sentence_starts)
    def index(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    # (an event the merge stage already joined across sentences was last told in the
    # sentence of its last trigger)
    items = [Item(event=ev, sentence=index(ev.trigger.start),
                  block=structure.paragraph(ev.trigger.start),
                  title=structure.in_title(ev.trigger.start),
                  last=index(max([ev.trigger.start] + [e.span.start for e in ev.evidence
                                                       if e.role == "trigger"])))
             for ev in sorted(kept, key=lambda e: e.trigger.start)]
    alive, folds = build_incidents(items)
    final = {fold.source.id: fold.target_id for fold in folds}  # a target folded later on
    final.update({ev.id: target for ev, target in merged})

    def into(event_id: str) -> str:
        seen = set()
        while event_id in final and event_id not in seen:
            seen.add(event_id)
            event_id = final[event_id]
        return event_id

    decisions = [d if d.into is None else dataclasses.replace(d, into=into(d.into))
                 for d in decisions]
    for fold in folds:
        decisions.append(_decision("attached", fold.rule, fold.reason, fold.source,
                                   into=into(fold.target_id)))
    for ev in split_places(alive, places, text, starts) if text else ():
        decisions.append(_decision("completed", "incident.each_place", "one attack per place "
                                   "of places named together", ev))
    for ev in split_tolls(alive, places, text) if text else ():
        decisions.append(_decision("completed", "incident.each_toll", "one attack per town "
                                   "of a toll told town by town", ev))
    if text:
        completed = complete(alive, actors=actors, sentence_starts=starts, text=text,
                             places=places)
        for done in completed:
            decisions.append(_decision("completed", done.rule, done.reason, done.event))
        placed = {d.event.id for d in completed if d.rule in ("context.town", "context.place")}
        for fold in fold_placed(alive, placed) + fold_arrests(alive):
            decisions.append(_decision("attached", fold.rule, fold.reason, fold.source,
                                       into=into(fold.target_id)))
        alive = [it for it in alive if it.alive]
    for done in implied_protests(alive, text, starts):
        decisions.append(_decision("completed", done.rule, done.reason, done.event))
    for ev in protest_types(alive, text, starts) if text else ():
        decisions.append(_decision("completed", "means.protest", "the demonstration's ACLED "
                                   "type from what the report tells of it", ev))
    for ev in place_means(alive, places, text, starts) if text else ():
        decisions.append(_decision("completed", "means.place", "the means a later line headed "
                                   "by the attack's place names", ev))
    for ev in report_means(alive):
        decisions.append(_decision("completed", "means.report_air", "the report's other "
                                   "attacks by the same side are air strikes", ev))
    for it in unplaced_attacks(alive, words=len(text.split())):
        decisions.append(_decision("dropped", "incident.unplaced_reference", "an attack, "
                                   "arrest or protest no sentence places (or places only in a "
                                   "country), in a report: a reference, not an incident",
                                   it.event))
    alive = [it for it in alive if it.alive]
    report = len(text.split()) >= REPORT_WORDS
    for it in alive:
        if it.event.type in PARTY_ACTS and it.event.actor1 is None:
            it.alive = False
            decisions.append(_decision("dropped", "incident.no_party", "support, sanctions "
                                       "or talks that no party of the report declares or "
                                       "holds", it.event))
        elif report and it.event.type not in MAPPED_TYPES and _no_speaker(it.event):
            it.alive = False
            decisions.append(_decision("dropped", "incident.no_speaker", "a statement, demand "
                                       "or move in a report that names no one who made it",
                                       it.event))
    alive = [it for it in alive if it.alive]
    out = sorted((it.event for it in alive), key=lambda e: e.trigger.start)
    return DocumentResult(events=tuple(out), decisions=tuple(decisions))
