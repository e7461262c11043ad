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
import importlib
import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventdesk.errors import ConfigError, InputError
from eventdesk.ingest import IngestError, IngestOptions, read_sources
from eventdesk.records import Document, Event, Flag, MergedEvent
from eventdesk.store import DEFAULT_PATH, Store
from eventdesk.store.codec import document_from_dict, document_to_dict, event_from_dict

DEFAULT_PIPELINE = "eventdesk.api:Pipeline"
PIPELINE_ENV = "EVENTDESK_PIPELINE"

Coded = tuple[Document, "list[Event] | str"]  # events, or the reason coding failed


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


# --- pipelines in this and other processes ----------------------------------------------

def load_factory(spec: str) -> Callable[[], Any]:
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ConfigError(f"pipeline {spec!r}: expected module:callable")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"pipeline {spec!r} cannot be loaded: {exc}") from None


_WORKER_PIPES: dict[str, Any] = {}


def _pipeline_in_worker(spec: Any) -> Any:
    """The pipeline of this process for ``spec`` (a factory name or an object), built once."""
    if not isinstance(spec, str):
        return spec
    if spec not in _WORKER_PIPES:
        _WORKER_PIPES[spec] = load_factory(spec)()
    return _WORKER_PIPES[spec]


def code_batch(pipe: Any, docs: Sequence[Document], *, batch_size: int = 32) -> list[Coded]:
    """Code documents; a document whose coding raises fails alone, with the reason."""
    if hasattr(pipe, "pipe"):
        try:
            return [(doc, list(events)) for doc, events in pipe.pipe(docs, batch_size=batch_size)]
        except Exception:  # noqa: BLE001 - retry one by one to find the bad document
            pass
    out: list[Coded] = []
    for doc in docs:
        try:
            out.append((doc, list(pipe.process(doc))))
        except Exception as exc:  # noqa: BLE001 - a coding bug must not stop the run
            out.append((doc, f"coding failed: {exc.__class__.__name__}: {exc}"))
    return out


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def _init_worker(spec: Any) -> None:
    """Runs first in each worker process: one BLAS thread per worker (N workers on N cores
    must not each start N threads), then the pipeline, built once."""
    global _PROCESS_SPEC
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    _PROCESS_SPEC = spec
    _pipeline_in_worker(spec)


_PROCESS_SPEC: Any = None


def _code_in_process(docs: list[Document], batch_size: int) -> list[Coded]:
    return code_batch(_pipeline_in_worker(_PROCESS_SPEC), docs, batch_size=batch_size)


def _code_to_part(spec: Any, docs: list[Document], part: str, batch_size: int) -> str:
    """Dask task: code a batch and write it as a Parquet part (one row a document)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    coded = code_batch(_pipeline_in_worker(spec), docs, batch_size=batch_size)
    table = pa.table({
        "doc": [json.dumps(document_to_dict(d), ensure_ascii=False) for d, _ in coded],
        "events": [json.dumps([e.to_dict() for e in r], ensure_ascii=False)
                   if not isinstance(r, str) else None for _, r in coded],
        "error": [r if isinstance(r, str) else None for _, r in coded],
    })
    tmp = f"{part}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, part)
    return part


def _read_part(path: str) -> list[Coded]:
    import pyarrow.parquet as pq

    out: list[Coded] = []
    for row in pq.read_table(path).to_pylist():
        doc = document_from_dict(json.loads(row["doc"]))
        if row["error"] is not None:
            out.append((doc, row["error"]))
        else:
            out.append((doc, [event_from_dict(d) for d in json.loads(row["events"])]))
    return out


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
    """``Desk(path="eventdesk.duckdb", *, pipeline=None)``: one event store and its pipeline."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, pipeline: Any = None,
                 read_only: bool = False) -> None:
        self.path = str(path)
        self.store = Store(self.path, read_only=read_only)
        self._pipeline = pipeline

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
               options: IngestOptions | None = None) -> IngestSummary:
        """Read, code and store every document of ``sources`` (paths, globs, URLs, ``-``,
        or Document records). Documents already stored are skipped before coding.

        ``workers`` > 1 codes in that many local processes; ``dask`` (a scheduler address,
        ``"local"`` or a ``distributed.Client``) codes on a Dask cluster. ``strict`` stops
        at the first bad item with :class:`InputError` (what was stored before stays)."""
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
        coder = _make_coder(self, workers=workers, dask=dask, batch_size=batch_size)
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
                flags, notes = _flag_batch(good, warnings)
                written = self.store.add(good, flags=flags, notes=notes)
                state["new"] += written.documents
                state["events"] += written.events
                state["seen"] += len(written.seen)
            bar.update(**state)

        try:
            batch: list[Document] = []
            queued: set[str] = set()
            for item in _items(sources, options):
                if isinstance(item, IngestError):
                    fail(item)
                    continue
                if item.id in queued:
                    state["seen"] += 1
                    continue
                queued.add(item.id)
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

    # query, merge, export ---------------------------------------------------------------
    def events(self, **filters: Any) -> list[Event] | list[dict[str, Any]]:
        """Stored events (see :meth:`eventdesk.store.Store.events` for the filters)."""
        return self.store.events(**filters)

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def merge(self, **options: Any) -> int:
        """Merge reports of one event across stored documents; store and count clusters."""
        from eventdesk.merge.across import merge_events

        merged = merge_events(self.store.iter_reports(), **options)
        return self.store.save_clusters(merged)

    def clusters(self) -> list[dict[str, Any]]:
        return self.store.clusters()

    def export(self, format: str, out: Any, **filters: Any) -> Any:
        """Write the stored events matching ``filters`` with the exporter named ``format``
        (the registry of :mod:`eventdesk.export`: acled-csv, plover-json, geojson, parquet)."""
        from eventdesk import export as exporters

        events = self.store.events(**filters)
        return exporters.export(format, events, out, documents=self.store.document,
                                flags=self.flag_lookup())

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
        or for a store written before flags existed); returns the number of documents."""
        from eventdesk.document.flags import flag_report

        n = 0
        for did in self.store.document_ids():
            doc = self.store.document(did)
            events = self.store.events(doc_id=did)
            flags, notes = flag_report(doc, events)
            self.store.replace_flags(did, flags, notes)
            n += 1
        return n

    def merged_events(self) -> list[MergedEvent]:
        """One MergedEvent per real-world event: the stored clusters of :meth:`merge`, or,
        when the store has none yet, a merge of the stored events made now (not stored)."""
        import json as _json

        from eventdesk.merge.across import merge_events
        from eventdesk.store.codec import merged_from_dict

        rows = self.store.con.execute(
            "SELECT json FROM clusters WHERE json IS NOT NULL ORDER BY cluster_id").fetchall()
        if rows:
            return [merged_from_dict(_json.loads(r[0])) for r in rows]
        return merge_events(self.store.iter_reports())

    def merged_event_of(self, event_id: str) -> MergedEvent | None:
        """The merged event a stored event belongs to (a one-report one when the store has
        no clusters for it), or None for an unknown id."""
        import json as _json

        from eventdesk.store.codec import merged_from_dict

        row = self.store.con.execute(
            "SELECT c.json FROM event_sources s JOIN clusters c ON c.cluster_id = s.cluster_id "
            "WHERE s.event_id = ? AND c.json IS NOT NULL", [event_id]).fetchone()
        if row is not None:
            return merged_from_dict(_json.loads(row[0]))
        found = self.store.con.execute(
            "SELECT e.json, d.published, d.source, d.url, d.title FROM events e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.id = ?", [event_id]).fetchone()
        if found is None:
            return None
        from eventdesk.records import SourceFigure
        from eventdesk.store.codec import event_from_dict

        ev = event_from_dict(_json.loads(found[0]))
        return MergedEvent.from_event(ev, source=SourceFigure(
            doc_id=ev.doc_id, event_id=ev.id, published=found[1], outlet=found[2],
            url=found[3], title=found[4]))

    def flag_lookup(self) -> Callable[[MergedEvent], list[Flag]]:
        """merged event -> its trust flags: its own (:meth:`event_flags`) and those of the
        documents that report it (what the exporters add)."""
        from eventdesk.document.sourcing import merged_flags

        docs = self.store.flags()
        notes = self.store.flags(scope="event")

        def lookup(m: MergedEvent) -> list[Flag]:
            out = list(merged_flags(m, notes))
            for doc_id in dict.fromkeys(m.doc_ids or (m.event.doc_id,)):
                out += [dataclasses.replace(f, doc_id=doc_id) for f in docs.get(doc_id, ())]
            return out

        return lookup

    def event_flags(self, merged: Iterable[MergedEvent]) -> dict[str, tuple[Flag, ...]]:
        """Cluster id -> the trust flags of each merged event (conflicting_figures,
        single_source, party_source, unverified), from the merge and its reports' notes."""
        from eventdesk.document.sourcing import merged_flags

        merged = list(merged)
        notes = self.store.flags(scope="event",
                                 subject_ids=[m_id for m in merged for m_id in m.member_ids])
        return {m.id: merged_flags(m, notes) for m in merged}

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


# --- coders: where the pipeline runs -------------------------------------------------------

class _Coder:
    """Runs coding for batches; ``submit`` returns the batches finished so far, in order."""

    def submit(self, docs: list[Document]) -> list[list[Coded]]:
        raise NotImplementedError

    def drain(self) -> Iterator[list[Coded]]:
        return iter(())

    def close(self) -> None:
        pass


class _InlineCoder(_Coder):
    def __init__(self, desk: Desk, batch_size: int) -> None:
        self.desk, self.batch_size = desk, batch_size

    def submit(self, docs: list[Document]) -> list[list[Coded]]:
        return [code_batch(self.desk.pipeline, docs, batch_size=self.batch_size)]


class _QueueCoder(_Coder):
    """Keeps up to ``inflight`` futures; results come back in submission order."""

    inflight = 4

    def __init__(self) -> None:
        self.queue: deque[Any] = deque()

    def _result(self, future: Any) -> list[Coded]:
        return future.result()

    def submit(self, docs: list[Document]) -> list[list[Coded]]:
        self.queue.append(self._start(docs))
        done = []
        while len(self.queue) > self.inflight or (self.queue and self.queue[0].done()):
            done.append(self._result(self.queue.popleft()))
        return done

    def drain(self) -> Iterator[list[Coded]]:
        while self.queue:
            yield self._result(self.queue.popleft())

    def _start(self, docs: list[Document]) -> Any:
        raise NotImplementedError


class _PoolCoder(_QueueCoder):
    def __init__(self, spec: Any, workers: int, batch_size: int) -> None:
        super().__init__()
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.batch_size = batch_size
        self.inflight = 2 * workers
        self.pool = ProcessPoolExecutor(max_workers=workers,
                                        mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(spec,))

    def _start(self, docs: list[Document]) -> Any:
        return self.pool.submit(_code_in_process, docs, self.batch_size)

    def _result(self, future: Any) -> list[Coded]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise ConfigError(f"worker processes failed (could the pipeline not be built or "
                              f"pickled in a worker?): {exc}") from None

    def close(self) -> None:
        for future in self.queue:
            future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)


class _DaskCoder(_QueueCoder):
    def __init__(self, spec: Any, dask: Any, workers: int, batch_size: int, parts: str) -> None:
        super().__init__()
        from distributed import Client, LocalCluster

        self.batch_size, self.parts = batch_size, parts
        self.own: list[Any] = []
        if isinstance(dask, Client):
            self.client = dask
        elif dask == "local":
            cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1,
                                   dashboard_address=None, silence_logs=40)
            self.client = Client(cluster)
            self.own = [self.client, cluster]
        else:
            try:
                self.client = Client(str(dask), timeout=30)
            except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, ValueError, ...
                raise ConfigError(f"dask scheduler {dask}: cannot connect ({exc})") from None
            self.own = [self.client]
        n = len(self.client.scheduler_info().get("workers", {})) or 1
        self.inflight = 2 * n
        self.spec = spec if isinstance(spec, str) else self.client.scatter(spec, broadcast=True)
        os.makedirs(parts, exist_ok=True)

    def _start(self, docs: list[Document]) -> Any:
        import hashlib

        key = hashlib.sha256("".join(d.id for d in docs).encode()).hexdigest()[:16]
        part = os.path.join(self.parts, f"part-{key}.parquet")
        return self.client.submit(_code_to_part, self.spec, docs, part, self.batch_size,
                                  key=f"eventdesk-code-{key}", pure=False)

    def _result(self, future: Any) -> list[Coded]:
        path = future.result()
        coded = _read_part(path)
        os.remove(path)
        return coded

    def close(self) -> None:
        for future in self.queue:
            future.cancel()
        for thing in self.own:
            thing.close()


def _make_coder(desk: Desk, *, workers: int, dask: Any, batch_size: int) -> _Coder:
    if dask:
        parts = (tempfile.mkdtemp(prefix="eventdesk-parts-") if desk.path == ":memory:"
                 else f"{desk.path}.parts")
        return _DaskCoder(desk._spec(), dask, workers, batch_size, parts)
    if workers > 1:
        return _PoolCoder(desk._spec(), workers, batch_size)
    return _InlineCoder(desk, batch_size)


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
