"""Casualties in a stretch of text: who was killed or injured, how many, and the exact words.

:func:`find_casualties` reads a sentence (or any character range of the document) and gives
one :class:`CasualtyMention` per statement of a toll:

- active clauses: "killing two people and wounding nine", "killed 11 civilians, including four
  children", "killing the driver and a paramedic", "killed a family of four";
- passive and reduced clauses: "six people were injured", "two men were reportedly killed",
  "a woman and her two children were killed", "left 11 people injured", "more than 70 killed",
  "one person was killed and another injured", "a six-year-old girl died from injuries";
- tolls: "the death toll rose to 9" (revised), "the number of Palestinians killed ... has risen
  to 23", "bringing the toll to 12", "... up from an initial count of nine" (revised);
- explicit zeros: "no casualties were reported" (killed and injured 0), "no one was killed"
  (killed 0 only), "there were no injuries" (injured 0);
- unknown counts: "dozens were injured", "drone strikes resulted in injuries" (count None).

Ages are never counts: "a three-year-old girl" is one child aged 3. Victims named after
"including" / "among them" are a breakdown of the count, not an addition. Statements about a
part of a toll given elsewhere ("both of the dead were port employees", "a woman and her son
were among the dead", "the dead included a 16-year-old boy") come back with ``subset=True``.
Totals over a long period ("since 2022", "since the war began") are flagged ``cumulative``.
Aggregating mentions into an event's figures is the caller's job; :func:`casualty_totals`
gives the simple rule used in evaluation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.extraction.numbers import NUMBER_RE, Token, qualifier_at, quantities, read_number, tokenize
from eventdesk.extraction.victim_phrases import (
    DETS, DETS_SINGULAR, PLURAL, STOP, VICTIM_KIND, _np_list, _np_start, _NP, _parse_np,
    victim_kind,
)
from eventdesk.records import Span, Victim

__all__ = ["CasualtyMention", "find_casualties", "casualty_totals", "victim_kind"]

STAGE = "extract.casualties"


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    outcome: str  # "killed" | "injured"
    count: int | None  # None = mentioned but unknown ("injuries", "dozens")
    span: Span  # the words that carry it
    victims: tuple[Victim, ...] = ()  # who they were; after "including": a breakdown
    qualifier: str = "exact"  # exact | at_least | more_than | about | none (explicit 0) | unknown
    revised: bool = False  # "the death toll rose to 9", "up from an initial count of nine"
    cumulative: bool = False  # totals over a long period ("since 2022")
    subset: bool = False  # part of a toll given elsewhere ("both of the dead", "among the dead")

    def to_dict(self) -> dict:
        return {"outcome": self.outcome, "count": self.count, "qualifier": self.qualifier,
                "revised": self.revised, "cumulative": self.cumulative, "subset": self.subset,
                "span": self.span.to_dict(), "victims": [v.to_dict() for v in self.victims]}


# ---------------------------------------------------------------- word lists
_Q = quantities()
CUMULATIVE_RE = re.compile("|".join(f"(?:{p})" for p in _Q["cumulative_markers"]), re.I)

KILL_ACTIVE = {"kill": "killed", "wound": "injured", "injure": "injured", "killing": "killed", "kills": "killed", "killed": "killed",
               "wounding": "injured", "wounds": "injured", "wounded": "injured",
               "injuring": "injured", "injures": "injured", "injured": "injured",
               "hurting": "injured", "hurt": "injured", "maiming": "injured",
               "executed": "killed", "executing": "killed", "beheaded": "killed",
               "beheading": "killed", "massacred": "killed", "massacring": "killed",
               "assassinated": "killed", "lynched": "killed"}
PARTICIPLES = {"killed": "killed", "dead": "killed", "wounded": "injured", "injured": "injured",
               "hurt": "injured", "hospitalised": "injured", "hospitalized": "injured",
               "treated": "injured", "maimed": "injured",
               # Pakistani, Iranian and Palestinian official usage: "were martyred" = killed
               "martyred": "killed",
               # killings by hand: "were executed / beheaded / massacred / assassinated"
               "executed": "killed", "beheaded": "killed", "massacred": "killed",
               "assassinated": "killed", "lynched": "killed"}
# military shorthand read as the words it stands for: "One KIA, two WIA"
SHORTHAND = {"kia": "killed", "wia": "wounded"}
DIED = frozenset({"died", "die", "dies", "perished", "succumbed", "succumbs"})
# verbs of "<verb> dead <victims>" ("shot dead two protesters") and of "were <verb> dead"
SHOT_DEAD = frozenset({"shot", "shoot", "shoots", "shooting", "stabbed", "beat", "beaten"})
# outcome nouns whose complement names the victims: "the deaths of", "injuries to"
OF_OUTCOME = {"death": ("killed", "of"), "deaths": ("killed", "of"),
              "martyrdom": ("killed", "of"),
              "injuries": ("injured", "to"), "injury": ("injured", "to")}
NOUN_OUTCOME = {"deaths": "killed", "fatalities": "killed", "bodies": "killed",
                "injuries": "injured", "wounds": "injured"}
AUX = frozenset({"was", "were", "been", "is", "are", "be", "being", "got", "get", "gets"})
AUX_SKIP = frozenset({"reportedly", "also", "later", "critically", "seriously", "badly",
                      "slightly", "lightly", "fatally", "mortally", "gravely", "severely",
                      "confirmed", "reported", "believed", "feared", "all", "both", "allegedly",
                      "subsequently", "initially", "injured", "wounded", "there", "have", "has",
                      "had", "since", "now", "each", "immediately", "reported"})
_BASE_FORMS = frozenset({"kill", "wound", "injure"})
_MODAL = frozenset({"to", "will", "would", "could", "can", "may", "might", "must", "should",
                    "shall", "not", "never", "'ll", "cannot"})
_REVISE_VERBS = frozenset({"rose", "risen", "climbed", "increased", "jumped", "grew", "mounted",
                           "reached", "hit", "rising", "climbing", "soared", "surged",
                           "revised", "raised", "bringing", "raising", "pushing", "taking",
                           "brought", "brings", "raises", "rises", "climbs", "reaches"})
_TOLL_VERBS = _REVISE_VERBS | {"stood", "stands", "is", "was", "now", "of", "at", "remained",
                               "remains"}

_STEMS = ("kill", "dead", "die", "death", "wound", "injur", "hurt", "casualt", "fatalit",
          "bodies", "toll", "hospitali", "treated", "maim", "perish", "lost their", "kia", "wia",
          "martyr", "execut", "behead", "massacr", "assassinat", "lynch",
          "lives", "gunned down", "mowed down", "hospital", "fatally", "mortally", "succumb")
_ZERO_HINTS = ("no ", "no-one", "nobody", "none", "without", "not ", "n't")
_CUM_HINTS = ("since", "year", "to date", "total", "cumulative", "toll", "past", "last", "war",
              "conflict", "began", "started", "erupted", "month", "during", "throughout")
_NUM = NUMBER_RE
_OWN_SIDE_RE = re.compile(r"\s+(?:were |was )?(?:reported |recorded )?(?:among|in|on|for) "
                          r"(?:its|their|our|his|the army's|the) (?:own )?(?:personnel|forces|"
                          r"troops|ranks|soldiers|staff|members|side|men|units|fighters)\b",
                          re.I)
_ZERO_RE = re.compile(
    r"\b(?:no one|no-one|nobody|none)\b(?: of (?:the|them|those)(?: \w+){1,2})?"
    r"(?: (?:was|were|has been|had been|have been|is|are|got))?"
    r"(?: (?:immediately|seriously|reportedly|believed to have been|known to have been))?"
    r"(?: (?:reported|confirmed))?"
    r" (?P<o1>killed|hurt|injured|wounded|harmed|dead|died)"
    r"(?:(?: or|,| and|, or) (?P<o2>killed|hurt|injured|wounded|harmed))?"
    r"|\bno (?:immediate |initial |early |other )?(?:reports? of |word of |reported )?"
    r"(?:damage (?:or|and) )?(?P<o3>casualties|injuries|deaths|fatalities|victims|dead|injured|wounded)"
    r"(?:(?: or|,| and) (?P<o4>casualties|injuries|deaths|fatalities))?"
    r"|\bwithout (?:causing |any )?(?P<o5>casualties|injuries|deaths|fatalities)"
    r"|\b(?:did not|didn't|does not|do not|caused no|causing no) (?:cause |result in |report )?"
    r"(?:any )?(?P<o6>casualties|injuries|deaths|fatalities)", re.I)
_ZERO_OUTCOME = {"killed": ("killed",), "dead": ("killed",), "died": ("killed",),
                 "deaths": ("killed",), "fatalities": ("killed",), "injured": ("injured",),
                 "wounded": ("injured",),
                 # "no injuries were reported", "the ship reported no injuries and no damage":
                 # the report's way of saying the attack hurt no one (it names no death)
                 "injuries": ("killed", "injured"),
                 "hurt": ("killed", "injured"), "harmed": ("killed", "injured"),
                 "casualties": ("killed", "injured"), "victims": ("killed", "injured")}
_UP_FROM_RE = re.compile(
    r"\bup from (?:an? |the )?(?:initial |earlier |previous |previously reported |preliminary |"
    r"original )?(?:count |toll |figure |tally |number |estimate )?(?:of )?"
    rf"(?:at least |more than )?(?:{_NUM})\b", re.I)
_BOUNDARY_RE = re.compile(r"[.!?;](?=\s)|\n")


# ---------------------------------------------------------------- the finder
@dataclass(slots=True)
class _M:
    outcome: str
    count: int | None
    s: int
    e: int
    qual: str
    victims: list[_NP]
    revised: bool = False
    subset: bool = False
    zero: bool = False


def _victims(text: str, outcome: str, nps: list[_NP], toks: list[Token]) -> tuple[Victim, ...]:
    out = []
    for np in nps:
        s, e = toks[np.i].start, toks[np.j - 1].end
        span = Span(s, e, text[s:e], STAGE)
        if np.ages and np.count and len(np.ages) == np.count and np.count > 1:
            for age in np.ages:
                out.append(Victim(outcome, 1, np.kind, age, span))
        else:
            out.append(Victim(outcome, np.count, np.kind, np.ages[0] if np.ages else None, span))
    return tuple(out)


def _subject_before(toks: list[Token], e: int, *, need_count: bool) -> _NP | None:
    """The victim phrase that ends right before token ``e`` (longest one)."""
    for s in range(max(0, e - 16), e):
        if not _np_start(toks[s]):
            continue
        if s > 0 and toks[s - 1].low in ("of", "number"):
            continue
        np = _np_list(toks, s, allow_bare=not need_count)
        if np is not None and np.j == e:
            if need_count and not (np.explicit or (np.count is not None and not np.bare)):
                continue
            return np
    return None


_CLAUSE_OPENERS = frozenset({",", ":", ";", "-", "–", "—", "says", "say", "said", "reports",
                             "report", "'", '"', "‘", "“"})


def _lone_victim(toks: list[Token], e: int) -> _NP | None:
    """Headline shorthand without a number: "Serviceman killed, ...", "Ukrainian soldier
    wounded in ...": one singular person noun (with its modifiers) opening the clause."""
    h = e - 1
    if h < 0 or toks[h].low not in VICTIM_KIND or toks[h].low in PLURAL:
        return None
    i = h  # modifiers: "Ukrainian", "DPR", "Israeli reserve"
    while i - 1 >= 0 and h - i < 3 and toks[i - 1].low[:1].isalpha() \
            and toks[i - 1].low not in _CLAUSE_OPENERS and toks[i - 1].low not in DETS \
            and toks[i - 1].low not in STOP:
        i -= 1
    if i > 0 and toks[i - 1].low not in _CLAUSE_OPENERS:
        return None
    return _NP(i=i, j=e, count=1, explicit=True, kind=VICTIM_KIND[toks[h].low],
               head=toks[h].low)


_SUSTAIN = frozenset({"sustained", "suffered", "received"})
_IRREGULAR_PARTICIPLES = frozenset({"shot", "hit", "struck", "beaten", "taken", "caught",
                                    "run", "thrown", "cut", "stabbed", "seized"})


def _participle_first(word: str) -> bool:
    """A past participle that can open "were X and killed" ("shot", "ambushed", "attacked")."""
    if word in PARTICIPLES or word in KILL_ACTIVE:
        return False  # "27 were killed and wounded": one toll of casualties, not two
    return word in _IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith("ed"))


_FATALLY = frozenset({"fatally", "mortally"})
# words after which a bare number opens a clause as its subject ("... and five sustained
# injuries"), unlike a year ("in 2022 sustained") or a unit's number ("Company 4511 sustained")
_COUNT_OPENERS = frozenset({"and", ",", ";", "while", "but", "whereas", "additional",
                            "another", "other", "further"})
# verbs of a toll in lives: "claimed 14 lives", "cost 30 lives"
_CLAIM_VERBS = frozenset({"claimed", "claim", "claims", "claiming", "took", "take", "takes",
                          "taking", "cost", "costs", "costing"})
# "were rushed / taken / admitted to hospital": the injured, counted by the subject
_TO_HOSPITAL = frozenset({"rushed", "taken", "admitted", "brought", "transported",
                          "evacuated", "airlifted", "sent"})
# "the bodies of six people were recovered": the dead, counted by the complement
_RECOVER = frozenset({"recovered", "found", "pulled", "retrieved", "discovered", "unearthed",
                      "exhumed", "removed", "dug"})
_WOUND_KINDS = frozenset({"shrapnel", "gunshot", "serious", "minor", "severe", "multiple",
                          "critical", "light", "bullet", "blast", "head", "leg", "burn"})


def _count_right_before(toks: list[Token], e: int) -> _NP | None:
    """"12 bodies", "at least five fatalities": a bare number before a casualty noun."""
    for s in range(max(0, e - 4), e):
        j, qual = qualifier_at(toks, s)
        got = read_number(toks, j)
        if got is not None and got[1] == e and got[0] is not None and not got[2]:
            if s > 0 and toks[s - 1].low in ("of", "number"):
                return None
            return _NP(i=s, j=e, count=got[0], qual=qual, explicit=True)
    return None


_DASHES = frozenset({"-", "–", "—"})


def _before_life_modifier(toks: list[Token], a: int) -> int | None:
    """Where a victim phrase ends before an age, an age decade or a year of birth told between
    it and its verb ("a man born in 1962 died", "two residents, aged 70 and 74, were killed",
    "a man in his 50s was killed")."""
    k = a - 1
    if k >= 0 and toks[k].low == ",":
        k -= 1
    if k >= 1 and toks[k].low == "s" and re.fullmatch(r"\d0", toks[k - 1].low):
        k -= 1  # ("50s" is read as "50" and "s")
    if k >= 2 and re.fullmatch(r"\d0s?|teens|twenties|thirties|forties|fifties|sixties|"
                               r"seventies|eighties", toks[k].low):
        # "a man in his (early) 50s was killed", "two women in their seventies died"
        j = k - 1
        if toks[j].low in ("early", "mid", "late", "mid-"):
            j -= 1
        if j >= 1 and toks[j].low in ("his", "her", "their") and toks[j - 1].low == "in":
            return j - 1 if j - 1 > 0 else None
    seen = False
    while k >= 0 and (toks[k].low in ("and", ",") or toks[k].low.isdigit()):
        seen = seen or toks[k].low.isdigit()
        k -= 1
    if k >= 0 and toks[k].low in ("in", "on"):
        k -= 1
    if not seen or k < 1 or toks[k].low not in ("born", "aged"):
        return None
    return k - 1 if toks[k - 1].low == "," else k


def _subject_before_aside(toks: list[Token], a: int) -> _NP | None:
    """"Eleven people, including two children, were injured": the phrase before the aside;
    so too before an aside between dashes ("Five members of a household -- two parents and
    three sons -- were killed") and before an age or a year of birth ("a man born in 1962
    died", "a man in his 50s was killed")."""
    life = _before_life_modifier(toks, a)
    if life is not None and life > 0:
        # (the phrase reader takes "aged 61, 65 and 70" as the victims' ages, up to the comma)
        np = _subject_before(toks, a - 1, need_count=False) if toks[a - 1].low == "," else None
        return np or _subject_before(toks, life, need_count=False)
    if a - 1 >= 0 and toks[a - 1].low in _DASHES:
        c = a - 1
        while c - 1 >= 0 and toks[c - 1].low in _DASHES:
            c -= 1  # "--" is two tokens
        for o in range(c - 2, max(0, c - 16) - 1, -1):
            if toks[o].low in _DASHES:
                while o - 1 >= 0 and toks[o - 1].low in _DASHES:
                    o -= 1
                return _subject_before(toks, o, need_count=True) if o > 0 else None
            if toks[o].low in (".", ";"):
                break
        return None
    if a - 1 < 0 or toks[a - 1].low != ",":
        return None
    if not any(toks[c].low in ("including", "among") for c in range(max(0, a - 14), a - 1)):
        return None
    return _subject_before(toks, a - 1, need_count=False)  # the list reader takes the aside


def _skip_back(toks: list[Token], k: int, skip: frozenset[str]) -> int:
    while k >= 0 and toks[k].low in skip:
        k -= 1
    return k


def find_casualties(text: str, start: int = 0, end: int | None = None) -> list[CasualtyMention]:
    """Casualty mentions in ``text[start:end]`` (a sentence or clause), in text order."""
    end = len(text) if end is None else end
    low_text = text[start:end].lower()
    if not any(st in low_text for st in _STEMS):
        return []
    toks = [t._replace(low=SHORTHAND[t.low]) if t.low in SHORTHAND else t
            for t in tokenize(text, start, end)]
    n = len(toks)
    found: list[_M] = []
    used: set[int] = set()  # token indices already read as part of a mention
    # "up from an initial count of nine": the old figure, not a mention
    up_from = [(m.start(), m.end()) for m in _UP_FROM_RE.finditer(text, start, end)] \
        if "up from" in low_text else []
    if up_from:
        for idx, t in enumerate(toks):
            if any(a <= t.start < b for a, b in up_from):
                used.add(idx)
    zeros = _ZERO_RE.finditer(text, start, end) if any(h in low_text for h in _ZERO_HINTS) \
        else ()
    for m in zeros:
        if _OWN_SIDE_RE.match(text, m.end(), min(end, m.end() + 60)):
            continue  # "no casualties among its personnel": one side's zero, not the toll's
        words = [w.lower() for w in m.groups() if w]
        outs: list[str] = []
        for w in words:
            for o in _ZERO_OUTCOME.get(w, ()):
                if o not in outs:
                    outs.append(o)
        for o in outs:
            found.append(_M(o, 0, m.start(), m.end(), "none", [], zero=True))
        for idx, t in enumerate(toks):
            if m.start() <= t.start < m.end():
                used.add(idx)

    for k in range(n):
        if k in used:
            continue
        low = toks[k].low
        if low in ("toll", "number") :
            _toll(toks, k, found, used)
            continue
        prev = toks[k - 1].low if k else ""
        prev2 = toks[k - 2].low if k > 1 else ""
        # "the dead", "of the injured", "among the dead": references to a toll
        if prev == "the" and low in ("dead", "injured", "wounded", "killed", "victims"):
            _reference(text, toks, k, found, used)
            continue
        got_verb = k - 1 if prev in _SUSTAIN else (
            k - 2 if prev2 in _SUSTAIN and prev in _WOUND_KINDS else None)
        if low in ("injuries", "wounds") and got_verb is not None and got_verb > 0:
            # "five people sustained (shrapnel) injuries", not "died of injuries sustained";
            # a bare count too: "two died and five sustained injuries"
            np = _subject_before(toks, got_verb, need_count=False) or (
                bare if (bare := _count_right_before(toks, got_verb)) is not None and (
                    bare.i == 0 or toks[bare.i - 1].low in _COUNT_OPENERS) else None)
            if np is not None:
                _add(found, used, toks, "injured", np, np.i, k)
                continue
        if low == "dead" and prev in SHOT_DEAD and k + 1 < n and (
                toks[k + 1].low in DETS_SINGULAR or read_number(toks, k + 1) is not None):
            # "police shot dead two protesters": the victims follow "dead" (the passive,
            # "two men were shot dead", is read as any participle below)
            np = _np_list(toks, k + 1, allow_bare=False)
            if np is not None:
                _add(found, used, toks, "killed", np, k - 1, np.j - 1)
                continue
        if low in ("shot", "stabbed") and prev in _FATALLY:
            # "another was fatally shot", "fatally stabbed a guard": killed, as "gunned down"
            _verb(toks, k, found, used, gunned=True)
            continue
        if low in PARTICIPLES or low in DIED or low in KILL_ACTIVE:
            _verb(toks, k, found, used)
            continue
        if low == "down" and prev in ("gunned", "gun", "guns", "gunning", "mowed") and k > 1:
            # "were gunned down" / "gunned down five policemen": "down" carries the killing
            _verb(toks, k, found, used, gunned=True)
            continue
        if low == "hospital" and prev in ("to", "in") and prev2 in _TO_HOSPITAL:
            # "two people were rushed to hospital": the subject before the passive
            b = _skip_back(toks, k - 3, AUX_SKIP - {"have", "has", "had"})
            if b >= 0 and toks[b].low in AUX:
                a = b
                while a - 1 >= 0 and toks[a - 1].low in AUX | {"have", "has", "had"}:
                    a -= 1
                np = _subject_before(toks, a, need_count=True)
                if np is not None:
                    _add(found, used, toks, "injured", np, np.i, k)
            continue
        if low == "bodies" and prev == "the" and k + 2 < n and toks[k + 1].low == "of" and \
                any(toks[x].low in _RECOVER for x in range(k + 3, min(n, k + 14))):
            np = _np_list(toks, k + 2, allow_bare=False)
            if np is not None and np.count is not None and np.j < n and \
                    any(toks[x].low in _RECOVER for x in range(np.j, min(n, np.j + 5))):
                _add(found, used, toks, "killed", np, k, np.j - 1)
                continue
        if low == "lost" and k + 2 < n and toks[k + 1].low in ("their", "his", "her") \
                and toks[k + 2].low in ("lives", "life"):
            _verb(toks, k, found, used, died=True)
            continue
        if low == "lives" and prev not in ("the", "their", "his", "her") and \
                (np := _count_right_before(toks, k)) is not None and np.i > 0 and \
                toks[np.i - 1].low in _CLAIM_VERBS:
            # "the blast claimed 14 lives", "the fighting cost at least 30 lives"
            _add(found, used, toks, "killed", np, np.i - 1, k)
            continue
        if low == "lives" and prev == "the" and prev2 in ("claimed", "claim", "claims",
                                                         "took", "take", "takes") \
                and k + 2 < n and toks[k + 1].low == "of":
            # "the strike claimed the lives of four people"
            np = _np_list(toks, k + 2, allow_bare=False)
            if np is not None:
                _add(found, used, toks, "killed", np, k - 2, np.j - 1)
            continue
        if low in OF_OUTCOME and k + 2 < n and toks[k + 1].low == OF_OUTCOME[low][1] and (
                prev == "the" or OF_OUTCOME[low][1] == "to"):
            # "resulted in the deaths of eight soldiers and injuries to 16 others": the
            # noun's complement counts the victims
            np = _np_list(toks, k + 2, allow_bare=False)
            if np is not None and np.count is not None:
                _add(found, used, toks, OF_OUTCOME[low][0], np, k, np.j - 1)
                continue
        if low in NOUN_OUTCOME:
            back = [toks[x].low for x in range(max(0, k - 4), k)]
            if any(w in DIED or w in ("succumbed", "dying", "treated", "sustained",
                                      "sustaining") for w in back):
                continue
            e = k
            if prev in ("gunshot", "shrapnel", "serious", "minor", "severe", "critical", "light",
                        "more"):
                e = k - 1
            np = _subject_before(toks, e, need_count=True) or _count_right_before(toks, e)
            if np is not None:
                found.append(_M(NOUN_OUTCOME[low], np.count, toks[np.i].start, toks[k].end,
                                np.qual or "exact", [], ))
                used.update(range(np.i, k + 1))
            elif low == "injuries" and prev not in ("no",):
                found.append(_M("injured", None, toks[k].start, toks[k].end, "unknown", []))
    # revised by "up from ..."
    for a, _b in up_from:
        before = [f for f in found if f.e <= a and not f.zero]
        if before:
            max(before, key=lambda f: f.e).revised = True
    found.sort(key=lambda f: (f.s, f.e))
    out = []
    for f in found:
        cum = False
        if not f.zero:
            cum = _cumulative(text, f.s, f.e, start, end)
        qual = f.qual if f.count is not None else ("none" if f.zero else "unknown")
        if f.count is None:
            qual = "unknown"
        out.append(CasualtyMention(
            outcome=f.outcome, count=f.count, span=Span(f.s, f.e, text[f.s:f.e], STAGE),
            victims=_victims(text, f.outcome, f.victims, toks), qualifier=qual,
            revised=f.revised, cumulative=cum, subset=f.subset))
    return out


def _add(found: list[_M], used: set[int], toks: list[Token], outcome: str, np: _NP,
         a: int, b: int, **kw) -> None:
    """Record the mention of victim phrase ``np`` spanning tokens a..b (inclusive)."""
    qual = np.qual or "exact"
    found.append(_M(outcome, np.count, toks[a].start, toks[b].end, qual,
                    np.breakdown or [np], **kw))
    used.update(range(a, b + 1))


def _verb(toks: list[Token], k: int, found: list[_M], used: set[int], *, died: bool = False,
          gunned: bool = False) -> None:
    n = len(toks)
    low = "killed" if gunned else toks[k].low
    died = died or low in DIED
    outcome = "killed" if died else (PARTICIPLES.get(low) or KILL_ACTIVE.get(low))
    if outcome == "injured" and k > 0 and toks[k - 1].low in _FATALLY:
        outcome = "killed"  # "was fatally wounded", "mortally wounding a soldier"
    end_k = k + 2 if low == "lost" else k
    # passive: "two men were (reportedly) killed", "have been injured", "were shot dead"
    back = k - 2 if gunned or (low == "dead" and k > 1 and toks[k - 1].low in SHOT_DEAD) \
        else k - 1
    if back >= 2 and toks[back].low == "and" and _participle_first(toks[back - 1].low) and \
            toks[back - 2].low not in ("and", ","):
        back -= 2  # "two men were shot and killed", "were ambushed and wounded": the first
        #            participle of a coordination shares the passive's subject
    b = _skip_back(toks, back, AUX_SKIP - {"have", "has", "had"} if died else AUX_SKIP)
    if died:
        b = _skip_back(toks, k - 1, frozenset({"later", "subsequently", "also", "have", "has",
                                               "had", "reportedly", "all", "both", "since",
                                               "then", "both"}))
        if b >= 0 and toks[b].low == "of" and b >= 2:
            return
        np = _subject_before(toks, b + 1, need_count=False) or \
            _subject_before_aside(toks, b + 1)
        if np is not None:
            _add(found, used, toks, "killed", np, np.i, end_k)
        return
    if low not in KILL_ACTIVE or low in PARTICIPLES:
        if b >= 0 and toks[b].low == "not":
            return
        if b >= 0 and toks[b].low in AUX:
            a = b
            while a - 1 >= 0 and (toks[a - 1].low in AUX or toks[a - 1].low in
                                  ("have", "has", "had", "there", "reportedly", "also", "all")):
                a -= 1
            np = _subject_before(toks, a, need_count=False) or _subject_before_aside(toks, a)
            if np is not None:
                _add(found, used, toks, outcome, np, np.i, k)
            return
        # reduced: "more than 70 killed", "another injured", "left 11 people injured"
        nxt = toks[k + 1].low if k + 1 < n else ""
        if low in KILL_ACTIVE and (nxt in DETS_SINGULAR or (nxt and nxt[0].isdigit())
                                   or read_number(toks, k + 1) is not None):
            pass  # an object follows: active
        else:
            np = _subject_before(toks, b + 1, need_count=True) or _lone_victim(toks, b + 1)
            if np is not None:
                _add(found, used, toks, outcome, np, np.i, k)
                return
            if low not in KILL_ACTIVE:
                return
    if low == "hurt" and k > 0 and toks[k - 1].low in ("was", "were"):
        return
    if low in _BASE_FORMS and k > 0 and toks[k - 1].low in _MODAL:
        return  # "threatened to kill", "could kill": not a report of deaths
    # active: object after the verb
    j = k + 1
    if j < n and toks[j].low in ("or", "and") and j + 1 < n and toks[j + 1].low in KILL_ACTIVE:
        # "killed or wounded 50": both outcomes unknown apart
        used.add(j + 1)
        return
    np = _np_list(toks, j, allow_bare=True) if j < n else None
    if np is None:
        return
    if np.bare and np.head in ("others",):
        return
    _add(found, used, toks, outcome, np, k, np.j - 1)


def _reference(text: str, toks: list[Token], k: int, found: list[_M], used: set[int]) -> None:
    """"both of the dead", "two of the injured", "among the dead", "the dead included"."""
    n = len(toks)
    low = toks[k].low
    outcome = "injured" if low in ("injured", "wounded") else "killed"
    before = toks[k - 2].low if k > 1 else ""
    if before == "of":
        # "N of the wounded"
        s = k - 3
        while s >= 0 and not _np_start(toks[s]):
            s -= 1
        if s < 0 or k - 3 - s > 2:
            return
        np = _parse_np(toks, s, allow_bare=False)
        if np is None:
            return
        j = k + 1
        if j < n and toks[j].low == ",":  # "Two of the injured, a man and a woman,"
            app = _np_list(toks, j + 1, allow_bare=False)
            if app is not None:
                np.breakdown = app.breakdown
                j = app.j + (1 if app.j < n and toks[app.j].low == "," else 0)
        j2 = _skip_forward(toks, j, {"later", "have", "has", "had", "subsequently"})
        if j2 < n and toks[j2].low in DIED:
            outcome = "killed"
        elif j2 + 1 < n and toks[j2].low in ("were", "was", "are", "is") and \
                toks[j2 + 1].low not in PARTICIPLES:
            sub = _np_list(toks, j2 + 1, allow_bare=True)
            if sub is not None:
                np.breakdown = sub.breakdown
                np.kind = sub.kind
        _add(found, used, toks, outcome, np, s, k, subset=True)
        return
    if before == "among":
        b = k - 3
        b = _skip_back(toks, b, frozenset({"were", "was", "are", "is", "also", "reportedly"}))
        np = _subject_before(toks, b + 1, need_count=False)
        if np is not None:
            _add(found, used, toks, outcome, np, np.i, k, subset=True)
        return
    # "the dead included a 16-year-old boy", "the dead were mostly women"
    j = k + 1
    if j < n and toks[j].low in ("included", "include", "includes", "were", "are"):
        sub = _np_list(toks, j + 1, allow_bare=True)
        if sub is not None:
            used.update(range(k - 1, sub.j))
            found.append(_M(outcome, sub.count if not sub.bare else None, toks[k - 1].start,
                            toks[sub.j - 1].end, sub.qual or "exact", sub.breakdown,
                            subset=True))


def _skip_forward(toks: list[Token], j: int, skip: set[str]) -> int:
    while j < len(toks) and toks[j].low in skip:
        j += 1
    return j


def _toll(toks: list[Token], k: int, found: list[_M], used: set[int]) -> None:
    """"the death toll rose to 9", "the number of Palestinians killed ... has risen to 23"."""
    n = len(toks)
    low = toks[k].low
    outcome = "killed"
    s = k
    if low == "number":
        if k + 1 >= n or toks[k + 1].low != "of":
            return
        hit = None
        for m in range(k + 2, min(n, k + 7)):
            w = toks[m].low
            if w in ("killed", "dead", "deaths", "fatalities", "victims", "casualties"):
                hit = ("killed", m)
                break
            if w in ("injured", "wounded", "injuries"):
                hit = ("injured", m)
                break
            if w in STOP and w not in ("people", "the", "those"):
                break
        if hit is None:
            return
        outcome, m = hit
        used.add(m)
        if k > 0 and toks[k - 1].low == "the":
            s = k - 1
    else:
        if k > 0 and toks[k - 1].low in ("injury", "casualty"):
            outcome = "injured" if toks[k - 1].low == "injury" else "killed"
            s = k - 1
        elif k > 0 and toks[k - 1].low == "death":
            s = k - 1
        if s > 0 and toks[s - 1].low in ("the", "a"):
            s -= 1
    # verb before: "bringing the death toll to 12"
    revised = s > 0 and toks[s - 1].low in _REVISE_VERBS
    if revised:
        s -= 1
    # number after: "... rose to nine", "stood at 31", "a toll of 12", "reached 40"
    limit = min(n, k + 30)
    j = k + 1
    while j < limit:
        w = toks[j].low
        if w in (";",) or (w == "." and j + 1 < n and toks[j + 1].text[:1].isupper()):
            return
        if w in _TOLL_VERBS or w in ("to", "at"):
            if w in _REVISE_VERBS:
                revised = True
            q = j + 1
            if w in _TOLL_VERBS and q < limit and toks[q].low in ("to", "at"):
                q += 1
            if w in ("rose", "risen", "increased", "climbed", "jumped") and q < limit and \
                    toks[q].low == "from":
                g = read_number(toks, q + 1)
                if g and g[0] is not None and g[1] < n and toks[g[1]].low == "to":
                    q = g[1] + 1
            q2, qual = qualifier_at(toks, q)
            g = read_number(toks, q2)
            if g is not None and g[0] is not None and (w != "of" or k + 1 == j):
                if w in ("is", "was", "at", "of", "now") or w in _REVISE_VERBS or \
                        toks[j - 1].low in _TOLL_VERBS or w == "to":
                    found.append(_M(outcome, g[0], toks[s].start, toks[g[1] - 1].end,
                                    qual or "exact", [], revised=revised))
                    used.update(range(s, g[1]))
                    return
        j += 1


def _cumulative(text: str, s: int, e: int, start: int, end: int) -> bool:
    """A cumulative marker ("since 2022", "since the war began") in the clause of s..e."""
    lo = start
    for m in _BOUNDARY_RE.finditer(text, max(start, s - 200), s):
        lo = m.end()
    hi = end
    m2 = _BOUNDARY_RE.search(text, e, min(end, e + 200))
    if m2:
        hi = m2.start()
    low = text[lo:hi].lower()
    if not any(h in low for h in _CUM_HINTS):
        return False
    return CUMULATIVE_RE.search(text, lo, hi) is not None


def casualty_totals(mentions: list[CasualtyMention]) -> tuple[int | None, int | None]:
    """(fatalities, injuries) for one event from its mentions.

    Rule: cumulative and subset mentions are left out; per outcome, the last revised count
    wins, else the largest count, else 0 when the text says nobody, else None.
    """
    out: list[int | None] = []
    for outcome in ("killed", "injured"):
        ms = [m for m in mentions if m.outcome == outcome and not m.cumulative and not m.subset]
        revised = [m.count for m in ms if m.revised and m.count is not None]
        counts = [m.count for m in ms if m.count is not None and m.qualifier != "none"]
        if revised:
            out.append(revised[-1])
        elif counts:
            out.append(max(counts))
        elif any(m.qualifier == "none" for m in ms):
            out.append(0)
        else:
            out.append(None)
    return out[0], out[1]
