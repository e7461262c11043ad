"""Document structure (stage ``annotate.structure``): title lines, paragraphs, page furniture.

A news text is not a flat run of sentences. Its first lines are a headline (and sometimes a
standfirst, a repeated headline or a time stamp) that tell the main incident in short; the
body follows in paragraphs; pages carry furniture ("Support The Moscow Times!", "Read also:",
cookie notices) that is no news; and a paragraph may be labelled as background ("Background:",
"As reported earlier, ..."). This stage reads that structure from the text alone, before
parsing, so that later stages can skip furniture, tell the headline from the body and keep
background out of today's news.

Adds: :class:`DocStructure` (blocks with their kind, the body's start). Data: the word lists
in ``data/structure.yaml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from eventdesk.errors import ConfigError

STAGE = "annotate.structure"
TITLE_MAX_WORDS = 25  # a headline line is short ...
TITLE_MAX_LINES = 6  # ... and among the first lines
_FINAL = re.compile(r"[.!?…]['\"”’)]*\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Block:
    """One non-empty line of the text (a paragraph, a headline, a caption, ...).

    ``kind``: ``title`` (headline zone at the top), ``body``, ``boilerplate`` (page furniture:
    no news), ``caption`` (a photo caption: a picture's description, no news) or
    ``background`` (a paragraph labelled as earlier news or history).
    """

    start: int
    end: int
    kind: str
    index: int  # position among the text's blocks


@dataclass(frozen=True, slots=True)
class DocStructure:
    blocks: tuple[Block, ...]
    body_start: int  # offset of the first body block (len(text) when there is none)
    headline_only_body: bool = True  # False for a one-line text without a final stop

    def block_at(self, pos: int) -> Block | None:
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and self.blocks[i].start <= pos < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def kind_at(self, pos: int) -> str:
        block = self.block_at(pos)
        return block.kind if block is not None else "body"

    def paragraph(self, pos: int) -> int:
        """Index of the block holding ``pos`` (-1 outside every block)."""
        block = self.block_at(pos)
        return block.index if block is not None else -1

    def in_title(self, pos: int) -> bool:
        return self.kind_at(pos) == "title"

    def headline_style(self, pos: int) -> bool:
        """Written as a headline (present tense for past events): a title line, or a text
        that is one line without a final stop ("Ukraine reports casualties in 3 weeks")."""
        return self.in_title(pos) or (len(self.blocks) == 1 and not self.headline_only_body)

    def skipped(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies in page furniture."""
        block = self.block_at(start)
        return block is not None and block.kind in ("boilerplate", "caption") and \
            end <= block.end + 1

    def furniture(self) -> list[tuple[int, int]]:
        return [(b.start, b.end) for b in self.blocks if b.kind == "boilerplate"]


@dataclass(frozen=True, slots=True)
class _Lists:
    boilerplate: re.Pattern[str]
    background: re.Pattern[str]
    caption: re.Pattern[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    raw = resources.files("eventdesk.data").joinpath("structure.yaml").read_text("utf-8")
    data = yaml.safe_load(raw) or {}
    try:
        furniture = "|".join(f"(?:{p})" for p in data["boilerplate"])
        labels = "|".join(f"(?:{p})" for p in data["background_labels"])
        captions = "|".join(f"(?:{p})" for p in data["captions"])
        return _Lists(re.compile(rf"^\W*(?:{furniture})", re.I),
                      re.compile(rf"^\W*(?:{labels})", re.I), re.compile(captions))
    except (KeyError, TypeError, re.error) as exc:
        raise ConfigError(f"data/structure.yaml: {exc}") from None


def _key(line: str) -> str:
    return " ".join(_WORD.findall(line.casefold()))


def _is_title_line(line: str) -> bool:
    words = _WORD.findall(line)
    return 0 < len(words) <= TITLE_MAX_WORDS and not _FINAL.search(line)


_BULLET = re.compile(r"^[-–•·▪*]\s+\S")
_OPEN_END = re.compile(r"[.!?…;:,]['\"”’)]*\s*$")
HEADLINE_LIST_MIN = 3  # bulleted headlines in a row that make a list of other stories


def _headline_lists(text: str, lines: list[tuple[int, int]], kinds: list[str]) -> None:
    """A run of ``HEADLINE_LIST_MIN`` or more bulleted lines none of which ends as a sentence
    or a list item does ("- Quake hits coastal town", "- Talks resume in Doha") is a page's
    list of other stories: furniture. Bullets that are the report's own points end with a
    stop, a semicolon or a colon ("- 1 person was killed;")."""
    n = 0
    while n < len(lines):
        m = n
        while m < len(lines) and kinds[m] in ("body", "background") and \
                _BULLET.match(text[lines[m][0]:lines[m][1]]) and \
                not _OPEN_END.search(text[lines[m][0]:lines[m][1]]):
            m += 1
        if m - n >= HEADLINE_LIST_MIN:
            kinds[n:m] = ["boilerplate"] * (m - n)
        n = max(m, n + 1)


def find_structure(text: str) -> DocStructure:
    """The blocks of ``text`` and where its body starts.

    Title zone: the leading lines that read as headlines (at most ``TITLE_MAX_LINES`` lines of
    at most ``TITLE_MAX_WORDS`` words without a sentence-final stop: headline, repeated
    headline, standfirst, time stamp) when a body follows them. A text of one line is all body
    (a headline handed in alone is the report).
    """
    lists = _lists()
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    kinds: list[str] = []
    in_title = True
    titles: set[str] = set()
    for n, (s, e) in enumerate(lines):
        line = text[s:e]
        if lists.boilerplate.search(line):
            kinds.append("boilerplate")
            continue
        if lists.caption.search(line):
            kinds.append("caption")
            continue
        # A page repeats its headline (page title, heading, share card): a copy of a title
        # line still belongs to the title zone, however far down the top lines it comes.
        if in_title and _is_title_line(line) and (n < TITLE_MAX_LINES or _key(line) in titles):
            kinds.append("title")
            titles.add(_key(line))
            continue
        in_title = False
        kinds.append("background" if lists.background.search(line) else "body")
    _headline_lists(text, lines, kinds)
    if "body" not in kinds and "background" not in kinds:
        kinds = ["body" if k == "title" else k for k in kinds]  # a headline alone
    blocks = tuple(Block(s, e, k, i) for i, ((s, e), k) in enumerate(zip(lines, kinds)))
    body_start = next((b.start for b in blocks if b.kind in ("body", "background")), len(text))
    one_headline = len(lines) == 1 and _is_title_line(text[lines[0][0]:lines[0][1]])
    return DocStructure(blocks=blocks, body_start=body_start,
                        headline_only_body=not one_headline)
