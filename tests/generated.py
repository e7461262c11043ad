"""Generated reports for the merge benchmark, the page benchmark and the browser tests.

``generate(n)`` makes documents with their events in publication order (about n/365 reports
a day for a year, in five theatres: 3,000 towns, regions and country-wide reports; each
real-world event reported by one to three documents of three reports each, figures that
sometimes differ). ``Replay`` is a pipeline that returns those events; ``build_store`` ingests
them into a DuckDB store through ``Desk`` (so the incremental merge runs as in production).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from eventdesk.records import Actor, DateWindow, Document, Event, Evidence, Place, Span

THEATRES = [("UKR", 46, 52, 24, 40, ("RUS", "MIL"), ("UKR", "CVL")),
            ("SDN", 10, 18, 22, 36, ("SDN", "REB"), ("SDN", "CVL")),
            ("PSE", 31.2, 31.6, 34.2, 34.6, ("ISR", "MIL"), ("PSE", "CVL")),
            ("MMR", 16, 26, 93, 99, ("MMR", "MIL"), ("MMR", "REB")),
            ("COD", -4, 2, 27, 30, ("COD", "REB"), ("COD", "CVL"))]


def generate(n_reports: int, *, seed: int = 7) -> list[tuple[Document, list[Event]]]:
    """Documents with their events, in publication order."""
    rng = random.Random(seed)
    towns = []
    for k in range(3000):
        c, la0, la1, lo0, lo1, a1, a2 = THEATRES[k % len(THEATRES)]
        towns.append((f"T{k}", c, rng.uniform(la0, la1), rng.uniform(lo0, lo1), a1, a2))
    start = date(2024, 1, 1)
    per_day = max(1, n_reports // 365)
    docs: list[tuple[Document, list[Event]]] = []
    made = 0
    day_no = 0
    while made < n_reports:
        day = start + timedelta(days=day_no)
        reports = []
        while len(reports) < per_day:
            name, country, lat, lon, a1, a2 = towns[rng.randrange(len(towns))]
            prec = rng.choice(("city",) * 8 + ("admin1", "country"))
            kind = rng.choice(("ASSAULT",) * 6 + ("AGREE", "ACCUSE", "COERCE"))
            killed = rng.choice((None, None, 0, 1, 2, 3, 5, 8, 12))
            width = rng.choice((0, 0, 1, 1, 2))
            for _ in range(rng.choice((1, 1, 2, 3))):
                k = killed if killed is None or rng.random() < 0.7 else killed + rng.randint(1, 3)
                reports.append((name, country, lat, lon, a1, a2, prec, kind, k, width))
        rng.shuffle(reports)
        # documents of up to three reports each; at least three documents a day, report k in
        # document k mod n, so the reports of one event mostly land in different documents
        n_docs = max(-(-len(reports) // 3), min(3, len(reports)))
        for i in range(n_docs):
            chunk = reports[i::n_docs]
            text = (f"Report {day_no}-{i}: " + " ".join(
                f"{r[7].lower()} in {r[0]} ({r[8] if r[8] is not None else 'no'} killed)."
                for r in chunk))
            doc = Document.from_text(text, published=day, source=f"Outlet {i % 7}")
            events = []
            cursor = text.index(":")
            for name, country, lat, lon, a1, a2, prec, kind, k, width in chunk:
                pos = text.index(f"{kind.lower()} in {name} (", cursor)
                cursor = pos + 1
                trig = Span(pos, pos + len(kind), text[pos:pos + len(kind)], "generated")
                where = pos + len(kind) + 4
                loc_span = Span(where, where + len(name), name, "generated")
                place = Place(name, country, lat, lon, prec, admin1=f"A{int(lat)}",
                              span=loc_span)
                events.append(Event(
                    doc_id=doc.id, type=kind, trigger=trig, sentence=Span(0, len(text), text),
                    actor1=Actor(None, a1[0], a1[1]), actor2=Actor(None, a2[0], a2[1]),
                    location=place,
                    date=DateWindow(day - timedelta(days=width), day, rule="bench"),
                    fatalities=k, evidence=(Evidence("trigger", trig),
                                            Evidence("location", loc_span))))
            docs.append((doc, events))
            made += len(events)
        day_no += 1
    return docs


class Replay:
    """A pipeline that returns the generated events of each document."""

    def __init__(self, docs: list[tuple[Document, list[Event]]]) -> None:
        self.by_id = {d.id: evs for d, evs in docs}

    def process(self, doc: Document) -> list[Event]:
        return self.by_id[doc.id]




def build_store(path, n_reports: int, *, batch: int = 64, extra=()) -> dict:
    """A store of ``n_reports`` generated reports (plus ``extra`` (Document, events) pairs)."""
    from eventdesk.desk import Desk

    docs = generate(n_reports) + list(extra)
    with Desk(path, pipeline=Replay(docs)) as desk:
        for i in range(0, len(docs), batch):
            desk.ingest([d for d, _ in docs[i:i + batch]], batch_size=batch)
        return desk.counts()
