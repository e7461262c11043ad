"""Numbers in news text: "six", "138", "two dozen", "1,000", "a dozen", "1.5 million".

:func:`parse_number` reads one quantity phrase; vague quantities ("dozens", "hundreds",
"several") are ``None``. The token helpers (:func:`tokenize`, :func:`read_number`,
:func:`age_of`) serve the casualty, weapon and damage finders, which walk tokens with
character offsets. Word lists live in ``data/quantities.yaml`` (loaded once).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

from eventdesk.errors import ConfigError

__all__ = ["parse_number", "read_number", "tokenize", "age_of", "Token", "quantities",
           "NUMBER_RE", "QUALIFIERS", "qualifier_at"]


@lru_cache(maxsize=1)
def quantities() -> dict[str, Any]:
    """The word lists of ``data/quantities.yaml`` (read once per process)."""
    try:
        raw = resources.files("eventdesk").joinpath("data/quantities.yaml").read_text("utf-8")
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - packaging error
        raise ConfigError(f"eventdesk/data/quantities.yaml: cannot read word lists: {exc}")


_Q = quantities()
UNITS: dict[str, int] = {k.lower(): int(v) for k, v in _Q["units"].items()}
TENS: dict[str, int] = {k.lower(): int(v) for k, v in _Q["tens"].items()}
MULTIPLIERS: dict[str, int] = {k.lower(): int(v) for k, v in _Q["multipliers"].items()}
VAGUE: frozenset[str] = frozenset(w.lower() for w in _Q["vague"])
VAGUE_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(p.lower().split()) for p in _Q["vague_phrases"]), key=len, reverse=True))
ORDINALS: frozenset[str] = frozenset(w.lower() for w in _Q["ordinals"])
QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(((tuple(k.lower().split()), v) for k, v in _Q["qualifiers"].items()),
           key=lambda kv: len(kv[0]), reverse=True))
_WORDS = set(UNITS) | set(TENS) | set(MULTIPLIERS)
_QUAL_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _v in QUALIFIERS:
    _QUAL_BY_FIRST.setdefault(_p[0], []).append((_p, _v))
_VAGUE_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _p in VAGUE_PHRASES:
    _VAGUE_BY_FIRST.setdefault(_p[0], []).append(_p)


class Token(NamedTuple):
    low: str   # lower-cased text
    start: int
    end: int
    text: str


# digits with thousands separators or decimals ("1,000", "1.5"), optionally hyphen-joined
# ("14-year-old"); words with inner apostrophes/hyphens ("Ukraine's", "three-year-old").
_TOKEN_RE = re.compile(
    r"[A-Z]{2,}(?=-[A-Z][a-z])"  # a wire slug: "RPT-One civilian killed", "UPDATE-Two ..."
    r"|\d+(?:[.,]\d+)*(?:-(?i:years?|months?|weeks?|days?)-(?i:olds?)|(?:-[a-z]+)*)|[^\W\d_][\w]*(?:['’\-][\w]+)*|[^\w\s]")
_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_AGE_RE = re.compile(r"^(.+?)-(year|month|week|day)s?-olds?$")
NUMBER_RE = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
             + "|".join(sorted(_WORDS | {"a", "an"}, key=len, reverse=True)) + r")")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with document offsets."""
    end = len(text) if end is None else end
    out = []
    new = tuple.__new__  # skips the namedtuple's Python-level __new__ (hot path)
    for m in _TOKEN_RE.finditer(text, start, end):
        g = m.group()
        s, e = m.span()
        out.append(new(Token, (g.lower(), s, e, g)))
    return out


def _word_value(low: str) -> int | None:
    if low in UNITS:
        return UNITS[low]
    if low in TENS:
        return TENS[low]
    if "-" in low:  # twenty-one
        a, _, b = low.partition("-")
        if a in TENS and b in UNITS and UNITS[b] < 10:
            return TENS[a] + UNITS[b]
    return None


def _digits_value(low: str) -> int | None:
    if _DIGITS_RE.match(low):
        if "." in low:
            return None  # a decimal only counts with a multiplier ("1.5 million")
        return int(low.replace(",", ""))
    return None


def _birth_year(toks: list[Token], i: int) -> bool:
    """A year of birth, not a count: "a man born in 1962", "residents born in 1950 and 1948"."""
    low = toks[i].low
    if not (len(low) == 4 and low.isdigit() and 1880 <= int(low) <= 2030):
        return False
    k = i - 1
    while k >= 0 and (toks[k].low in ("and", "or", ",") or (
            len(toks[k].low) == 4 and toks[k].low.isdigit())):
        k -= 1
    if k >= 0 and toks[k].low in ("in", "on"):
        k -= 1
    return k >= 0 and toks[k].low == "born"


def read_number(toks: list[Token], i: int) -> tuple[int | None, int, bool] | None:
    """Read a quantity at token ``i``.

    Returns ``(value, j, vague)`` with ``j`` the index after the quantity, or ``None`` when no
    quantity starts at ``i``. Vague quantities give ``(None, j, True)``. "a"/"an" count only
    before a multiplier ("a dozen", "a hundred").
    """
    n = len(toks)
    if i >= n:
        return None
    low = toks[i].low
    if _birth_year(toks, i):
        return None
    for phrase in _VAGUE_BY_FIRST.get(low, ()):
        k = len(phrase)
        if i + k <= n and all(toks[i + m].low == phrase[m] for m in range(k)):
            return None, i + k, True
    if low in VAGUE:
        j = i + 1
        if j < n and toks[j].low == "of":
            j += 1
        return None, j, True
    if low == "half" and i + 2 < n and toks[i + 1].low == "a" and toks[i + 2].low == "dozen":
        return 6, i + 3, False
    total = 0
    current: float | None = None
    j = i
    if low in ("a", "an"):
        if i + 1 < n and toks[i + 1].low in MULTIPLIERS:
            current = 1
            j = i + 1
        else:
            return None
    while j < n:
        t = toks[j].low
        if current is None:
            v = _digits_value(t)
            if v is None and _DIGITS_RE.match(t) and "." in t and j + 1 < n \
                    and toks[j + 1].low in ("million", "thousand", "billion"):
                current = float(t)
                j += 1
                continue
            if v is None:
                v = _word_value(t)
            if v is None:
                break
            current = v
            j += 1
            continue
        if t in MULTIPLIERS:
            mult = MULTIPLIERS[t]
            if mult >= 1000:
                total += int(current * mult)
                current = 0
            else:
                current = current * mult
            j += 1
            continue
        if t == "and" and j + 1 < n and (_word_value(toks[j + 1].low) is not None) \
                and (current >= 100 or (total and current == 0)):
            j += 1
            continue
        v = _word_value(t)
        if v is not None and ((current == 0 and total) or (current >= 100 and current % 100 == 0)):
            current += v  # "one hundred twenty", "three thousand five"
            j += 1
            continue
        break
    if current is None:
        return None
    return int(total + current), j, False


def parse_number(text: str) -> int | None:
    """The number a phrase states: "six" -> 6, "1,000" -> 1000, "two dozen" -> 24,
    "a dozen" -> 12, "1.5 million" -> 1500000; "hundreds", "dozens", "several" -> None.
    Leading qualifiers ("at least", "more than") are allowed; trailing words are ignored.
    """
    toks = tokenize(text)
    i, _ = qualifier_at(toks, 0)
    got = read_number(toks, i)
    if got is None or got[2]:
        return None
    return got[0]


def qualifier_at(toks: list[Token], i: int) -> tuple[int, str | None]:
    """Skip a count qualifier ("at least", "more than", "nearly") at ``i``: (next index, qualifier)."""
    n = len(toks)
    if i >= n:
        return i, None
    for phrase, qual in _QUAL_BY_FIRST.get(toks[i].low, ()):
        k = len(phrase)
        if i + k <= n and all(toks[i + m].low == phrase[m] for m in range(k)):
            return i + k, qual
    return i, None


def age_of(low: str) -> int | None:
    """The age in an age adjective: "three-year-old" -> 3, "14-year-old" -> 14,
    "six-month-old" -> 0."""
    m = _AGE_RE.match(low)
    if not m:
        return None
    num = m.group(1)
    v = _digits_value(num)
    if v is None:
        v = _word_value(num)
    if v is None:
        parts = num.split("-")
        toks = [Token(p, 0, 0, p) for p in parts]
        got = read_number(toks, 0)
        v = got[0] if got and got[1] == len(toks) else None
    if v is None:
        return None
    return v if m.group(2) == "year" else 0
