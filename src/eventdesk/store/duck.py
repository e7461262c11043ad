"""The DuckDB event store: one file, transactional batches, queries that return records.

The store imports the records, never the stages: it saves and loads what stages made.
A document is written together with all its events and evidence in one transaction, so a
document row exists exactly when its coding is complete; killing the process at any moment
leaves the database as it was after the last committed batch.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventdesk.errors import InputError, StoreError
from eventdesk.records import Document, Event, Flag
from eventdesk.store.codec import EVENT_COLUMNS, event_from_dict, event_row, flag_from_row, flag_row
from eventdesk.store.schema import MIGRATIONS, SCHEMA_VERSION
from eventdesk.store.query import build_where

if TYPE_CHECKING:  # pragma: no cover
    from eventdesk.records import MergedEvent

DEFAULT_PATH = "eventdesk.duckdb"


@dataclass(frozen=True, slots=True)
class Written:
    """What one :meth:`Store.add` call stored."""

    documents: int
    events: int
    seen: tuple[str, ...]  # ids already stored (nothing was written for them)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Store:
    """``Store(path)`` opens (and creates or migrates) a DuckDB file; ``":memory:"`` works."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from None
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    # --- schema ---------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        return int(self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version")
                   .fetchone()[0])

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

    # --- writing --------------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored (each with all its events)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def add(self, batch: Sequence[tuple[Document, Sequence[Event]]], *,
            flags: Mapping[str, Sequence[Flag]] | None = None,
            notes: Mapping[str, Sequence[Flag]] | None = None) -> Written:
        """Store documents with their events and evidence, all in one transaction.

        Documents already stored (same content hash) are skipped, with their events; an
        event id met twice in one document is stored once. ``flags`` (document id -> the
        document's flags) and ``notes`` (event id -> what the report says of that event's
        sourcing) go into the ``flags`` table with their documents."""
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
                self.con.commit()
            except BaseException:
                self.con.rollback()
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
        rows = [event_row(e, _dumps(e.to_dict())) for e in events]
        columns = list(zip(*rows))
        types = {"lat": pa.float64(), "lon": pa.float64(), "geonameid": pa.int64(),
                 "date_earliest": pa.date32(), "date_latest": pa.date32(),
                 "fatalities": pa.int32(), "injuries": pa.int32(), "confidence": pa.float64(),
                 "trigger_start": pa.int32(), "trigger_end": pa.int32(),
                 "sentence_start": pa.int32(), "sentence_end": pa.int32()}
        self._append("events", pa.table({
            name: pa.array(col, types.get(name, pa.string()))
            for name, col in zip(EVENT_COLUMNS, columns)
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

    def _insert_flags(self, docs: list[tuple[Document, list[Event]]],
                      flags: Mapping[str, Sequence[Flag]], notes: Mapping[str, Sequence[Flag]],
                      pa: Any) -> None:
        rows = []
        for doc, events in docs:
            rows += [flag_row("document", doc.id, doc.id, f, _dumps) for f in flags.get(doc.id, ())]
            for ev in events:
                rows += [flag_row("event", ev.id, doc.id, f, _dumps) for f in notes.get(ev.id, ())]
        if rows:
            cols = list(zip(*rows))
            names = ("scope", "subject_id", "doc_id", "flag", "explanation", "evidence", "stage")
            self._append("flags", pa.table({n: pa.array(c, pa.string())
                                            for n, c in zip(names, cols)}))

    def replace_flags(self, doc_id: str, flags: Sequence[Flag],
                      notes: Mapping[str, Sequence[Flag]]) -> None:
        """Replace a stored document's flags and its events' notes (one transaction)."""
        import duckdb
        import pyarrow as pa

        doc = self.document(doc_id)
        if doc is None:
            raise InputError(doc_id, "no such document in the store")
        events = self.events(doc_id=doc_id)
        try:
            self.con.begin()
            try:
                self.con.execute("DELETE FROM flags WHERE doc_id = ?", [doc_id])
                self._insert_flags([(doc, list(events))], {doc_id: flags}, notes, pa)
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot store flags: {exc}") from None

    def flags(self, *, scope: str = "document", subject_ids: Iterable[str] | None = None,
              doc_id: str | None = None) -> dict[str, list[Flag]]:
        """Stored flags by subject (document id, or event id for ``scope="event"``), in the
        order they were written."""
        sql = ("SELECT subject_id, doc_id, flag, explanation, evidence, stage FROM flags "
               "WHERE scope = ?")
        params: list[Any] = [scope]
        if subject_ids is not None:
            ids = list(dict.fromkeys(subject_ids))
            if not ids:
                return {}
            sql += " AND subject_id IN (SELECT unnest(?))"
            params.append(ids)
        if doc_id is not None:
            sql += " AND doc_id = ?"
            params.append(doc_id)
        out: dict[str, list[Flag]] = {}
        for subject, did, flag, expl, ev, stage in self.con.execute(
                sql + " ORDER BY rowid", params).fetchall():
            out.setdefault(subject, []).append(flag_from_row(did, flag, expl, ev, stage,
                                                             scope=scope))
        return out

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT id FROM documents ORDER BY published NULLS LAST, id").fetchall()]

    def _append(self, table: str, arrow_table: Any) -> None:
        self.con.register("_incoming", arrow_table)
        try:
            cols = ", ".join(f'"{c}"' for c in arrow_table.column_names)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def save_clusters(self, merged: Iterable["MergedEvent"]) -> int:
        """Replace the cross-document clusters with ``merged`` (records.MergedEvent: the
        representative event, each source's own figures, ranges, conflicting flag), in one
        transaction. Each source row keeps the figures its document reported."""
        import duckdb
        import pyarrow as pa

        merged = list(merged)
        clusters, sources = [], []
        for m in merged:
            ev, loc, when = m.event, m.event.location, m.event.date
            fr, ir = m.fatalities_range or (None, None), m.injuries_range or (None, None)
            clusters.append((
                m.id, ev.type, ev.id, len({s.doc_id for s in m.sources}) or 1,
                loc.name if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                when.earliest if when else None, when.latest if when else None,
                m.fatalities, fr[0], fr[1], m.injuries, ir[0], ir[1], bool(m.conflicting),
                _dumps(m.to_dict())))
            for src in m.sources:
                sources.append((m.id, src.event_id, src.doc_id, src.published,
                                getattr(src, "outlet", None), src.url, src.fatalities,
                                src.injuries))
        ctypes = [pa.string(), pa.string(), pa.string(), pa.int32(), pa.string(), pa.float64(),
                  pa.float64(), pa.date32(), pa.date32()] + [pa.int32()] * 6 + [pa.bool_(),
                                                                              pa.string()]
        cnames = ["cluster_id", "type", "representative", "n_sources", "location_name", "lat",
                  "lon", "date_earliest", "date_latest", "fatalities", "fatalities_min",
                  "fatalities_max", "injuries", "injuries_min", "injuries_max", "conflicting",
                  "json"]
        snames = ["cluster_id", "event_id", "doc_id", "published", "source", "url",
                  "fatalities", "injuries"]
        stypes = [pa.string()] * 3 + [pa.date32(), pa.string(), pa.string(), pa.int32(),
                                      pa.int32()]
        try:
            self.con.begin()
            try:
                self.con.execute("DELETE FROM event_sources")
                self.con.execute("DELETE FROM clusters")
                if clusters:
                    cols = list(zip(*clusters))
                    self._append("clusters", pa.table(
                        {n: pa.array(c, t) for n, c, t in zip(cnames, cols, ctypes)}))
                if sources:
                    unique = list({s[1]: s for s in sources}.values())  # an event in one cluster
                    cols = list(zip(*unique))
                    self._append("event_sources", pa.table(
                        {n: pa.array(c, t) for n, c, t in zip(snames, cols, stypes)}))
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot store clusters: {exc}") from None
        return len(clusters)

    def iter_reports(self, *, batch_size: int = 2000) -> Iterator[tuple[dict[str, Any], Event]]:
        """(document metadata, Event) for every stored event: the input of merge.across."""
        cur = self.con.cursor()
        cur.execute("SELECT d.id, d.published, d.source, d.url, d.title, e.json FROM events e "
                    "JOIN documents d ON d.id = e.doc_id ORDER BY e.id")
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
               limit: int | None = None, rows: bool = False) -> list[Event] | list[dict[str, Any]]:
        """Stored events matching every filter given, ordered by date then id.

        ``near`` is (lat, lon) or a place name met in stored events; ``within_km`` defaults
        to 25. ``bbox`` is (west, south, east, north). ``actor`` is an ISO3 code (either
        actor's country) or part of a name. ``rows=True`` returns flat dicts with the
        document's published date, source, url and title instead of Event records."""
        if isinstance(near, str):
            near = self.place_point(near)
        where, params = build_where(type=type, since=since, until=until, near=near,
                                    within_km=within_km, bbox=bbox, actor=actor,
                                    min_fatalities=min_fatalities, doc_id=doc_id)
        sql_limit = ""
        if limit is not None:
            if int(limit) < 0:
                raise InputError("limit", "must be 0 or more")
            sql_limit = f" LIMIT {int(limit)}"
        order = " ORDER BY e.date_earliest NULLS LAST, e.id"
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
        row = self.con.execute(
            "SELECT lat, lon FROM events WHERE lower(location_name) = lower(?) AND lat IS NOT NULL "
            "GROUP BY lat, lon ORDER BY count(*) DESC, lat, lon LIMIT 1", [name.strip()]).fetchone()
        if row is None:
            raise InputError(f"near {name!r}", "no stored event has a place of that name; "
                             "give coordinates as LAT,LON")
        return float(row[0]), float(row[1])

    def document(self, doc_id: str) -> Document | None:
        row = self.con.execute("SELECT id, text, published, title, url, source FROM documents "
                               "WHERE id = ?", [doc_id]).fetchone()
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
            row["sources"] = [dict(zip(("event_id", "doc_id", "published", "source", "url",
                                        "fatalities", "injuries"), s)) for s in self.con.execute(
                "SELECT event_id, doc_id, published, source, url, fatalities, injuries "
                "FROM event_sources WHERE cluster_id = ? ORDER BY published, doc_id, event_id",
                [row["cluster_id"]]).fetchall()]
            out.append(row)
        return out

    def counts(self) -> dict[str, int]:
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
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
