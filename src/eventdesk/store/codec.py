"""Rebuild records from their stored JSON (the inverse of ``Event.to_dict``), and flatten
events into the queryable columns of the ``events`` table."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventdesk.records import (
    Actor,
    Damage,
    DateWindow,
    Document,
    Event,
    Evidence,
    Flag,
    MergedEvent,
    Place,
    Quote,
    SourceFigure,
    Span,
    Victim,
    Weapon,
)


def _span(d: dict[str, Any] | None) -> Span | None:
    if not d:
        return None
    return Span(start=int(d["start"]), end=int(d["end"]), text=d.get("text", ""),
                stage=d.get("stage", "") or "")


def _actor(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(name=d.get("name"), country=d.get("country"), sector=d.get("sector"),
                 span=_span(d.get("span")), entry_id=d.get("entry_id"))


def _place(d: dict[str, Any] | None) -> Place | None:
    if not d:
        return None
    return Place(name=d["name"], country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                 precision=d.get("precision") or "city", admin1=d.get("admin1"),
                 admin2=d.get("admin2"), geonameid=d.get("geonameid"), span=_span(d.get("span")))


def _window(d: dict[str, Any] | None) -> DateWindow | None:
    if not d:
        return None
    return DateWindow(earliest=date.fromisoformat(d["earliest"]),
                      latest=date.fromisoformat(d["latest"]),
                      span=_span(d.get("span")), rule=d.get("rule", "") or "",
                      best=date.fromisoformat(d["best"]) if d.get("best") else None,
                      carried=bool(d.get("carried", False)))


def event_from_dict(d: dict[str, Any]) -> Event:
    """The :class:`Event` whose ``to_dict()`` is ``d`` (``event_from_dict(e.to_dict()) == e``)."""
    acled = d.get("acled") or [None, None]
    trigger = _span(d["trigger"])
    sentence = _span(d["sentence"])
    assert trigger is not None and sentence is not None
    return Event(
        id=d["id"], doc_id=d["doc_id"], type=d["type"], mode=d.get("mode"),
        trigger=trigger, sentence=sentence,
        acled_event_type=acled[0], acled_sub_event_type=acled[1] if len(acled) > 1 else None,
        actor1=_actor(d.get("actor1")), actor2=_actor(d.get("actor2")),
        location=_place(d.get("location")), date=_window(d.get("date")),
        fatalities=d.get("fatalities"), injuries=d.get("injuries"),
        victims=tuple(Victim(outcome=v["outcome"], count=v.get("count"),
                             kind=v.get("kind", "person"), age=v.get("age"),
                             span=_span(v.get("span"))) for v in d.get("victims") or ()),
        weapons=tuple(Weapon(kind=w["kind"], count=w.get("count"), span=_span(w.get("span")))
                      for w in d.get("weapons") or ()),
        damage=tuple(Damage(object=x["object"], count=x.get("count"), span=_span(x.get("span")))
                     for x in d.get("damage") or ()),
        quotes=tuple(Quote(text=q["text"], speaker=q.get("speaker"), span=_span(q.get("span")),
                           speaker_span=_span(q.get("speaker_span")))
                     for q in d.get("quotes") or ()),
        confidence=float(d.get("confidence", 0.5)),
        evidence=tuple(Evidence(role=e["role"], span=_span(e), rule=e.get("rule") or "")  # type: ignore[arg-type]
                       for e in d.get("evidence") or ()),
    )


def _pair(v: Any) -> tuple[int, int] | None:
    return (int(v[0]), int(v[1])) if v else None


# The stage of every event flag (records.EVENT_FLAGS): Flag.to_dict() leaves the stage out.
EVENT_FLAG_STAGE = "document.sourcing"


def flag_from_dict(d: dict[str, Any], *, stage: str = EVENT_FLAG_STAGE) -> Flag:
    """The :class:`Flag` whose ``to_dict()`` is ``d`` (a merged event's or a source's)."""
    spans = tuple(Span(int(e["start"]), int(e["end"]), e.get("text", ""), stage)
                  for e in d.get("evidence") or ())
    return Flag(flag=d["flag"], explanation=d.get("explanation", ""), evidence=spans,
                doc_id=d.get("doc_id"), stage=stage)


def source_from_dict(d: dict[str, Any]) -> SourceFigure:
    pub = d.get("published")
    return SourceFigure(
        doc_id=d["doc_id"], event_id=d["event_id"],
        published=date.fromisoformat(pub) if pub else None, outlet=d.get("outlet"),
        url=d.get("url"), title=d.get("title"), fatalities=d.get("fatalities"),
        injuries=d.get("injuries"), sentence=_span(d.get("sentence")),
        evidence=tuple(Evidence(role=e["role"], span=_span(e), rule=e.get("rule") or "")  # type: ignore[arg-type]
                       for e in d.get("evidence") or ()),
        flags=tuple(flag_from_dict(f) for f in d.get("flags") or ()))


def merged_from_dict(d: dict[str, Any]) -> MergedEvent:
    """The :class:`MergedEvent` whose ``to_dict()`` is ``d``."""
    return MergedEvent(
        id=d["id"], event=event_from_dict(d["event"]),
        sources=tuple(source_from_dict(s) for s in d.get("sources") or ()),
        fatalities=d.get("fatalities"), injuries=d.get("injuries"),
        fatalities_range=_pair(d.get("fatalities_range")),
        injuries_range=_pair(d.get("injuries_range")),
        conflicting=bool(d.get("conflicting")), member_ids=tuple(d.get("member_ids") or ()),
        stage=d.get("stage") or "merge.across",
        flags=tuple(flag_from_dict(f) for f in d.get("flags") or ()))


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "text": doc.text,
            "published": doc.published.isoformat() if doc.published else None,
            "title": doc.title, "url": doc.url, "source": doc.source}


def document_from_dict(d: dict[str, Any]) -> Document:
    pub = d.get("published")
    if isinstance(pub, str):
        pub = date.fromisoformat(pub)
    return Document(id=d["id"], text=d["text"], published=pub, title=d.get("title"),
                    url=d.get("url"), source=d.get("source"))


EVENT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "type", "mode", "acled_event_type", "acled_sub_event_type",
    "actor1_name", "actor1_country", "actor1_sector",
    "actor2_name", "actor2_country", "actor2_sector",
    "location_name", "location_admin1", "location_country", "lat", "lon", "precision",
    "geonameid", "date_earliest", "date_latest", "fatalities", "injuries", "confidence",
    "trigger_start", "trigger_end", "sentence_start", "sentence_end", "json",
)


def event_row(event: Event, json_text: str) -> tuple[Any, ...]:
    """The ``events`` table row of an event (order of :data:`EVENT_COLUMNS`)."""
    a1, a2, loc, when = event.actor1, event.actor2, event.location, event.date
    return (
        event.id, event.doc_id, event.type, event.mode, event.acled_event_type,
        event.acled_sub_event_type,
        a1.name if a1 else None, a1.country if a1 else None, a1.sector if a1 else None,
        a2.name if a2 else None, a2.country if a2 else None, a2.sector if a2 else None,
        loc.name if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.precision if loc else None,
        loc.geonameid if loc else None,
        when.earliest if when else None, when.latest if when else None,
        event.fatalities, event.injuries, float(event.confidence),
        event.trigger.start, event.trigger.end, event.sentence.start, event.sentence.end,
        json_text,
    )


CLUSTER_COLUMNS: tuple[str, ...] = (
    "cluster_id", "type", "mode", "acled_event_type", "acled_sub_event_type",
    "actor1_name", "actor1_country", "actor1_sector",
    "actor2_name", "actor2_country", "actor2_sector",
    "location_name", "location_admin1", "location_country", "lat", "lon", "precision",
    "date_earliest", "date_latest", "date_best",
    "fatalities", "fatalities_min", "fatalities_max", "injuries", "injuries_min", "injuries_max",
    "conflicting", "n_sources", "n_reports", "first_published", "last_published", "outlets",
    "representative", "doc_id", "json",
)


def cluster_row(m: MergedEvent, json_text: str) -> tuple[Any, ...]:
    """The ``clusters`` table row of a merged event (order of :data:`CLUSTER_COLUMNS`)."""
    ev = m.event
    a1, a2, loc, when = ev.actor1, ev.actor2, ev.location, ev.date
    fr, ir = m.fatalities_range or (None, None), m.injuries_range or (None, None)
    pubs = [s.published for s in m.sources if s.published]
    outlets: list[str] = []
    for s in m.sources:
        if s.outlet and s.outlet not in outlets:
            outlets.append(s.outlet)
    return (
        m.id, ev.type, ev.mode, ev.acled_event_type, ev.acled_sub_event_type,
        a1.name if a1 else None, a1.country if a1 else None, a1.sector if a1 else None,
        a2.name if a2 else None, a2.country if a2 else None, a2.sector if a2 else None,
        loc.name if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.precision if loc else None,
        when.earliest if when else None, when.latest if when else None,
        when.day if when else None,
        m.fatalities, fr[0], fr[1], m.injuries, ir[0], ir[1], bool(m.conflicting),
        len({s.doc_id for s in m.sources}) or 1, len(m.sources) or 1,
        min(pubs) if pubs else None, max(pubs) if pubs else None, "; ".join(outlets) or None,
        ev.id, ev.doc_id, json_text,
    )


def flag_row(scope: str, subject_id: str, doc_id: str, flag: Flag, dumps: Any) -> tuple[Any, ...]:
    """The ``flags`` table row of one flag."""
    evidence = [{"start": s.start, "end": s.end, "text": s.text} for s in flag.evidence]
    return (scope, subject_id, flag.doc_id or doc_id, flag.flag, flag.explanation,
            dumps(evidence), flag.stage or None)


def flag_from_row(doc_id: str, flag: str, explanation: str, evidence: str, stage: str | None,
                  *, scope: str = "document") -> Flag:
    """The :class:`Flag` of one ``flags`` table row (an event flag names its document)."""
    import json

    spans = tuple(Span(int(e["start"]), int(e["end"]), e.get("text", ""), stage or "")
                  for e in json.loads(evidence))
    return Flag(flag=flag, explanation=explanation, evidence=spans,
                doc_id=doc_id if scope == "event" else None, stage=stage or "")
