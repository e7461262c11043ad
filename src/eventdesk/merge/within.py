"""The merge stage, inside one document: mentions of one event become one event.

Two mentions merge when they have the same PLOVER type, their places agree (the same place,
one inside the other's region, or one of them has no place and the two sentences are close),
their date windows overlap, and their actors do not contradict each other. The merged event
keeps the first mention's trigger and sentence, the most precise place, the narrowest date
window, the revised or largest casualty figures, and the evidence of all mentions.

Two mentions of one sentence with two triggers merge only at the very same place: two
towns it names, however near ("killed three in Irpin, while shelling in Bucha killed two"),
are two scenes, and two tolls it counts apart ("one that killed three, and another that
killed two") are two incidents of one place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from eventdesk.records import Actor, DateWindow, Event, Place
from eventdesk.resources.gazetteer import name_key

STAGE = "merge.within"
MAX_SENTENCE_GAP_NO_PLACE = 2  # a mention with no place merges only with a close one
MAX_LOOKBACK = 40  # events compared with each new mention
PRECISION_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}
ADMIN2_KM = 50.0  # a district's towns lie this close to its point (when no admin2 is on record)


def haversine_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp = p2 - p1
    dl = math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def place_km(a: Place, b: Place) -> float:
    """Kilometres between two places' points (infinite when one has no point)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return float("inf")
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def places_agree(a: Place | None, b: Place | None) -> bool | None:
    """True/False when both are known; None when one is missing."""
    if a is None or b is None:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    ra, rb = PRECISION_RANK.get(a.precision, 3), PRECISION_RANK.get(b.precision, 3)
    if ra == rb == 0:
        if a.lat is None or b.lat is None:
            return a.name == b.name
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= 5.0
    coarse, fine = (a, b) if ra > rb else (b, a)
    if coarse.precision == "country":
        return False  # a country-wide mention is a summary, not this strike
    if coarse.precision == "admin2" and fine.precision == "city":
        # a district holds its own towns, not every town of its province ("Damboa" district
        # and the provincial capital Maiduguri, 88 km apart, are two places)
        if fine.admin2 and coarse.admin2:
            return name_key(fine.admin2) == name_key(coarse.admin2)
        return place_km(coarse, fine) <= ADMIN2_KM
    if coarse.precision in ("admin1", "admin2"):
        return bool(coarse.admin1 and coarse.admin1 == fine.admin1) and ra != rb
    return a.name == b.name


def _two_named_places(a: Place | None, b: Place | None) -> bool:
    """Two different towns (points of their own), however near each other."""
    if a is None or b is None or a.precision != "city" or b.precision != "city":
        return False
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid != b.geonameid
    return a.name != b.name


def _two_towns(a: Place | None, b: Place | None) -> bool:
    """Two GeoNames towns of different names (not one town under two spellings or
    entries): each a populated place of its own, however near."""
    return _two_named_places(a, b) and a.geonameid is not None and a.geonameid > 0 and \
        b.geonameid is not None and b.geonameid > 0 and name_key(a.name) != name_key(b.name)


ANOTHER = re.compile(r"\b(?:another|a second|a third|a separate|the other|the second)\b", re.I)


def _another_between(a: Event, b: Event) -> bool:
    """The words between two triggers of one sentence count a further incident ("one that
    killed five, and another that killed four")."""
    first, second = (a, b) if a.trigger.start < b.trigger.start else (b, a)
    between = first.sentence.text[first.trigger.end - first.sentence.start:
                                  second.trigger.start - first.sentence.start]
    return bool(ANOTHER.search(between))


def _dates_overlap(a: DateWindow | None, b: DateWindow | None) -> bool:
    if a is None or b is None:
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _inferred(a: Actor | None) -> bool:
    """An actor the extractor filled in (the place's civilians, the war's other side), not
    one the text names."""
    return a is not None and a.span is None


def _actors_agree(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return True


def _sentence_gap(a: Event, b: Event, index: dict[int, int]) -> int:
    """How many sentences apart two events are (by sentence start offsets)."""
    return abs(index.get(a.sentence.start, 0) - index.get(b.sentence.start, 0))


def _has_figures(e: Event) -> bool:
    return e.fatalities is not None or e.injuries is not None


def _figures_conflict(a: Event, b: Event) -> bool:
    return any(x is not None and y is not None and x != y
               for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)))


def _same_toll(a: Event, b: Event) -> bool:
    """Both mentions count the same dead or wounded (a figure above zero), and no figure
    of one contradicts the other's: the region's toll and its town's toll told apart."""
    return not _figures_conflict(a, b) and any(
        x is not None and x > 0 and x == y
        for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)))


def _mass_launch(e: Event) -> bool:
    """A placeless report of a salvo ("launched 89 drones and four missiles")."""
    return e.location is None and any(w.count is not None and w.count >= 10 for w in e.weapons)


# words that open a new incident: "Another strike hit ...", "In a separate attack, ..."
# (an incident noun after the word: "another drone hit the canteen" is one more munition of
# the same attack)
NEW_INCIDENT = re.compile(r"(?:\b(?:another|a second|a third|a separate|a further|a fresh)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:strike|airstrike|air strike|attack|raid|"
                          r"shelling|bombing|blast|explosion|incident|assault|barrage|salvo|"
                          r"volley)s?\b(?:\s+of\s+(?:[\w-]+\s+){0,3}?[\w-]+)?|"
                          r"\bseparately\b)[\w\s,-]{0,45}$", re.I)


# the same after the trigger, as the phrase it happened in: "nine were killed in another
# strike on the station"
NEW_INCIDENT_AFTER = re.compile(r"^[\w\s,-]{0,60}?\b(?:in|during|by|from)\s+(?:another|a second|"
                                r"a third|a separate|a further|a fresh)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:strike|airstrike|air strike|attack|raid|shelling|bombing|"
                                r"blast|explosion|incident|assault|barrage|salvo|volley)s?\b",
                                re.I)
# an armed party that "also" acted again: "Israeli forces also killed two men in the same
# town", "the militants also stormed a school" (a further act, not more of the same one: "the
# strike also damaged a school", "a child was also hurt" tell the incident told before)
ALSO_ACTED = re.compile(r"\b(?:forces|troops|army|military|soldiers|militants|fighters|gunmen|"
                        r"rebels|insurgents|militias?|warplanes|jets|settlers|police)\s+"
                        r"(?:(?:has|have|had)\s+)?also\s+[\w-]+$", re.I)
# a sentence that opens by moving away from the scene told before: "Elsewhere, ..."
ELSEWHERE = re.compile(r"^\W*(?:elsewhere|separately)\b", re.I)


def opens_new_incident(e: Event) -> bool:
    """The mention says it is another incident ("Another strike overnight destroyed ...", "a
    second strike by the militia on the camp", "were killed in another strike on ...",
    "Elsewhere, five people died ...", "A rocket strike earlier in the day hurt ...",
    "Later that day, shelling killed ...")."""
    cut = max(0, e.trigger.end - e.sentence.start)
    text = e.sentence.text
    return bool(NEW_INCIDENT.search(text[:cut]) or NEW_INCIDENT_AFTER.search(text[cut:])
                or ELSEWHERE.search(text) or ALSO_ACTED.search(text[:cut])
                or OTHER_TIME_OF_DAY.search(text[:cut]))


# an attack told at another time of the same day: "A rocket attack earlier in the day
# hurt a guard", "Later that evening, shelling hit ..." (an indefinite attack, or the
# sentence's opening)
_TIME_OF_DAY = (r"(?:earlier|later)\s+(?:in\s+the\s+(?:day|morning|afternoon|evening|night)|"
                r"that\s+(?:day|morning|afternoon|evening|night))\b")
OTHER_TIME_OF_DAY = re.compile(
    r"^\W*(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:strike|airstrike|attack|drone|missile|"
    r"shelling|raid|bombing|explosion|blast)s?\s+" + _TIME_OF_DAY +
    r"|^\W*" + _TIME_OF_DAY + r"\s*,", re.I)


SUMMARY = re.compile(r"\bacross\b|\bthroughout\b|\b(?:air ?strikes|strikes|attacks|raids|"
                     r"bombardments|shelling) (?:on|in|across|against) (?:the )?[\w\s]{0,20}"
                     r"\b(?:towns|villages|cities|areas|regions|communities)\b", re.I)


def _summary(e: Event) -> bool:
    """A region-wide mention that sums up several attacks ("killed in strikes across the Gaza
    Strip", "strikes on villages in the region"), not one strike a town's report specifies."""
    return bool(SUMMARY.search(e.sentence.text))


# kinds of coercive measure (PLOVER COERCE): one report may tell several at one place (a
# dispersal is of no kind of its own: police dispersing a crowd and detaining some of it are
# one action)
_MEASURES = (
    ("detention", re.compile(r"\b(?:arrest|detain|detention|round|kidnap|abduct|seiz)", re.I)),
    ("curfew", re.compile(r"\b(?:curfew|lockdown|emergency|martial)", re.I)),
    ("ban", re.compile(r"\b(?:ban|prohibit|outlaw|suspend|clos|shut)", re.I)),
    ("property", re.compile(r"\b(?:loot|ransack|pillag|torch|burn|demolish)", re.I)),
    ("expulsion", re.compile(r"\b(?:expel|deport|evict)", re.I)),
)


def _measure(ev: Event) -> str | None:
    """The kind of a coercive measure its trigger names, or None."""
    for kind, words in _MEASURES:
        if words.search(ev.trigger.text):
            return kind
    return None


# events between two parties that either may be named first: an agreement, talks
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT"})


def misread_self_attack(a: Event, b: Event) -> bool:
    """``a`` has its target's state for attacker, where ``b``, at the same place, has a
    foreign attacker of that country (a war between states, not a domestic one)."""
    if a.actor1 is None or a.actor2 is None or a.actor1.country is None or \
            a.actor1.country != a.actor2.country or b.actor1 is None or \
            a.actor1.sector not in (None, "GOV", "MIL"):
        return False  # (armed men of the place's own country attack at home too)
    target = b.actor2.country if b.actor2 is not None else None
    return b.actor1.country not in (None, a.actor1.country) and target in (None,
                                                                        a.actor2.country)


def party_countries(e: Event) -> tuple[str | None, str | None]:
    """(initiator's country, other party's country), None where unknown."""
    return (e.actor1.country if e.actor1 else None, e.actor2.country if e.actor2 else None)


def _same_parties(a: Event, b: Event) -> bool:
    """Both events name two parties of known countries, and the same two, in either order."""
    pa, pb = party_countries(a), party_countries(b)
    return None not in pa and None not in pb and pa[0] != pa[1] and set(pa) == set(pb)


def mergeable(a: Event, b: Event, *, sentence_gap: int) -> bool:
    if a.type != b.type:
        return False
    if a.sentence.start != b.sentence.start and opens_new_incident(b):
        return False
    places = places_agree(a.location, b.location)
    if places and a.location.precision != b.location.precision and (
            sentence_gap > 1 and not _same_toll(a, b) or _figures_conflict(a, b)):
        places = False  # "a village in the X region" and "the city of X": two strikes (the
        #                same toll told of the region and of its town is one)
    if places and a.location.precision != b.location.precision and \
            _summary(a if PRECISION_RANK.get(a.location.precision, 3) >
                     PRECISION_RANK.get(b.location.precision, 3) else b):
        places = False  # "18 killed in strikes across the Gaza Strip" sums up several strikes
    if places and _two_towns(a.location, b.location):
        places = False  # "a strike hit Gaza City" ... "in Jabalia, fire killed a girl": two
        #                towns of their own, a few km apart, are two scenes
    if places is None and (_summary(a) and b.location is not None
                           or _summary(b) and a.location is not None):
        return False  # ... also when the summary's region was not resolved
    if a.sentence.start == b.sentence.start and a.trigger.start != b.trigger.start and (
            places is not True or _two_named_places(a.location, b.location)):
        # two events of one type in one sentence were kept apart by the extractor on purpose,
        # unless they happened at the very same place ("killed in X; five there were injured");
        # two towns a few km apart named in one sentence are two scenes ("killed five in X
        # and, in neighbouring Y, shelling killed two")
        return False
    if a.sentence.start == b.sentence.start and a.trigger.start != b.trigger.start and \
            _figures_conflict(a, b) and _another_between(a, b):
        return False  # "two strikes in X: one that killed five, and another that killed
        #              four": two incidents at one place, each with its own toll
    if places is False:
        return False
    if a.type == "ASSAULT" and a.acled_event_type and b.acled_event_type and \
            a.acled_event_type != b.acled_event_type and (
                "Battles" in (a.acled_event_type, b.acled_event_type)):
        strike = b if a.acled_event_type == "Battles" else a
        if strike.acled_event_type == "Explosions/Remote violence" and strike.weapons:
            return False  # "repelled 38 assaults" and "artillery attacks killed four": a
            #              battle and a strike with its own means
    if a.type == "COERCE" and (ma := _measure(a)) and (mb := _measure(b)) and ma != mb:
        return False  # "a curfew was declared" and "all rallies were banned": two measures
    if a.type == "ASSAULT" and places is not True and _figures_conflict(a, b):
        return False  # two tolls at two (or unknown) places: two strikes
    if places is None:
        if a.type == "ASSAULT" and sentence_gap > MAX_SENTENCE_GAP_NO_PLACE:
            return False
        if a.type == "ASSAULT" and (_mass_launch(a) or _mass_launch(b)):
            return False  # "Russia launched 89 drones overnight": the night's total, not
            #              the strike on one town told next to it
        if a.type != "ASSAULT" and sentence_gap > 1 and (a.location or b.location):
            return False
    if not _dates_overlap(a.date, b.date):
        return False
    if a.type == "ASSAULT" and places is True and (misread_self_attack(a, b) or
                                                   misread_self_attack(b, a)):
        return True  # "strikes killed six in Kryvyi Rih" ... "the toll in Kryvyi Rih rose to
        #              six, Ukraine's officials said": a mention whose attacker is its own
        #              target's country (a teller's or a place's country taken for the
        #              attacker) joins the incident told at that very place
    if a.type == "ASSAULT" and a.acled_event_type == b.acled_event_type == "Battles" and \
            places is not None and _same_parties(a, b):
        return True  # an exchange of fire between two sides told with either side first
    if a.type in SYMMETRIC_TYPES and _same_parties(a, b):
        return True  # "a truce was reached between X and Y" ... "Y said it had reached an
        #              agreement with X": one agreement, its parties named in either order
    if not (_actors_agree(a.actor1, b.actor1) and (
            _actors_agree(a.actor2, b.actor2)
            or a.type == "ASSAULT" and _inferred(a.actor2) and _inferred(b.actor2))):
        # (two targets the extractor filled in, "Civilians (X)" for a strike and the war's
        # other side for a battle, are guesses: they do not keep one incident apart)
        return False
    if a.type != "ASSAULT":
        # speech acts and meetings: same initiator required
        if a.actor1 is None or b.actor1 is None:
            return sentence_gap <= 1 and places is True or (
                sentence_gap <= 2 and places is not False and
                len(a.trigger.text.split()) >= 3 and
                " ".join(a.trigger.text.lower().split()) ==
                " ".join(b.trigger.text.lower().split()))
            #   (the same words told again, as a quoted statement repeats its lead: "X is
            #   ready to accept the proposal" ... "“X expressed readiness to accept the
            #   proposal,” the statement said")
        if (a.actor1.country is None or b.actor1.country is None) and sentence_gap <= 1 and \
                a.actor1.sector != "IGO" and b.actor1.sector != "IGO":
            return True  # "The two leaders also discussed ..." after their phone call
        if a.actor1.name != b.actor1.name and not (
                a.actor1.country and a.actor1.country == b.actor1.country
                and a.actor1.sector == b.actor1.sector):
            return False
        if a.actor2 is not None and b.actor2 is not None and a.actor2.country != b.actor2.country:
            return False
    return True


def _narrower(a: DateWindow | None, b: DateWindow | None) -> DateWindow | None:
    if a is None:
        return b
    if b is None:
        return a
    lo, hi = max(a.earliest, b.earliest), min(a.latest, b.latest)
    if lo > hi:
        return a
    wa = (a.latest - a.earliest).days
    wb = (b.latest - b.earliest).days
    if a.span is None and b.span is not None:
        return b
    if b.span is None and a.span is not None:
        return a
    if a.span is not None and b.span is not None and a.span.start == b.span.start and \
            "reported_on" in (a.rule, b.rule):
        # one time expression read for two mentions of a sentence, once as the day the
        # outcome was told ("authorities on Monday said four were killed and 30 injured"):
        # that reading holds for both
        return a if a.rule == "reported_on" else b
    return a if wa <= wb else b


def _better_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if PRECISION_RANK.get(a.precision, 3) <= PRECISION_RANK.get(b.precision, 3) else b


def _figure(a: int | None, b: int | None, *, b_later: bool) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _own_date(e: Event) -> bool:
    """The event's time is stated with it (not carried from a sentence before)."""
    return e.date is not None and e.date.span is not None and not e.date.carried


def _incident_date(a: Event, b: Event) -> DateWindow | None:
    """A time stated with the event beats one carried from the sentence before it ("killed
    on Monday night" over a follow-up that inherited "figures given on Tuesday")."""
    if _own_date(a) and not _own_date(b) and b.date is not None and b.date.span is not None:
        return a.date
    if _own_date(b) and not _own_date(a) and a.date is not None and a.date.span is not None:
        return b.date
    if a.date is not None and a.date.span is None and _own_date(b) and \
            not _dates_overlap(a.date, b.date) and places_agree(a.location, b.location):
        return b.date  # a day stated at the same place beats one guessed from the
        #                publication date (a headline's "troops kill 19", the body's
        #                "gunmen fired at soldiers in the city on Monday")
    return _narrower(a.date, b.date)


def combine(a: Event, b: Event) -> Event:
    """Fold event `b` (later in the text) into event `a`."""
    rev_b = any(e.role in ("fatalities", "injuries") for e in b.evidence) and (
        "rose" in b.sentence.text or "risen" in b.sentence.text or "up from" in b.sentence.text)
    fat = b.fatalities if rev_b and b.fatalities is not None else _figure(
        a.fatalities, b.fatalities, b_later=True)
    inj = b.injuries if rev_b and b.injuries is not None else _figure(
        a.injuries, b.injuries, b_later=True)
    seen = {(e.role, e.span.start, e.span.end) for e in a.evidence}
    extra = tuple(e for e in b.evidence if (e.role, e.span.start, e.span.end) not in seen)
    # the means a mention names decide the ACLED types over a guess from wording alone ("RSF
    # strike kills five" then "a suicide drone exploded in the market": a drone strike)
    typed = b if not a.weapons and b.weapons and b.acled_sub_event_type and \
        a.acled_event_type != "Protests" else a
    return a.replace(
        actor1=a.actor1 or b.actor1,
        actor2=a.actor2 or b.actor2,
        location=_better_place(a.location, b.location),
        date=_incident_date(a, b),
        fatalities=fat,
        injuries=inj,
        victims=a.victims + tuple(v for v in b.victims if v not in a.victims),
        weapons=a.weapons + tuple(w for w in b.weapons if w not in a.weapons),
        damage=a.damage + tuple(d for d in b.damage if d not in a.damage),
        quotes=a.quotes + tuple(q for q in b.quotes if q not in a.quotes),
        mode=typed.mode or a.mode or b.mode,
        acled_event_type=typed.acled_event_type or a.acled_event_type or b.acled_event_type,
        acled_sub_event_type=typed.acled_sub_event_type or a.acled_sub_event_type
        or b.acled_sub_event_type,
        confidence=min(0.99, max(a.confidence, b.confidence) + 0.05),
        evidence=a.evidence + extra,
    )


def merge_within(events: Sequence[Event], *, sentence_starts: Sequence[int],
                 folds: list[tuple[Event, str]] | None = None,
                 furniture: frozenset[int] = frozenset()) -> list[Event]:
    """Merge the mentions of one document, in text order. ``folds``, when given, receives
    (mention, id of the event it was merged into) for every merged mention. ``furniture``:
    starts of sentences that are page furniture ("Listen", "Share", "On", "Off"), which do
    not count in the distance between two mentions."""
    merged: list[Event] = []
    index: dict[int, int] = {}
    n = 0
    for start in sentence_starts:
        index[start] = n
        n += start not in furniture
    for ev in sorted(events, key=lambda e: e.trigger.start):
        # look back over the recent events only: a long text stays linear
        for i in range(len(merged) - 1, max(-1, len(merged) - 1 - MAX_LOOKBACK), -1):
            gap = _sentence_gap(merged[i], ev, index)
            if mergeable(merged[i], ev, sentence_gap=gap):
                if folds is not None:
                    folds.append((ev, merged[i].id))
                placeless = merged[i].location is None
                merged[i] = combine(merged[i], ev)
                if placeless and merged[i].location is not None:
                    _join_earlier(merged, i, index, folds)
                break
        else:
            merged.append(ev)
    return merged


def _join_earlier(merged: list[Event], i: int, index: dict[int, int],
                  folds: list[tuple[Event, str]] | None) -> None:
    """A follow-up with no place of its own ("Three firefighters were among those injured in
    the bombing") that a later mention placed ("... the strike on the city's Kyivskyi
    district") is compared again with the incidents told before it: placed now, it may be
    the one told at that place (it was too far from it to join with no place)."""
    ev = merged[i]
    for j in range(i - 1, max(-1, i - 1 - MAX_LOOKBACK), -1):
        if mergeable(merged[j], ev, sentence_gap=_sentence_gap(merged[j], ev, index)):
            if folds is not None:
                folds[:] = [(m, merged[j].id if into == ev.id else into) for m, into in folds]
                folds.append((ev, merged[j].id))
            merged[j] = combine(merged[j], ev)
            del merged[i]
            return
