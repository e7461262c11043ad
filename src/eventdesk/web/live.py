"""The serving process's access to the store: one writer, many readers, nothing goes dark.

DuckDB lets one process hold a database file for writing, and inside that process any number
of connections (cursors) read a consistent snapshot while another commits (MVCC). So
``eventdesk serve`` opens the store once, for writing, and:

- each request reads through its own cursor (``reader()``): it never waits for an ingest and
  never sees half of a batch;
- every write goes through one writer thread (``submit()``): ``POST /api/documents`` and the
  feed watcher (``serve --watch``) queue ``Desk.ingest`` calls there, so batches are stored
  one at a time, each with its merged events in one transaction.

``read_only=True`` is the older mode: the file is opened read-only for each request, another
process may write it between requests, and requests get 503 while it does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from eventdesk.desk import PIPELINE_ENV, Desk, load_factory
from eventdesk.errors import StoreError
from eventdesk.store import Store
from eventdesk.watch import Round, poll

log = logging.getLogger("eventdesk.web")


class Busy(StoreError):
    """The write queue is full."""


class NoStore(StoreError):
    """There is no store file (yet)."""


class Service:
    """What the endpoints share: the store, the writer, the pipeline and its lock."""

    def __init__(self, db_path: Any, *, pipeline: Any = None, read_only: bool = False,
                 create: bool = False, token: str | None = None, max_queue: int = 64) -> None:
        self.db_path = os.fspath(db_path)
        self._pipeline = pipeline
        self.pipe_lock = threading.Lock()
        self.read_only = read_only
        self.create = create
        self.token = token or None
        self.max_queue = max_queue
        self._open_lock = threading.Lock()
        self._root: Store | None = None
        self._writer_desk: Desk | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._pending = 0
        self._pending_lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.rounds: list[str] = []  # the watcher's last round lines

    # --- store --------------------------------------------------------------------------
    def open(self) -> None:
        """Open (and create or migrate) the store now rather than on the first request."""
        if not self.read_only:
            self._open()

    def _open(self) -> Store:
        with self._open_lock:
            if self._root is None:
                if not os.path.exists(self.db_path) and not self.create:
                    raise NoStore(f"{self.db_path}: no such database")
                root = Store(self.db_path)  # creates or migrates; holds the write lock
                desk = Desk(self.db_path, store=Store.on(root.con.cursor(), self.db_path))
                if desk.store.unclustered():
                    desk.merge()
                self._root, self._writer_desk = root, desk
                self._executor = ThreadPoolExecutor(max_workers=1,
                                                    thread_name_prefix="eventdesk-writer")
            return self._root

    @contextlib.contextmanager
    def reader(self) -> Iterator[Desk]:
        """A Desk for this request: a cursor on the served store (read-only mode: a
        read-only connection of its own)."""
        if self.read_only:
            if not os.path.exists(self.db_path):
                raise NoStore(f"{self.db_path}: no such database")
            desk = Desk(self.db_path, read_only=True)
        else:
            root = self._open()
            with self._open_lock:
                cursor = root.con.cursor()
            desk = Desk(self.db_path, store=Store.on(cursor, self.db_path), read_only=True)
        try:
            yield desk
        finally:
            desk.close()

    # --- writing ------------------------------------------------------------------------
    def submit(self, fn: Any, *args: Any, **kwargs: Any) -> Future:
        """Queue ``fn(writer_desk, *args, **kwargs)`` on the writer thread."""
        if self.read_only:
            raise StoreError("the server is read-only")
        self._open()
        with self._pending_lock:
            if self._pending >= self.max_queue:
                raise Busy("the ingest queue is full")
            self._pending += 1

        def run() -> Any:
            try:
                with self.pipe_lock:
                    desk = self._writer_desk
                    if desk._pipeline is None:
                        desk._pipeline = self._build_pipeline()
                    return fn(desk, *args, **kwargs)
            finally:
                with self._pending_lock:
                    self._pending -= 1

        assert self._executor is not None
        return self._executor.submit(run)

    @property
    def pending(self) -> int:
        return self._pending

    # --- pipeline -----------------------------------------------------------------------
    def _build_pipeline(self) -> Any:
        if self._pipeline is None:
            spec = os.environ.get(PIPELINE_ENV)
            if spec:
                self._pipeline = load_factory(spec)()
            else:
                from eventdesk.api import Pipeline

                self._pipeline = Pipeline()
        return self._pipeline

    def pipeline(self) -> Any:
        """The extraction pipeline (built on first use). Call with ``pipe_lock`` held."""
        return self._build_pipeline()

    # --- watching feeds -----------------------------------------------------------------
    def watch(self, feeds: Sequence[str], *, every: float, rounds: int | None = None) -> None:
        """Poll ``feeds`` every ``every`` seconds in a background thread, storing new items
        through the writer."""
        def ingest(sources: list[str]) -> Any:
            return self.submit(lambda desk: desk.ingest(sources, skip_known_urls=True)).result()

        def on_round(r: Round) -> None:
            self.rounds = (self.rounds + [str(r)])[-20:]
            log.warning("watch: %s", r)
            for err in getattr(r.summary, "errors", ()):
                log.warning("watch round %d: %s", r.number, err)

        thread = threading.Thread(
            target=poll, name="eventdesk-watch", daemon=True,
            kwargs={"feeds": list(feeds), "every": every, "ingest": ingest, "rounds": rounds,
                    "stop": self._stop, "on_round": on_round})
        self._threads.append(thread)
        thread.start()

    def close(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=30)
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        if self._writer_desk is not None:
            self._writer_desk.close()
        if self._root is not None:
            self._root.close()
        self._root = self._writer_desk = self._executor = None
