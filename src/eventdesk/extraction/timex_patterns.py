"""Word lists, compiled patterns and date arithmetic for :mod:`eventdesk.extraction.timex`."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from eventdesk.annotate.nlp import GLUED_STOP
from eventdesk.errors import ConfigError

# --------------------------------------------------------------------------- word lists

@lru_cache(maxsize=1)
def _lexicon() -> dict:
    try:
        raw = resources.files("eventdesk").joinpath("data/timex.yaml").read_text("utf-8")
        lex = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - packaging error
        raise ConfigError(f"eventdesk/data/timex.yaml: cannot read time word lists: {exc}")
    return lex


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LEX = _lexicon()
MONTHS: dict[str, int] = {}
for _num, _names in _LEX["months"].items():
    for _name in _names:
        MONTHS[_name.lower()] = int(_num)
_FULL_MONTHS = [names[0] for names in _LEX["months"].values()]
_ABBR_MONTHS = [n for names in _LEX["months"].values() for n in names[1:]]
WEEKDAYS: dict[str, int] = {w.lower(): i for i, w in enumerate(_LEX["weekdays"])}
NUMBERS: dict[str, int] = {k.lower(): int(v) for k, v in _LEX["numbers"].items()}
ORDINALS: dict[str, int] = {k.lower(): int(v) for k, v in _LEX["ordinals"].items()}
SEASONS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _LEX["seasons"].items()}

# Month names are case-sensitive (capitalised); abbreviations may carry a full stop.
MON = rf"(?:{_alt(_FULL_MONTHS)}|(?:{_alt(_ABBR_MONTHS)})\.?)(?![a-z])"
MONFULL = rf"(?:{_alt(_FULL_MONTHS)})\b"
WD = rf"(?:{_alt(_LEX['weekdays'])})\b"
NUM = rf"(?:\d{{1,3}}|(?i:{_alt(NUMBERS)}))"
ORD = rf"(?i:{_alt(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
YEAR = r"(?:19|20)\d{2}"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|,\d|\.\d|-(?:year|day|hour|month))"
I = "(?i:{})".format  # noqa: E731 - case-insensitive piece

_PATTERNS = [
    ("night_md", rf"(?i:(?:on\s+)?the\s+night\s+of\s+)(?P<nm_mon>{MON})\s+(?P<nm_d1>{DAY})"
                 rf"(?:\s*(?:-|–|(?i:to|into|and))\s*(?:(?P<nm_mon2>{MON})\s+)?(?P<nm_d2>{DAY}))?"),
    ("iso", rf"(?<![\d/-])(?P<iso_y>{YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d/-])"),
    # "Nov. 24-25", "Nov. 24 and 25", "24-25 November": a range of days
    ("explicit", rf"(?:(?P<ex_wd>{WD}),?\s+)?(?P<ex_mon>{MON})\s+(?P<ex_day>{DAY})"
                 rf"(?:(?:[-–]|\s+(?i:and|to|through)\s+)(?P<ex_day2>{DAY})(?![\d:]))?"
                 rf"(?:,?\s+(?P<ex_year>{YEAR})(?!\d))?"),
    ("dmy", rf"(?<![\d.,$])(?:(?P<dm_wd>{WD}),?\s+)?(?:(?P<dm_day0>{DAY})(?:[-–]|\s+(?i:and|to)\s+))?"
            rf"(?P<dm_day>{DAY})\s+(?:of\s+)?"
            rf"(?P<dm_mon>{MON})(?:,?\s+(?P<dm_year>{YEAR})(?!\d))?"),
    ("month_year", rf"(?:(?P<my_mod>(?i:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of))"
                   rf"[\s-]+)?(?P<my_mon>{MON})(?:\s+of)?,?\s+(?P<my_year>{YEAR})(?!\d)"),
    ("season", rf"(?P<se_rel>(?i:this|last|next|the|early|late))\s+(?:(?P<se_mod>(?i:early|late))\s+)?"
               rf"(?P<se_name>(?i:spring|summer|autumn|winter))\b"
               rf"(?:(?:\s+of)?,?\s+(?P<se_year>{YEAR})(?!\d))?"),
    ("past", rf"(?i:(?:(?:in|over|during|for|within)\s+the|over|during|for|in|within)\s+(?:past|last|previous))\s+"
             rf"(?:(?P<pa_n>{NUM})\s+)?(?P<pa_unit>(?i:hours?|days?|weeks?|months?|years?|decades?))\b"),
    # a daily report's period: "killed seven civilians in a day", "97 times per day",
    # "in 24 hours" (the reporting day, before the publication day)
    ("daily", r"(?i:(?:in|over|during)\s+(?:a|one|a\s+single|the)\s+day|per\s+day"
              r"|(?:in|over)\s+24\s+hours)\b(?!\s+(?:after|before|later|earlier|of|or)\b)"),
    ("ago", rf"(?P<ag_n>{NUM})\s+(?P<ag_unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b"),
    ("offset", rf"(?P<of_n>{NUM})\s+(?P<of_unit>(?i:days?|weeks?))\s+"
               rf"(?P<of_dir>(?i:after|before|later|earlier))\b"),
    ("vague_offset", r"(?<!\d )(?P<vo_unit>(?i:hours|days|weeks))\s+(?P<vo_dir>(?i:after|before|later))\b"),
    ("nth_day", rf"(?i:for\s+(?:a|the))\s+(?P<nd>{ORD})\s+(?i:(?:straight\s+|consecutive\s+|successive\s+)?(?:day|night))\b"),
    ("for_dur", rf"(?i:for\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|over\s+|the\s+past\s+|the\s+last\s+)?)"
                rf"(?P<fd_n>{NUM})\s+(?P<fd_unit>(?i:years|months|weeks))\b"),
    ("weekday", rf"(?:(?P<wd_rel>(?i:last|this|next|coming))\s+)?"
                rf"(?:(?i:(?:the\s+)?(?:early\s+)?)(?P<wd_of>(?i:hours|morning|afternoon|evening|night))\s+(?i:of)\s+)?"
                rf"(?P<wd_day>{WD})(?:['’]s)?(?:\s+(?P<wd_part>(?i:morning|afternoon|evening|night))s?\b)?"
                rf"(?:\s+(?i:(?:into|to))\s+(?P<wd_day2>{WD}))?"),
    ("overnight", rf"(?P<on_word>(?i:overnight|during\s+the\s+night|in\s+the\s+night|last\s+night|tonight))"
                  rf"(?:\s+(?i:(?:into|to|on))\s+(?P<on_wd>{WD}))?"),
    ("relative", I(r"(?P<rel>the\s+day\s+before\s+yesterday|yesterday(?:\s+(?:morning|afternoon|evening))?"
                   r"|today|this\s+(?:morning|afternoon|evening)|tomorrow"
                   r"|(?:earlier|later)\s+(?:today|this\s+(?:week|month|year))"
                   r"|(?:last|this|next)\s+(?:week|month|year|weekend)"
                   r"|(?:the\s+previous|the\s+past)\s+(?:week|month|year|weekend)"
                   r"|(?:at|over|during)\s+the\s+weekend"
                   r"|recently|in\s+recent\s+(?:days|weeks|months)"
                   r"|in\s+the\s+(?:coming|next\s+few)\s+(?:days|weeks|months)"
                   r"|(?:on\s+)?the\s+same\s+day|(?:later|earlier)\s+(?:in|on)\s+the\s+day|that\s+day"
                   r"|hours\s+later|the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:before|after)"
                   r"|a\s+day\s+(?:later|earlier))\b")),
    ("month", rf"(?:(?P<mo_mod>(?i:last|this|next|early|mid|late))[\s-]+)?(?P<mo_mon>{MONFULL})"
              rf"(?!\s*\d|[-’']|\s+(?:of\s+)?(?:19|20)\d\d)"),
    ("year", rf"(?<![\d,.$£€/#-])(?P<yr>{YEAR})(?![\d/%]|,\d|\.\d|-\d|-year|-strong|\s*(?:per\s*cent|km|kg|m\b|tonnes|tons|pounds?\b|lbs?\b|miles|"
              r"metres|meters|feet)\b)"),
]
def _trie(words) -> str:
    """One regex for a set of literal words, as a trie: far faster than a flat alternation."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# Every pattern starts with one of these words or a digit: the scanner skips other positions.
_FIRST_WORDS = ["on", "the", "early", "late", "mid", "in", "over", "during", "for", "within",
                "last", "this", "next", "coming", "hours", "morning", "afternoon", "evening",
                "night", "overnight", "tonight", "yesterday", "today", "tomorrow", "earlier",
                "later", "at", "recently", "that", "days", "weeks", "per", *NUMBERS]
_FIRST = r"\b(?=\d|" + _trie(
    {*_FIRST_WORDS, *(w[0].upper() + w[1:] for w in _FIRST_WORDS),
     *_FULL_MONTHS, *_ABBR_MONTHS, *_LEX["weekdays"]}) + r"\b)"
_MASTER = re.compile(_FIRST + "(?:" + "|".join(f"(?P<{n}>{p})" for n, p in _PATTERNS) + ")")

# Context a few characters before a match.
# (also "since the seventh of last October": a day named as an ordinal of the month)
_BEFORE_SINCE = re.compile(r"(?i:\b(since|until|till|through|by)\s+(?:the\s+[a-z0-9-]+\s+of\s+)?"
                           r"(?:(?:the|early|late|mid|mid-)\s+)?)$")
_BEFORE_MONTH_OK = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|of|during|through|throughout|before|after|between|and|to|"
    r"on|last|this|next|early|mid|late|end|start|beginning|until)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?)$")
_BEFORE_YEAR_OK = re.compile(
    r"(?i:\b(?:in|since|of|from|until|till|by|before|after|during|throughout|between|and|to|the|a|an|early|"
    r"late|mid|mid-|through)\s*)$|['’]s\s+$")
_BEFORE_MIDNIGHT = re.compile(r"(?i:\bmidnight\s+(?:on\s+)?)$")
_PROPER_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")
# a date in a person's or a building's history, not the event's: "a man born in 1962 died",
# "the theatre, built in 1903, was hit", "a church dating back to 1890"
_HISTORY_BEFORE = re.compile(
    r"(?i:\b(?:born|built|founded|established|constructed|erected|completed|dating(?:\s+back)?"
    r"(?:\s+to|\s+from)|dates?\s+(?:back\s+)?(?:to|from))\s+(?:(?:in|on|around|about|circa)\s+)?"
    r"(?:the\s+)?)$")
# a superlative or "first" before "since": "the largest package since 2023", "the deadliest
# attack since 2014", "the first direct talks since 2022" compare the event with a span of
# time; the span is no time of the event
_COMPARED_SINCE = re.compile(
    r"(?i:\b(?:largest|biggest|deadliest|heaviest|worst|greatest|highest|lowest|most|"
    r"bloodiest|fiercest|strongest|longest|largest-ever|first|only)\b[^,;:.!?\"“”()]{0,60})$")
_CLAUSE_CUT = re.compile(r"[,;:.!?\"“”()—–]")
_FUTURE = re.compile(r"(?i:(?<![\w'’])(?:" + _alt(_LEX["future_cues"]) + r")\b)")
_PERFECT = re.compile(r"(?i:\b(?:has|have|had|'ve|’ve)\b)")
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(‘]?[A-Z0-9])|\n+|" + GLUED_STOP)
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|"
                     r"St|Gen|Lt|Col|Maj|Sgt|Gov|Sen|Rep|No|Capt|Adm|Prof|Rev|Jr|Sr|Co|Inc|Corp|vs))$")


# --------------------------------------------------------------------------- date helpers

def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month_window(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), _last_day(y, m)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _resolve_md(month: int, day: int, pub: date, *, future: bool | str) -> date | None:
    """The year for a day-month: on or just before ``pub``; after it when ``future``;
    the closest either side when ``future == "nearest"`` ("until April 30")."""
    cands = [c for c in (_safe(pub.year + k, month, day) for k in (-1, 0, 1)) if c]
    if future == "nearest" and cands:
        return min(cands, key=lambda c: (abs((c - pub).days), c < pub))
    if future:
        after = [c for c in cands if c >= pub]
        if after:
            return min(after)
    before = [c for c in cands if c <= pub]
    return max(before) if before else (min(cands) if cands else None)


def _recent_weekday(wd: int, pub: date, *, strict: bool = False) -> date:
    back = (pub.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _next_weekday(wd: int, pub: date, *, strict: bool = False) -> date:
    ahead = (wd - pub.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return pub + timedelta(days=ahead)


def _num(word: str | None, default: int = 1) -> int:
    if not word:
        return default
    w = word.lower()
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w, default)


def _ord(word: str) -> int:
    w = word.lower()
    return ORDINALS.get(w) or int(re.sub(r"\D", "", w) or 1)


def _unit_back(d: date, n: int, unit: str) -> date:
    u = unit.lower().rstrip("s")
    if u == "hour":
        return d - timedelta(days=max(1, -(-n // 24)))
    if u == "day":
        return d - timedelta(days=n)
    if u == "week":
        return d - timedelta(days=7 * n)
    if u == "month":
        return _add_months(d, -n)
    if u == "decade":
        n *= 10
    return _safe(d.year - n, d.month, min(d.day, 28)) or d


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _future_clause(text: str, start: int) -> bool:
    """True when the clause just before ``start`` holds a clear future cue ("due to", "will")."""
    left = text[max(0, start - 60):start]
    cut = [m.end() for m in _CLAUSE_CUT.finditer(left)]
    if cut:
        left = left[cut[-1]:]
    return bool(_FUTURE.search(left))


def _sentence_bounds(text: str) -> list[int]:
    """Start offsets of sentences (a light splitter that respects "Oct." and "U.S.")."""
    starts = [0]
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and _ABBREV.search(text, max(0, m.start() - 6), m.start()):
            continue
        starts.append(m.end())
    return starts


def _relative(w: str, pub: date):
    one = timedelta(days=1)
    if w.startswith("the day before yesterday"):
        return pub - 2 * one, pub - 2 * one, "yesterday"
    if w.startswith("yesterday"):
        return pub - one, pub - one, "yesterday"
    if w in ("today", "this morning", "this afternoon", "this evening", "earlier today", "later today"):
        return pub, pub, "today"
    if w == "tomorrow":
        return pub + one, pub + one, "tomorrow"
    ws = _week_start(pub)
    if w in ("last week", "the previous week"):
        return ws - 7 * one, ws - one, "last_week"
    if w == "the past week":
        return pub - 7 * one, pub, "past"
    if w == "this week":
        return ws, pub, "this_week"
    if w == "earlier this week":
        return ws, max(ws, pub - one), "this_week"
    if w in ("later this week", "next week"):
        s = pub + one if w.startswith("later") else ws + 7 * one
        return s, ws + (6 if w.startswith("later") else 13) * one, "next_week"
    if w == "this month":
        return pub.replace(day=1), pub, "this_month"
    if w == "earlier this month":  # (before the report's day, as "earlier this week")
        return pub.replace(day=1), max(pub.replace(day=1), pub - one), "this_month"
    if w in ("last month", "the previous month", "the past month"):
        prev = _add_months(pub.replace(day=1), -1)
        if w == "the past month":
            return _add_months(pub, -1), pub, "past"
        return prev, _last_day(prev.year, prev.month), "last_month"
    if w in ("next month", "later this month"):
        if w == "later this month":
            return pub + one, _last_day(pub.year, pub.month), "next_month"
        nxt = _add_months(pub.replace(day=1), 1)
        return nxt, _last_day(nxt.year, nxt.month), "next_month"
    if w == "this year":
        return date(pub.year, 1, 1), pub, "this_year"
    if w == "earlier this year":
        return date(pub.year, 1, 1), max(date(pub.year, 1, 1), pub - one), "this_year"
    if w in ("last year", "the previous year"):
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "last_year"
    if w == "the past year":
        return _unit_back(pub, 1, "year"), pub, "past"
    if w in ("next year", "later this year"):
        if w == "next year":
            return date(pub.year + 1, 1, 1), date(pub.year + 1, 12, 31), "next_year"
        return pub + one, date(pub.year, 12, 31), "next_year"
    if "weekend" in w:
        sat = _recent_weekday(5, pub)
        if w in ("this weekend", "next weekend") and pub.weekday() < 5:
            sat = _next_weekday(5, pub, strict=(w == "next weekend" and pub.weekday() >= 5))
            return sat, sat + one, "next_weekend"
        if w in ("last weekend", "the previous weekend", "the past weekend") and pub.weekday() >= 5:
            sat -= 7 * one
        return sat, min(pub, sat + one), "weekend"
    if w in ("recently", "in recent weeks"):
        return _add_months(pub.replace(day=1), -1), pub, "recently"
    if w == "in recent days":
        return pub - 10 * one, pub, "recently"
    if w == "in recent months":
        return _add_months(pub.replace(day=1), -6), pub, "recently"
    if w.startswith("in the coming") or w.startswith("in the next few"):
        n = {"days": 10, "weeks": 42, "months": 180}[w.rsplit(" ", 1)[1]]
        return pub, pub + n * one, "coming"
    return None  # anaphoric forms are resolved in the second pass

