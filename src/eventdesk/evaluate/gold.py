"""Gold event files (shared/gold/FORMAT.md) read into typed records.

Gold files are outside data: every line is validated here, and a malformed line raises
:class:`~eventdesk.errors.InputError` naming the file and the line. Inside, the scorer only
sees the frozen dataclasses below.

Two conventions matter for scoring:

* A *missing* key for a scored field (``actor1``, ``actor2``, ``location``, ``date``,
  ``fatalities``, ``injuries``) means "not annotated": the field is not scored for that event
  (and a missing ``location`` / ``date`` does not restrict matching). An explicit ``null``
  means "the text does not say", and must be predicted as unknown. Which keys were present is
  kept in :attr:`GoldEvent.annotated`.
* plover_gsr.jsonl carries CAMEO actor codes. Country-like CAMEO codes are mapped to ISO 3166
  alpha-3 (``JAP`` -> ``JPN``, ``ITL`` -> ``ITA``, ``VTN`` -> ``VNM``, ...); non-state codes
  (``IGO``, ``NGO``, ``IMG``, ...) become ``country=None`` with that sector, as FORMAT.md codes
  the EU or the UN. Sectors are kept verbatim (they are not scored).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import PLOVER_TYPES, PRECISIONS

SCORED_FIELDS: tuple[str, ...] = ("actor1", "actor2", "location", "date", "fatalities", "injuries")

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO3: dict[str, str] = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "UK": "GBR", "GER": "DEU",
    "SPN": "ESP", "SWI": "CHE", "TAW": "TWN", "KOS": "XKX", "ROM": "ROU", "ZAR": "COD",
}
# CAMEO non-state "country" codes -> the sector they stand for (country becomes None).
CAMEO_NONSTATE: dict[str, str] = {
    "IGO": "IGO", "NGO": "NGO", "IMG": "REB", "ISM": "REB", "MNC": "BUS", "UIS": "REB",
}

_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class GoldActor:
    country: str | None
    sector: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    index: int  # position in the document's ``events`` list (same_event_as refers to it)
    type: str
    alt_types: tuple[str, ...] = ()
    mode: str | None = None
    acled: tuple[str | None, ...] = ()  # (event type, sub-event type or None)
    actor1: GoldActor | None = None
    actor2: GoldActor | None = None
    location: GoldPlace | None = None
    date: tuple[date, date] | None = None
    fatalities: int | None = None
    injuries: int | None = None
    optional: bool = False
    evidence: str = ""
    annotated: frozenset[str] = frozenset(SCORED_FIELDS)

    def types(self) -> tuple[str, ...]:
        """Types a prediction may carry to match this event."""
        return (self.type, *self.alt_types)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    published: date | None = None
    source: str | None = None
    flags: tuple[str, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    same_event_as: tuple[tuple[int, str, int], ...] = ()
    distractors: tuple[str, ...] = ()
    origin: str = ""  # "file:line", for messages

    @property
    def scored_events(self) -> tuple[GoldEvent, ...]:
        return tuple(e for e in self.events if not e.optional)


# --------------------------------------------------------------------------- validation

class GoldWarning(UserWarning):
    """Something odd but recoverable in a gold file (the CLI prints these on stderr)."""


class _Bad(Exception):
    """A validation failure inside one line; turned into an InputError with file:line."""


def _opt_str(obj: dict[str, Any], key: str, what: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(f"{what}.{key} must be a string or null, got {value!r}")
    return value


def _iso_date(value: Any, what: str) -> date:
    if not isinstance(value, str):
        raise _Bad(f"{what} must be an ISO date string, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{what} is not an ISO date: {value!r}") from None


def _count(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Bad(f"{what} must be a non-negative integer or null, got {value!r}")
    return value


def _coord(value: Any, what: str, limit: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Bad(f"{what} must be a number or null, got {value!r}")
    if abs(value) > limit:
        raise _Bad(f"{what} out of range: {value!r}")
    return float(value)


def _actor(value: Any, what: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object or null, got {value!r}")
    country = _opt_str(value, "country", what)
    sector = _opt_str(value, "sector", what)
    name = _opt_str(value, "name", what)
    if country is not None:
        country = country.strip().upper()
        if country in CAMEO_NONSTATE:
            sector = sector or CAMEO_NONSTATE[country]
            country = None
        else:
            country = CAMEO_TO_ISO3.get(country, country)
            if not _ISO3.match(country):
                raise _Bad(f"{what}.country must be an ISO3 code or null, got {value['country']!r}")
    return GoldActor(country=country, sector=sector, name=name)


def _place(value: Any, what: str) -> GoldPlace | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object or null, got {value!r}")
    precision = value.get("precision")
    if precision not in PRECISIONS:
        raise _Bad(f"{what}.precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    country = _opt_str(value, "country", what)
    if country is not None:
        country = CAMEO_TO_ISO3.get(country.upper(), country.upper())
    place = GoldPlace(
        name=_opt_str(value, "name", what), admin1=_opt_str(value, "admin1", what),
        country=country, lat=_coord(value.get("lat"), f"{what}.lat", 90),
        lon=_coord(value.get("lon"), f"{what}.lon", 180), precision=precision,
    )
    if (place.lat is None) != (place.lon is None):
        raise _Bad(f"{what} has only one of lat/lon")
    if not place.has_point and not place.admin1 and not place.country:
        raise _Bad(f"{what} has neither a point, an admin1 nor a country to compare with")
    return place


def _event(value: Any, index: int) -> GoldEvent:
    what = f"events[{index}]"
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object")
    etype = value.get("type")
    if etype not in PLOVER_TYPES:
        raise _Bad(f"{what}.type must be a PLOVER root type, got {etype!r}")
    alt = value.get("alt_types") or []
    if not isinstance(alt, list) or any(t not in PLOVER_TYPES for t in alt):
        raise _Bad(f"{what}.alt_types must be a list of PLOVER root types, got {alt!r}")
    acled = value.get("acled") or []
    # [event type, sub-event type]; the sub-event type is null when the text allows the
    # event type only (FORMAT.md): then it is not scored
    if (not isinstance(acled, list) or len(acled) > 2
            or not all(isinstance(a, str) for a in acled[:1])
            or not all(a is None or isinstance(a, str) for a in acled[1:])):
        raise _Bad(f"{what}.acled must be [event type, sub-event type or null], got {acled!r}")
    window = None
    if value.get("date") is not None:
        raw = value["date"]
        if not isinstance(raw, list) or len(raw) != 2:
            raise _Bad(f"{what}.date must be [earliest, latest] or null, got {raw!r}")
        window = (_iso_date(raw[0], f"{what}.date[0]"), _iso_date(raw[1], f"{what}.date[1]"))
        if window[0] > window[1]:
            raise _Bad(f"{what}.date is reversed: {raw!r}")
    optional = value.get("optional", False)
    if not isinstance(optional, bool):
        raise _Bad(f"{what}.optional must be true or false, got {optional!r}")
    evidence = value.get("evidence") or ""
    if not isinstance(evidence, str):
        raise _Bad(f"{what}.evidence must be a string")
    return GoldEvent(
        index=index, type=etype, alt_types=tuple(t for t in alt if t != etype),
        mode=_opt_str(value, "mode", what), acled=tuple(acled),
        actor1=_actor(value.get("actor1"), f"{what}.actor1"),
        actor2=_actor(value.get("actor2"), f"{what}.actor2"),
        location=_place(value.get("location"), f"{what}.location"),
        date=window,
        fatalities=_count(value.get("fatalities"), f"{what}.fatalities"),
        injuries=_count(value.get("injuries"), f"{what}.injuries"),
        optional=optional, evidence=evidence,
        annotated=frozenset(k for k in SCORED_FIELDS if k in value),
    )


def _document(obj: Any, texts_dir: Path | None, origin: str) -> GoldDoc:
    if not isinstance(obj, dict):
        raise _Bad("a line must hold one JSON object")
    doc_id = obj.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise _Bad("missing or empty 'id'")
    published = None if obj.get("published") is None else _iso_date(obj["published"], "published")
    text = obj.get("text")
    if text is None:
        if texts_dir is None:
            raise _Bad(f"document {doc_id!r} has no 'text' and no texts directory was given")
        path = Path(texts_dir) / f"{doc_id}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _Bad(f"document {doc_id!r} has no 'text' and {path} is unreadable: {exc}") from None
    if not isinstance(text, str):
        raise _Bad("'text' must be a string")
    events = obj.get("events")
    if not isinstance(events, list):
        raise _Bad("'events' must be a list")
    parsed = tuple(_event(e, i) for i, e in enumerate(events))
    links = []
    for raw in obj.get("same_event_as") or []:
        if (not isinstance(raw, list) or len(raw) != 3 or not isinstance(raw[0], int)
                or not isinstance(raw[1], str) or not isinstance(raw[2], int)):
            raise _Bad(f"same_event_as entries must be [index, doc_id, index], got {raw!r}")
        if not 0 <= raw[0] < len(parsed):
            raise _Bad(f"same_event_as refers to event {raw[0]}, which does not exist")
        links.append((raw[0], raw[1], raw[2]))
    flags = obj.get("flags") or []
    distractors = obj.get("distractors") or []
    for name, items in (("flags", flags), ("distractors", distractors)):
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise _Bad(f"'{name}' must be a list of strings")
    source = obj.get("source")
    return GoldDoc(
        id=doc_id, text=text, published=published,
        source=source if isinstance(source, str) else None, flags=tuple(flags), events=parsed,
        same_event_as=tuple(links), distractors=tuple(distractors), origin=origin,
    )


def parse_gold_lines(
    lines: Iterable[str], *, where: str = "<gold>", texts_dir: str | Path | None = None,
    limit: int | None = None,
) -> list[GoldDoc]:
    """Parse gold JSONL lines (blank lines skipped); ``where`` names the source in errors.

    ``limit`` stops after that many documents (the rest of the file is not read).
    """
    docs: list[GoldDoc] = []
    seen: dict[str, int] = {}
    tdir = Path(texts_dir) if texts_dir is not None else None
    for number, line in enumerate(lines, start=1):
        if limit is not None and len(docs) >= limit:
            break
        if not line.strip():
            continue
        origin = f"{where}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(origin, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
        try:
            doc = _document(obj, tdir, origin)
        except _Bad as exc:
            raise InputError(origin, str(exc)) from None
        if doc.id in seen:
            # Real files repeat ids (plover_gsr.jsonl: two different COERCE-0004 sentences):
            # keep both, the later one renamed, and say so.
            new_id = f"{doc.id}@{number}"
            warnings.warn(f"{origin}: duplicate document id {doc.id!r} (first on line "
                          f"{seen[doc.id]}); scored as {new_id!r}", GoldWarning, stacklevel=2)
            doc = dataclasses.replace(doc, id=new_id)
        seen[doc.id] = number
        docs.append(doc)
    return docs


def load_gold(
    path: str | Path, *, texts_dir: str | Path | None = None, limit: int | None = None
) -> list[GoldDoc]:
    """Read one gold ``*.jsonl`` file; a record without ``text`` reads ``texts_dir/<id>.txt``.

    ``limit``: read only the first that many documents.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return parse_gold_lines(handle, where=str(path), texts_dir=texts_dir, limit=limit)
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from None
