"""The dateline at the head of a wire report: "KYIV, May 16 (Reuters) —", "ODESA, Ukraine —".

The dateline names where the report was filed, not where its events happened, and it confuses
the parser ("KYIV, Jan. 15 — Russia pounded Kyiv ..." parses KYIV as the subject). The annotate
stage finds it, blanks it out (same length, spaces) in the text handed to spaCy, and keeps its
place as a fall-back location for statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.records import Span

STAGE = "annotate.dateline"

_MON = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Za-z'’.\-]+(?:[ \-][A-Z][A-Za-z'’.\-]+){0,3})"
    r"(?P<rest>(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30}?){0,2}"
    rf"(?:,?\s+{_MON}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,30}\))?)\s*(?:—|–|--?)\s*"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    span: Span  # the whole dateline, dash included
    place: Span  # the place name it starts with


def find_dateline(text: str) -> Dateline | None:
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    place = m.group("place")
    # a dateline place is written in capitals or is followed by a date or a country
    if not (place.isupper() or m.group("rest").strip()):
        return None
    s, e = m.start("place"), m.end("place")
    return Dateline(span=Span(m.start("place"), m.end(), text[m.start("place"):m.end()], STAGE),
                    place=Span(s, e, text[s:e], STAGE))


def blank(text: str, dateline: Dateline | None) -> str:
    """The text with the dateline replaced by spaces (offsets unchanged)."""
    if dateline is None:
        return text
    s, e = dateline.span.start, dateline.span.end
    return text[:s] + " " * (e - s) + text[e:]
