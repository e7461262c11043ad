"""The corpus API: ingest sources into an event store, query, merge and export.

``Desk`` composes the ingest stage, the extraction pipeline and the store. Only the main
process writes to the database; coding runs inline, in ``workers`` local processes (each
builds its pipeline once), or on a Dask cluster whose tasks write Parquet parts that the main
process loads. Each batch of documents is stored with its events in one transaction, so an
interrupted run re-run with the same sources ends in the same database.

The pipeline is any object with ``pipe(docs, *, batch_size) -> Iterator[(Document,
list[Event])]`` and/or ``process(doc) -> list[Event]``. By default it is
``eventdesk.api.Pipeline()``, or the factory named by ``EVENTDESK_PIPELINE``
(``module:callable``), built lazily.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventdesk.coders import (DEFAULT_PIPELINE, PIPELINE_ENV, Coded, _Coder,  # noqa: F401
                              _pipeline_in_worker, code_batch, load_factory, make_coder)
from eventdesk.errors import InputError
from eventdesk.ingest import IngestError, IngestOptions, read_sources
from eventdesk.records import Document, Event, Flag, MergedEvent, SourceFigure
from eventdesk.store import DEFAULT_PATH, Store

RECENT_REPORTS = 20_000  # reports kept in memory for rebuilding the clusters they are in



@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one :meth:`Desk.ingest` run did."""

    new: int  # documents stored
    seen: int  # documents already stored (same content hash), or repeated in this run
    failed: int  # items that could not be read or coded
    events: int  # events stored with the new documents
    errors: tuple[IngestError, ...] = ()  # failed items, one line each
    warnings: tuple[IngestError, ...] = ()  # items read with a caveat
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def __str__(self) -> str:
        return (f"documents: {self.new} new, {self.seen} seen, {self.failed} failed; "
                f"events stored: {self.events}")


class _Progress:
    """One self-rewriting line on stderr (only when asked and stderr is a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.start = self.last = time.monotonic()

    def update(self, new: int, seen: int, failed: int, events: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < 0.2):
            return
        self.last = now
        rate = (new + seen) / max(now - self.start, 1e-6)
        sys.stderr.write(f"\ringest: {new} new, {seen} seen, {failed} failed, {events} events "
                         f"({rate:.1f} docs/s)\033[K" + ("\n" if final else ""))
        sys.stderr.flush()


# --- the desk ----------------------------------------------------------------------------

class Desk:
    """``Desk(path="eventdesk.duckdb", *, pipeline=None)``: one event store and its pipeline.

    What a user sees is merged: each stored report belongs to one cluster (one real-world
    event, ``records.MergedEvent``), kept up to date as reports are ingested (see
    :meth:`ingest` and :meth:`merge`). :meth:`events` lists merged events by default;
    :meth:`reports` the raw reports. Each document is stored with its trust flags (stage
    ``document.flags``) and what it says of its events' sourcing (``document.sourcing``);
    each merged event carries its flags (``MergedEvent.flags``), rebuilt with it."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, pipeline: Any = None,
                 read_only: bool = False, merge_options: dict[str, Any] | None = None,
                 store: Store | None = None) -> None:
        self.path = str(path)
        self.store = store if store is not None else Store(self.path, read_only=read_only)
        self._pipeline = pipeline
        self.merge_options = dict(merge_options or {})
        self._clusterer: Any = None
        # the latest reports stored through this Desk: the clusters a new report joins are
        # nearly always recent, so their other reports come from here, not from the store
        self._recent: OrderedDict[str, tuple[SourceFigure, Event]] = OrderedDict()
        self.read_only = read_only
        if not read_only and store is None and self.store.unclustered():
            self.merge()  # a store from before merged views, or merged with reports missing

    # pipeline ---------------------------------------------------------------------------
    def _spec(self) -> Any:
        """What workers build their pipeline from: the injected object, or a factory name."""
        if self._pipeline is not None:
            return self._pipeline
        return os.environ.get(PIPELINE_ENV) or DEFAULT_PIPELINE

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = _pipeline_in_worker(self._spec())
        return self._pipeline

    # ingest -----------------------------------------------------------------------------
    def ingest(self, sources: str | Iterable[str | Document], *, workers: int = 1,
               dask: Any = None, strict: bool = False, progress: bool = False,
               batch_size: int = 32, texts: str | None = None,
               published_default: date | str | None = None,
               options: IngestOptions | None = None,
               skip_known_urls: bool = False) -> IngestSummary:
        """Read, code and store every document of ``sources`` (paths, globs, URLs, ``-``,
        or Document records). Documents already stored are skipped before coding.

        ``workers`` > 1 codes in that many local processes; ``dask`` (a scheduler address,
        ``"local"`` or a ``distributed.Client``) codes on a Dask cluster. ``strict`` stops
        at the first bad item with :class:`InputError` (what was stored before stays).
        ``skip_known_urls`` also skips items whose URL a stored document has (a feed item
        whose text changed since it was stored), as ``watch`` does.

        Each new report is placed in its real-world event (merge.across, incremental) in the
        transaction that stores it."""
        started = time.monotonic()
        if isinstance(sources, (str, os.PathLike)):
            sources = [sources]  # type: ignore[list-item]
        if workers < 1:
            raise InputError("workers", f"must be 1 or more, got {workers}")
        if isinstance(published_default, str):
            try:
                published_default = date.fromisoformat(published_default)
            except ValueError:
                raise InputError("published-default",
                                 f"{published_default!r} is not a date (YYYY-MM-DD)") from None
        if options is None:
            options = IngestOptions(texts_dir=texts, published_default=published_default)
        if texts is not None and not os.path.isdir(texts):
            raise InputError(texts, "--texts is not a directory")
        coder = make_coder(self, workers=workers, dask=dask, batch_size=batch_size)
        state = {"new": 0, "seen": 0, "failed": 0, "events": 0}
        errors: list[IngestError] = []
        warnings: list[IngestError] = []
        bar = _Progress(progress)

        def fail(err: IngestError) -> None:
            if not err.is_error:
                warnings.append(err)
                return
            state["failed"] += 1
            errors.append(err)
            if strict:
                raise InputError(err.item, err.reason)

        def write(coded: list[Coded]) -> None:
            good = []
            for doc, result in coded:
                if isinstance(result, str):
                    fail(IngestError(_doc_name(doc), result))
                else:
                    good.append((doc, result))
            if good:
                written = self._store_with_clusters(good, warnings)
                state["new"] += written.documents
                state["events"] += written.events
                state["seen"] += len(written.seen)
            bar.update(**state)

        try:
            batch: list[Document] = []
            queued: set[str] = set()
            urls: set[str] = set()
            for item in _items(sources, options):
                if isinstance(item, IngestError):
                    fail(item)
                    continue
                if item.id in queued or (skip_known_urls and item.url and item.url in urls):
                    state["seen"] += 1
                    continue
                queued.add(item.id)
                if skip_known_urls and item.url:
                    if self.store.known_urls([item.url]):
                        state["seen"] += 1
                        continue
                    urls.add(item.url)
                batch.append(item)
                if len(batch) >= batch_size:
                    self._submit(coder, batch, state, write)
                    batch = []
            if batch:
                self._submit(coder, batch, state, write)
            for coded in coder.drain():
                write(coded)
        finally:
            coder.close()
            bar.update(**state, final=True)
        return IngestSummary(new=state["new"], seen=state["seen"], failed=state["failed"],
                             events=state["events"], errors=tuple(errors),
                             warnings=tuple(warnings), seconds=time.monotonic() - started)

    def _submit(self, coder: "_Coder", batch: list[Document], state: dict[str, int],
                write: Callable[[list[Coded]], None]) -> None:
        known = self.store.known(d.id for d in batch)
        state["seen"] += len(known)
        todo = [d for d in batch if d.id not in known]
        if todo:
            for coded in coder.submit(todo):
                write(coded)

    # incremental merge -------------------------------------------------------------------
    def _index(self) -> Any:
        """The merge's blocking index over the stored reports, loaded on first use."""
        if self._clusterer is None:
            from eventdesk.merge.across import Clusterer

            clusterer = Clusterer(**self.merge_options)
            for row in self.store.report_rows():
                clusterer.add_row(row, row["cluster_id"])
            self._clusterer = clusterer
        return self._clusterer

    def _store_with_clusters(self, batch: list[tuple[Document, list[Event]]],
                             warnings: list[IngestError] | None = None) -> Any:
        """Store a coded batch with its trust flags and place each new report in its
        cluster, in one transaction."""
        flags, notes = _flag_batch(batch, warnings if warnings is not None else [])
        clusterer = self._index()
        clusterer.begin()
        try:
            written = self.store.add(batch, flags=flags, notes=notes,
                                     on_insert=lambda docs: self._place(docs, notes))
        except BaseException:
            clusterer.rollback()
            self._recent.clear()  # it may hold reports of the batch that was not stored
            raise
        clusterer.commit()
        return written

    def _place(self, docs: list[tuple[Document, list[Event]]],
               notes: dict[str, tuple[Flag, ...]]) -> list[MergedEvent]:
        """``Store.add``'s hook: add the new reports to the clusterer; the merged events of the
        clusters they opened or joined, rebuilt from all their reports, with their flags
        (``notes``: what the new reports say of their events)."""
        from eventdesk.merge.across import build_merged

        clusterer = self._clusterer
        fresh: dict[str, tuple[SourceFigure, Event]] = {}
        for doc, events in docs:
            placed = []
            for ev in events:
                src = _source(doc, ev, notes)
                fresh[ev.id] = (src, ev)
                placed.append((ev, src))
            clusterer.add_document(placed)
        changed = sorted(clusterer.take_changed())
        members = {cid: clusterer.members(cid) for cid in changed}
        recent = self._recent
        wanted = [i for ids in members.values() for i in ids if i not in fresh]
        missing = [i for i in wanted if i not in recent]
        stored = self.store.reports(missing)
        stored_notes = self.store.flags(scope="event", subject_ids=missing)
        for i, (meta, ev) in stored.items():
            fresh[i] = (_source(meta, ev, stored_notes), ev)
        for i in wanted:
            if i in recent:
                fresh[i] = recent[i]
        merged = [with_flags(build_merged(cid, [fresh[i] for i in ids]))
                  for cid, ids in members.items()]
        for i, report in fresh.items():  # after the batch commits they are stored
            recent[i] = report
            recent.move_to_end(i)
        while len(recent) > RECENT_REPORTS:
            recent.popitem(last=False)
        return merged

    def merge(self, **options: Any) -> int:
        """Re-cluster every stored report from scratch, in ingest order (the order
        ``ingest`` placed them in, so the clusters come out the same); store and count them.
        ``options`` (``max_km``, ``max_window_days``) apply from then on. Each merged event
        gets its trust flags from the merge and its reports' stored notes."""
        from eventdesk.merge.across import Clusterer, build_merged

        if options:
            self.merge_options = dict(options)
        clusterer = Clusterer(**self.merge_options)
        group: list[dict[str, Any]] = []
        for row in self.store.report_rows():  # ingest order: a document's reports together
            if group and row["doc_id"] != group[0]["doc_id"]:
                clusterer.add_rows(group)
                group = []
            group.append(row)
        if group:
            clusterer.add_rows(group)
        cluster_of = {it_id: it.cluster for it_id, it in clusterer.items.items()}
        left = {cid: len(m) for cid, m in clusterer.clusters.items()}
        notes = self.store.flags(scope="event")

        def built() -> Iterator[MergedEvent]:
            # stream the reports in ingest order; a cluster is built once its last report
            # has been read, so memory holds the open clusters only
            pending: dict[str, list[tuple[SourceFigure, Event]]] = {}
            for meta, ev in self.store.iter_reports():
                cid = cluster_of[ev.id]
                pending.setdefault(cid, []).append((_source(meta, ev, notes), ev))
                left[cid] -= 1
                if not left[cid]:
                    yield with_flags(build_merged(cid, pending.pop(cid)))

        n = self.store.save_clusters(built())
        self._clusterer = clusterer
        return n

    # query, export --------------------------------------------------------------------------
    def events(self, *, merged: bool = True, rows: bool = False, **filters: Any
               ) -> list[MergedEvent] | list[Event] | list[dict[str, Any]]:
        """One row per real-world event: ``records.MergedEvent`` records (each with every
        source's figures and evidence) matching the filters of
        :meth:`eventdesk.store.Store.events` (type, since, until, near, within_km, bbox,
        actor, min_fatalities, doc_id, limit, offset, order). ``merged=False`` gives the raw
        reports (``records.Event``), as :meth:`reports` does; ``rows=True`` flat dicts."""
        if not merged:
            return self.store.events(rows=rows, **filters)
        if rows:
            return self.store.merged_rows(**filters)
        return self.store.merged(**filters)

    def table_json(self, columns: Sequence[str], **filters: Any) -> str:
        """The filtered merged events as a JSON array of rows (``columns`` of
        :meth:`events` with ``rows=True``), built inside the database: what the web page
        loads (20,000 events in a few tens of milliseconds)."""
        return self.store.merged_table_json(columns, **filters)

    def reports(self, **filters: Any) -> list[Event] | list[dict[str, Any]]:
        """Stored reports, one per document that reported an event (``records.Event``)."""
        return self.store.events(**filters)

    def event(self, event_id: str) -> MergedEvent | None:
        """The merged event with this id, or the one a report with this event id is in."""
        found = self.store.merged_event(event_id)
        if found is None:
            cluster = self.store.cluster_of(event_id)
            found = self.store.merged_event(cluster) if cluster else None
        return found

    def report(self, event_id: str) -> Event | None:
        """One stored report by its event id."""
        found = self.store.reports([event_id]).get(event_id)
        return found[1] if found else None

    def stats(self, *, merged: bool = True, **filters: Any) -> dict[str, Any]:
        """Counts of the filtered events: each real-world event once (``merged=False``: each
        report); see :meth:`eventdesk.store.Store.stats`."""
        return self.store.stats(merged=merged, **filters)

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def clusters(self) -> list[dict[str, Any]]:
        """Every cluster as a flat row with its sources (rows of the ``clusters`` and
        ``event_sources`` tables)."""
        return self.store.clusters()

    def export(self, format: str, out: Any, *, merged: bool = True,
               options: dict[str, Any] | None = None, **filters: Any) -> Any:
        """Write the events matching ``filters`` with the exporter named ``format`` (the
        registry of :mod:`eventdesk.export`: acled-csv, plover-json, geojson, parquet): one
        record per real-world event with all its sources, or per report with ``merged=False``.
        ``options`` go to the exporter (``{"non_violent": "strategic"}``, ...)."""
        from eventdesk import export as exporters

        records = self.events(merged=merged, **filters)
        return exporters.export(format, records, out, documents=self.store.document,
                                flags=self._flag_lookup(merged=merged), **(options or {}))

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    # trust flags (stage document.flags / document.sourcing) ---------------------------------
    def document_flags(self, doc_id: str | None = None, *, all: bool = False
                       ) -> Iterator[tuple[str, list[Flag]]]:
        """(document id, its stored flags) for one document or every one (``all``: also
        documents without flags), oldest first."""
        if doc_id is not None:
            if self.store.document(doc_id) is None:
                raise InputError(doc_id, "no such document in the store")
            yield doc_id, self.store.flags(subject_ids=[doc_id]).get(doc_id, [])
            return
        stored = self.store.flags()
        for did in self.store.document_ids():
            if all or stored.get(did):
                yield did, stored.get(did, [])

    def reflag(self) -> int:
        """Recompute every stored document's flags and its events' notes (after an upgrade,
        or for a store written before flags existed), then the merged events' flags (the
        clusters are rebuilt, as :meth:`merge` does); returns the number of documents."""
        from eventdesk.document.flags import flag_report

        n = 0
        for did in self.store.document_ids():
            doc = self.store.document(did)
            events = self.store.events(doc_id=did)
            flags, notes = flag_report(doc, events)
            self.store.replace_flags(did, flags, notes)
            n += 1
        self._recent.clear()  # its sources carry the notes from before
        self.merge()
        return n

    def _flag_lookup(self, *, merged: bool) -> Callable[[MergedEvent], list[Flag]]:
        """What the exporters add to each record: a merged event's flags
        (``MergedEvent.flags``), or for a raw report (``merged=False``, wrapped as a
        one-report MergedEvent) what that report says of its event; then the flags of the
        documents behind it, each naming its document."""
        docs = self.store.flags()
        notes = {} if merged else self.store.flags(scope="event")

        def lookup(m: MergedEvent) -> list[Flag]:
            out = list(m.flags) if merged else list(notes.get(m.event.id, ()))
            for doc_id in dict.fromkeys(m.doc_ids or (m.event.doc_id,)):
                out += [dataclasses.replace(f, doc_id=doc_id) for f in docs.get(doc_id, ())]
            return out

        return lookup

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _flag_batch(coded: list[tuple[Document, list[Event]]], warnings: list[IngestError]
                ) -> tuple[dict[str, tuple[Flag, ...]], dict[str, tuple[Flag, ...]]]:
    """Document flags and event notes of coded documents (a failure only warns: the
    document is stored without flags, and `eventdesk flags --db PATH --recompute` retries)."""
    from eventdesk.document.flags import flag_report

    flags: dict[str, tuple[Flag, ...]] = {}
    notes: dict[str, tuple[Flag, ...]] = {}
    for doc, events in coded:
        try:
            f, n = flag_report(doc, events)
        except Exception as exc:  # noqa: BLE001 - a flagging bug must not stop the ingest
            warnings.append(IngestError(_doc_name(doc), f"flags not computed: "
                                        f"{exc.__class__.__name__}: {exc}", level="warning"))
            continue
        flags[doc.id] = f
        notes.update(n)
    return flags, notes


def _source(meta: Any, ev: Event, notes: dict[str, Any]) -> SourceFigure:
    """The merge's view of one report (merge.across.source_of) with what the report says of
    its event's sourcing (``notes``: event id -> flags of stage document.sourcing)."""
    from eventdesk.merge.across import source_of

    src = source_of(meta, ev)
    found = notes.get(ev.id)
    return dataclasses.replace(src, flags=tuple(found)) if found else src


def with_flags(m: MergedEvent) -> MergedEvent:
    """The merged event with its trust flags (conflicting_figures, single_source,
    party_source, unverified; :func:`eventdesk.document.sourcing.merged_flags`), from the
    merge and what each of its reports says (``SourceFigure.flags``)."""
    from eventdesk.document.sourcing import merged_flags

    notes = {s.event_id: s.flags for s in m.sources if s.flags}
    return dataclasses.replace(m, flags=merged_flags(m, notes))


def _doc_name(doc: Document) -> str:
    return f"{doc.source or doc.url or 'document'} ({doc.id})"


def _items(sources: Iterable[str | Document], options: IngestOptions) -> Iterator[Any]:
    paths: list[str] = []
    for source in sources:
        if isinstance(source, Document):
            if paths:
                yield from read_sources(paths, options=options)
                paths = []
            yield source
        else:
            paths.append(os.fspath(source))
    if paths:
        yield from read_sources(paths, options=options)


def parse_numbers(text: str, n: int, what: str) -> tuple[float, ...]:
    """``n`` comma-separated numbers ("48.5,35.1" for a point, "W,S,E,N" for a box), as the
    CLI and the HTTP API take them; an InputError naming ``what`` otherwise."""
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != n:
        raise InputError(what, f"{text!r} is not {n} comma-separated numbers")
    return values
