"""The HTTP API and the web page: a thin layer over the Python API (``Desk``, ``extract``).

``create_app(db_path, *, pipeline=None)`` returns a FastAPI app:

- ``GET /api/events``: stored events matching the filters of :meth:`Desk.events` (type,
  since, until, near + within, bbox, actor, min_fatalities, limit);
- ``GET /api/events/{id}``, ``GET /api/documents/{id}`` (text, metadata and the document's
  events with their evidence spans);
- ``POST /api/extract``: ``{"text": ..., "published": "YYYY-MM-DD"}`` -> events, not stored;
- ``GET /api/export/{format}``: acled-csv, plover-json or geojson of the filtered events;
- ``GET /api/stats``: counts by type and month, fatalities and injuries;
- ``GET /api/documents/{id}/flags``, ``GET /api/events/{id}/flags``: trust flags of a
  document, and of an event (its merged event's: conflicting figures, single source, ...);
- ``GET /``: the web page (``static/``), other static files under ``/static``.

The store is opened read-only for each request (a DuckDB connection is not shared between
threads), so ``eventdesk ingest`` can write between requests; while another process holds the
write lock, requests get 503. Errors are JSON ``{"error": "..."}``, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from eventdesk.api import MissingDateWarning, parse_published
from eventdesk.desk import PIPELINE_ENV, Desk, load_factory, parse_numbers
from eventdesk.errors import ConfigError, EventdeskError, InputError, StoreError
from eventdesk.records import PLOVER_TYPES

log = logging.getLogger("eventdesk.web")

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 1_000_000  # POST /api/extract request body
MAX_TEXT_CHARS = 100_000  # text coded in one request (longer texts: `eventdesk ingest`)

# Formats served by GET /api/export/{format}: media type, file suffix. (Parquet writes a
# directory of files, so it is left to the CLI and the Python API.)
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "acled-csv": ("text/csv; charset=utf-8", ".csv"),
    "plover-json": ("application/json", ".json"),
    "geojson": ("application/geo+json", ".geojson"),
}

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": ("default-src 'self'; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def status_of(exc: EventdeskError) -> int:
    """HTTP status of an eventdesk error: bad input 400; a store that cannot be opened (missing,
    or locked by a writer) 503; anything else eventdesk raises on purpose 400."""
    if isinstance(exc, StoreError):
        return 503
    return 400


class ExtractRequest(BaseModel):
    """The body of ``POST /api/extract`` (outside data: validated here)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str
    published: str | None = None


class _SecurityHeaders:
    """ASGI middleware: the security headers (a strict CSP first) on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.raw = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                    for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in self.raw}
                headers = [h for h in message.get("headers", []) if h[0].lower() not in names]
                message["headers"] = headers + self.raw
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=SECURITY_HEADERS)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def event_filters(type: list[str] | None = None, since: str | None = None,
                  until: str | None = None, near: str | None = None,
                  within: float | None = None, bbox: str | None = None,
                  actor: str | None = None, min_fatalities: int | None = None,
                  limit: int | None = None) -> dict[str, Any]:
    """Query parameters -> keyword filters of :meth:`Desk.events` (checked by the store)."""
    f: dict[str, Any] = {}
    if type:
        types = [t.strip().upper() for v in type for t in v.split(",") if t.strip()]
        unknown = [t for t in types if t not in PLOVER_TYPES]
        if unknown:
            raise InputError("type", f"unknown PLOVER type {', '.join(unknown)}; one of "
                             f"{', '.join(PLOVER_TYPES)}")
        if types:
            f["type"] = types
    for name, value in (("since", since), ("until", until), ("min_fatalities", min_fatalities),
                        ("limit", limit)):
        if value is not None and value != "":
            f[name] = value
    if actor and actor.strip():
        f["actor"] = actor.strip()
    if near and near.strip():
        try:
            f["near"] = parse_numbers(near.strip(), 2, "near")
        except InputError:
            f["near"] = near.strip()  # a place name met in stored events
    if within is not None:
        f["within_km"] = within
    if bbox:
        f["bbox"] = parse_numbers(bbox, 4, "bbox")
    return f


def _filters_dependency(
    type: list[str] | None = Query(None, description="PLOVER type; repeat or comma-separate"),
    since: str | None = Query(None, description="events on or after (YYYY-MM-DD)"),
    until: str | None = Query(None, description="events on or before (YYYY-MM-DD)"),
    near: str | None = Query(None, description="a stored place name or LAT,LON"),
    within: float | None = Query(None, description="km from near (default 25)"),
    bbox: str | None = Query(None, description="W,S,E,N in degrees"),
    actor: str | None = Query(None, description="actor country (ISO3) or part of a name"),
    min_fatalities: int | None = Query(None),
    limit: int | None = Query(None, ge=0),
) -> dict[str, Any]:
    return event_filters(type=type, since=since, until=until, near=near, within=within,
                         bbox=bbox, actor=actor, min_fatalities=min_fatalities, limit=limit)


def _document_dict(doc: Any, events: list[Any]) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
        "events": [e.to_dict() for e in events],
    }


def _stats(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts of flat event rows (Desk.events(rows=True)) for the page's header and charts."""
    by_type = Counter(r["type"] for r in rows)
    by_month = Counter(r["date_earliest"].strftime("%Y-%m") if r["date_earliest"] else "undated"
                       for r in rows)
    return {
        "events": len(rows),
        "documents": len({r["doc_id"] for r in rows}),
        "by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_month": dict(sorted(by_month.items())),
        "fatalities": sum(r["fatalities"] or 0 for r in rows),
        "injuries": sum(r["injuries"] or 0 for r in rows),
        "events_with_fatalities": sum(1 for r in rows if r["fatalities"]),
        "first": min((r["date_earliest"] for r in rows if r["date_earliest"]), default=None),
        "last": max((r["date_latest"] for r in rows if r["date_latest"]), default=None),
    }


class _Service:
    """What the endpoints share: the store path, the extraction pipeline and its lock."""

    def __init__(self, db_path: Any, pipeline: Any, max_body: int, max_text: int) -> None:
        self.db_path = os.fspath(db_path)
        self._pipeline = pipeline
        self._pipe_lock = threading.Lock()
        self.max_body = max_body
        self.max_text = max_text

    @contextlib.contextmanager
    def desk(self) -> Iterator[Desk]:
        """A read-only Desk for this request (one DuckDB connection, this thread only)."""
        if not os.path.exists(self.db_path):
            raise StoreError(f"{self.db_path}: no such database (run `eventdesk ingest` first)")
        desk = Desk(self.db_path, read_only=True)
        try:
            yield desk
        finally:
            desk.close()

    def pipeline(self) -> Any:
        """The extraction pipeline (built on first use: the given one, EVENTDESK_PIPELINE's
        factory, or eventdesk.api.Pipeline). Call with the lock held."""
        if self._pipeline is None:
            spec = os.environ.get(PIPELINE_ENV)
            if spec:
                self._pipeline = load_factory(spec)()
            else:
                from eventdesk.api import Pipeline

                self._pipeline = Pipeline()
        return self._pipeline

    def extract(self, text: str, published: str | None) -> dict[str, Any]:
        from eventdesk.api import extract

        pub = parse_published(published, where="published")
        notes: list[str] = []
        # One extraction at a time: the pipeline (spaCy) is not shared between threads.
        with self._pipe_lock, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            events = extract(text, published=pub, pipeline=self.pipeline())
        if pub is None:
            notes.append("no publication date: dates resolved against today")
        notes += [str(w.message) for w in caught if not issubclass(w.category, MissingDateWarning)]
        doc_id = events[0].doc_id if events else None
        return {"published": pub.isoformat() if pub else None, "doc_id": doc_id,
                "count": len(events), "events": [e.to_dict() for e in events],
                "warnings": notes}


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            declared = int(length)
        except ValueError:
            raise HTTPException(400, "bad Content-Length") from None
        if declared > limit:
            raise HTTPException(413, f"request body over {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(db_path: Any, *, pipeline: Any = None, max_body_bytes: int = MAX_BODY_BYTES,
               max_text_chars: int = MAX_TEXT_CHARS) -> FastAPI:
    """The FastAPI app over the DuckDB store at ``db_path`` (opened read-only per request).

    ``pipeline`` codes ``POST /api/extract`` (any object with ``process(doc)``); by default
    the one ``Desk`` would build, loaded on the first extraction."""
    svc = _Service(db_path, pipeline, max_body_bytes, max_text_chars)
    from eventdesk import __version__

    app = FastAPI(title="eventdesk", version=__version__,
                  description="Structured, sourced events from news about wars and diplomacy.",
                  docs_url=None, redoc_url=None)  # the docs pages load scripts from a CDN
    app.state.eventdesk = svc
    app.add_middleware(_SecurityHeaders)

    # --- errors: JSON {"error": ...}, never a traceback -------------------------------------
    @app.exception_handler(EventdeskError)
    async def _eventdesk_error(request: Request, exc: EventdeskError) -> JSONResponse:
        return _error(status_of(exc), str(exc))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, _validation_message(list(exc.errors())))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(500, "internal error (see the server log)")

    # --- the API ----------------------------------------------------------------------------
    filters_dep = Depends(_filters_dependency)

    @app.get("/api/events")
    def list_events(filters: dict[str, Any] = filters_dep) -> dict[str, Any]:
        with svc.desk() as desk:
            events = desk.events(**filters)
        return {"count": len(events), "events": [e.to_dict() for e in events]}

    @app.get("/api/events/{event_id}")
    def get_event(event_id: str) -> dict[str, Any]:
        with svc.desk() as desk:
            # Desk has no look-up by event id: scan (see docs/http.md).
            found = next((e for e in desk.events() if e.id == event_id), None)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return found.to_dict()

    @app.get("/api/documents/{doc_id}")
    def get_document(doc_id: str) -> dict[str, Any]:
        with svc.desk() as desk:
            doc = desk.document(doc_id)
            if doc is None:
                raise HTTPException(404, f"no document with id {doc_id!r}")
            events = desk.events(doc_id=doc_id)
        return _document_dict(doc, events)

    # trust flags (issue 10): a document's own, and an event's (its merged event's)
    @app.get("/api/documents/{doc_id}/flags")
    def get_document_flags(doc_id: str) -> dict[str, Any]:
        with svc.desk() as desk:
            if desk.document(doc_id) is None:
                raise HTTPException(404, f"no document with id {doc_id!r}")
            ((_, flags),) = list(desk.document_flags(doc_id))
        return {"doc_id": doc_id, "flags": [f.to_dict() for f in flags]}

    @app.get("/api/events/{event_id}/flags")
    def get_event_flags(event_id: str) -> dict[str, Any]:
        with svc.desk() as desk:
            merged = desk.merged_event_of(event_id)
            if merged is None:
                raise HTTPException(404, f"no event with id {event_id!r}")
            flags = desk.event_flags([merged])[merged.id]
        return {"event_id": event_id, "merged_id": merged.id,
                "flags": [f.to_dict() for f in flags]}

    @app.get("/api/stats")
    def stats(filters: dict[str, Any] = filters_dep) -> dict[str, Any]:
        with svc.desk() as desk:
            rows = desk.events(rows=True, **filters)
        out = _stats(rows)
        for key in ("first", "last"):
            out[key] = out[key].isoformat() if out[key] else None
        return out

    @app.get("/api/export/{fmt}")
    def export(fmt: str, filters: dict[str, Any] = filters_dep) -> FileResponse:
        if fmt not in EXPORT_FORMATS:
            raise HTTPException(404, f"unknown export format {fmt!r}; available: "
                                f"{', '.join(EXPORT_FORMATS)}")
        media_type, suffix = EXPORT_FORMATS[fmt]
        fd, tmp = tempfile.mkstemp(prefix="eventdesk-export-", suffix=suffix)
        os.close(fd)
        try:
            with svc.desk() as desk:
                desk.export(fmt, tmp, **filters)
        except BaseException:
            os.unlink(tmp)
            raise
        return FileResponse(tmp, media_type=media_type, filename=f"events{suffix}",
                            background=BackgroundTask(os.unlink, tmp))

    @app.post("/api/extract")
    async def post_extract(request: Request) -> dict[str, Any]:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise HTTPException(415, "send the body as application/json: "
                                '{"text": "...", "published": "YYYY-MM-DD"}')
        raw = await _read_body(request, svc.max_body)
        try:
            payload = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError("body", f"not JSON: {exc}") from None
        try:
            body = ExtractRequest.model_validate(payload)
        except ValidationError as exc:
            raise InputError("body", _validation_message(list(exc.errors()))) from None
        text = body.text
        if not text.strip():
            raise InputError("text", "is empty")
        if len(text) > svc.max_text:
            raise InputError("text", f"{len(text):,} characters exceed the limit of "
                             f"{svc.max_text:,} (use `eventdesk ingest` for long texts)")
        if "\x00" in text:
            raise InputError("text", "contains NUL characters (binary data?)")
        return await run_in_threadpool(svc.extract, text, body.published)

    # --- the page ---------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    if not STATIC.is_dir():  # pragma: no cover - a broken install
        raise ConfigError(f"{STATIC}: the web page's files are missing")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
