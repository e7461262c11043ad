"""HTTP API and web page: a thin face over :class:`eventdesk.desk.Desk` and :mod:`eventdesk.api`.

    from eventdesk.web import create_app
    app = create_app("events.duckdb")        # a FastAPI app; `eventdesk serve` runs it

FastAPI is imported only when this package's ``create_app`` is called (CLI --help stays fast).
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(db_path: Any, *, pipeline: Any = None, **options: Any) -> Any:
    from eventdesk.web.app import create_app as _create

    return _create(db_path, pipeline=pipeline, **options)
