"""The trigger lexicon: data/triggers.yaml compiled into a fast token matcher.

A surface pattern is a sequence of token tests and gaps (syntax in the YAML file's header).
Matching runs over one sentence's tokens: patterns are indexed by the words their first test
accepts, so each token costs two dictionary look-ups unless it can start a pattern. A
dependency pattern (``deps:``, :mod:`eventdesk.extraction.dep_patterns`) names words by
their place in the parse; spaCy's DependencyMatcher runs those once per document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eventdesk.errors import ConfigError
from eventdesk.extraction.dep_patterns import POS_VALUES, DepMatcher, DepPattern, compile_deps
from eventdesk.extraction.lexicon_schema import validate

GAP_SIZES = {"*": 3, "**": 6}
POS_TAGS = {tag: frozenset(values) for tag, values in POS_VALUES.items()}


@dataclass(frozen=True, slots=True)
class TokenTest:
    words: frozenset[str]
    pos: frozenset[str] | None = None
    negative: bool = False
    literal: frozenset[str] = frozenset()  # "=surround": this exact form, not its lemma
    gap: int = 0  # >0: a gap of 0..gap tokens instead of a token test


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: str  # PLOVER type, or "NONE" for triggers that only count when negated
    mode: str | None
    future: str | None
    negated: str | None
    nominal: bool
    weight: float
    reverse: bool = False
    object_actor: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: Entry
    source: str  # as written in the lexicon; also the pattern's id
    tests: tuple[TokenTest, ...]
    head: int  # which word test (gaps not counted) matches the head token
    nominal: bool

    @property
    def id(self) -> str:
        return self.source

    @property
    def rule(self) -> str:
        """The rule id recorded in an event's evidence: "<entry id>/<pattern id>"."""
        return f"{self.entry.id}/{self.id}"


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """One lexicon match in a sentence: token indexes are relative to the spaCy Doc."""

    entry: Entry
    pattern: Pattern | DepPattern
    start: int  # first token (doc index)
    end: int  # one past the last token
    head: int  # doc index of the head token
    words: tuple[int, ...] = ()  # doc indexes of the words the pattern tested (not its gaps)

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def rule(self) -> str:
        return self.pattern.rule


class TokenView:
    """What the matcher needs of a token: lower text, lemma and coarse POS."""

    __slots__ = ("lower", "lemma", "pos", "i")

    def __init__(self, lower: str, lemma: str, pos: str, i: int) -> None:
        self.lower = lower
        self.lemma = lemma
        self.pos = pos
        self.i = i


def _alternatives(raw: str, sets: Mapping[str, Sequence[str]]) -> list[str]:
    """The alternatives of a token test, with named sets ("&KILLABLE") spelled out."""
    out: list[str] = []
    for alt in raw.split("|"):
        if alt.startswith("&"):
            if alt[1:] not in sets:
                raise ConfigError(f"triggers.yaml: unknown word set {alt!r} in {raw!r}")
            out.extend(sets[alt[1:]])
        else:
            out.append(alt)
    return out


def _compile_test(raw: str, sets: Mapping[str, Sequence[str]] | None = None) -> TokenTest:
    if raw in GAP_SIZES:
        return TokenTest(words=frozenset(), gap=GAP_SIZES[raw])
    negative = raw.startswith("-")
    if negative:
        raw = raw[1:]
    pos = None
    if ":" in raw:
        raw, tag = raw.rsplit(":", 1)
        if tag not in POS_TAGS:
            raise ConfigError(f"triggers.yaml: unknown POS tag {tag!r} in {raw!r}")
        pos = POS_TAGS[tag]
    alts = _alternatives(raw, sets or {})
    words = frozenset(w.lower() for w in alts if w and not w.startswith("="))
    literal = frozenset(w[1:].lower() for w in alts if w.startswith("=") and len(w) > 1)
    return TokenTest(words=words, pos=pos, negative=negative, literal=literal)


def compile_pattern(entry: Entry, source: str, *,
                    sets: Mapping[str, Sequence[str]] | None = None) -> Pattern:
    source = source.strip()
    text = source
    nominal = entry.nominal
    if text.startswith("@"):
        nominal = True
        text = text[1:]
    parts = text.split()
    tests: list[TokenTest] = []
    head = 0
    words = 0  # `head` counts word tests only (gaps match no token of their own)
    for part in parts:
        if part.startswith("!"):
            head = words
            part = part[1:]
        test = _compile_test(part, sets)
        tests.append(test)
        if not test.gap:
            words += 1
    if nominal and not any(p.startswith("!") for p in parts):
        head = words - 1  # a noun phrase is anchored on its last word
    if not tests or tests[0].gap or tests[-1].gap:
        raise ConfigError(f"triggers.yaml: pattern {source!r} must start and end with a word")
    return Pattern(entry=entry, source=source, tests=tuple(tests), head=head, nominal=nominal)


class Lexicon:
    """Compiled trigger lexicon: surface patterns (token tests and gaps, matched here) and
    dependency patterns (``deps:``, matched by spaCy's DependencyMatcher on the parse)."""

    def __init__(self, patterns: Sequence[Pattern | DepPattern]) -> None:
        self.patterns = tuple(patterns)
        index: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            if isinstance(pattern, DepPattern):
                continue
            for word in pattern.tests[0].words | pattern.tests[0].literal:
                index.setdefault(word, []).append(pattern)
        self._index = index
        deps = [p for p in self.patterns if isinstance(p, DepPattern)]
        self._deps = DepMatcher(deps) if deps else None

    def rules(self) -> tuple[str, ...]:
        """Every rule id of the lexicon ("<entry id>/<pattern id>"), in file order."""
        return tuple(p.rule for p in self.patterns)

    @classmethod
    def from_yaml(cls, text: str, *, where: str = "triggers.yaml") -> "Lexicon":
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{where}: not valid YAML: {exc}") from exc
        problems = validate(raw)
        if problems:
            raise ConfigError("\n".join(f"{where}: {p}" for p in problems))
        sets: dict[str, list[str]] = {}
        if isinstance(raw, dict):  # {sets: {NAME: [words]}, triggers: [entries]}
            sets = {name: list(words) for name, words in (raw.get("sets") or {}).items()}
            raw = raw.get("triggers")
        patterns: list[Pattern] = []
        for item in raw or []:
            entry = Entry(
                id=item["id"], type=item["type"], mode=item.get("mode"), future=item.get("future"),
                negated=item.get("negated"), nominal=bool(item.get("nominal", False)),
                weight=float(item.get("weight", 0.6)),
                reverse=bool(item.get("reverse", False)),
                object_actor=bool(item.get("object_actor", False)),
            )
            for source in item.get("patterns", []):
                if isinstance(source, dict):
                    patterns.append(compile_deps(entry, source, sets))
                else:
                    patterns.append(compile_pattern(entry, source, sets=sets))
        return cls(patterns)

    def match(self, tokens: Sequence[TokenView], *, sent: Any = None) -> list[TriggerMatch]:
        """All matches in a sentence, longest first where two overlap on the same head.

        ``sent`` (the parsed spaCy sentence the tokens come from) lets the dependency
        patterns match too; where a dependency and a surface pattern find the same words,
        the dependency pattern is the one recorded."""
        found: list[TriggerMatch] = []
        if self._deps is not None and sent is not None:
            for pattern, ids in self._deps.match(sent):
                found.append(TriggerMatch(entry=pattern.entry, pattern=pattern, start=min(ids),
                                          end=max(ids) + 1, head=ids[0], words=tuple(ids)))
        n = len(tokens)
        for k in range(n):
            tok = tokens[k]
            cands = self._index.get(tok.lemma)
            other = self._index.get(tok.lower) if tok.lower != tok.lemma else None
            if other:
                cands = (cands or []) + other
            if not cands:
                continue
            seen: set[int] = set()
            for pattern in cands:
                if id(pattern) in seen:
                    continue
                seen.add(id(pattern))
                positions = _match_at(pattern.tests, tokens, k)
                if positions is not None:
                    found.append(TriggerMatch(
                        entry=pattern.entry, pattern=pattern, start=tokens[k].i,
                        end=tokens[positions[-1]].i + 1, head=tokens[positions[pattern.head]].i,
                        words=tuple(tokens[p].i for p in positions),
                    ))
        return _prune(found)


def _test_ok(test: TokenTest, tok: TokenView) -> bool:
    ok = (tok.lemma in test.words or tok.lower in test.words or tok.lower in test.literal) \
        and (test.pos is None or tok.pos in test.pos)
    return not ok if test.negative else ok


def _match_at(tests: Sequence[TokenTest], tokens: Sequence[TokenView], k: int) -> list[int] | None:
    """Positions (sentence indexes) of the word tests, or None. Gaps match lazily."""
    positions: list[int] = []

    def step(ti: int, pos: int) -> bool:
        if ti == len(tests):
            return True
        test = tests[ti]
        if test.gap:
            skipped = 0  # words skipped; the hyphens of "long-threatened" do not count
            p = pos
            while p < len(tokens):
                if step(ti + 1, p):
                    return True
                # gaps do not run over sentence-internal stops
                if tokens[p].lower in (";", ":", "(", ")", "—", "–"):
                    return False
                if tokens[p].lower != "-":
                    skipped += 1
                if skipped > test.gap:
                    return False
                p += 1
            return False
        if pos >= len(tokens) or not _test_ok(test, tokens[pos]):
            return False
        positions.append(pos)
        if step(ti + 1, pos + 1):
            return True
        positions.pop()
        return False

    return positions if step(0, k) else None


def _prune(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop a match contained in a longer match of the same entry type."""
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[TriggerMatch] = []
    for m in matches:
        if any(k.type == m.type and k.start <= m.start and m.end <= k.end for k in kept):
            continue
        if any(k.head == m.head and k.type == m.type for k in kept):
            continue
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    text = resources.files("eventdesk.data").joinpath("triggers.yaml").read_text("utf-8")
    return Lexicon.from_yaml(text)
