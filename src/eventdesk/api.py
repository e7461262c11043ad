"""The Python API: one document in, sourced events out.

    >>> from eventdesk import extract
    >>> events = extract("Russian drones struck Odesa overnight, killing two people.",
    ...                  published="2025-05-15")

:class:`Pipeline` loads the spaCy model, the gazetteer, the actor dictionary and the trigger
lexicon once and is reused for any number of documents. Stages, in order:

1. annotate: spaCy parse (sentences, tokens, dependencies) and gazetteer place mentions;
2. resolve: actor mentions (actor dictionary), places (gazetteer, document context);
3. extract: triggers -> PLOVER type and mode; arguments; casualties, weapons, damage, quotes;
   date windows relative to `published`; evidence spans;
4. merge: mentions of one event inside the document become one event;
5. document: the report as a whole: background dropped, follow-ups folded into their
   incident (:mod:`eventdesk.document`; :meth:`Pipeline.explain` says why); the report's
   trust flags (:func:`flags`, :meth:`Pipeline.flags`): temporal inconsistency, conflicting
   counts or locations, a truncated text.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import Dateline, Decision, Document, Event, Flag

log = logging.getLogger("eventdesk")

MAX_CHARS = 5_000_000  # longer texts are processed in chunks of paragraphs
CHUNK_CHARS = 100_000


class MissingDateWarning(UserWarning):
    """A document without a publication date: dates are resolved against today."""


def parse_published(value: Any, *, where: str = "published") -> date | None:
    """A publication date from a date, datetime or ISO string; absurd dates are errors."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif isinstance(value, str):
        try:
            d = date.fromisoformat(value.strip()[:10])
        except ValueError as exc:
            raise InputError(where, f"not an ISO date (YYYY-MM-DD): {value!r}") from exc
    else:
        raise InputError(where, f"not a date: {value!r}")
    if not (1900 <= d.year <= date.today().year + 1):
        raise InputError(where, f"publication date out of range: {d.isoformat()}")
    return d


class Pipeline:
    """Reusable extraction pipeline; models and resources are loaded once, lazily."""

    def __init__(self, *, model: str | None = None) -> None:
        self.model = model
        self._nlp = None
        self._extractor = None

    # lazy loading keeps `import eventdesk` and CLI --help fast
    @property
    def nlp(self):
        if self._nlp is None:
            from eventdesk.annotate.nlp import load_nlp

            self._nlp = load_nlp(self.model)
        return self._nlp

    @property
    def extractor(self):
        if self._extractor is None:
            from eventdesk.extraction.events import Extractor

            self._extractor = Extractor()
        return self._extractor

    def rules(self) -> tuple[str, ...]:
        """Every trigger rule of the extractor's lexicon ("<entry id>/<pattern id>", file
        order): what an event's trigger evidence may name (``Evidence.rule``)."""
        return self.extractor.lexicon.rules()

    def process(self, doc: Document) -> list[Event]:
        """Events of one document."""
        return next(self.pipe([doc]))[1]

    def explain(self, doc: Document) -> tuple[list[Event], list[Decision]]:
        """Events of one document and the document stage's decisions: which mentions it
        attached to an incident, dropped as background, and why."""
        if len(doc.text) > CHUNK_CHARS:
            return self._process_long(doc), []
        from eventdesk.annotate.dateline import find_dateline

        dateline = find_dateline(doc.text)
        sdoc = self.nlp(parse_input(doc.text, dateline))
        decisions: list[Decision] = []
        events = self._events(doc, sdoc, dateline=dateline, decisions=decisions)
        return events, decisions

    def flags(self, doc: Document, events: list[Event] | None = None) -> list[Flag]:
        """The document's trust flags (:mod:`eventdesk.document.flags`); ``events`` are its
        extracted events (extracted here when None)."""
        from eventdesk.document.flags import document_flags

        if events is None:
            events = self.process(doc)
        return list(document_flags(doc, events))

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32
             ) -> Iterator[tuple[Document, list[Event]]]:
        """Stream (document, events) pairs; memory does not grow with the number of docs."""
        batch: list[Document] = []
        for doc in docs:
            if len(doc.text) > CHUNK_CHARS:
                if batch:
                    yield from self._run(batch, batch_size=batch_size)
                    batch = []
                yield doc, self._process_long(doc)
                continue
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch, batch_size=batch_size)
                batch = []
        if batch:
            yield from self._run(batch, batch_size=batch_size)

    def _run(self, batch: list[Document], *, batch_size: int
             ) -> Iterator[tuple[Document, list[Event]]]:
        """Annotate a batch (dateline, then the parse of :func:`parse_input`) and extract its
        events; each document's dateline is found once and passed on."""
        from eventdesk.annotate.dateline import find_dateline

        datelines = [find_dateline(d.text) for d in batch]
        sdocs = self.nlp.pipe((parse_input(d.text, dl) for d, dl in zip(batch, datelines)),
                              batch_size=batch_size)
        for doc, dateline, sdoc in zip(batch, datelines, sdocs):
            yield doc, self._events(doc, sdoc, dateline=dateline)

    def _process_long(self, doc: Document) -> list[Event]:
        """A long text, parsed in paragraph chunks so memory stays bounded."""
        from eventdesk.annotate.dateline import find_dateline

        if len(doc.text) > MAX_CHARS:
            raise InputError(doc.source or doc.id,
                             f"text of {len(doc.text):,} characters exceeds {MAX_CHARS:,}")
        events: list[Event] = []
        for offset, chunk in _chunks(doc.text, CHUNK_CHARS):
            part = Document(id=doc.id, text=chunk, published=doc.published, title=doc.title,
                            url=doc.url, source=doc.source)
            dateline = find_dateline(chunk)
            for ev in self._events(part, self.nlp(parse_input(chunk, dateline)), dateline=dateline):
                events.append(_shift(ev, offset, doc.text))
        return events

    def _events(self, doc: Document, sdoc: Any, *, dateline: Dateline | None,
                decisions: list[Decision] | None = None) -> list[Event]:
        from eventdesk.annotate.places import find_places
        from eventdesk.annotate.structure import find_structure
        from eventdesk.document import resolve_document
        from eventdesk.extraction.events import PlacedMention
        from eventdesk.extraction.rules import local_office_place
        from eventdesk.merge.within import merge_within
        from eventdesk.resolve.actors import find_actors
        from eventdesk.resolve.places import resolve_places, seat_named

        if not doc.text.strip():
            return []
        published = doc.published
        if published is None:
            warnings.warn(f"{doc.source or doc.id}: no publication date; dates resolved "
                          "against today", MissingDateWarning, stacklevel=2)
            published = date.today()
        actors = find_actors(doc.text)
        # persons and named armed groups are no places ("Governor Gladkov", "Fano fighters")
        persons = [(a.span.start + local_office_place(a.span.text), a.span.end)
                   for a in actors if getattr(a, "kind", "") in ("person", "title", "group")]
        pmentions = find_places(doc.text, exclude=persons)
        resolved = resolve_places(pmentions, text=doc.text)
        placed = [PlacedMention(pm.span, pl, getattr(pm, "kind", pl.precision),
                                getattr(pm, "cue", None))
                  for pm, pl in zip(pmentions, resolved) if pl is not None]
        # "the capital of the X region": the region's seat town
        placed = [pm if seat is None else PlacedMention(pm.span, seat, "city", pm.cue)
                  for pm in placed for seat in (seat_named(pm.place, doc.text),)]
        placed = _governed_regions(placed, persons, doc.text)
        home = _place_country(placed, dateline)
        if home is not None and any(_took_context(a, home) for a in actors):
            # local titles with no owner ("local authorities", "the regional governor") serve
            # where the report's towns and regions are, not where its attackers come from
            actors = find_actors(doc.text, place_country=home)
        structure = find_structure(doc.text)
        events = self.extractor.extract(doc, sdoc, actors=actors, places=placed,
                                        published=published, dateline=dateline,
                                        structure=structure)
        starts = [s.start_char for s in sdoc.sents]
        folds: list[tuple[Event, str]] = []
        events = merge_within(events, sentence_starts=starts, folds=folds,
                              furniture=frozenset(s.start_char for s in sdoc.sents
                                                  if _furniture_line(s)))
        if dateline is not None:  # the dateline's place and agency are no party or place
            d0, d1 = dateline.span.start, dateline.span.end
            actors = [a for a in actors if not d0 <= a.span.start < d1]
            placed = [p for p in placed if not d0 <= p.span.start < d1]
        result = resolve_document(events, structure=structure, published=published,
                                  sentence_starts=starts, merged=folds, text=doc.text,
                                  actors=actors, places=placed)
        if decisions is not None:
            decisions.extend(result.decisions)
        return list(result.events)


# "Narathiwat deputy chief of police", "Pattani provincial police commander": the head of a
# province's police speaks for the province, as its governor does
_POLICE_CHIEF = re.compile(r"^(?:['’]s)?\s+(?:(?:provincial|regional|deputy|acting)\s+)*"
                           r"(?:police\s+(?:chief|commander|director)|chief\s+of\s+police)\b")


def _governed_regions(placed: list[Any], titles: list[tuple[int, int]], text: str
                      ) -> list[Any]:
    """The town named in a governor's title ("Kharkiv governor Oleh Syniehubov") or a
    provincial police chief's ("Narathiwat deputy chief of police") stands for the region
    governed: what he reports happened somewhere in it."""
    from eventdesk.extraction.events import PlacedMention
    from eventdesk.resolve.places import region_of

    ends = {start for start, _ in titles}  # (the title's text starts after its place)
    out = []
    for pm in placed:
        after = text[pm.span.end:pm.span.end + 40].lower()
        governor = (pm.span.end in ends or any(pm.span.end + k in ends for k in (2, 3))) \
            and re.match(r"^(?:['’]s)?\s+(?:regional\s+)?governor\b", after)
        if governor or _POLICE_CHIEF.match(after):
            if (region := region_of(pm.place)) is not None:
                pm = PlacedMention(pm.span, dataclasses.replace(region, span=pm.place.span),
                                   "admin1", getattr(pm, "cue", None))
        out.append(pm)
    return out


def _furniture_line(sent: Any) -> bool:
    """A "sentence" of fewer than three words with no closing stop ("Listen", "Share",
    "On Off", "Select important"): a page's controls, not prose that sets two mentions
    apart."""
    words = [t for t in sent if t.is_alpha]
    return len(words) < 3 and not sent.text.rstrip().endswith((".", "!", "?", ":"))


def _took_context(actor: Any, home: str) -> bool:
    """The mention got its country from the document's context (a title with no owner, a
    person the dictionary does not know), and that country is not ``home``."""
    if actor.country is None or actor.country == home:
        return False
    entry = actor.entry_id or ""
    return entry.startswith("role:") or (not entry and actor.kind == "person")


def _place_country(placed: list, dateline: Dateline | None) -> str | None:
    """The country of most of the towns and regions a text names outside its dateline (None
    when it names none, or two countries equally often)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for p in placed:
        if dateline is not None and dateline.span.start <= p.span.start < dateline.span.end:
            continue
        if p.place.precision in ("city", "admin1") and p.place.country:
            counts[p.place.country] += 1
    top = counts.most_common(2)
    if not top or len(top) > 1 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


def parse_input(text: str, dateline: Dateline | None) -> str:
    """The text handed to the parser: the dateline blanked (annotate.dateline) and encoding
    debris masked (annotate.debris), both with spaces, so the parse keeps the text's offsets."""
    from eventdesk.annotate.dateline import blank
    from eventdesk.annotate.debris import mask_debris

    return mask_debris(blank(text, dateline))


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + size // 2, end)
            if cut != -1:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _shift(ev: Event, offset: int, text: str) -> Event:
    """Move an event found in a chunk to document offsets."""
    import dataclasses

    from eventdesk.records import Span

    def sh(span: Span | None) -> Span | None:
        if span is None:
            return None
        return Span(span.start + offset, span.end + offset, span.text, span.stage)

    def fix(obj):
        if obj is None or not dataclasses.is_dataclass(obj):
            return obj
        changes = {}
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if isinstance(v, Span):
                changes[f.name] = sh(v)
            elif dataclasses.is_dataclass(v):
                changes[f.name] = fix(v)
            elif isinstance(v, tuple) and v and dataclasses.is_dataclass(v[0]):
                changes[f.name] = tuple(fix(x) for x in v)
        return dataclasses.replace(obj, **changes) if changes else obj

    shifted = fix(ev)
    return dataclasses.replace(shifted, id="")  # id recomputed from the new offsets


_DEFAULT: Pipeline | None = None


def _one_text(text: str, published: str | date | None, doc_id: str | None,
              pipeline: Pipeline | None) -> tuple[Document, Pipeline]:
    """The document of one text handed to the API, and the pipeline to code it with."""
    global _DEFAULT
    if not isinstance(text, str):
        raise InputError("text", f"expected a str, got {type(text).__name__}")
    doc = Document.from_text(text, published=parse_published(published), id=doc_id)
    if pipeline is None:
        if _DEFAULT is None:
            _DEFAULT = Pipeline()
        pipeline = _DEFAULT
    return doc, pipeline


def extract(text: str, *, published: str | date | None = None, doc_id: str | None = None,
            pipeline: Pipeline | None = None) -> list[Event]:
    """Events of one text. `published` (ISO date) anchors relative dates ("on Tuesday")."""
    doc, pipeline = _one_text(text, published, doc_id, pipeline)
    return pipeline.process(doc)


def flags(text: str, *, published: str | date | None = None, doc_id: str | None = None,
          pipeline: Pipeline | None = None) -> list[Flag]:
    """Trust flags of one text: ``temporal_inconsistency``, ``conflicting_counts``,
    ``conflicting_locations``, ``truncated``, each with an explanation and evidence spans
    (:class:`eventdesk.records.Flag`; ``flag.to_dict()`` is the JSON shape)."""
    doc, pipeline = _one_text(text, published, doc_id, pipeline)
    return pipeline.flags(doc)


def merge_reports(items: Iterable[tuple[Any, Event]], **options: Any) -> list[Any]:
    """Merge events from several documents: one MergedEvent per real-world event.

    `items` are (document metadata, Event) pairs; see :func:`eventdesk.merge.across.merge_events`.
    """
    from eventdesk.merge.across import merge_events

    return merge_events(items, **options)
