"""Shared pieces of the exporters: input normalisation, outputs, dates, flat rows.

Exporters import the records only (DESIGN.md); this module is part of the export package.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from eventdesk.errors import ConfigError, InputError
from eventdesk.records import Document, Event, MergedEvent, SourceFigure

from eventdesk.export.countries import country

DocumentLookup = Mapping[str, Any] | Callable[[str], Any] | None
# merged event -> its trust flags (records.Flag), e.g. from eventdesk.Desk.export
FlagLookup = Callable[[MergedEvent], Any] | None


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an exporter wrote: records written, records skipped and why."""

    format: str
    out: str
    written: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        why = ", ".join(f"{k}: {v}" for k, v in sorted(self.reasons.items()))
        return (f"{self.format}: {self.written} written to {self.out}"
                + (f", {self.skipped} skipped ({why})" if self.skipped else ""))


class Counter:
    """Counts written and skipped records while an exporter streams."""

    def __init__(self) -> None:
        self.written = 0
        self.reasons: dict[str, int] = {}

    def skip(self, reason: str) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    def result(self, fmt: str, out: Any) -> ExportResult:
        return ExportResult(fmt, str(out), self.written, sum(self.reasons.values()),
                            dict(self.reasons))


def _get(meta: Any, key: str) -> Any:
    if meta is None:
        return None
    if isinstance(meta, Mapping):
        return meta.get(key)
    return getattr(meta, key, None)


def _pub(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _lookup(documents: DocumentLookup) -> Callable[[str], Any]:
    if documents is None:
        return lambda _id: None
    if isinstance(documents, Mapping):
        return documents.get
    if callable(documents):
        cache: dict[str, Any] = {}

        def get(doc_id: str) -> Any:
            if doc_id not in cache:
                if len(cache) > 4096:
                    cache.clear()
                cache[doc_id] = documents(doc_id)
            return cache[doc_id]
        return get
    raise ConfigError("documents must be a mapping doc_id -> Document, a callable, or None")


def _fill(src: SourceFigure, meta: Any) -> SourceFigure:
    if meta is None:
        return src
    return replace(
        src,
        published=src.published or _pub(_get(meta, "published")),
        outlet=src.outlet or _get(meta, "outlet") or _get(meta, "source"),
        url=src.url or _get(meta, "url"),
        title=src.title or _get(meta, "title"),
    )


def as_merged(records: Iterable[Any], *, documents: DocumentLookup = None) -> Iterator[MergedEvent]:
    """Every input as a MergedEvent, lazily: Events become one-report MergedEvents; the documents'
    metadata (published, outlet/source, url, title) fills in sources that lack it."""
    get = _lookup(documents)
    for n, rec in enumerate(records):
        if isinstance(rec, MergedEvent):
            if documents is not None:
                rec = replace(rec, sources=tuple(_fill(s, get(s.doc_id)) for s in rec.sources))
            yield rec
        elif isinstance(rec, Event):
            src = _fill(SourceFigure(doc_id=rec.doc_id, event_id=rec.id), get(rec.doc_id))
            yield MergedEvent.from_event(rec, source=src)
        elif isinstance(rec, tuple) and len(rec) == 2 and isinstance(rec[1], Event):
            meta, ev = rec  # (document metadata, Event), as merge_events takes them
            src = _fill(SourceFigure(doc_id=ev.doc_id, event_id=ev.id), meta)
            yield MergedEvent.from_event(ev, source=_fill(src, get(ev.doc_id)))
        else:
            raise InputError(f"export record {n}",
                             f"expected an Event or MergedEvent, got {type(rec).__name__}")


@contextlib.contextmanager
def text_output(out: Any) -> Iterator[IO[str]]:
    """A text stream for a path (parents created), '-' (stdout) or an open text stream."""
    if hasattr(out, "write"):
        yield out
    elif str(out) == "-":
        yield sys.stdout
    else:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as f:
            yield f


def time_precision(ev: Event) -> int | None:
    """ACLED time_precision from the window width: 1 day (or an overnight two-day window),
    2 up to ten days (week-ish), 3 longer (month)."""
    if ev.date is None:
        return None
    days = (ev.date.latest - ev.date.earliest).days + 1
    return 1 if days <= 2 else 2 if days <= 10 else 3


def event_date(ev: Event) -> date | None:
    """The one date exporters need: the window's first day when it spans one or two days
    (two-day windows are mostly "overnight"), else its middle day; a day the wording points
    to (``DateWindow.best``, "in the past 24 hours" of a daily report) wins."""
    if ev.date is None:
        return None
    if ev.date.best is not None:
        return ev.date.best
    days = (ev.date.latest - ev.date.earliest).days
    return ev.date.earliest if days <= 1 else ev.date.earliest + timedelta(days=days // 2)


def joined(values: Iterable[Any], sep: str = "; ") -> str:
    seen: list[str] = []
    for v in values:
        if v is not None and v != "" and str(v) not in seen:
            seen.append(str(v))
    return sep.join(seen)


def sources_json(m: MergedEvent) -> str:
    return json.dumps([s.to_dict() for s in m.sources], ensure_ascii=False)


def flag_names(m: MergedEvent, flags: FlagLookup) -> str | None:
    """The trust flags of a merged event, '; '-joined (None when no lookup is given)."""
    if flags is None:
        return None
    return "; ".join(dict.fromkeys(f.flag for f in flags(m)))


def flat_row(m: MergedEvent, flags: FlagLookup = None) -> dict[str, Any]:
    """Flat, typed columns of a merged event (GeoJSON properties, Parquet columns)."""
    ev = m.event
    loc, a1, a2 = ev.location, ev.actor1, ev.actor2
    pubs = [s.published for s in m.sources if s.published]
    c = country(loc.country if loc else None)
    return {
        "id": m.id,
        "event_id": ev.id,
        "doc_id": ev.doc_id,
        "type": ev.type,
        "mode": ev.mode,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "event_date": event_date(ev),
        "date_start": ev.date.earliest if ev.date else None,
        "date_end": ev.date.latest if ev.date else None,
        "time_precision": time_precision(ev),
        "actor1": a1.name if a1 else None,
        "actor1_country": a1.country if a1 else None,
        "actor1_sector": a1.sector if a1 else None,
        "actor2": a2.name if a2 else None,
        "actor2_country": a2.country if a2 else None,
        "actor2_sector": a2.sector if a2 else None,
        "place": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "country": loc.country if loc else None,
        "country_name": c.name if c else None,
        "precision": loc.precision if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "fatalities": m.fatalities,
        "injuries": m.injuries,
        "fatalities_min": m.fatalities_range[0] if m.fatalities_range else None,
        "fatalities_max": m.fatalities_range[1] if m.fatalities_range else None,
        "injuries_min": m.injuries_range[0] if m.injuries_range else None,
        "injuries_max": m.injuries_range[1] if m.injuries_range else None,
        "conflicting": m.conflicting,
        "n_sources": len(m.sources),
        "outlets": joined(s.outlet for s in m.sources) or None,
        "urls": joined(s.url for s in m.sources) or None,
        "doc_ids": joined(s.doc_id for s in m.sources),
        "first_published": min(pubs) if pubs else None,
        "last_published": max(pubs) if pubs else None,
        "trigger": ev.trigger.text,
        "sentence": ev.sentence.text,
        "confidence": float(ev.confidence),
        "sources_json": sources_json(m),
        "flags": flag_names(m, flags),
    }
