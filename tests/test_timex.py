"""Tests for extract.timex: time expressions and date windows, on our own sentences."""

from __future__ import annotations

import json
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventdesk.annotate.dateline import find_dateline
from eventdesk.extraction.timex import (TimeMention, dateline_time, default_window, find_times,
                                     pick_window)
from eventdesk.records import DateWindow, Span

PUB = date(2024, 11, 14)  # a Thursday
D = date.fromisoformat


def one(text: str, published: date = PUB) -> TimeMention:
    found = find_times(text, published=published)
    assert len(found) == 1, [(t.span.text, t.rule) for t in found]
    return found[0]


def window(text: str, published: date = PUB) -> tuple[date, date]:
    t = one(text, published)
    return t.earliest, t.latest


# --------------------------------------------------------------------------- explicit dates

@pytest.mark.parametrize("text,expected", [
    ("The ministers met on October 3, 2023 in Vienna.", ("2023-10-03", "2023-10-03")),
    ("The ministers met on Oct. 3 in Vienna.", ("2024-10-03", "2024-10-03")),
    ("The ministers met on 3 October in Vienna.", ("2024-10-03", "2024-10-03")),
    ("The ministers met on Sept. 30 in Vienna.", ("2024-09-30", "2024-09-30")),
    ("The decree was signed on Nov. 2nd.", ("2024-11-02", "2024-11-02")),
    # a day after the report's day and month without a year is last year's
    ("The treaty was signed on December 20 in Geneva.", ("2023-12-20", "2023-12-20")),
    ("The report dated 2024-06-01 was leaked.", ("2024-06-01", "2024-06-01")),
])
def test_explicit_dates(text, expected):
    t = one(text)
    assert (t.earliest, t.latest) == tuple(D(x) for x in expected)
    assert t.rule == "explicit" and t.relation == "point"
    assert text[t.span.start:t.span.end] == t.span.text
    assert t.span.stage == "extract.timex"


def test_a_year_after_an_article_but_not_a_weight():
    t = one("Goma fell during a 2012 rebellion that lasted months.")
    assert t.earliest == D("2012-01-01") and t.latest == D("2012-12-31")
    assert find_times("The jet dropped a 2000 pound bomb.", published=PUB) == []


def test_month_year_and_year():
    t = one("Troops entered the town in February 2022, residents recall.")
    assert (t.earliest, t.latest) == (D("2022-02-01"), D("2022-02-28"))
    assert t.background and t.rule == "month_year"
    t = one("Fighting has gone on since the 2014 uprising.")
    assert t.relation == "since" and t.earliest == D("2014-01-01") and t.latest == PUB
    assert t.background
    t = one("Exports fell in late March 2024.")
    assert (t.earliest, t.latest) == (D("2024-03-21"), D("2024-03-31"))


def test_bare_month_takes_most_recent():
    assert window("The bridge was closed in August.") == (D("2024-08-01"), D("2024-08-31"))
    assert window("The bridge was closed in December.") == (D("2023-12-01"), D("2023-12-31"))
    t = one("The crossing has stayed shut since early September.")
    assert t.relation == "since" and t.earliest == D("2024-09-01")


def test_weekday_conflict_spans_both_readings():
    # Nov. 12, 2024 was a Tuesday; "Monday, Nov. 12" contradicts itself
    t = one("The envoy arrived on Monday, Nov. 12, officials said.")
    assert t.rule == "explicit_conflict"
    assert (t.earliest, t.latest) == (D("2024-11-11"), D("2024-11-12"))
    # the weekday and day agree, the year is the slip
    t = one("The depot burned on Tuesday, Nov. 12, 2023, officials said.")
    assert (t.earliest, t.latest) == (D("2024-11-12"), D("2024-11-12"))


# --------------------------------------------------------------------------- weekdays, nights

@pytest.mark.parametrize("text,expected,rule", [
    ("Shelling hit the market on Tuesday.", ("2024-11-12", "2024-11-12"), "weekday"),
    ("Shelling hit the market on Thursday.", ("2024-11-14", "2024-11-14"), "weekday"),
    ("Shelling hit the market on Friday.", ("2024-11-08", "2024-11-08"), "weekday"),
    ("Shelling hit the market Tuesday evening.", ("2024-11-12", "2024-11-12"), "weekday"),
    ("Shelling hit the market in the early hours of Wednesday.",
     ("2024-11-13", "2024-11-13"), "weekday"),
    ("Shelling hit the market late on Monday.", ("2024-11-11", "2024-11-11"), "weekday"),
    ("Shelling hit the market on Monday night.", ("2024-11-11", "2024-11-12"), "weekday_night"),
    ("Shelling hit the market on the night of Tuesday to Wednesday.",
     ("2024-11-12", "2024-11-13"), "weekday_night"),
    ("The border was sealed at midnight on Tuesday.",
     ("2024-11-12", "2024-11-13"), "weekday_night"),
    # just before midnight is still that day
    ("Two men were shot dead shortly before midnight on Tuesday.",
     ("2024-11-12", "2024-11-12"), "weekday"),
    ("Shelling hit the market last Thursday.", ("2024-11-07", "2024-11-07"), "weekday"),
    ("Sunday's raid destroyed a depot.", ("2024-11-10", "2024-11-10"), "weekday"),
])
def test_weekdays(text, expected, rule):
    t = one(text)
    assert (t.earliest, t.latest) == tuple(D(x) for x in expected)
    assert t.rule == rule and t.relation == "point" and not t.background


@pytest.mark.parametrize("text,rule", [
    ("Drones hit the refinery overnight.", "overnight"),
    ("Drones hit the refinery during the night.", "overnight"),
    ("Drones hit the refinery last night.", "overnight"),
])
def test_overnight(text, rule):
    t = one(text)
    assert (t.earliest, t.latest) == (PUB - timedelta(days=1), PUB) and t.rule == rule


def test_overnight_into_weekday_and_night_of_date():
    assert window("Missiles struck overnight into Tuesday.") == (D("2024-11-11"), D("2024-11-12"))
    assert window("Missiles struck on the night of Nov. 9.") == (D("2024-11-09"), D("2024-11-10"))
    assert window("Missiles struck on the night of Nov. 9-10.") == (D("2024-11-09"), D("2024-11-10"))


# --------------------------------------------------------------------------- relative words

@pytest.mark.parametrize("text,expected,rule", [
    ("The mayor spoke yesterday.", ("2024-11-13", "2024-11-13"), "yesterday"),
    ("The mayor spoke this morning.", ("2024-11-14", "2024-11-14"), "today"),
    ("The mayor spoke last week.", ("2024-11-04", "2024-11-10"), "last_week"),
    ("The mayor spoke this week.", ("2024-11-11", "2024-11-14"), "this_week"),
    ("The mayor spoke earlier this week.", ("2024-11-11", "2024-11-13"), "this_week"),
    ("The mayor spoke earlier this month.", ("2024-11-01", "2024-11-13"), "this_month"),
    ("The mayor spoke this month.", ("2024-11-01", "2024-11-14"), "this_month"),
    ("The mayor spoke earlier this year.", ("2024-01-01", "2024-11-13"), "this_year"),
    ("The mayor spoke last month.", ("2024-10-01", "2024-10-31"), "last_month"),
    ("The mayor recently spoke to the council.", ("2024-10-01", "2024-11-14"), "recently"),
    ("Protests have grown in recent weeks.", ("2024-10-01", "2024-11-14"), "recently"),
    ("The mayor spoke three days ago.", ("2024-11-11", "2024-11-11"), "ago"),
    ("Rebels attacked 40 villages over the past 24 hours.", ("2024-11-13", "2024-11-14"), "past"),
    ("The envoys met at the weekend.", ("2024-11-09", "2024-11-10"), "weekend"),
])
def test_relative(text, expected, rule):
    t = one(text)
    assert (t.earliest, t.latest) == tuple(D(x) for x in expected)
    assert t.rule == rule and t.relation == "point"


def test_past_period_is_anchored_on_the_sentence_day():
    found = find_times("The general said on Monday that troops had advanced over the past week.",
                       published=PUB)
    past = [t for t in found if t.rule == "past"][0]
    assert (past.earliest, past.latest) == (D("2024-11-04"), D("2024-11-11"))


def test_offsets_and_anaphors():
    found = find_times("Talks resumed on Nov. 4. Two days later, the delegations signed a deal.",
                       published=PUB)
    assert [(t.rule, t.earliest) for t in found] == [("explicit", D("2024-11-04")),
                                                    ("offset", D("2024-11-06"))]
    found = find_times("The mine was cleared two days after Nov. 4, engineers said.", published=PUB)
    assert found[0].rule == "offset" and found[0].earliest == D("2024-11-06")
    # "two days after <event>": the event is two days before the sentence's day
    found = find_times("Rail traffic stopped on Wednesday, two days after saboteurs cut the line.",
                       published=PUB)
    assert [t.earliest for t in found] == [D("2024-11-13"), D("2024-11-11")]
    found = find_times("A convoy was shelled on Monday. A second one was hit the same day.",
                       published=PUB)
    assert found[1].rule == "anaphor" and found[1].earliest == found[1].latest == D("2024-11-11")
    # "a day before" with no clause or date after it counts back from the time told before
    # it (not on: "two days after saboteurs cut the line" is the other reading); before a
    # noun phrase ("a day before the vote") it has no anchor here
    found = find_times("Police found the car on Monday near the spot where a clash broke out "
                       "a day before, officials said.", published=PUB)
    assert found[-1].rule == "offset" and found[-1].earliest == D("2024-11-10")
    found = find_times("Troops clashed with rebels near Goma a day before the vote.",
                       published=PUB)
    assert all(t.rule != "offset" for t in found)
    found = find_times("Clashes broke out for a third day on Wednesday.", published=PUB)
    assert found[0].rule == "nth_day" and (found[0].earliest, found[0].latest) == (
        D("2024-11-11"), D("2024-11-13"))


def test_a_vague_offset_before_a_clause_takes_no_anchor_from_another_sentence():
    """"Moscow expelled envoys, days after Washington sent its staff home": the clause's time
    is not said; a date in another sentence (or in one glued on by a lost space) is not its."""
    found = find_times("Talks were held on Nov. 4. Moscow expelled two envoys, days after "
                       "Washington sent its staff home.", published=PUB)
    # ... it lies days before the report's own window, not days before Nov. 4
    assert [t.rule for t in found] == ["explicit", "vague_offset"]
    assert found[1].latest < PUB - timedelta(days=1) and found[1].earliest > D("2024-11-01")
    found = find_times("Moscow expelled two envoys, days after the US closed its consulate at "
                       "the port.Earlier this month, both sides recalled their ambassadors.",
                       published=PUB)
    assert [t.rule for t in found] == ["vague_offset", "this_month"]
    # "comes a day after <clause>" with no time of the sentence's own: the clause is a day
    # before the report's window, and the offset dates only the clause
    found = find_times("The raid comes a day after a soldier was shot at a checkpoint.",
                       published=PUB)
    assert [(t.rule, t.earliest, t.latest) for t in found] == [
        ("clause_offset", PUB - timedelta(days=2), PUB - timedelta(days=1))]
    # "days later" leans on the time told before, as before
    found = find_times("Talks were held on Nov. 4. Days later, both sides signed a deal.",
                       published=PUB)
    assert [t.rule for t in found] == ["explicit", "vague_offset"]


# --------------------------------------------------------------------------- future and until

def test_future():
    t = one("Both sides are due to meet in Oslo on Saturday.")
    assert t.relation == "future" and t.earliest == D("2024-11-16")
    for text in ("The envoy will visit next week.", "The vote is expected tomorrow.",
                 "A summit may take place in the coming weeks."):
        t = one(text)
        assert t.relation == "future" and t.latest > PUB, text
    t = one("The truce was extended until Nov. 30.")
    assert t.relation == "future" and t.latest == D("2024-11-30")
    t = one("The truce held until Nov. 2.")
    assert t.relation == "until" and t.latest == D("2024-11-02")


def test_a_deadline_after_by_is_the_nearest_such_day():
    """"must leave by 20 November": a deadline with "by" is the nearest such day, after the
    report as often as before it (not the one of last year, which would make the sentence
    history); "by Nov. 2 the town had fallen" stays in the past."""
    t = one("The envoy was told to leave the country by 20 November.")
    assert t.latest == D("2024-11-20")
    t = one("By Nov. 2 the rebels had taken the town.")
    assert t.latest == D("2024-11-02")


# --------------------------------------------------------------------------- false dates

@pytest.mark.parametrize("text", [
    "A three-year-old girl and a 17-year-old boy were among the wounded.",
    "The five-hour meeting ended without a deal.",
    "The fire burned for nearly three hours; crews needed 14 hours to put it out.",
    "Peace remains elusive four years after the invasion began.",
    "Residents were told to leave within 48 hours.",
    "The hotline is staffed 24/7.",
    "The crossing will reopen for three months.",
    "Sirens sounded shortly after 6 p.m. and again at dawn.",
    "The army counted 2,024 shells and $2023 million in damage.",
    "Officials said 2,000 people fled to the Zapad-2025 training ground.",
    "Troops may march toward the river.",
    "Putin spoke to the India Today channel.",
    "The bill passed with 283 votes, nine months after it was tabled.",
])
def test_false_dates_rejected(text):
    assert find_times(text, published=PUB) == []


def test_windows_never_after_published():
    sentences = [
        "The attack came on Saturday night.", "Drones struck overnight.",
        "The talks were held on Nov. 20.", "It happened on 28 December.",
        "Shelling continued over the past 48 hours.", "Strikes hit the city this week.",
        "Fighting has raged since October.", "Lawmakers met in the early hours of Friday.",
        "Troops crossed on the night of Nov. 14-15.", "Rallies were held earlier this month.",
    ]
    for offset in range(0, 14):
        pub = PUB + timedelta(days=offset)
        for s in sentences:
            for t in find_times(s, published=pub):
                assert t.earliest <= t.latest
                if t.relation != "future":
                    assert t.latest <= pub, (s, pub, t)


# --------------------------------------------------------------------------- dateline, default

@pytest.mark.parametrize("text,expected", [
    ("KYIV, May 16 (Reuters) - Russia launched drones.", "2024-05-16"),
    ("ODESA, Ukraine, May 15 — Drones hit the port.", "2024-05-15"),
    ("PORT SUDAN, Sept. 3 -- Shelling killed five.", "2024-09-03"),
    ("GOMA, Congo, Dec. 30, 2023 — Rebels advanced.", "2023-12-30"),
])
def test_dateline(text, expected):
    found = find_dateline(text)  # the annotate stage's, found once per document
    dl = dateline_time(found, published=date(2024, 12, 31) if "Dec" in text else PUB)
    assert dl is not None and dl.rule == "dateline"
    # the filing day, and the night before it, as for a publication day
    assert (dl.earliest, dl.latest) == (D(expected) - timedelta(days=1), D(expected))
    assert dl.window().best == D(expected)
    assert text[dl.span.start:dl.span.end] == dl.span.text
    assert dl.span == Span(found.date.start, found.date.end, found.date.text, "extract.timex")
    # the dateline is not repeated by find_times
    assert all(t.span.start >= dl.span.end
               for t in find_times(text, published=PUB, dateline=found))


def test_no_dateline():
    assert find_dateline("Russia launched drones on May 16.") is None
    assert dateline_time(None, published=PUB) is None
    undated = find_dateline("ODESA, Ukraine — Drones hit the port.")
    assert undated is not None and undated.date is None
    assert dateline_time(undated, published=PUB) is None


def test_default_and_pick_window():
    w = default_window(PUB)
    assert isinstance(w, DateWindow) and (w.earliest, w.latest) == (PUB - timedelta(days=1), PUB)
    text = ("Missiles hit Kharkiv on Tuesday. Two people were killed. "
            "The war began in February 2022.")
    found = find_times(text, published=PUB)
    s2 = text.index("Two")
    e2 = text.index("killed.") + 6
    w = pick_window(found, start=s2, end=e2, sentence_start=s2, sentence_end=e2 + 1,
                    published=PUB)
    assert w.earliest == D("2024-11-12") and w.rule == "weekday"
    w = pick_window(found, start=s2, end=e2, sentence_start=s2, sentence_end=e2 + 1,
                    published=PUB, carry=0)
    assert w.rule == "published"


# --------------------------------------------------------------------------- speed and gold

def test_speed():
    para = ("KYIV, Nov. 14 — Russian drones struck Odesa overnight, killing two people, the "
            "governor said on Thursday. The attack, which lasted nearly three hours, set fire to a "
            "grain terminal. A separate strike hit Izmail on Wednesday evening, wounding a "
            "17-year-old girl. Ukraine's air force said 64 drones were launched during the night, "
            "of which 41 were shot down. Odesa has come under repeated attack since February 2022. ")
    text = para * 8  # about 600 words
    find_times(text, published=PUB)
    n = 50
    t0 = time.perf_counter()
    for _ in range(n):
        find_times(text, published=PUB)
    per = (time.perf_counter() - t0) / n
    assert per < 0.01  # about 1 ms on this machine; generous bound for busy CI


GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


@pytest.mark.skipif(not (GOLD / "dev.jsonl").exists(), reason="gold files absent")
def test_gold_floor():
    """Pinned floor: the predicted window's last day falls in the gold window."""
    from eventdesk.extraction.timex_patterns import _sentence_bounds

    inside = total = 0
    for name in ("seed.jsonl", "dev.jsonl"):
        for line in open(GOLD / name, encoding="utf-8"):
            doc = json.loads(line)
            text, pub = doc["text"], D(doc["published"])
            found_dl = find_dateline(text)
            found = find_times(text, published=pub, dateline=found_dl)
            dl = dateline_time(found_dl, published=pub)
            starts = _sentence_bounds(text)
            for ev in doc["events"]:
                if not ev.get("date") or ev["optional"]:
                    continue
                first = ev["evidence"].split("...")[0].strip()
                s = text.find(first)
                if s < 0:
                    continue
                e = s + len(first)
                s0 = max(x for x in starts if x <= s)
                s1 = min([x for x in starts if x > s] + [len(text)])
                w = pick_window(found, start=s, end=e, sentence_start=s0, sentence_end=s1,
                                published=pub, dateline=dl)
                g0, g1 = D(ev["date"][0]), D(ev["date"][1])
                total += 1
                inside += g0 <= w.latest <= g1
    assert total > 150
    assert inside / total >= 0.92


@pytest.mark.parametrize("text,rule", [
    ("Russian forces killed four civilians in the region in a day.", "daily"),
    ("The enemy shelled the district 70 times per day.", "daily"),
    ("Two soldiers were wounded in the past 24 hours.", "past"),
    ("Two soldiers were wounded in past 24 hours.", "past"),
    ("Over the past day, troops repelled 12 assaults.", "past"),
])
def test_daily_report_points_to_the_day_before(text, rule):
    t = one(text)
    assert (t.earliest, t.latest, t.best, t.rule) == (PUB - timedelta(days=1), PUB,
                                                      PUB - timedelta(days=1), rule)
    assert t.window().day == PUB - timedelta(days=1)


def test_daily_words_in_future_or_anchored_sentences():
    assert find_times("The army will attack again in a day or two.", published=PUB) == []
    found = find_times("On Monday, during the day, troops shelled the town.", published=PUB)
    daily = [t for t in found if t.rule == "daily"][0]
    assert (daily.earliest, daily.latest, daily.best) == (D("2024-11-11"), D("2024-11-11"), None)
    # a report's past week mostly ends the day before the report; a past month or year
    # has no most likely day
    assert one("Troops advanced over the past week.").best == PUB - timedelta(days=1)
    assert one("Prices rose over the past year.").best is None


def test_window_best_day_must_lie_inside():
    with pytest.raises(ValueError):
        DateWindow(D("2024-11-10"), D("2024-11-11"), best=D("2024-11-12"))
    assert DateWindow(D("2024-11-10"), D("2024-11-11")).day == D("2024-11-11")


@pytest.mark.parametrize("text,expected", [
    ("Drones struck the port on Nov. 12-13.", ("2024-11-12", "2024-11-13")),
    ("Troops shelled the town on Nov. 10 and 11.", ("2024-11-10", "2024-11-11")),
    ("Strikes hit the grid on 9-10 November.", ("2024-11-09", "2024-11-10")),
    ("Between Nov. 4 and Nov. 8, the village changed hands twice.", ("2024-11-04", "2024-11-08")),
    ("From Nov. 1 to Nov. 3 the city was without power.", ("2024-11-01", "2024-11-03")),
])
def test_day_ranges(text, expected):
    t = one(text)
    assert (t.earliest.isoformat(), t.latest.isoformat()) == expected and t.rule == "range"


def test_a_day_then_a_number_is_no_range():
    assert window("On Nov. 12 - 14 people were hurt, officials said.") == (D("2024-11-12"),
                                                                             D("2024-11-12"))


@pytest.mark.parametrize("text", [
    "Drones struck the port overnight.",            # [pub-1, pub]
    "Shelling hit the village earlier this week.",  # several days
    "The governor said a shell hit a school.",      # no time: the default window
    "Over the past day the army repelled 40 attacks.",
])
def test_every_window_has_a_most_likely_day(text):
    """One-date exports need one day: the wording's own, else the window's latest day."""
    pub = date(2025, 5, 15)
    windows = [t.window() for t in find_times(text, published=pub)] + [default_window(pub)]
    for w in windows:
        assert w.best is not None and w.earliest <= w.best <= w.latest, w
    assert default_window(pub).best == pub
    past = [t.window() for t in find_times(text, published=pub) if t.rule == "past"]
    assert all(w.best == pub - timedelta(days=1) for w in past)


def test_since_an_ordinal_day_of_a_month_is_a_span_start_and_not_carried():
    # "since the third of last March": the day named as an ordinal of the month still opens
    # a span; a later sentence with no time of its own is not dated by it
    text = ("The toll has reached 40 since the third of last March, the ministry said. "
            "Troops raided the village of Kafr Dan.")
    [t] = [m for m in find_times(text, published=date(2024, 5, 20)) if "March" in m.span.text]
    assert t.relation == "since"
    from eventdesk import extract
    [ev] = [e for e in extract(text, published="2024-05-20") if e.type == "ASSAULT"]
    assert ev.date is not None and ev.date.earliest >= date(2024, 5, 19)


@pytest.mark.parametrize("text", [
    "A man born in 1971 died after the shelling on the village.",
    "The library, built in 1911, was badly damaged.",
    "Two farmers, born in 1958 and 1963, were killed by the blast.",
    "A church dating back to 1890 was hit.",
    "The bridge, completed in 2019, was struck by a missile.",
])
def test_a_date_in_a_life_or_a_buildings_history_is_not_the_events_time(text):
    assert find_times(text, published=PUB) == []


@pytest.mark.parametrize("text", [
    "Norway unveils its largest aid package since 2022",
    "It was the deadliest attack on the town since 2015, officials said.",
    "The two sides held their first direct talks since March 2022.",
])
def test_a_comparisons_since_is_not_the_events_time(text):
    """"the largest package since 2022": a superlative or "first" compares the event with
    a span of time; the span is no time of the event (it would date the event years back
    and drop it as background)."""
    assert find_times(text, published=PUB) == []


def test_a_plain_since_is_still_a_span():
    [t] = find_times("Shelling has continued since Monday.", published=PUB)
    assert t.relation == "since"


def test_a_headline_measure_compared_since_a_year_is_news():
    from eventdesk import extract
    evs = extract("Canada announces biggest sanctions package against Iran since 2022",
                  published="2024-05-14")
    assert [e.type for e in evs] == ["SANCTION"]
