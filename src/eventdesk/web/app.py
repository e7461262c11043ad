"""The HTTP API and the web page: a thin layer over the Python API (``Desk``, ``extract``).

``create_app(db_path, *, pipeline=None, token=None, ...)`` returns a FastAPI app:

- ``GET /api/events``: merged events (one per real-world event, every source with its
  figures and evidence) matching the filters of :meth:`Desk.events` (type, since, until,
  near + within, bbox, actor, min_fatalities, order, offset, limit); ``?reports=1``: the raw
  reports;
- ``GET /api/table``: the same as compact rows (columns + rows) for the page;
- ``GET /api/events/{id}`` (a merged event, by its id or one of its reports' ids),
  ``GET /api/documents/{id}`` (text, metadata and the document's reports with their evidence);
- ``POST /api/documents``: documents to code and store (bearer token), through the writer;
- ``POST /api/extract``: ``{"text": ..., "published": "YYYY-MM-DD"}`` -> events, not stored;
- ``GET /api/export/{format}``: acled-csv, plover-json or geojson of the filtered events;
- ``GET /api/stats``: counts by type and month, killed and injured (each event once);
- ``GET /api/status``: store counts and the write queue (the page polls it for news);
- ``GET /api/documents/{id}/flags``, ``GET /api/events/{id}/flags``: trust flags of a
  document, and of an event (its merged event's: conflicting figures, single source, ...);
- ``GET /``: the web page (``static/``), other static files under ``/static``.

The store is held by this process (``web.live.Service``): requests read through their own
cursor while the writer thread stores new documents, so nothing fails while news arrives.
Errors are JSON ``{"error": "..."}`` saying what went wrong, without paths or library
messages (those go to the server log), never a traceback.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from eventdesk.api import MissingDateWarning, parse_published
from eventdesk.desk import parse_numbers
from eventdesk.errors import ConfigError, EventdeskError, InputError, StoreError
from eventdesk.records import PLOVER_TYPES, Document, content_id
from eventdesk.web.live import Busy, NoStore, Service

log = logging.getLogger("eventdesk.web")

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 1_000_000  # POST /api/extract request body
MAX_TEXT_CHARS = 100_000  # text coded in one request (longer texts: `eventdesk ingest`)
MAX_DOCS_BODY_BYTES = 20_000_000  # POST /api/documents request body
MAX_DOCS = 500  # documents in one POST /api/documents
TOKEN_ENV = "EVENTDESK_TOKEN"
TABLE_COLUMNS: tuple[str, ...] = (
    "cluster_id", "type", "mode", "date_earliest", "date_latest", "date_best",
    "location_name", "location_admin1", "location_country", "lat", "lon", "precision",
    "actor1_name", "actor1_country", "actor2_name", "actor2_country", "fatalities",
    "fatalities_min", "fatalities_max", "injuries", "n_sources", "conflicting", "outlets",
)

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
    or locked by another process) or a full write queue 503; configuration 500."""
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, ConfigError):
        return 500
    return 400


def public_message(exc: EventdeskError) -> str:
    """What a client is told: what went wrong and what to do, without file paths or the
    messages of the libraries underneath (those go to the server log)."""
    if isinstance(exc, Busy):
        return "the store is busy (the ingest queue is full), retry"
    if isinstance(exc, NoStore):
        return "there is no event store yet: ingest documents first"
    if isinstance(exc, StoreError):
        return "the store is busy, retry"
    if isinstance(exc, ConfigError):
        return "the server is misconfigured (see the server log)"
    if isinstance(exc, InputError):
        return f"{exc.where}: {exc.reason}"
    return "bad request"


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
                  limit: int | None = None, offset: int | None = None,
                  order: str | None = None) -> dict[str, Any]:
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
                        ("limit", limit), ("offset", offset), ("order", order)):
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
    offset: int | None = Query(None, ge=0),
    order: str | None = Query(None, description="date (default), newest, oldest, killed"),
) -> dict[str, Any]:
    return event_filters(type=type, since=since, until=until, near=near, within=within,
                         bbox=bbox, actor=actor, min_fatalities=min_fatalities, limit=limit,
                         offset=offset, order=order)


def _document_dict(doc: Any, events: list[Any]) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
        "events": [e.to_dict() for e in events],
    }


class DocumentIn(BaseModel):
    """One document of ``POST /api/documents`` (outside data: validated here)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


class DocumentsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    documents: list[DocumentIn]


def _extract(svc: Service, text: str, published: str | None) -> dict[str, Any]:
    from eventdesk.api import extract

    pub = parse_published(published, where="published")
    notes: list[str] = []
    # One extraction at a time: the pipeline (spaCy) is not shared between threads.
    with svc.pipe_lock, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        events = extract(text, published=pub, pipeline=svc.pipeline())
    if pub is None:
        notes.append("no publication date: dates resolved against today")
    notes += [str(w.message) for w in caught if not issubclass(w.category, MissingDateWarning)]
    doc_id = events[0].doc_id if events else None
    return {"published": pub.isoformat() if pub else None, "doc_id": doc_id,
            "count": len(events), "events": [e.to_dict() for e in events],
            "warnings": notes}


def _documents(body: DocumentsRequest) -> list[Document]:
    if not body.documents:
        raise InputError("documents", "is empty")
    if len(body.documents) > MAX_DOCS:
        raise InputError("documents", f"{len(body.documents)} documents; send at most "
                         f"{MAX_DOCS} a request")
    docs = []
    for n, d in enumerate(body.documents):
        where = f"documents[{n}]"
        if not d.text.strip():
            raise InputError(f"{where}.text", "is empty")
        if "\x00" in d.text:
            raise InputError(f"{where}.text", "contains NUL characters (binary data?)")
        docs.append(Document(id=content_id(d.text), text=d.text, title=d.title, url=d.url,
                             source=d.source,
                             published=parse_published(d.published,
                                                       where=f"{where}.published")))
    return docs


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
               max_text_chars: int = MAX_TEXT_CHARS, token: str | None = None,
               read_only: bool = False, create: bool = False,
               watch: list[str] | None = None, every: float = 600.0) -> FastAPI:
    """The FastAPI app over the DuckDB store at ``db_path``.

    The store is opened once, for writing, on the first request (``create``: made when
    missing); requests read through cursors of it while the writer thread stores what
    ``POST /api/documents`` (allowed with ``token``, default ``$EVENTDESK_TOKEN``) and the
    feed watcher (``watch`` feeds every ``every`` seconds) bring. ``read_only`` opens the file
    read-only per request instead (no writes; 503 while another process writes it).
    ``pipeline`` codes extraction and ingest (any object with ``process(doc)``); by default
    the one ``Desk`` would build, loaded on first use."""
    from contextlib import asynccontextmanager

    if token is None:
        token = os.environ.get(TOKEN_ENV) or None
    svc = Service(db_path, pipeline=pipeline, read_only=read_only, create=create or bool(watch),
                  token=token)
    max_body, max_text = max_body_bytes, max_text_chars
    from eventdesk import __version__

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        if watch:
            svc.watch(watch, every=every)
        try:
            yield
        finally:
            await run_in_threadpool(svc.close)

    app = FastAPI(title="eventdesk", version=__version__,
                  description="Structured, sourced events from news about wars and diplomacy.",
                  docs_url=None, redoc_url=None,  # the docs pages load scripts from a CDN
                  lifespan=lifespan)
    app.state.eventdesk = svc
    app.add_middleware(_SecurityHeaders)

    # --- errors: JSON {"error": ...}, never a traceback, never a path ---------------------
    @app.exception_handler(EventdeskError)
    async def _eventdesk_error(request: Request, exc: EventdeskError) -> JSONResponse:
        status = status_of(exc)
        if status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return _error(status, public_message(exc))

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

    # --- reading ----------------------------------------------------------------------------
    filters_dep = Depends(_filters_dependency)

    @app.get("/api/events")
    def list_events(filters: dict[str, Any] = filters_dep,
                    reports: bool = Query(False, description="raw reports, not merged")
                    ) -> dict[str, Any]:
        with svc.reader() as desk:
            events = desk.events(merged=not reports, **filters)
        return {"view": "reports" if reports else "merged", "count": len(events),
                "events": [e.to_dict() for e in events]}

    @app.get("/api/table")
    def table(filters: dict[str, Any] = filters_dep) -> Response:
        with svc.reader() as desk:
            rows = desk.table_json(TABLE_COLUMNS, **filters)
        return Response('{"columns": ' + json.dumps(list(TABLE_COLUMNS)) + ', "rows": '
                        + rows + "}", media_type="application/json")

    @app.get("/api/events/{event_id}")
    def get_event(event_id: str, reports: bool = Query(False)) -> dict[str, Any]:
        with svc.reader() as desk:
            found = desk.report(event_id) if reports else desk.event(event_id)
        if found is None:
            raise HTTPException(404, "no such event")
        return found.to_dict()

    @app.get("/api/documents/{doc_id}")
    def get_document(doc_id: str) -> dict[str, Any]:
        with svc.reader() as desk:
            doc = desk.document(doc_id)
            if doc is None:
                raise HTTPException(404, "no such document")
            events = desk.reports(doc_id=doc_id)
            clusters = {e.id: desk.store.cluster_of(e.id) for e in events}
        out = _document_dict(doc, events)
        for e in out["events"]:
            e["cluster_id"] = clusters.get(e["id"])
        return out

    # trust flags (docs/flags.md): a document's own, and a merged event's
    @app.get("/api/documents/{doc_id}/flags")
    def get_document_flags(doc_id: str) -> dict[str, Any]:
        with svc.reader() as desk:
            if desk.document(doc_id) is None:
                raise HTTPException(404, "no such document")
            ((_, flags),) = list(desk.document_flags(doc_id))
        return {"doc_id": doc_id, "flags": [f.to_dict() for f in flags]}

    @app.get("/api/events/{event_id}/flags")
    def get_event_flags(event_id: str) -> dict[str, Any]:
        with svc.reader() as desk:
            merged = desk.event(event_id)
        if merged is None:
            raise HTTPException(404, "no such event")
        return {"event_id": event_id, "merged_id": merged.id,
                "flags": [f.to_dict() for f in merged.flags]}

    @app.get("/api/stats")
    def stats(filters: dict[str, Any] = filters_dep,
              reports: bool = Query(False)) -> dict[str, Any]:
        for key in ("limit", "offset", "order"):
            filters.pop(key, None)
        with svc.reader() as desk:
            return desk.stats(merged=not reports, **filters)

    @app.get("/api/status")
    def status() -> dict[str, Any]:
        with svc.reader() as desk:
            counts = desk.counts()
        return {"events": counts["clusters"], "reports": counts["events"],
                "documents": counts["documents"], "queue": svc.pending,
                "ingest": svc.token is not None and not svc.read_only,
                "watch": svc.rounds[-3:]}

    @app.get("/api/export/{fmt}")
    def export(fmt: str, filters: dict[str, Any] = filters_dep,
               reports: bool = Query(False)) -> FileResponse:
        if fmt not in EXPORT_FORMATS:
            raise HTTPException(404, f"unknown export format {fmt!r}; available: "
                                f"{', '.join(EXPORT_FORMATS)}")
        media_type, suffix = EXPORT_FORMATS[fmt]
        fd, tmp = tempfile.mkstemp(prefix="eventdesk-export-", suffix=suffix)
        os.close(fd)
        try:
            with svc.reader() as desk:
                desk.export(fmt, tmp, merged=not reports, **filters)
        except BaseException:
            os.unlink(tmp)
            raise
        return FileResponse(tmp, media_type=media_type, filename=f"events{suffix}",
                            background=BackgroundTask(os.unlink, tmp))

    # --- writing and coding -------------------------------------------------------------------
    async def json_body(request: Request, limit: int, example: str) -> Any:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise HTTPException(415, f"send the body as application/json: {example}")
        raw = await _read_body(request, limit)
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError("body", f"not JSON: {exc.__class__.__name__}") from None

    @app.post("/api/documents")
    async def post_documents(request: Request) -> dict[str, Any]:
        if svc.token is None or svc.read_only:
            raise HTTPException(403, "ingest over HTTP is off: start the server with a token "
                                f"(${TOKEN_ENV}) and without --read-only")
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(),
                                                                 svc.token.encode()):
            return JSONResponse({"error": "a valid bearer token is required"}, status_code=401,
                                headers={**SECURITY_HEADERS, "WWW-Authenticate": "Bearer"})
        payload = await json_body(request, MAX_DOCS_BODY_BYTES,
                                  '{"documents": [{"text": "...", "published": "YYYY-MM-DD"}]}')
        try:
            body = DocumentsRequest.model_validate(payload)
        except ValidationError as exc:
            raise InputError("body", _validation_message(list(exc.errors()))) from None
        docs = _documents(body)
        future = svc.submit(lambda desk: desk.ingest(docs))
        summary = await run_in_threadpool(future.result)
        return {"new": summary.new, "seen": summary.seen, "failed": summary.failed,
                "events": summary.events, "errors": [str(e) for e in summary.errors]}

    @app.post("/api/extract")
    async def post_extract(request: Request) -> dict[str, Any]:
        payload = await json_body(request, max_body,
                                  '{"text": "...", "published": "YYYY-MM-DD"}')
        try:
            body = ExtractRequest.model_validate(payload)
        except ValidationError as exc:
            raise InputError("body", _validation_message(list(exc.errors()))) from None
        text = body.text
        if not text.strip():
            raise InputError("text", "is empty")
        if len(text) > max_text:
            raise InputError("text", f"{len(text):,} characters exceed the limit of "
                             f"{max_text:,} (use `eventdesk ingest` for long texts)")
        if "\x00" in text:
            raise InputError("text", "contains NUL characters (binary data?)")
        return await run_in_threadpool(_extract, svc, text, body.published)

    # --- the page ---------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    if not STATIC.is_dir():  # pragma: no cover - a broken install
        raise ConfigError(f"{STATIC}: the web page's files are missing")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
