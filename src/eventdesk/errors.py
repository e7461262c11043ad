"""One exception hierarchy with clear messages (what went wrong, and where)."""

from __future__ import annotations


class EventdeskError(Exception):
    """Base class of every error eventdesk raises on purpose."""

    exit_code = 1


class InputError(EventdeskError):
    """Bad input: unreadable, binary, undecodable, malformed. Names the input."""

    exit_code = 2

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class ConfigError(EventdeskError):
    """A missing model, data file or bad option."""

    exit_code = 2


class StoreError(EventdeskError):
    """The event store could not be opened or written."""

    exit_code = 1
