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

Clustering is incremental (:class:`Clusterer`): documents are added one at a time, each report
joining the best cluster whose every member it is compatible with (complete linkage), or
opening one; a document's reports are placed jointly, best (report, cluster) score first.
``eventdesk ingest`` adds each new report as it stores it; ``merge_events`` adds a batch in
:func:`arrival_key` order (publication date, then event id), so its result does not depend on
input order; ``Desk.merge`` re-adds the stored reports in their ingest order and so rebuilds the
clusters ingest made. Scale: a report is compared only with the reports filed under its blocking
keys (type family x 2-day bucket, then a 0.5-degree grid, region and town names, country, and
(actor countries, figure) keys), so the cost of adding one grows with its block, not the store.

Figures: each report's own fatalities/injuries are kept in ``sources``; the range is (min, max);
``conflicting`` flags differing numbers. The reported figure is the latest report's: latest
``published`` (unknown counts as oldest), then the largest value. A later report revising a toll
therefore updates the event and the earlier figure stays in ``sources``.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from eventdesk.errors import InputError
from eventdesk.merge.pairs import (  # noqa: F401 - the rules, re-exported
    ADMIN1_KM, ADMIN2_KM, BUCKET_DAYS, CITY_KM, COMPATIBLE_TYPES, OTHER_TOWN_KM, STAGE,
    SYMMETRIC_TYPES, _COARSE_DEG, _GRID_DEG, _NO_PLACE, _as_date, _figure_keys, _Item,
    admin1_key, haversine_km, pair_score, source_of)
from eventdesk.records import DateWindow, Event, MergedEvent, SourceFigure

def _cells(lat: float, lon: float, km: float, deg: float) -> Iterator[tuple[int, int]]:
    """Grid cells of ``deg`` degrees that hold every point within ``km`` of (lat, lon)."""
    cy, cx = math.floor(lat / deg), math.floor(lon / deg)
    dlat = math.ceil(km / (111.0 * deg))
    cos = max(0.05, math.cos(math.radians(min(89.0, abs(lat) + (dlat + 1) * deg))))
    dlon = min(math.ceil(km / (111.0 * cos * deg)), math.ceil(180 / deg))
    for gy in range(cy - dlat, cy + dlat + 1):
        for gx in range(cx - dlon, cx + dlon + 1):
            yield gy, gx


class Clusterer:
    """Incremental cross-document merge: each report joins the best cluster it may join, or
    opens one (``add``); the clusters after adding reports one by one are the same whichever
    process adds them, so a store that merged at each ingest and a from-scratch merge over
    the stored reports in their ingest order agree (``Desk.merge`` checks nothing else).

    A report may join a cluster when it is compatible (:func:`pair_score`) with every member
    (complete linkage: no chains) and its document has no report in it yet; among such
    clusters it joins the one with its best-scoring member (ties: the smaller cluster id).

    Blocking: a report is filed under (type family, 2-day bucket) and, inside that block,
    under keys its possible partners share: a 0.5-degree cell (towns), a 2-degree cell
    (regions with a point), the region name, the town name (no point), the country
    (country-wide reports), and (actor countries, figure) for the strong agreement that
    placeless and country-wide reports need. A new report looks only at the reports filed
    under its own keys in the buckets its window (plus a day each side) touches, so the cost
    of one ``add`` grows with the reports of its block, not with the store; and the keys
    find every pair :func:`pair_score` accepts (the complete-linkage test relies on it).

    ``begin()`` / ``commit()`` / ``rollback()`` bracket a batch: a store transaction that
    fails takes the batch's additions back out.
    """

    def __init__(self, *, max_km: float | None = None, max_window_days: int = 31) -> None:
        self.max_km, self.max_window_days = max_km, max_window_days
        self.town_km = max(max_km or 0.0, CITY_KM, ADMIN2_KM)
        self.items: dict[str, _Item] = {}
        self.clusters: dict[str, list[_Item]] = {}
        self._index: dict[tuple[Any, ...], list[_Item]] = defaultdict(list)
        self._journal: list[tuple[_Item, list[tuple[Any, ...]]]] | None = None
        self.changed: set[str] = set()
        self._seq = 0

    def __len__(self) -> int:
        return len(self.items)

    # --- keys -------------------------------------------------------------------------------
    def _pairable(self, it: _Item) -> bool:
        return it.e0 is not None and it.width <= self.max_window_days

    def _own_keys(self, it: _Item) -> list[tuple[Any, ...]]:
        """Keys (without family and bucket) under which ``it`` is filed."""
        keys: list[tuple[Any, ...]] = [("f",) + k for k in _figure_keys(it)]
        if it.rank == _NO_PLACE:
            return keys
        if it.a1key and it.rank < 3:
            keys.append(("r", it.a1key))
        if it.rank <= 1:
            if it.lat is not None:
                keys.append(("g", math.floor(it.lat / _GRID_DEG), math.floor(it.lon / _GRID_DEG)))
            if it.name:
                keys.append(("n", it.country, it.name))
        elif it.rank == 2 and it.lat is not None:
            keys.append(("G", math.floor(it.lat / _COARSE_DEG), math.floor(it.lon / _COARSE_DEG)))
        elif it.rank == 3:
            keys.append(("c", it.country))
        return keys

    def _probe_keys(self, it: _Item) -> list[tuple[Any, ...]]:
        """Keys (without family and bucket) of every report that can pair with ``it``."""
        keys: list[tuple[Any, ...]] = [("f",) + k for k in _figure_keys(it)]
        if it.rank == _NO_PLACE:
            return keys
        if it.a1key and it.rank < 3:
            keys.append(("r", it.a1key))
        if it.lat is not None and it.rank <= 2:
            km = self.town_km if it.rank <= 1 else ADMIN1_KM
            keys += [("g",) + c for c in _cells(it.lat, it.lon, km, _GRID_DEG)]
            keys += [("G",) + c for c in _cells(it.lat, it.lon, ADMIN1_KM, _COARSE_DEG)]
        if it.rank <= 1 and it.name:
            keys.append(("n", it.country, it.name))
        if it.rank == 3:
            keys.append(("c", it.country))
        return keys

    # --- adding -----------------------------------------------------------------------------
    def add(self, event: Event, source: SourceFigure | None = None) -> str:
        """File one report; return its cluster's id. A report already added keeps its cluster."""
        return self.add_document([(event, source)])[0]

    def add_document(self, reports: Sequence[tuple[Event, SourceFigure | None]]) -> list[str]:
        """File the reports of one document together; return their cluster ids, in order.

        A document's reports are placed jointly, best (report, cluster) score first: each
        existing cluster takes at most one of them, so a roundup's second Kharkiv strike cannot
        take the cluster its first one matches better. Reports that join none open clusters."""
        items = []
        for event, source in reports:
            src = source or SourceFigure(doc_id=event.doc_id, event_id=event.id,
                                         fatalities=event.fatalities, injuries=event.injuries)
            items.append(_Item.of(event, src))
        return self._add_items(items)

    def add_row(self, row: Mapping[str, Any], cluster_id: str | None = None) -> str:
        """File a stored report from its flat columns (``Store.report_rows``) into the cluster
        the store has for it, without a search."""
        item = _Item.of_row(row)
        if cluster_id is None:
            return self._add_items([item])[0]
        return self._file(item, cluster_id)

    def add_rows(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """File the stored reports of one document (flat columns) as :meth:`add_document`
        does: how ``Desk.merge`` replays a store."""
        return self._add_items([_Item.of_row(r) for r in rows])

    def _add_items(self, items: list[_Item]) -> list[str]:
        fresh = [it for it in items if it.id not in self.items]
        offers: list[tuple[float, str, str]] = []
        for it in dict((it.id, it) for it in fresh).values():
            for cluster, score in self._eligible(it).items():
                offers.append((-score, it.id, cluster))
        offers.sort()
        chosen: dict[str, str] = {}
        taken: set[str] = set()
        for _, item_id, cluster in offers:
            if item_id in chosen or cluster in taken:
                continue
            chosen[item_id] = cluster
            taken.add(cluster)
        for it in fresh:
            if it.id not in self.items:
                self._file(it, chosen.get(it.id) or MergedEvent.cluster_id(it.id))
        return [self.items[it.id].cluster for it in items]

    def _file(self, it: _Item, cluster_id: str) -> str:
        old = self.items.get(it.id)
        if old is not None:
            return old.cluster
        self._seq += 1
        it.seq, it.cluster = self._seq, cluster_id
        self.items[it.id] = it
        self.clusters.setdefault(cluster_id, []).append(it)
        filed: list[tuple[Any, ...]] = []
        if self._pairable(it):
            for bucket in range(it.e0 // BUCKET_DAYS, it.e1 // BUCKET_DAYS + 1):
                for key in self._own_keys(it):
                    full = (it.fam, bucket) + key
                    self._index[full].append(it)
                    filed.append(full)
        if self._journal is not None:
            self._journal.append((it, filed))
        self.changed.add(cluster_id)
        return cluster_id

    def _eligible(self, it: _Item) -> dict[str, float]:
        """The clusters ``it`` may join (compatible with every member, no report of its
        document in them) and its best score with a member of each."""
        if not self._pairable(it):
            return {}
        compatible: dict[str, int] = {}
        best: dict[str, float] = {}
        seen: set[str] = set()
        probe = self._probe_keys(it)
        for bucket in range((it.e0 - 1) // BUCKET_DAYS, (it.e1 + 1) // BUCKET_DAYS + 1):
            for key in probe:
                for other in self._index.get((it.fam, bucket) + key, ()):
                    if other.id in seen:
                        continue
                    seen.add(other.id)
                    s = pair_score(it, other, max_km=self.max_km,
                                   max_window_days=self.max_window_days)
                    if s is None:
                        continue
                    c = other.cluster
                    compatible[c] = compatible.get(c, 0) + 1
                    if s > best.get(c, -math.inf):
                        best[c] = s
        return {c: best[c] for c, n in compatible.items()
                if n == len(self.clusters[c])
                and not any(m.doc == it.doc for m in self.clusters[c])}

    # --- batches ----------------------------------------------------------------------------
    def begin(self) -> None:
        self._journal = []
        self.changed = set()

    def commit(self) -> None:
        self._journal = None

    def rollback(self) -> None:
        """Take back every report added since ``begin()``."""
        for it, filed in reversed(self._journal or []):
            for key in filed:
                popped = self._index[key].pop()
                assert popped is it
                if not self._index[key]:
                    del self._index[key]
            members = self.clusters[it.cluster]
            members.pop()
            if not members:
                del self.clusters[it.cluster]
            del self.items[it.id]
            self._seq -= 1
        self._journal = None
        self.changed = set()

    def take_changed(self) -> set[str]:
        changed, self.changed = self.changed, set()
        return changed

    def members(self, cluster_id: str) -> list[str]:
        """Event ids of a cluster, in the order they were added."""
        return [it.id for it in self.clusters.get(cluster_id, ())]


def build_merged(cluster_id: str, reports: Iterable[tuple[SourceFigure, Event]]) -> MergedEvent:
    """The MergedEvent of one cluster from its reports (any order): sources oldest first;
    the representative report (most precise place, then narrowest window, then latest); the
    reported figures (latest report's, then the largest); ranges, ``conflicting``."""
    group = [_Item.of(ev, src) for src, ev in reports]
    if not group:
        raise InputError("build_merged", f"cluster {cluster_id} has no reports")
    group.sort(key=lambda it: (it.pub, it.id))
    if len(group) == 1:
        it = group[0]
        single = MergedEvent.from_event(it.ev, source=it.src)
        return dataclasses.replace(single, id=cluster_id, stage=STAGE)
    base = min(group, key=lambda it: (it.rank, it.width, -it.pub, it.id))
    sources = tuple(_with_figures(it.src, it.ev) for it in group)
    fat = [(it.pub, it.fat) for it in group if it.fat is not None]
    inj = [(it.pub, it.inj) for it in group if it.inj is not None]
    fvals, ivals = [v for _, v in fat], [v for _, v in inj]
    dated = [it for it in group if it.e0 is not None]
    window = base.ev.date
    if dated and window is not None:
        e0, e1 = max(it.e0 for it in dated), min(it.e1 for it in dated)
        if e0 <= e1 and (e0, e1) != (base.e0, base.e1):
            best = window.best if window.best and e0 <= window.best.toordinal() <= e1 else None
            window = DateWindow(date.fromordinal(e0), date.fromordinal(e1), span=None,
                                rule="merged", best=best)
    changes: dict[str, Any] = {"date": window, "fatalities": _reported(fat),
                               "injuries": _reported(inj)}
    others = sorted(group, key=lambda it: (it.rank, it.width, -it.pub, it.id))
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
        id=cluster_id,
        event=base.ev.replace(**changes),
        sources=sources,
        fatalities=changes["fatalities"], injuries=changes["injuries"],
        fatalities_range=(min(fvals), max(fvals)) if fvals else None,
        injuries_range=(min(ivals), max(ivals)) if ivals else None,
        conflicting=len(set(fvals)) > 1 or len(set(ivals)) > 1,
        member_ids=tuple(it.id for it in group),
        stage=STAGE,
    )


def _with_figures(src: SourceFigure, ev: Event) -> SourceFigure:
    return dataclasses.replace(src, event_id=ev.id, fatalities=ev.fatalities,
                               injuries=ev.injuries, sentence=ev.sentence, evidence=ev.evidence)


def _reported(values: list[tuple[int, int]]) -> int | None:
    """Latest report wins (published ordinal), then the largest value."""
    return max(values)[1] if values else None


def _parse(items: Iterable[tuple[Any, Event] | Event]) -> list[tuple[SourceFigure, Event]]:
    out: list[tuple[SourceFigure, Event]] = []
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
        out.append((source_of(meta, ev, where=f"merge_events item {n}"), ev))
    return out


def arrival_key(src: SourceFigure, ev: Event) -> tuple[int, str, str]:
    """The order in which :func:`merge_events` adds reports: publication date (unknown
    first), then document id, as a desk would have received them; a document's reports are
    added together (:meth:`Clusterer.add_document`)."""
    return (src.published.toordinal() if src.published else 0, ev.doc_id, ev.id)


def merge_events(items: Iterable[tuple[Any, Event] | Event], *, max_km: float | None = None,
                 max_window_days: int = 31) -> list[MergedEvent]:
    """Merge reports of one real-world event from several documents (see the module docstring).

    ``items``: ``(document metadata, Event)`` pairs or bare Events. ``max_km`` overrides the
    town-to-town distance (default 40 km). Reports are added to a :class:`Clusterer` in
    :func:`arrival_key` order, so the input order does not matter. Returns one MergedEvent
    per real-world event, ordered by date window start, then id. The same event given twice
    is taken once.
    """
    reports = _parse(items)
    reports.sort(key=lambda r: arrival_key(*r))
    clusterer = Clusterer(max_km=max_km, max_window_days=max_window_days)
    by_doc: dict[str, list[tuple[Event, SourceFigure]]] = {}
    for src, ev in reports:  # documents in the order of their first report
        by_doc.setdefault(ev.doc_id, []).append((ev, src))
    for group in by_doc.values():
        clusterer.add_document(group)
    by_id = {ev.id: (src, ev) for src, ev in reports}
    merged = [build_merged(cid, [by_id[i] for i in clusterer.members(cid)])
              for cid in clusterer.clusters]
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
