"""Encoding debris: characters a lossy conversion replaced before the text reached us.

A feed or a scraper that writes text in a narrow encoding turns every character it cannot
encode (a Cyrillic word, a no-break space, a zero-width joiner) into ``?``, and a decoder that
meets bad bytes writes U+FFFD. What is left reads "in the area of ??Ugledar": the parser takes
"??Ugledar" for one word, the preposition loses its object and the place its role. A real
question mark ends a clause: it is followed by a space, a quote or the end of the text, never
glued to the next word. :func:`mask_debris` replaces the debris with spaces of the same length
in the text handed to the parser, so every offset (and every evidence span, which is taken
from the stored text) stays as it was.
"""

from __future__ import annotations

import re

# a run of "?" glued to the word after it, or any replacement character run
_DEBRIS = re.compile(r"(?:(?<=\s)|^)\?+(?=\w)|\ufffd+")


def mask_debris(text: str) -> str:
    """``text`` with encoding debris replaced by spaces (same length, offsets unchanged)."""
    if "?" not in text and "\ufffd" not in text:
        return text
    return _DEBRIS.sub(lambda m: " " * len(m.group()), text)
