"""``temporal_inconsistency``: a report's stated dates against its own other clues.

A report dates itself: its publication date, the explicit dates it states ("on October 3,
2023"), the stamps at its head ("Friday, 05 March 2021 09:40 GMT"). Other words date it
too, and can disagree:

- durations since a known anchor: "nearly four years after Russia's full-scale invasion"
  (2022-02-24: late 2025 or early 2026), "the second anniversary of the October 7 attack";
  the anchors are data (``data/document/anchors.yaml``);
- office holders named by their title: "U.S. President Donald Trump" dates the text to a
  Trump presidency; the terms are data (``data/document/offices.yaml``);
- weekdays that do not fit their dates: "Monday, March 5" when March 5 is a Wednesday;
- stamps that disagree with each other or with the publication date;
- events dated after the report's publication (outside clauses about the future).

Each finding names the stated dates and the clue that contradicts them; when the clues
agree on another period, the explanation names the likelier year. Dates are never shifted:
the flag only reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eventdesk.document.dates import (
    MONTH_YEAR_RE, TIME_RE, StatedDate, find_dates, human, human_month, month_number,
    nearest_weekday, weekday_name,
)
from eventdesk.document.resources import anchors, cues, offices, word_regex
from eventdesk.document.text import Sentences, quote, span
from eventdesk.records import Span

STAGE = "document.flags"
SLACK_DAYS = 45  # a title used a little before or after the term is no contradiction
STAMP_DAYS = 3  # a stamp this close to the publication date agrees with it
OPEN_END_YEARS = 8  # an office still held: its term runs this long after the report at most


@dataclass(frozen=True, slots=True)
class Finding:
    """One contradiction: a one-line explanation and the spans it rests on."""

    explanation: str
    evidence: tuple[Span, ...]
    kind: str = ""  # anchor | office | weekday | stamp | after_publication


@dataclass(frozen=True, slots=True)
class _Clue:
    kind: str
    span: Span
    periods: tuple[tuple[date, date], ...]  # when the text's "now" can lie, per the clue
    refs: tuple[tuple[date, date, Span | None], ...]  # the times it was checked against:
    #     the publication date (span None) and the times its own sentence states
    says: str  # what the clue says, for the explanation

    def fits(self) -> bool:
        return any(lo <= phi and plo <= hi for lo, hi, _ in self.refs for plo, phi in self.periods)

    @property
    def ref_spans(self) -> list[Span]:
        return [s for _, _, s in self.refs if s is not None]


# --------------------------------------------------------------------------- durations
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
              "eighteen": 18, "twenty": 20, "thirty": 30, "a dozen": 12, "half a": 0.5}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
             "twelfth": 12}
_QUAL = (r"(?P<q>nearly|almost|close to|just under|under|less than|more than|over|just over|"
         r"well over|about|around|roughly|some|approximately|at least)")
_NUM = (r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
        + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
        r"(?P<half>(?:-| and a )half)?")
_UNIT = r"(?P<u>years?|months?|weeks?|days?)"
_DUR = rf"(?:{_QUAL}\s+)?{_NUM}[\s-]+{_UNIT}"
_ORD = r"(?P<o>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_GAP = r"(?P<gap>(?:[^.;!?\n\d]|\.(?=\w)){0,60}?)"
_UNIT_DAYS = {"y": 365.25, "m": 30.44, "w": 7.0, "d": 1.0}
# a clause about the past: the duration then dates that past event, not the report
_PAST = re.compile(r"\b(?:was|were|had|came|began|started|fell|ended|took|captured|recaptured|"
                   r"retook|launched|signed|withdrew|retreated|seized|collapsed|died|occurred|"
                   r"happened|broke out|erupted|invaded|liberated|pulled out)\b", re.I)
# an office named in a sentence about an earlier time ("at the time", "before he left office")
_THEN = re.compile(r"\b(?:at the time|back then|then|had|before (?:he|she|they) (?:left|took) "
                   r"office|during (?:his|her|their) (?:presidency|term|tenure|premiership)|"
                   r"predecessor|successor|in office at|under (?:then|former))\b", re.I)
_NOW = re.compile(r"\b(?:now|still|has|have|is|are|remains?|continues?|continuing|today|"
                  r"ongoing|this week|this year)\b", re.I)


def _duration_compiled():
    return [
        ("after", re.compile(rf"\b{_DUR}\s+(?:after|since|into|following|on from)\s+{_GAP}"
                             rf"(?P<anchor>{{A}})", re.I)),
        ("ago", re.compile(rf"(?P<anchor>{{A}}){_GAP}\b{_DUR}\s+ago\b", re.I)),
        ("anniversary", re.compile(rf"\b{_ORD}\s+anniversary\s+of\s+{_GAP}(?P<anchor>{{A}})",
                                   re.I)),
        ("year_of", re.compile(rf"\b(?:in|into|during)\s+(?:the|its)\s+{_ORD}\s+year\s+of\s+"
                               rf"{_GAP}(?P<anchor>{{A}})", re.I)),
        ("since", re.compile(rf"\bsince\s+{_GAP}(?P<anchor>{{A}})", re.I)),
    ]


_DURATION_TEMPLATES = _duration_compiled()
_ANCHOR_RES: list[tuple[Any, list[tuple[str, re.Pattern[str]]]]] = []


_ANY_ANCHOR: list[re.Pattern[str]] = []


def _any_anchor() -> re.Pattern[str]:
    """All anchors' phrases in one pattern: most texts name none, and skip the rest."""
    if not _ANY_ANCHOR:
        _ANY_ANCHOR.append(re.compile("|".join(f"(?:{a.pattern.pattern})" for a in anchors()),
                                      re.I))
    return _ANY_ANCHOR[0]


def _anchor_patterns():
    if not _ANCHOR_RES:
        for anchor in anchors():
            pats = [(kind, re.compile(tpl.pattern.replace("{A}", anchor.pattern.pattern), re.I))
                    for kind, tpl in _DURATION_TEMPLATES]
            _ANCHOR_RES.append((anchor, pats))
    return _ANCHOR_RES


def _number(m: re.Match[str]) -> float:
    raw = m.group("n").lower().replace(",", "")
    value = float(raw) if raw[0].isdigit() else float(_NUM_WORDS[raw])
    if m.group("half"):
        value += 0.5
    return value


def _ordinal(raw: str) -> int:
    raw = raw.lower()
    return _ORDINALS[raw] if raw in _ORDINALS else int(re.match(r"\d+", raw).group())


def _add(d: date, units: float, unit: str) -> date:
    return d + timedelta(days=round(units * _UNIT_DAYS[unit]))


def _duration_period(anchor_day: date, m: re.Match[str]) -> tuple[date, date]:
    """When 'now' can be, given '<qualifier> N <unit> after <anchor>'."""
    n, unit = _number(m), m.group("u")[0].lower()
    q = (m.group("q") or "").lower()
    slack = {"y": 0.5, "m": 1.0, "w": 1.0, "d": 1.0}[unit]
    if q in ("nearly", "almost", "close to", "just under"):
        lo, hi = n - max(slack, 0.1 * n), n + 0.05
    elif q in ("under", "less than"):
        lo, hi = max(n - 2 * slack, 0), n
    elif q in ("more than", "over", "just over", "well over"):
        lo, hi = n, n + 2 * slack
    elif q == "at least":
        lo, hi = n, n + 4 * slack
    elif q:  # about, around, some, roughly
        lo, hi = n - slack, n + slack
    else:
        lo, hi = n - slack, n + 2 * slack
    return _add(anchor_day, max(lo, 0), unit), _add(anchor_day, hi, unit)


def _anchor_clues(text: str, sents: Sentences, published: date,
                  refs: dict[int, list[tuple[date, date, Span]]]) -> list[_Clue]:
    clues: list[_Clue] = []
    taken: list[tuple[int, int]] = []
    if not _any_anchor().search(text):
        return clues
    for anchor, pats in _anchor_patterns():
        if not anchor.pattern.search(text):
            continue
        for kind, pat in pats:
            for m in pat.finditer(text):
                s, e = m.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                a_start = m.start("anchor")
                if re.search(r"\b(?:19|20)\d{2}\s*$", text[max(0, a_start - 8):a_start]):
                    continue  # "the 2014 Gaza war": another event of that name
                if kind == "after":
                    period = _duration_period(anchor.date, m)
                    says = f"{_dur_text(m)} after {anchor.name} ({human(anchor.date)})"
                elif kind == "ago":
                    period = _duration_period(anchor.date, m)
                    says = f"{anchor.name} ({human(anchor.date)}) {_dur_text(m)} ago"
                elif kind == "anniversary":
                    n = _ordinal(m.group("o"))
                    mid = _add(anchor.date, n, "y")
                    period = (mid - timedelta(days=75), mid + timedelta(days=40))
                    says = f"the {m.group('o')} anniversary of {anchor.name} ({human(anchor.date)})"
                elif kind == "year_of":
                    n = _ordinal(m.group("o"))
                    period = (_add(anchor.date, n - 1, "y"), _add(anchor.date, n, "y"))
                    says = f"the {m.group('o')} year of {anchor.name} ({human(anchor.date)})"
                else:  # since <anchor>: no earlier than the anchor
                    period = (anchor.date, date.max)
                    says = f"time since {anchor.name} ({human(anchor.date)})"
                sent = sents.bounds(s)
                own = [(lo, hi, sp) for lo, hi, sp in refs.get(sent[0], ())
                       if not (lo - timedelta(days=40) <= anchor.date <= hi + timedelta(days=40)
                               or s <= sp.start < e + 40)]  # not the anchor's own date
                if not own and kind in ("after", "ago"):
                    cut = max(text.rfind(c, sent[0], s) for c in ",;—–(")
                    clause = text[max(cut, sent[0]):s]
                    rest = text[sent[0]:s] + " " + text[e:sent[1]]
                    if any(_PAST.search(x) and not _NOW.search(x) for x in (clause, rest)):
                        continue  # "Kherson was retaken nine months after the invasion";
                        #           "30 days after the invasion, Russia withdrew from Kyiv"
                taken.append((s, e))
                said = f"{quote(text[s:e])} ({human(anchor.date)})"
                clues.append(_Clue("anchor", span(text, s, e, STAGE), (period,),
                                   ((published, published, None), *own),
                                   f"{said} puts it in {_period_text(period)}"
                                   if kind != "since" else f"{said} implies a later date"))
    return clues


def _dur_text(m: re.Match[str]) -> str:
    return " ".join(x for x in (m.group("q"), m.group("n"), m.group("u")) if x)


def _period_text(p: tuple[date, date], published: date | None = None) -> str:
    lo, hi = p
    if hi >= date(9000, 1, 1) or (published is not None and hi >= _open_end(published)):
        return f"{human_month(lo)} or later"
    if lo.year == hi.year and lo.month == hi.month:
        return human_month(lo)
    return f"{human_month(lo)}-{human_month(hi)}"


# --------------------------------------------------------------------------- offices
def _office_clues(text: str, actors: Sequence[Any], sents: Sentences, published: date,
                  refs: dict[int, list[tuple[date, date, Span]]]) -> list[_Clue]:
    table = offices()
    c = cues()
    blockers = re.compile(r"(?:\b(?:" + word_regex(c["title_blockers"]) + r"))[\s-]*$", re.I)
    suffix = re.compile(r"(?:" + "|".join(c["title_suffix_blockers"]) + ")", re.I)
    clues: list[_Clue] = []
    # a surname alone ("President Assad") may name a relative in the same office: only
    # people named in full somewhere in the text are checked
    full = {a.name for a in actors if getattr(a, "kind", "") == "person"
            and len(set(a.name.lower().split()) & set(a.span.text.lower().split())) >= 2}
    for a in actors:
        if getattr(a, "kind", "") != "person" or a.name not in table or a.name not in full:
            continue
        s = a.span.start
        head_start = a.head[0] if a.head and a.head[0] >= s else a.span.end
        low = text[s:head_start].lower()
        for office in table[a.name]:
            hit = None
            for title in sorted(office.titles, key=len, reverse=True):
                m = re.search(rf"(?<![\w-]){re.escape(title)}(?![\w])", low)
                if m:
                    hit = m
                    break
            if hit is None:
                continue
            t_start, t_end = s + hit.start(), s + hit.end()
            before = text[max(0, t_start - 30):t_start]
            if blockers.search(before) or suffix.match(text, t_end):
                break  # "former President", "President-elect": not the office held now
            sent = sents.bounds(s)
            if _THEN.search(text, sent[0], sent[1]):
                break  # the sentence speaks of an earlier time
            pad = timedelta(days=SLACK_DAYS)
            periods = tuple((lo - pad, (hi + pad) if hi else _open_end(published))
                            for lo, hi in office.terms)
            title = text[t_start:t_end]
            clues.append(_Clue("office", span(text, s, a.span.end, STAGE), periods,
                               ((published, published, None), *refs.get(sent[0], ())),
                               f"{a.name} was {title.lower()} {office.describe()}"))
            break
    return clues


def _open_end(published: date) -> date:
    return date(min(published.year + OPEN_END_YEARS, 9000), 12, 31)


# --------------------------------------------------------------------------- stated dates
_YEAR_RE = re.compile(r"(?<![\w-])(?:19|20)\d{2}(?![\w-])")


def _sentence_refs(text: str, sents: Sentences, dates: list[StatedDate], published: date
                   ) -> dict[int, list[tuple[date, date, Span]]]:
    """Per sentence start: the times the sentence states (explicit dates with a year,
    months with a year, bare years), as windows. A clue that fits one of them speaks of
    that time, not of the report's."""
    refs: dict[int, list[tuple[date, date, Span]]] = {}
    covered: list[tuple[int, int]] = []
    for d in dates:
        day = d.on(d.year) if d.year is not None else None
        if day is None:
            continue
        refs.setdefault(sents.bounds(d.start)[0], []).append(
            (day, day, span(text, d.start, d.end, STAGE)))
        covered.append((d.start, d.end))
    for m in MONTH_YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        y, mo = int(m.group("y")), month_number(m.group("m"))
        last = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
        refs.setdefault(sents.bounds(m.start())[0], []).append(
            (date(y, mo, 1), last, span(text, m.start(), m.end(), STAGE)))
        covered.append(m.span())
    for m in _YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        y = int(m.group())
        refs.setdefault(sents.bounds(m.start())[0], []).append(
            (date(y, 1, 1), date(y, 12, 31), span(text, m.start(), m.end(), STAGE)))
    return refs


def _likely(clues: Sequence[_Clue], published: date) -> tuple[tuple[date, date] | None, int | None]:
    """The period all clues allow, and its year with the most days (None when they
    disagree among themselves)."""
    allowed: list[tuple[date, date]] = [(date(1900, 1, 1), _open_end(published))]
    for clue in clues:
        nxt = []
        for lo, hi in allowed:
            for plo, phi in clue.periods:
                a, b = max(lo, plo), min(hi, phi)
                if a <= b:
                    nxt.append((a, b))
        allowed = nxt
        if not allowed:
            return None, None
    lo, hi = min(p[0] for p in allowed), max(p[1] for p in allowed)
    days: dict[int, int] = {}
    for a, b in allowed:
        for year in range(a.year, b.year + 1):
            ya, yb = max(a, date(year, 1, 1)), min(b, date(year, 12, 31))
            days[year] = days.get(year, 0) + (yb - ya).days + 1
    if not days:
        return (lo, hi), None
    most = max(days.values())
    ref_year = clues[0].refs[-1][0].year
    # years nearly as well covered as the best (an open term covers many): nearest the
    # stated date wins
    best = min((y for y in days if days[y] >= 0.9 * most), key=lambda y: abs(y - ref_year))
    return (lo, hi), best


def _clue_findings(text: str, clues: list[_Clue], stated: list[Span], published: date,
                   published_stated: bool) -> list[Finding]:
    bad = [c for c in clues if not c.fits()]
    if not bad:
        return []
    refs = {s.start: s for c in bad for s in c.ref_spans}
    evidence = list(refs.values())
    for s in stated:
        if s.start not in refs and len(evidence) < 4:
            evidence.append(s)
    if evidence:
        years = sorted({int(re.search(r"(?:19|20)\d{2}", s.text).group()) for s in evidence
                        if re.search(r"(?:19|20)\d{2}", s.text)})
        shown = "; ".join(s.text for s in sorted(evidence, key=lambda s: s.start)[:3])
        when = "/".join(map(str, years)) if years else "its stated dates"
        head = f"The text dates itself to {when} ({shown})"
    else:
        head = f"The report is published {human(published)}"
    reasons = "; ".join(c.says for c in bad)
    period, year = _likely(bad, published)
    strong = len(bad) >= 2 or any(c.kind == "anchor" for c in bad)
    if period is not None and year is not None:
        if strong:
            tail = (f"the clues agree on {_period_text(period, published)}: {year} is the "
                    f"likelier year "
                    f"and the stated dates look wrong (dates left as stated)")
        else:
            tail = (f"this points to {year}; either the stated date or the clue is wrong "
                    f"(dates left as stated)")
    else:
        tail = "the clues also disagree among themselves (dates left as stated)"
    spans = tuple(sorted([*evidence, *(c.span for c in bad)], key=lambda s: s.start))
    return [Finding(f"{head}, but {reasons}: {tail}.", spans, "clues")]


def _weekday_findings(text: str, dates: list[StatedDate], published: date) -> list[Finding]:
    out = []
    for d in dates:
        if d.weekday is None:
            continue
        day = d.resolve(published)
        if day is None or day.weekday() == d.weekday:
            continue
        wd = weekday_name_of(d.weekday)
        msg = f"{quote(d.text)}: {human(day)} was a {weekday_name(day)}"
        fits = [x for y in range(published.year - 1, published.year + 2)
                if (x := d.on(y)) is not None and x.weekday() == d.weekday
                and -7 <= (published - x).days <= 31]
        if d.year is not None and fits:
            x = fits[0]
            gap = (published - x).days
            rel = (f"{gap} day{'s' if gap != 1 else ''} before publication" if gap > 0 else
                   "the day of publication" if gap == 0 else f"{-gap} days after publication")
            msg += (f"; in {x.year} it is a {wd}, {rel}: {human(x)} is likelier "
                    f"(date left as stated)")
        else:
            near = nearest_weekday(day, d.weekday)
            msg += f"; the nearest {wd} is {human(near)}: the weekday or the day is wrong"
        out.append(Finding(msg + ".", (span(text, d.start, d.end, STAGE),), "weekday"))
    return out


def weekday_name_of(i: int) -> str:
    from eventdesk.document.dates import WEEKDAYS

    return WEEKDAYS[i]


def _stamps(text: str, dates: list[StatedDate]) -> list[tuple[StatedDate, bool]]:
    """Dates that stamp the report itself: a line holding only a date (with a weekday, a
    time, a 'Published:' prefix), or 'published on <date>'. (date, is an update stamp)."""
    prefixes = word_regex(cues()["stamp_prefixes"])
    pre = re.compile(rf"(?:\b(?P<p>{prefixes})\b\s*:?\s*(?:on\s+|at\s+)?)$", re.I)
    out = []
    for d in dates:
        if d.year is None:
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end == -1 else line_end
        before, after = text[line_start:d.start], text[d.end:line_end]
        pm = pre.search(before)
        rest_before = before[:pm.start()] if pm else before
        rest_after = TIME_RE.sub("", after)
        alone = not re.sub(r"[\W_]|GMT|UTC|at", "", rest_before + rest_after)
        published_on = re.search(r"\b(?:published|posted)\s+(?:on\s+)?$", before, re.I)
        if alone or published_on:
            update = bool(pm and re.match(r"(?:last )?(?:updated|modified)", pm.group("p"), re.I))
            out.append((d, update))
    return out


def _stamp_findings(text: str, dates: list[StatedDate], published: date | None
                    ) -> list[Finding]:
    stamps = _stamps(text, dates)
    days = [(d, d.on(d.year), upd) for d, upd in stamps if d.on(d.year) is not None]
    out = []
    for d, day, upd in days:
        if published is None:
            continue
        diff = (day - published).days
        if abs(diff) <= STAMP_DAYS or (upd and 0 <= diff <= 366):
            continue
        agree = [o for o, oday, _ in days if o is not d and abs((oday - published).days) <= STAMP_DAYS]
        msg = (f"{quote(d.text)} stamps the report {_gap_text(diff)} its publication date "
               f"({human(published)})")
        ev = [span(text, d.start, d.end, STAGE)]
        if agree:
            msg += (f", which another stamp ({quote(agree[0].text)}) confirms: the "
                    f"{day.year} stamp is likely stale")
            ev.append(span(text, agree[0].start, agree[0].end, STAGE))
        out.append(Finding(msg + ".", tuple(ev), "stamp"))
    if published is None and len(days) >= 2:
        first = days[0]
        for d, day, upd in days[1:]:
            if abs((day - first[1]).days) > STAMP_DAYS and not upd:
                out.append(Finding(f"Two stamps disagree: {quote(first[0].text)} and "
                                   f"{quote(d.text)}.",
                                   (span(text, first[0].start, first[0].end, STAGE),
                                    span(text, d.start, d.end, STAGE)), "stamp"))
                break
    return out


def _gap_text(days: int) -> str:
    n = abs(days)
    amount = f"{n} days" if n < 60 else (f"{round(n / 30.44)} months" if n < 730 else
                                         f"{round(n / 365.25)} years")
    return f"{amount} {'before' if days < 0 else 'after'}"


def _future(sentence: str) -> bool:
    words = word_regex(cues()["future_cues"])
    return bool(re.search(rf"(?<![\w'’])(?:{words})(?![\w])", sentence, re.I))


def _after_publication(text: str, sents: Sentences, dates: list[StatedDate], published: date,
                       stamps: set[int]) -> list[Finding]:
    out = []
    for d in dates:
        if d.year is None or d.start in stamps:
            continue
        day = d.on(d.year)
        if day is None or (day - published).days <= 2:
            continue
        s, e = sents.bounds(d.start)
        if _future(text[s:e]):
            continue
        out.append(Finding(f"{quote(d.text)} dates an event {_gap_text((day - published).days)} "
                           f"the report's publication ({human(published)}).",
                           (span(text, d.start, d.end, STAGE),), "after_publication"))
    return out


# --------------------------------------------------------------------------- entry point
def temporal_findings(text: str, *, published: date | None,
                      actors: Sequence[Any] | None = None) -> list[Finding]:
    """Every temporal contradiction of a text (see the module doc). ``actors`` are the actor
    mentions of :func:`eventdesk.resolve.actors.find_actors` (found here when None)."""
    if not text.strip():
        return []
    dates = find_dates(text)
    findings: list[Finding] = []
    stamps = _stamps(text, dates)
    findings += _stamp_findings(text, dates, published)
    if published is None:
        stated_days = [d.on(d.year) for d, upd in stamps if not upd and d.on(d.year)]
        if not stated_days:
            return findings + _weekday_findings(text, [d for d in dates if d.year], date.today())
        published = stated_days[0]
    findings += _weekday_findings(text, dates, published)
    sents = Sentences(text)
    findings += _after_publication(text, sents, dates, published, {d.start for d, _ in stamps})
    if actors is None:
        from eventdesk.resolve.actors import find_actors

        actors = find_actors(text)
    refs = _sentence_refs(text, sents, dates, published)
    clues = _anchor_clues(text, sents, published, refs)
    clues += _office_clues(text, actors, sents, published, refs)
    stated = [span(text, d.start, d.end, STAGE) for d in dates
              if d.year is not None and d.on(d.year) is not None
              and -60 <= (d.on(d.year) - published).days <= 3]
    findings += _clue_findings(text, clues, stated, published, bool(stated))
    return findings
