"""What a situation report says, computed from the Python API (no store, no stages).

:func:`merged_for` is the one place that asks the desk for merged events: switch it when the
desk's merged view changes. Everything else works on :class:`~eventdesk.records.MergedEvent`
and :class:`~eventdesk.records.Flag` records.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import Event, Flag, MergedEvent

VIOLENT = frozenset({"ASSAULT", "COERCE"})
DIPLOMACY = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "REQUEST",
                       "ACCUSE", "REJECT", "THREATEN", "SANCTION", "RETREAT"})
# the digest's sections: (heading, types)
DIGEST = (
    ("Who met whom", ("CONSULT",)),
    ("Demands", ("REQUEST",)),
    ("Rejections", ("REJECT",)),
    ("Threats", ("THREATEN",)),
    ("Agreements and concessions", ("AGREE", "CONCEDE")),
    ("Accusations", ("ACCUSE",)),
    ("Support, aid and cooperation", ("SUPPORT", "AID", "COOPERATE")),
    ("Sanctions", ("SANCTION",)),
)
TOP_INCIDENTS = 10
DIGEST_ITEMS = 8


@dataclass(frozen=True, slots=True)
class Filter:
    since: date | None = None
    until: date | None = None
    country: str | None = None  # ISO3
    region: str | None = None  # first-level region (oblast, state, province) or place name

    def describe(self) -> str:
        bits = []
        if self.since or self.until:
            bits.append(f"{self.since or '…'} to {self.until or '…'}")
        if self.country:
            bits.append(f"country {self.country}")
        if self.region:
            bits.append(f"region {self.region}")
        return "; ".join(bits) or "all stored events"


@dataclass(frozen=True, slots=True)
class Figure:
    """A total with its range over the sources: ``low``..``high`` (equal when they agree)."""

    value: int = 0
    low: int = 0
    high: int = 0
    known: int = 0  # merged events that give a number

    def __add__(self, other: "Figure") -> "Figure":
        return Figure(self.value + other.value, self.low + other.low, self.high + other.high,
                      self.known + other.known)

    def text(self) -> str:
        if self.low != self.high:
            return f"{self.value} ({self.low}–{self.high})"
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    events: int
    killed: Figure
    injured: Figure


@dataclass(frozen=True, slots=True)
class Source:
    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    fatalities: int | None
    injuries: int | None
    quote: str  # the sentence that reports the event in this source


@dataclass(frozen=True, slots=True)
class Incident:
    merged: MergedEvent
    sources: tuple[Source, ...]
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class DigestItem:
    merged: MergedEvent
    quote: str


@dataclass
class Report:
    filter: Filter
    generated: date
    merged: list[MergedEvent]
    flags: dict[str, tuple[Flag, ...]]  # merged id -> event flags
    doc_flags: list[tuple[str, str, list[Flag]]]  # (doc id, title, flags)
    events: int = 0
    killed: Figure = field(default_factory=Figure)
    injured: Figure = field(default_factory=Figure)
    documents: int = 0
    by_region: list[Row] = field(default_factory=list)
    by_type: list[Row] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    digest: list[tuple[str, list[DigestItem]]] = field(default_factory=list)
    first: date | None = None
    last: date | None = None

    @property
    def flag_counts(self) -> Counter[str]:
        return Counter(f.flag for fl in self.flags.values() for f in fl)


# --------------------------------------------------------------------------- the one switch
def merged_for(desk: Any, flt: Filter) -> list[MergedEvent]:
    """The merged events matching ``flt``: the desk's merged view (:meth:`Desk.events`, one
    MergedEvent per real-world event, each with its flags), its date window filtered by the
    store, country and region here. The one place that reads the merged view."""
    return [m for m in desk.events(since=flt.since, until=flt.until) if matches(m, flt)]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = re.sub(r"\b(?:oblast|region|province|state|governorate|krai|raion|district)\b|'s?", " ",
                  text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def region_of(ev: Event) -> str:
    loc = ev.location
    if loc is None:
        return "(no place)"
    if loc.precision == "country":
        return loc.country or loc.name
    return loc.admin1 or loc.name


def country_of(ev: Event) -> str | None:
    if ev.location is not None and ev.location.country:
        return ev.location.country
    for a in (ev.actor2, ev.actor1):
        if a is not None and a.country:
            return a.country
    return None


def matches(m: MergedEvent, flt: Filter) -> bool:
    ev = m.event
    if flt.since or flt.until:
        if ev.date is None:
            return False
        if flt.since and ev.date.latest < flt.since:
            return False
        if flt.until and ev.date.earliest > flt.until:
            return False
    if flt.country and country_of(ev) != flt.country.upper():
        return False
    if flt.region:
        loc = ev.location
        want = _fold(flt.region)
        if loc is None or want not in {_fold(loc.admin1 or ""), _fold(loc.name)}:
            return False
    return True


def parse_filter(*, since: str | date | None = None, until: str | date | None = None,
                 country: str | None = None, region: str | None = None) -> Filter:
    def day(v: Any, what: str) -> date | None:
        if v is None or isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            raise InputError(what, f"{v!r} is not a date (YYYY-MM-DD)") from None

    s, u = day(since, "--since"), day(until, "--until")
    if s and u and s > u:
        raise InputError("--since", f"{s} is after --until {u}")
    if country is not None and not re.fullmatch(r"[A-Za-z]{3}", country):
        raise InputError("--country", f"{country!r} is not an ISO 3166-1 alpha-3 code (UKR, SDN, ...)")
    if region is not None and not region.strip():
        raise InputError("--region", "empty region name")
    return Filter(s, u, country.upper() if country else None, region.strip() if region else None)


# --------------------------------------------------------------------------- figures
def figure(value: int | None, rng: tuple[int, int] | None) -> Figure:
    if value is None:
        return Figure()
    lo, hi = rng if rng else (value, value)
    return Figure(value, min(lo, value), max(hi, value), 1)


def killed(m: MergedEvent) -> Figure:
    return figure(m.fatalities, m.fatalities_range)


def injured(m: MergedEvent) -> Figure:
    return figure(m.injuries, m.injuries_range)


def rows(merged: Iterable[MergedEvent], key: Any) -> list[Row]:
    acc: dict[str, list[Any]] = defaultdict(lambda: [0, Figure(), Figure()])
    for m in merged:
        a = acc[key(m)]
        a[0] += 1
        a[1] = a[1] + killed(m)
        a[2] = a[2] + injured(m)
    out = [Row(k, *v) for k, v in acc.items()]
    return sorted(out, key=lambda r: (-r.killed.value, -r.injured.value, -r.events, r.key))


def top_rows(rows: Sequence[Row], other: str, limit: int = 15) -> list[Row]:
    """The first ``limit`` rows and one row summing the rest (totals stay whole)."""
    if len(rows) <= limit + 1:
        return list(rows)
    rest = rows[limit:]
    return list(rows[:limit]) + [Row(f"{other} ({len(rest)})", sum(r.events for r in rest),
                                     sum((r.killed for r in rest), Figure()),
                                     sum((r.injured for r in rest), Figure()))]


def build(desk: Any, flt: Filter, *, progress: bool = False, today: date | None = None
          ) -> Report:
    """Everything the report shows, for the merged events matching ``flt``."""
    from tqdm import tqdm

    merged = sorted(merged_for(desk, flt), key=lambda m: (m.event.date.day if m.event.date
                                                           else date.max, m.id))
    flags = {m.id: m.flags for m in merged}
    report = Report(filter=flt, generated=today or date.today(), merged=merged, flags=flags,
                    doc_flags=[])
    report.events = len(merged)
    docs: set[str] = set()
    for m in tqdm(merged, desc="report", unit="event", disable=not progress, leave=False):
        report.killed = report.killed + killed(m)
        report.injured = report.injured + injured(m)
        docs.update(m.doc_ids or (m.event.doc_id,))
    report.documents = len(docs)
    days = [m.event.date.day for m in merged if m.event.date]
    report.first, report.last = (min(days), max(days)) if days else (None, None)
    report.by_region = rows(merged, lambda m: region_of(m.event))
    report.by_type = rows(merged, lambda m: m.event.type)
    violent = [m for m in merged if m.event.type in VIOLENT]
    violent.sort(key=lambda m: (-(m.fatalities or 0), -(m.injuries or 0), -len(m.sources), m.id))
    for m in violent[:TOP_INCIDENTS]:
        srcs = []
        for s in m.sources or ():
            meta = desk.document(s.doc_id)
            srcs.append(Source(s.doc_id, s.title or (meta.title if meta else None),
                               s.outlet or (meta.source if meta else None),
                               s.url or (meta.url if meta else None),
                               s.published or (meta.published if meta else None),
                               s.fatalities, s.injuries,
                               " ".join((s.sentence or m.event.sentence).text.split())))
        report.incidents.append(Incident(m, tuple(srcs), flags.get(m.id, ())))
    for heading, types in DIGEST:
        items = [DigestItem(m, " ".join(m.event.sentence.text.split()))
                 for m in merged if m.event.type in types]
        if items:
            items.sort(key=lambda d: (-len(d.merged.sources), -(
                d.merged.event.date.day.toordinal() if d.merged.event.date else 0)))
            report.digest.append((heading, items[:DIGEST_ITEMS]))
    for doc_id in sorted(docs):
        found = list(desk.document_flags(doc_id))
        if found and found[0][1]:
            meta = desk.document(doc_id)
            report.doc_flags.append((doc_id, (meta.title if meta else None) or doc_id,
                                     found[0][1]))
    return report


def actor_label(a: Any) -> str:
    if a is None:
        return "?"
    return a.country or a.name or a.sector or "?"


def pair_counts(merged: Sequence[MergedEvent], limit: int = 12) -> list[tuple[str, int]]:
    c = Counter(f"{actor_label(m.event.actor1)} → {actor_label(m.event.actor2)}"
                for m in merged if m.event.type in DIPLOMACY
                and m.event.actor1 is not None and m.event.actor2 is not None)
    return c.most_common(limit)
