"""The trigger lexicon's schema: what data/triggers.yaml may hold, checked before it is compiled.

As spaCy validates Matcher patterns: an unknown key is an error (a misspelt ``weigth: 0.9``
would otherwise load without a word and change nothing), every value is checked for its type
and range, every mode against the PLOVER modes of the entry's type, and every pattern for its
syntax. :func:`validate` returns every problem at once, each naming the entry, the key and
what is wrong; :meth:`eventdesk.extraction.lexicon.Lexicon.from_yaml` raises them together as
one :class:`~eventdesk.errors.ConfigError`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventdesk.records import PLOVER_MODES, PLOVER_TYPES

GAPS = ("*", "**")
POS_TAGS = ("V", "N", "C", "A")
SPECIAL_TYPES = ("NONE",)  # an entry that only counts when negated (see `negated`)
FUTURE_SPECIALS = ("drop",)
ID_RE = re.compile(r"^[a-z][a-z0-9_.-]*$")
SET_NAME_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
WORD_RE = re.compile(r"^=?[^\s|&*!@=:]+$")
TOP_KEYS = ("sets", "triggers")


@dataclass(frozen=True, slots=True)
class Key:
    """One key an entry may have: its JSON-ish type, whether it is required, and a check."""

    kind: str  # "str", "bool", "number", "list"
    doc: str
    required: bool = False
    check: Callable[[Any, Mapping[str, Any]], str | None] | None = None


def _type_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    if value in PLOVER_TYPES or value in SPECIAL_TYPES:
        return None
    return f"unknown type {value!r}{_did_you_mean(value, PLOVER_TYPES)}; expected a PLOVER " \
           f"type ({', '.join(PLOVER_TYPES)}) or NONE"


def _mode_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    etype = entry.get("type")
    if etype not in PLOVER_TYPES:
        return None  # the type's own problem is reported on `type`
    modes = PLOVER_MODES.get(etype, ())
    if not modes:
        return f"type {etype} takes no mode (got {value!r})"
    if value not in modes:
        return f"unknown {etype} mode {value!r}{_did_you_mean(value, modes)}; expected one " \
               f"of {', '.join(modes)}"
    return None


def _future_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    if value in PLOVER_TYPES or value in FUTURE_SPECIALS:
        return None
    return f"unknown type {value!r}{_did_you_mean(value, PLOVER_TYPES)}; expected a PLOVER " \
           "type or 'drop'"


def _negated_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    if value in PLOVER_TYPES:
        return None
    return f"unknown type {value!r}{_did_you_mean(value, PLOVER_TYPES)}; expected a PLOVER type"


def _weight_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    if not 0.0 <= float(value) <= 1.0:
        return f"must lie between 0 and 1, got {value!r}"
    return None


def _id_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    if not ID_RE.match(value):
        return f"{value!r} is no valid id (lower-case letters, digits, '.', '_', '-')"
    return None


def _patterns_check(value: Any, entry: Mapping[str, Any]) -> str | None:
    return None if value else "an entry needs at least one pattern"


ENTRY_KEYS: dict[str, Key] = {
    "id": Key("str", "unique name of the entry (lower case, dots)", True, _id_check),
    "type": Key("str", "PLOVER root type, or NONE (counts only when negated)", True,
                _type_check),
    "mode": Key("str", "PLOVER mode of the entry's type, where the trigger fixes it",
                check=_mode_check),
    "future": Key("str", "type under a future/promise modal, or 'drop'", check=_future_check),
    "negated": Key("str", "type when the trigger is negated", check=_negated_check),
    "nominal": Key("bool", "noun triggers that need event evidence in their clause"),
    "weight": Key("number", "confidence of the trigger alone, 0-1", check=_weight_check),
    "reverse": Key("bool", "the grammatical object is the initiator"),
    "object_actor": Key("bool", "the trigger needs an actor as its object"),
    "patterns": Key("list", "the patterns: strings, or deps mappings (see the file's header)",
                    True,
                    _patterns_check),
}
_KINDS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
}
_KIND_NAMES = {"str": "a string", "bool": "true or false", "number": "a number",
               "list": "a list"}


def _did_you_mean(value: Any, options: Sequence[str]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(value.upper(), [o.upper() for o in options], n=1,
                                          cutoff=0.8)
        close = [o for o in options if close and o.upper() == close[0]]
    return f" (did you mean {close[0]!r}?)" if close else ""


# --------------------------------------------------------------------------- patterns

def surface_problems(source: str, sets: Mapping[str, Sequence[str]]) -> list[str]:
    """What is wrong with one surface pattern ("launch * strike|strikes"), if anything."""
    if not source.strip():
        return ["empty pattern"]
    text = source.strip()
    if text.startswith("@"):
        text = text[1:]
    parts = text.split()
    if not parts:
        return ["'@' alone is no pattern"]
    problems: list[str] = []
    if parts[0] in GAPS or parts[-1] in GAPS:
        problems.append("a pattern must start and end with a word, not a gap")
    heads = [p for p in parts if p.startswith("!")]
    if len(heads) > 1:
        problems.append(f"{len(heads)} head markers ('!'); at most one")
    for i, part in enumerate(parts):
        if part in GAPS:
            if i > 0 and parts[i - 1] in GAPS:
                problems.append("two gaps in a row; use '**' for a longer gap")
            continue
        if part.strip("*") == "":
            problems.append(f"unknown gap {part!r}; gaps are '*' (0-3 words) and '**' (0-6)")
            continue
        problems.extend(_test_problems(part, sets, first=(i == 0)))
    if "@" in text:
        problems.append("'@' (nominal) only opens a pattern")
    return problems


def _test_problems(part: str, sets: Mapping[str, Sequence[str]], *, first: bool) -> list[str]:
    raw = part
    problems: list[str] = []
    if raw.startswith("!"):
        raw = raw[1:]
        if raw.startswith("-"):
            problems.append(f"{part!r}: a negative test cannot be the head")
    if raw.startswith("-"):
        raw = raw[1:]
        if first:
            problems.append(f"{part!r}: a pattern cannot start with a negative test")
    if ":" in raw:
        raw, tag = raw.rsplit(":", 1)
        if tag not in POS_TAGS:
            problems.append(f"{part!r}: unknown POS tag {tag!r}{_did_you_mean(tag, POS_TAGS)};"
                            " expected V (verb), N (noun) or A (adjective)")
    for alt in raw.split("|"):
        if alt == "":
            problems.append(f"{part!r}: empty alternative")
        elif alt.startswith("&"):
            name = alt[1:]
            if name not in sets:
                problems.append(f"{part!r}: unknown word set {alt!r}"
                                f"{_did_you_mean(name, list(sets))}")
        elif alt == "=":
            problems.append(f"{part!r}: '=' needs a word")
        elif not WORD_RE.match(alt):
            problems.append(f"{part!r}: {alt!r} is not a word")
    return problems


# dependency labels of spaCy's English pipelines (ClearNLP style)
DEP_LABELS = ("ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux",
              "auxpass", "case", "cc", "ccomp", "compound", "conj", "csubj", "csubjpass",
              "dative", "dep", "det", "dobj", "expl", "intj", "mark", "meta", "neg", "nmod",
              "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp", "pobj",
              "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp")
RELATIONS = (">", ">>", "<", "<<")
DEPS_KEYS = {"id": "the pattern's id (lower case, '-')",
             "construction": "the construction it handles, in words",
             "examples": "sentences written for the tests, each showing the construction",
             "deps": "the nodes: the trigger's head first, then words related to it"}
NODE_KEYS = {"node": "the node's name", "from": "the earlier node this one is related to",
             "rel": "how: > a dependent of it (default), >> below it, < its head, << above it",
             "lemma": "lemma alternatives (a|b, &SET)", "lower": "word forms (a|b, &SET)",
             "pos": "V, N, C or A (a|b)", "dep": "dependency label alternatives (dobj|nsubjpass)"}
PATTERN_ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")
NODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def deps_problems(raw: Mapping[str, Any], sets: Mapping[str, Sequence[str]]) -> list[str]:
    """What is wrong with one dependency pattern (a mapping with ``deps:``), if anything."""
    problems: list[str] = []
    for key in raw:
        if key not in DEPS_KEYS:
            problems.append(f"unknown key {key!r}{_did_you_mean(str(key), list(DEPS_KEYS))}")
    for key in DEPS_KEYS:
        if key not in raw:
            problems.append(f"key {key!r} is missing ({DEPS_KEYS[key]})")
    pid = raw.get("id")
    if "id" in raw and not (isinstance(pid, str) and PATTERN_ID_RE.match(pid)):
        problems.append(f"id {pid!r} is no valid pattern id (lower-case letters, digits, '-')")
    if "construction" in raw and not (isinstance(raw["construction"], str)
                                      and raw["construction"].strip()):
        problems.append("'construction' must name the construction in words")
    examples = raw.get("examples")
    if "examples" in raw and not (isinstance(examples, list) and examples
                                  and all(isinstance(e, str) and e.strip() for e in examples)):
        problems.append("'examples' must be a non-empty list of sentences")
    nodes = raw.get("deps")
    if "deps" not in raw:
        return problems
    if not isinstance(nodes, list) or not nodes:
        return problems + ["'deps' must be a non-empty list of nodes"]
    names: list[str] = []
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            problems.append(f"node #{i + 1}: must be a mapping of keys, got {node!r}")
            continue
        name = node.get("node")
        where = f"node {name!r}" if isinstance(name, str) else f"node #{i + 1}"
        problems.extend(f"{where}: {p}" for p in _node_problems(node, i, names, sets))
        if isinstance(name, str):
            names.append(name)
    return problems


def _node_problems(node: Mapping[str, Any], i: int, earlier: Sequence[str],
                   sets: Mapping[str, Sequence[str]]) -> list[str]:
    problems: list[str] = []
    for key in node:
        if key not in NODE_KEYS:
            problems.append(f"unknown key {key!r}{_did_you_mean(str(key), list(NODE_KEYS))}")
    name = node.get("node")
    if name is None:
        problems.append("key 'node' is missing (the node's name)")
    elif not (isinstance(name, str) and NODE_RE.match(name)):
        problems.append(f"{name!r} is no valid node name (lower case, digits, '_')")
    elif name in earlier:
        problems.append("node name used twice")
    if i == 0:
        if "from" in node or "rel" in node:
            problems.append("the first node is the trigger's head: it takes no 'from' or 'rel'")
        if "lemma" not in node and "lower" not in node:
            problems.append("the first node is the trigger's head: it needs a 'lemma' or "
                            "'lower' test")
    else:
        src = node.get("from")
        if src is None:
            problems.append("key 'from' is missing (the earlier node this one is related to)")
        elif src not in earlier:
            problems.append(f"'from' names {src!r}, which is no earlier node"
                            f"{_did_you_mean(str(src), list(earlier))}")
        rel = node.get("rel", ">")
        if rel not in RELATIONS:
            problems.append(f"unknown 'rel' {rel!r}; expected one of {', '.join(RELATIONS)}")
    if not any(k in node for k in ("lemma", "lower", "pos", "dep")):
        problems.append("a node needs a test: 'lemma', 'lower', 'pos' or 'dep'")
    for key in ("lemma", "lower", "pos", "dep"):
        if key not in node:
            continue
        value = node[key]
        if not isinstance(value, str) or not value:
            problems.append(f"key {key!r}: must be a string of alternatives (a|b), got {value!r}")
            continue
        for alt in value.split("|"):
            if alt == "":
                problems.append(f"key {key!r}: empty alternative in {value!r}")
            elif key == "pos" and alt not in POS_TAGS:
                problems.append(f"key 'pos': unknown POS tag {alt!r}"
                                f"{_did_you_mean(alt, POS_TAGS)}; expected V, N or A")
            elif key == "dep" and alt not in DEP_LABELS:
                problems.append(f"key 'dep': unknown dependency label {alt!r}"
                                f"{_did_you_mean(alt, DEP_LABELS)}")
            elif key in ("lemma", "lower") and alt.startswith("&"):
                if alt[1:] not in sets:
                    problems.append(f"key {key!r}: unknown word set {alt!r}"
                                    f"{_did_you_mean(alt[1:], list(sets))}")
            elif key in ("lemma", "lower") and not WORD_RE.match(alt.lstrip("=")):
                problems.append(f"key {key!r}: {alt!r} is not a word")
    return problems


def _deps_set_refs(raw: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    for node in raw.get("deps") or ():
        if isinstance(node, dict):
            for key in ("lemma", "lower"):
                if isinstance(node.get(key), str):
                    out |= {a[1:] for a in node[key].split("|") if a.startswith("&")}
    return out


def _set_refs(source: str) -> set[str]:
    return {alt[1:] for part in source.split() for alt in part.lstrip("!-@").split(":")[0]
            .split("|") if alt.startswith("&")}


# --------------------------------------------------------------------------- the file

def validate(raw: Any) -> list[str]:
    """Every problem of a loaded triggers.yaml (``yaml.safe_load`` of it); [] when valid.

    The file is either a mapping ``{sets: {NAME: [words]}, triggers: [entries]}`` or, as
    before named sets, a bare list of entries.
    """
    problems: list[str] = []
    sets: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for key in raw:
            if key not in TOP_KEYS:
                problems.append(f"top level: unknown key {key!r}"
                                f"{_did_you_mean(str(key), TOP_KEYS)}; expected "
                                f"{' and '.join(TOP_KEYS)}")
        sets, set_problems = _check_sets(raw.get("sets"))
        problems.extend(set_problems)
        entries = raw.get("triggers")
        if entries is None:
            problems.append("top level: key 'triggers' is missing")
            return problems
    else:
        entries = raw
    if entries is None:
        return problems
    if not isinstance(entries, list):
        return problems + [f"top level: 'triggers' must be a list of entries, got "
                           f"{type(entries).__name__}"]
    seen: dict[str, int] = {}
    used_sets: set[str] = set()
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            problems.append(f"entry #{n}: must be a mapping of keys, got {entry!r}")
            continue
        name = f"entry {entry['id']!r}" if isinstance(entry.get("id"), str) else f"entry #{n}"
        problems.extend(f"{name}: {p}" for p in _entry_problems(entry, sets))
        if isinstance(entry.get("id"), str):
            if entry["id"] in seen:
                problems.append(f"{name}: key 'id': duplicate id (also entry #{seen[entry['id']]})")
            seen.setdefault(entry["id"], n)
        for source in entry.get("patterns") or ():
            if isinstance(source, str):
                used_sets |= _set_refs(source)
            elif isinstance(source, dict):
                used_sets |= _deps_set_refs(source)
    for unused in sorted(set(sets) - used_sets):
        problems.append(f"sets: set {unused!r} is never used")
    return problems


def _check_sets(raw: Any) -> tuple[dict[str, list[str]], list[str]]:
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [f"sets: must be a mapping NAME: [words], got {type(raw).__name__}"]
    sets: dict[str, list[str]] = {}
    problems: list[str] = []
    for name, words in raw.items():
        where = f"sets: set {name!r}"
        if not isinstance(name, str) or not SET_NAME_RE.match(name):
            problems.append(f"{where}: a set name is upper case (A-Z, 0-9, _)")
            continue
        if not isinstance(words, list) or not words:
            problems.append(f"{where}: must be a non-empty list of words")
            continue
        ok = []
        for w in words:
            if not isinstance(w, str) or not WORD_RE.match(w):
                problems.append(f"{where}: {w!r} is not a word (sets hold words and =forms, "
                                "not other sets)")
            elif w in ok:
                problems.append(f"{where}: {w!r} listed twice")
            else:
                ok.append(w)
        sets[name] = ok
    return sets, problems


def _entry_problems(entry: Mapping[str, Any], sets: Mapping[str, Sequence[str]]) -> list[str]:
    problems: list[str] = []
    for key, value in entry.items():
        spec = ENTRY_KEYS.get(key)
        if spec is None:
            problems.append(f"key {key!r}: unknown key{_did_you_mean(str(key), list(ENTRY_KEYS))}")
            continue
        if not _KINDS[spec.kind](value):
            problems.append(f"key {key!r}: must be {_KIND_NAMES[spec.kind]}, got {value!r}")
            continue
        if spec.check is not None:
            msg = spec.check(value, entry)
            if msg:
                problems.append(f"key {key!r}: {msg}")
    for key, spec in ENTRY_KEYS.items():
        if spec.required and key not in entry:
            problems.append(f"key {key!r}: missing ({spec.doc})")
    if entry.get("type") == "NONE" and "negated" not in entry:
        problems.append("key 'negated': required when type is NONE (the entry counts only "
                        "when negated)")
    patterns = entry.get("patterns")
    if isinstance(patterns, list):
        seen: set[str] = set()
        for source in patterns:
            if isinstance(source, dict):
                pid = source.get("id")
                label = f"pattern {pid!r}" if isinstance(pid, str) else "a deps pattern"
                if isinstance(pid, str) and pid in seen:
                    problems.append(f"key 'patterns': pattern id {pid!r} used twice")
                seen.add(str(pid))
                problems.extend(f"key 'patterns': {label}: {p}"
                                for p in deps_problems(source, sets))
                continue
            if not isinstance(source, str):
                problems.append(f"key 'patterns': {source!r} is neither a pattern string nor "
                                "a deps pattern")
                continue
            if source in seen:
                problems.append(f"key 'patterns': pattern {source!r} listed twice")
            seen.add(source)
            problems.extend(f"key 'patterns': pattern {source!r}: {p}"
                            for p in surface_problems(source, sets))
    return problems
