"""The trigger lexicon's schema: a table of bad entries and the message each one gets
(as spaCy tests its Matcher pattern validation)."""

from __future__ import annotations

import pytest
import yaml

from eventdesk.errors import ConfigError
from eventdesk.extraction.lexicon import Lexicon
from eventdesk.extraction.lexicon_schema import ENTRY_KEYS, validate
from eventdesk.records import PLOVER_MODES, PLOVER_TYPES


def entry(**changes):
    base = {"id": "t.entry", "type": "ASSAULT", "patterns": ["strike:V"]}
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


BAD_ENTRIES = [
    # unknown keys, with the key they were meant to be
    (entry(weigth=0.9), "entry 't.entry': key 'weigth': unknown key (did you mean 'weight'?)"),
    (entry(revers=True), "entry 't.entry': key 'revers': unknown key (did you mean 'reverse'?)"),
    (entry(mood="aerial"), "entry 't.entry': key 'mood': unknown key (did you mean 'mode'?)"),
    # values of the wrong kind
    (entry(weight="high"), "entry 't.entry': key 'weight': must be a number, got 'high'"),
    (entry(weight=True), "entry 't.entry': key 'weight': must be a number, got True"),
    (entry(nominal="yes please"),
     "entry 't.entry': key 'nominal': must be true or false, got 'yes please'"),
    (entry(patterns="strike:V"), "entry 't.entry': key 'patterns': must be a list"),
    (entry(id=7), "entry #1: key 'id': must be a string, got 7"),
    # values out of range or not in the ontology
    (entry(weight=1.5), "entry 't.entry': key 'weight': must lie between 0 and 1, got 1.5"),
    (entry(weight=-0.1), "entry 't.entry': key 'weight': must lie between 0 and 1"),
    (entry(type="ASAULT"), "entry 't.entry': key 'type': unknown type 'ASAULT' "
                           "(did you mean 'ASSAULT'?)"),
    (entry(type="assault"), "key 'type': unknown type 'assault' (did you mean 'ASSAULT'?)"),
    (entry(future="THREATN"), "entry 't.entry': key 'future': unknown type 'THREATN' "
                              "(did you mean 'THREATEN'?)"),
    (entry(negated="REJCT"), "entry 't.entry': key 'negated': unknown type 'REJCT' "
                             "(did you mean 'REJECT'?)"),
    (entry(mode="airstrike"), "entry 't.entry': key 'mode': unknown ASSAULT mode 'airstrike'"),
    (entry(mode="firearm"), "key 'mode': unknown ASSAULT mode 'firearm' (did you mean "
                            "'firearms'?)"),
    (entry(type="AGREE", mode="phone"), "entry 't.entry': key 'mode': type AGREE takes no "
                                        "mode (got 'phone')"),
    (entry(id="Assault Strike"), "key 'id': 'Assault Strike' is no valid id"),
    # missing and inconsistent keys
    (entry(type=None), "entry 't.entry': key 'type': missing"),
    (entry(patterns=None), "entry 't.entry': key 'patterns': missing"),
    (entry(patterns=[]), "entry 't.entry': key 'patterns': an entry needs at least one pattern"),
    (entry(type="NONE"), "entry 't.entry': key 'negated': required when type is NONE"),
    # pattern syntax
    (entry(patterns=["strike:X"]), "entry 't.entry': key 'patterns': pattern 'strike:X': "
                                   "'strike:X': unknown POS tag 'X'"),
    (entry(patterns=["strike:v"]), "unknown POS tag 'v' (did you mean 'V'?)"),
    (entry(patterns=["fire * missile||rocket"]),
     "pattern 'fire * missile||rocket': 'missile||rocket': empty alternative"),
    (entry(patterns=["fire|"]), "pattern 'fire|': 'fire|': empty alternative"),
    (entry(patterns=["* fire"]), "pattern '* fire': a pattern must start and end with a word"),
    (entry(patterns=["fire **"]), "pattern 'fire **': a pattern must start and end with a word"),
    (entry(patterns=["fire * ** at"]), "pattern 'fire * ** at': two gaps in a row"),
    (entry(patterns=["fire *** at"]), "pattern 'fire *** at': unknown gap '***'"),
    (entry(patterns=["!fire at|on !into"]), "2 head markers ('!'); at most one"),
    (entry(patterns=["-warning fire"]), "a pattern cannot start with a negative test"),
    (entry(patterns=["fire !-warning at"]), "a negative test cannot be the head"),
    (entry(patterns=["fire * &MUNITIONS"]), "pattern 'fire * &MUNITIONS': '&MUNITIONS': "
                                            "unknown word set '&MUNITIONS'"),
    (entry(patterns=["fire at @night"]), "'@' (nominal) only opens a pattern"),
    (entry(patterns=[""]), "pattern '': empty pattern"),
    (entry(patterns=["strike:V", "strike:V"]), "pattern 'strike:V' listed twice"),
    (entry(patterns=[["strike"]]), "key 'patterns': ['strike'] is neither a pattern string"),
]


def deps(**changes):
    base = {"id": "truce-broken", "construction": "a truce broken",
            "examples": ["Rebels broke the truce."],
            "deps": [{"node": "verb", "lemma": "break", "pos": "V"},
                     {"node": "truce", "from": "verb", "dep": "dobj|nsubjpass",
                      "lemma": "truce"}]}
    base.update(changes)
    return entry(patterns=[{k: v for k, v in base.items() if v is not None}])


def node(**changes):
    return deps(deps=[{"node": "verb", "lemma": "break"},
                      {"node": "truce", "from": "verb", "lemma": "truce", **changes}])


BAD_ENTRIES += [
    # dependency patterns
    (deps(construcion="x"), "entry 't.entry': key 'patterns': pattern 'truce-broken': unknown "
                            "key 'construcion' (did you mean 'construction'?)"),
    (deps(examples=None), "pattern 'truce-broken': key 'examples' is missing"),
    (deps(examples=[]), "pattern 'truce-broken': 'examples' must be a non-empty list"),
    (deps(construction=" "), "'construction' must name the construction in words"),
    (deps(id="Truce Broken"), "id 'Truce Broken' is no valid pattern id"),
    (deps(deps=[]), "pattern 'truce-broken': 'deps' must be a non-empty list of nodes"),
    (deps(deps=[{"node": "verb", "pos": "V"}]),
     "node 'verb': the first node is the trigger's head: it needs a 'lemma' or 'lower' test"),
    (deps(deps=[{"node": "verb", "lemma": "break", "from": "x"}]),
     "node 'verb': the first node is the trigger's head: it takes no 'from' or 'rel'"),
    (node(**{"from": "verbb"}), "node 'truce': 'from' names 'verbb', which is no earlier node "
                                "(did you mean 'verb'?)"),
    (deps(deps=[{"node": "verb", "lemma": "break"}, {"node": "truce", "lemma": "truce"}]),
     "node 'truce': key 'from' is missing"),
    (node(rel=">>>"), "node 'truce': unknown 'rel' '>>>'"),
    (node(dep="dobject"), "node 'truce': key 'dep': unknown dependency label 'dobject' "
                          "(did you mean 'dobj'?)"),
    (node(pos="X"), "node 'truce': key 'pos': unknown POS tag 'X'"),
    (node(lemma="truce||ceasefire"), "node 'truce': key 'lemma': empty alternative"),
    (node(lemma="&TRUCES"), "node 'truce': key 'lemma': unknown word set '&TRUCES'"),
    (node(lemma=["truce"]), "node 'truce': key 'lemma': must be a string of alternatives"),
    (node(lema="truce"), "node 'truce': unknown key 'lema' (did you mean 'lemma'?)"),
    (deps(deps=[{"node": "verb", "lemma": "break"}, {"node": "verb", "from": "verb",
                                                     "lemma": "truce"}]),
     "node 'verb': node name used twice"),
    (deps(deps=[{"node": "verb", "lemma": "break"}, {"node": "truce", "from": "verb"}]),
     "node 'truce': a node needs a test"),
    (entry(patterns=[deps()["patterns"][0], deps()["patterns"][0]]),
     "key 'patterns': pattern id 'truce-broken' used twice"),
]


@pytest.mark.parametrize("bad,message", BAD_ENTRIES)
def test_bad_entry_gets_its_message(bad, message):
    problems = validate({"triggers": [bad]})
    assert any(message in p for p in problems), problems
    with pytest.raises(ConfigError) as err:
        Lexicon.from_yaml(yaml.safe_dump({"triggers": [bad]}), where="lex.yaml")
    assert f"lex.yaml: " in str(err.value) and message in str(err.value)


BAD_FILES = [
    ({"triggers": [entry()], "set": {}}, "top level: unknown key 'set' (did you mean 'sets'?)"),
    ({"sets": {}}, "top level: key 'triggers' is missing"),
    ({"triggers": {"id": "x"}}, "top level: 'triggers' must be a list of entries"),
    ({"triggers": ["strike:V"]}, "entry #1: must be a mapping of keys"),
    ({"triggers": [entry(), entry()]}, "entry 't.entry': key 'id': duplicate id (also entry #1)"),
    ({"sets": {"goods": ["flour"]}, "triggers": [entry()]},
     "sets: set 'goods': a set name is upper case"),
    ({"sets": {"GOODS": []}, "triggers": [entry()]},
     "sets: set 'GOODS': must be a non-empty list of words"),
    ({"sets": {"GOODS": ["flour", "flour"]}, "triggers": [entry(patterns=["get &GOODS"])]},
     "sets: set 'GOODS': 'flour' listed twice"),
    ({"sets": {"GOODS": ["&FOOD"], "FOOD": ["flour"]},
      "triggers": [entry(patterns=["get &GOODS|&FOOD"])]},
     "sets: set 'GOODS': '&FOOD' is not a word (sets hold words and =forms, not other sets)"),
    ({"sets": {"GOODS": ["flour"]}, "triggers": [entry()]}, "sets: set 'GOODS' is never used"),
]


@pytest.mark.parametrize("raw,message", BAD_FILES)
def test_bad_file_gets_its_message(raw, message):
    problems = validate(raw)
    assert message in problems or any(message in p for p in problems), problems


def test_every_problem_is_reported_at_once():
    problems = validate({"triggers": [entry(weigth=0.9, future="THREATN",
                                            patterns=["strike:X", "* hit"])]})
    assert len(problems) == 4, problems


def test_good_entries_pass():
    assert validate({"triggers": [entry(mode="aerial", future="THREATEN", weight=1,
                                        nominal=False, reverse=False, object_actor=False),
                                  entry(id="t.none", type="NONE", negated="REJECT",
                                        patterns=["take part", "=surround|=surrounds:V"])]}) == []
    assert validate([entry()]) == []  # a bare list of entries, as before named sets
    assert validate({"sets": {"TRUCE": ["truce", "ceasefire"]},
                     "triggers": [deps(deps=[{"node": "verb", "lemma": "break", "pos": "V"},
                                             {"node": "truce", "from": "verb", "rel": ">",
                                              "dep": "dobj", "lemma": "&TRUCE"}])]}) == []


def test_the_shipped_lexicon_is_valid():
    from importlib import resources

    text = resources.files("eventdesk.data").joinpath("triggers.yaml").read_text("utf-8")
    assert validate(yaml.safe_load(text)) == []


def test_the_schema_documents_every_key_the_file_header_names():
    from importlib import resources

    header = resources.files("eventdesk.data").joinpath("triggers.yaml").read_text("utf-8")
    for key in ENTRY_KEYS:
        assert f"#   {key}" in header or key in ("id", "patterns"), key


def test_modes_are_declared_for_plover_types_only():
    assert set(PLOVER_MODES) <= set(PLOVER_TYPES)


def test_weapon_modes_are_plover_assault_modes():
    from importlib import resources

    raw = yaml.safe_load(resources.files("eventdesk.data").joinpath("quantities.yaml")
                         .read_text("utf-8"))
    modes = {row["mode"] for table in raw.values() if isinstance(table, dict)
             for row in table.values() if isinstance(row, dict) and "mode" in row}
    assert modes and modes <= set(PLOVER_MODES["ASSAULT"])
