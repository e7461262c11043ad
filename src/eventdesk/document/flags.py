"""Document flags (stage ``document.flags``): what a careful reader would raise about a report.

:func:`document_flags` takes a document and the events extracted from it and returns one
:class:`~eventdesk.records.Flag` per finding kind, each with a one-line explanation and the
evidence spans:

- ``temporal_inconsistency`` (:mod:`.temporal`): stated dates against the text's own clues
  (durations since known anchors, office holders' terms, weekdays, stamps, events dated after
  publication); the explanation names the likelier year when the clues agree;
- ``conflicting_counts`` (:mod:`.counts`): incompatible tolls for one incident;
- ``conflicting_locations`` (:mod:`.counts`): one incident placed in two regions;
- ``truncated`` (:mod:`.truncation`): the text breaks off before its end.

The flags never change the events: dates, tolls and places stay as stated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventdesk.document.counts import count_findings
from eventdesk.document.temporal import Finding, temporal_findings
from eventdesk.document.truncation import truncation_findings
from eventdesk.records import Document, Event, Flag

STAGE = "document.flags"
MAX_EXPLAINED = 2  # findings spelled out in one flag's explanation; the rest are counted


def _flag(name: str, findings: Sequence[Finding]) -> Flag | None:
    if not findings:
        return None
    unique: list[Finding] = []
    for f in findings:
        if f.explanation not in {u.explanation for u in unique}:
            unique.append(f)
    text = " ".join(f.explanation for f in unique[:MAX_EXPLAINED])
    if len(unique) > MAX_EXPLAINED:
        rest = len(unique) - MAX_EXPLAINED
        text += f" (and {rest} more finding{'s' if rest > 1 else ''} of this kind)"
    spans = {}
    for f in unique:
        for s in f.evidence:
            spans.setdefault((s.start, s.end), s)
    return Flag(flag=name, explanation=text,
                evidence=tuple(spans[k] for k in sorted(spans)), stage=STAGE)


def document_flags(doc: Document, events: Sequence[Event] = (), *,
                   actors: Sequence[Any] | None = None) -> tuple[Flag, ...]:
    """The flags of one document (an empty tuple when nothing is wrong).

    ``events`` are the document's extracted events (their places help to tell incidents
    apart); ``actors`` the actor mentions of :func:`eventdesk.resolve.actors.find_actors`
    (found here when None)."""
    text = doc.text
    if not text or not text.strip():
        return ()
    if actors is None:
        from eventdesk.resolve.actors import find_actors

        actors = find_actors(text)
    counts, locations = count_findings(text, events, actors=actors)
    flags = [
        _flag("temporal_inconsistency", temporal_findings(text, published=doc.published,
                                                          actors=actors)),
        _flag("conflicting_counts", counts),
        _flag("conflicting_locations", locations),
        _flag("truncated", truncation_findings(text)),
    ]
    return tuple(f for f in flags if f is not None)


def flag_report(doc: Document, events: Sequence[Event]
                ) -> tuple[tuple[Flag, ...], dict[str, tuple[Flag, ...]]]:
    """A report's flags and what it says of each event's sourcing (event id -> flags of
    :func:`eventdesk.document.sourcing.event_notes`), with the actor mentions found once."""
    from eventdesk.document.sourcing import event_notes

    if not doc.text or not doc.text.strip():
        return (), {}
    from eventdesk.resolve.actors import find_actors

    actors = find_actors(doc.text)
    flags = document_flags(doc, events, actors=actors)
    return flags, event_notes(doc, events, actors=actors, doc_flags=flags)
