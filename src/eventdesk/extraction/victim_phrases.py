"""Victim noun phrases for the casualty finder: "at least 12 people", "a 54-year-old man",
"a woman and her two children", "a family of four, including two children aged 8 and 11".

Token-level parsing over :func:`eventdesk.extraction.numbers.tokenize` output. The victim nouns,
kind modifiers and their conventions live in ``data/quantities.yaml`` (``victim_nouns``).
A phrase's count comes from a number, a singular determiner ("a", "the", "his"), "another",
"both" or "a family of N"; ages ("a three-year-old girl", "aged 3 and 7") are never counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventdesk.extraction.numbers import ORDINALS, Token, age_of, qualifier_at, quantities, read_number

__all__ = ["victim_kind", "VICTIM_KIND", "PLURAL", "STOP", "DETS", "DETS_SINGULAR", "SPEECH"]

_Q = quantities()
VICTIM_KIND: dict[str, str] = {}
for _kind, _words in _Q["victim_nouns"].items():
    for _w in _words:
        VICTIM_KIND.setdefault(_w.lower(), _kind)
KIND_MODIFIERS: dict[str, str] = {k.lower(): v for k, v in _Q["kind_modifiers"].items()}
KIND_MODIFIERS.setdefault("family", "civilian")
OVERRIDABLE = frozenset(_Q["overridable_kinds"])
OF_HEADS = frozenset(_Q["of_heads"])
OF_GROUPS: dict[str, str] = {k.lower(): v for k, v in _Q["of_groups"].items()}
_IRREGULAR_PLURALS = frozenset(
    "men women children people gunmen servicemen policemen fishermen cameramen militiamen "
    "personnel police troops elderly rohingya sudanese lebanese congolese burkinabe youth "
    "crew".split())
PLURAL = frozenset(w for w in VICTIM_KIND if (w.endswith("s") and not w.endswith("ss"))
                   or w in _IRREGULAR_PLURALS)

DETS_SINGULAR = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my",
                           "another", "each"})
DETS = DETS_SINGULAR | {"these", "those", "all", "both"}
MOD_SKIP = frozenset({"more", "other", "further", "additional", "others'"}) | ORDINALS
STOP = frozenset("""
in on at of by from to with near after before during when where while as since for into across
under through against among amid despite around inside outside behind beyond between toward towards via
said says say told reported was were is are been be being had has have did do does will would
could can may might must shall should including include included and or but nor that which who
whom whose what there here not no it they he she we you i
killed killing kills wounded wounding injured injuring hurt died dead deaths injuries struck hit
""".split())
SPEECH = frozenset({"said", "says", "told", "added", "reported", "wrote", "stated"})


def victim_kind(word: str) -> str | None:
    """The victim kind of a head noun ("girls" -> child, "troops" -> soldier), or None."""
    return VICTIM_KIND.get(word.lower())


# ---------------------------------------------------------------- noun phrases
@dataclass(slots=True)
class _NP:
    i: int
    j: int
    count: int | None = None
    qual: str | None = None
    explicit: bool = False
    bare: bool = False
    vague: bool = False
    kind: str = "person"
    ages: list[int] = field(default_factory=list)
    head: str = ""
    plural: bool = False
    breakdown: list["_NP"] = field(default_factory=list)


def _is_word(t: Token) -> bool:
    return t.low[0].isalpha()


def _parse_np(toks: list[Token], i: int, *, allow_bare: bool) -> _NP | None:
    """One victim noun phrase at ``i``: "at least 12 people", "a 54-year-old man",
    "their two daughters, aged 3 and 7", "six members of one family", "two more"."""
    n = len(toks)
    if i >= n:
        return None
    j, qual = qualifier_at(toks, i)
    np = _NP(i=i, j=j, qual=qual)
    det = None
    got = read_number(toks, j) if j < n else None
    if got is None and j < n and (toks[j].low in DETS or toks[j].low.endswith(("'s", "’s"))):
        det = toks[j].low
        j += 1
        got = read_number(toks, j) if j < n else None
        if got is not None and got[0] is not None and det in ("a", "an"):
            got = None if toks[j].low not in ("dozen", "hundred", "few") else got
    if got is not None:
        value, j, vague = got
        np.count, np.vague, np.explicit = value, vague, not vague
    elif det is None:
        if qual is not None and qual == "about" and toks[i].low == "some":
            np.vague, np.qual = True, None
        elif not allow_bare:
            return None
        else:
            np.bare = True
    if det == "another" and got is None and j < n and toks[j].low in ("that", "which"):
        return None  # "one that killed five, and another that killed four": another strike
    if det == "another" and got is None:
        np.count, np.explicit = 1, True  # ("another 20 soldiers" are twenty)
    elif det == "both" and np.count is None:
        np.count, np.explicit = 2, True
    # modifiers and head
    head_k = None
    mods: list[str] = []
    k = j
    while k < n and k < j + 6:
        t = toks[k].low
        if t in VICTIM_KIND and not (t in ("guard", "guards", "crew") and head_k is None
                                     and k + 1 < n and toks[k + 1].low in VICTIM_KIND):
            head_k = k
            while k + 1 < n and toks[k + 1].low in VICTIM_KIND and toks[k + 1].low != "others" \
                    and not (t.endswith("s") and t in PLURAL):
                k += 1
                mods.append(t)
                t = toks[k].low
                head_k = k
            break
        age = age_of(t)
        if age is not None:
            np.ages.append(age)
        elif t in MOD_SKIP:
            pass
        elif not _is_word(toks[k]) or t in STOP:
            break
        else:
            mods.append(t)
        k += 1
    if head_k is None:
        # elided head: "wounding nine", "two more were wounded", "another injured"
        if not (np.explicit or np.vague) or np.ages:
            return None
        k = j
        while k < n and toks[k].low in MOD_SKIP:
            k += 1
        if k < n and _is_word(toks[k]) and toks[k].low not in STOP:
            return None
        np.j = k
        np.plural = (np.count or 0) != 1
        return np
    head = toks[head_k].low
    np.head = head
    np.kind = VICTIM_KIND[head]
    np.plural = head in PLURAL
    j = head_k + 1
    if np.bare and not np.plural and head not in ("police",):
        return None  # "civilian" alone is an adjective, not a victim
    if np.bare and mods and any(m[0].isdigit() for m in mods):
        return None
    # "a family of four", "members of one family", "members of a pro-government militia"
    if j + 1 < n and toks[j].low == "of":
        if head in ("family", "families", "group") and (got2 := read_number(toks, j + 1)):
            if got2[0] is not None:
                np.count, np.explicit, j = got2[0], True, got2[1]
                np.plural = True
        elif head in OF_HEADS:
            for m in range(j + 1, min(n, j + 6)):
                w = toks[m].low
                nxt = toks[m + 1].low if m + 1 < n else ""
                if w in OF_GROUPS and nxt not in OF_GROUPS:
                    np.kind = OF_GROUPS[w]  # "of the army", "of a militia"
                    j = m + 1
                    break
                if w in KIND_MODIFIERS and w not in VICTIM_KIND or \
                        _is_word(toks[m]) and w not in STOP and nxt in OF_GROUPS:
                    np.kind = KIND_MODIFIERS.get(w, np.kind)  # "of a local militia"
                    continue
                if w in VICTIM_KIND:
                    np.kind = VICTIM_KIND[w]
                    j = m + 1
                    break
                if not _is_word(toks[m]) or (w in STOP and w not in ("a", "an", "the")):
                    break
    # an affiliation: "13 rescuers of the DPR were killed", "two soldiers of the 93rd Brigade"
    if j + 1 < n and toks[j].low == "of":
        m = j + 1
        if toks[m].low == "the":
            m += 1
        named = m
        while m < n and m < j + 8 and (toks[m].text[:1].isupper() or toks[m].low in (
                "of", "the", "people's", "armed", "forces") or toks[m].low[:1].isdigit()
                or toks[m].low in ("st", "nd", "rd", "th") and toks[m - 1].low.isdigit()):
            m += 1
        while m > named and toks[m - 1].low in ("of", "the"):
            m -= 1
        if m > named and any(toks[x].text[:1].isupper() for x in range(named, m)):
            j = m
    for mod in mods:
        if mod in KIND_MODIFIERS and np.kind in OVERRIDABLE:
            np.kind = KIND_MODIFIERS[mod]
    # ", aged 3 and 7"
    a = j + 1 if j < n and toks[j].low == "," else j
    if a < n and toks[a].low == "aged":
        ages, b = [], a + 1
        while b < n:
            g = read_number(toks, b)
            if g is None or g[0] is None:
                break
            ages.append(g[0])
            b = g[1]
            if b < n and toks[b].low in ("and", ","):
                if b + 1 < n and read_number(toks, b + 1):
                    b += 1
                    continue
            break
        if ages:
            np.ages.extend(ages)
            j = b
            if a > j - 1:
                pass
    if np.count is None and not np.plural and (det is not None or np.explicit):
        np.count = 1
    if np.count is None and not np.plural and det is None and not np.vague:
        return None
    if np.ages and np.kind in ("person", "civilian") and min(np.ages) < 18:
        np.kind = "child"
    elif np.ages and np.kind == "child" and min(np.ages) >= 18:
        np.kind = "person"
    np.j = j
    return np


def _np_start(t: Token) -> bool:
    low = t.low
    return (low in DETS or low in VICTIM_KIND or low[0].isdigit() or low in ("some", "at",
            "more", "over", "about", "around", "nearly", "almost", "up", "another", "several",
            "dozens", "hundreds", "scores", "many") or read_number([t], 0) is not None)


def _np_list(toks: list[Token], i: int, *, allow_bare: bool) -> _NP | None:
    """A list of victim phrases ("a father, a mother and their two daughters"), summed into
    one _NP whose ``breakdown`` holds the items (and any "including ..." victims)."""
    first = _parse_np(toks, i, allow_bare=allow_bare)
    if first is None:
        return None
    items = [first]
    extra: list[_NP] = []
    n = len(toks)
    j = first.j
    while j < n:
        t = toks[j].low
        k = j + 1 if t == "," else j
        if k < n and toks[k].low in ("including", "among") or (
                k + 1 < n and toks[k].low == "among" and toks[k + 1].low in ("them", "whom")):
            k += 2 if toks[k].low == "among" else 1
            sub = _np_list(toks, k, allow_bare=True)
            if sub is None:
                break
            extra.extend(sub.breakdown or [sub])
            j = sub.j
            continue
        if t in (",", "and"):
            k = j + 1
            if t == "," and k < n and toks[k].low == "and":
                k += 1
            after_and = toks[k - 1].low == "and"
            if k + 1 < n and toks[k].low.endswith("ing") and (
                    toks[k + 1].low in ("the", "a", "an", "his", "her", "their", "its", "dozens",
                                        "scores", "hundreds")
                    or toks[k + 1].low[:1].isdigit()):
                break  # "killing a resident and abducting the students": a new clause
            nxt = _parse_np(toks, k, allow_bare=after_and) if k < n else None
            if nxt is None or (nxt.bare and not after_and):
                break
            if nxt.j + 1 < n and toks[nxt.j].low == "of" and \
                    toks[nxt.j + 1].low in ("them", "whom", "those", "these"):
                break  # "23 people, three of them critically": a part, not one more item
            if nxt.j < n and toks[nxt.j].low in SPEECH:
                break  # ", the governor said"
            items.append(nxt)
            j = nxt.j
            continue
        break
    # "three people, two women and a child": an apposition that breaks the first item down
    if len(items) > 1 and first.plural and first.count and \
            sum(it.count or 0 for it in items[1:]) == first.count:
        extra = items[1:] + extra
        items = [first]
    total: int | None = 0
    for it in items:
        if it.count is None:
            if it.bare and any(x.explicit for x in items):
                continue
            total = None
            break
        total += it.count
    out = _NP(i=i, j=j, count=total, qual=first.qual, explicit=first.explicit,
              bare=first.bare and len(items) == 1, vague=first.vague, kind=first.kind,
              head=first.head, plural=len(items) > 1 or first.plural)
    out.breakdown = items + extra
    out.ages = first.ages
    return out
