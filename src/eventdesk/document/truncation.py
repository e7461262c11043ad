"""``truncated``: a text that stops in mid-sentence (an excerpt, a cut feed item, a page
scraped before its end). Facts after the cut are missing, and the last figures may be partial.

The last line of the text decides, after page furniture is set aside (credits, copyright
lines, newsletter prompts, wire codes, ids: ``trailer_lines`` in ``data/document/cues.yaml``):
it is truncated when it does not end a sentence (a cut word, a clause, a heading with
nothing after it). A text of one line (a headline, a feed title) is truncated only when it visibly is:
it ends on "...", a comma or a word that needs a next one ("the", "and", "of").
"""

from __future__ import annotations

import re

from eventdesk.document.resources import cues
from eventdesk.document.text import quote, span
from eventdesk.document.temporal import Finding

STAGE = "document.flags"
_DANGLING = re.compile(r"(?:\.\.\.|…|[,;:(\-—–]|\b(?:the|a|an|and|or|of|to|for|with|by|from|"
                       r"that|which|who|as|but|his|her|its|their|was|were|is|are|has|have|had))$",
                       re.I)


def _dangling(line: str) -> bool:
    """A line visibly cut: it ends on '...', a comma or a word that needs a next one."""
    return bool(_DANGLING.search(line.rstrip()))


def _patterns() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    c = cues()
    return [re.compile(p, re.I) for p in c["trailer_lines"]], re.compile(c["sentence_end"])


def truncation_findings(text: str) -> list[Finding]:
    trailers, sentence_end = _patterns()
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if not lines:
        return []
    content = list(lines)
    while content:
        s, e = content[-1]
        line = text[s:e].strip()
        if any(p.search(line) for p in trailers):
            content.pop()
            continue
        break
    if not content:
        return []
    s, e = content[-1]
    last = text[s:e].strip()
    if len(lines) == 1 and not _dangling(last):
        return []  # one line (a headline, a feed title): complete unless visibly cut
    cut_marker = last.endswith(("...", "…", "[…]", "[...]"))  # an excerpt's cut
    if not cut_marker and sentence_end.search(last):
        return []
    words = last.split()
    tail_start = s + len(text[s:e]) - len(text[s:e].lstrip())
    if len(words) > 8:  # show the end of a long line
        cut = text.rfind(" ", s, e - 1)
        for _ in range(5):
            cut = text.rfind(" ", s, cut)
        tail_start = max(cut + 1, tail_start)
    tail = span(text, tail_start, e, STAGE)
    return [Finding(f"The text breaks off before its end ({quote(tail.text, 50)}): what "
                    f"followed is missing, and figures given later may be too.",
                    (tail,), "truncated")]

