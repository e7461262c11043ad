"""Explicit dates as written, with their parts: what the temporal checks compare.

Unlike :mod:`eventdesk.extraction.timex` (which resolves every time expression to a window of
days for an event), this module keeps what the text states: the weekday, day, month and
year as written ("Tuesday, Nov. 11, 2024" -> weekday 1, 2024-11-11, year stated), so that the
document flags can test them against each other and against the text's other clues.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday
_MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    _MONTHS[calendar.month_name[_i].lower()] = _i
    _MONTHS[calendar.month_abbr[_i].lower()] = _i
_MONTHS["sept"] = 9

WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
       r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
       r"(?![a-z])")
YEAR = r"(?:19|20)\d{2}"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"

# "October 3, 2023", "Oct. 3", "3 October 2023", "3rd of October", "2025-10-05"
_DATE = (rf"(?:(?P<m1>{MON})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR})(?!\d))?"
         rf"|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MON})(?:,?\s+(?P<y2>{YEAR})(?!\d))?"
         rf"|(?P<iso>(?P<y3>{YEAR})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01]))(?![\d-]))")
DATE_RE = re.compile(rf"(?<![\w-])(?:{WD},?\s+(?:the\s+)?)?{_DATE}")
# "March 5 (Monday)"
_PAREN_WD = re.compile(r"\s*\(\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\)")
MONTH_YEAR_RE = re.compile(rf"(?<![\w-])(?P<m>{MON})\s+(?P<y>{YEAR})(?!\d)")
TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|[A-Z]{2,4}T?)?",
                     re.I)


@dataclass(frozen=True, slots=True)
class StatedDate:
    """One explicit date of the text: ``year`` is None when the text gives none."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None
    weekday: int | None  # 0 = Monday, as the text states it

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def resolve(self, published: date) -> date | None:
        """The stated day: its own year, else the year that puts it nearest ``published``."""
        if self.year is not None:
            return self.on(self.year)
        options = [d for y in (published.year - 1, published.year, published.year + 1)
                   if (d := self.on(y)) is not None]
        return min(options, key=lambda d: abs((d - published).days)) if options else None


def month_number(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def find_dates(text: str) -> list[StatedDate]:
    out = []
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iso"]:
            month, day, year = int(g["m3"]), int(g["d3"]), int(g["y3"])
        elif g["m1"]:
            month, day = month_number(g["m1"]), int(re.match(r"\d+", g["d1"]).group())
            year = int(g["y1"]) if g["y1"] else None
        else:
            month, day = month_number(g["m2"]), int(re.match(r"\d+", g["d2"]).group())
            year = int(g["y2"]) if g["y2"] else None
        end = m.end()
        wd = WEEKDAYS.index(g["wd"]) if g["wd"] else None
        if wd is None and (p := _PAREN_WD.match(text, end)):
            wd = WEEKDAYS.index(p.group(1))
            end = p.end()
        out.append(StatedDate(m.start(), end, text[m.start():end], month, day, year, wd))
    return out


def weekday_name(d: date) -> str:
    return WEEKDAYS[d.weekday()]


def nearest_weekday(day: date, weekday: int) -> date:
    """The day with that weekday nearest ``day`` (earlier on a tie)."""
    back = (day.weekday() - weekday) % 7
    fwd = (weekday - day.weekday()) % 7
    return day - timedelta(days=back) if back <= fwd else day + timedelta(days=fwd)


def human(d: date) -> str:
    """'March 5, 2025'."""
    return f"{calendar.month_name[d.month]} {d.day}, {d.year}"


def human_month(d: date) -> str:
    return f"{calendar.month_abbr[d.month]} {d.year}"
