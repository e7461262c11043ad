"""Background is not news (stage ``document.background``).

A report tells today's events and, around them, what came before: a paragraph labelled
"Background:" or opened by "As reported earlier,", history anchored weeks or years back ("In
late July, separatists claimed to have killed ...", "Last year the army ..."), page furniture.
A desk that files those as new events counts old news again. The rules:

* ``background.furniture``: the mention lies in page furniture (``annotate.structure``).
* ``background.label``: the mention lies in a paragraph labelled as background.
* ``background.history``: the mention's own time expression puts it ``HISTORY_DAYS`` or more
  before publication (a closed past period such as "last month" by its middle day). (A report's news is of the last days; an event of a month ago, when it
  is news, was reported then, and a cross-document merge joins that report.)
"""

from __future__ import annotations

from datetime import date, timedelta

from eventdesk.annotate.structure import DocStructure
from eventdesk.document.incidents import own_date
from eventdesk.records import Event

STAGE = "document.background"
HISTORY_DAYS = 14


def why_background(event: Event, *, structure: DocStructure, published: date
                   ) -> tuple[str, str] | None:
    """(rule, reason) when ``event`` is background rather than news, else None."""
    kind = structure.kind_at(event.trigger.start)
    if kind == "boilerplate":
        return "background.furniture", "page furniture, not news"
    if kind == "background":
        return "background.label", "a paragraph labelled as earlier news or background"
    window = own_date(event)
    if window is None:
        return None
    cut = published - timedelta(days=HISTORY_DAYS)
    middle = window.earliest + (window.latest - window.earliest) / 2
    if window.latest <= cut or (window.latest < published and middle <= cut):
        # (a past period such as "last month" counts by its middle: it ended days ago, but
        # what it tells happened weeks back)
        return ("background.history",
                f"its own time ({window.span.text if window.span else window.rule}) lies "
                f"{(published - window.latest).days} days before publication")
    return None
