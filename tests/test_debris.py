"""Encoding debris ("??" glued to a word, U+FFFD) is masked in the parse input only."""

from __future__ import annotations

import pytest

from eventdesk.annotate.debris import mask_debris
from helpers import of_type


@pytest.mark.parametrize("text, expected", [
    ("fighting in the area of ??Toretsk", "fighting in the area of   Toretsk"),
    ("near \ufffd\ufffdKurakhove", "near   Kurakhove"),
    ("??Siversk was shelled", "  Siversk was shelled"),
    # a real question mark ends a clause: it is never glued to the next word
    ("Who fired first? Nobody knows.", "Who fired first? Nobody knows."),
    ("Peace at last??? Not yet.", "Peace at last??? Not yet."),
    ("Is it over?\"", "Is it over?\""),
    ("no debris here", "no debris here"),
])
def test_mask_debris(text, expected):
    out = mask_debris(text)
    assert out == expected
    assert len(out) == len(text)


def test_place_after_debris_is_the_event_place_and_evidence_keeps_the_source(pipeline):
    text = ("Army artillery destroyed two ammunition depots of the Ukrainian forces in the "
            "area of ??Kupiansk, the defence ministry said.")
    events = of_type("ASSAULT", text, pipeline, published="2024-03-02")
    assert len(events) == 1
    [ev] = events
    assert ev.location is not None and ev.location.name in ("Kupiansk", "Kupyansk")
    for e in ev.evidence:  # offsets and span texts are those of the stored text
        assert text[e.span.start:e.span.end] == e.span.text
