"""The ``flags`` table: trust flags kept with their documents (docs/flags.md, docs/store.md).

Part of the store: imports the records and the store's own modules only. A document's own
flags (scope ``document``) and what each report says of one of its events (scope ``event``:
``unverified``, ``party_source``, ``conflicting_figures``) are written with the document, in
the transaction that stores it. A merged event's flags are part of the merged view: they are
in its ``clusters.json`` (``MergedEvent.flags``, each source's in ``SourceFigure.flags``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventdesk.errors import InputError, StoreError
from eventdesk.records import Document, Event, Flag
from eventdesk.store.codec import flag_from_row, flag_row

FLAG_COLUMNS: tuple[str, ...] = ("scope", "subject_id", "doc_id", "flag", "explanation",
                                 "evidence", "stage")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class FlagStore:
    """Mixin of :class:`eventdesk.store.Store`: the ``flags`` table."""

    con: Any
    path: str

    def _append(self, table: str, arrow_table: Any, *, replace: bool = False
                ) -> None:  # pragma: no cover - Store's
        raise NotImplementedError

    def document(self, doc_id: str) -> Document | None:  # pragma: no cover - Store's
        raise NotImplementedError

    def events(self, **filters: Any) -> Any:  # pragma: no cover - Store's
        raise NotImplementedError

    def _insert_flags(self, docs: Sequence[tuple[Document, Sequence[Event]]],
                      flags: Mapping[str, Sequence[Flag]], notes: Mapping[str, Sequence[Flag]],
                      pa: Any) -> None:
        rows = []
        for doc, events in docs:
            rows += [flag_row("document", doc.id, doc.id, f, _dumps) for f in flags.get(doc.id, ())]
            for ev in events:
                rows += [flag_row("event", ev.id, doc.id, f, _dumps) for f in notes.get(ev.id, ())]
        if rows:
            cols = list(zip(*rows))
            self._append("flags", pa.table({n: pa.array(c, pa.string())
                                            for n, c in zip(FLAG_COLUMNS, cols)}))

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
        """Every stored document's id, oldest first."""
        return [r[0] for r in self.con.execute(
            "SELECT id FROM documents ORDER BY published NULLS LAST, id").fetchall()]
