"""The event store: DuckDB by default (schema in docs/store.md). Imports records only."""

from eventdesk.store.codec import event_from_dict
from eventdesk.store.duck import DEFAULT_PATH, Store, Written
from eventdesk.store.schema import SCHEMA_VERSION

__all__ = ["DEFAULT_PATH", "SCHEMA_VERSION", "Store", "Written", "event_from_dict"]
