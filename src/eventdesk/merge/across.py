"""Cross-document merge: reports of one real-world event from several documents -> one MergedEvent.

Stage ``merge.across``. Imports the records and errors only (DESIGN.md, dependency rules).

Input: ``(document metadata, Event)`` pairs (or bare Events). Metadata may be a
:class:`~eventdesk.records.Document`, a :class:`~eventdesk.records.SourceFigure`, any object with
``id``/``doc_id``, ``published``, ``source``/``outlet``, ``url``, ``title`` attributes, a mapping
with those keys, or ``None`` (then only ``event.doc_id`` is known).

Output: one :class:`~eventdesk.records.MergedEvent` per real-world event, single reports included,
so nothing is dropped: ``len(sum(m.member_ids)) == number of distinct input events``.

When two reports are the same event (all must hold; :func:`pair_score` returns None otherwise):

- different documents (two events of one document are two events: within-document merging is
  ``merge.within``'s job), and every pair of members of a cluster passes these tests
  (complete linkage: no chains such as Kharkiv ~ Kharkiv oblast ~ Poltava);
- the same PLOVER type, or a pair in :data:`COMPATIBLE_TYPES` (boundaries the gold annotators
  call genuinely ambiguous: AGREE/CONCEDE, AGREE/SUPPORT, REJECT/SANCTION, COERCE/SANCTION);
- both have a date window, neither wider than ``max_window_days`` (31), and the windows overlap
  or are adjacent (a gap of one day: "overnight" vs "on Thursday");
- actors compatible: where both reports know a role's country, it is the same (for the
  symmetric types AGREE, CONSULT, COOPERATE the two roles may be swapped);
- places agree at the coarser of the two precisions: city/admin2 within ``max_km`` (40 km;
  50 km when an admin2-level place is involved); admin1 the same region name after
  normalisation, or within 150 km of the region's point; country the same country, and then at
  least one actor country must agree and the windows must overlap; a country-wide report merges
  with a located one only with strong agreement (below), because such reports often sum up many
  local events ("64 drones at the country overnight"); a report without a place merges only with
  strong agreement: same type and mode, overlapping windows of at most three days, both actors'
  countries known and equal, and one figure (killed or injured) both give identically.

Clustering is greedy over candidate pairs, best score first, ties by event id: the result does not
depend on input order. Scale: candidates come from blocks (type family x 2-day bucket, then a 0.5-degree grid, region
names and (actors, figure) keys inside large blocks), so 100k events merge in seconds.

Figures: each report's own fatalities/injuries are kept in ``sources``; the range is (min, max);
``conflicting`` flags differing numbers. The reported figure is the latest report's: latest
``published`` (unknown counts as oldest), then the largest value. A later report revising a toll
therefore updates the event and the earlier figure stays in ``sources``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import DateWindow, Document, Event, MergedEvent, SourceFigure

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
_SMALL_BLOCK = 64
_GRID_DEG = 0.5


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
    __slots__ = ("i", "ev", "doc", "src", "pub", "type", "fam", "e0", "e1", "width", "country",
                 "rank", "lat", "lon", "a1key", "name", "c1", "s1", "c2", "s2")

    def __init__(self, i: int, ev: Event, src: SourceFigure) -> None:
        self.i, self.ev, self.src, self.doc = i, ev, src, ev.doc_id
        self.pub = src.published.toordinal() if src.published else 0
        self.type = ev.type
        self.fam = _FAMILY.get(ev.type, ev.type)
        self.e0 = ev.date.earliest.toordinal() if ev.date else None
        self.e1 = ev.date.latest.toordinal() if ev.date else None
        self.width = (self.e1 - self.e0 + 1) if ev.date else 10**6
        loc = ev.location
        if loc is None or (loc.country is None and loc.lat is None and not loc.admin1):
            self.country, self.rank, self.lat, self.lon = None, _NO_PLACE, None, None
            self.a1key, self.name = None, None
        else:
            self.country = loc.country
            self.rank = _PREC_RANK.get(loc.precision, 0)
            ok = loc.lat is not None and loc.lon is not None
            self.lat, self.lon = (loc.lat, loc.lon) if ok else (None, None)
            self.a1key = admin1_key(loc.admin1 if self.rank < 3 else None)
            if self.rank == 2 and self.a1key is None:
                self.a1key = admin1_key(loc.name)
            self.name = admin1_key(loc.name)
        a1, a2 = ev.actor1, ev.actor2
        self.c1, self.s1 = (a1.country, a1.sector) if a1 else (None, None)
        self.c2, self.s2 = (a2.country, a2.sector) if a2 else (None, None)



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
    if a.ev.mode and b.ev.mode and a.ev.mode != b.ev.mode:
        return False
    return any(x is not None and x == y for x, y in ((a.ev.fatalities, b.ev.fatalities),
                                                     (a.ev.injuries, b.ev.injuries)))


class _Grid:
    """Items with coordinates in cells of _GRID_DEG degrees; neighbours within a radius."""

    def __init__(self, items: Iterable[_Item]) -> None:
        self.cells: dict[tuple[int, int], list[_Item]] = defaultdict(list)
        for it in items:
            self.cells[(math.floor(it.lat / _GRID_DEG), math.floor(it.lon / _GRID_DEG))].append(it)

    def near(self, it: _Item, km: float) -> Iterable[_Item]:
        cy, cx = math.floor(it.lat / _GRID_DEG), math.floor(it.lon / _GRID_DEG)
        dlat = math.ceil(km / (111.0 * _GRID_DEG))
        cos = max(0.05, math.cos(math.radians(min(89.0, abs(it.lat) + (dlat + 1) * _GRID_DEG))))
        dlon = math.ceil(km / (111.0 * cos * _GRID_DEG))
        for gy in range(cy - dlat, cy + dlat + 1):
            for gx in range(cx - dlon, cx + dlon + 1):
                yield from self.cells.get((gy, gx), ())


def _figure_keys(it: _Item) -> list[tuple[Any, ...]]:
    """Keys under which strong agreement (both actor countries and one figure) can be found."""
    if not (it.c1 and it.c2):
        return []
    pairs = [(it.c1, it.c2)]
    if it.type in SYMMETRIC_TYPES:
        pairs.append((it.c2, it.c1))
    keys = []
    for c1, c2 in pairs:
        if it.ev.fatalities is not None:
            keys.append((c1, c2, "k", it.ev.fatalities))
        if it.ev.injuries is not None:
            keys.append((c1, c2, "i", it.ev.injuries))
    return keys


def _candidate_pairs(items: list[_Item], *, max_km: float | None,
                     max_window_days: int) -> list[tuple[float, int, int]]:
    """Compatible pairs from blocks (type family x BUCKET_DAYS-day bucket); inside a block, the
    coarser report of a pair looks for the finer one: towns on a grid within the town radius,
    regions by region name or within ADMIN1_KM, country-wide and placeless reports by
    (actor countries, figure), the keys strong agreement needs."""
    blocks: dict[tuple[str, int], list[_Item]] = defaultdict(list)
    first_bucket: dict[int, int] = {}
    for it in items:
        if it.e0 is None or it.width > max_window_days:
            continue
        b0, b1 = it.e0 // BUCKET_DAYS, (it.e1 + 1) // BUCKET_DAYS
        first_bucket[it.i] = b0
        for b in range(b0, b1 + 1):
            blocks[(it.fam, b)].append(it)
    out: list[tuple[float, int, int]] = []
    town_km = max(max_km or 0.0, CITY_KM, ADMIN2_KM)

    for (_, bucket), block in blocks.items():
        done: set[tuple[int, int]] = set()

        def consider(a: _Item, b: _Item) -> None:
            if a.i == b.i:
                return
            key = (a.i, b.i) if a.i < b.i else (b.i, a.i)
            # a pair shares several buckets: compare it only in the first one they share
            if key in done or max(first_bucket[a.i], first_bucket[b.i]) != bucket:
                return
            done.add(key)
            s = pair_score(a, b, max_km=max_km, max_window_days=max_window_days)
            if s is not None:
                out.append((s, key[0], key[1]))

        if len(block) <= _SMALL_BLOCK:
            for x in range(len(block)):
                for y in range(x + 1, len(block)):
                    consider(block[x], block[y])
            continue
        by_figure: dict[tuple[Any, ...], list[_Item]] = defaultdict(list)
        by_region: dict[tuple[str | None, str], list[_Item]] = defaultdict(list)
        by_name: dict[tuple[str | None, str], list[_Item]] = defaultdict(list)
        by_country: dict[str | None, list[_Item]] = defaultdict(list)
        located: list[_Item] = []
        for it in block:
            for k in _figure_keys(it):
                by_figure[k].append(it)
            if it.rank == _NO_PLACE:
                continue
            if it.a1key:
                by_region[(it.country, it.a1key)].append(it)
            if it.rank <= 1 and it.name:
                by_name[(it.country, it.name)].append(it)
            if it.rank == 3:
                by_country[it.country].append(it)
            if it.lat is not None:
                located.append(it)
        grid = _Grid(located)
        for it in block:
            if it.rank == _NO_PLACE or it.rank == 3:
                for k in _figure_keys(it):
                    for other in by_figure.get(k, ()):
                        consider(it, other)
                if it.rank == 3:
                    for other in by_country.get(it.country, ()):
                        consider(it, other)
            elif it.rank == 2:
                for other in by_region.get((it.country, it.a1key), ()):
                    consider(it, other)
                if it.lat is not None:
                    for other in grid.near(it, ADMIN1_KM):
                        consider(it, other)
            elif it.lat is not None:
                for other in grid.near(it, town_km):
                    if other.rank <= 1:
                        consider(it, other)
            elif it.name:
                for other in by_name.get((it.country, it.name), ()):
                    consider(it, other)
    return out


def _cluster(items: list[_Item], pairs: list[tuple[float, int, int]]) -> list[list[_Item]]:
    """Greedy complete-linkage clustering, best pairs first, at most one member per document.

    Blocking yields every compatible pair, so ``common[c]`` (the items compatible with every
    member of cluster c) decides a merge with one set test."""
    cluster_of = list(range(len(items)))
    members: dict[int, list[int]] = {}
    docs: dict[int, set[str]] = {}
    common: dict[int, set[int]] = {}
    for _, i, j in pairs:
        common.setdefault(i, set()).add(j)
        common.setdefault(j, set()).add(i)
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))  # items are sorted by event id
    for _, i, j in pairs:
        ca, cb = cluster_of[i], cluster_of[j]
        if ca == cb:
            continue
        ma, mb = members.get(ca, [ca]), members.get(cb, [cb])
        if len(ma) < len(mb):
            ca, cb, ma, mb = cb, ca, mb, ma
        if not common[ca].issuperset(mb):
            continue
        da = docs.get(ca) or {items[ca].doc}
        db = docs.get(cb) or {items[cb].doc}
        if not da.isdisjoint(db):
            continue
        for x in mb:
            cluster_of[x] = ca
        members[ca] = ma + mb
        members.pop(cb, None)
        docs[ca] = da | db
        docs.pop(cb, None)
        common[ca] = common[ca] & common.pop(cb)
    return [[items[x] for x in members.get(c, [c])]
            for c in range(len(items)) if cluster_of[c] == c]


def _reported(values: list[tuple[int, int]]) -> int | None:
    """Latest report wins (published ordinal), then the largest value."""
    return max(values)[1] if values else None


def _build(group: list[_Item]) -> MergedEvent:
    group = sorted(group, key=lambda it: (it.pub, it.ev.id))
    if len(group) == 1:
        it = group[0]
        return MergedEvent.from_event(it.ev, source=it.src)
    earliest = group[0]
    base = min(group, key=lambda it: (it.rank, it.width, -it.pub, it.ev.id))
    sources = tuple(it.src for it in group)
    fat = [(it.pub, it.ev.fatalities) for it in group if it.ev.fatalities is not None]
    inj = [(it.pub, it.ev.injuries) for it in group if it.ev.injuries is not None]
    fvals, ivals = [v for _, v in fat], [v for _, v in inj]
    # merged date window: the intersection of the reports' windows when it is not empty
    e0 = max(it.e0 for it in group)
    e1 = min(it.e1 for it in group)
    window = base.ev.date
    if e0 <= e1 and window is not None and (e0, e1) != (base.e0, base.e1):
        window = DateWindow(date.fromordinal(e0), date.fromordinal(e1), span=None, rule="merged")
    changes: dict[str, Any] = {"date": window, "fatalities": _reported(fat),
                               "injuries": _reported(inj)}
    others = sorted(group, key=lambda it: (it.rank, it.width, -it.pub, it.ev.id))
    for name in ("actor1", "actor2", "location", "mode", "acled_event_type",
                 "acled_sub_event_type"):
        if getattr(base.ev, name) is None:
            for it in others:
                if getattr(it.ev, name) is not None:
                    changes[name] = getattr(it.ev, name)
                    if name == "acled_event_type":
                        changes["acled_sub_event_type"] = it.ev.acled_sub_event_type
                    break
    return MergedEvent(
        id=MergedEvent.cluster_id(earliest.ev.id),
        event=base.ev.replace(**changes),
        sources=sources,
        fatalities=changes["fatalities"], injuries=changes["injuries"],
        fatalities_range=(min(fvals), max(fvals)) if fvals else None,
        injuries_range=(min(ivals), max(ivals)) if ivals else None,
        conflicting=len(set(fvals)) > 1 or len(set(ivals)) > 1,
        member_ids=tuple(it.ev.id for it in group),
        stage=STAGE,
    )


def merge_events(items: Iterable[tuple[Any, Event] | Event], *, max_km: float | None = None,
                 max_window_days: int = 31) -> list[MergedEvent]:
    """Merge reports of one real-world event from several documents (see the module docstring).

    ``items``: ``(document metadata, Event)`` pairs or bare Events. ``max_km`` overrides the
    town-to-town distance (default 40 km). Returns one MergedEvent per real-world event,
    ordered by date window start, then id. The same event given twice is taken once.
    """
    parsed: list[_Item] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        if isinstance(item, Event):
            meta, ev = None, item
        else:
            try:
                meta, ev = item
            except (TypeError, ValueError):
                raise InputError(f"merge_events item {n}",
                                 "expected (document metadata, Event) or Event") from None
            if not isinstance(ev, Event):
                raise InputError(f"merge_events item {n}",
                                 f"expected an Event, got {type(ev).__name__}")
        if ev.id in seen:
            continue
        seen.add(ev.id)
        parsed.append(_Item(len(parsed), ev, source_of(meta, ev, where=f"merge_events item {n}")))
    parsed.sort(key=lambda it: it.ev.id)  # input order must not matter
    for i, it in enumerate(parsed):
        it.i = i
    pairs = _candidate_pairs(parsed, max_km=max_km, max_window_days=max_window_days)
    groups = _cluster(parsed, pairs)
    merged = [_build(g) for g in groups]
    merged.sort(key=lambda m: (m.event.date.earliest if m.event.date else date.max, m.id))
    return merged


def merged_pairs(merged: Iterable[MergedEvent]) -> set[frozenset[str]]:
    """All pairs of member event ids that were merged (for pairwise precision and recall)."""
    out: set[frozenset[str]] = set()
    for m in merged:
        ids = m.member_ids
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                out.add(frozenset((ids[x], ids[y])))
    return out

