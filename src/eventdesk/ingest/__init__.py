"""Ingest stage: sources (text, HTML, JSONL/CSV, RSS/Atom, URLs, directories, globs, ``-``)
-> :class:`~eventdesk.records.Document` records with content-hash ids.

Readers yield documents and, for items they cannot read, :class:`IngestError` records
(item name + reason), so one bad item never stops a run. Imports records and errors only.
"""

from eventdesk.ingest.base import IngestError, IngestOptions, Item, decode_text, parse_published
from eventdesk.ingest.sources import read_sources

__all__ = ["IngestError", "IngestOptions", "Item", "decode_text", "parse_published",
           "read_sources"]
