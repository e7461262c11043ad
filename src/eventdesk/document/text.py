"""Sentences and small text helpers for the document flags (no parse needed)."""

from __future__ import annotations

import bisect
import re

from eventdesk.records import Span

_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|"
                     r"Dr|St|Gen|Lt|Col|Sgt|Capt|Maj|Rep|Sen|Gov|Prof|No|Vol|vs|U\.S|U\.N|U\.K|"
                     r"approx|est|Inc|Ltd|Co|Corp))\.$")
_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


class Sentences:
    """Sentence bounds of a text: cut at sentence-final marks before a capital, and at line
    breaks; "U.S." or "Oct." do not end a sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _END.finditer(text):
            if m.group().startswith("\n") or not _ABBREV.search(text[max(0, m.start() - 6):m.start() + 1]):
                starts.append(m.end())
        self.starts = sorted(set(s for s in starts if s < len(text)))

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        start = self.starts[max(i, 0)]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def __iter__(self):
        for i, s in enumerate(self.starts):
            yield self.bounds(s)

    def __len__(self) -> int:
        return len(self.starts)


def span(text: str, start: int, end: int, stage: str) -> Span:
    """A span trimmed of surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end], stage)


def quote(text: str, limit: int = 60) -> str:
    """A span's text for an explanation: one line, clipped, in quotes."""
    one = " ".join(text.split())
    if len(one) > limit:
        one = one[: limit - 1] + "…"
    return f"'{one}'"
