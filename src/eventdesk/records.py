"""Typed records shared by every stage.

This module imports nothing of the project (DESIGN.md, dependency rules). Records are
frozen dataclasses; every fact carries the character span of the source text that
supports it (:class:`Span`) and the name of the stage that made it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER modes per root type (PLOVER manual 0.7b1, "Supplementary fields"; REQUEST is the
# manual's DEMAND and takes both of its proposed tables). ASSAULT adds eventdesk's means modes:
# aerial and drone strikes and CBRN weapons. Types not listed take no mode.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet", "economic", "military", "humanitarian",
                "asylum"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest",
               "deport", "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                "aerial", "drone", "CBRN"),
}
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "CVL", "REB", "IGO", "NGO", "BUS", "MED", "POL", "JUD", "LEG", "OPP", "REL", "INS",
)
PRECISIONS: tuple[str, ...] = ("city", "admin2", "admin1", "country")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document's text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str
    stage: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "stage": self.stage}


def content_id(text: str) -> str:
    """Content-hash id of a document: the same text always gets the same id."""
    norm = unicodedata.normalize("NFC", text).strip()
    norm = " ".join(norm.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One source document, as ingest makes it."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or file the document came from

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: date | None = None,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> "Document":
        return cls(
            id=id or content_id(text), text=text, published=published, title=title,
            url=url, source=source,
        )


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline at the head of a wire report ("KYIV, May 16 (Reuters) —"), as the annotate
    stage finds it: where the report was filed and, when given, the filing day as written
    (``month`` "May", ``day`` 16, ``year`` None); the extract stage resolves the day."""

    span: Span  # the whole dateline, its dash and the spaces after it included
    place: Span  # the place name it opens with
    date: Span | None = None  # "May 16", "Dec. 30, 2023"
    month: str | None = None
    day: int | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon: a name, a country (ISO3) and a sector."""

    name: str | None
    country: str | None = None
    sector: str | None = None
    span: Span | None = None
    entry_id: str | None = None  # id in the actor dictionary, when resolved from it

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "entry_id": self.entry_id, "span": self.span.to_dict() if self.span else None}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``precision`` is one of :data:`PRECISIONS`."""

    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    precision: str
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "admin1": self.admin1, "admin2": self.admin2,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "precision": self.precision, "geonameid": self.geonameid,
                "span": self.span.to_dict() if self.span else None}


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The earliest and latest day on which something can have happened."""

    earliest: date
    latest: date
    span: Span | None = None  # the time expression, None when inferred from `published`
    rule: str = ""  # which rule produced it ("explicit", "weekday", "overnight", "published", ...)
    # the most likely day inside the window when the wording says more than the window
    # ("in the past 24 hours" in a daily report: the window is [pub-1, pub], the day pub-1)
    best: date | None = None
    # the time expression was told in an earlier sentence and carried over to this event
    carried: bool = False

    def __post_init__(self) -> None:
        if self.best is not None and not self.earliest <= self.best <= self.latest:
            raise ValueError(f"best day {self.best} outside window {self.earliest}..{self.latest}")

    @property
    def day(self) -> date:
        """The point estimate: ``best`` when the wording gives one, else the latest day."""
        return self.best if self.best is not None else self.latest

    def to_dict(self) -> dict[str, Any]:
        return {"earliest": self.earliest.isoformat(), "latest": self.latest.isoformat(),
                "best": self.best.isoformat() if self.best else None,
                "rule": self.rule, "span": self.span.to_dict() if self.span else None,
                "carried": self.carried}


@dataclass(frozen=True, slots=True)
class Victim:
    """Who was killed or injured: ``kind`` is child, civilian, soldier, person, ..."""

    outcome: str  # "killed" | "injured"
    count: int | None
    kind: str = "person"
    age: int | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "count": self.count, "kind": self.kind, "age": self.age,
                "span": self.span.to_dict() if self.span else None}


@dataclass(frozen=True, slots=True)
class Weapon:
    kind: str  # drone, ballistic missile, artillery, ...
    count: int | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count,
                "span": self.span.to_dict() if self.span else None}


@dataclass(frozen=True, slots=True)
class Damage:
    object: str  # residential building, power plant, ...
    count: int | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"object": self.object, "count": self.count,
                "span": self.span.to_dict() if self.span else None}


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None = None
    span: Span | None = None
    speaker_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker,
                "span": self.span.to_dict() if self.span else None,
                "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the source that carries one fact of an event (``role``: trigger, actor1, ...).

    ``rule`` names the rule that made the fact, where one did: for a trigger the lexicon entry
    and its pattern, ``"<entry id>/<pattern id>"`` ("assault.strike/launch * &ATTACKS");
    ``""`` when none is recorded.
    """

    role: str
    span: Span
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, **self.span.to_dict(), "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, with the evidence for each of its fields."""

    doc_id: str
    type: str  # PLOVER root type
    trigger: Span
    sentence: Span
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    date: DateWindow | None = None
    fatalities: int | None = None
    injuries: int | None = None
    victims: tuple[Victim, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    damage: tuple[Damage, ...] = ()
    quotes: tuple[Quote, ...] = ()
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            raw = f"{self.doc_id}:{self.type}:{self.trigger.start}:{self.trigger.end}"
            object.__setattr__(self, "id", hashlib.sha256(raw.encode()).hexdigest()[:16])

    def replace(self, **changes: Any) -> "Event":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings); the shape of the published JSON Schema."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "acled": ([self.acled_event_type, self.acled_sub_event_type]
                      if self.acled_event_type else None),
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "victims": [v.to_dict() for v in self.victims],
            "weapons": [w.to_dict() for w in self.weapons],
            "damage": [d.to_dict() for d in self.damage],
            "quotes": [q.to_dict() for q in self.quotes],
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
        }


# Trust flags (stage ``document.flags`` for documents, ``document.sourcing`` for merged events)
DOC_FLAGS: tuple[str, ...] = (
    "temporal_inconsistency", "conflicting_counts", "conflicting_locations", "truncated",
)
EVENT_FLAGS: tuple[str, ...] = ("conflicting_figures", "single_source", "party_source", "unverified")


@dataclass(frozen=True, slots=True)
class Flag:
    """A finding a careful reader would raise about a document or a merged event.

    ``flag`` is one of :data:`DOC_FLAGS` or :data:`EVENT_FLAGS`; ``explanation`` says in one
    line what contradicts what (and, for dates, which reading is likelier); ``evidence`` are
    the spans of the text that carry it. ``doc_id`` names the document the spans point into
    when the flag belongs to an event (a document's own flags leave it ``None``).
    """

    flag: str
    explanation: str
    evidence: tuple[Span, ...] = ()
    doc_id: str | None = None
    stage: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "flag": self.flag, "explanation": self.explanation,
            "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in self.evidence],
        }
        if self.doc_id is not None:
            out["doc_id"] = self.doc_id
        return out


@dataclass(frozen=True, slots=True)
class Decision:
    """What the document stage did with an event mention, and why (``extract --explain``).

    ``action``: ``attached`` (folded into the event ``into``: one incident told in several
    sentences), ``dropped`` (not today's news: background, history, page furniture) or
    ``completed`` (a field filled from the document's context). ``rule`` names the rule.
    """

    action: str
    rule: str
    reason: str
    event_id: str  # the mention's event id (before it was folded or dropped)
    type: str
    sentence: Span
    trigger: Span
    into: str | None = None  # the event it was attached to

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "rule": self.rule, "reason": self.reason,
                "event_id": self.event_id, "type": self.type, "into": self.into,
                "sentence": self.sentence.to_dict(), "trigger": self.trigger.to_dict()}


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One report behind a merged event: which document said it, when, its own figures, the
    evidence of its own event (spans into that document's text), and what the report says of
    the event's sourcing (``flags``: ``unverified``, ``party_source``, ``conflicting_figures``
    of stage ``document.sourcing``)."""

    doc_id: str
    event_id: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sentence: Span | None = None
    evidence: tuple[Evidence, ...] = ()
    flags: tuple[Flag, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "event_id": self.event_id,
                "published": self.published.isoformat() if self.published else None,
                "outlet": self.outlet, "url": self.url, "title": self.title,
                "fatalities": self.fatalities, "injuries": self.injuries,
                "sentence": self.sentence.to_dict() if self.sentence else None,
                "evidence": [e.to_dict() for e in self.evidence],
                "flags": [f.to_dict() for f in self.flags]}


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event as reported by one or more documents (cross-document merge).

    ``event`` is the representative report (its evidence spans point into ``event.doc_id``)
    with the reported figures filled in; ``sources`` holds every report's own figures, oldest
    first. The reported figure is the latest report's (latest ``published``, then the largest
    value); ``*_range`` is (min, max) over the reports that give a number; ``conflicting`` is
    true when reports give different numbers. ``id`` is stable: a hash of the event id of the
    report that opened the cluster (merge.across adds reports in arrival order: by
    ``published`` then event id in a batch, in ingest order in a store). ``flags`` are the
    merged event's trust flags (:data:`EVENT_FLAGS`, stage ``document.sourcing``, from the
    merge and its sources' flags; the desk sets them, see
    :func:`eventdesk.document.sourcing.merged_flags`).
    """

    id: str
    event: Event
    sources: tuple[SourceFigure, ...] = ()
    fatalities: int | None = None
    injuries: int | None = None
    fatalities_range: tuple[int, int] | None = None
    injuries_range: tuple[int, int] | None = None
    conflicting: bool = False
    member_ids: tuple[str, ...] = ()
    stage: str = "merge.across"
    flags: tuple[Flag, ...] = ()

    @staticmethod
    def cluster_id(earliest_event_id: str) -> str:
        return hashlib.sha256(f"cluster:{earliest_event_id}".encode()).hexdigest()[:16]

    @classmethod
    def from_event(cls, event: Event, *, source: SourceFigure | None = None) -> "MergedEvent":
        """A one-report MergedEvent (what cross-document merge makes of an unmatched event)."""
        src = source or SourceFigure(doc_id=event.doc_id, event_id=event.id)
        src = dataclasses.replace(src, event_id=event.id, fatalities=event.fatalities,
                                  injuries=event.injuries, sentence=event.sentence,
                                  evidence=event.evidence)
        return cls(
            id=cls.cluster_id(event.id), event=event, sources=(src,),
            fatalities=event.fatalities, injuries=event.injuries,
            fatalities_range=(event.fatalities,) * 2 if event.fatalities is not None else None,
            injuries_range=(event.injuries,) * 2 if event.injuries is not None else None,
            conflicting=False, member_ids=(event.id,),
        )

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(s.doc_id for s in self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event.to_dict(),
            "sources": [s.to_dict() for s in self.sources],
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "fatalities_range": list(self.fatalities_range) if self.fatalities_range else None,
            "injuries_range": list(self.injuries_range) if self.injuries_range else None,
            "conflicting": self.conflicting,
            "member_ids": list(self.member_ids),
            "stage": self.stage,
            "flags": [f.to_dict() for f in self.flags],
        }
