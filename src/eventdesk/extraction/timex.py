"""Time expressions and date windows (stage ``extract.timex``).

:func:`find_times` finds the time expressions of a report ("on Tuesday", "overnight",
"Oct. 3, 2023", "last week", "over the past 24 hours", "two days after ...") and resolves
each one to a window of days relative to the report's ``published`` date.
:func:`dateline_time` resolves the day of the report's dateline ("KYIV, May 16 (Reuters) -",
found once by the annotate stage, :func:`eventdesk.annotate.dateline.find_dateline`) and
:func:`default_window` is the window of an event whose sentence names no time.
:func:`pick_window` chooses, for an event in a given sentence, the window the caller should use.

Rules, in short:

- explicit dates ("October 3, 2023", "Oct. 3", "3 October", "May 15") -> that day; without a
  year, the year that puts the day on or just before ``published`` (after it when the clause
  is clearly future: "due to", "will", "until");
- month-year and bare years -> the whole month or year; "last month", "earlier this week" ...;
- weekdays -> the most recent such day on or before ``published``; "Tuesday night",
  "midnight on Tuesday" -> Tuesday and the next day; "the night of Tuesday to Wednesday";
- "overnight", "last night", "during the night" -> [published - 1, published];
- a weekday that contradicts its date ("Monday, March 5" when March 5 is a Wednesday) gives a
  window over both readings, rule ``explicit_conflict``;
- ages, durations ("a five-hour meeting", "14 hours", "four years after"), counts, "24/7",
  times of day without a day and years inside other numbers are not time expressions.

Windows never end after ``published`` unless the relation is ``future``.
"""

from __future__ import annotations

import dataclasses

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from eventdesk.extraction.timex_patterns import (
    _BEFORE_MIDNIGHT, _BEFORE_MONTH_OK, _BEFORE_SINCE, _BEFORE_YEAR_OK,
    _CLAUSE_CUT, _COMPARED_SINCE, _HISTORY_BEFORE, _MASTER, _PERFECT, _PROPER_BEFORE, MONTHS,
    SEASONS, WEEKDAYS,
    _future_clause, _last_day, _month_window, _next_weekday, _num, _ord,
    _recent_weekday, _relative, _resolve_md, _safe, _sentence_bounds, _unit_back)
from eventdesk.records import Dateline, DateWindow, Span

STAGE = "extract.timex"
BACKGROUND_DAYS = 45  # a window ending this long before the report is history


@dataclass(frozen=True, slots=True)
class TimeMention:
    span: Span  # stage "extract.timex"
    earliest: date
    latest: date
    rule: str  # "explicit", "weekday", "yesterday", "overnight", "last_week", ...
    relation: str  # "point" | "since" | "until" | "future"
    background: bool  # clearly history relative to the report
    best: date | None = None  # the most likely day, when the wording gives one

    def window(self) -> DateWindow:
        return DateWindow(earliest=self.earliest, latest=self.latest, span=self.span,
                          rule=self.rule, best=most_likely_day(self.earliest, self.latest,
                                                               self.best))


def most_likely_day(earliest: date, latest: date, best: date | None = None) -> date:
    """The single most likely day of a window, for one-date exports (ACLED's ``event_date``).

    The wording's own day when it gives one ("in the past 24 hours" of a daily report: the day
    before publication), else the window's latest day: news reports what happened last, and
    the windows this stage makes are widened backwards ("overnight" on the publication day is
    [day-1, day]). Measured on the gold files' matched events: for windows with no day of
    their own the latest day lies in the gold window 13 of 13 times on news.jsonl ('published'
    windows; the earliest 11) and 996 of 1,227 on ucdp_headlines.jsonl (the earliest 723);
    for 'overnight' windows on dev.jsonl 13 of 13 (the earliest 10).
    """
    if best is not None and earliest <= best <= latest:
        return best
    return latest


# --------------------------------------------------------------------------- resolution

class _Ctx:
    __slots__ = ("text", "pub", "future")

    def __init__(self, text: str, pub: date) -> None:
        self.text = text
        self.pub = pub
        self.future = False


def _explicit(g: dict, pub: date, future: bool, wd_key: str, mon_key: str, day_key: str,
              year_key: str):
    month = MONTHS[g[mon_key].rstrip(".").lower()]
    day = int(re.sub(r"\D", "", g[day_key]))
    year = g.get(year_key)
    stated = _safe(int(year), month, day) if year else _resolve_md(month, day, pub, future=future)
    if stated is None:
        return None
    rule = "explicit"
    wd_name = g.get(wd_key)
    if wd_name:
        wd = WEEKDAYS[wd_name.lower()]
        if stated.weekday() != wd:
            rule = "explicit_conflict"
            guess = _resolve_md(month, day, pub, future=future) if year else None
            if guess is not None and guess.weekday() == wd:
                return guess, guess, rule  # the year is the slip ("Tuesday, Nov. 11, 2024")
            other = _next_weekday(wd, pub) if future else _recent_weekday(wd, pub)
            return min(stated, other), max(stated, other), rule
    return stated, stated, rule


def _day_range(got, first: str | None, second: str | None, *, second_known: bool = False):
    """Widen a resolved day to "24-25" (the other day in the same month), when given."""
    if got is None or not first or not second:
        return got
    earliest, latest, rule = got
    d1, d2 = int(re.sub(r"\D", "", first)), int(re.sub(r"\D", "", second))
    if d1 >= d2:
        return got
    if second_known:  # "24-25 November" resolved on 25
        lo = _safe(latest.year, latest.month, d1)
        return (lo, latest, "range") if lo else got
    hi = _safe(earliest.year, earliest.month, d2)  # "Nov. 24-25" resolved on 24
    return (earliest, hi, "range") if hi else got


def _resolve(kind: str, g: dict, ctx: _Ctx, start: int):
    """(earliest, latest, rule) for one independent match, or None to reject it."""
    pub, text, future = ctx.pub, ctx.text, ctx.future
    if kind == "explicit":
        got = _explicit(g, pub, future, "ex_wd", "ex_mon", "ex_day", "ex_year")
        return _day_range(got, g.get("ex_day"), g.get("ex_day2"))
    if kind == "dmy":
        got = _explicit(g, pub, future, "dm_wd", "dm_mon", "dm_day", "dm_year")
        return _day_range(got, g.get("dm_day0"), g.get("dm_day"), second_known=True)
    if kind == "iso":
        d = _safe(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        return (d, d, "explicit") if d else None
    if kind == "night_md":
        m1 = MONTHS[g["nm_mon"].rstrip(".").lower()]
        d1 = _resolve_md(m1, int(re.sub(r"\D", "", g["nm_d1"])), pub, future=future)
        if d1 is None:
            return None
        if g.get("nm_d2"):
            m2 = MONTHS[g["nm_mon2"].rstrip(".").lower()] if g.get("nm_mon2") else m1
            d2 = _safe(d1.year + (1 if m2 < m1 else 0), m2, int(re.sub(r"\D", "", g["nm_d2"])))
            if d2 and d2 >= d1:
                return d1, d2, "night"
        return d1, d1 + timedelta(days=1), "night"
    if kind == "month_year":
        y, m = int(g["my_year"]), MONTHS[g["my_mon"].rstrip(".").lower()]
        e, l = _month_window(y, m)
        mod = (g.get("my_mod") or "").lower()
        if mod.startswith("early") or "start" in mod or "beginning" in mod:
            l = date(y, m, 10)
        elif mod.startswith("mid"):
            e, l = date(y, m, 11), date(y, m, 20)
        elif mod.startswith("late") or "end" in mod:
            e = date(y, m, 21)
        return e, l, "month_year"
    if kind == "month":
        if not _BEFORE_MONTH_OK.search(text, max(0, start - 30), start) and not g.get("mo_mod"):
            return None
        m = MONTHS[g["mo_mon"].lower()]
        mod = (g.get("mo_mod") or "").lower()
        if mod == "next" or (future and m != pub.month):
            y = pub.year if m > pub.month else pub.year + 1
        elif mod == "last":
            y = pub.year if m < pub.month else pub.year - 1
        else:
            y = pub.year if m <= pub.month else pub.year - 1
        e, l = _month_window(y, m)
        if mod == "early":
            l = date(y, m, 10)
        elif mod == "mid":
            e, l = date(y, m, 11), date(y, m, 20)
        elif mod == "late":
            e = date(y, m, 21)
        return e, l, "month"
    if kind == "year":
        if not _BEFORE_YEAR_OK.search(text, max(0, start - 20), start):
            return None
        y = int(g["yr"])
        if y > pub.year + 5:
            return None
        return date(y, 1, 1), date(y, 12, 31), "year"
    if kind == "season":
        name, rel = g["se_name"].lower(), g["se_rel"].lower()
        m1, m2 = SEASONS[name]
        if g.get("se_year"):
            y = int(g["se_year"])
        else:
            if rel == "the" and not _BEFORE_MONTH_OK.search(text, max(0, start - 30), start):
                return None
            y = pub.year if (m1 <= pub.month or (m2 < m1)) else pub.year - 1
            if rel == "last":
                y -= 1
            elif rel == "next":
                y += 1
        e = date(y, m1, 1)
        l = _last_day(y + (1 if m2 < m1 else 0), m2)
        return e, l, "season"
    if kind == "weekday":
        wd = WEEKDAYS[g["wd_day"].lower()]
        rel = (g.get("wd_rel") or "").lower()
        if rel == "next" or (rel == "coming") or (future and rel != "last"):
            d = _next_weekday(wd, pub, strict=(rel == "next"))
        else:
            d = _recent_weekday(wd, pub, strict=(rel == "last"))
        if g.get("wd_day2"):
            d2 = d + timedelta(days=(WEEKDAYS[g["wd_day2"].lower()] - wd) % 7)
            return d, d2, "weekday_night"
        night = (g.get("wd_part") or "").lower() == "night" or (g.get("wd_of") or "").lower() == "night"
        mid = _BEFORE_MIDNIGHT.search(text, max(0, start - 15), start)
        if mid is not None and re.search(r"(?i:\bbefore\s+)$", text[max(0, mid.start() - 12):
                                                                   mid.start()]):
            return d, d, "weekday"  # "just before midnight on Tuesday": still Tuesday
        if night or mid is not None:
            return d, d + timedelta(days=1), "weekday_night"
        return d, d, "weekday"
    if kind == "overnight":
        word = g["on_word"].lower()
        if g.get("on_wd"):
            d = _recent_weekday(WEEKDAYS[g["on_wd"].lower()], pub)
            return d - timedelta(days=1), d, "overnight"
        if word == "tonight":
            return pub, pub, "today"
        return pub - timedelta(days=1), pub, "overnight"
    if kind == "relative":
        return _relative(re.sub(r"\s+", " ", g["rel"].lower()), pub)
    if kind == "ago":
        n, unit = _num(g["ag_n"]), g["ag_unit"].lower().rstrip("s")
        if unit == "day":
            d = pub - timedelta(days=n)
            return d, d, "ago"
        if unit == "week":
            d = pub - timedelta(days=7 * n)
            return d - timedelta(days=3), min(pub, d + timedelta(days=3)), "ago"
        d = _unit_back(pub, n, unit)
        if unit == "month":
            return d - timedelta(days=15), min(pub, d + timedelta(days=15)), "ago"
        return date(d.year, 1, 1), date(d.year, 12, 31), "ago"
    if kind == "for_dur":
        clause = text[max(0, start - 60):start]
        cut = [m.end() for m in _CLAUSE_CUT.finditer(clause)]
        clause = clause[cut[-1]:] if cut else clause
        if not _PERFECT.search(clause):
            return None  # "reopen the crossing for three months": a duration, not a time
        n = _num(g["fd_n"])
        return _unit_back(pub, n, g["fd_unit"]), pub, "for_duration"
    return None


_ANAPHORS = {
    "the same day": (0, 0), "on the same day": (0, 0), "that day": (0, 0),
    "later in the day": (0, 0), "later on the day": (0, 0), "earlier in the day": (0, 0),
    "earlier on the day": (0, 0), "hours later": (0, 1), "the next day": (1, 1),
    "the following day": (1, 1), "the day after": (1, 1), "a day later": (1, 1),
    "the previous day": (-1, -1), "the day before": (-1, -1), "a day earlier": (-1, -1),
}
# what may follow an offset's "before"/"after" that has no complement of its own
_NO_COMPLEMENT = re.compile(r"\s*(?:[,.;:)!?]|$|(?:and|but|when|as)\b)")
_VAGUE = {"hours": (0, 1), "days": (2, 10), "weeks": (14, 60)}  # (fewest, most) days
_FUTURE_RULES = {"tomorrow", "next_week", "next_month", "next_year", "next_weekend", "coming"}


def _mention(text: str, s: int, e: int, earliest: date, latest: date, rule: str,
             relation: str, pub: date, best: date | None = None) -> TimeMention:
    return _resolved(Span(s, e, text[s:e], STAGE), earliest, latest, rule, relation, pub, best)


def _resolved(span: Span, earliest: date, latest: date, rule: str, relation: str, pub: date,
              best: date | None = None) -> TimeMention:
    if relation != "future":
        if earliest > pub:
            relation = "future"
        else:
            latest = min(latest, pub)
    if relation == "since":
        background = earliest < pub - timedelta(days=BACKGROUND_DAYS)
    else:
        background = relation != "future" and latest < pub - timedelta(days=BACKGROUND_DAYS)
    if best is not None and not earliest <= best <= latest:
        best = None
    return TimeMention(span, earliest, latest, rule, relation, background, best)


def find_times(text: str, *, published: date,
               dateline: Dateline | None = None) -> list[TimeMention]:
    """All time expressions of ``text``, each resolved to a window relative to ``published``.

    The ``dateline`` (the annotate stage's) is left out (see :func:`dateline_time`).
    """
    ctx = _Ctx(text, published)
    skip = (dateline.span.start, dateline.span.end) if dateline is not None else (0, 0)
    resolved: list[TimeMention] = []
    pending: list[tuple[str, re.Match]] = []
    history_end = 0
    for m in _MASTER.finditer(text):
        if skip[0] <= m.start() < skip[1]:
            continue
        kind = m.lastgroup
        s, e = m.start(), m.end()
        g = m.groupdict()
        if kind in ("offset", "vague_offset", "nth_day", "past", "daily") or (
                kind == "relative" and re.sub(r"\s+", " ", g["rel"].lower()) in _ANAPHORS):
            pending.append((kind, m))
            continue
        if kind == "relative" and g["rel"][0] == "T" and _PROPER_BEFORE.search(text, max(0, s - 30), s):
            continue  # "India Today", "Russia Today": a name, not a time
        if _HISTORY_BEFORE.search(text, max(0, s - 30), s) or (
                history_end and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", text[history_end:s])):
            history_end = e  # "a man born in 1962", "a school built in 1978", "born in
            continue  #         1950 and 1948": a life's or a building's time, not the event's
        before = _BEFORE_SINCE.search(text, max(0, s - 25), s)
        if before and before.group(1).lower() == "since" and _COMPARED_SINCE.search(
                text, max(0, before.start() - 70), before.start()):
            continue  # "the largest sanctions package since 2023": a comparison's span
        ctx.future = _future_clause(text, s)
        if before and before.group(1).lower() in ("until", "till", "by") and not ctx.future:
            ctx.future = "nearest"
        out = _resolve(kind, g, ctx, s)
        if out is None:
            continue
        earliest, latest, rule = out
        relation = ("future" if rule in _FUTURE_RULES
                    else "since" if rule == "for_duration" else "point")
        if before:
            word = before.group(1).lower()
            if word == "since":
                relation, latest = "since", published
                s = before.start()
            elif word in ("until", "till", "through"):
                relation = "until"
                s = before.start()
            elif word == "by" and kind in ("weekday", "explicit", "dmy", "month", "month_year"):
                relation = "until"
                s = before.start()
        if ctx.future and relation == "point" and earliest >= published and rule != "today":
            relation = "future"
        resolved.append(_mention(text, s, e, earliest, latest, rule, relation, published))
    if pending:
        resolved = _resolve_dependent(text, published, resolved, pending)
    resolved.sort(key=lambda t: t.span.start)
    return _between(text, resolved, published)


def _between(text: str, found: list[TimeMention], pub: date) -> list[TimeMention]:
    """"between Nov. 20 and Nov. 23", "from May 1 to May 4": one window."""
    out: list[TimeMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.relation == b.relation == "point" and a.earliest <= b.latest \
                and re.search(r"\b(?:[Bb]etween|[Ff]rom)\s+$", text[max(0, a.span.start - 9):
                                                                  a.span.start]) \
                and re.fullmatch(r"\s+(?:and|to|until|through|till)\s+",
                                 text[a.span.end:b.span.start]):
            out.append(_mention(text, a.span.start, b.span.end, a.earliest, b.latest, "range",
                                "point", pub))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _resolve_dependent(text: str, pub: date, found: list[TimeMention],
                       pending: list[tuple[str, re.Match]]) -> list[TimeMention]:
    """Second pass: forms that lean on another mention ("two days after", "the same day")."""
    starts = _sentence_bounds(text)
    found = sorted(found, key=lambda t: t.span.start)

    def sent_of(pos: int) -> tuple[int, int]:
        lo = 0
        for st in starts:
            if st <= pos:
                lo = st
            else:
                return lo, st
        return lo, len(text)

    def anchors(pos: int, *, same_sentence: bool):
        s0, s1 = sent_of(pos)
        ok = [t for t in found if t.relation == "point" and not t.background]
        inside = [t for t in ok if s0 <= t.span.start < s1]
        before = [t for t in inside if t.span.start < pos]
        after = [t for t in inside if t.span.start > pos]
        if same_sentence:
            return before[-1] if before else (after[0] if after else None)
        prior = [t for t in ok if t.span.start < pos]
        return prior[-1] if prior else None

    out = list(found)
    for kind, m in pending:
        s, e = m.start(), m.end()
        g = m.groupdict()
        one = timedelta(days=1)
        if kind == "past":
            a = anchors(s, same_sentence=True)
            end = a.latest if a else pub
            n = _num(g["pa_n"])
            unit = g["pa_unit"].lower()
            earliest = _unit_back(end, n, unit)
            # "over the past day", "in the past 24 hours": a daily report's period, which
            # is mostly the day before the report
            # "over the past day", "in the past 24 hours", "over the past week": a report's
            # period, which mostly ends the day before the report
            report = unit in ("day", "days", "week", "weeks") or \
                unit in ("hour", "hours") and n is not None and n >= 24
            # "over the last decade", "in the past two years": a long run up to the report,
            # like "since 2014" (what happened in it is history, not today's news)
            long_run = (end - earliest).days > 31
            out.append(_mention(text, s, e, earliest, end, "past",
                                "since" if long_run else "point", pub,
                                best=end - one if report else None))
        elif kind == "daily":
            if _future_clause(text, s):
                continue  # "the talks resume in a day": not a reporting period
            a = anchors(s, same_sentence=True)
            if a is not None and m.group(0).lower().split()[-2] == "the":
                # "on Tuesday, during the day, ...": that day
                out.append(_mention(text, s, e, a.earliest, a.latest, "daily", "point", pub))
                continue
            end = a.latest if a else pub
            out.append(_mention(text, s, e, end - one, end, "daily", "point", pub,
                                best=end - one))
        elif kind == "nth_day":
            a = anchors(s, same_sentence=True)
            end = a.latest if a else pub
            n = _ord(g["nd"])
            out.append(_mention(text, s, e, end - (n - 1) * one, end, "nth_day", "since", pub))
        elif kind == "offset":
            n = _num(g["of_n"]) * (7 if g["of_unit"].lower().startswith("week") else 1)
            direction = g["of_dir"].lower()
            nxt = next((t for t in found if t.span.start >= e), None)
            if direction in ("after", "before") and nxt and not text[e:nxt.span.start].strip():
                k = n if direction == "after" else -n  # "two days after May 14"
                out.append(_mention(text, s, nxt.span.end, nxt.earliest + k * one,
                                    nxt.latest + k * one, "offset", "point", pub))
                continue
            if direction in ("after", "before") and _NO_COMPLEMENT.match(text, e):
                # "a gunfight broke out a day before, police said": no clause or date follows,
                # so it counts back (or on) from the time told before, like "a day earlier"
                a = anchors(s, same_sentence=False)
                k = -n if direction == "before" else n
            elif direction in ("after", "before"):
                a = anchors(s, same_sentence=True)  # "..., two days after jets shot down drones"
                k = -n if direction == "after" else n
                if a is None and direction == "after":
                    # "The attack comes a day after a soldier was killed": the sentence's own
                    # event, with no time named, is the report's news; the clause happened
                    # that many days before it and the offset dates only the clause (as
                    # "days after ..." below)
                    a = default_window(pub)
                    out.append(_mention(text, s, e, a.earliest + k * one, a.latest + k * one,
                                        "clause_offset", "point", pub))
                    continue
            else:
                a = anchors(s, same_sentence=False)  # "two days later, ..."
                k = n if direction == "later" else -n
            if a is None:
                continue
            out.append(_mention(text, s, e, a.earliest + k * one, a.latest + k * one,
                                "offset", "point", pub))
        elif kind == "vague_offset":
            # "hours after ...", "days before ...", "weeks later": how long is not said
            unit, direction = g["vo_unit"].lower(), g["vo_dir"].lower()
            lo, hi = _VAGUE[unit]
            if direction == "later":
                a = anchors(s, same_sentence=False)  # "Days later, ...": the time told before
            else:  # "days after Washington sent ... home": the clause's own time, in this sentence
                a = anchors(s, same_sentence=True)  # (another sentence's date is not its)
                if a is None and direction == "after":
                    # the sentence's own event, with no time named, is the report's news
                    # ("Moscow expelled envoys, days after Washington sent its staff home"): the
                    # clause happened that long before the publication window
                    a = default_window(pub)
            if a is None:
                continue
            if direction == "after":  # the clause that follows happened before the anchor
                e0, e1 = a.earliest - hi * one, a.earliest - lo * one
            else:
                e0, e1 = a.latest + lo * one, a.latest + hi * one
            out.append(_mention(text, s, e, e0, e1, "vague_offset", "point", pub))
        else:
            w = re.sub(r"\s+", " ", g["rel"].lower())
            a = anchors(s, same_sentence=False)
            if a is None:
                continue
            lo, hi = _ANAPHORS[w]
            out.append(_mention(text, s, e, a.latest + lo * one if lo else a.earliest,
                                a.latest + hi * one, "anaphor", "point", pub))
    return out


# --------------------------------------------------------------------------- dateline
def dateline_time(dateline: Dateline | None, *, published: date) -> TimeMention | None:
    """The day of a report's dateline ("KYIV, May 16 (Reuters) -", "GOMA, Congo, Dec. 30,
    2023 —"): without a year, the one that puts the day on or just before ``published``. As a
    window it is that day and the one before (best: the day itself)."""
    if dateline is None or dateline.date is None or dateline.month is None or \
            dateline.day is None:
        return None
    month = MONTHS.get(dateline.month.rstrip(".").lower())
    if month is None:
        return None
    if dateline.year is not None:
        d = _safe(dateline.year, month, dateline.day)
    else:
        d = _resolve_md(month, dateline.day, published, future=False)
    if d is None:
        return None
    found = dateline.date
    # the day the report was filed: what its lead tells without a time of its own happened
    # that day or the night before it, as for a report's publication day
    return _resolved(Span(found.start, found.end, found.text, STAGE), d - timedelta(days=1), d,
                     "dateline", "point", published, best=d)


# offsets that open a clause and date only it ("days after X did Y", "comes a day after X
# did Y" with no time of the sentence's own)
CLAUSE_OFFSETS = frozenset({"vague_offset", "clause_offset"})


def default_window(published: date) -> DateWindow:
    """The window of an event whose sentence names no time: the day before and the day of
    publication (news reports what happened since the last edition)."""
    return DateWindow(earliest=published - timedelta(days=1), latest=published, span=None,
                      rule="published", best=published)


def pick_window(mentions: list[TimeMention], *, start: int, end: int, sentence_start: int,
                sentence_end: int, published: date, dateline: TimeMention | None = None,
                carry: int = 1000, text: str | None = None,
                carry_skip: Sequence[tuple[int, int]] = (),
                carry_stop: Sequence[tuple[int, int]] = ()) -> DateWindow:
    """The window for an event whose evidence is ``text[start:end]`` in the given sentence.

    Order: a mention inside the evidence (the first one that is not background history),
    else the nearest one before it in the sentence, else the nearest after it in the sentence,
    else the dateline, else :func:`default_window`. Future and background mentions are only
    used when the evidence itself holds them.
    """
    usable = [t for t in mentions if t.relation != "future" and not t.background]
    inside = [t for t in mentions if start <= t.span.start and t.span.end <= end]
    chosen = next((t for t in inside if t.relation != "future" and not t.background), None)
    if chosen is None and inside:
        chosen = inside[0]
    if chosen is None:
        before = [t for t in usable if sentence_start <= t.span.start and t.span.end <= start]
        after = [t for t in usable if end <= t.span.start and t.span.end <= sentence_end]
        # a vague offset after the event opens another clause and dates only it ("Moscow
        # expelled envoys, days after Washington sent its staff home")
        after = [t for t in after if t.rule not in CLAUSE_OFFSETS]
        if text is not None and any(t.rule not in CLAUSE_OFFSETS for t in before + after):
            # "Hours before the final stage, Russia launched ... overnight into Sunday": a
            # vague offset dates only the clause it opens ("hours after the group fired"),
            # and yields to a time the sentence names for the rest
            before = [t for t in before if t.rule not in CLAUSE_OFFSETS
                      or not re.search(r"[,;:]", text[t.span.end:start])]
        chosen = before[-1] if before else (after[0] if after else None)
    if chosen is None and carry:
        # the last usable mention of the preceding text, at most ``carry`` characters back
        prior = [t for t in usable if sentence_start - carry <= t.span.start < sentence_start
                 and not any(a <= t.span.start < b for a, b in carry_skip)]
        chosen = prior[-1] if prior else None
        if chosen is not None and any(a <= chosen.span.start < b for a, b in carry_stop):
            chosen = None  # the last time told dates something else, and hides older ones
        if chosen is not None:
            return dataclasses.replace(chosen.window(), carried=True)
    if chosen is None:
        return dateline.window() if dateline else default_window(published)
    return chosen.window()
