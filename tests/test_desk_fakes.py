"""A fake extraction pipeline (no spaCy) and hand-built events, for the corpus tests.

Importable by subprocesses and worker processes as ``test_desk_fakes`` (tests/ on the path):
``EVENTDESK_PIPELINE=test_desk_fakes:FakePipeline``; ``EVENTDESK_FAKE_DELAY`` (seconds per
document) makes it slow for the kill test; ``EVENTDESK_FAKE_STARTED`` (a path) is created when
the first document is coded.
"""

from __future__ import annotations

import os
import re
import time
from datetime import date, timedelta

from eventdesk.records import Actor, DateWindow, Document, Event, Evidence, Place, Span, Victim

PLACES = {
    "Odesa": Place(name="Odesa", country="UKR", lat=46.4775, lon=30.7326, precision="city",
                   admin1="Odesa", geonameid=698740),
    "Izmail": Place(name="Izmail", country="UKR", lat=45.3496, lon=28.8372, precision="city",
                    admin1="Odesa", geonameid=707688),
    "Kyiv": Place(name="Kyiv", country="UKR", lat=50.4547, lon=30.5238, precision="city",
                  admin1="Kyiv City", geonameid=703448),
    "Kharkiv": Place(name="Kharkiv", country="UKR", lat=49.9808, lon=36.2527, precision="city",
                     admin1="Kharkiv", geonameid=706483),
    "Kryvyi Rih": Place(name="Kryvyi Rih", country="UKR", lat=47.9086, lon=33.3433,
                        precision="city", admin1="Dnipropetrovsk", geonameid=703845),
    "Moscow": Place(name="Moscow", country="RUS", lat=55.7522, lon=37.6156, precision="city",
                    admin1="Moscow", geonameid=524901),
}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
TRIGGERS = {"struck": "ASSAULT", "strike": "ASSAULT", "attack": "ASSAULT", "shelled": "ASSAULT",
            "met": "CONSULT", "talks": "CONSULT", "rejected": "REJECT"}
_NUM = r"(\d+|" + "|".join(NUMBERS) + r")"


def _span(text: str, start: int, end: int, stage: str = "fake") -> Span:
    return Span(start=start, end=end, text=text[start:end], stage=stage)


def _count(sentence: str, words: str) -> int | None:
    m = re.search(rf"\b(?:{words})\s+{_NUM}\b|\b{_NUM}\s+(?:people\s+)?(?:were\s+)?(?:{words})",
                  sentence, re.I)
    if not m:
        return None
    raw = (m.group(1) or m.group(2)).lower()
    return int(raw) if raw.isdigit() else NUMBERS[raw]


def fake_events(doc: Document) -> list[Event]:
    """Events of a document by keyword rules: realistic records, fully deterministic."""
    text = doc.text
    events = []
    for m in re.finditer(r"[^.\n]+[.\n]?", text):
        s0, s1 = m.start(), m.end()
        sentence = text[s0:s1]
        trig = next((t for t in TRIGGERS if re.search(rf"\b{t}\b", sentence)), None)
        if trig is None:
            continue
        t0 = s0 + re.search(rf"\b{trig}\b", sentence).start()
        trigger = _span(text, t0, t0 + len(trig))
        kind = TRIGGERS[trig]
        place = None
        evidence = [Evidence("trigger", trigger)]
        for name, p in PLACES.items():
            i = sentence.find(name)
            if i >= 0:
                place = Place(**{**{f: getattr(p, f) for f in p.__slots__},
                                 "span": _span(text, s0 + i, s0 + i + len(name))})
                evidence.append(Evidence("location", place.span))
                break
        killed = _count(sentence, "killing|killed")
        injured = _count(sentence, "wounding|injuring|injured|wounded")
        pub = doc.published or date(2025, 1, 1)
        russian = "Russia" in sentence
        events.append(Event(
            doc_id=doc.id, type=kind, trigger=trigger, sentence=_span(text, s0, s1),
            mode="drone" if "drone" in sentence.lower() and kind == "ASSAULT" else None,
            acled_event_type="Explosions/Remote violence" if kind == "ASSAULT" else None,
            acled_sub_event_type="Air/drone strike" if kind == "ASSAULT" else None,
            actor1=Actor(name="Russian forces", country="RUS", sector="MIL") if russian else None,
            actor2=Actor(name="civilians", country="UKR", sector="CVL")
            if kind == "ASSAULT" else None,
            location=place,
            date=DateWindow(earliest=pub - timedelta(days=1), latest=pub, rule="published"),
            fatalities=killed, injuries=injured,
            victims=tuple(v for v in (
                Victim("killed", killed) if killed is not None else None,
                Victim("injured", injured) if injured is not None else None) if v),
            confidence=0.75, evidence=tuple(evidence),
        ))
    return events


class FakePipeline:
    """Stands in for ``eventdesk.api.Pipeline``: same methods, keyword rules, no spaCy."""

    instances = 0

    def __init__(self, *, delay: float | None = None, fail_on: str = "FAIL-CODING") -> None:
        FakePipeline.instances += 1
        self.delay = float(os.environ.get("EVENTDESK_FAKE_DELAY", "0")) if delay is None else delay
        self.fail_on = fail_on
        self.pid = os.getpid()

    def process(self, doc: Document) -> list[Event]:
        started = os.environ.get("EVENTDESK_FAKE_STARTED")
        if started and not os.path.exists(started):  # tell the kill test coding has begun
            open(started, "a").close()
        if self.delay:
            time.sleep(self.delay)
        if self.fail_on and self.fail_on in doc.text:
            raise RuntimeError("extractor crashed on this text")
        return fake_events(doc)

    def pipe(self, docs, *, batch_size: int = 32):
        for doc in docs:
            yield doc, self.process(doc)


ODESA = ("ODESA, Ukraine, May 15 - Russian drones struck port infrastructure in Odesa overnight, "
         "killing two people and wounding nine, regional governor Oleh Kiper said on Thursday.\n"
         "The attack lasted nearly three hours. A separate strike hit the port of Izmail.")
KYIV_TALKS = ("KYIV - Ukrainian and Polish foreign ministers met in Kyiv on Tuesday to discuss "
              "grain exports and air defence. Russia rejected the proposal as unacceptable.")


def make_doc(text: str = ODESA, *, published: date | None = date(2025, 5, 15), **kw) -> Document:
    return Document.from_text(text, published=published, **kw)


def test_fake_pipeline_builds_realistic_events():
    doc = make_doc()
    events = FakePipeline().process(doc)
    assert [e.type for e in events] == ["ASSAULT", "ASSAULT", "ASSAULT"]
    first = events[0]
    assert first.location.name == "Odesa" and first.fatalities == 2 and first.injuries == 9
    assert first.actor1.country == "RUS" and first.mode == "drone"
    for e in events:
        assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
        for ev in e.evidence:
            assert doc.text[ev.span.start:ev.span.end] == ev.span.text


def snapshot(path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two databases are the same when these are equal."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in ("documents", "events", "evidence", "clusters", "event_sources"):
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def write_corpus(directory, n: int, *, start: date = date(2025, 1, 1)) -> list[str]:
    """``n`` distinct small articles as JSONL (one file a 50) under ``directory``."""
    import json

    directory.mkdir(parents=True, exist_ok=True)
    templates = [ODESA, KYIV_TALKS,
                 "KHARKIV - Russia shelled Kharkiv overnight, killing 3 people and injuring 12."]
    paths = []
    for f in range(0, n, 50):
        path = directory / f"batch-{f // 50:03d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(f, min(n, f + 50)):
                day = start + timedelta(days=i % 300)
                text = templates[i % 3] + f"\nReport number {i}."
                fh.write(json.dumps({"id": f"doc-{i}", "text": text,
                                     "published": day.isoformat()}) + "\n")
        paths.append(str(path))
    return paths
