"""Event flags (stage ``document.sourcing``): how well an event is sourced.

Per report, when a document is coded (:func:`event_notes`):

- ``unverified``: the report's own wording near the event says it is a claim nobody checked
  ("could not be independently verified", "claimed to have", "without providing evidence";
  ``unverified_cues`` in ``data/document/cues.yaml``): in the event's sentence, or in the next
  one when it points back ("the claim could not be verified");
- ``party_source``: every source the event's sentence names ("the defence ministry said",
  "according to the army", a quote's speaker) speaks for one of the event's own sides (an
  actor of the event's countries: government, armed forces or armed group);
- ``conflicting_figures``: the report itself gives two tolls for the event
  (a ``conflicting_counts`` document flag on the event's own figures).

Per merged event, from its reports' notes (:func:`merged_flags`):

- ``conflicting_figures``: the reports give different figures (``MergedEvent.conflicting``),
  or one report contradicts itself;
- ``single_source``: one report (one document) tells of it;
- ``party_source``: every report rests on a party's word only;
- ``unverified``: a report says the account is unverified or a claim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from eventdesk.document.attribution import sources_in
from eventdesk.document.resources import cues
from eventdesk.document.text import Sentences, quote, span
from eventdesk.records import Document, Event, Flag, MergedEvent

STAGE = "document.sourcing"
PARTY_SECTORS = frozenset({"GOV", "MIL", "REB"})
# events whose facts a source vouches for; a statement or a meeting is the party's own act
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "SANCTION"})
_CLAIM = re.compile(r"\bclaim", re.I)


def _unverified_res() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    c = cues()
    anaphors = "|".join(re.escape(a) for a in sorted(c["verification_anaphors"], key=len,
                                                       reverse=True))
    return ([re.compile(p, re.I) for p in c["unverified_cues"]],
            re.compile(rf"\b(?:{anaphors})\b", re.I))


def _parties(ev: Event) -> set[str]:
    return {a.country for a in (ev.actor1, ev.actor2) if a is not None and a.country}


def _event_sentences(ev: Event, sents: Sentences) -> list[tuple[int, int]]:
    """The sentences that carry the event (trigger sentence and its evidence), in order."""
    idx = {sents.index(ev.sentence.start)}
    for e in ev.evidence:
        if e.role in ("trigger", "fatalities", "injuries", "actor1", "actor2"):
            idx.add(sents.index(e.span.start))
    return [sents.bounds(sents.starts[i]) for i in sorted(idx)]


def event_notes(doc: Document, events: Sequence[Event], *, actors: Sequence[Any] = (),
                doc_flags: Sequence[Flag] = ()) -> dict[str, tuple[Flag, ...]]:
    """Event id -> the flags one report gives its event (see the module doc)."""
    text = doc.text
    if not text or not events:
        return {}
    sents = Sentences(text)
    cue_res, anaphor = _unverified_res()
    conflict_spans = [(s.start, s.end) for f in doc_flags if f.flag == "conflicting_counts"
                      for s in f.evidence]
    out: dict[str, tuple[Flag, ...]] = {}
    for ev in events:
        notes: list[Flag] = []
        bounds = _event_sentences(ev, sents)
        # unverified: the event's sentences, or a disclaimer right after that points back
        hits = []
        s, e = sents.bounds(ev.trigger.start)
        for p in cue_res:
            for m in p.finditer(text, s, e):
                if _CLAIM.match(m.group()) and m.start() > ev.trigger.start and not (
                        re.search(r",\s*$", text[max(s, m.start() - 3):m.start()])
                        and not re.match(r"\w*\s+(?:to|that)\b", text[m.end():e])):
                    continue  # "X demanded ... the regions Moscow claims": not this event;
                    #           "..., claims local governor" is
                hits.append((m.start(), m.end()))
        if not hits:
            last = sents.index(s)
            if last + 1 < len(sents):
                s, e = sents.bounds(sents.starts[last + 1])
                found = [(m.start(), m.end()) for p in cue_res for m in p.finditer(text, s, e)]
                if found and anaphor.search(text, s, e):
                    hits = found
        if hits:
            s, e = min(hits)
            sp = span(text, s, e, STAGE)
            notes.append(Flag("unverified", f"The report calls the account unverified or a "
                              f"claim: {quote(_around(text, s, e, sents), 90)}.", (sp,),
                              doc_id=doc.id, stage=STAGE))
        # party_source: every named source speaks for one of the event's sides
        parties = _parties(ev) if ev.type in MATERIAL_TYPES else set()
        srcs = [x for s, e in bounds for x in sources_in(text, s, e, actors)]
        speakers = [q for q in ev.quotes if q.speaker_span is not None]
        if parties and (srcs or speakers):
            named = [(x.span, x.country, x.sector) for x in srcs]
            for q in speakers:
                a = next((m for m in actors if q.speaker_span.start <= m.span.start
                          < q.speaker_span.end), None)
                named.append((q.speaker_span, getattr(a, "country", None),
                              getattr(a, "sector", None)))
            if named and all(c in parties and sec in PARTY_SECTORS for _, c, sec in named):
                who = "; ".join(sorted({sp.text for sp, _, _ in named}))
                notes.append(Flag("party_source", f"The only source named is a party to the "
                                  f"event: {who} ({', '.join(sorted({c for _, c, _ in named}))}).",
                                  tuple(sp for sp, _, _ in named), doc_id=doc.id, stage=STAGE))
        # conflicting_figures within the report
        mine = [x.span for x in ev.evidence if x.role in ("fatalities", "injuries")]
        overlap = [sp for sp in mine if any(s < sp.end and sp.start < e for s, e in conflict_spans)]
        if overlap:
            notes.append(Flag("conflicting_figures", "The report gives two tolls for this "
                              "event: " + " against ".join(quote(sp.text) for sp in overlap[:2])
                              + ".", tuple(overlap), doc_id=doc.id, stage=STAGE))
        if notes:
            out[ev.id] = tuple(notes)
    return out


def _around(text: str, s: int, e: int, sents: Sentences, width: int = 40) -> str:
    """The words around a cue, inside its sentence."""
    lo, hi = sents.bounds(s)
    a = max(lo, s - width)
    b = min(hi, e + width)
    if a > lo:
        a = text.find(" ", a, s) + 1 or a
    if b < hi:
        b = text.rfind(" ", e, b) if text.rfind(" ", e, b) > e else b
    return ("…" if a > lo else "") + text[a:b].strip() + ("…" if b < hi else "")


def _figures(merged: MergedEvent) -> str:
    parts = []
    for src in merged.sources:
        who = ", ".join(x for x in (src.published.isoformat() if src.published else None,
                                    src.outlet or src.title) if x) or src.doc_id
        figs = []
        if src.fatalities is not None:
            figs.append(f"{src.fatalities} killed")
        if src.injuries is not None:
            figs.append(f"{src.injuries} injured")
        if figs:
            parts.append(f"{', '.join(figs)} ({who})")
    return "; ".join(parts)


def merged_flags(merged: MergedEvent, notes: Mapping[str, Sequence[Flag]] | None = None
                 ) -> tuple[Flag, ...]:
    """The flags of one merged event, from the merge and its reports' notes
    (event id -> flags of :func:`event_notes`)."""
    notes = notes or {}
    members = list(merged.member_ids) or [merged.event.id]
    own = {m: list(notes.get(m, ())) for m in members}
    out: list[Flag] = []
    if merged.conflicting:
        out.append(Flag("conflicting_figures", f"Sources differ: {_figures(merged)}.",
                        stage=STAGE))
    out += [f for m in members for f in own[m] if f.flag == "conflicting_figures"]
    docs = {s.doc_id for s in merged.sources} or {merged.event.doc_id}
    if len(docs) == 1:
        ev = merged.event
        src = merged.sources[0] if merged.sources else None
        who = (src.outlet or src.url or src.title) if src else None
        out.append(Flag("single_source", "Reported by one document only"
                        + (f" ({who})." if who else "."), (ev.sentence,), doc_id=ev.doc_id,
                        stage=STAGE))
    party = [own[m] for m in members]
    if party and all(any(f.flag == "party_source" for f in fl) for fl in party):
        out += [f for fl in party for f in fl if f.flag == "party_source"]
    out += [f for m in members for f in own[m] if f.flag == "unverified"]
    return tuple(out)


def event_flags(merged: MergedEvent, notes: Mapping[str, Sequence[Flag]] | None = None
                ) -> tuple[Flag, ...]:
    """Alias of :func:`merged_flags` (the name the package exports)."""
    return merged_flags(merged, notes)
