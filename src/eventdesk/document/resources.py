"""The data files of the document stage (``eventdesk/data/document/``), read and checked once.

- ``anchors.yaml``: dated events that reports count time from (the full-scale invasion of
  Ukraine, the October 7 attack, ...), with the phrases that name them;
- ``offices.yaml``: office holders and their terms (who was president, minister, envoy when);
- ``cues.yaml``: word lists (title blockers, revision and attribution cues, page trailers,
  verification disclaimers).

Unknown keys, bad dates and bad regular expressions are :class:`ConfigError` naming the file
and the entry (the data are hand-written; a typo must not pass silently).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eventdesk.errors import ConfigError

DATA = "data/document"


@dataclass(frozen=True, slots=True)
class Anchor:
    id: str
    date: date
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Office:
    titles: tuple[str, ...]
    terms: tuple[tuple[date, date | None], ...]

    def holds(self, day: date, *, slack_days: int = 0) -> bool:
        from datetime import timedelta

        pad = timedelta(days=slack_days)
        return any(start - pad <= day and (end is None or day <= end + pad)
                   for start, end in self.terms)

    def describe(self) -> str:
        """'2017-2021 and from 2025'."""
        parts = []
        for start, end in self.terms:
            parts.append(f"from {start.year}" if end is None else
                         (f"in {start.year}" if start.year == end.year else
                          f"{start.year}-{end.year}"))
        return " and ".join(parts)


def _read(name: str) -> Any:
    where = f"eventdesk/{DATA}/{name}"
    try:
        raw = resources.files("eventdesk").joinpath(f"{DATA}/{name}").read_text("utf-8")
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from None


def _keys(obj: Any, allowed: set[str], required: set[str], where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(obj).__name__}")
    unknown = set(obj) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    missing = required - set(obj)
    if missing:
        raise ConfigError(f"{where}: missing key(s) {', '.join(sorted(missing))}")
    return obj


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: not an ISO date: {value!r}") from None


def _regex(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression {pattern!r}: {exc}") from None


@lru_cache(maxsize=1)
def anchors() -> tuple[Anchor, ...]:
    data = _keys(_read("anchors.yaml"), {"anchors"}, {"anchors"}, "anchors.yaml")
    out = []
    for i, raw in enumerate(data["anchors"] or ()):
        where = f"anchors.yaml: anchor {i + 1}"
        raw = _keys(raw, {"id", "date", "name", "patterns"}, {"id", "date", "name", "patterns"},
                    where)
        where = f"anchors.yaml: {raw['id']}"
        pats = [str(p) for p in raw["patterns"]]
        for p in pats:
            _regex(p, where)
        out.append(Anchor(id=str(raw["id"]), date=_date(raw["date"], where), name=str(raw["name"]),
                          pattern=_regex("|".join(f"(?:{p})" for p in pats), where)))
    return tuple(out)


@lru_cache(maxsize=1)
def offices() -> dict[str, tuple[Office, ...]]:
    """Person (canonical name of the actor dictionary) -> offices with their terms."""
    data = _keys(_read("offices.yaml"), {"titles", "people"}, {"people"}, "offices.yaml")
    out: dict[str, tuple[Office, ...]] = {}
    for i, raw in enumerate(data["people"] or ()):
        where = f"offices.yaml: entry {i + 1}"
        raw = _keys(raw, {"person", "offices"}, {"person", "offices"}, where)
        where = f"offices.yaml: {raw['person']}"
        if raw["person"] in out:
            raise ConfigError(f"{where}: listed twice")
        items = []
        for off in raw["offices"]:
            off = _keys(off, {"titles", "terms"}, {"titles", "terms"}, where)
            terms = []
            for term in off["terms"]:
                if not isinstance(term, list) or len(term) != 2:
                    raise ConfigError(f"{where}: a term is [from, to], got {term!r}")
                start = _date(term[0], where)
                end = None if term[1] is None else _date(term[1], where)
                if end is not None and end < start:
                    raise ConfigError(f"{where}: term ends before it starts: {term!r}")
                terms.append((start, end))
            items.append(Office(titles=tuple(str(t).lower() for t in off["titles"]),
                                terms=tuple(terms)))
        out[str(raw["person"])] = tuple(items)
    return out


CUE_KEYS = {"title_blockers", "title_suffix_blockers", "future_cues", "stamp_prefixes",
            "revision_cues", "attribution_cues", "trailer_lines", "sentence_end",
            "unverified_cues", "verification_anaphors", "party_sectors",
            "incident_references", "new_incident_cues", "additive_cues", "unknown_toll"}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    data = _keys(_read("cues.yaml"), CUE_KEYS, CUE_KEYS, "cues.yaml")
    for key in ("trailer_lines", "unverified_cues", "incident_references", "unknown_toll"):
        for p in data[key]:
            _regex(p, f"cues.yaml: {key}")
    _regex(data["sentence_end"], "cues.yaml: sentence_end")
    return data


def word_regex(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of word-list entries (entries may hold regex pieces), longest first."""
    return "|".join(sorted(words, key=len, reverse=True))
