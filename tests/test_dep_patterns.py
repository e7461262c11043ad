"""Dependency patterns of the trigger lexicon: each construction on sentences written for
these tests, on parses built by hand (so a rule's test does not depend on what the
statistical parser happens to do), and each pattern's own examples through the real parser."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventdesk.extraction.dep_patterns import DepPattern
from eventdesk.extraction.lexicon import Lexicon, default_lexicon
from eventdesk.extraction.mentions import find_mentions, token_views

VOCAB = spacy.blank("en").vocab


def parse(rows: str) -> Doc:
    """A hand-built parse: one token a line, "word lemma POS dep head" (head: the index of
    the head token, or the token's own index for the root)."""
    cols = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[c[0] for c in cols], lemmas=[c[1] for c in cols],
               pos=[c[2] for c in cols], deps=[c[3] for c in cols],
               heads=[int(c[4]) for c in cols])


def only(rule: str) -> Lexicon:
    """A lexicon holding one pattern of the shipped lexicon."""
    return Lexicon([p for p in default_lexicon().patterns if p.rule == rule])


def rules_on(lex: Lexicon, doc: Doc) -> list[tuple[str, str]]:
    out = []
    for sent in doc.sents:
        for m in lex.match(token_views(sent), sent=sent):
            out.append((m.rule, doc[m.head].text))
    return out


PASSIVE = """
The the DET det 1
ceasefire ceasefire NOUN nsubjpass 3
was be AUX auxpass 3
violated violate VERB ROOT 3
40 40 NUM nummod 5
times time NOUN npadvmod 3
overnight overnight ADV advmod 3
. . PUNCT punct 3
"""
# an aside between the verb and its object, longer than any gap of a surface pattern
ASIDE = """
Rebels rebel NOUN nsubj 1
violated violate VERB ROOT 1
, , PUNCT punct 1
for for ADP prep 1
the the DET det 6
second second ADJ amod 6
time time NOUN pobj 3
since since ADP prep 6
Sunday Sunday PROPN pobj 7
, , PUNCT punct 1
the the DET det 12
fragile fragile ADJ amod 12
truce truce NOUN dobj 1
. . PUNCT punct 1
"""
# the truce is not what was violated: "violated the terms of the truce"
NOT_THE_OBJECT = """
Rebels rebel NOUN nsubj 1
violated violate VERB ROOT 1
the the DET det 3
terms term NOUN dobj 1
of of ADP prep 3
the the DET det 6
truce truce NOUN pobj 4
. . PUNCT punct 1
"""


@pytest.mark.parametrize("rows", [PASSIVE, ASIDE], ids=["passive", "aside"])
def test_a_broken_truce_in_either_voice_and_across_an_aside(rows):
    doc = parse(rows)
    assert rules_on(only("assault.strike/truce-broken"), doc) == [
        ("assault.strike/truce-broken", "violated")]
    [m] = only("assault.strike/truce-broken").match(token_views(doc[:]), sent=doc[:])
    words = [t.text for t in doc[m.start:m.end]]
    assert words[0] in ("ceasefire", "violated") and words[-1] in ("violated", "truce")


def test_the_surface_pattern_misses_what_the_dependency_pattern_finds():
    surface = only("assault.strike/violate|violated|violates|violating ** &TRUCE")
    assert rules_on(surface, parse(PASSIVE)) == []
    assert rules_on(surface, parse(ASIDE)) == []


def test_a_truce_that_is_not_the_object_is_no_match():
    assert rules_on(only("assault.strike/truce-broken"), parse(NOT_THE_OBJECT)) == []


def test_a_commander_liquidated_passive():
    doc = parse("""
The the DET det 1
commander commander NOUN nsubjpass 6
of of ADP prep 1
the the DET det 4
battalion battalion NOUN pobj 2
was be AUX auxpass 6
liquidated liquidate VERB ROOT 6
. . PUNCT punct 6
""")
    assert rules_on(only("assault.kill/combatants-eliminated"), doc) == [
        ("assault.kill/combatants-eliminated", "liquidated")]
    # "the threat was eliminated": no combatant, no killing
    doc = parse("""
The the DET det 1
threat threat NOUN nsubjpass 3
was be AUX auxpass 3
eliminated eliminate VERB ROOT 3
. . PUNCT punct 3
""")
    assert rules_on(only("assault.kill/combatants-eliminated"), doc) == []


def test_matches_are_handed_out_by_sentence():
    """One document of two sentences: the matcher runs once, each sentence gets its own."""
    rows = [r.split() for r in PASSIVE.strip().splitlines()] + [
        r.split() for r in ASIDE.strip().splitlines()]
    n = len(PASSIVE.strip().splitlines())
    doc = Doc(VOCAB, words=[c[0] for c in rows], lemmas=[c[1] for c in rows],
              pos=[c[2] for c in rows], deps=[c[3] for c in rows],
              heads=[int(c[4]) + (n if i >= n else 0) for i, c in enumerate(rows)])
    found = rules_on(only("assault.strike/truce-broken"), doc)
    assert [w for _, w in found] == ["violated", "violated"]
    first, second = list(doc.sents)
    lex = only("assault.strike/truce-broken")
    [m1] = lex.match(token_views(first), sent=first)
    [m2] = lex.match(token_views(second), sent=second)
    assert m1.head < n <= m2.head


def test_no_parse_no_dependency_matches():
    doc = Doc(VOCAB, words=["The", "ceasefire", "was", "violated"])
    doc[0].is_sent_start = True
    assert only("assault.strike/truce-broken").match(token_views(doc[:]), sent=doc[:]) == []


def test_the_dependency_match_is_the_rule_recorded_where_both_find_the_same_words():
    lex = Lexicon([p for p in default_lexicon().patterns if p.rule in (
        "assault.strike/truce-broken",
        "assault.strike/violate|violated|violates|violating ** &TRUCE")])
    doc = parse("""
Rebels rebel NOUN nsubj 1
violated violate VERB ROOT 1
the the DET det 3
truce truce NOUN dobj 1
. . PUNCT punct 1
""")
    assert rules_on(lex, doc) == [("assault.strike/truce-broken", "violated")]


DEP_EXAMPLES = [(p.rule, example) for p in default_lexicon().patterns
                if isinstance(p, DepPattern) for example in p.examples]


@pytest.mark.parametrize("rule,example", DEP_EXAMPLES)
def test_each_dependency_pattern_matches_its_own_examples(nlp, rule, example):
    """The examples in triggers.yaml, through the real parser: the pattern matches, and the
    sentence makes an event of the entry's type."""
    lex = default_lexicon()
    doc = nlp(example)
    matched = [p.rule for s in doc.sents for p, _ in lex._deps.match(s)]
    assert rule in matched, [(t.text, t.dep_, t.head.text) for t in doc]
    entry_type = next(p.entry.type for p in lex.patterns if p.rule == rule)
    types = [m.type for s in doc.sents for m in find_mentions(s, lex)]
    assert entry_type in types


def test_every_dependency_pattern_has_examples():
    deps = [p for p in default_lexicon().patterns if isinstance(p, DepPattern)]
    assert deps and all(p.examples and p.construction for p in deps)
