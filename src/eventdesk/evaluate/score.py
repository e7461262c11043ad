"""Scoring predicted events against gold events (shared/gold/FORMAT.md, "Scoring").

Matching (FORMAT rule 1). A prediction matches a gold event when all three hold:

* **type**: equal to the gold type, or one of the gold event's ``alt_types``;
* **place**: gold location ``null`` (or not annotated) matches anything; otherwise the
  prediction needs a location, and by the *gold* precision:
  ``city`` (and ``admin2``): the predicted point is within 50 km of the gold point, and the
  prediction is itself a point (precision city/admin2: a country centroid that happens to lie
  near the gold town does not count);
  ``admin1``: same admin1 after normalisation (:func:`same_admin1`; countries must not differ)
  or a predicted point finer than country within 150 km of the gold point;
  ``country``: same country.
  A gold city without coordinates falls back to its admin1, then its country.
* **date**: gold date ``null`` matches anything; a prediction without a date matches; a
  predicted window must overlap the gold window (a predicted single day must fall inside it).

Matching is one-to-one and greedy, best pairs first. A pair's score counts the fields that
agree (exact type rather than an alt type, actor1/actor2 country, location within 25 km,
date, fatalities, injuries), plus 2 when the prediction's sentence overlaps the gold
``evidence`` span in the text and 1 more when its trigger does; ties go to the nearer
point, then to the non-optional gold event, then to document order.

Counting (rule 2). True positives: predictions matched to non-optional gold events; false
negatives: unmatched non-optional gold events; false positives: unmatched predictions.
Predictions matched to optional gold events count neither way. Per type, TP and FN count
under the gold type and FP under the predicted type; ``micro`` sums all types.

Field accuracies (rule 3), on matched pairs with non-optional gold, each with its own n; a
field whose key is missing from the gold event is not annotated and not scored:

* ``actor1.country`` / ``actor2.country``: exact; a null gold actor or country must be
  predicted as no actor or no country;
* ``fatalities`` / ``injuries``: exact; gold ``null`` must be predicted as ``None``;
* ``location`` (gold has a place): gold city: a predicted point within 25 km; gold admin1:
  same admin1 (a predicted town inside the right region counts); gold country: same country;
* ``location.null`` (diagnostic, gold place ``null``): the prediction has no place either;
* ``date_best``: the prediction's single most likely day (the window's ``best`` day, or its
  only day; a longer window without ``best`` has none) lies in the gold window: what a one-date export (ACLED's ``event_date``)
  carries (a missing predicted date counts as wrong; gold ``null`` dates are not scored);
* ``date_in_window``: the whole predicted window lies in the gold window (a tight, honest
  window);
* ``acled.type`` / ``acled.sub``: ACLED event type and sub-event type, exact, where the gold
  event has them (a gold sub-event type ``null`` is not scored).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventdesk.evaluate.gold import GoldDoc, GoldEvent, GoldPlace
from eventdesk.records import PLOVER_TYPES, DateWindow, Event, Place

CITY_KM = 50.0
ADMIN1_KM = 150.0
FIELD_KM = 25.0
FIELDS: tuple[str, ...] = (
    "actor1.country", "actor2.country", "location", "location.null", "date_best",
    "date_in_window", "fatalities", "injuries", "acled.type", "acled.sub",
)
# diagnostics that do not add to a pair's matching score and are not listed as mismatches
DIAGNOSTIC_FIELDS = frozenset({"date_in_window"})
_POINT_PRECISIONS = ("city", "admin2")

# --------------------------------------------------------------------------- places

_GENERIC_WORDS = frozenset({
    "oblast", "oblasti", "region", "province", "krai", "kray", "governorate", "state", "district",
    "city", "voblasc", "voblast", "voivodeship", "muhafazat", "republic", "respublika",
    "autonomous", "of", "the", "capital", "prefecture", "territory", "division", "okrug",
    "municipality", "raion", "rayon",
})
_DIRECTIONS = {"northern": "north", "southern": "south", "western": "west", "eastern": "east",
               "centre": "central", "center": "central"}
# Transliterations and Ukrainian adjectival forms that suffix stripping cannot reach.
_ALIASES = {
    "kiev": "kyiv", "odessa": "odesa", "odeska": "odesa", "odesskaya": "odesa", "sumska": "sumy",
    "zaporizka": "zaporizhzhia", "zaporizhzhya": "zaporizhzhia", "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia", "zaporozhzhia": "zaporizhzhia", "mykolayiv": "mykolaiv",
    "nikolaev": "mykolaiv", "nikolayev": "mykolaiv", "kharkov": "kharkiv", "lugansk": "luhansk",
    "dnepropetrovsk": "dnipropetrovsk", "chernigov": "chernihiv", "zhitomir": "zhytomyr",
    "rovno": "rivne", "chernovtsy": "chernivtsi", "chernivetska": "chernivtsi",
    "khmelnitsky": "khmelnytskyi", "kirovograd": "kirovohrad", "makkah": "mecca",
    "hodeidah": "hudaydah", "hudaydah": "hudaydah",
}
_ADJ_SUFFIX = re.compile(r"(?:s(?:kaya|kiy|kyi|kyy|kii|ka|ke)|sk)$")
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʹ`´ʻ"), None)


def admin1_key(name: str | None) -> str:
    """Fold an admin1 name to a comparison key: "Kharkivs’ka Oblast’" -> "kharkiv".

    Case, accents, apostrophes, generic words (Oblast, region, province, Krai, Governorate,
    State, ...), directional adjectives (Northern -> north), a few transliterations (Kiev,
    Odessa, Zaporozhye, ...) and adjectival suffixes (-s'ka, -skaya, -sk) are folded.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().translate(_APOSTROPHES)
    tokens = []
    for token in re.split(r"[^a-z0-9]+", text):
        if not token or token in _GENERIC_WORDS:
            continue
        if token in ("al", "el") and tokens == []:
            continue  # Al Hudaydah / Hudaydah
        token = _DIRECTIONS.get(token, token)
        token = _ALIASES.get(token, token)
        stem = _ADJ_SUFFIX.sub("", token)
        tokens.append(stem if len(stem) >= 3 else token)
    return " ".join(tokens)


def same_admin1(a: str | None, b: str | None) -> bool:
    """Whether two admin1 names denote the same region (see :func:`admin1_key`).

    Keys are equal, or both are one word and one is the other plus at most three letters
    ("poltav" from Poltavs'ka / "poltava"), the shorter having at least four.
    """
    ka, kb = admin1_key(a), admin1_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if " " in ka or " " in kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _distance(gold: GoldPlace, pred: Place | None) -> float | None:
    """Km from the gold point to a predicted point finer than country, else None."""
    if (pred is None or not gold.has_point or pred.lat is None or pred.lon is None
            or pred.precision == "country"):
        return None
    return haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)  # type: ignore[arg-type]


def _pred_admin1(pred: Place) -> str | None:
    if pred.admin1:
        return pred.admin1
    return pred.name if pred.precision == "admin1" else None


def _countries_compatible(gold: GoldPlace, pred: Place) -> bool:
    return gold.country is None or pred.country is None or gold.country == pred.country


def _same_region(gold: GoldPlace, pred: Place) -> bool:
    gold_admin1 = gold.admin1 or (gold.name if gold.precision == "admin1" else None)
    return (pred.precision != "country" and _countries_compatible(gold, pred)
            and same_admin1(gold_admin1, _pred_admin1(pred)))


def _effective_precision(gold: GoldPlace) -> str:
    if gold.precision in _POINT_PRECISIONS and not gold.has_point:
        return "admin1" if gold.admin1 else "country"
    return gold.precision


def place_problem(gold: GoldPlace | None, pred: Place | None) -> str | None:
    """Why the places do not agree for matching, or None when they do."""
    if gold is None:
        return None
    if pred is None:
        return "no place predicted"
    precision = _effective_precision(gold)
    where = f"{pred.name} ({pred.precision})"
    if precision in _POINT_PRECISIONS:
        if pred.precision not in _POINT_PRECISIONS or pred.lat is None or pred.lon is None:
            return f"{where} is not a point"
        km = _distance(gold, pred)
        return None if km is not None and km <= CITY_KM else f"{where} {km:.0f} km away"
    if precision == "admin1":
        if _same_region(gold, pred):
            return None
        km = _distance(gold, pred)
        if km is not None and km <= ADMIN1_KM:
            return None
        far = f", {km:.0f} km away" if km is not None else ""
        return f"{where}: admin1 {_pred_admin1(pred)!r} is not {gold.admin1 or gold.name!r}{far}"
    if pred.country == gold.country:
        return None
    return f"{where}: country {pred.country} is not {gold.country}"


def location_correct(gold: GoldPlace | None, pred: Place | None) -> bool:
    """The stricter field test: 25 km / same admin1 / same country; null must be null."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    precision = _effective_precision(gold)
    if precision in _POINT_PRECISIONS:
        km = _distance(gold, pred)
        return pred.precision in _POINT_PRECISIONS and km is not None and km <= FIELD_KM
    if precision == "admin1":
        return _same_region(gold, pred)
    return pred.country == gold.country


# --------------------------------------------------------------------------- dates

def predicted_day(window: DateWindow) -> date | None:
    """A predicted window's single most likely day: its ``best`` day, or its only day.

    A window of several days with no ``best`` day has no single most likely day (FORMAT.md,
    ``date_best``): None, which counts as wrong.
    """
    if window.best is not None:
        return window.best
    return window.earliest if window.earliest == window.latest else None


def date_problem(gold: tuple[date, date] | None, pred: DateWindow | None) -> str | None:
    """Why the dates do not agree for matching: the windows must overlap."""
    if gold is None or pred is None:
        return None
    if pred.earliest <= gold[1] and gold[0] <= pred.latest:
        return None
    return (f"date {format_window((pred.earliest, pred.latest))} does not overlap "
            f"{format_window(gold)}")


def format_window(window: tuple[date, date]) -> str:
    a, b = window
    return a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"


# --------------------------------------------------------------------------- matching

def mismatch_reasons(gold: GoldEvent, pred: Event) -> tuple[str, ...]:
    """Why ``pred`` cannot match ``gold`` (empty when it matches)."""
    reasons = []
    if pred.type not in gold.types():
        reasons.append(f"type {pred.type} is not {'/'.join(gold.types())}")
    place = place_problem(gold.location, pred.location)
    if place:
        reasons.append(place)
    when = date_problem(gold.date, pred.date)
    if when:
        reasons.append(when)
    return tuple(reasons)


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """One scored field of a matched pair."""

    name: str
    gold: Any
    predicted: Any
    ok: bool


def _country(actor: Any) -> str | None:
    return None if actor is None else actor.country


def _place_repr(place: Any) -> str | None:
    if place is None:
        return None
    bits = [place.name or "?"]
    if place.admin1 and place.admin1 != place.name:
        bits.append(place.admin1)
    if place.country:
        bits.append(place.country)
    return ", ".join(bits) + f" [{place.precision}]"


def field_checks(gold: GoldEvent, pred: Event) -> tuple[FieldCheck, ...]:
    """The field tests of rule 3 for one pair (fields not annotated in gold are skipped)."""
    checks = []
    for role in ("actor1", "actor2"):
        if role in gold.annotated:
            g, p = _country(getattr(gold, role)), _country(getattr(pred, role))
            checks.append(FieldCheck(f"{role}.country", g, p, g == p))
    if "location" in gold.annotated:
        name = "location" if gold.location is not None else "location.null"
        checks.append(FieldCheck(name, _place_repr(gold.location), _place_repr(pred.location),
                                 location_correct(gold.location, pred.location)))
    if "date" in gold.annotated and gold.date is not None:
        window = format_window(gold.date)
        if pred.date is None:
            checks.append(FieldCheck("date_best", window, None, False))
            checks.append(FieldCheck("date_in_window", window, None, False))
        else:
            day = predicted_day(pred.date)
            checks.append(FieldCheck("date_best", window, day.isoformat() if day else None,
                                     day is not None and gold.date[0] <= day <= gold.date[1]))
            checks.append(FieldCheck("date_in_window", window,
                                     format_window((pred.date.earliest, pred.date.latest)),
                                     gold.date[0] <= pred.date.earliest
                                     and pred.date.latest <= gold.date[1]))
    for name in ("fatalities", "injuries"):
        if name in gold.annotated:
            g, p = getattr(gold, name), getattr(pred, name)
            checks.append(FieldCheck(name, g, p, g == p))
    if gold.acled:
        checks.append(FieldCheck("acled.type", gold.acled[0], pred.acled_event_type,
                                 gold.acled[0] == pred.acled_event_type))
        if len(gold.acled) > 1 and gold.acled[1] is not None:
            checks.append(FieldCheck("acled.sub", gold.acled[1], pred.acled_sub_event_type,
                                     gold.acled[1] == pred.acled_sub_event_type))
    return tuple(checks)


def evidence_span(doc: GoldDoc, event: GoldEvent) -> tuple[int, int] | None:
    """Character span of the gold evidence in the text, when it can be found."""
    if not event.evidence:
        return None
    at = doc.text.find(event.evidence)
    if at < 0:
        at = doc.text.lower().find(event.evidence.lower())
    return None if at < 0 else (at, at + len(event.evidence))


def _overlaps(span: tuple[int, int] | None, other: Any) -> bool:
    return span is not None and other is not None and other.start < span[1] and span[0] < other.end


@dataclass(frozen=True, slots=True)
class Pair:
    """A matched (gold, prediction) pair; ``checks`` hold the field tests (rule 3)."""

    gold_index: int
    pred_index: int
    score: float
    optional: bool
    checks: tuple[FieldCheck, ...] = ()

    @property
    def mismatches(self) -> tuple[FieldCheck, ...]:
        return tuple(c for c in self.checks if not c.ok and c.name not in DIAGNOSTIC_FIELDS)


@dataclass(frozen=True, slots=True)
class NearMiss:
    """For a missed gold event: the closest prediction and why it did not match."""

    gold_index: int
    pred_index: int
    reasons: tuple[str, ...]
    taken_by: int | None = None  # the gold event the prediction was matched to instead


@dataclass(frozen=True, slots=True)
class DocResult:
    """Matching of one document's predictions against its gold events."""

    doc: GoldDoc
    predicted: tuple[Event, ...]
    pairs: tuple[Pair, ...]
    missed: tuple[int, ...]  # indexes of non-optional gold events left unmatched
    false_positives: tuple[int, ...]  # indexes of unmatched predictions
    near_misses: tuple[NearMiss, ...] = ()

    def counts_by_type(self) -> dict[str, "Counts"]:
        out: dict[str, Counts] = {}
        for pair in self.pairs:
            if not pair.optional:
                t = self.doc.events[pair.gold_index].type
                out[t] = out.get(t, Counts()) + Counts(tp=1)
        for i in self.missed:
            t = self.doc.events[i].type
            out[t] = out.get(t, Counts()) + Counts(fn=1)
        for i in self.false_positives:
            t = self.predicted[i].type
            out[t] = out.get(t, Counts()) + Counts(fp=1)
        return out

    @property
    def gold_to_pred(self) -> dict[int, int]:
        return {p.gold_index: p.pred_index for p in self.pairs}


def match_document(doc: GoldDoc, predicted: Sequence[Event]) -> DocResult:
    """Match one document's predictions to its gold events (greedy, one-to-one)."""
    predicted = tuple(predicted)
    spans = {e.index: evidence_span(doc, e) for e in doc.events}
    candidates = []
    for gold in doc.events:
        for j, pred in enumerate(predicted):
            if mismatch_reasons(gold, pred):
                continue
            checks = field_checks(gold, pred)
            score = sum(c.ok for c in checks if c.name not in DIAGNOSTIC_FIELDS)
            score += pred.type == gold.type
            span = spans[gold.index]
            score += 2 * _overlaps(span, pred.sentence) + _overlaps(span, pred.trigger)
            km = _distance(gold.location, pred.location) if gold.location else None
            key = (-score, km if km is not None else 0.0, gold.optional, gold.index, j)
            candidates.append((key, gold, j, score, checks))
    candidates.sort(key=lambda c: c[0])
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _key, gold, j, score, checks in candidates:
        if gold.index in used_gold or j in used_pred:
            continue
        used_gold.add(gold.index)
        used_pred.add(j)
        pairs.append(Pair(gold.index, j, float(score), gold.optional, checks))
    pairs.sort(key=lambda p: p.gold_index)
    missed = tuple(e.index for e in doc.events if not e.optional and e.index not in used_gold)
    false_pos = tuple(j for j in range(len(predicted)) if j not in used_pred)
    taken = {p.pred_index: p.gold_index for p in pairs}
    near = tuple(_near_miss(doc, predicted, i, spans[i], taken) for i in missed)
    return DocResult(doc, predicted, tuple(pairs), missed, false_pos,
                     tuple(n for n in near if n is not None))


def _near_miss(doc: GoldDoc, predicted: tuple[Event, ...], index: int,
               span: tuple[int, int] | None, taken: dict[int, int]) -> NearMiss | None:
    gold = doc.events[index]
    best = None
    for j, pred in enumerate(predicted):
        reasons = mismatch_reasons(gold, pred)
        same_type = pred.type in gold.types()
        near = _overlaps(span, pred.sentence)
        if not (same_type or near):
            continue
        key = (not near, not same_type, len(reasons), j in taken, j)
        if best is None or key < best[0]:
            best = (key, j, reasons)
    if best is None:
        return None
    j = best[1]
    reasons = best[2] or (f"matches too, but was paired with g{taken[j]}",)
    return NearMiss(index, j, reasons, taken.get(j))


# --------------------------------------------------------------------------- corpus scores

@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else None


@dataclass(frozen=True, slots=True)
class FieldScore:
    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None


@dataclass(frozen=True, slots=True)
class Scores:
    per_type: dict[str, Counts]
    micro: Counts
    fields: dict[str, FieldScore]
    docs: tuple[DocResult, ...] = ()
    optional_matched: int = 0  # predictions matched to optional gold events (not counted)
    flags: Any = None  # evaluate.flags.FlagScores: document flags against gold `flags`

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over the types with gold support (types only predicted are left out)."""
        values = [c.f1 for c in self.per_type.values() if c.support and c.f1 is not None]
        return sum(values) / len(values) if values else None


def aggregate(results: Iterable[DocResult]) -> Scores:
    results = tuple(results)
    per_type: dict[str, Counts] = {}
    fields = {name: [0, 0] for name in FIELDS}
    optional_matched = 0
    for result in results:
        for etype, counts in result.counts_by_type().items():
            per_type[etype] = per_type.get(etype, Counts()) + counts
        for pair in result.pairs:
            if pair.optional:
                optional_matched += 1
                continue
            for check in pair.checks:
                fields[check.name][0] += check.ok
                fields[check.name][1] += 1
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    per_type = dict(sorted(per_type.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
    micro = sum(per_type.values(), Counts())
    return Scores(per_type, micro, {k: FieldScore(c, n) for k, (c, n) in fields.items()},
                  results, optional_matched)


def score_documents(gold_docs: Iterable[GoldDoc],
                    predictions: Mapping[str, Sequence[Event]]) -> Scores:
    """Score predictions (doc id -> events; a missing id means no events) against gold."""
    return aggregate(match_document(doc, predictions.get(doc.id, ())) for doc in gold_docs)


# --------------------------------------------------------------------------- cross-document merge

@dataclass(frozen=True, slots=True)
class MergeScores:
    gold_pairs: int = 0  # cross-document gold pairs (same_event_as, transitively closed)
    recovered: int = 0  # gold pairs whose matched predictions share a cluster
    predicted_pairs: int = 0  # cross-document predicted pairs judged (both matched to gold)
    correct: int = 0  # predicted pairs whose gold events are linked
    unjudged: int = 0  # predicted pairs with a prediction matched to no gold event
    wrong: tuple[tuple[tuple[str, int], tuple[str, int]], ...] = field(default=())

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted_pairs if self.predicted_pairs else None

    @property
    def recall(self) -> float | None:
        return self.recovered / self.gold_pairs if self.gold_pairs else None


def merge_assignments(results: Iterable[DocResult],
                      clusters: Mapping[tuple[str, int], Hashable | None]
                      ) -> list[tuple[str, int | None, Hashable | None]]:
    """(doc id, matched gold index or None, cluster id) for every prediction.

    ``clusters`` maps (doc id, index of the prediction in that document's list) to the
    cluster id a cross-document merge gave it (None or absent: a singleton).
    """
    out = []
    for result in results:
        pred_to_gold = {p.pred_index: p.gold_index for p in result.pairs}
        for j in range(len(result.predicted)):
            out.append((result.doc.id, pred_to_gold.get(j), clusters.get((result.doc.id, j))))
    return out


def clusters_from_merged(results: Iterable[DocResult], merged: Iterable[Any]
                         ) -> dict[tuple[str, int], Hashable]:
    """``clusters`` for :func:`merge_assignments` from merged events (objects with ``id`` and
    ``member_ids``, the ids of the predicted :class:`Event` records they group)."""
    cluster_of_event = {member: m.id for m in merged for member in m.member_ids}
    return {(r.doc.id, j): cluster_of_event[e.id] for r in results
            for j, e in enumerate(r.predicted) if e.id in cluster_of_event}


def pairwise_merge_scores(assignments: Iterable[tuple[str, int | None, Hashable | None]],
                          gold_docs: Iterable[GoldDoc]) -> MergeScores:
    """Pairwise precision/recall of a cross-document merge against ``same_event_as`` links.

    ``assignments``: one (doc id, index of the gold event the prediction matched or None,
    cluster id or None) per predicted event (:func:`merge_assignments` builds them).
    A gold pair (A,i)~(B,j) is recovered when the predictions matched to both share a cluster.
    A predicted pair (two predictions of different documents in one cluster) is judged only
    when both matched gold events, and is correct when those are linked; pairs involving an
    unmatched prediction are counted as ``unjudged`` (extraction errors, not merge errors).
    """
    docs = {d.id: d for d in gold_docs}
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for doc in docs.values():
        for i, other, j in doc.same_event_as:
            if other in docs and 0 <= j < len(docs[other].events) and other != doc.id:
                parent[find((doc.id, i))] = find((other, j))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    gold_pairs = [(a, b) for members in groups.values() for x, a in enumerate(members)
                  for b in members[x + 1:] if a[0] != b[0]]

    cluster_of: dict[tuple[str, int], Hashable] = {}
    members_of: dict[Hashable, list[tuple[str, int | None]]] = {}
    for doc_id, gold_index, cluster in assignments:
        if cluster is None:
            continue
        members_of.setdefault(cluster, []).append((doc_id, gold_index))
        if gold_index is not None:
            cluster_of[(doc_id, gold_index)] = cluster
    recovered = sum(1 for a, b in gold_pairs
                    if a in cluster_of and cluster_of.get(b, object()) == cluster_of[a])
    judged = correct = unjudged = 0
    wrong = []
    for members in members_of.values():
        for x, (da, ga) in enumerate(members):
            for db, gb in members[x + 1:]:
                if da == db:
                    continue
                if ga is None or gb is None:
                    unjudged += 1
                    continue
                judged += 1
                a, b = (da, ga), (db, gb)
                if a in parent and b in parent and find(a) == find(b):
                    correct += 1
                else:
                    wrong.append((a, b))
    return MergeScores(len(gold_pairs), recovered, judged, correct, unjudged, tuple(wrong))
