"""The pair rules of the cross-document merge: when two reports can be one real-world event,
and how well they agree (:func:`pair_score`); what the merge keeps of each report (``_Item``).

Part of stage ``merge.across`` (the rules are described in that module's docstring); imports
the records and errors only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import Document, Event, SourceFigure

STAGE = "merge.across"

COMPATIBLE_TYPES: frozenset[frozenset[str]] = frozenset({
    frozenset({"AGREE", "CONCEDE"}), frozenset({"AGREE", "SUPPORT"}),
    frozenset({"REJECT", "SANCTION"}), frozenset({"COERCE", "SANCTION"}),
})
SYMMETRIC_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})
CITY_KM = 40.0
OTHER_TOWN_KM = 12.0  # two differently named towns (spelling variants geocode to ~0 km)
ADMIN2_KM = 50.0
ADMIN1_KM = 150.0
BUCKET_DAYS = 2
_PREC_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}
_NO_PLACE = 4
_GRID_DEG = 0.5
_COARSE_DEG = 2.0


def _families() -> dict[str, str]:
    """Type -> blocking family: connected components of COMPATIBLE_TYPES."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in COMPATIBLE_TYPES:
        a, b = sorted(find(t) for t in pair)
        parent[b] = a
    return {t: find(t) for t in parent}


_FAMILY = _families()

_ADMIN_WORDS = re.compile(
    r"\b(oblast|oblast'|region|province|governorate|krai|kray|state|district|prefecture|"
    r"republic|of|the)\b")
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}


def admin1_key(name: str | None) -> str | None:
    """Fold an admin1 name: case, accents, apostrophes, "Oblast"/"region", "-s'ka" adjectives."""
    if not name:
        return None
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’ʼ`]", "", s)
    s = _ADMIN_WORDS.sub(" ", s)
    words = [_COMPASS.get(w, w) for w in re.findall(r"[a-z0-9]+", s)]
    words = [re.sub(r"(skaya|skyi|skiy|ska)$", "", w) if len(w) > 6 else w for w in words]
    return " ".join(words) or None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _as_date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            raise InputError(where, f"published is not an ISO date: {value!r}") from None
    raise InputError(where, f"published has an unsupported type: {type(value).__name__}")


def source_of(meta: Any, event: Event, *, where: str = "merge_events") -> SourceFigure:
    """Normalise document metadata (Document, SourceFigure, object, mapping, None)."""
    if meta is None:
        get = lambda k: None  # noqa: E731
    elif isinstance(meta, Mapping):
        get = meta.get
    else:
        get = lambda k: getattr(meta, k, None)  # noqa: E731
    if isinstance(meta, Document):
        doc_id = meta.id
    else:
        doc_id = get("doc_id") or get("id")
    if doc_id is not None and doc_id != event.doc_id:
        raise InputError(where, f"document id {doc_id!r} does not match the event's doc_id "
                                f"{event.doc_id!r} (event {event.id})")
    return SourceFigure(
        doc_id=event.doc_id, event_id=event.id,
        published=_as_date(get("published"), where),
        outlet=get("outlet") or get("source"), url=get("url"), title=get("title"),
        fatalities=event.fatalities, injuries=event.injuries,
    )


class _Item:
    """What the merge needs of one report: scalars for pair tests, and (when known) the full
    Event and its SourceFigure for building the merged record."""

    __slots__ = ("seq", "id", "doc", "ev", "src", "pub", "type", "fam", "e0", "e1", "width",
                 "country", "rank", "lat", "lon", "a1key", "name", "c1", "s1", "c2", "s2",
                 "mode", "fat", "inj", "cluster")

    def __init__(self, *, id: str, doc: str, type: str, mode: str | None,
                 earliest: date | None, latest: date | None, published: date | None,
                 place: tuple[str | None, str | None, str | None, float | None, float | None,
                              str | None] | None,
                 actors: tuple[str | None, str | None, str | None, str | None],
                 fatalities: int | None, injuries: int | None,
                 ev: Event | None = None, src: SourceFigure | None = None) -> None:
        self.seq = 0
        self.id, self.doc, self.ev, self.src = id, doc, ev, src
        self.cluster = ""
        self.pub = published.toordinal() if published else 0
        self.type, self.mode = type, mode
        self.fam = _FAMILY.get(type, type)
        if earliest is not None and latest is not None:
            self.e0, self.e1 = earliest.toordinal(), latest.toordinal()
            self.width = self.e1 - self.e0 + 1
        else:
            self.e0 = self.e1 = None
            self.width = 10**6
        name, admin1, country, lat, lon, precision = place or (None,) * 6
        if place is None or (country is None and lat is None and not admin1):
            self.country, self.rank, self.lat, self.lon = None, _NO_PLACE, None, None
            self.a1key, self.name = None, None
        else:
            self.country = country
            self.rank = _PREC_RANK.get(precision or "city", 0)
            ok = lat is not None and lon is not None
            self.lat, self.lon = (float(lat), float(lon)) if ok else (None, None)
            self.a1key = admin1_key(admin1 if self.rank < 3 else None)
            if self.rank == 2 and self.a1key is None:
                self.a1key = admin1_key(name)
            self.name = admin1_key(name)
        self.c1, self.s1, self.c2, self.s2 = actors
        self.fat, self.inj = fatalities, injuries

    @classmethod
    def of(cls, ev: Event, src: SourceFigure) -> "_Item":
        loc, a1, a2 = ev.location, ev.actor1, ev.actor2
        return cls(
            id=ev.id, doc=ev.doc_id, type=ev.type, mode=ev.mode,
            earliest=ev.date.earliest if ev.date else None,
            latest=ev.date.latest if ev.date else None, published=src.published,
            place=(loc.name, loc.admin1, loc.country, loc.lat, loc.lon, loc.precision)
            if loc else None,
            actors=(a1.country if a1 else None, a1.sector if a1 else None,
                    a2.country if a2 else None, a2.sector if a2 else None),
            fatalities=ev.fatalities, injuries=ev.injuries, ev=ev, src=src)

    @classmethod
    def of_row(cls, row: Mapping[str, Any]) -> "_Item":
        """From a stored report's flat columns (the ``events`` table and ``published``)."""
        has_place = row.get("location_name") is not None or row.get("lat") is not None \
            or row.get("location_country") is not None
        return cls(
            id=row["id"], doc=row["doc_id"], type=row["type"], mode=row.get("mode"),
            earliest=row.get("date_earliest"), latest=row.get("date_latest"),
            published=_as_date(row.get("published"), "stored report"),
            place=(row.get("location_name"), row.get("location_admin1"),
                   row.get("location_country"), row.get("lat"), row.get("lon"),
                   row.get("precision")) if has_place else None,
            actors=(row.get("actor1_country"), row.get("actor1_sector"),
                    row.get("actor2_country"), row.get("actor2_sector")),
            fatalities=row.get("fatalities"), injuries=row.get("injuries"))


def _roles(c1: str | None, s1: str | None, c2: str | None, s2: str | None,
           d1: str | None, t1: str | None, d2: str | None, t2: str | None
           ) -> tuple[float, int] | None:
    score, agree = 0.0, 0
    if c1 and d1:
        if c1 != d1:
            return None
        score, agree = 0.5, 1
    if c2 and d2:
        if c2 != d2:
            return None
        score, agree = score + 0.5, agree + 1
    if s1 and t1:
        score += 0.25 if s1 == t1 else -0.25
    if s2 and t2:
        score += 0.25 if s2 == t2 else -0.25
    return score, agree


def _actor_score(a: _Item, b: _Item) -> tuple[float, int] | None:
    """Actor agreement: (score, number of roles whose countries are known and equal), or None.
    For two symmetric types (AGREE, CONSULT, COOPERATE) the roles may be swapped."""
    best = _roles(a.c1, a.s1, a.c2, a.s2, b.c1, b.s1, b.c2, b.s2)
    if a.type in SYMMETRIC_TYPES and b.type in SYMMETRIC_TYPES:
        swapped = _roles(a.c1, a.s1, a.c2, a.s2, b.c2, b.s2, b.c1, b.s1)
        if swapped is not None and (best is None or swapped > best):
            best = swapped
    return best


def pair_score(a: _Item, b: _Item, *, max_km: float | None = None,
               max_window_days: int = 31) -> float | None:
    """How well two reports agree (higher is better), or None when they cannot be one event."""
    if a.doc == b.doc:
        return None
    if a.type == b.type:
        score = 1.0
    elif frozenset((a.type, b.type)) in COMPATIBLE_TYPES:
        score = 0.5
    else:
        return None
    if a.e0 is None or b.e0 is None or a.width > max_window_days or b.width > max_window_days:
        return None
    gap = max(a.e0, b.e0) - min(a.e1, b.e1)  # <= 0: overlap of 1-gap days; 1: adjacent
    if gap > 1:
        return None
    overlap = gap <= 0
    score += 1.0 if overlap else 0.3
    actors = _actor_score(a, b)
    if actors is None:
        return None
    ascore, agree = actors
    score += ascore
    # places
    if a.rank == _NO_PLACE or b.rank == _NO_PLACE:
        return score if _strong(a, b, overlap, agree) else None
    if a.country and b.country and a.country != b.country:
        return None
    coarse = max(a.rank, b.rank)
    both_xy = a.lat is not None and b.lat is not None
    if coarse <= 1:
        limit = max_km if max_km is not None else (CITY_KM if coarse == 0 else ADMIN2_KM)
        if coarse == 0 and max_km is None and a.name and b.name and \
                a.name.casefold() != b.name.casefold():
            limit = OTHER_TOWN_KM  # two named towns: the same event only if next door
        if both_xy:
            dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
            if dist > limit:
                return None
            return score + 2.0 - dist / limit
        return score + 1.5 if a.name and a.name == b.name and a.country == b.country else None
    if coarse == 2:
        if a.a1key and b.a1key and a.a1key == b.a1key:
            return score + 1.0
        if both_xy and haversine_km(a.lat, a.lon, b.lat, b.lon) <= ADMIN1_KM:
            return score + 0.6
        return None
    if not (a.country and a.country == b.country and overlap and agree >= 1):
        return None
    if min(a.rank, b.rank) < 3:
        # a country-wide report next to a located one is often a summary of many local events
        # ("64 drones at the country overnight"): merge only on strong agreement and one
        # figure both reports give identically
        if not _strong(a, b, overlap, agree):
            return None
    return score + 0.3


def _strong(a: _Item, b: _Item, overlap: bool, agree: int) -> bool:
    """Strong agreement, needed where places cannot tell: same type and mode (where both are
    given), overlapping windows of at most three days, both actors' countries known and equal,
    and at least one figure (fatalities or injuries) that both reports give identically."""
    if not (a.type == b.type and overlap and a.width <= 3 and b.width <= 3 and agree == 2):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    return any(x is not None and x == y for x, y in ((a.fat, b.fat), (a.inj, b.inj)))


def _figure_keys(it: _Item) -> list[tuple[Any, ...]]:
    """Keys under which strong agreement (both actor countries and one figure) can be found."""
    if not (it.c1 and it.c2):
        return []
    pairs = [(it.c1, it.c2)]
    if it.type in SYMMETRIC_TYPES:
        pairs.append((it.c2, it.c1))
    keys = []
    for c1, c2 in pairs:
        if it.fat is not None:
            keys.append((c1, c2, "k", it.fat))
        if it.inj is not None:
            keys.append((c1, c2, "i", it.inj))
    return keys
