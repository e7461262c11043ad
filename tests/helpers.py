"""Small helpers the test modules share (imported as ``helpers``: pytest puts tests/ on the
path, as for ``generated``)."""

from __future__ import annotations

from eventdesk import extract


def of_type(etype, text, pipeline, published="2024-05-10"):
    """The events of type ``etype`` the pipeline finds in ``text``."""
    return [e for e in extract(text, published=published, pipeline=pipeline)
            if e.type == etype]
