"""Direct quotations and who said them.

:func:`find_quotes` finds text in curly (“...”) or straight ("...") double quotes whose
opening mark lies in ``text[start:end]`` and reads the speaker from the attribution clause:

- after the quote: “...,” Trump said / “...,” said Oleh Kiper / “...,” according to X;
- before it, in the same sentence: He stated, “...” / X wrote on Telegram: “...” /
  which Putin described as “necessary”; the last speech verb before the quote wins, and a
  quote with no clause of its own takes the sentence's other attribution;
- the adjacent sentence: a quote that is a whole sentence takes "He said." right after it or
  an attribution ending the sentence before it ("X said on Monday:").

"he"/"she" is resolved to the nearest preceding name that is a clause subject ("Putin, ..."
at a sentence start, "Xi has ..."); the speaker span then points at that name. Quotes of one
to three words with no attribution in their sentence are scare quotes and are skipped.
Speakers are returned as text; mapping them to actors is the extractor's job.
"""

from __future__ import annotations

import re

from eventdesk.extraction.numbers import quantities
from eventdesk.records import Quote, Span

__all__ = ["find_quotes"]

STAGE = "extract.quotes"

_Q = quantities()
_VERBS = sorted(set(_Q["speech_verbs"]), key=len, reverse=True)
_PARTS = sorted(set(_Q["participle_cues"]), key=len, reverse=True)
_PRONOUNS = frozenset(_Q["pronouns"])
_SPEAKER_STOP = frozenset(_Q["speaker_stop"])
_ADVERBS = frozenset(_Q["adverbs_before_verb"])

_QUOTE_RE = re.compile(r"“([^”\n]{1,3000})”|\"([^\"\n]{1,3000})\"")
_VERB_ALT = "|".join(_VERBS)
_CUE_RE = re.compile(rf"(?<![\w-])(?:{_VERB_ALT}|{'|'.join(_PARTS)}|according to)\b", re.I)
_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?P<verb>{_VERB_ALT})\s+(?P<rest>.*)", re.S)
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,]*(?P<sp>[^\s,“”\"][^“”\".;:]{{0,90}}?)\s+(?:(?:also|later|then|further)\s+)?(?P<verb>{_VERB_ALT})\b",
    re.S)
_ACCORDING_RE = re.compile(r"^[\s,]*according to\s+(?P<rest>.*)", re.S | re.I)
_WORD_RE = re.compile(r"[\w.'’-]+|[^\w\s]")
_BOUNDARY_RE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])|\n")
_NAME_RE = re.compile(r"\b[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]+|al|bin|de|von|van))*")
_SUBJECT_NEXT_RE = re.compile(
    r"\s*(?:has|had|is|was|said|says|did|does|told|will|would|also|stated|noted|added|"
    r"[a-z]+ed)\b")
_NOT_NAMES = frozenset("""The A An In On At As After Before Although Though However But And
Despite During Overnight Meanwhile Separately Earlier Later This That These Those It He She They
We I His Her Their Its If When While Since Reports European""".split())
_END_FORWARD = frozenset({"on", "in", "at", "after", "who", "when", "while", "as", "told",
                          "adding", "saying", "during", "before", "and", "because", "late",
                          "early", "earlier", "last", "this", "via", "from", "to", "of"})


def _sentence_bounds(text: str, pos: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    hi = len(text) if hi is None else hi
    s = max(lo, text.rfind("\n", lo, pos) + 1)
    for m in _BOUNDARY_RE.finditer(text, s, pos):
        s = m.end()
    m2 = _BOUNDARY_RE.search(text, pos, hi)
    return s, (m2.start() if m2 else hi)


def _span(text: str, s: int, e: int) -> Span:
    return Span(s, e, text[s:e], STAGE)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,\t":
        s += 1
    while e > s and text[e - 1] in " ,;:\t":
        e -= 1
    return s, e


def _backward_speaker(text: str, lo: int, p: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before the speech verb at ``p`` ("Russia's Defence
    Ministry said", "the regional governor said")."""
    toks = [(m.start() + lo, m.end() + lo, m.group()) for m in _WORD_RE.finditer(text[lo:p])]
    k = len(toks) - 1
    while k >= 0 and toks[k][2].lower() in _ADVERBS:
        k -= 1
    e = toks[k][1] if k >= 0 else None
    s = None
    taken = 0
    while k >= 0 and taken < 8:
        w = toks[k][2]
        if not (w[0].isalnum()) or w.lower() in _SPEAKER_STOP or w in "“”\"":
            break
        if w[0].islower() and w.endswith("ed") and taken:
            break
        s = toks[k][0]
        k -= 1
        taken += 1
    if s is None or e is None:
        return None
    return s, e


def _forward_speaker(text: str, p: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase right after "said"/"according to" ("said Oleh Kiper, the governor")."""
    s = e = None
    taken = 0
    for m in _WORD_RE.finditer(text, p, hi):
        w = m.group()
        if not w[0].isalnum() and w not in ("'s", "’s"):
            break
        if w.lower() in _END_FORWARD and taken and not (w.lower() == "of" and s is not None
                                                           and text[s].isupper()):
            break
        if w.lower() in ("on",) and not taken:
            break
        if s is None:
            s = m.start()
        e = m.end()
        taken += 1
        if taken >= 10:
            break
    if s is None:
        return None
    e = e - 1 if text[e - 1] == "." and not re.search(r"[A-Z]\.$", text[s:e]) else e
    return s, e


def _resolve_pronoun(text: str, pos: int) -> tuple[int, int] | None:
    """The nearest name before ``pos`` that reads as a clause subject."""
    lo = max(0, pos - 700)
    best = None
    for m in _NAME_RE.finditer(text, lo, pos):
        words = m.group().split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        s = m.end() - len(" ".join(words))
        before = text[max(0, s - 2):s]
        at_start = s == 0 or before.endswith(("\n", ". ", "? ", "! "))
        nxt = text[m.end():m.end() + 30]
        if _SUBJECT_NEXT_RE.match(nxt) or (at_start and (nxt.startswith(",") or
                                                         re.match(r" [a-z]", nxt))):
            if words[-1].endswith(("'s", "’s")):
                continue
            best = (s, m.end())
    return best


_FUNCTION = frozenset("""yet but and or it which that this there so then was is were are had has
have not also however though although while when as if its their what who""".split())


def _ok(text: str, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    if sp is None:
        return None
    words = text[sp[0]:sp[1]].split()
    if not words or len(words) > 10 or words[0].lower() in _FUNCTION:
        return None
    return sp


def _speaker_from(text: str, ss: int, se: int, qs: int, qe: int) -> tuple[int, int] | None:
    """Attribution in the sentence [ss, se) of the quote [qs, qe) (marks included)."""
    # 1. after the quote
    after = text[qe:se]
    m = _ACCORDING_RE.match(after)
    if m:
        sp = _ok(text, _forward_speaker(text, qe + m.start("rest"), se))
        if sp:
            return sp
    m = _AFTER_VERB_FIRST.match(after)
    if m:
        sp = _ok(text, _forward_speaker(text, qe + m.start("rest"), se))
        if sp:
            return sp
    m = _AFTER_SPEAKER_FIRST.match(after)
    if m and len(m.group("sp").split()) <= 8:
        sp = _ok(text, _trim(text, qe + m.start("sp"), qe + m.end("sp")))
        if sp:
            return sp
    # 2. before the quote: the last cue first
    cues = list(_CUE_RE.finditer(text, ss, qs))
    for c in reversed(cues):
        word = c.group().lower()
        if word == "according to":
            sp = _forward_speaker(text, c.end() + 1, qs)
        elif word in _PARTS:
            sp = None
        else:
            sp = _backward_speaker(text, ss, c.start())
            if sp is None:
                sp = _forward_speaker(text, c.end() + 1, qs) if word in ("said", "says") \
                    and text[c.end():c.end() + 1] == " " and text[c.end() + 1:c.end() + 2].isupper() \
                    else None
        sp = _ok(text, sp)
        if sp:
            return sp
    if cues:
        # a participle cue ("stating instead that"): the clause's pronoun or subject
        m2 = None
        for m2 in re.finditer(r"\b(?:he|she|He|She)\b", text[ss:cues[-1].start()]):
            pass
        if m2 is not None:
            return ss + m2.start(), ss + m2.end()
    # 3. another quote's attribution later in the sentence ("“...,” he said, “...”")
    return None


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotes whose opening mark lies in ``text[start:end]``, with their speakers."""
    end = len(text) if end is None else end
    if "“" not in text[start:end] and '"' not in text[start:end]:
        return []
    out: list[Quote] = []
    sent_speaker: dict[int, tuple[int, int]] = {}
    pending: list[tuple[int, int, int, int, int]] = []
    lo = text.rfind("\n", 0, start) + 1
    for m in _QUOTE_RE.finditer(text, lo):
        qs, qe = m.start(), m.end()
        if qs < start:
            continue
        if qs >= end:
            break
        gs, ge = (m.start(1), m.end(1)) if m.group(1) is not None else (m.start(2), m.end(2))
        ts, te = _trim(text, gs, ge)
        if ts >= te:
            continue
        ss, se = _sentence_bounds(text, qs)
        if se < qe:  # the quote runs over sentences: its attribution follows it
            se = _sentence_bounds(text, qe - 1)[1]
        sp = _speaker_from(text, ss, se, qs, qe)
        if sp:
            sent_speaker.setdefault(ss, sp)
        pending.append((ts, te, ss, se, qs))
        out.append(Quote(text=text[ts:te], span=_span(text, ts, te)))  # placeholder
        out[-1] = (out[-1], sp)  # type: ignore[assignment]
    result: list[Quote] = []
    for (q, sp), (ts, te, ss, se, qs) in zip(out, pending):  # type: ignore[misc]
        if sp is None:
            sp = sent_speaker.get(ss)
        if sp is None and len(text[ts:te].split()) > 3:
            sp = _adjacent(text, ss, se)
        if sp is None and len(text[ts:te].split()) <= 3:
            continue  # scare quotes
        speaker = speaker_span = None
        if sp is not None:
            s, e = sp
            if text[s:e].lower() in _PRONOUNS and text[s:e].lower() in ("he", "she"):
                ante = _resolve_pronoun(text, s)
                if ante:
                    s, e = ante
            speaker, speaker_span = text[s:e], _span(text, s, e)
        result.append(Quote(text=q.text, speaker=speaker, span=q.span, speaker_span=speaker_span))
    return result


def _adjacent(text: str, ss: int, se: int) -> tuple[int, int] | None:
    """Attribution in the next sentence ("He said.") or at the end of the previous one
    ("X said on Monday:")."""
    nxt_s, nxt_e = _sentence_bounds(text, min(len(text), se + 1))
    if nxt_s > se and nxt_e - nxt_s < 80 and "“" not in text[nxt_s:nxt_e]:
        m = _AFTER_SPEAKER_FIRST.match(text[nxt_s:nxt_e])
        if m and len(m.group("sp").split()) <= 6:
            return _trim(text, nxt_s + m.start("sp"), nxt_s + m.end("sp"))
    if ss > 0:
        before = text[:ss].rstrip()
        if before.endswith(":"):
            ps, _pe = _sentence_bounds(text, len(before) - 1)
            cues = list(_CUE_RE.finditer(text, ps, len(before)))
            for c in reversed(cues):
                if c.group().lower() in _VERBS:
                    sp = _backward_speaker(text, ps, c.start())
                    if sp:
                        return sp
    return None
