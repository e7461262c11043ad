"""Who gives a fact: the source a sentence attributes its claim to ("local sources said",
"according to the Health Ministry", "a local politician told AFP").

Rules on the surface text (no parse): an attribution verb (``attribution_cues`` in
``data/document/cues.yaml``) with the noun phrase before it, or after it when the clause is
inverted ("..., said Governor Oleh Kiper."); "according to X". Actor mentions (the actor
dictionary) give the source's country and sector when they fall inside the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventdesk.document.resources import cues, word_regex
from eventdesk.document.text import span
from eventdesk.records import Span

STAGE = "document.flags"
_STOP = re.compile(r"[,;:.!?\"“”()—–\n]|\b(?:and|but|while|as|that|which|who|when|after|"
                   r"before|because|if|although|though)\b", re.I)
_DET = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)
_NOT_SOURCE = re.compile(r"^(?:it|he|she|they|we|i|this|that|there|which|who)$", re.I)


@dataclass(frozen=True, slots=True)
class Source:
    span: Span  # the words naming the source
    actor: Any | None = None  # the actor mention inside it, if any

    @property
    def country(self) -> str | None:
        return getattr(self.actor, "country", None)

    @property
    def sector(self) -> str | None:
        return getattr(self.actor, "sector", None)

    def key(self) -> str:
        """What two attributions compare by."""
        if self.actor is not None and getattr(self.actor, "name", None):
            return self.actor.name.lower()
        return _DET.sub("", self.span.text.lower())


# participles whose subject opens the sentence: "The separatists blamed ..., giving a toll of"
_SUBJECT_VERBS = frozenset({"giving", "putting", "citing"})
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", re.I)
_ADVERBS = re.compile(r"(?:\s+(?:also|later|earlier|previously|separately|initially|had|has|have|"
                      r"then|further|again|officially|publicly))+\s*$", re.I)


def _verbs() -> re.Pattern[str]:
    words = word_regex(cues()["attribution_cues"])
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


def _actor_before(actors: Sequence[Any], start: int, pos: int) -> Any | None:
    inside = [a for a in actors if start <= a.span.start < pos]
    return inside[0] if inside else None


def sources_in(text: str, start: int, end: int, actors: Sequence[Any] = ()) -> list[Source]:
    """The sources a sentence (``text[start:end]``) attributes its claims to, in order."""
    out: list[Source] = []
    for m in _verbs().finditer(text, start, end):
        word = m.group().lower()
        s = e = -1
        if word == "according to":
            s = m.end()
            stop = _STOP.search(text, s, min(end, s + 90))
            e = stop.start() if stop else min(end, s + 90)
        elif word in _SUBJECT_VERBS:
            a = _actor_before(actors, start, m.start())  # "The separatists ... giving a toll"
            if a is not None:
                out.append(Source(a.span, a))
            continue
        elif _PASSIVE.search(text[max(start, m.start() - 25):m.start()]):
            by = re.match(r"\s+by\s+", text[m.end():end])
            if not by:
                continue  # "no casualties were reported": nobody named
            s = m.end() + by.end()
            stop = _STOP.search(text, s, min(end, s + 90))
            e = stop.start() if stop else min(end, s + 90)
        else:
            e = m.start()
            lo = max(start, e - 90)
            stops = list(_STOP.finditer(text, lo, e))
            s = stops[-1].end() if stops else lo
            trimmed = _ADVERBS.sub("", " " + text[s:e])
            e = s + max(len(trimmed) - 1, 0)
            if not text[s:e].strip():
                a = _actor_before(actors, start, m.start())  # "X, the minister, also said"
                if a is not None:
                    out.append(Source(a.span, a))
                    continue
            if not text[s:e].strip() or _NOT_SOURCE.match(text[s:e].strip()):
                # inverted: "..., said Governor Oleh Kiper"
                after = m.end()
                stop = _STOP.search(text, after, min(end, after + 70))
                s2, e2 = after, (stop.start() if stop else min(end, after + 70))
                if re.match(r"\s+[A-Z]|\s+(?:the|a|an)\s", text[s2:e2]) and text[s2:e2].strip():
                    s, e = s2, e2
        phrase = text[s:e]
        if not phrase.strip() or _NOT_SOURCE.match(phrase.strip()) or len(phrase.split()) > 10:
            continue
        sp = span(text, s, e, STAGE)
        actor = next((a for a in actors if sp.start <= a.span.start < sp.end), None)
        out.append(Source(sp, actor))
    return out
