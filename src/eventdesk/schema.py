"""JSON Schema of the event output, generated from the records' type hints.

`eventdesk schema` prints it; docs/event.schema.json is the published copy (a test checks it
is up to date). The schema follows :meth:`Event.to_dict`: nested records become objects,
dates ISO strings, tuples arrays; `acled` is the pair [event type, sub-event type].
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from typing import Any

from eventdesk import records

SCHEMA_ID = "https://eventdesk.invalid/schema/event.schema.json"

# fields whose JSON form differs from their Python type
_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("Event", "acled_event_type"): {},
    ("Event", "acled_sub_event_type"): {},
}
_DESCRIPTIONS = {
    "type": "PLOVER root event type",
    "mode": "PLOVER mode (ASSAULT: aerial, drone, heavy-weapons, explosives, firearms, ...)",
    "country": "ISO 3166-1 alpha-3 code",
    "sector": "actor sector: GOV, MIL, CVL, REB, IGO, BUS, MED, ...",
    "precision": "city, admin2, admin1 or country",
    "fatalities": "people killed; null when the text gives no number",
    "injuries": "people injured; null when the text gives no number",
    "start": "character offset of the first character in the document text",
    "end": "character offset one past the last character",
    "stage": "the stage that made this fact",
    "carried": "the time expression was told in an earlier sentence and carried over to "
               "this event (the event's own sentence names no time)",
    "rule": "the rule that made this fact: for a trigger '<lexicon entry id>/<pattern id>', "
            "for a date window the time rule ('explicit', 'weekday', 'overnight', ...); '' "
            "when none is recorded",
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(members) < len(typing.get_args(tp))
        inner = _schema_for(members[0], defs) if len(members) == 1 else {
            "anyOf": [_schema_for(m, defs) for m in members]}
        return {"anyOf": [inner, {"type": "null"}]} if nullable else inner
    if origin is tuple:
        args = typing.get_args(tp)
        return {"type": "array", "items": _schema_for(args[0], defs)}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is date:
        return {"type": "string", "format": "date"}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _record_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    return {}


def _record_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if (cls.__name__, f.name) in _OVERRIDES:
            continue
        s = _schema_for(hints[f.name], defs)
        if f.name in _DESCRIPTIONS:
            s = {**s, "description": _DESCRIPTIONS[f.name]}
        props[f.name] = s
    if cls is records.DateWindow:
        props["earliest"] = {"type": "string", "format": "date"}
        props["latest"] = {"type": "string", "format": "date"}
        props["best"] = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
                         "description": "the most likely day inside the window when the "
                                        "wording gives one, else null (then: the latest day)"}
    if cls is records.Evidence:
        span = props.pop("span")
        del span
        for k, v in _record_schema(records.Span, defs)["properties"].items():
            props[k] = v
    if cls is records.Event:
        props["acled"] = {"anyOf": [{"type": "array", "items": {"type": "string"},
                                     "minItems": 2, "maxItems": 2}, {"type": "null"}],
                          "description": "ACLED [event type, sub-event type]"}
        props["type"] = {"enum": list(records.PLOVER_TYPES),
                         "description": _DESCRIPTIONS["type"]}
    return {"type": "object", "properties": props, "required": sorted(props),
            "additionalProperties": False}


def event_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    top = _record_schema(records.Event, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "eventdesk event",
        "description": "One coded event with the evidence for each of its fields "
                       "(generated from eventdesk.records).",
        **top,
        "$defs": dict(sorted(defs.items())),
    }
