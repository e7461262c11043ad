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
                "rule": self.rule, "span": self.span.to_dict() if self.span else None}


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
    """A span of the source that carries one fact of an event (``role``: trigger, actor1, ...)."""

    role: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, **self.span.to_dict()}


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


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One report behind a merged event: which document said it, when, its own figures, and
    the evidence of its own event (spans into that document's text)."""

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

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "event_id": self.event_id,
                "published": self.published.isoformat() if self.published else None,
                "outlet": self.outlet, "url": self.url, "title": self.title,
                "fatalities": self.fatalities, "injuries": self.injuries,
                "sentence": self.sentence.to_dict() if self.sentence else None,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event as reported by one or more documents (cross-document merge).

    ``event`` is the representative report (its evidence spans point into ``event.doc_id``)
    with the reported figures filled in; ``sources`` holds every report's own figures, oldest
    first. The reported figure is the latest report's (latest ``published``, then the largest
    value); ``*_range`` is (min, max) over the reports that give a number; ``conflicting`` is
    true when reports give different numbers. ``id`` is stable: a hash of the event id of the
    report that opened the cluster (merge.across adds reports in arrival order: by
    ``published`` then event id in a batch, in ingest order in a store).
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
        }
