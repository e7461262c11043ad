"""The DuckDB event store: one file, transactional batches, queries that return records.

The store imports the records, never the stages: it saves and loads what stages made.
A document is written together with all its events and evidence in one transaction, so a
document row exists exactly when its coding is complete; killing the process at any moment
leaves the database as it was after the last committed batch.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventdesk.errors import InputError, StoreError
from eventdesk.records import Document, Event, Flag, MergedEvent
from eventdesk.store.codec import (CLUSTER_COLUMNS, EVENT_COLUMNS, cluster_row, event_from_dict,
                                   event_row)
from eventdesk.store.flags import FlagStore
from eventdesk.store.schema import MIGRATIONS, SCHEMA_V2, SCHEMA_VERSION
from eventdesk.store.query import build_where
from eventdesk.store.views import MergedViews, order_by, paging

if TYPE_CHECKING:  # pragma: no cover
    pass

# The columns merge.across needs of each stored report (Store.report_rows).
REPORT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "type", "mode", "date_earliest", "date_latest", "location_name",
    "location_admin1", "location_country", "lat", "lon", "precision", "actor1_country",
    "actor1_sector", "actor2_country", "actor2_sector", "fatalities", "injuries", "seq",
)
OnInsert = Callable[[list[tuple[Document, list[Event]]]], Iterable[MergedEvent]]
DEFAULT_PATH = "eventdesk.duckdb"


@dataclass(frozen=True, slots=True)
class Written:
    """What one :meth:`Store.add` call stored."""

    documents: int
    events: int
    seen: tuple[str, ...]  # ids already stored (nothing was written for them)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _one(cur: Any) -> Any:
    """The first row of a result, reading it to the end (DuckDB refuses to begin a
    transaction while a result is unfinished)."""
    rows = cur.fetchall()
    return rows[0] if rows else None


class Store(MergedViews, FlagStore):
    """``Store(path)`` opens (and creates or migrates) a DuckDB file; ``":memory:"`` works."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        self._next_seq: int | None = None
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                pid = re.search(r"\(PID (\d+)\)", str(exc))
                raise StoreError(
                    f"{self.path}: in use by another process"
                    + (f" (PID {pid.group(1)})" if pid else "")
                    + ": while `eventdesk serve` runs, send it documents (POST /api/documents "
                    "or `eventdesk ingest --server URL`) and read through its API; or wait "
                    "for the other process to finish") from None
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from None
        if not read_only:
            self._migrate()
        elif self._check_version() < SCHEMA_VERSION:
            version = self.schema_version()
            self.close()
            raise StoreError(f"{self.path}: database schema v{version} is older than this "
                             f"eventdesk (v{SCHEMA_VERSION}); open it once for writing to "
                             "upgrade it (eventdesk merge --db PATH)")

    @classmethod
    def on(cls, con: Any, path: str) -> "Store":
        """A Store over an open DuckDB connection (a cursor of the connection that opened and
        migrated ``path``): how one process serves readers beside its writer."""
        self = cls.__new__(cls)
        self.path, self.con, self._next_seq = path, con, None
        return self

    # --- schema ---------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = _one(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ))[0]
        if not exists:
            return 0
        return int(_one(self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version")
                   )[0])

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: database schema v{version} is newer than this "
                             f"eventdesk (v{SCHEMA_VERSION}); upgrade eventdesk")
        return version

    def _migrate(self) -> None:
        import duckdb

        version = self._check_version()
        try:
            if version == 0:
                tables = {r[0] for r in self.con.execute(
                    "SELECT table_name FROM information_schema.tables").fetchall()}
                if tables - {"schema_version"}:
                    raise StoreError(f"{self.path}: not an eventdesk database "
                                     f"(has tables {', '.join(sorted(tables))})")
                self.con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                                 "(version INTEGER PRIMARY KEY, applied DATE NOT NULL)")
            elif version == 2 and self._flags_v2():
                self._remigrate_flags_v2()
            for target in range(version + 1, SCHEMA_VERSION + 1):
                self.con.begin()
                try:
                    for statement in MIGRATIONS[target - 1]:
                        self.con.execute(statement)
                    self.con.execute("INSERT INTO schema_version VALUES (?, current_date)", [target])
                    self.con.commit()
                except BaseException:
                    self.con.rollback()
                    raise
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot create or migrate the schema: {exc}") from None

    def _flags_v2(self) -> bool:
        """Whether this v2 database is one the flags work wrote before it met the merged view
        (its v2 was the ``flags`` table, which is v3 now; its ``events`` have no ``seq``)."""
        columns = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
        ).fetchall()}
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        return "seq" not in columns and "flags" in tables

    def _remigrate_flags_v2(self) -> None:
        """Give a flags-v2 database the merged view's v2 (ingest order, clusters rebuilt on
        the next read-write open); its ``flags`` rows stay, and v3 then finds its table."""
        self.con.begin()
        try:
            for statement in SCHEMA_V2:
                self.con.execute(statement)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    # --- writing --------------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored (each with all its events)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these URLs a stored document has."""
        urls = [u for u in dict.fromkeys(urls) if u]
        if not urls:
            return set()
        rows = self.con.execute("SELECT DISTINCT url FROM documents WHERE url = ANY(?)",
                                [urls]).fetchall()
        return {r[0] for r in rows}

    def add(self, batch: Sequence[tuple[Document, Sequence[Event]]], *,
            flags: Mapping[str, Sequence[Flag]] | None = None,
            notes: Mapping[str, Sequence[Flag]] | None = None,
            on_insert: OnInsert | None = None) -> Written:
        """Store documents with their events and evidence, all in one transaction.

        Documents already stored (same content hash) are skipped, with their events; an
        event id met twice in one document is stored once. Each event gets the next ingest
        number (``seq``). ``flags`` (document id -> the document's flags) and ``notes``
        (event id -> what the report says of that event's sourcing) go into the ``flags``
        table with their documents. ``on_insert(docs)``, called inside the transaction with
        the documents actually written (the batch's new reports are visible to its queries),
        returns the merged events to store with them (``write_clusters``): so a report, its
        flags and its cluster are committed together, or none of them is."""
        import duckdb
        import pyarrow as pa

        try:
            self.con.begin()
            try:
                seen = self.known(doc.id for doc, _ in batch)
                docs: list[tuple[Document, list[Event]]] = []
                taken: set[str] = set()
                for doc, events in batch:
                    if doc.id in seen or doc.id in taken:
                        continue
                    taken.add(doc.id)
                    unique = list({e.id: e for e in events}.values())
                    docs.append((doc, unique))
                if docs:
                    self._insert(docs, pa)
                    if flags or notes:
                        self._insert_flags(docs, flags or {}, notes or {}, pa)
                    if on_insert is not None:
                        self.write_clusters(on_insert(docs))
                self.con.commit()
            except BaseException:
                self.con.rollback()
                self._next_seq = None
                raise
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: write failed, batch not stored: {exc}") from None
        return Written(documents=len(docs), events=sum(len(e) for _, e in docs),
                       seen=tuple(sorted(seen)))

    def _insert(self, docs: list[tuple[Document, list[Event]]], pa: Any) -> None:
        doc_table = pa.table({
            "id": [d.id for d, _ in docs],
            "published": pa.array([d.published for d, _ in docs], pa.date32()),
            "title": [d.title for d, _ in docs],
            "url": [d.url for d, _ in docs],
            "source": [d.source for d, _ in docs],
            "n_chars": pa.array([len(d.text) for d, _ in docs], pa.int32()),
            "n_events": pa.array([len(e) for _, e in docs], pa.int32()),
            "text": [d.text for d, _ in docs],
        })
        self._append("documents", doc_table)
        events = [e for _, evs in docs for e in evs]
        if not events:
            return
        if self._next_seq is None:
            self._next_seq = int(_one(self.con.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM events"))[0])
        first, self._next_seq = self._next_seq, self._next_seq + len(events)
        rows = [event_row(e, _dumps(e.to_dict())) + (first + n,) for n, e in enumerate(events)]
        columns = list(zip(*rows))
        types = {"lat": pa.float64(), "lon": pa.float64(), "geonameid": pa.int64(),
                 "date_earliest": pa.date32(), "date_latest": pa.date32(),
                 "fatalities": pa.int32(), "injuries": pa.int32(), "confidence": pa.float64(),
                 "trigger_start": pa.int32(), "trigger_end": pa.int32(),
                 "sentence_start": pa.int32(), "sentence_end": pa.int32(), "seq": pa.int64()}
        self._append("events", pa.table({
            name: pa.array(col, types.get(name, pa.string()))
            for name, col in zip(EVENT_COLUMNS + ("seq",), columns)
        }))
        ev = [(e.id, e.doc_id, x.role, x.span.start, x.span.end, x.span.text, x.span.stage)
              for e in events for x in e.evidence]
        if ev:
            cols = list(zip(*ev))
            self._append("evidence", pa.table({
                "event_id": pa.array(cols[0], pa.string()), "doc_id": pa.array(cols[1], pa.string()),
                "role": pa.array(cols[2], pa.string()), "start": pa.array(cols[3], pa.int32()),
                "end": pa.array(cols[4], pa.int32()), "text": pa.array(cols[5], pa.string()),
                "stage": pa.array(cols[6], pa.string()),
            }))

    def _append(self, table: str, arrow_table: Any, *, replace: bool = False) -> None:
        self.con.register("_incoming", arrow_table)
        try:
            cols = ", ".join(f'"{c}"' for c in arrow_table.column_names)
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def write_clusters(self, merged: Iterable[MergedEvent]) -> int:
        """Insert or replace these clusters (records.MergedEvent) and their sources' rows
        (each source row keeps the figures its document reported). Call inside a
        transaction (``add``'s ``on_insert``) or use :meth:`save_clusters`."""
        import pyarrow as pa

        merged = list(merged)
        if not merged:
            return 0
        rows = [cluster_row(m, _dumps(m.to_dict())) for m in merged]
        types = {"lat": pa.float64(), "lon": pa.float64(), "date_earliest": pa.date32(),
                 "date_latest": pa.date32(), "date_best": pa.date32(),
                 "first_published": pa.date32(), "last_published": pa.date32(),
                 "conflicting": pa.bool_(), "n_sources": pa.int32(), "n_reports": pa.int32()}
        for name in ("fatalities", "fatalities_min", "fatalities_max", "injuries",
                     "injuries_min", "injuries_max"):
            types[name] = pa.int32()
        cols = list(zip(*rows))
        self._append("clusters", pa.table({
            n: pa.array(c, types.get(n, pa.string())) for n, c in zip(CLUSTER_COLUMNS, cols)
        }), replace=True)
        sources = list({s.event_id: (m.id, s.event_id, s.doc_id, s.published, s.outlet, s.url,
                                     s.fatalities, s.injuries)
                        for m in merged for s in m.sources}.values())
        names = ["cluster_id", "event_id", "doc_id", "published", "source", "url",
                 "fatalities", "injuries"]
        stypes = [pa.string()] * 3 + [pa.date32(), pa.string(), pa.string(), pa.int32(),
                                      pa.int32()]
        cols = list(zip(*sources))
        self._append("event_sources", pa.table(
            {n: pa.array(c, t) for n, c, t in zip(names, cols, stypes)}), replace=True)
        return len(rows)

    def save_clusters(self, merged: Iterable["MergedEvent"]) -> int:
        """Replace every cross-document cluster with ``merged``, in one transaction."""
        import duckdb

        try:
            self.con.begin()
            try:
                self.con.execute("DELETE FROM event_sources")
                self.con.execute("DELETE FROM clusters")
                n = 0
                chunk: list[MergedEvent] = []
                for m in merged:
                    chunk.append(m)
                    if len(chunk) >= 5000:
                        n += self.write_clusters(chunk)
                        chunk = []
                n += self.write_clusters(chunk)
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot store clusters: {exc}") from None
        return n

    def report_rows(self, *, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every stored report's merge columns (:data:`REPORT_COLUMNS`, ``published`` and its
        ``cluster_id``, None when it has none yet), in ingest order."""
        cols = ", ".join(f"e.{c}" for c in REPORT_COLUMNS)
        cur = self.con.cursor()
        cur.execute(f"SELECT {cols}, d.published, s.cluster_id FROM events e "
                    "JOIN documents d ON d.id = e.doc_id "
                    "LEFT JOIN event_sources s ON s.event_id = e.id ORDER BY e.seq, e.id")
        names = [c[0] for c in cur.description]
        while chunk := cur.fetchmany(batch_size):
            for row in chunk:
                yield dict(zip(names, row))

    def reports(self, event_ids: Sequence[str]) -> dict[str, tuple[dict[str, Any], Event]]:
        """(document metadata, Event) of these stored events, by event id."""
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT d.id, d.published, d.source, d.url, d.title, e.json FROM events e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.id = ANY(?)", [ids]).fetchall()
        out = {}
        for doc_id, published, source, url, title, text in rows:
            ev = event_from_dict(json.loads(text))
            out[ev.id] = ({"id": doc_id, "published": published, "source": source, "url": url,
                           "title": title}, ev)
        return out

    def unclustered(self) -> int:
        """How many stored events belong to no cluster (0 when the merged view is complete)."""
        return int(_one(self.con.execute(
            "SELECT (SELECT count(*) FROM events) - (SELECT count(*) FROM event_sources)"
        ))[0])

    def iter_reports(self, *, batch_size: int = 2000) -> Iterator[tuple[dict[str, Any], Event]]:
        """(document metadata, Event) for every stored event: the input of merge.across."""
        cur = self.con.cursor()
        cur.execute("SELECT d.id, d.published, d.source, d.url, d.title, e.json FROM events e "
                    "JOIN documents d ON d.id = e.doc_id ORDER BY e.seq, e.id")
        while chunk := cur.fetchmany(batch_size):
            for doc_id, published, source, url, title, text in chunk:
                meta = {"id": doc_id, "published": published, "source": source, "url": url,
                        "title": title}
                yield meta, event_from_dict(json.loads(text))

    # --- reading --------------------------------------------------------------------

    def events(self, *, type: str | Sequence[str] | None = None, since: date | str | None = None,
               until: date | str | None = None, near: tuple[float, float] | str | None = None,
               within_km: float | None = None,
               bbox: tuple[float, float, float, float] | None = None, actor: str | None = None,
               min_fatalities: int | None = None, doc_id: str | None = None,
               limit: int | None = None, offset: int | None = None, order: str = "date",
               rows: bool = False) -> list[Event] | list[dict[str, Any]]:
        """Stored events matching every filter given, ordered by date then id.

        ``near`` is (lat, lon) or a place name met in stored events; ``within_km`` defaults
        to 25. ``bbox`` is (west, south, east, north). ``actor`` is an ISO3 code (either
        actor's country) or part of a name. ``rows=True`` returns flat dicts with the
        document's published date, source, url and title instead of Event records.
        ``order``: date (the default), newest, oldest, killed; ``offset`` skips rows."""
        if isinstance(near, str):
            near = self.place_point(near)
        where, params = build_where(type=type, since=since, until=until, near=near,
                                    within_km=within_km, bbox=bbox, actor=actor,
                                    min_fatalities=min_fatalities, doc_id=doc_id)
        sql_limit = paging(offset, limit)
        order = order_by(order, merged=False)
        if not rows:
            cur = self.con.execute(f"SELECT e.json FROM events e{where}{order}{sql_limit}", params)
            return [event_from_dict(json.loads(r[0])) for r in cur.fetchall()]
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS if c != "json")
        cur = self.con.execute(
            f"SELECT {cols}, d.published, d.source, d.url, d.title FROM events e "
            f"JOIN documents d ON d.id = e.doc_id{where}{order}{sql_limit}", params)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def iter_events(self, *, batch_size: int = 2000) -> Iterator[Event]:
        """Every stored event, streamed (for merge and export of large stores)."""
        cur = self.con.cursor()
        cur.execute("SELECT json FROM events ORDER BY date_earliest NULLS LAST, id")
        while chunk := cur.fetchmany(batch_size):
            for (text,) in chunk:
                yield event_from_dict(json.loads(text))

    def place_point(self, name: str) -> tuple[float, float]:
        """Coordinates of a place name as stored events resolved it (most frequent)."""
        row = _one(self.con.execute(
            "SELECT lat, lon FROM events WHERE lower(location_name) = lower(?) AND lat IS NOT NULL "
            "GROUP BY lat, lon ORDER BY count(*) DESC, lat, lon LIMIT 1", [name.strip()]))
        if row is None:
            raise InputError(f"near {name!r}", "no stored event has a place of that name; "
                             "give coordinates as LAT,LON")
        return float(row[0]), float(row[1])

    def document(self, doc_id: str) -> Document | None:
        row = _one(self.con.execute("SELECT id, text, published, title, url, source FROM documents "
                               "WHERE id = ?", [doc_id]))
        if row is None:
            return None
        return Document(id=row[0], text=row[1], published=row[2], title=row[3], url=row[4],
                        source=row[5])

    def clusters(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM clusters ORDER BY cluster_id")
        names = [c[0] for c in cur.description]
        out = []
        for r in cur.fetchall():
            row = dict(zip(names, r))
            row.pop("json", None)
            row["sources"] = [dict(zip(("event_id", "doc_id", "published", "source", "url",
                                        "fatalities", "injuries"), s)) for s in self.con.execute(
                "SELECT event_id, doc_id, published, source, url, fatalities, injuries "
                "FROM event_sources WHERE cluster_id = ? ORDER BY published, doc_id, event_id",
                [row["cluster_id"]]).fetchall()]
            out.append(row)
        return out

    def counts(self) -> dict[str, int]:
        return {t: int(_one(self.con.execute(f"SELECT count(*) FROM {t}"))[0])
                for t in ("documents", "events", "evidence", "clusters", "event_sources",
                          "flags")}

    def checkpoint(self) -> None:
        self.con.execute("CHECKPOINT")

    def close(self) -> None:
        if getattr(self, "con", None) is not None:
            try:
                self.con.close()
            finally:
                self.con = None  # type: ignore[assignment]

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
