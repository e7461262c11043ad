"""Send documents to a running ``eventdesk serve`` (``eventdesk ingest --server URL``).

Part of the Python API. Sources are read here, exactly as ``Desk.ingest`` reads them; the
documents go to ``POST /api/documents`` in batches, where the server codes and stores them
(and places each report in its real-world event) through its single writer, while its pages
keep answering.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date
from typing import Any

from eventdesk.desk import IngestSummary
from eventdesk.errors import ConfigError, InputError
from eventdesk.ingest import IngestError, IngestOptions, read_sources
from eventdesk.records import Document


def _payload(doc: Document) -> dict[str, Any]:
    return {"text": doc.text, "title": doc.title, "url": doc.url, "source": doc.source,
            "published": doc.published.isoformat() if doc.published else None}


def send(sources: Iterable[str], *, server: str, token: str | None, batch_size: int = 32,
         published_default: date | None = None, texts: str | None = None,
         strict: bool = False, timeout: float = 600.0, retries: int = 5) -> IngestSummary:
    """Read ``sources`` and post their documents to ``server``; the combined summary. A busy
    server (503) is retried with a growing pause, ``retries`` times."""
    import httpx

    if not token:
        raise ConfigError("sending to a server needs its token: set $EVENTDESK_TOKEN or give "
                          "--token-file")
    url = server.rstrip("/") + "/api/documents"
    headers = {"Authorization": f"Bearer {token}"}
    options = IngestOptions(texts_dir=texts, published_default=published_default)
    started = time.monotonic()
    totals = {"new": 0, "seen": 0, "failed": 0, "events": 0}
    errors: list[IngestError] = []
    warnings: list[IngestError] = []

    def post(client: httpx.Client, docs: list[Document]) -> None:
        for attempt in range(retries + 1):
            try:
                r = client.post(url, json={"documents": [_payload(d) for d in docs]},
                                headers=headers)
            except httpx.HTTPError as exc:
                raise ConfigError(f"{server}: cannot reach the server "
                                  f"({exc.__class__.__name__})") from None
            if r.status_code == 503 and attempt < retries:
                time.sleep(min(30.0, 0.5 * 2 ** attempt))
                continue
            break
        try:
            body = r.json()
        except ValueError:
            body = {}
        if r.status_code != 200:
            raise ConfigError(f"{server}: {r.status_code} {body.get('error', r.reason_phrase)}")
        for key in totals:
            totals[key] += int(body.get(key, 0))
        errors.extend(IngestError(line.rpartition(": ")[0] or "document",
                                  line.rpartition(": ")[2]) for line in body.get("errors", ()))

    with httpx.Client(timeout=timeout) as client:
        batch: list[Document] = []
        for item in read_sources(list(sources), options=options):
            if isinstance(item, IngestError):
                if not item.is_error:
                    warnings.append(item)
                    continue
                totals["failed"] += 1
                errors.append(item)
                if strict:
                    raise InputError(item.item, item.reason)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                post(client, batch)
                batch = []
        if batch:
            post(client, batch)
    return IngestSummary(new=totals["new"], seen=totals["seen"], failed=totals["failed"],
                         events=totals["events"], errors=tuple(errors),
                         warnings=tuple(warnings), seconds=time.monotonic() - started)
