"""eventdesk: news about wars and diplomacy -> structured, sourced event data."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "flags", "Pipeline"]


def __getattr__(name: str):  # lazy: importing eventdesk must not load spaCy
    if name in ("extract", "flags", "Pipeline"):
        from eventdesk import api

        return getattr(api, name)
    if name == "Desk":
        from eventdesk.desk import Desk

        return Desk
    raise AttributeError(name)
