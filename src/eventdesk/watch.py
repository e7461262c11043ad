"""Polling feeds into the store, round after round (``eventdesk watch``, ``serve --watch``).

Part of the Python API: it drives ``Desk.ingest`` and imports nothing else of the project's
faces. Each round reads every feed (RSS/Atom files or URLs, or any ingest source) and stores
the items not seen before: an item whose text (content hash) or URL a stored document has is
skipped. A feed that cannot be read is one error line in that round's summary and is read
again next round; nothing in a round stops the rounds after it.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventdesk.errors import InputError

log = logging.getLogger("eventdesk.watch")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str | float | int, *, what: str = "--every") -> float:
    """Seconds from "90", "90s", "10m", "1h" or "1d" (at least one second)."""
    if isinstance(text, (int, float)):
        seconds = float(text)
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(text).lower())
        if not m:
            raise InputError(what, f"{text!r} is not an interval (like 90s, 10m, 1h)")
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    if seconds < 1:
        raise InputError(what, f"{text!r} is shorter than one second")
    return seconds


@dataclass(frozen=True, slots=True)
class Round:
    """What one polling round did."""

    number: int
    summary: Any  # desk.IngestSummary, or None when the round failed as a whole
    error: str | None = None
    seconds: float = 0.0

    def __str__(self) -> str:
        if self.summary is None:
            return f"round {self.number}: failed ({self.error}); retrying next round"
        return f"round {self.number}: {self.summary} ({self.seconds:.1f} s)"


def poll(feeds: Sequence[str], *, every: float, ingest: Callable[[list[str]], Any],
         rounds: int | None = None, stop: threading.Event | None = None,
         on_round: Callable[[Round], None] | None = None) -> int:
    """Call ``ingest(feeds)`` now and then every ``every`` seconds until ``stop`` is set or
    ``rounds`` rounds have run; return the number of rounds. An exception in a round is
    logged and reported through ``on_round``; the next round runs as planned."""
    stop = stop or threading.Event()
    n = 0
    while not stop.is_set() and (rounds is None or n < rounds):
        n += 1
        started = time.monotonic()
        try:
            summary = ingest(list(feeds))
            result = Round(n, summary, seconds=time.monotonic() - started)
            for err in getattr(summary, "errors", ()):
                log.info("watch round %d: %s", n, err)
        except Exception as exc:  # noqa: BLE001 - a failing round must not end the watch
            log.error("watch round %d failed", n, exc_info=exc)
            result = Round(n, None, error=f"{exc.__class__.__name__}: {exc}",
                           seconds=time.monotonic() - started)
        if on_round is not None:
            on_round(result)
        if rounds is not None and n >= rounds:
            break
        stop.wait(max(0.0, every - (time.monotonic() - started)))
    return n
