"""SQL filters of :meth:`Store.events` (parameters bound, never formatted into SQL)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from eventdesk.errors import InputError

EARTH_KM = 6371.0088
DEFAULT_WITHIN_KM = 25.0
_ISO3 = re.compile(r"^[A-Z]{3}$")


def as_date(value: date | str, *, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (use YYYY-MM-DD)") from None


def build_where(*, type: str | Sequence[str] | None = None, since: date | str | None = None,
                until: date | str | None = None, near: tuple[float, float] | None = None,
                within_km: float | None = None,
                bbox: tuple[float, float, float, float] | None = None, actor: str | None = None,
                min_fatalities: int | None = None, doc_id: str | None = None,
                ) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause over ``events e`` and its parameters.

    Date filters keep events whose window overlaps [since, until] (events without a date
    are left out when a date filter is given)."""
    clauses: list[str] = []
    params: list[Any] = []
    if type:
        types = [type] if isinstance(type, str) else list(type)
        clauses.append(f"e.type IN ({', '.join('?' for _ in types)})")
        params += [t.upper() for t in types]
    if since is not None:
        clauses.append("e.date_latest >= ?")
        params.append(as_date(since, name="since"))
    if until is not None:
        clauses.append("e.date_earliest <= ?")
        params.append(as_date(until, name="until"))
    if near is not None:
        try:
            lat, lon = float(near[0]), float(near[1])
        except (TypeError, ValueError, IndexError):
            raise InputError("near", f"{near!r} is not (lat, lon)") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError("near", f"({lat}, {lon}) is not a point on Earth")
        km = DEFAULT_WITHIN_KM if within_km is None else float(within_km)
        clauses.append(
            "e.lat IS NOT NULL AND 2 * ? * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + "
            "cos(radians(?)) * cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2))) <= ?")
        params += [EARTH_KM, lat, lat, lon, km]
    elif within_km is not None:
        raise InputError("within_km", "needs near= (a place or LAT,LON)")
    if bbox is not None:
        try:
            west, south, east, north = (float(v) for v in bbox)
        except (TypeError, ValueError):
            raise InputError("bbox", f"{bbox!r} is not (west, south, east, north)") from None
        if south > north:
            raise InputError("bbox", "south is greater than north")
        lon_clause = "e.lon BETWEEN ? AND ?" if west <= east else "(e.lon >= ? OR e.lon <= ?)"
        clauses.append(f"e.lat BETWEEN ? AND ? AND {lon_clause}")
        params += [south, north, west, east]
    if actor:
        actor = actor.strip()
        if _ISO3.match(actor):
            clauses.append("(e.actor1_country = ? OR e.actor2_country = ?)")
            params += [actor, actor]
        else:
            clauses.append("(e.actor1_name ILIKE ? OR e.actor2_name ILIKE ?)")
            pattern = "%" + actor.replace("%", r"\%").replace("_", r"\_") + "%"
            params += [pattern, pattern]
    if min_fatalities is not None:
        clauses.append("e.fatalities >= ?")
        params.append(int(min_fatalities))
    if doc_id is not None:
        clauses.append("e.doc_id = ?")
        params.append(doc_id)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
