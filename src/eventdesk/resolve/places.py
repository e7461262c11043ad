"""Resolve place mentions to gazetteer entries (stage ``resolve.places``).

Document-level disambiguation of namesakes (60 Andriivkas, Pokrovsk in Russia and Ukraine,
Kherson city vs Kherson region). Each candidate is scored on, in order of weight:

1. the unit the text names right after it ("X in the Y region", "X village, Y district",
   "Odesa, Ukraine");
2. the same name resolved with such a unit elsewhere in the document (one sense per document;
   a bare name whose entries all lie in countries the report places nothing else in is the
   unit of that name it names with a unit word: "Chin" beside "Chin State");
3. closeness to the document's other, unambiguous places;
4. the countries and regions the document is about;
5. population and feature rank (capital > admin seat > town > village);
6. nearness to the front line (``data/gazetteer/frontline.tsv``), a weak prior that settles
   ties between villages of one name when nothing else does.

The precision of the result is what the text supports: a region mention gives ``admin1``,
a raion ``admin2``, a town or village ``city``, a country name ``country``.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from eventdesk.annotate.places import PlaceMention
from eventdesk.records import Place, Span
from eventdesk.resources.gazetteer import Entry, Gazetteer, haversine_km, name_key

STAGE = "resolve.places"
# a region named earlier in the same sentence: more than the report's other regions and
# anchor points can give a namesake (at most about 65), less than a unit named right after
# the place (100)
SENTENCE_REGION_BONUS = 50.0
# people: a town of a region's name this big is what the bare name means
TOWN_OF_THE_NAME = 10_000
LOCAL_WINDOW = 80  # characters after a mention in which "in the Y region" may follow
# a namesake found only by an alternate name, when a city of 100,000+ in another country is
# called so by its own name: about a twentieth of the population (a big city still wins over a hamlet of the name)
ALIAS_PENALTY = 4.0
FRONT_BONUS = 8.0  # score for a village on the front line (about a 10x population difference)
FRONT_KM = 40.0  # ... fading to nothing this far from the nearest front-line town


@lru_cache(maxsize=1)
def _front_points() -> tuple[tuple[float, float], ...]:
    from eventdesk.resources.gazetteer import data_dir

    out = []
    for line in (data_dir() / "frontline.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        out.append((float(cols[3]), float(cols[4])))
    return tuple(out)


@lru_cache(maxsize=65536)
def _front_bonus(lat: float, lon: float) -> float:
    d = min(haversine_km(lat, lon, la, lo) for la, lo in _front_points())
    return FRONT_BONUS * max(0.0, 1 - d / FRONT_KM)


def _place(entry: Entry, mention: PlaceMention | None, name: str | None = None) -> Place:
    kind = entry.kind
    precision = kind if kind in ("city", "admin2", "admin1", "country") else "city"
    if name is None:
        name = entry.name
        if mention is not None and kind == "city" and mention.cue != "community":
            name = mention.name  # (a community's settlement is the one the context chose,
            #                     whatever form of the name was tried first)
            if mention.key and mention.key != name_key(name) and \
                    Gazetteer.load().is_alias(mention.key):
                name = mention.span.text  # "the State Department": the landmark's whole name,
                #                           not "State" (its last word read as a unit word)
            if name.isupper() and len(name) > 3:
                name = name.title()  # a dateline's "GENEVA" is Geneva, not GeoNames' Genève
            elif name.isupper() or name.islower():
                name = entry.name
    span = None
    if mention is not None:
        s = mention.span
        span = Span(s.start, s.end, s.text, STAGE)
    return Place(
        name=name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        precision=precision,
        admin1=entry.admin1 if kind != "country" else None,
        admin2=entry.admin2 if kind in ("city", "admin2") else None,
        geonameid=entry.geonameid if entry.geonameid > 0 else None,
        span=span,
    )


def place_of(entry: Entry) -> Place:
    """A gazetteer entry as a place of its own, named by no mention (a country, the region
    that holds a town)."""
    return _place(entry, None)


# "the capital of the X region", "the provincial capital of X": the region's seat town
_CAPITAL_OF = re.compile(r"\b(?:(?:regional|provincial|state|administrative)\s+)?capital\s+of\s+"
                         r"(?:the\s+)?$", re.I)


def seat_named(place: Place, text: str) -> Place | None:
    """The seat town of the admin1 ``place`` when the text names it as "the capital of" that
    region ("the capital of the Belgorod region was shelled": Belgorod, the city), else
    None. The town takes the mention's span."""
    if place.precision != "admin1" or place.span is None or not place.country or \
            not _CAPITAL_OF.search(text[max(0, place.span.start - 40):place.span.start]):
        return None
    g = Gazetteer.load()
    region = g.admin1_entry(place.country, place.admin1 or place.name)
    seat = g.admin1_seat(region.admin1_code) if region is not None else None
    if seat is None:
        return None
    return dataclasses.replace(_place(seat, None), span=place.span)


# "some 100 kilometres (60 miles) north of", "30 km south-east of the city of", "five miles
# west of": a distance and a bearing from the reference town that follows
_BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
             "southwest": 225.0, "west": 270.0, "northwest": 315.0}
_OFFSET_BEFORE = re.compile(
    r"(?:(?-i:\b(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}))\s*,\s*)?"
    r"(?:(?:some|about|around|roughly|approximately|nearly|almost|just|over|under|less\s+than|"
    r"more\s+than)\s+)?(?P<num>\d+(?:[.,]\d+)?|[a-z]+(?:[ -][a-z]+)?)\s*"
    r"(?P<unit>km|kms|kilomet(?:re|er)s?|miles?|mi)\b\.?\s*(?:\([^)]{1,25}\)\s*)?"
    r"(?P<dir>(?:north|south)(?:\s*-\s*|\s+)?(?:east|west)?|east|west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:(?:regional|provincial|district|state)\s+)?"
    r"(?:(?:capital|city|town|village|centre|center)\s+(?:of\s+)?)?$", re.I)
MAX_OFFSET_KM = 500.0  # farther than this a bearing from a town no longer places a spot


def offset_place(origin: Place, text: str) -> Place | None:
    """The spot a reference town locates by distance and bearing: "the hamlet of X, about
    60 km west of Y", "a village 30 km south-east of Kramatorsk"
    -> the point that far from the town in that direction, named by the settlement the text
    names before the distance (the gazetteer does not know it) or by the phrase itself; its
    region and country are those of the nearest known place. None when the text before
    ``origin``'s mention states no distance and bearing. The point is as good as the
    article's round figure, which is why the place has no geonameid."""
    if origin.span is None or origin.lat is None or origin.lon is None or \
            origin.precision != "city":
        return None
    m = _OFFSET_BEFORE.search(text, max(0, origin.span.start - 160), origin.span.start)
    if m is None:
        return None
    from eventdesk.extraction.numbers import parse_number

    raw = m.group("num").replace(",", ".") if m.group("num")[0].isdigit() else m.group("num")
    try:
        dist = float(raw)
    except ValueError:
        dist = parse_number(raw)
    if not dist or dist <= 0:
        return None
    if m.group("unit").lower().startswith("mi"):
        dist *= 1.609344
    if dist > MAX_OFFSET_KM:
        return None
    bearing = _BEARINGS.get(re.sub(r"[\s-]+", "", m.group("dir").lower()))
    if bearing is None:
        return None
    lat, lon = _destination(origin.lat, origin.lon, dist, bearing)
    near = Gazetteer.load().nearest(lat, lon, max_km=60.0)
    start = m.start("name") if m.group("name") else m.start("num")
    name = m.group("name") or text[m.start("num"):origin.span.end]
    return Place(name=name, country=near.country if near else origin.country,
                 lat=round(lat, 4), lon=round(lon, 4), precision="city",
                 admin1=near.admin1 if near else origin.admin1, admin2=None, geonameid=None,
                 span=Span(start, origin.span.end, text[start:origin.span.end], STAGE))


# "a spot on the coast between A and B", "on the road between X and Y"
BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|cities|villages?|"
                            r"settlements?)\s+of\s+)?$", re.I)
_AND_NEXT = re.compile(r"^\s+and\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)
BETWEEN_MAX_KM = 150.0  # towns farther apart bound no one spot


def between_place(first: Place, second: Place, text: str) -> Place | None:
    """The spot between two towns the text names as its bounds ("shot dead on the coast road
    between A and B", "an ambush on the road between X and Y"): the midpoint of
    the two, when they lie within ``BETWEEN_MAX_KM`` of each other, in the region of the
    nearest known place; else None."""
    if first.span is None or second.span is None or first.precision != "city" or \
            second.precision != "city" or None in (first.lat, first.lon, second.lat,
                                                   second.lon) or \
            not BETWEEN_BEFORE.search(text, max(0, first.span.start - 40), first.span.start) \
            or not _AND_NEXT.match(text[first.span.end:second.span.start]) or \
            (first.geonameid is not None and first.geonameid == second.geonameid):
        return None
    if haversine_km(first.lat, first.lon, second.lat, second.lon) > BETWEEN_MAX_KM:
        return None
    lat, lon = (first.lat + second.lat) / 2.0, (first.lon + second.lon) / 2.0
    near = Gazetteer.load().nearest(lat, lon, max_km=60.0)
    start, end = first.span.start, second.span.end
    return Place(name=f"between {first.name} and {second.name}",
                 country=near.country if near else first.country, lat=round(lat, 4),
                 lon=round(lon, 4), precision="city",
                 admin1=near.admin1 if near else first.admin1, admin2=None, geonameid=None,
                 span=Span(start, end, text[start:end], STAGE))


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` degrees (great circle)."""
    r = km / 6371.0088
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1),
                         math.cos(r) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def region_of(place: Place) -> Place | None:
    """The admin1 region that holds a town, as a place of its own."""
    from eventdesk.resources.gazetteer import Gazetteer

    if place.precision not in ("city", "admin2") or not place.country or not place.admin1:
        return None
    e = Gazetteer.load().admin1_entry(place.country, place.admin1)
    return place_of(e) if e is not None else None


class _Context:
    """What a document says about where it is: countries, regions, anchor points."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1: Counter[str] = Counter()
        # distinct anchor points -> the mention indexes at that point (a long text repeats
        # its places; keeping points distinct keeps the context scan short)
        self.points: dict[tuple[float, float], set[int]] = {}
        # mention index -> its name key: a name's other mentions are no context for it
        # (three mentions of "Stanislav" do not make Ivano-Frankivsk, its old namesake, near)
        self.key_of: dict[int, str] = {}

    def add(self, idx: int, e: Entry, weight: float = 1.0) -> None:
        self.countries[e.country] += weight
        if e.kind in ("city", "admin2", "admin1") and e.admin1_code:
            self.admin1[e.admin1_code] += weight
        if e.kind in ("city", "admin2"):
            self.points.setdefault((e.lat, e.lon), set()).add(idx)


def _base_score(e: Entry, m: PlaceMention | None) -> float:
    s = math.log10(e.population + 10) * 3.0 + e.rank * 2.0
    if e.kind == "city" and e.country in ("UKR", "RUS"):
        s += _front_bonus(e.lat, e.lon)
    if m is not None and m.kind is None and e.kind == "admin1" and any(
            c.kind == "city" and c.population >= TOWN_OF_THE_NAME and c.country == e.country
            for c in m.candidates):
        s -= 20.0  # a bare "Kherson" is the city; the region needs "region"/"oblast" (but
        #            a bare "Sinaloa", whose towns of the name are hamlets, is the state)
    if m is not None and m.kind == "admin1" and e.kind == "admin1" and (
            e.name.endswith(" City") or any(
                c.kind == "admin1" and c.name == f"{e.name} Oblast" for c in m.candidates)):
        s -= 10.0  # "the Kyiv region" is the oblast, not Kyiv City; "the Moscow region" is
        #            Moscow Oblast, not the federal city GeoNames calls "Moscow"
    if m is not None and m.key and name_key(e.name) != m.key and (own := {
            c.country for c in m.candidates if name_key(c.name) == m.key
            and c.population >= CITY_NOT_MISSED}) and e.country not in own:
        s -= ALIAS_PENALTY  # "Islamabad" is Pakistan's capital, not Chattogram, which
        #                     GeoNames also calls so by an old name (but "Geneva" is still
        #                     Genève, not a small US town whose own name it is)
    return s


def _score(e: Entry, m: PlaceMention | None, idx: int, ctx: _Context,
           local: Sequence[Entry], framing: Sequence[Entry] = ()) -> float:
    s = _base_score(e, m)
    if e.kind != "admin1" and any(e.admin1_code == u.admin1_code and e.country == u.country
                                  for u in framing):
        s += SENTENCE_REGION_BONUS
    for u in local:
        if u.kind == "admin2" and e.admin2 and u.admin2 and e.admin2 == u.admin2 \
                and e.admin1_code == u.admin1_code:
            s += 150
        elif u.kind in ("admin1", "admin2") and e.admin1_code == u.admin1_code \
                and e.kind != "admin1":
            s += 100
        elif u.kind == "country" and e.country == u.country:
            s += 40
        elif u.kind == "city" and e.kind == "city" and u.geonameid != e.geonameid:
            d = haversine_km(e.lat, e.lon, u.lat, u.lon)
            s += 60 * max(0.0, 1 - d / 60)  # "X near Y"
    total = sum(ctx.countries.values())
    if total:
        s += 25 * ctx.countries[e.country] / total
    if e.admin1_code and ctx.admin1[e.admin1_code]:
        s += 8 + 4 * min(ctx.admin1[e.admin1_code], 3)
    if e.kind in ("city", "admin2"):
        own = m.key if m is not None else None
        dists = [haversine_km(e.lat, e.lon, la, lo) for (la, lo), js in ctx.points.items()
                 if any(j != idx and (own is None or ctx.key_of.get(j) != own) for j in js)]
        if dists:
            d = min(dists)
            s += 20 * max(0.0, 1 - d / 250)
    return s


def _alias_only(e: Entry, m: PlaceMention) -> bool:
    """``e`` is found by an old or other name while another candidate bears the name as its
    own ("Stanislav": Ivano-Frankivsk's old name, a Kherson village's own)."""
    return bool(m.key) and name_key(e.name) != m.key and any(
        name_key(c.name) == m.key for c in m.candidates if c is not e)


def _abroad(e: Entry, m: PlaceMention, idx: int, chosen: Sequence[Entry | None],
            mentions: Sequence[PlaceMention], text: str | None) -> bool:
    """A big city listed among towns of one country ("towns like A, Maua and B"), a country
    none of the report's other places is in, when the name has a namesake in the country
    three in four of them are in: the Kenyan town, not the Brazilian city (a capital named
    alone, "talks in Paris", keeps its sense)."""
    others = Counter(c.country for j, c in enumerate(chosen) if c is not None and j != idx)
    if not others or e.country in others or text is None:
        return False
    home, n = others.most_common(1)[0]
    if n < 0.75 * sum(others.values()) or not any(
            c.country == home and c.kind == "city" for c in m.candidates):
        return False
    listed = []
    if idx > 0:
        listed.append((idx - 1, text[mentions[idx - 1].span.end:m.span.start]))
    if idx + 1 < len(mentions):
        listed.append((idx + 1, text[m.span.end:mentions[idx + 1].span.start]))
    return any(_LIST_GAP.match(gap) and chosen[j] is not None and chosen[j].country == home
               for j, gap in listed)


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")


def _dominant_city(m: PlaceMention) -> Entry | None:
    """A city of 100,000 or more whose namesakes are all villages a twentieth its size: a
    name alone means it, whatever the other places of the text ("Zaporizhzhia" next to
    Donetsk Oblast towns is not the hamlet of 238 people in Donetsk Oblast). A country of the
    name comes first: "Bangladesh" is the country, not the Yerevan district
    that GeoNames also calls so."""
    cities = [c for c in m.candidates if c.kind == "city"]
    if not cities or any(c.kind == "country" for c in m.candidates):
        return None
    best = max(cities, key=lambda c: c.population)
    rest = max((c.population for c in cities if c is not best), default=0)
    if m.key and name_key(best.name) != m.key and any(
            name_key(c.name) == m.key for c in cities if c is not best):
        return None  # "Stanislav" is Ivano-Frankivsk's old name, but a village's own name:
        #              the report's region decides (a region bearing the name as its own,
        #              "Zaporizhzhia" Oblast, is no village: the city still dominates)
    if best.population >= 100_000 and best.population >= 20 * max(rest, 1):
        return best
    return None


def _framing_regions(mentions: Sequence[PlaceMention], i: int, text: str | None) -> list[Entry]:
    """Regions named earlier in the sentence of mention i ("Across the Donetsk
    region, shelling killed two in the village of Zarichne"): the sentence's frame, which
    outweighs the report's other regions when a village has namesakes in several."""
    if text is None:
        return []
    out: list[Entry] = []
    for k in range(i - 1, -1, -1):
        n = mentions[k]
        # (only the gap to the next mention: the gaps after it were read a step before)
        if any(c in text[n.span.end:mentions[k + 1].span.start] for c in ".!?\n;"):
            break
        if n.kind == "admin1":
            out.extend(c for c in n.candidates if c.kind == "admin1")
    return out


def _local_units(mentions: Sequence[PlaceMention], i: int, text: str | None) -> list[Entry]:
    """Units named right after mention i: "X in the Y region", "X, Y district", "X, Ukraine",
    "X near Y"."""
    m = mentions[i]
    out: list[Entry] = []
    for k in range(i + 1, min(len(mentions), i + 3)):
        n = mentions[k]
        if n.span.start - m.span.end > LOCAL_WINDOW:
            break
        between = text[m.span.end:n.span.start] if text is not None else " "
        if any(c in between for c in ".!?\n;"):
            break
        low = between.lower()
        if n.kind in ("admin1", "admin2") or any(c.kind == "country" for c in n.candidates) \
                or "near" in low or "outside" in low or "of" in low.split():
            if n.kind in ("admin1", "admin2"):
                out.extend(c for c in n.candidates if c.kind == n.kind)
            elif any(c.kind == "country" for c in n.candidates):
                out.extend(c for c in n.candidates if c.kind == "country")
            else:
                out.extend(c for c in n.candidates[:5])
        if m.kind == "admin2" or n.kind in ("admin1",):
            continue
    return out


def resolve_places(mentions: Sequence[PlaceMention], *, text: str | None = None,
                   gazetteer: Gazetteer | None = None) -> list[Place | None]:
    """One :class:`Place` (or None) per mention, same order, disambiguated over the document."""
    if not mentions:
        return []
    ctx = _Context()
    key_of = {idx: m.key for idx, m in enumerate(mentions) if m.key}
    ctx.key_of = key_of
    # anchors: mentions with one candidate, or one that dwarfs the others
    for idx, m in enumerate(mentions):
        cands = m.candidates
        if not cands:
            continue
        if len({(c.country, c.admin1_code) for c in cands}) == 1:
            ctx.add(idx, cands[0])
        else:
            best = max(cands, key=lambda c: c.population)
            rest = max((c.population for c in cands if c is not best), default=0)
            if best.population >= 100_000 and best.population >= 20 * max(rest, 1) and \
                    not _alias_only(best, m):
                ctx.add(idx, best, 0.5)
    locals_ = [_local_units(mentions, i, text) for i in range(len(mentions))]
    framing = [_framing_regions(mentions, i, text) for i in range(len(mentions))]
    chosen: list[Entry | None] = [None] * len(mentions)
    dominant = [_dominant_city(m) if not locals_[i] and m.kind in (None, "city") else None
                for i, m in enumerate(mentions)]
    for _round in range(2):
        for idx, m in enumerate(mentions):
            if not m.candidates:
                continue
            if dominant[idx] is not None and not (
                    _round and _abroad(dominant[idx], m, idx, chosen, mentions, text)):
                chosen[idx] = dominant[idx]  # "Zaporizhzhia" named alone is the big city
                continue
            scored = max(m.candidates, key=lambda e: _score(e, m, idx, ctx, locals_[idx],
                                                            framing[idx]))
            chosen[idx] = scored
        # second round: the chosen places become context
        ctx2 = _Context()
        ctx2.key_of = key_of
        for idx, e in enumerate(chosen):
            if e is not None:
                ctx2.add(idx, e)
        ctx = ctx2
    # one sense per document: a name resolved with a local unit lends it to its other mentions
    by_key: dict[tuple[str, str | None], Entry] = {}
    for idx, m in enumerate(mentions):
        e = chosen[idx]
        if e is not None and locals_[idx]:
            by_key.setdefault((m.key, m.kind), e)
    for idx, m in enumerate(mentions):
        if not locals_[idx] and (m.key, m.kind) in by_key:
            chosen[idx] = by_key[(m.key, m.kind)]
    # one sense per document for a unit: a bare name all of whose entries are in other
    # countries than a unit of that name the report names with its unit word ("three Chin
    # civilians" in a report on "Chin State", where the gazetteer's bare "Chin" is an old
    # spelling of Chinese towns) is that unit
    units_by_name: dict[str, Entry] = {}
    for idx, m in enumerate(mentions):
        e = chosen[idx]
        if e is not None and m.kind in ("admin1", "admin2") and e.kind == m.kind:
            units_by_name.setdefault(name_key(m.name), e)
    for idx, m in enumerate(mentions):
        u = units_by_name.get(name_key(m.name)) if m.kind is None else None
        if u is None or chosen[idx] is None:
            continue
        elsewhere = {e.country for k, e in enumerate(chosen)
                     if e is not None and k != idx and mentions[k].key != m.key}
        if not any(c.country == u.country or c.country in elsewhere for c in m.candidates):
            chosen[idx] = u  # (a bare name of a country the report places other events
            #                 in keeps its own entry)
    _region_after_town(mentions, chosen, text)
    _respell(mentions, chosen, ctx, gazetteer)
    units = [None if e is None else _unit_instead(e, m, _attached_units(mentions, idx, text,
                                                                         chosen))
             for idx, (e, m) in enumerate(zip(chosen, mentions))]
    # one sense per document, again: a village the gazetteer lacks, known by the unit named
    # with it ("Nyaung Kone ... in Pale township, Sagaing region"), is that unit when named
    # again alone ("Nyaung Kone village's monastery"), not a namesake elsewhere
    unit_of_key = {m.key: u for m, u in zip(mentions, units) if u is not None and m.key}
    for idx, m in enumerate(mentions):
        e = chosen[idx]
        u = unit_of_key.get(m.key)
        if units[idx] is None and u is not None and e is not None and e.kind == "city" and \
                not _inside(e, u):
            units[idx] = u
    out: list[Place | None] = []
    for idx, (e, m) in enumerate(zip(chosen, mentions)):
        if e is None:
            out.append(None)
            continue
        unit = units[idx]
        if unit is not None:
            out.append(_place(unit, m, name=unit.name))
        elif _foreign_namesake(e, idx, chosen, m) or (
                not locals_[idx] and _far_namesake(e, idx, chosen, mentions)) or \
                _district_of_another_region(e, idx, m, chosen, mentions):
            out.append(None)
        else:
            out.append(_place(e, m))
    return out


def _region_after_town(mentions: Sequence[PlaceMention], chosen: list[Entry | None],
                       text: str | None) -> None:
    """"Rueso, Narathiwat", "Tame, Arauca", "Tagkawayan, Quezon": a bare name right after a
    town and a comma, that is also the name of the town's own region, is that region (the
    way a dateline or a report writes a town's address), not the region's namesake seat."""
    if text is None:
        return
    for idx in range(1, len(mentions)):
        town, m = chosen[idx - 1], mentions[idx]
        if town is None or town.kind != "city" or m.kind is not None or \
                text[mentions[idx - 1].span.end:m.span.start] != ", ":
            continue
        region = next((c for c in m.candidates if c.kind == "admin1"
                       and c.country == town.country and c.admin1_code == town.admin1_code),
                      None)
        if region is not None:
            chosen[idx] = region


RESPELL_MIN_WEIGHT = 3.0  # how strongly the document must be about one region


def _respell(mentions: Sequence[PlaceMention], chosen: list[Entry | None], ctx: _Context,
             gazetteer: Gazetteer | None) -> None:
    """A village named in a spelling the gazetteer lacks, in a report about one region
    ("Khotyn community" in a Sumy report: the Sumy village is Khotin; the gazetteer's Khotyns
    lie 600 km west): when a transliteration variant of the name lies in the document's main
    region and the name as written does not, the variant is meant."""
    if not ctx.admin1:
        return
    region, weight = ctx.admin1.most_common(1)[0]
    if weight < RESPELL_MIN_WEIGHT:
        return
    gaz = None
    for idx, (e, m) in enumerate(zip(chosen, mentions)):
        if e is None or e.kind != "city" or e.admin1_code == region or e.population >= 100_000:
            continue
        if any(c.admin1_code == region for c in m.candidates):
            continue
        gaz = gaz or gazetteer or Gazetteer.load()
        inside = [v for v in gaz.spelling_variants(m.name)
                  if v.kind == "city" and v.admin1_code == region]
        if inside:
            chosen[idx] = max(inside, key=lambda v: v.population)


def _inside(e: Entry, unit: Entry) -> bool:
    if unit.kind == "country":
        return e.country == unit.country
    if unit.kind == "admin1":
        return e.country == unit.country and e.admin1_code == unit.admin1_code
    if unit.kind == "admin2":
        if e.country != unit.country or e.admin1_code != unit.admin1_code:
            return False
        if not e.admin2:  # (Russia's towns carry no raion: near its centre counts as inside)
            return haversine_km(e.lat, e.lon, unit.lat, unit.lon) <= UNIT_RADIUS_KM
        return e.admin2 == unit.admin2
    return True


UNIT_RADIUS_KM = 50.0
CITY_NOT_MISSED = 100_000  # people: a namesake this big is the place meant, not a stand-in


_UNIT_WORDS = (r"(?:and|villages?|towns?|townships?|cities|city|districts?|regions?|provinces?|"
               r"states?|county|counties|areas?|governorates?|oblasts?|raions?|"
               r"municipalit(?:y|ies)|communit(?:y|ies)|[A-Z][\w'’-]*)")
_ATTACHED = re.compile(rf"^\s*(?:{_UNIT_WORDS}\s+){{0,3}}?(?:in|of|,)(?:\s+the)?\s*$|^\s*,\s*$")
# a country's possessive before its region, in a chain after "in": "the village of X in
# Russia's southern Krasnodar region", "in Ukraine's Donetsk region"
_POSSESSED = re.compile(r"^['’]s\s+(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+|"
                        r"central\s+|far\s+\w+\s+)?$", re.IGNORECASE)


_UNIT_BEFORE = re.compile(r"^\s*(?:(?:urban|municipal)\s+)?(?:districts?|raions?|rayons?|regions?|"
                          r"oblasts?|okrugs?|provinces?)?\s*,\s*(?:(?:near|outside|in|at)\s+)?(?:the\s+)?"
                          r"(?:villages?|towns?|settlements?|hamlets?)\s+of\s+$", re.IGNORECASE)


def _attached_units(mentions: Sequence[PlaceMention], i: int, text: str | None,
                    chosen: Sequence[Entry | None] = ()) -> list[Entry]:
    """Areas named right after mention i and tied to it by "in", "of" or a comma ("X in the
    Y region", "X, Y district", "X and Z villages in Y township"), or right before it as
    "in the Y district, near the village of X": stricter than :func:`_local_units`, which
    also takes places merely near. A unit's own resolution (``chosen``), when it is an area,
    stands for it (the Borisovsky district of a Belgorod report, not the Belarusian one)."""
    if text is None:
        return []

    def areas(k: int) -> list[Entry]:
        n = mentions[k]
        e = chosen[k] if k < len(chosen) else None
        if e is not None and e.kind in ("admin1", "admin2", "country") and \
                (n.kind is None or e.kind == n.kind):
            return [e]
        return [c for c in n.candidates if c.kind in ("admin1", "admin2", "country")
                and (n.kind is None or c.kind == n.kind)]

    m = mentions[i]
    out: list[Entry] = []
    if i > 0 and mentions[i - 1].kind in ("admin1", "admin2") and \
            _UNIT_BEFORE.match(text[mentions[i - 1].span.end:m.span.start]):
        out.extend(areas(i - 1))  # "in the Y district, near the village of X"
    for k in range(i + 1, min(len(mentions), i + 3)):
        n = mentions[k]
        between = text[m.span.end:n.span.start]
        if n.span.start - m.span.end > LOCAL_WINDOW or any(c in between for c in ".!?\n;"):
            break
        if not (_ATTACHED.match(between) or k > i + 1 and mentions[k - 1].kind != "city"
                and any(c.kind == "country" for c in mentions[k - 1].candidates)
                and _POSSESSED.match(between)):
            break
        if between.strip() == "," and _in_list(mentions, k, text):
            break  # "hit Belgorod, Bryansk and Kursk": a list of places, not a town's unit
        out.extend(areas(k))
        m = n  # "X in Y township in Z region": a chain of units
    return out


_LIST_NEXT = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$")


def _in_list(mentions: Sequence[PlaceMention], k: int, text: str) -> bool:
    """Mention k is followed by another place joined by "," / "and" / "or" (A, B and C), or
    by a name the gazetteer does not know, after a comma ("Tubas, Hajjah, Burqa, ...")."""
    if mentions[k].kind is None and _NAME_NEXT.match(text, mentions[k].span.end):
        return True
    if k + 1 >= len(mentions):
        return False
    between = text[mentions[k].span.end:mentions[k + 1].span.start]
    return bool(_LIST_NEXT.match(between)) and not any(c in between for c in ".!?\n;")


# a capitalised name after a comma, with no unit word after it: the next item of a list
_NAME_NEXT = re.compile(r"\s*,\s*(?:and\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:,|and\b)")


def _unit_instead(e: Entry, m: PlaceMention, units: Sequence[Entry]) -> Entry | None:
    """The unit the text names right after a place ("X in Pale township in Sagaing region")
    when no entry of that name lies inside it: the gazetteer lacks the village, and a
    namesake elsewhere would be wrong; the place is known to the unit's precision."""
    areas = [u for u in units if u.kind in ("admin1", "admin2", "country")]
    if not areas or e.kind not in ("city", "admin2"):
        return None
    if e.kind == "city" and e.population >= CITY_NOT_MISSED:
        return None  # "rallies in the capital and Tiembaradougou of Sikasso region": a
        #              city of this size is no village the gazetteer lacks; the unit is
        #              another item's
    if any(all(_inside(c, u) for u in areas) for c in m.candidates if c.kind == e.kind):
        return None
    order = {"admin2": 0, "admin1": 1, "country": 2}
    return min(areas, key=lambda u: order[u.kind])


def _district_of_another_region(e: Entry, idx: int, m: PlaceMention,
                                chosen: Sequence[Entry | None],
                                mentions: Sequence[PlaceMention]) -> bool:
    """"Bishnupur district" in a report on Manipur that names the state: a district the
    gazetteer lacks, not the namesake town of another state (a region named in the report
    says where its districts are)."""
    if m.kind != "admin2" or e.kind not in ("city", "admin2") or not e.admin1:
        return False  # (nor the namesake district of another region: a report on the Moscow
        #               region's "Leninsky city district" is not on Volgograd's)
    if e.kind == "admin2" and any(c is not None and j != idx and c.country == e.country and
                                  c.admin1 == e.admin1 and mentions[j].key != m.key
                                  for j, c in enumerate(chosen)):
        return False  # (a district of a city the report names: "the X district of Kyiv")
    # (a district is placed by any place of the report: "the Shevchenkivskyi and Kyivskyi
    # districts" of a report on Kharkiv are Kharkiv's, not Kyiv's namesakes)
    regions = {(c.country, c.admin1) for j, c in enumerate(chosen)
               if c is not None and j != idx and (c.kind == "admin1" or e.kind == "admin2")
               and mentions[j].key != m.key}
    return bool(regions) and all(r[0] == e.country for r in regions) and \
        (e.country, e.admin1) not in regions


FOREIGN_MAX_POPULATION = 50_000
FOREIGN_MIN_CONTEXT = 3


FAR_KM = 800.0


def _far_namesake(e: Entry, idx: int, chosen: Sequence[Entry | None],
                  mentions: Sequence[PlaceMention]) -> bool:
    """A village namesake hundreds of kilometres from every other place the report names
    ("Berezovka" in a report on the Belgorod region resolved to a Siberian Berezovka, when
    the gazetteer lacks the local one): better no place than a wrong one."""
    if e.kind != "city" or e.population >= FOREIGN_MAX_POPULATION:
        return False
    name = mentions[idx].key
    others = [c for j, c in enumerate(chosen) if c is not None and j != idx
              and mentions[j].key != name and c.kind in ("city", "admin2", "admin1")]
    if len(others) < 2:
        return False
    return min(haversine_km(e.lat, e.lon, c.lat, c.lon) for c in others) > FAR_KM


def _foreign_namesake(e: Entry, idx: int, chosen: Sequence[Entry | None],
                      m: PlaceMention | None = None) -> bool:
    """A small town of a country the document never names, in a text about other countries
    ("Toul" in a report on southern Lebanon is a Lebanese village missing from the gazetteer,
    not the French town), or a region of such a country named bare, with no "province" or
    "region" ("the town of Hajjah" in a West Bank report is not Yemen's Hajjah governorate):
    better no place than a wrong one."""
    bare_unit = e.kind in ("admin1", "admin2") and m is not None and m.kind is None
    if not bare_unit and (e.kind != "city" or e.population >= FOREIGN_MAX_POPULATION):
        return False
    others = [c.country for j, c in enumerate(chosen) if c is not None and j != idx]
    return e.country not in others and len(others) >= FOREIGN_MIN_CONTEXT


def resolve_name(name: str, *, context_places: Sequence[Place] = (),
                 country: str | None = None,
                 gazetteer: Gazetteer | None = None) -> Place | None:
    """Resolve a bare name ("Andriivka") given places already known in the document."""
    gaz = gazetteer or Gazetteer.load()
    cands = gaz.lookup(name, country=country)
    cands = [c for c in cands if c.kind != "admin2"] or cands
    if not cands:
        return None
    ctx = _Context()
    for p in context_places:
        if p.country:
            ctx.countries[p.country] += 1
        if p.lat is not None and p.lon is not None and p.precision in ("city", "admin2"):
            ctx.points.setdefault((p.lat, p.lon), set()).add(-1)
        if p.admin1 and p.country:
            a1 = gaz.admin1_entry(p.country, p.admin1)
            if a1 is not None:
                ctx.admin1[a1.admin1_code] += 1
    best = max(cands, key=lambda e: _score(e, None, -2, ctx, ()) - (
        12.0 if e.kind == "admin1" and any(c.kind == "city" for c in cands) else 0.0))
    return _place(best, None, name=best.name)
