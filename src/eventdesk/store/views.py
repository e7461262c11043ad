"""Queries of the merged view (one row per real-world event) and the counts the page shows.

Part of the store: imports the records and the store's own modules only. The ``clusters`` table
has the filter columns of ``events`` under the same names, so :func:`build_where` serves both.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import MergedEvent
from eventdesk.store.codec import CLUSTER_COLUMNS, merged_from_dict
from eventdesk.store.query import build_where

ORDERS: dict[str, str] = {
    "date": "e.date_earliest NULLS LAST, e.{id}",
    "oldest": "e.{day} NULLS LAST, e.{id}",
    "newest": "e.{day} DESC NULLS LAST, e.{id}",
    "killed": "e.fatalities DESC NULLS LAST, e.{day} DESC NULLS LAST, e.{id}",
}
ROW_COLUMNS: tuple[str, ...] = tuple(c for c in CLUSTER_COLUMNS if c != "json")


def order_by(order: str, *, merged: bool) -> str:
    if order not in ORDERS:
        raise InputError("order", f"{order!r} is not one of {', '.join(ORDERS)}")
    return " ORDER BY " + ORDERS[order].format(id="cluster_id" if merged else "id",
                                               day="date_best" if merged else "date_latest")


def paging(offset: int | None, limit: int | None) -> str:
    out = ""
    if limit is not None:
        if int(limit) < 0:
            raise InputError("limit", "must be 0 or more")
        out += f" LIMIT {int(limit)}"
    if offset:
        if int(offset) < 0:
            raise InputError("offset", "must be 0 or more")
        out += f" OFFSET {int(offset)}"
    return out


def _one(cur: Any) -> Any:
    """The first row of a result, reading it to the end (DuckDB refuses to begin a
    transaction while a result is unfinished)."""
    rows = cur.fetchall()
    return rows[0] if rows else None


class MergedViews:
    """Mixin of :class:`eventdesk.store.Store`: the merged view."""

    con: Any

    def place_point(self, name: str) -> tuple[float, float]:  # pragma: no cover - Store's
        raise NotImplementedError

    def _where(self, filters: dict[str, Any], *, merged: bool) -> tuple[str, list[Any]]:
        filters = dict(filters)
        near = filters.get("near")
        if isinstance(near, str):
            filters["near"] = self.place_point(near)
        doc_id = filters.pop("doc_id", None) if merged else None
        where, params = build_where(**filters)
        if doc_id is not None:
            clause = "e.cluster_id IN (SELECT cluster_id FROM event_sources WHERE doc_id = ?)"
            where = (where + " AND " if where else " WHERE ") + clause
            params.append(doc_id)
        return where, params

    def merged(self, *, order: str = "date", offset: int | None = None,
               limit: int | None = None, **filters: Any) -> list[MergedEvent]:
        """Merged events (records.MergedEvent) matching every filter of ``Store.events``
        (applied to the merged event: its type, window, place, actors, reported figure;
        ``doc_id``: the clusters that document reports). ``order``: date (window start, the
        default), newest or oldest (by best day), killed."""
        where, params = self._where(filters, merged=True)
        cur = self.con.execute(f"SELECT e.json FROM clusters e{where}"
                               f"{order_by(order, merged=True)}{paging(offset, limit)}", params)
        return [merged_from_dict(json.loads(r[0])) for r in cur.fetchall()]

    def merged_rows(self, *, order: str = "date", offset: int | None = None,
                    limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The same merged events as flat rows (the ``clusters`` columns but ``json``)."""
        where, params = self._where(filters, merged=True)
        cols = ", ".join(f"e.{c}" for c in ROW_COLUMNS)
        cur = self.con.execute(f"SELECT {cols} FROM clusters e{where}"
                               f"{order_by(order, merged=True)}{paging(offset, limit)}", params)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def merged_table_json(self, columns: Sequence[str], *, order: str = "date",
                          offset: int | None = None, limit: int | None = None,
                          **filters: Any) -> str:
        """The same merged events as one JSON array of arrays (``columns`` of the
        ``clusters`` table, dates as ISO strings), built by DuckDB: the page's fast path."""
        unknown = [c for c in columns if c not in ROW_COLUMNS]
        if unknown:
            raise InputError("columns", f"unknown column(s) {', '.join(unknown)}")
        where, params = self._where(filters, merged=True)
        cols = ", ".join(f"e.{c}" for c in columns)
        ordered = order_by(order, merged=True).replace(" ORDER BY ", "")
        inner = f"SELECT * FROM clusters e{where}{order_by(order, merged=True)}" \
                f"{paging(offset, limit)}"
        row = _one(self.con.execute(
            f"SELECT CAST(to_json(list(json_array({cols}) ORDER BY {ordered})) AS VARCHAR) "
            f"FROM ({inner}) e", params))
        return row[0] if row and row[0] else "[]"

    def merged_event(self, cluster_id: str) -> MergedEvent | None:
        row = _one(self.con.execute("SELECT json FROM clusters WHERE cluster_id = ?",
                               [cluster_id]))
        return merged_from_dict(json.loads(row[0])) if row else None

    def cluster_of(self, event_id: str) -> str | None:
        row = _one(self.con.execute("SELECT cluster_id FROM event_sources WHERE event_id = ?",
                               [event_id]))
        return row[0] if row else None

    def stats(self, *, merged: bool = True, **filters: Any) -> dict[str, Any]:
        """Counts for the page's header: events (merged: each real-world event once), reports,
        documents, by type and month, killed and injured (merged: each event's reported
        figure, counted once), the first and last day."""
        where, params = self._where(filters, merged=merged)
        table = "clusters" if merged else "events"
        reports = "sum(e.n_reports)" if merged else "count(*)"
        multi = "count(*) FILTER (WHERE e.n_sources > 1)" if merged else "0"
        row = _one(self.con.execute(
            f"SELECT count(*), coalesce({reports}, 0), coalesce(sum(e.fatalities), 0), "
            f"coalesce(sum(e.injuries), 0), count(*) FILTER (WHERE e.fatalities > 0), "
            f"min(e.date_earliest), max(e.date_latest), {multi} FROM {table} e{where}",
            params))
        if merged:
            docs = _one(self.con.execute(
                f"SELECT count(DISTINCT s.doc_id) FROM event_sources s WHERE s.cluster_id IN "
                f"(SELECT e.cluster_id FROM clusters e{where})", params))[0]
        else:
            docs = _one(self.con.execute(f"SELECT count(DISTINCT e.doc_id) FROM events e{where}",
                                    params))[0]
        by_type = self.con.execute(
            f"SELECT e.type, count(*) n FROM {table} e{where} GROUP BY 1 ORDER BY n DESC, 1",
            params).fetchall()
        by_month = self.con.execute(
            f"SELECT coalesce(strftime(e.date_earliest, '%Y-%m'), 'undated') m, count(*) "
            f"FROM {table} e{where} GROUP BY 1 ORDER BY 1", params).fetchall()
        first, last = row[5], row[6]
        return {
            "view": "merged" if merged else "reports",
            "events": int(row[0]), "reports": int(row[1]), "documents": int(docs),
            "multi_source": int(row[7]),
            "by_type": {t: int(n) for t, n in by_type},
            "by_month": {m: int(n) for m, n in by_month},
            "fatalities": int(row[2]), "injuries": int(row[3]),
            "events_with_fatalities": int(row[4]),
            "first": first.isoformat() if isinstance(first, date) else None,
            "last": last.isoformat() if isinstance(last, date) else None,
        }

