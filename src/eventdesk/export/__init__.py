"""Exporters behind one small interface; the built-in ones are registered here, in one place.

    from eventdesk.export import export, EXPORTERS
    result = export("acled-csv", events, "out.csv", documents=store.document)

Input: any iterable of :class:`~eventdesk.records.Event` and/or
:class:`~eventdesk.records.MergedEvent` records (also ``(document metadata, Event)`` pairs). An
Event is exported as a one-report MergedEvent; ``documents`` (a mapping or a callable
doc_id -> Document-like) fills in each report's published date, outlet, url and title. The input
is consumed lazily: exporters write as they go. See docs/exports.md for each format's columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from eventdesk.errors import ConfigError
from eventdesk.export._common import DocumentLookup, ExportResult, FlagLookup, as_merged
from eventdesk.records import MergedEvent

__all__ = ["EXPORTERS", "ExportResult", "Exporter", "export", "register"]


class Exporter(Protocol):
    """Writes merged events to ``out`` (a path, '-' or an open stream; a directory for parquet)."""

    name: str
    description: str

    def write(self, records: Iterable[MergedEvent], out: Any, **options: Any) -> ExportResult:
        ...


EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    """Add an exporter to the registry under ``exporter.name``."""
    EXPORTERS[exporter.name] = exporter
    return exporter


def export(fmt: str, events: Iterable[Any], out: Any, *, documents: DocumentLookup = None,
           flags: FlagLookup = None, **options: Any) -> ExportResult:
    """Write ``events`` (Events and/or MergedEvents) in format ``fmt`` to ``out``.

    ``flags`` (merged event -> its :class:`~eventdesk.records.Flag` records) adds each event's
    trust flags to the output (a ``flags`` column or member; ACLED CSV: ``tags``)."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ConfigError(f"unknown export format {fmt!r}; available: {', '.join(sorted(EXPORTERS))}")
    if flags is not None:
        options["flags"] = flags
    return exporter.write(as_merged(events, documents=documents), out, **options)


def _register_builtins() -> None:
    from eventdesk.export.acled import AcledCsv
    from eventdesk.export.geojson import GeoJson
    from eventdesk.export.parquet import Parquet
    from eventdesk.export.plover import PloverJson

    for exporter in (AcledCsv(), PloverJson(), GeoJson(), Parquet()):
        register(exporter)


_register_builtins()
