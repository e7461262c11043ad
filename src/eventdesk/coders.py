"""Where coding runs: inline, in local worker processes, or on a Dask cluster.

Part of the Python API (split from :mod:`eventdesk.desk`, which uses it). The pipeline is any
object with ``pipe(docs, *, batch_size)`` and/or ``process(doc)``; in worker processes it is
built once from a factory name (``module:callable``) or scattered as an object.
"""

from __future__ import annotations

import importlib
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from eventdesk.errors import ConfigError
from eventdesk.records import Document, Event
from eventdesk.store.codec import document_from_dict, document_to_dict, event_from_dict

if TYPE_CHECKING:  # pragma: no cover
    from eventdesk.desk import Desk

Coded = tuple[Document, "list[Event] | str"]  # events, or the reason coding failed
DEFAULT_PIPELINE = "eventdesk.api:Pipeline"
PIPELINE_ENV = "EVENTDESK_PIPELINE"


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
    def __init__(self, desk: "Desk", batch_size: int) -> None:
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


def make_coder(desk: "Desk", *, workers: int, dask: Any, batch_size: int) -> _Coder:
    if dask:
        parts = (tempfile.mkdtemp(prefix="eventdesk-parts-") if desk.path == ":memory:"
                 else f"{desk.path}.parts")
        return _DaskCoder(desk._spec(), dask, workers, batch_size, parts)
    if workers > 1:
        return _PoolCoder(desk._spec(), workers, batch_size)
    return _InlineCoder(desk, batch_size)
