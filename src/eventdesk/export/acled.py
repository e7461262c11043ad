"""ACLED-style CSV: ACLED's column names, order and conventions (docs/exports.md).

- ``event_id_cnty``: the country's ISO3 letters + the merged event's id ("UKR3f9a...").
- ``event_date`` (YYYY-MM-DD) and ``time_precision`` from the date window: 1 for one day (or a
  two-day "overnight" window; the first day), 2 up to ten days, 3 longer (the middle day).
- ``geo_precision``: 1 town, 2 admin2 ("near"), 3 admin1 or country.
- Actors in ACLED style where country and sector allow: "Military Forces of Russia (2000-)",
  "Government of Ukraine (2019-)", "Civilians (Ukraine)", "Protesters (Kenya)"; else the name.
  ``inter1``/``inter2`` are ACLED's numeric codes (1 state forces, 2 rebel groups, 6 protesters,
  7 civilians, 8 external/other forces: IGOs and state forces outside their own country);
  ``interaction`` is the two codes, lower first ("17"), or ``inter1 * 10`` for one actor.
- ``fatalities``: the reported (latest) figure, 0 when unknown (ACLED's convention); the
  ``tags`` column says "fatalities unknown" or "conflicting fatality reports: 2-4".
- PLOVER events without an ACLED type: mapped where ACLED has one (ASSAULT by mode and target,
  PROTEST, COERCE arrests, AGREE/CONCEDE agreements, RETREAT, MOBILIZE); the remaining
  non-violent types (CONSULT, ACCUSE, REQUEST, ...) are skipped and counted by default, or go out
  as "Strategic developments / Other" with ``non_violent="strategic"``.
- ``timestamp``: the last report's publication date as Unix time (deterministic re-exports).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.export._common import (Counter, ExportResult, FlagLookup, event_date, flag_names,
                                      joined, text_output, time_precision)
from eventdesk.export.countries import country
from eventdesk.records import Actor, Event, MergedEvent

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "eventdesk_id", "plover_type", "plover_mode", "injuries", "fatalities_min", "fatalities_max",
    "conflicting", "n_sources", "urls",
)
GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "country": 3}
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
STATE_SECTORS = {"MIL", "GOV", "JUD", "LEG", "INS"}


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    if event_type in VIOLENT:
        return "Political violence"
    if event_type == "Protests":
        return ("Political violence; Demonstrations"
                if sub_event_type == "Excessive force against protesters" else "Demonstrations")
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    return "Strategic developments"


def acled_type(ev: Event, *, non_violent: str) -> tuple[str, str] | None:
    """The event's ACLED (event_type, sub_event_type): its own, else mapped from PLOVER."""
    if ev.acled_event_type:
        return ev.acled_event_type, ev.acled_sub_event_type or ""
    target = ev.actor2.sector if ev.actor2 else None
    mode = (ev.mode or "").lower()
    if ev.type == "ASSAULT":
        if mode in ("aerial", "drone", "air"):
            return "Explosions/Remote violence", "Air/drone strike"
        if mode in ("heavy-weapons", "artillery", "missile", "shelling"):
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if mode in ("explosives", "ied", "bombing"):
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "sexual":
            return "Violence against civilians", "Sexual violence"
        if mode in ("abduction", "kidnapping"):
            return "Violence against civilians", "Abduction/forced disappearance"
        if target == "CVL":
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    mapped = {"PROTEST": ("Protests", "Peaceful protest"),
              "AGREE": ("Strategic developments", "Agreement"),
              "CONCEDE": ("Strategic developments", "Agreement"),
              "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
              "MOBILIZE": ("Strategic developments", "Other")}.get(ev.type)
    if mapped:
        return mapped
    if ev.type == "COERCE" and mode in ("arrest", "detain", "detention"):
        return "Strategic developments", "Arrests"
    if non_violent == "strategic":
        return "Strategic developments", "Other"
    return None


def actor_name(actor: Actor | None, *, year: int | None, protest: bool = False) -> str:
    if actor is None:
        return ""
    c = country(actor.country)
    period = f" ({c.state_since}-)" if c and c.state_since and year and year >= c.state_since else ""
    if c and actor.sector == "MIL":
        return f"Military Forces of {c.name}{period}"
    if c and actor.sector in ("GOV", "LEG", "JUD"):
        return f"Government of {c.name}{period}"
    if c and protest:
        return f"Protesters ({c.name})"
    if c and actor.sector == "CVL":
        return f"Civilians ({c.name})"
    if actor.name:
        return actor.name
    if c and actor.sector == "REB":
        return f"Unidentified Armed Group ({c.name})"
    return c.name if c else ""


def inter_code(actor: Actor | None, *, place_country: str | None, protest: bool = False) -> int:
    if actor is None:
        return 0
    if protest:
        return 6
    sector = actor.sector
    if sector in STATE_SECTORS:
        foreign = actor.country and place_country and actor.country != place_country
        return 8 if foreign else 1
    return {"REB": 2, "CVL": 7, "MED": 7, "BUS": 7, "REL": 7, "IGO": 8, "NGO": 8,
            "OPP": 3, "POL": 3}.get(sector or "", 0)


def row(m: MergedEvent, *, non_violent: str = "skip", extras: bool = False,
        flags: FlagLookup = None) -> dict[str, Any] | str:
    """One CSV row, or the reason the record is skipped."""
    ev = m.event
    types = acled_type(ev, non_violent=non_violent)
    if types is None:
        return f"no ACLED type for {ev.type}"
    event_type, sub = types
    day = event_date(ev)
    if day is None:
        return "no date"
    loc = ev.location
    c = country(loc.country if loc else (ev.actor2.country if ev.actor2 else None))
    protest = event_type == "Protests"
    pcountry = loc.country if loc else None
    inter1 = inter_code(ev.actor1, place_country=pcountry, protest=protest)
    inter2 = inter_code(ev.actor2, place_country=pcountry)
    interaction = (min(inter1, inter2) * 10 + max(inter1, inter2) if inter1 and inter2
                   else (inter1 or inter2) * 10)
    civ = (event_type in VIOLENT and ev.actor2 is not None and ev.actor2.sector == "CVL")
    tags = []
    if m.fatalities is None:
        tags.append("fatalities unknown")
    if m.conflicting and m.fatalities_range and m.fatalities_range[0] != m.fatalities_range[1]:
        tags.append(f"conflicting fatality reports: {m.fatalities_range[0]}-"
                    f"{m.fatalities_range[1]}")
    names = flag_names(m, flags)
    if names:
        tags.append(f"eventdesk flags: {names}")
    pubs = [s.published for s in m.sources if s.published]
    stamp = (int(datetime(*max(pubs).timetuple()[:3], tzinfo=timezone.utc).timestamp())
             if pubs else "")
    out: dict[str, Any] = {
        "event_id_cnty": f"{c.iso3 if c else 'XXX'}{m.id}",
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": time_precision(ev),
        "disorder_type": disorder_type(event_type, sub),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": actor_name(ev.actor1, year=day.year, protest=protest),
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": actor_name(ev.actor2, year=day.year),
        "assoc_actor_2": "",
        "inter2": inter2 if ev.actor2 else "",
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": c.iso_numeric if c else "",
        "region": c.region if c else "",
        "country": c.name if c else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": f"{loc.lat:.4f}" if loc and loc.lat is not None else "",
        "longitude": f"{loc.lon:.4f}" if loc and loc.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(loc.precision, 3) if loc else "",
        "source": joined(s.outlet for s in m.sources),
        "source_scale": "",
        "notes": notes(m, day),
        "fatalities": m.fatalities if m.fatalities is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": stamp,
    }
    if extras:
        out.update({
            "eventdesk_id": m.id, "plover_type": ev.type, "plover_mode": ev.mode or "",
            "injuries": "" if m.injuries is None else m.injuries,
            "fatalities_min": m.fatalities_range[0] if m.fatalities_range else "",
            "fatalities_max": m.fatalities_range[1] if m.fatalities_range else "",
            "conflicting": int(m.conflicting), "n_sources": len(m.sources),
            "urls": joined(s.url for s in m.sources),
        })
    return out


def notes(m: MergedEvent, day: Any) -> str:
    """ACLED-style note: 'On 12 June 2024, <the source sentence>' plus figures per report."""
    text = " ".join((m.event.sentence.text or m.event.trigger.text or "").split())
    note = f"On {day.day} {day:%B %Y}, {text}" if text else f"On {day.day} {day:%B %Y}."
    if m.injuries is not None:
        note += f" [injuries: {m.injuries}]"
    if len(m.sources) > 1:
        figs = "; ".join(f"{s.outlet or s.doc_id} {s.published or ''}: "
                         f"{'?' if s.fatalities is None else s.fatalities} killed, "
                         f"{'?' if s.injuries is None else s.injuries} injured"
                         for s in m.sources)
        note += f" [{len(m.sources)} reports: {figs}]"
    return note


class AcledCsv:
    name = "acled-csv"
    description = "ACLED-style CSV (ACLED's columns and codes)"

    def write(self, records: Iterable[MergedEvent], out: Any, *, non_violent: str = "skip",
              extras: bool = False, flags: FlagLookup = None, **options: Any) -> ExportResult:
        if non_violent not in ("skip", "strategic"):
            raise ConfigError(f"acled-csv: non_violent must be 'skip' or 'strategic', "
                              f"not {non_violent!r}")
        if options:
            raise ConfigError(f"acled-csv: unknown options {sorted(options)}")
        count = Counter()
        cols = COLUMNS + (EXTRA_COLUMNS if extras else ())
        with text_output(out) as f:
            w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            for m in records:
                r = row(m, non_violent=non_violent, extras=extras, flags=flags)
                if isinstance(r, str):
                    count.skip(r)
                    continue
                w.writerow(r)
                count.written += 1
        return count.result(self.name, out)
