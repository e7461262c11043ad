"""Find place mentions in text with the gazetteer (stage ``annotate.places``).

A dictionary lookup over capitalised token sequences, longest match first: no regex per
gazetteer name, so a 600-word article takes about a millisecond. Each mention carries its
span, a ``kind`` hint read from the wording ("the Kherson region" -> admin1, "Pokrovsk
district" -> admin2, "the village of X" / "Krasnopillia community" -> city, a country name ->
country), a ``cue`` ("near", "outskirts", "region", "village", ...) and its candidate entries.

Precision rules (word lists in ``data/gazetteer/lexicon.json``): capitalisation is required;
stop words, titles and demonyms never match alone; a name that is also an English word
("Bar", "Police", "Reading") needs an explicit place cue or a large place; a name right after a
title or another capitalised word ("Governor Vitaliy Kim") is taken as part of a person's name.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.records import Span
from eventdesk.resources.gazetteer import Entry, Gazetteer, name_key

STAGE = "annotate.places"
MAX_WORDS = 6
BIG_PLACE = 100_000  # population above which an English-word name is taken mid-sentence
HUGE_PLACE = 500_000  # ... and at the start of a sentence

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s)?")
_POSS = re.compile(r"['’]s$")
# an apposition that says what the name is: "Maykop, the capital of Adygea",
# "Avdiivka, a town north of Donetsk", "Bafliyeh, a village in the south", or where it lies
_SEAT_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:(?:small|large|major|key|strategic|"
                              r"regional|frontline|front-line|border|coastal|southern|northern|"
                              r"eastern|western|central|nearby)\s+)*(?:capital|city|town|"
                              r"village|port|hamlet|settlement|district|region|province)\b"
                              # "Sake, about 20 km west of Goma": where it lies from a town
                              r"|,\s+(?:(?:some|about|around|roughly|nearly|just|only)\s+)?"
                              r"\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:re|er)s?|miles)\b")
# a name with a number and an area word after it labels a sector ("the Bir 12 area")
_NUMBERED_AREA = re.compile(r"[ \u00a0]\d{1,3}[ \u00a0]+(?:area|areas|block|blocks|sector|zone|"
                            r"camp|neighbou?rhood|district|quarter)\b", re.I)
# words after a capital's name that make it the government, not the place
_METONYM_HEADS = frozenset({"forces", "military", "troops", "army", "regime", "soldiers",
                            "servicemen", "militaries", "army's", "military's", "forces'",
                            "government", "leadership", "junta", "regime's", "government's"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place name in the text, with what its wording says and the entries it may mean."""

    span: Span  # the name, plus a following type word ("Kherson Oblast", "Pokrovsk district")
    name: str  # the name alone ("Kherson")
    kind: str | None  # hint from the wording: city | admin2 | admin1 | country | None
    cue: str | None  # "near", "outskirts", "region", "village", "in", ...
    candidates: tuple[Entry, ...]
    key: str = ""  # normalised lookup key

    @property
    def surface(self) -> str:
        return self.span.text


class _Lex:
    """Word lists from lexicon.json, as sets."""

    def __init__(self, gaz: Gazetteer) -> None:
        lx = gaz.lexicon
        self.stop = frozenset(lx["stop"])
        self.titles = frozenset(lx["titles"])
        self.demonyms = frozenset(lx["demonyms"])
        self.directions = frozenset(lx["directions"])
        self.org_suffixes = frozenset(lx["org_suffixes"])
        self.admin1 = frozenset(lx["admin1_cues"])
        self.admin2 = frozenset(lx["admin2_cues"])
        self.community = frozenset(lx["community_cues"])
        self.city_before = frozenset(lx["city_cues_before"])
        self.city_after = frozenset(lx["city_cues_after"])
        self.before = frozenset(lx["place_cues_before"])
        self.admin1_before = frozenset(lx.get("admin1_cues_before", ()))
        self.particles = frozenset(lx["particles"])
        self.not_places = frozenset(lx.get("not_places", ()))
        self.common = gaz.common
        self.after_kind: dict[str, str] = {}
        for w in self.city_after:
            self.after_kind[w] = "city"
        for w in self.community:
            self.after_kind[w] = "city"
        for w in self.admin2:
            self.after_kind[w] = "admin2"
        for w in self.admin1:
            self.after_kind[w] = "admin1"


_LEX: dict[int, _Lex] = {}


def _lex(gaz: Gazetteer) -> _Lex:
    lx = _LEX.get(id(gaz))
    if lx is None:
        lx = _LEX[id(gaz)] = _Lex(gaz)
    return lx


def _is_cap(tok: str) -> bool:
    """Capitalised: "Kyiv", "ODESA", and "al-Balah" (a lower-case particle, then a name)."""
    return tok[0].isupper() or ("-" in tok and tok.rsplit("-", 1)[1][:1].isupper())


def find_places(text: str, *, exclude: Sequence[tuple[int, int]] = (),
                gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``text``, in text order, non-overlapping (longest match wins).

    ``exclude``: (start, end) character ranges that are not places (known person names, ...).
    """
    gaz = gazetteer or Gazetteer.load()
    lx = _lex(gaz)
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    n = len(toks)
    if not n:
        return []
    keys = [name_key(_POSS.sub("", t[2])) for t in toks]
    excl = sorted(exclude)
    excl_starts = [a for a, _ in excl]
    all_caps_text = sum(1 for t in toks if t[2].isupper()) > 0.6 * n

    def excluded(a: int, b: int) -> bool:
        i = bisect_right(excl_starts, b - 1) - 1
        while i >= 0:
            s, e = excl[i]
            if e > a and s < b:
                return True
            if e <= a and i < len(excl) and s < a - 200:
                break
            i -= 1
        return False

    def gap(i: int) -> str:  # text between token i and i+1
        return text[toks[i][1]:toks[i + 1][0]] if i + 1 < n else ""

    def sentence_start(i: int) -> bool:
        if i == 0:
            return True
        g = text[toks[i - 1][1]:toks[i][0]]
        return any(c in g for c in ".!?\n:;—–") or toks[i - 1][2].isupper() and not _is_cap(
            toks[i][2][1:] or "x")

    titled = _title_case_tokens(text, toks)
    out: list[PlaceMention] = []
    persons: set[str] = set()
    i = 0
    while i < n:
        s0, e0, t0 = toks[i]
        if not _is_cap(t0) or (excl and excluded(s0, e0)):
            i += 1
            continue
        found = None
        hi = min(n, i + MAX_WORDS) - 1
        # furthest j such that tokens i..j are joined by plain spaces/hyphens
        last = i
        while last < hi:
            g = gap(last)
            if g not in (" ", "-", "- ", " -") or _POSS.search(toks[last][2]):
                break
            last += 1
        for j in range(last, i - 1, -1):
            key = " ".join(keys[i:j + 1])
            if not _is_cap(toks[j][2]) and not gaz.is_alias(key):
                continue
            if any(not _is_cap(toks[k][2]) and keys[k] not in lx.particles
                   for k in range(i + 1, j)):
                if not gaz.is_alias(key):  # "Zaporizhzhia nuclear plant"
                    continue
            if not gaz.has_key(key) or key in lx.not_places:
                continue
            m = _accept(gaz, lx, text, toks, keys, i, j, key, sentence_start(i), all_caps_text,
                        persons, title_case=i in titled)
            if m is not None:
                found = (j, m)
                break
        if found is None:
            i += 1
            continue
        j, m = found
        if excl and excluded(m.span.start, m.span.end):
            i += 1
            continue
        out.append(m)
        i = j + 1 + (1 if m.span.end > toks[j][1] else 0)
    out = _with_road_ends(text, toks, out, gaz)
    out = _with_respelled(text, toks, keys, out, gaz, lx, persons)
    out = _with_communities(text, out, gaz)
    out = _with_described_capitals(text, out, gaz)
    out = _with_possessed_capitals(text, out, gaz)
    return _with_national_areas(text, _with_bare_capital(text, out), gaz)


def _with_added(out: list[PlaceMention], added: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions found so far with those a later pass added, in text order."""
    if not added:
        return out
    return sorted(out + added, key=lambda p: p.span.start)


_ROAD = re.compile(r"^\s+(?:[a-z]+\s+)?(?:road|highway|motorway|route|railway|railroad|"
                   r"rail line|expressway|freeway)\b", re.I)


def _with_road_ends(text: str, toks, out: list[PlaceMention], gaz: Gazetteer
                    ) -> list[PlaceMention]:
    """"on the Kharkiv-Kupiansk highway", "the Tyre-Al Housh main road": a road named by
    the towns it links lies at its first town, when that is a town the gazetteer knows (the
    hyphenated whole names no place)."""
    lx = _lex(gaz)
    added: list[PlaceMention] = []
    for s, e, tok in toks:
        if "-" not in tok:
            continue
        first, rest = tok.split("-", 1)
        if not (first[:1].isupper() and rest[:1].isupper()):
            continue
        if name_key(rest) in lx.demonyms:
            continue  # "the Pan-American highway": a compound adjective, no two towns
        # the road word comes after the whole two-town name ("Tyre-Al Housh main road")
        tail = text[e:e + 40]
        m = re.match(r"^(?:\s+[A-Z][\w'’-]*){0,2}", tail)
        if not _ROAD.match(tail[m.end():] if m else tail):
            continue
        if any(p.span.start < s + len(first) and s < p.span.end for p in out):
            continue
        cands = [c for c in gaz.lookup(first) if c.kind == "city"]
        if not cands:
            continue
        added.append(PlaceMention(span=Span(s, s + len(first), first, STAGE), name=first,
                                  kind="city", cue="road", candidates=tuple(cands),
                                  key=name_key(first)))
    return _with_added(out, added)


# a town respelled by another transliteration is taken only after these prepositions
_RESPELL_AFTER = frozenset({"in", "on", "near", "at", "outside", "around", "into", "of"})
_SETTLEMENT_AFTER = frozenset({"community", "hromada", "village", "settlement"})
_SETTLEMENT_BEFORE = frozenset({"village", "town", "settlement", "community", "hromada"})
RESPELL_MIN_POPULATION = 20_000
RESPELL_LONG = 12


def _with_respelled(text: str, toks, keys, out: list[PlaceMention], gaz: Gazetteer, lx: _Lex,
                    persons: set[str]) -> list[PlaceMention]:
    """A town the gazetteer knows under another transliteration: "a rocket attack on
    Chuguiev" (Chuhuiv, also written Chuguyev: Russian г as g or h, и/і/й as i or y, е as e
    or ie). Only a single capitalised word the gazetteer does not know at all, right after a
    locative preposition or named a settlement ("the village of X", "X community"), not
    followed by another capitalised word (a person's name), and only towns of at least
    RESPELL_MIN_POPULATION people, or any settlement for a name of RESPELL_LONG letters or
    more or named a settlement: a respelling of a short word that lands on a village is
    more likely a coincidence than the place meant; a long name is distinctive."""
    taken = [(m.span.start, m.span.end) for m in out]
    towns = [m for m in out if m.kind == "city" or any(c.kind == "city" for c in m.candidates)]
    towns_by_end = {m.span.end: m for m in towns}
    towns_by_start = {m.span.start: m for m in towns}
    added: list[PlaceMention] = []
    for i, (s, e, tok) in enumerate(toks):
        if len(tok) < 5 or not tok[0].isupper() or tok.isupper() or \
                _POSS.search(tok) or "-" in tok:
            continue
        key = keys[i]
        # a settlement word around it makes it a settlement: "the village of X", "X community"
        settled = i + 1 < len(toks) and keys[i + 1] in _SETTLEMENT_AFTER and \
            text[e:toks[i + 1][0]] == " " or i >= 2 and keys[i - 1] == "of" and \
            keys[i - 2] in _SETTLEMENT_BEFORE
        listed = _listed_with(text, s, e, towns_by_end, towns_by_start)
        if (i == 0 or keys[i - 1] not in _RESPELL_AFTER or text[toks[i - 1][1]:s] != " ") \
                and not settled and not listed or \
                gaz.has_key(key) or key in persons or key in lx.stop or key in lx.titles or \
                key in lx.demonyms or key in lx.not_places:
            continue
        if i + 1 < len(toks) and text[e:toks[i + 1][0]] == " " and _is_cap(toks[i + 1][2]):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        floor = 0 if len(tok) >= RESPELL_LONG or settled or listed else RESPELL_MIN_POPULATION
        cands = sorted((v for v in gaz.spelling_variants(tok) if v.kind == "city"
                        and v.population >= floor),
                       key=lambda v: -v.population)
        if listed and not settled and (i == 0 or keys[i - 1] not in _RESPELL_AFTER):
            # only a town of a listed neighbour's country: "shelled Khotin, Bilopilia and
            # Esman" (the neighbour tells where the list is)
            countries = {c.country for c in listed.candidates if c.kind == "city"}
            cands = [v for v in cands if v.country in countries]
        if cands:
            added.append(PlaceMention(span=Span(s, e, tok, STAGE), name=cands[0].name, kind="city",
                                      cue=keys[i - 1], candidates=tuple(cands), key=key))
    return _with_added(out, added)


# what joins the names of a list: "X, Y", "X and Y", "X, and Y", "X or Y"
_LIST_JOIN = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _listed_with(text: str, s: int, e: int, by_end: dict[int, PlaceMention],
                 by_start: dict[int, PlaceMention]) -> PlaceMention | None:
    """The known town that a name at text[s:e] is listed with, right before or after it
    ("Khotin, Bilopilia and Esman"), or None. ``by_end``/``by_start``: the known towns by
    where their mention ends/starts."""
    for end in range(max(0, s - 6), s + 1):
        if end in by_end and _LIST_JOIN.match(text[end:s]):
            return by_end[end]
    for start in range(e, e + 7):
        if start in by_start and _LIST_JOIN.match(text[e:start]):
            return by_start[start]
    return None


# longer words that title case leaves in lower case ("Talks on Peace Plan amid Strikes")
_TITLE_LOWER = frozenset({"with", "from", "into", "over", "after", "amid", "near", "than",
                          "upon", "onto", "about", "against", "during", "without"})
# words after a name that make it a military formation, not a place ("Russia's Zapad group")
_UNIT_NAMES = frozenset({"group", "groups", "battlegroup", "battlegroups", "grouping",
                         "groupings", "brigade", "battalion", "regiment", "division",
                         "cartel", "cartels", "gang", "gangs"})
# a person described in apposition: "Shirin, originally from Afrin, said", "Amal, who fled"
_PERSON_APPOSITION = re.compile(r",\s+(?:originally\s+from|who\s|aged\s+\d|\d{1,2}\s*,)")

_COMMUNITY = re.compile(r"\b([A-Z][\w’'-]*?)s[’']?ka\s+(?:(?:territorial|rural|urban|"
                        r"settlement)\s+)?(?:community|hromada|communities)\b"
                        # a community listed before the plural ("the Xska and Yska
                        # communities", "Xska, Yska and Zska hromadas")
                        r"|\b([A-Z][\w’'-]*?)s[’']?ka(?=(?:\s*,\s*[A-Z][\w’'-]*?s[’']?ka)*"
                        r"\s*,?\s+and\s+[A-Z][\w’'-]*?s[’']?ka\s+(?:(?:territorial|rural|"
                        r"urban|settlement)\s+)?(?:communities|hromadas)\b)")
# Ukrainian compound names: "Velyka Pysarivka" -> "Velykopysarivska", "Nova Kakhovka" ->
# "Novokakhovska", "Seredyna-Buda" -> "Seredyno-Budska"
_COMPOUND_HEADS = {"velyko": "velyka", "novo": "nova", "staro": "stara", "malo": "mala",
                   "verkhnyo": "verkhnia", "nyzhnyo": "nyzhnia", "krasno": "krasna"}


def community_settlements(stem: str) -> list[str]:
    """Settlement names an adjectival community (hromada) name may come from: the stem of
    "Krasnopilska" is "Krasnopil", of Krasnopillia; "Yunakivska" of Yunakivka; "Khotynska" of
    Khotyn; "Shalyhynska" of Shalyhyne; "Velykopysarivska" of Velyka Pysarivka; "Seredyno-
    Budska" of Seredyna-Buda (Ukrainian adjective formation, transliterated)."""
    def endings(base: str) -> list[str]:
        out = [base, base + "ka", base + "e", base + "a", base + "ia", base + "ske", base + "ne"]
        if base.endswith("l"):
            out.append(base + "lia")  # Krasnopil -> Krasnopillia
        if base.endswith("n"):
            out.append(base[:-1] + "ne")
        if re.search(r"i[a-z]$", base):
            # the vowel of a closed syllable turns to "i" before the suffix: "Mezhivska" of
            # Mezhova, "Novoselivska" of Novoselove
            opened = base[:-2] + "o" + base[-1]
            out += [opened + "a", opened + "e", opened + "ka"]
        return out

    low = stem.lower()
    forms = endings(low)
    if "-" in low:
        first, rest = low.split("-", 1)
        if first.endswith("o"):
            forms += [f"{first[:-1]}a-{e}" for e in endings(rest)]
    for head, word in _COMPOUND_HEADS.items():
        if low.startswith(head) and len(low) > len(head) + 2:
            forms += [f"{word} {e}" for e in endings(low[len(head):])]
    return forms


def _with_communities(text: str, out: list[PlaceMention], gaz: Gazetteer
                      ) -> list[PlaceMention]:
    """"Krasnopilska community: shelling was recorded": the settlement that names the
    community, in Ukraine (daily shelling reports of the border regions list them so)."""
    if "ommunit" not in text and "romada" not in text:
        return out
    added = []
    for m in _COMMUNITY.finditer(text):
        s, e = m.start(), m.end()
        clash = [p for p in out if p.span.start < e and s < p.span.end]
        if clash and any(c.country == "UKR" for p in clash for c in p.candidates):
            continue
        # (a community's name the gazetteer knows only abroad, "Pokrovska" a Russian
        # hamlet, is the community: the word "community" says so)
        out = [p for p in out if p not in clash]
        cands: list[Entry] = []
        for form in community_settlements(m.group(1) or m.group(2)):
            cands += [c for c in gaz.lookup(form, country="UKR") if c.kind == "city"
                      and c not in cands]
        if cands:  # namesakes of every form: the document's context chooses
            added.append(PlaceMention(span=Span(s, e, text[s:e], STAGE), name=cands[0].name,
                                      kind="city", cue="community", candidates=tuple(cands),
                                      key=name_key((m.group(1) or m.group(2)) + "ska")))
    return _with_added(out, added)


# "the Ukrainian capital"; in a headline without the article, after a preposition or a verb
# of striking ("strike on Syrian capital", "Drones hit Ukrainian capital")
_CAPITAL_PHRASE = re.compile(r"(?:\b[Tt]he |\b(?:on|in|at|to|near|over|across|into|towards?|"
                             r"hit|hits|strike|strikes|rock|rocks|pound|pounds) )"
                             r"((?:(?:North|South|East|West) )?[A-Z][a-z]+) capital\b")
# ("the North Korean capital", "the South Sudanese capital": two-word demonyms)


@lru_cache(maxsize=1)
def _demonym_capitals() -> dict[str, tuple[str, str]]:
    """demonym -> (ISO3, capital name), from data/gazetteer/demonym_capitals.tsv."""
    path = resources.files("eventdesk.data").joinpath("gazetteer/demonym_capitals.tsv")
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        demonym, iso3, capital = line.split("\t")
        table.setdefault(demonym, (iso3, capital))
    return table


def _with_described_capitals(text: str, out: list[PlaceMention], gaz: Gazetteer
                             ) -> list[PlaceMention]:
    """"the Ukrainian capital" names Kyiv (unless the name follows: "the Saudi capital, Riyadh")."""
    added = []
    for m in _CAPITAL_PHRASE.finditer(text):
        hit = _demonym_capitals().get(m.group(1).lower())
        if hit is None:
            continue
        iso3, capital = hit
        if capital.lower() in text[m.end():m.end() + 30].lower():
            continue  # "the Sudanese capital, Khartoum": the name itself is matched
        cands = tuple(e for e in gaz.lookup(capital, country=iso3) if e.kind == "city")
        if not cands:
            continue
        s, e = m.start(1), m.end()
        if text[m.start():s].lower() == "the ":
            s = m.start()
        if any(p.span.start < e and s < p.span.end for p in out):
            continue
        added.append(PlaceMention(span=Span(s, e, text[s:e], STAGE), name=capital, kind="city",
                                  cue="capital", candidates=cands[:1], key=name_key(capital)))
    return _with_added(out, added)


# "Turkey's capital", "in Sudan's capital": the capital of a country named in the possessive
_POSSESSED_CAPITAL = re.compile(r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)['’]s\s+capital\b")


@lru_cache(maxsize=1)
def _capitals_by_country() -> dict[str, str]:
    """ISO3 -> capital name, from the demonym table."""
    out: dict[str, str] = {}
    for iso3, capital in _demonym_capitals().values():
        out.setdefault(iso3, capital)
    return out


def _with_possessed_capitals(text: str, out: list[PlaceMention], gaz: Gazetteer
                             ) -> list[PlaceMention]:
    """"in Turkey's capital" names Ankara (the country's own mention gives way to it),
    unless the capital's name follows ("Sudan's capital, Khartoum", "Russia's capital city
    Moscow")."""
    added: list[PlaceMention] = []
    drop: set[int] = set()
    for m in _POSSESSED_CAPITAL.finditer(text):
        country = next((e for e in gaz.lookup(m.group(1)) if e.kind == "country"), None)
        capital = _capitals_by_country().get(country.country) if country else None
        if capital is None or capital.lower() in text[m.end():m.end() + 30].lower():
            continue
        cands = tuple(e for e in gaz.lookup(capital, country=country.country)
                      if e.kind == "city")
        if not cands:
            continue
        s, e = m.start(1), m.end()
        inside = [k for k, p in enumerate(out) if p.span.start < e and s < p.span.end]
        if any(out[k].kind != "country" for k in inside):
            continue
        drop.update(inside)
        added.append(PlaceMention(span=Span(s, e, text[s:e], STAGE), name=capital, kind="city",
                                  cue="capital", candidates=cands[:1], key=name_key(capital)))
    if not added:
        return out
    return _with_added([p for k, p in enumerate(out) if k not in drop], added)


# "through the capital", "beyond the capital": no country named with it
_BARE_CAPITAL = re.compile(r"\b[Tt]he capital\b(?!\s*(?:,\s*[A-Z]|of\b|city\b|[A-Z]))")


def _with_bare_capital(text: str, out: list[PlaceMention]) -> list[PlaceMention]:
    """"marched through the capital" in a report that names one national capital (London,
    in "set off from Marble Arch in West London") is that capital; a report naming two
    capitals, or none, leaves "the capital" unplaced."""
    capitals = {c.geonameid: c for m in out for c in m.candidates[:3]
                if c.feature == "PPLC"}
    if len(capitals) != 1:
        return out
    [capital] = capitals.values()
    added = []
    for m in _BARE_CAPITAL.finditer(text):
        if any(p.span.start < m.end() and m.start() < p.span.end for p in out):
            continue
        added.append(PlaceMention(span=Span(m.start(), m.end(), m.group(0), STAGE),
                                  name=capital.name, kind="city", cue="capital",
                                  candidates=(capital,), key=name_key(capital.name)))
    return _with_added(out, added)


_NATIONAL_AREA = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:cities|towns|villages|regions|territory|soil|airspace|ports"
    r"|(?:energy\s+)?(?:infrastructure|facilities|grid))\b")


def _with_national_areas(text: str, out: list[PlaceMention], gaz: Gazetteer
                         ) -> list[PlaceMention]:
    """"attacks on Ukrainian cities", "across Russian territory": the country, as a place of
    country precision (for a nationwide salvo that names no town)."""
    if not any(w in text for w in ("cities", "towns", "villages", "regions", "territory", "soil",
                                   "airspace", "ports", "infrastructure", "facilities", "grid")):
        return out
    added = []
    for m in _NATIONAL_AREA.finditer(text):
        hit = _demonym_capitals().get(m.group(1).lower())
        if hit is None:
            continue
        entry = gaz.country_entry(hit[0])
        if entry is None:
            continue
        s, e = m.start(), m.end()
        if any(p.span.start < e and s < p.span.end for p in out):
            continue
        added.append(PlaceMention(span=Span(s, e, text[s:e], STAGE), name=entry.name,
                                  kind="country", cue="demonym", candidates=(entry,),
                                  key=name_key(entry.name)))
    return _with_added(out, added)


def _prev_words(toks, keys, i: int, k: int = 3) -> list[str]:
    out = []
    j = i - 1
    while j >= 0 and len(out) < k:
        w = keys[j]
        if w not in ("the", "a", "an"):
            out.append(w)
        j -= 1
        if j >= 0 and not toks[j + 1][2].islower() and out and len(out) == 1 and _is_cap(toks[j + 1][2]):
            break
    return out[::-1]


def _title_case_tokens(text: str, toks) -> set[int]:
    """Indexes of tokens on lines written in title case ("Army Units Take Two Villages Near
    The Front"), where a capital says nothing of a name."""
    out: set[int] = set()
    line_start = 0
    line: list[int] = []

    def close() -> None:
        words = [toks[k][2] for k in line if len(toks[k][2]) >= 4
                 and toks[k][2].lower() not in _TITLE_LOWER]
        if len(words) >= 3 and all(w[0].isupper() for w in words):
            out.update(line)

    for k, (a, _b, _t) in enumerate(toks):
        nl = text.rfind("\n", line_start, a)
        if nl != -1:
            close()
            line = []
            line_start = nl + 1
        line.append(k)
    close()
    return out


_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around"})
# a military unit's word right before a name in quotes or not: "Assault Regiment “Skala”",
# "the Brigade Rubizh" (units are named after towns, rivers and legends)
_UNIT_NAME_BEFORE = re.compile(r"\b(?:[Rr]egiment|[Bb]rigade|[Bb]attalion|[Dd]etachment|"
                               r"[Ss]quadron|[Cc]orps)\s*[\"“«'‘]?\s*$")
_STREET_AFTER = frozenset({"square", "street", "avenue", "boulevard", "lane", "prospekt",
                           "prospect"})


def _accept(gaz: Gazetteer, lx: _Lex, text: str, toks, keys, i: int, j: int, key: str,
            sent_start: bool, all_caps_text: bool, persons: set[str], *,
            title_case: bool = False) -> PlaceMention | None:
    ids, alias = gaz.ids_for_key(key)
    single = i == j
    n = len(toks)
    if _UNIT_NAME_BEFORE.search(text, max(0, toks[i][0] - 40), toks[i][0]):
        return None  # "the 425th Assault Regiment “Skala”": a unit's name, not the town
    # ---- what the wording around says
    nxt = j + 1
    after_kind = after_word = None
    if nxt < n and text[toks[j][1]:toks[nxt][0]] in (" ", "-") and not _POSS.search(toks[j][2]):
        w = keys[nxt]
        two = f"{w} {keys[nxt + 1]}" if nxt + 1 < n else ""
        if two in lx.after_kind:
            after_kind, after_word, nxt_end = lx.after_kind[two], two, toks[nxt + 1][1]
        elif w in lx.after_kind:
            after_kind, after_word, nxt_end = lx.after_kind[w], w, toks[nxt][1]
    if after_kind is None:  # "the Kherson and Zaporizhzhia regions"
        k = j + 1
        if k < n and keys[k] == "and" or (k < n and text[toks[j][1]:toks[k][0]].strip() == ","):
            for m in range(k + 1, min(n, k + 9)) if not _POSS.search(toks[j][2]) else ():
                if keys[m] in ("regions", "oblasts", "provinces", "districts", "raions"):
                    after_kind, after_word = lx.after_kind.get(keys[m], None), keys[m]
                    break
                if not _is_cap(toks[m][2]) and keys[m] not in ("and",):
                    break
    if nxt < n and text[toks[j][1]:toks[nxt][0]] == " " and keys[nxt] in _STREET_AFTER and \
            _is_cap(toks[nxt][2]) and not toks[nxt][2].isupper():
        return None  # "gathered in Bedford Square", "on Kyiv Street": a street or square
        #              named after the town, not the town
    prev = _prev_words(toks, keys, i)
    if i > 0 and keys[i - 1] in _FEATURE_BEFORE and _is_cap(toks[i - 1][2]) and \
            text[toks[i - 1][1]:toks[i][0]] == " ":
        return None  # "the shores of Lake Chad", "Mount Hermon": a feature, not the country
    if i > 0 and keys[i - 1] in _OUTLET_BEFORE and text[toks[i - 1][1]:toks[i][0]] == " ":
        return None  # "the opposition newspaper La Prensa", "the daily El Tiempo": the name
        #              of an outlet, not the hamlet of that name
    if nxt < n and text[toks[j][1]:toks[nxt][0]] == " " and keys[nxt] in _OUTLET_AFTER:
        return None  # "the Mehr news agency", "Petra agency": an outlet, not the town
    before_cue = None
    for size in (3, 2, 1):
        if len(prev) >= size:
            phrase = " ".join(prev[-size:])
            if phrase in lx.city_before or phrase in lx.before:
                before_cue = phrase
                break
    city_before = before_cue is not None and before_cue.split(" of")[0] in lx.city_before
    # ---- who may this be
    cands = [e for e in (gaz.entry(g) for g in ids) if e is not None]
    if not cands:
        return None
    explicit = after_kind is not None or city_before or bool(
        _SEAT_APPOSITION.match(text, toks[j][1]))  # "Maykop, the capital of ..."
    if not alias:
        first_tok = toks[i][2]
        if single and (key in lx.stop or key in lx.titles or key in lx.demonyms
                       or key in lx.directions):
            return None
        if not single and all(k in lx.stop or k in lx.particles or k in lx.directions
                              for k in keys[i:j + 1]):
            return None
        # part of a person's name: after a title or another capitalised word (not in a
        # title-case headline, where every word has a capital)
        if i > 0 and text[toks[i - 1][1]:s_(toks, i)] in (" ",) and _is_cap(toks[i - 1][2]) \
                and not (title_case and keys[i - 1] not in lx.titles):
            pk = keys[i - 1]
            pbase = pk.split(" ")[-1]
            if pk in lx.titles:
                return None
            if not (pk in lx.stop or pk in lx.directions or pk in lx.demonyms
                    or pbase in lx.demonyms or toks[i - 1][2].split("-")[-1].islower()
                    or (gaz.has_key(pk) and sent_start_word(text, toks, i - 1))
                    or (sent_start_word(text, toks, i - 1) and pk in lx.common)
                    or _POSS.search(toks[i - 1][2]) or toks[i - 1][2].isupper()):
                persons.add(key)  # "Sergei Lavrov": later "Lavrov" alone is no place either
                return None
        if single and key in persons and not (explicit or before_cue in _PLACE_PREPOSITIONS):
            return None  # (a name once read as a person's, "Ruined Kupiansk building" in a
            #              caption, is still a place "in the city of Kupiansk" or "in Kupiansk")
        # followed by an organisation word ("Kyiv Post") or by a capitalised word that is no
        # place and no cue ("Jordan Peterson") for a minor place
        if nxt < n and text[toks[j][1]:toks[nxt][0]] == " " and keys[nxt] in _UNIT_NAMES:
            return None  # "the Zapad group", "the Vostok battlegroup": a military formation
        if nxt < n and text[toks[j][1]:toks[nxt][0]] == " " and _is_cap(toks[nxt][2]) \
                and after_kind is None and not toks[nxt][2].isupper():
            nk = keys[nxt]
            if nk in lx.org_suffixes:
                return None
            if nk not in lx.titles and nk not in lx.stop and nk not in lx.directions \
                    and not _POSS.search(toks[j][2]) and not title_case:
                persons.add(nk)  # "Vladimir Putin", "Israel Katz"
                return None
        if single and sent_start and not explicit and _PERSON_APPOSITION.match(text, toks[j][1]):
            persons.add(key)
            return None  # "Shirin, originally from Afrin, described ...": a person
        if _NUMBERED_AREA.match(text, toks[j][1]):
            return None  # "the Bir 12 area", "Block 4 camp": a numbered sector's
            #              label, not the town of that name
        upper = first_tok.isupper() and len(first_tok) > 1
        if upper and single and len(first_tok) <= 6 and text[max(0, toks[i][0] - 1):toks[i][0]] \
                == "(" and text[toks[j][1]:toks[j][1] + 1] == ")":
            persons.add(key)  # (and later "NISA said" is the agency too)
            return None  # "Security Agency (NISA)": an acronym, not the town of Nisa
        if single and not explicit and i >= 2 and text[toks[i - 1][1]:toks[i][0]] == " (" \
                and text[toks[j][1]:toks[j][1] + 1] == ")" and _is_cap(toks[i - 1][2]) \
                and _is_cap(toks[i - 2][2]) and text[toks[i - 2][1]:toks[i - 1][0]] == " ":
            persons.add(key)
            return None  # "Major Hassan Mohamed Osman (Ture)": a nickname in brackets
            #              after a person's name, not the village of that name
        if (single and key in lx.common and not explicit) or (upper and not explicit) or (
                all_caps_text and not explicit):
            floor = HUGE_PLACE if sent_start and not upper else BIG_PLACE
            if before_cue in ("in", "near", "outside", "around", "towards", "toward") \
                    and not sent_start and not upper:
                floor = 5_000  # "mass graves in Liman": a capitalised word after "in"
            if upper and not (single and key in lx.common):
                floor = 10_000
            if upper and single and key in lx.common and (
                    i > 0 and toks[i - 1][2].isupper()
                    and text[toks[i - 1][1]:toks[i][0]] == " "
                    or nxt < n and toks[nxt][2].isupper()
                    and text[toks[j][1]:toks[nxt][0]] == " "):
                # an English word inside a capitals headline ("PROTESTS TURN VIOLENT", "IN THE
                # CAPITAL") is that word: a country ("CHAD") or a town of that very name, not
                # a town that has it among its alternate names nor a region so called (a
                # capitals dateline's own name, "GENEVA, Aug. 15", stands alone)
                cands = [e for e in cands if e.kind == "country"
                         or e.kind == "city" and name_key(e.name) == key]
            region_ok = before_cue in ("in", "across", "throughout") and not sent_start
            cands = [e for e in cands if e.population >= floor and e.kind != "admin1"
                     or e.kind == "country"
                     or region_ok and e.kind == "admin1" and e.population >= HUGE_PLACE]
            # ("ended in Alaska": a large region after "in" is a place, though "Alaska" is
            # also in the English word list)
            if not cands:
                return None
    # ---- a capital standing for its government: "Kiev forces' shelling", "Moscow's troops"
    # (the capital city decides, not a bigger admin1 of the same name: "the Kyiv regime")
    towns = [e for e in cands if e.kind == "city"]
    if not explicit and nxt < n and keys[nxt] in _METONYM_HEADS and towns and \
            max(towns, key=lambda e: e.population).feature == "PPLC":
        return None
    # ---- narrow by the wording ("Donetsk Oblast" matched as one name)
    inner_cue = None
    if i < j and keys[j] in lx.after_kind:
        inner_cue = keys[j]
        if after_kind is None:
            after_kind = lx.after_kind[keys[j]]
    kind = after_kind
    if kind is None and city_before:
        kind = "city"
    if kind is None and (before_cue in lx.admin1_before or _REGIONS_OF_LIST.search(
            text, max(0, toks[i][0] - 160), toks[i][0])):
        kind = "admin1"  # "the Russian border region of Belgorod", "the regions of Belgorod,
        #                  Bryansk and Kursk"
    if kind is not None:
        same = [e for e in cands if e.kind == kind]
        if not same and kind == "admin1" and after_kind is None:
            # "the regions of Belgorod, Bryansk and Kursk": the region the gazetteer names
            # with its unit word ("Kursk Oblast") though the bare name is only the city
            same = [e for w in ("region", "oblast", "province") for e in gaz.lookup(
                f"{key} {w}") if e.kind == "admin1"][:1]
        if not same and kind in ("admin1", "admin2") and after_kind is not None:
            same = _district_of_town(gaz, key)
            if same:
                kind = "admin2"
        if kind == "admin2" and not same and _ADJECTIVAL.search(key) and not any(
                e.kind == "city" and (e.feature in ("PPLA", "PPLA2") or e.population >= 10_000)
                for e in cands):
            return None  # "the Kyivskyi district" of a city: an adjectival district name is
            #              no village's (the Poltava village of Kyivskyi is not meant; but
            #              "the Novhorod-Siverskyi district" is the raion of that town)
        if kind == "admin2" and not same:
            if nxt + 1 < n and keys[min(nxt + 1, n - 1)] == "of" and not any(
                    keys[k] in _REGION_WORDS for k in range(nxt + 2, min(n, nxt + 6))):
                return None  # "Kirovsky district of Donetsk": a city district, not a place here
            #               (but "the Kupiansk district of the Kharkiv region" is a raion,
            #               placed at its town)
            same = [e for e in cands if e.kind == "city"]
        if same:
            cands = same
        else:  # "Ukraine village": the type word does not fit this name
            kind, after_word, after_kind = None, None, None
    if kind is None:
        non2 = [e for e in cands if e.kind != "admin2"]
        cands = non2 or cands
        if all(e.kind == "country" for e in cands):
            kind = "country"
    start = toks[i][0]
    end = toks[j][1]
    full = _POSS.sub("", text[start:end])
    end = start + len(full)
    name_text = text[start:toks[j - 1][1]] if inner_cue else full
    span_end = end
    if after_word and after_kind and " " not in after_word and keys[j + 1] == after_word:
        span_end = toks[j + 1][1]
    surface = text[start:span_end]
    cue = after_word or inner_cue or before_cue
    return PlaceMention(span=Span(start, span_end, surface, STAGE), name=name_text, kind=kind,
                        cue=cue, candidates=tuple(cands), key=key)


_RAION_SUFFIXES = ("skiy", "sky", "skii", "skyi")
_FEATURE_BEFORE = frozenset({"lake", "mount", "mt", "river", "cape"})
_OUTLET_BEFORE = frozenset({"newspaper", "newspapers", "daily", "weekly", "paper", "tabloid",
                            "magazine", "broadcaster", "channel", "outlet", "website"})
_OUTLET_AFTER = frozenset({"news", "agency"})
_ADJECTIVAL = re.compile(r"(?:skyi|skiy|skii|sky|ska|ske|skoye|skoe|tskyi|zkyi|zkiy)$")
# a list of regions after a plural unit word: each of "the regions of Belgorod, Bryansk and
# Kursk" is a region
_REGIONS_OF_LIST = re.compile(
    r"\b(?:regions|provinces|oblasts|governorates|states)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$")
_REGION_WORDS = frozenset({"region", "oblast", "province", "krai", "republic"})


def _district_of_town(gaz: Gazetteer, key: str) -> list[Entry]:
    """"the Borisov region", "Pokrovsk district": a Russian or Ukrainian raion translated by
    the town it is named after (Borisovskiy raion, Pokrovskyi raion). The adjectival unit,
    when the gazetteer has one; the town's own namesakes elsewhere are not meant."""
    if " " in key or len(key) < 4:
        return []
    stems = {key, key[:-1]} if key[-1] in "aeiouy" else {key}
    out: list[Entry] = []
    for stem in sorted(stems):
        for suffix in _RAION_SUFFIXES:
            out += [e for e in gaz.lookup(stem + suffix) if e.kind == "admin2" and e not in out]
    return out


def s_(toks, i: int) -> int:
    return toks[i][0]


def sent_start_word(text: str, toks, i: int) -> bool:
    if i == 0:
        return True
    g = text[toks[i - 1][1]:toks[i][0]]
    return any(c in g for c in ".!?\n:;\"“—–")
