"""The dateline at the head of a wire report: "KYIV, May 16 (Reuters) —", "ODESA, Ukraine —".

The dateline names where (and often when) the report was filed, not where its events happened,
and it confuses the parser ("KYIV, Jan. 15 — Russia pounded Kyiv ..." parses KYIV as the
subject). The annotate stage finds it once per document (:func:`find_dateline`), blanks it out
(same length, spaces) in the text handed to spaCy (:func:`blank`), and passes the
:class:`~eventdesk.records.Dateline` on: the extract stage keeps its place as a fall-back
location for statements, leaves its actors and places out, and resolves its day as the
fall-back date of the report.
"""

from __future__ import annotations

import re

from eventdesk.records import Dateline, Span

STAGE = "annotate.dateline"

_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# news agencies whose bracket after a place opens a report (a bracket of another acronym,
# "The European Union (EU) Foreign ...", is no dateline)
_AGENCIES = ("Reuters|Xinhua|Sputnik|Anadolu|Interfax|Ukrinform|Bernama|Yonhap|Kyodo|Bloomberg|"
             "AFP|AP|APP|IANS|PTI|ANI|UNI|IRNA|WAM|SPA|KUNA|QNA|MENA|TASS|RIA|BSS|NNA|SANA|"
             "PAP|dpa|DPA|ANSA|EFE|NAN|UrduPoint|AA|CNA|VNA|PNA|KCNA|ISNA|Mehr|Tasnim|BelTA|"
             "Trend|Azertag|Armenpress|Kazinform|APA|Kabar|Akipress")
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Za-z'’.\-]+(?:[ \-][A-Z][A-Za-z'’.\-]+){0,3}"
    r"(?:\s?/\s?[A-Z][A-Za-z'’.\-]+(?:[ \-][A-Z][A-Za-z'’.\-]+){0,3}){0,3})"  # "KYIV/MOSCOW"
    r"(?P<rest>(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30}?){0,2}"
    rf"(?:,?\s+(?P<date>(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?))?"
    r"\s*(?:\([A-Za-z .&/-]{1,30}\))?)\s*(?:(?P<dash>—|–)\s*|(?P<sep>--?|:)\s+|"
    r"(?P<agency>\.\s*/[A-Za-z-]{2,12}/\.?)\s*|"  # "ISTANBUL, June 2. /TASS/."
    # "Tbilisi, (APP - 2nd Feb, 2025) Police ...", "New Delhi, Jan 5 (IANS) The ...": a
    # bracket naming a news agency, then the report's first sentence
    rf"(?P<wire>,?\s*\((?=[^()\n]*\b(?:{_AGENCIES})\b)[^()\n]{{2,80}}\)\s+)(?=[A-Z\"“‘']))"
)
HEAD_CHARS = 1500  # a dateline opens one of the report's first paragraphs
MAX_LINES = 8


def find_dateline(text: str) -> Dateline | None:
    """The dateline of ``text``, or None: at the head of the text, or opening one of its first
    paragraphs after a headline, a standfirst or a caption ("WASHINGTON, Feb. 28 (Xinhua) --",
    "SIMFEROPOL (Sputnik) -", "PESHAWAR:"). At the head a dateline's place is written in
    capitals or is followed by a country, a region or a date; further down (and before a
    colon) only a place in capitals counts."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text[:HEAD_CHARS])][:MAX_LINES]
    for n, pos in enumerate(starts):
        m = _DATELINE.match(text, pos, min(len(text), pos + 200))
        if not m:
            continue
        place = m.group("place")
        caps = place.replace(" ", "").replace("-", "").replace("/", "").isupper() and \
            len(place) >= 3
        if "/" in place and not caps:
            continue  # "and/or", "Kyiv/Moscow" in running text: only capitals make a dateline
        if m.group("agency") and not m.group("date"):
            continue
        if m.group("wire"):
            return _dateline(text, m)  # a wire service's bracket marks a dateline anywhere
        if m.group("sep") == ":" or n > 0:
            if not caps and not _known_town_colon(text, m):
                continue
        elif not (caps or m.group("rest").strip()):
            continue
        return _dateline(text, m)
    return None


TOWN_POPULATION = 100_000  # a town this big (or a capital) is a dateline's place on its own
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*(?:\s|$)")


def _known_town_colon(text: str, m: re.Match[str]) -> bool:
    """"Lahore: Three policemen were wounded ...", "Vilkhuvatka, Ukraine: A drone hit ...": a
    place in ordinary case before a colon opens the report's first sentence when the
    gazetteer knows it as a big town or a capital, or as a place of the country named after
    it, and a whole sentence follows (a headline "Kyiv: drones hit city" has no final stop)."""
    if m.group("sep") != ":":
        return False
    after = text[m.end():m.end() + 400].split("\n", 1)[0]
    if len(after.split()) < 8 or not _SENTENCE_END.search(after) or not after[:1].isupper():
        return False
    from eventdesk.resources.gazetteer import Gazetteer  # (loaded once, on first need)
    gaz = Gazetteer.load()
    entries = [e for e in gaz.lookup(m.group("place")) if e.kind == "city"]
    rest = m.group("rest").strip(" ,")
    if rest:
        countries = {e.country for e in gaz.lookup(rest) if e.kind == "country"}
        return any(e.country in countries for e in entries)
    return any(e.population >= TOWN_POPULATION or e.feature == "PPLC" for e in entries)


def _dateline(text: str, m: re.Match[str]) -> Dateline:
    s, e = m.start("place"), m.end("place")
    date = None
    if m.group("date"):
        ds, de = m.start("date"), m.end("date")
        date = Span(ds, de, text[ds:de], STAGE)
    return Dateline(span=Span(s, m.end(), text[s:m.end()], STAGE),
                    place=Span(s, e, text[s:e], STAGE), date=date,
                    month=m.group("mon"), day=int(m.group("day")) if m.group("day") else None,
                    year=int(m.group("year")) if m.group("year") else None)


def blank(text: str, dateline: Dateline | None) -> str:
    """The text with the dateline replaced by spaces (offsets unchanged)."""
    if dateline is None:
        return text
    s, e = dateline.span.start, dateline.span.end
    return text[:s] + " " * (e - s) + text[e:]
