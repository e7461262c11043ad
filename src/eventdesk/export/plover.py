"""PLOVER-style JSON: one record per event, field names as the PLOVER gold-standard records use
them (``event``, ``mode``, ``source``/``target`` actor lists with ``actorText``, ``code``,
``sector``, ``eventText``, ``text``, ``eventLoc``, ``dead``, ``injured``), plus eventdesk's
date window, evidence spans and per-report figures. A JSON array by default, or one record a line
with ``lines=True``. Written as it goes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.export._common import (Counter, ExportResult, FlagLookup, event_date, joined,
                                      text_output)
from eventdesk.export.countries import country
from eventdesk.records import Actor, MergedEvent


def _actor(actor: Actor | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    code = actor.country or (actor.sector if actor.sector in ("IGO", "NGO") else None)
    return [{"actorText": actor.name or "", "code": code or "", "sector": actor.sector or "",
             "country": actor.country}]


def record(m: MergedEvent, flags: FlagLookup = None) -> dict[str, Any]:
    ev = m.event
    loc = ev.location
    day = event_date(ev)
    c = country(loc.country if loc else None)
    rec: dict[str, Any] = {
        "id": m.id,
        "date": day.isoformat() if day else None,
        "dateWindow": ([ev.date.earliest.isoformat(), ev.date.latest.isoformat()]
                       if ev.date else None),
        "event": ev.type,
        "mode": ev.mode or "",
        "source": _actor(ev.actor1),
        "target": _actor(ev.actor2),
        "eventText": ev.trigger.text,
        "text": ev.sentence.text,
        "eventLoc": ({"name": loc.name, "country code": c.iso2 if c else None,
                      "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2,
                      "lat": loc.lat, "lon": loc.lon, "geonamesID": loc.geonameid,
                      "precision": loc.precision} if loc else None),
        "dead": m.fatalities,
        "injured": m.injuries,
        "acled": ([ev.acled_event_type, ev.acled_sub_event_type]
                  if ev.acled_event_type else None),
        "publication": joined(s.outlet for s in m.sources) or None,
        "language": "en",
        "coder": "eventdesk",
        "sources": [s.to_dict() for s in m.sources],
        "deadRange": list(m.fatalities_range) if m.fatalities_range else None,
        "injuredRange": list(m.injuries_range) if m.injuries_range else None,
        "conflicting": m.conflicting,
        "eventId": ev.id,
        "docId": ev.doc_id,
        "evidence": [e.to_dict() for e in ev.evidence],
        "confidence": round(ev.confidence, 3),
    }
    victims = [v.to_dict() for v in ev.victims]
    if victims:
        rec["victims"] = victims
    if ev.weapons:
        rec["weapons"] = [w.to_dict() for w in ev.weapons]
    if flags is not None:
        rec["flags"] = [f.to_dict() for f in flags(m)]
    return rec


class PloverJson:
    name = "plover-json"
    description = "PLOVER-style JSON records (array, or JSON lines with lines=True)"

    def write(self, records: Iterable[MergedEvent], out: Any, *, lines: bool = False,
              flags: FlagLookup = None, **options: Any) -> ExportResult:
        if options:
            raise ConfigError(f"plover-json: unknown options {sorted(options)}")
        count = Counter()
        with text_output(out) as f:
            if not lines:
                f.write("[")
            for m in records:
                text = json.dumps(record(m, flags), ensure_ascii=False)
                if lines:
                    f.write(text + "\n")
                else:
                    f.write(("\n" if count.written == 0 else ",\n") + text)
                count.written += 1
            if not lines:
                f.write("\n]\n")
        return count.result(self.name, out)
