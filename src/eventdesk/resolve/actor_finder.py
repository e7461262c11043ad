"""Matching actor mentions in text with the actor dictionary (see :mod:`.actors`).

One pass over the tokens finds the longest dictionary phrase at each position (a trie
walk, not a regex per entry); a second pass over those matches builds chains

    [owner] ['s] [modifier]* [role]* [named entity] [role]* [personal name]

("Ukraine's air force", "Russian Foreign Minister Sergei Lavrov", "Sudan's paramilitary
Rapid Support Forces", "M23 fighters", "regional governor Oleh Kiper"); a last pass links
later surname-only mentions ("Kiper said") to people named earlier in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventdesk.records import Span

if TYPE_CHECKING:  # pragma: no cover
    from eventdesk.resolve.actors import ActorDictionary, ActorMention, Entry

TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+|[^\w\s]")
DATELINE_RE = re.compile(r"\s(?:\u2014|\u2013|--|-)\s|\(Reuters\)|\(AP\)|\(AFP\)")
COUNTRYISH = frozenset({"country", "capital", "demonym", "region"})
# "Moscow's incessant bombardment": up to three lower-case words after the possessive
_POSSESSIVE_TAIL = re.compile(r"['’]s((?:\s+[a-z][a-z-]*){1,3})")
# nouns of a part of a place: "Kyiv's suburbs", "Moscow's outskirts"
_PLACE_PARTS = frozenset({"suburb", "suburbs", "outskirts", "district", "districts", "centre",
                          "center", "region", "regions", "province", "oblast", "airport",
                          "streets", "street", "neighbourhood", "neighborhood", "neighbourhoods",
                          "neighborhoods", "port", "border", "borders", "territory", "capital",
                          "city", "south", "north", "east", "west", "frontline", "coast",
                          "downtown", "residential", "area", "areas", "villages", "towns",
                          "skies", "airspace"})
# "Russian territory", "Ukrainian waters": nouns of an area a demonym can stand before
_DEMONYM_AREAS = frozenset({"territories", "waters", "soil", "land", "lands", "side", "sea",
                            "zone", "zones", "positions", "lines", "rear", "regions", "town",
                            "cities", "village", "settlement", "settlements", "base", "bases",
                            "frontier", "hinterland", "interior", "part", "parts", "hands",
                            "control", "sector"})
# words of an attack a country's name can modify: "Israel strike", "US drone attack"
_ACT_NOUNS = frozenset({"strike", "strikes", "airstrike", "airstrikes", "attack", "attacks",
                        "raid", "raids", "shelling", "bombardment", "bombing", "bombings",
                        "offensive", "assault", "assaults", "incursion", "barrage", "drone",
                        "drones", "missile", "missiles", "rocket", "rockets", "air"})
# up to two lower-case words after a demonym, or a hyphen ("Russian-held")
_DEMONYM_TAIL = re.compile(r"(-)?\s*((?:[a-z][a-z]*\s*){0,2})")
_AREA_ADJECTIVES = frozenset({"eastern", "western", "northern", "southern", "central",
                              "northeastern", "northwestern", "southeastern", "southwestern",
                              "north-eastern", "north-western", "south-eastern", "south-western",
                              "occupied", "war-torn", "embattled", "frontline", "front-line",
                              "neighbouring", "neighboring", "rebel-held", "separatist-held"})
# nouns that stand in apposition before a town's name ("the capital Tbilisi")
_APPOSED_PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "port", "settlement",
                                  "hub", "enclave", "stronghold"})
# nouns after a demonym that make it a place, not a party
PLACE_NOUNS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces",
                         "city", "cities", "town", "towns", "village", "villages", "territory",
                         "territories", "soil", "airspace", "border", "borders", "coast",
                         "port", "ports", "capital", "frontier", "countryside"})
NAMED = frozenset({"person", "org", "group", "force", "institution"})
COORD = frozenset({"and", "or", ","})


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for words, initialisms ("U.S.") and single punctuation marks."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def surname_of(full: str, particles: frozenset[str] = frozenset(
        {"al", "el", "ad", "bin", "ibn", "abu", "von", "der", "van", "de", "den", "du",
         "da", "di", "la", "le", "ag", "ould"})) -> list[str]:
    """The forms a person's surname takes alone: "Zelensky"; "al-Burhan" and "Burhan";
    "von der Leyen"; "Thomas-Greenfield"."""
    from eventdesk.resolve.actors import fold

    toks = tokenize(full)
    words = [k for k, (_, _, t) in enumerate(toks) if t[:1].isalnum()]
    if len(words) < 2:
        return []
    last = words[-1]
    start = last
    while start >= 2 and toks[start - 1][2] == "-" and toks[start - 2][2][:1].isalnum():
        start -= 2
    core = full[toks[start][0]:toks[last][1]]
    out = [core]
    k = start
    while k >= 1:
        prev = toks[k - 1][2]
        if prev == "-" and k >= 2 and fold(toks[k - 2][2]) in particles:
            k -= 2
        elif fold(prev) in particles:
            k -= 1
        else:
            break
    if k < start and k > 0:
        out.append(full[toks[k][0]:toks[last][1]])
    return out


# words after "<state>-" that make the state a patron of the role word, not its country
# ("Rwanda-backed rebels", "Ankara-aligned forces"); events.py reads the same list
PATRON_WORDS = frozenset({"backed", "aligned", "allied", "loyal", "sponsored", "supported",
                          "funded", "armed"})
PROXY_AFFILIATIONS = PATRON_WORDS & {"aligned", "allied", "loyal"}  # (in roles.yaml affiliations)
# two-word phrases whose words are role words elsewhere ("the general said", "strikes
# killed") but here name no party: a labour action, a vote, an assembly, everyone
NO_ACTOR_PHRASES = frozenset({
    ("general", "strike"), ("general", "strikes"), ("hunger", "strike"), ("hunger", "strikes"),
    ("general", "election"), ("general", "elections"), ("general", "public"),
    ("general", "population"), ("general", "amnesty"), ("national", "strike"),
    ("labour", "strike"), ("labor", "strike"), ("warning", "strike")})
# words after "<state>-" that tell where a thing was made or came from: the state is no
# party of what is done with it ("a Czech-supplied launcher", "US-made missiles")
ORIGIN_WORDS = frozenset({"supplied", "made", "built", "manufactured", "designed", "produced",
                          "provided", "donated", "developed", "delivered", "sourced"})


@dataclass(slots=True)
class _Lex:
    i: int  # first token
    j: int  # one past the last token
    entry: "Entry"


def _case_ok(toks: list[tuple[int, int, str]], i: int, rules: tuple[int, ...]) -> bool:
    for k, rule in enumerate(rules):
        if rule == 0:
            continue
        tok = toks[i + k][2]
        if rule == 1 and not tok[:1].isupper():
            return False
        if rule == 2 and not tok.isupper():
            return False
    return True


def _rebel_force(roles: list["_Lex"], keys: list[str]) -> str | None:
    """"rebel forces", "resistance forces", "Syrian opposition militia fighters": a force
    noun after a word of a non-state armed group is that group's (REB), not an army's."""
    if len(roles) > 1 and roles[-1].entry.sector == "MIL" and \
            any(r.entry.sector == "REB" and " ".join(keys[r.i:r.j]) in REBEL_WORDS
                for r in roles[:-1]):
        return "REB"
    return None


# group words that make a following force noun a non-state one ("paramilitary rangers" are
# often a state's own)
REBEL_WORDS = frozenset({"rebel", "rebels", "resistance", "insurgent", "insurgents",
                         "guerrilla", "guerrillas", "separatist", "separatists", "jihadist",
                         "jihadists", "militant", "militants", "islamist"})


def _is_role(entry: "Entry") -> bool:
    return entry.id.startswith("role:")


class _Finder:
    def __init__(self, d: "ActorDictionary", text: str) -> None:
        from eventdesk.resolve.actors import fold

        self.d = d
        self.text = text
        self.toks = tokenize(text)
        self.keys = [fold(t) for _, _, t in self.toks]
        self.n = len(self.toks)
        self.lex: list[_Lex] = []
        self.lex_at: dict[int, _Lex] = {}

    # ------------------------------------------------------------ pass 1: phrases
    def scan(self) -> None:
        d, keys, toks, n = self.d, self.keys, self.toks, self.n
        i = 0
        while i < n:
            if i + 1 < n and (keys[i], keys[i + 1]) in NO_ACTOR_PHRASES:
                i += 2  # "called a general strike", "on hunger strike": no party
                continue
            best: tuple[int, Entry] | None = None
            key: tuple[str, ...] = ()
            j = i
            while j < n:
                key = key + (keys[j],)
                if key not in d.prefixes:
                    break
                for entry, rules in d.phrases.get(key, ()):
                    if _case_ok(toks, i, rules):
                        best = (j + 1, entry)
                        break
                j += 1
            if best:
                lex = _Lex(i, best[0], best[1])
                self.lex.append(lex)
                self.lex_at[i] = lex
                i = best[0]
            else:
                i += 1

    # ------------------------------------------------------------ helpers
    def _modifier_end(self, p: int) -> int:
        """End of the modifier phrase at token p (p itself when there is none)."""
        for size in range(min(self.d.max_modifier, self.n - p), 0, -1):
            if tuple(self.keys[p:p + size]) in self.d.modifiers:
                return p + size
        return p

    def _possessive(self, p: int) -> int:
        if p + 1 < self.n and self.keys[p] == "'" and self.keys[p + 1] == "s":
            return p + 2
        return p

    def _name_after(self, p: int) -> int:
        """End of an unknown personal name starting at token p (p when there is none)."""
        toks, keys, d = self.toks, self.keys, self.d
        q, last_cap = p, p
        while q < self.n and q - p < 7:
            tok = toks[q][2]
            if q in self.lex_at and self.lex_at[q].entry.kind != "person":
                break
            given = (q == p and keys[q] in d.given_names and q + 1 < self.n
                     and toks[q + 1][2][:1].isupper() and keys[q + 1] not in d.not_names)
            if tok[:1].isupper() and tok[:1].isalpha() and (keys[q] not in d.not_names or given):
                if q > p and toks[q][0] - toks[q - 1][1] > 1:
                    break
                q += 1
                last_cap = q
                continue
            if keys[q] in d.name_particles and q + 1 < self.n:
                q += 1
                continue
            if tok == "-" and q > p and toks[q][0] == toks[q - 1][1] and q + 1 < self.n \
                    and toks[q + 1][0] == toks[q][1]:
                q += 1
                continue
            break
        return last_cap

    def _adjectival(self, role: _Lex) -> bool:
        """A role word used as an adjective: "military" in "military facilities"."""
        if tuple(self.keys[role.i:role.j]) not in self.d.modifiers or role.j >= self.n:
            return False
        nxt = self.toks[role.j][2]
        return (nxt[:1].islower() and nxt.isalpha() and not nxt.endswith("ed")
                and self.keys[role.j] not in self.d.subject_followers
                and role.j not in self.lex_at)

    def _head(self, i: int, j: int) -> tuple[int, int]:
        """Offsets of the last word token in tokens [i, j)."""
        for k in range(j - 1, i - 1, -1):
            if self.toks[k][2][:1].isalnum():
                return (self.toks[k][0], self.toks[k][1])
        return (self.toks[i][0], self.toks[j - 1][1])

    def _locative(self, i: int, dateline_end: int) -> bool:
        if self.toks[i][0] < dateline_end:
            return True
        k = i - 1
        if k >= 0 and self.keys[k] == ",":
            k -= 1
        # a place noun in apposition before the name: "in the capital, Nairobi", "at the
        # southern port city Odesa"
        if k >= 0 and self.keys[k] in _APPOSED_PLACE_NOUNS:
            while k >= 0 and self.keys[k] in _APPOSED_PLACE_NOUNS:
                k -= 1
            lex = next((x for x in self.lex if x.j == k + 1), None)
            if lex is not None and lex.entry.kind == "demonym":
                k = lex.i - 1  # "in the Lebanese capital, Beirut"
        if k >= 0 and self.keys[k] in _AREA_ADJECTIVES:
            k -= 1  # "in eastern Ukraine", "across occupied Crimea"
        if k >= 0 and self.keys[k] in ("the", "a", "an"):
            k -= 1
        return k >= 0 and self.keys[k] in self.d.locatives

    def _before_act_noun(self, end: int) -> bool:
        """A word of an attack follows the name: "Israel strike", "Russia drone attack"."""
        m = _DEMONYM_TAIL.match(self.text, end)
        assert m is not None
        words = m.group(2).split()
        return not m.group(1) and bool(words) and words[0].lower() in _ACT_NOUNS

    def _before_place_noun(self, end: int) -> bool:
        """The words after a demonym name an area ("Russian territory", "Ukrainian-held
        villages"), so a preposition before it is locative."""
        m = _DEMONYM_TAIL.match(self.text, end)
        assert m is not None  # (every part of the pattern is optional)
        if m.group(1):
            return True  # "Russian-occupied", "Ukrainian-held"
        return any(w.lower() in _PLACE_PARTS | _DEMONYM_AREAS for w in m.group(2).split())

    def _acting_possessive(self, end: int) -> bool:
        """A name followed by "'s" and a lower-case noun phrase that is no part of a place
        acts, whatever preposition stands before it: "in response to Moscow's bombardment"
        (not "in Kyiv's suburbs", "in Russia's Kursk region")."""
        m = _POSSESSIVE_TAIL.match(self.text, end)
        return m is not None and not any(w.lower() in _PLACE_PARTS for w in m.group(1).split())

    # ------------------------------------------------------------ pass 2: chains
    # (a state before "-aligned"/"-allied"/"-loyal" is a patron, like one before "-backed":
    # "Ankara-aligned forces" are not Turkey's army; "Al Qaeda-aligned militants" are its own)
    def chains(self, context: str | None, dateline_end: int) -> list["ActorMention"]:
        from eventdesk.resolve.actors import STAGE, ActorMention

        d, keys, lex_at = self.d, self.keys, self.lex_at
        out: list[ActorMention] = []
        idx = 0
        covered_until = 0
        for lex in self.lex:
            if lex.i < covered_until:
                continue
            start, entry = lex.i, lex.entry
            owner = None if _is_role(entry) else entry
            roles: list[_Lex] = [lex] if owner is None else []
            named: _Lex | None = lex if owner and entry.kind in NAMED else None
            p = lex.j
            affil = False
            if owner is not None and p + 1 < self.n and keys[p] == "-" \
                    and self.toks[p][0] == self.toks[p - 1][1]:
                # compound adjective: "Al Qaeda-linked militants", "Rwanda-backed M23"
                if keys[p + 1] in d.affiliations and not (
                        keys[p + 1] in PROXY_AFFILIATIONS and owner.kind in COUNTRYISH):
                    affil, p = True, p + 2
                elif keys[p + 1] in ORIGIN_WORDS:
                    covered_until = p + 2  # "a Czech-supplied rocket launcher", "US-made
                    continue  #               missiles": where a weapon came from, no party
                else:
                    out.append(self._mention(start, lex.j, owner, [], None, None, context,
                                             dateline_end))
                    covered_until = lex.j
                    continue
            end = lex.j
            while p < self.n:
                q = self._possessive(p) if (roles or named or owner) else p
                r = q
                # (after a role, the next role must follow at once: in "Russian shelling
                # wounded two women" the modifiers "wounded two" do not join the women to it)
                while r < self.n and r not in lex_at and not (roles and q == p):
                    m = self._modifier_end(r)
                    if m == r:
                        break
                    r = m
                nxt = lex_at.get(r)
                if nxt is None:
                    break
                e = nxt.entry
                if _is_role(e) and tuple(keys[nxt.i:nxt.j]) in d.modifiers \
                        and nxt.j in lex_at and not _is_role(lex_at[nxt.j].entry):
                    p = nxt.j  # "paramilitary" in "Sudan's paramilitary Rapid Support Forces"
                    continue
                if _is_role(e):
                    roles.append(nxt)
                    p = end = nxt.j
                    continue
                if e.kind in NAMED and named is None and not roles and \
                        not (e.kind == "org" and e.sector == "IGO" and owner
                             and owner.kind in COUNTRYISH and q > p):
                    if e.kind == "person" or (owner is None or owner.kind in COUNTRYISH
                                              or owner.kind == "region"):
                        named = nxt
                        p = end = nxt.j
                        continue
                if e.kind == "person" and roles and roles[-1].entry.person and r == p:
                    named = nxt
                    p = end = nxt.j
                    break
                break
            if roles and self._adjectival(roles[-1]):
                roles.pop()  # "military facilities", "Russian drone debris"
                end = roles[-1].j if roles else (named.j if named else lex.j)
                if owner is not None and not roles and named is None:
                    end = lex.j
            # a personal name after a title: "Governor Vitaliy Kim", "Mayor Ihor Terekhov"
            unknown: tuple[int, int] | None = None
            if roles and roles[-1].entry.person and (named is None or named is owner) \
                    and end == roles[-1].j:
                name_end = self._name_after(end)
                if name_end > end:
                    unknown = (end, name_end)
                    end = name_end
            if owner is None and not unknown and all(r_.entry.needs_owner for r_ in roles):
                continue
            if owner is not None and owner.kind == "region" and not roles and not unknown:
                continue
            if owner is not None and owner.kind == "region" and roles and named is None and \
                    all(r_.entry.needs_owner for r_ in roles):
                continue  # "the latest Kharkiv attack", "the Belgorod shelling": the region is
                #           where the attack fell, not who made it
            if owner is not None and owner.kind == "demonym" and not roles and named is None \
                    and not unknown and lex.j < self.n and keys[lex.j] in PLACE_NOUNS:
                continue  # "the Russian border region of Belgorod", "Ukrainian cities": a place
            if affil and not roles and named is lex:
                end = lex.j
            coord_role = None
            if owner is not None and not roles and owner.kind in ("demonym", "country") \
                    and end < self.n and keys[end] in COORD:
                coord_role = self._coordinated_role(end + 1)
            out.append(self._mention(start, end, owner, roles, named, unknown, context,
                                     dateline_end, coord_role=coord_role))
            covered_until = end
            idx += 1
        return out

    def _coordinated_role(self, p: int) -> _Lex | None:
        """The role after "and"/"or" in "Russian and Ukrainian delegations"."""
        lex = self.lex_at.get(p)
        if lex is not None and lex.entry.kind in ("demonym", "country"):
            p = lex.j
        while p < self.n and p not in self.lex_at:
            m = self._modifier_end(p)
            if m == p:
                break
            p = m
        nxt = self.lex_at.get(p)
        return nxt if nxt is not None and _is_role(nxt.entry) else None

    def _mention(self, i: int, j: int, owner: "Entry | None", roles: list[_Lex],
                 named: _Lex | None, unknown: tuple[int, int] | None, context: str | None,
                 dateline_end: int, coord_role: _Lex | None = None) -> "ActorMention":
        from eventdesk.resolve.actors import STAGE, ActorMention

        d, toks = self.d, self.toks
        s, e = toks[i][0], toks[j - 1][1]
        span = Span(s, e, self.text[s:e], STAGE)
        loc = self._locative(i, dateline_end) and not self._acting_possessive(e)
        role = roles[-1].entry if roles else None
        if named is not None and named.entry.kind == "person" and not unknown:
            p = named.entry  # (a person is never a place, whatever preposition precedes)
            return ActorMention(span, p.name, p.country, p.sector, "person", p.id,
                                self._head(named.i, named.j), False)
        if unknown is not None:
            name = self.text[toks[unknown[0]][0]:toks[unknown[1] - 1][1]]
            base = named.entry if named is not None else owner
            if base is not None and base.kind not in COUNTRYISH:
                country, sector = base.country, base.sector
            else:
                country = base.country if base is not None else context
                sector = role.sector if role and role.sector else "GOV"
            return ActorMention(span, name, country, sector, "person", None,
                                self._head(*unknown), loc)
        if named is not None:
            ent = named.entry
            head = self._head(roles[-1].i, roles[-1].j) if roles else self._head(named.i, named.j)
            return ActorMention(span, ent.name, ent.country, ent.sector, ent.kind, ent.id,
                                head, loc)
        if owner is not None and (roles or coord_role):
            r = roles[-1] if roles else coord_role
            assert r is not None
            role = r.entry
            head = self._head(r.i, r.j)
            text = " ".join(self.text[toks[r.i][0]:toks[r.j - 1][1]].lower().split())
            if owner.kind in COUNTRYISH:
                sector = _rebel_force(roles, self.keys) or role.sector or "GOV"
                name = f"{d.adjective(owner.country)} {text}"
            else:
                sector = owner.sector or role.sector
                name = owner.name if owner.kind != "person" else f"{owner.name} {text}"
            # an owner with a role ("a Ukrainian drone attack", "Russian forces") names a
            # party even after a preposition ("in the wake of a Russian missile strike",
            # "fighting with Russian forces"): only a bare name is read as a place there
            return ActorMention(span, name, owner.country, sector, role.kind, owner.id,
                                head, loc and owner.kind in COUNTRYISH and not roles)
        if owner is not None:
            head = self._head(i, j)
            if loc and owner.kind == "demonym" and not self._before_place_noun(e):
                loc = False  # "killed in a Russian attack": the attack's side, not a place
                #              (unlike "in Russian airspace", "in Russian-held villages")
            elif loc and owner.kind in ("country", "capital") and self._before_act_noun(e):
                loc = False  # "dead in Israel strike on the capital": a country's name used
                #              as the attack's modifier names its side
            return ActorMention(span, owner.name, owner.country, owner.sector, owner.kind,
                                owner.id, head, loc)
        assert role is not None
        text = " ".join(self.text[toks[roles[0].i][0]:toks[roles[-1].j - 1][1]].lower().split())
        country = context if role.local else None
        return ActorMention(span, text, country, _rebel_force(roles, self.keys) or role.sector, role.kind,
                            role.id, self._head(roles[-1].i, roles[-1].j), loc)

    # ------------------------------------------------------------ context country
    def dateline(self) -> tuple[int, str | None, str | None]:
        """(end offset, explicit country, capital country) of a "KYIV, May 16 —" dateline."""
        m = DATELINE_RE.search(self.text, 0, 160)
        if not m or not self.text[:8].strip()[:2].isupper():
            return 0, None, None
        explicit = capital = None
        for lex in self.lex:
            if self.toks[lex.i][0] >= m.start():
                break
            kind = lex.entry.kind
            if kind in ("country", "region") and explicit is None:
                explicit = lex.entry.country
            elif kind == "capital" and capital is None:
                capital = lex.entry.country
        return m.end(), explicit, capital

    def context_country(self, explicit: str | None, capital: str | None) -> str | None:
        if explicit:
            return explicit
        counts: Counter[str] = Counter()
        for lex in self.lex:
            c = lex.entry.country
            if c and lex.entry.kind in ("country", "capital", "region", "demonym"):
                counts[c] += 1
        if capital:
            counts[capital] += 2
        if not counts:
            return None
        return counts.most_common(1)[0][0]

    # ------------------------------------------------------------ pass 3: surnames
    def corefer(self, mentions: list["ActorMention"]) -> list["ActorMention"]:
        from eventdesk.resolve.actors import STAGE, ActorMention, fold

        d = self.d
        known: dict[tuple[str, ...], ActorMention] = {}
        for m in mentions:
            if m.kind != "person":
                continue
            forms: list[str] = []
            if m.entry_id and m.entry_id in d.doc_surnames:
                forms = [" ".join(k) for k in d.doc_surnames[m.entry_id]]
            elif m.entry_id is None:
                forms = surname_of(m.name, frozenset(d.name_particles))
            for form in forms:
                key = tuple(fold(t) for _, _, t in tokenize(form))
                known.setdefault(key, m)
        if not known:
            return mentions
        maxlen = max(len(k) for k in known)
        by_start = {self._tok_index(m.span.start): m for m in mentions}
        covered = [False] * self.n
        for m in mentions:
            a, b = self._tok_index(m.span.start), self._tok_index(m.span.end - 1)
            for k in range(a, b + 1):
                covered[k] = True
        out = list(mentions)
        replaced: set[int] = set()
        for i in range(self.n):
            if not self.toks[i][2][:1].isupper():
                continue
            for size in range(min(maxlen, self.n - i), 0, -1):
                key = tuple(self.keys[i:i + size])
                ref = known.get(key)
                if ref is None:
                    continue
                old = by_start.get(i)
                free = not any(covered[i:i + size])
                exact_other = (old is not None and old.kind != "person"
                               and self._tok_index(old.span.end - 1) == i + size - 1)
                if not (free or exact_other):
                    break
                s, e = self.toks[i][0], self.toks[i + size - 1][1]
                if ref.span.start == s:
                    break
                new = ActorMention(Span(s, e, self.text[s:e], STAGE), ref.name, ref.country,
                                   ref.sector, "person", ref.entry_id,
                                   (self.toks[i + size - 1][0], e), self._locative(i, 0))
                if exact_other:
                    replaced.add(id(old))
                out.append(new)
                break
        out = [m for m in out if id(m) not in replaced]
        out.sort(key=lambda m: m.span.start)
        return out

    def _tok_index(self, offset: int) -> int:
        lo, hi = 0, self.n - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.toks[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def find_mentions(d: "ActorDictionary", text: str, *,
                  context_country: str | None = None,
                  place_country: str | None = None) -> list["ActorMention"]:
    """Every actor mention in ``text`` (see :func:`eventdesk.resolve.actors.find_actors`)."""
    if not text:
        return []
    f = _Finder(d, text)
    f.scan()
    dateline_end, explicit, capital = f.dateline()
    context = context_country or explicit or place_country or f.context_country(
        explicit, capital)
    mentions = f.chains(context, dateline_end)
    return _definite_roles(text, f.corefer(mentions))


DEFINITE_ROLE_WINDOW = 400  # characters back to the role's first, fuller mention


def _definite_roles(text: str, mentions: list["ActorMention"]) -> list["ActorMention"]:
    """A bare role taken up with "the" ("a senior White House official said ... the senior
    official warned") is the one just named with its owner: it takes that owner's country
    and name, not the document's country that a bare local title would get."""
    from eventdesk.resolve.actors import ActorMention

    out = list(mentions)
    for k, m in enumerate(out):
        if not (m.entry_id or "").startswith("role:") or \
                not text[max(0, m.span.start - 4):m.span.start].lower().endswith("the "):
            continue
        head = m.span.text.lower().split()[-1]
        for prev in reversed(out[:k]):
            if m.span.start - prev.span.end > DEFINITE_ROLE_WINDOW:
                break
            if prev.span.end <= m.span.start and prev.country and \
                    not (prev.entry_id or "").startswith("role:") and \
                    prev.span.text.lower().split()[-1] == head:
                out[k] = ActorMention(m.span, prev.name, prev.country, prev.sector, m.kind,
                                      prev.entry_id, m.head, m.locative)
                break
    return out
