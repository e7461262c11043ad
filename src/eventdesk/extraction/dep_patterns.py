"""Dependency patterns of the trigger lexicon, run by spaCy's DependencyMatcher.

A surface pattern ("violate ** &TRUCE") reads words in order; where the order varies with
the construction ("the ceasefire was violated 40 times overnight"; "violated, for the second
time since Sunday, the fragile truce") a ``deps:`` pattern names the words by their place in
the parse instead: a verb and its object or passive subject, wherever they stand. Each node
is a word test (``lemma`` or ``lower`` alternatives, named sets allowed; ``pos``; ``dep``)
related to an earlier node (``from``, ``rel``); the first node is the trigger's head. In
triggers.yaml:

    - id: truce-broken
      construction: a truce broken, active or passive, with any words between
      examples: ["Rebels violated, for the second time since Sunday, the fragile truce."]
      deps:
        - {node: verb, lemma: "violate|breach", pos: V}
        - {node: truce, from: verb, dep: "dobj|nsubjpass", lemma: "&TRUCE"}

The matcher runs once over a parsed document; its matches are handed out by sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from eventdesk.extraction.lexicon import Entry, TokenTest

# what a node's `rel` says about it and the node it comes `from` (spaCy's REL_OP)
RELATIONS = {">": "a dependent of", ">>": "somewhere below", "<": "the head of",
             "<<": "somewhere above"}
POS_VALUES = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "C": ("NOUN",), "A": ("ADJ",)}


@dataclass(frozen=True, slots=True)
class DepNode:
    name: str
    source: str | None  # the earlier node it is related to (None: the first node, the head)
    rel: str
    lemma: tuple[str, ...] = ()
    lower: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    dep: tuple[str, ...] = ()

    def attrs(self) -> dict[str, Any]:
        attrs: dict[str, Any] = {}
        if self.lemma:
            # lemmas as the parser writes them: lower case, or capitalised in headlines
            forms = {w for word in self.lemma for w in (word, word.capitalize(), word.upper())}
            attrs["LEMMA"] = {"IN": sorted(forms)}
        if self.lower:
            attrs["LOWER"] = {"IN": list(self.lower)}
        if self.pos:
            attrs["POS"] = {"IN": list(self.pos)}
        if self.dep:
            attrs["DEP"] = {"IN": list(self.dep)}
        return attrs


@dataclass(frozen=True, slots=True)
class DepPattern:
    """A ``deps:`` pattern of one lexicon entry; matches like a surface Pattern."""

    entry: "Entry"
    id: str
    nodes: tuple[DepNode, ...]
    construction: str
    examples: tuple[str, ...]
    nominal: bool
    tests: tuple["TokenTest", ...] = ()  # no surface word tests (see mentions._final_type)
    head: int = 0

    @property
    def source(self) -> str:
        return self.id

    @property
    def rule(self) -> str:
        return f"{self.entry.id}/{self.id}"

    def spacy_pattern(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for node in self.nodes:
            item: dict[str, Any] = {"RIGHT_ID": node.name, "RIGHT_ATTRS": node.attrs()}
            if node.source is not None:
                item = {"LEFT_ID": node.source, "REL_OP": node.rel, **item}
            out.append(item)
        return out


def _words(raw: Any, sets: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    if raw is None:
        return ()
    out: list[str] = []
    for alt in str(raw).split("|"):
        for word in (sets[alt[1:]] if alt.startswith("&") else [alt]):
            word = word.lstrip("=").lower()
            if word not in out:
                out.append(word)
    return tuple(out)


def compile_deps(entry: "Entry", raw: Mapping[str, Any],
                 sets: Mapping[str, Sequence[str]]) -> DepPattern:
    """A DepPattern from its (validated) mapping in triggers.yaml."""
    nodes = []
    for n in raw["deps"]:
        nodes.append(DepNode(
            name=n["node"], source=n.get("from"), rel=n.get("rel", ">"),
            lemma=_words(n.get("lemma"), sets), lower=_words(n.get("lower"), sets),
            pos=tuple(p for tag in str(n.get("pos", "")).split("|") if tag
                      for p in POS_VALUES[tag]),
            dep=tuple(str(n["dep"]).split("|")) if n.get("dep") else ()))
    return DepPattern(entry=entry, id=raw["id"], nodes=tuple(nodes),
                      construction=raw.get("construction", ""),
                      examples=tuple(raw.get("examples", ())), nominal=entry.nominal)


class DepMatcher:
    """Runs the dependency patterns once per parsed document and hands out the matches of
    one sentence at a time: (pattern, token indexes in node order)."""

    def __init__(self, patterns: Sequence[DepPattern]) -> None:
        self.patterns = tuple(patterns)
        self._matcher: Any = None
        self._vocab: Any = None
        self._anchors: set[int] = set()
        self._doc: Any = None
        self._by_sent: dict[int, list[tuple[DepPattern, list[int]]]] = {}

    def _build(self, vocab: Any) -> None:
        from spacy.matcher import DependencyMatcher

        matcher = DependencyMatcher(vocab, validate=True)
        anchors: set[int] = set()
        for i, p in enumerate(self.patterns):
            matcher.add(str(i), [p.spacy_pattern()])
            head = p.nodes[0].attrs()
            for attr in ("LEMMA", "LOWER"):
                anchors.update(vocab.strings.add(w) for w in head.get(attr, {}).get("IN", ()))
        self._matcher, self._vocab, self._anchors = matcher, vocab, anchors

    def match(self, sent: Any) -> list[tuple[DepPattern, list[int]]]:
        doc = sent.doc
        if doc is not self._doc:
            self._doc = doc
            self._by_sent = self._match_doc(doc)
        return self._by_sent.get(sent.start, [])

    def _match_doc(self, doc: Any) -> dict[int, list[tuple[DepPattern, list[int]]]]:
        if not self.patterns or not doc.has_annotation("DEP"):
            return {}
        if self._vocab is not doc.vocab:
            self._build(doc.vocab)
        from spacy.attrs import LEMMA, LOWER

        # most documents hold no trigger word of any dependency pattern: skip the matcher
        if self._anchors.isdisjoint(doc.to_array([LEMMA, LOWER]).ravel().tolist()):
            return {}
        found = self._matcher(doc)
        if not found:
            return {}
        starts = [s.start for s in doc.sents]
        strings = doc.vocab.strings
        out: dict[int, list[tuple[DepPattern, list[int]]]] = {}
        for match_id, token_ids in found:
            pattern = self.patterns[int(strings[match_id])]
            start = starts[bisect_right(starts, token_ids[0]) - 1]
            out.setdefault(start, []).append((pattern, list(token_ids)))
        return out
