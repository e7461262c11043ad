"""Attaching arguments to an event mention: who acted on whom, and where.

Works on character spans: the actor, place and time layers found over the whole document
are looked up by position in the parse of the trigger's sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "attr", "oprd", "dative"})
# prepositions introducing the target of an action
TARGET_PREPS = frozenset({"on", "at", "against", "towards", "toward", "into", "with", "of", "for"})
# verbs whose object is what was talked about
TOPIC_VERBS = frozenset({"discuss", "debate", "review", "address", "raise", "consider",
                         "examine", "talk", "assess"})
# ground taken from someone: "recaptured the village from Russian forces"
TAKEN_FROM_VERBS = frozenset({"capture", "recapture", "retake", "seize", "take", "liberate",
                              "wrest", "reclaim", "regain", "free"})
AGENT_PREPS = frozenset({"by"})
# participles that ascribe an act to its doer, with the preposition that names it
ASCRIBING_VERBS = {"attribute": "to", "blame": "on", "claim": "by"}
# verbs that tell of an event named by their object, rather than carry it out
TELLING_VERBS = frozenset({"announce", "report", "confirm", "condemn", "deny", "claim",
                           "acknowledge", "describe", "denounce", "say", "record", "register",
                           "document", "investigate", "blame", "criticise", "criticize"})
PRONOUNS = {"he": "person", "she": "person", "his": "person", "her": "person",
            "it": "org", "its": "org", "they": "org", "their": "org", "we": "org"}
# place mentions right after these words are reference points, not event locations
REFERENCE_WORDS = frozenset({"of", "from"})
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "north-east", "north-west",
                             "south-east", "south-west", "northeast", "northwest", "southeast",
                             "southwest", "km", "kilometres", "kilometers", "miles"})


class SpanIndex(Generic[T]):
    """Items with (start, end) character offsets, searchable by range."""

    def __init__(self, items: Sequence[T], key=lambda it: (it.span.start, it.span.end)) -> None:
        self.items = sorted(items, key=lambda it: key(it)[0])
        self._key = key
        self._starts = [key(it)[0] for it in self.items]

    def within(self, start: int, end: int) -> list[T]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.items) and self._starts[i] < end:
            if self._key(self.items[i])[1] <= end:
                out.append(self.items[i])
            i += 1
        return out

    def covering(self, start: int, end: int) -> T | None:
        """The item that overlaps [start, end), if any (first one)."""
        i = bisect_left(self._starts, end)
        for j in range(i - 1, max(-1, i - 8), -1):
            s, e = self._key(self.items[j])
            if s < end and start < e:
                return self.items[j]
        return None

    def before(self, pos: int, *, limit: int = 0) -> list[T]:
        i = bisect_left(self._starts, pos)
        out = self.items[max(0, i - limit) if limit else 0: i]
        return [it for it in out if self._key(it)[1] <= pos]


@dataclass(frozen=True, slots=True)
class Roles:
    subject: Any | None  # token
    objects: tuple[Any, ...]
    agent: Any | None  # "by X" in passive
    targets: tuple[Any, ...]  # pobj of on/at/against...
    passive: bool


OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till"})


def clause_of_other_time(tok, steps: int = 12):
    """The clause of another time holding ``tok`` ("... days after strikes in Beirut killed
    the leader"), or None ("killed when a missile hit Kharkiv": the same moment)."""
    cur = tok
    for _ in range(steps):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS
                                       for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def clause_verb(tok):
    """The verb that carries subject and objects for trigger token `tok`.

    A nominal trigger ("strike" in "a Russian strike killed ...") or a participle ("killing" in
    "struck ..., killing two") defers to the verb it depends on for the subject.
    """
    cur = tok
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in SERIES_NOUNS:
        tok = tok.head.head  # "Russia launched a series of heavy attacks": the series is the
        #                      object; its verb's subject did the attacks
    # a nominal trigger that is the object of a light verb takes that verb's subject:
    # "ministers approved a package of sanctions", "Ukraine launched drone attacks"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "attr") and \
            tok.head.pos_ in ("VERB", "AUX") and not (
                tok.head.lemma_.lower() in TELLING_VERBS
                and any(c.dep_ == "prep" and c.lower_ in AGENT_PREPS for c in tok.children)):
        return tok.head  # (not "the governor announced an attack by X": he told of it)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in MEETING_NOUNS and tok.dep_ == "pobj" \
            and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
        return tok.head.head  # "the envoy flew to Cairo for talks": whoever went held them
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return cur
        if cur.dep_ in ("advcl", "xcomp", "acl", "conj", "pcomp") and cur.pos_ == "VERB":
            cur = cur.head
            continue
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in LIGHT_NOUNS and \
                cur.dep_ in ("dobj", "attr") and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head  # "police took the step of banning gatherings": police banned
            continue
        if cur.pos_ in ("NOUN", "PROPN"):
            return cur
        if cur.head.lemma_.lower() in SPEECH_LEMMAS and cur.dep_ in ("dep", "ccomp",
                                                                     "parataxis"):
            return tok  # "Three dead in a strike, officials say": whoever says it did not
            #             do it; the trigger's phrase has no subject of its own
        cur = cur.head
    return cur


# nouns of a meeting, which a purpose or time phrase hangs on the traveller's verb
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "negotiation", "negotiations", "summit",
                           "consultation", "consultations"})


# verbs whose complement is what was said, not what their subject did
SPEECH_LEMMAS = frozenset({"say", "tell", "report", "claim", "state", "add", "announce",
                           "confirm", "write"})


# nouns of a light-verb phrase whose complement is the act itself ("took the step of
# banning", "made the decision to withdraw")
LIGHT_NOUNS = frozenset({"step", "decision", "move", "measure", "action", "order", "choice"})
# nouns that count acts ("a series of strikes", "a wave of attacks")
SERIES_NOUNS = frozenset({"series", "wave", "string", "spate", "round", "barrage", "volley",
                          "salvo", "number", "couple", "flurry", "succession"})


def _in_clause_below(tok, top) -> bool:
    """A clause (relative, participle, adverbial) stands between ``tok`` and ``top``."""
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl"):
            return True
        cur = cur.head
    return False


def misparsed_gerund_subject(tok) -> bool:
    """"Heavy shelling by the army damaged ...", "Nighttime shelling ... has hit ...": the
    parser, at a sentence's start, makes the adjective the subject and the event noun its
    participle; an adjective or a bare name takes no participle clause, so the "-ing" word
    is the subject noun. The adjective may even be made the sentence's root, the verb after
    the noun an adjective of the object ("Ukrainian shelling damaged houses in X")."""
    head = tok.head
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.i == head.i + 1 and \
        head.pos_ in ("ADJ", "PROPN") and head.dep_ in ("nsubj", "nsubjpass", "ROOT") and \
        head.is_sent_start


_STOP_END = re.compile(r"[.!?…:;][\"'”’)]*\s*$")


def headline_verb(t: Any) -> bool:
    """A headline's present-tense verb the tagger read as a noun after a plural subject:
    "Russian missiles pound Odesa" (missiles a compound of "pound"), "Gunmen storm village"
    ("Gunmen" the subject of "storm"). Only a base-form singular (NN) word right after a
    plural noun ("police" too) that depends on it, followed by its object or a place, in a
    sentence with no final stop (a headline). The plural noun is the verb's subject (see
    `roles`)."""
    if t.tag_ != "NN" or t.i == 0 or t.i + 1 >= len(t.doc):
        return False
    prev, nxt = t.doc[t.i - 1], t.doc[t.i + 1]
    if not ((prev.tag_ in ("NNS", "NNPS") or prev.lower_ == "police") and
            prev.head.i == t.i and prev.dep_ in ("compound", "nsubj") and
            nxt.pos_ in ("PROPN", "DET", "NOUN", "NUM")):
        return False
    return not _STOP_END.search(t.sent.text)  # (last: the sentence's text is built anew)


def roles(tok) -> Roles:
    verb = clause_verb(tok)
    subject = None
    objects: list[Any] = []
    targets: list[Any] = []
    agent = None
    passive = False
    for holder in (tok, verb) if verb.i != tok.i else (tok,):
        for c in holder.children:
            if c.dep_ in SUBJECT_DEPS and subject is None:
                if c.i == tok.head.i and misparsed_gerund_subject(tok):
                    continue  # "Heavy shelling by X damaged ...": "Heavy" is no subject
                subject = c
                passive = passive or c.dep_ == "nsubjpass"
            elif c.dep_ in OBJECT_DEPS:
                objects.append(c)
            elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in AGENT_PREPS):
                for g in c.children:
                    if g.dep_ == "pobj":
                        agent = g
            elif c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or c.lower_ == "from" and
                                       holder.lemma_.lower() in TAKEN_FROM_VERBS):
                for g in c.children:
                    if g.dep_ == "pobj":
                        targets.append(g)
            elif c.dep_ == "auxpass":
                passive = True
    # "a drone attack attributed to Ukraine", "an attack blamed on the militia", "a bombing
    # claimed by the group": the participle names who carried the act out
    if agent is None and tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ASCRIBING_VERBS:
                prep = next((p for p in c.children if p.dep_ in ("prep", "agent") and
                             p.lower_ == ASCRIBING_VERBS[c.lemma_.lower()]), None)
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None) \
                    if prep is not None else None
                if obj is not None:
                    agent = obj
                    break
    # "were declared as undesirable persons by the government": the parser hangs the passive's
    # by-phrase on the noun of its "as" complement,
    # or on its predicate noun ("were declared personae non gratae by the ministry")
    if passive and agent is None:
        for c in verb.children:
            if not (c.dep_ == "prep" and c.lower_ == "as" or c.dep_ in ("oprd", "attr")):
                continue
            by = next((b for b in c.subtree if b.dep_ == "prep" and b.lower_ == "by"
                       and not _in_clause_below(b, c)), None)
            if by is not None:
                agent = next((x for x in by.children if x.dep_ == "pobj"), agent)
                break
    # "Refinery says struck by Ukrainian drone": a verb complement of a telling verb with a
    # by-agent of its own is a reduced passive; the teller is its target
    if not passive and agent is not None and tok.i != verb.i and tok.pos_ == "VERB" and \
            tok.dep_ in ("xcomp", "ccomp") and tok.head.i == verb.i and \
            verb.lemma_.lower() in TELLING_VERBS and agent.head.head.i == tok.i and \
            not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        passive = True
    # "One soldier killed amid shelling": a participle with a subject, no auxiliary and no
    # object is a headline's passive (a perfect would need "has"), its subject the victim
    if not passive and subject is not None and subject.dep_ == "nsubj" and \
            subject.head.tag_ == "VBN" and not objects and not any(
                c.dep_ in ("aux", "auxpass") for c in subject.head.children):
        passive = True
    if subject is None and tok.pos_ == "NOUN" and headline_verb(tok):
        subject = tok.doc[tok.i - 1]  # "Russians shell Kherson region": the headline's verb
        objects = [c for c in tok.children if c.i > tok.i and c.dep_ in ("appos", "dobj")] \
            + objects
    # a nominal trigger's subject: the verb it is the subject of ("the strike killed")
    if subject is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i:
        subject = None
    return Roles(subject=subject, objects=tuple(objects), agent=agent, targets=tuple(targets),
                 passive=passive)


def token_char_range(tok) -> tuple[int, int]:
    """Character range of a token's subtree, cut at the first clause break."""
    left = tok.left_edge
    right = tok.right_edge
    # do not run into relative clauses or participles
    for c in tok.children:
        if c.dep_ in ("relcl", "acl", "advcl") and c.i > tok.i:
            right = tok.doc[max(tok.i, c.left_edge.i - 1)]
            break
    return left.idx, right.idx + len(right.text)


def is_reference_place(doc, start_char: int) -> bool:
    """Place preceded by "west of", "from", "20 km from": a reference point."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return False
    i = span.start
    prev = [t.lower_ for t in doc[max(0, i - 3): i]]
    if not prev:
        return False
    if prev[-1] in ("the",) and len(prev) >= 2:
        prev = prev[:-1]
    if prev and prev[-1] in REFERENCE_WORDS:
        if prev[-1] == "from":
            return True
        if len(prev) < 2 or prev[-2] not in DIRECTION_WORDS:
            return False
        # "20 km east of X", "Y, east of X", "the Y camp east of X": X is a landmark that
        # says where the spot lies; a bare "east of X" on the event itself ("killed a man
        # east of X", "shelling east of X") names the spot's own town
        k = i - (len(prev) + (1 if doc[i - 1].lower_ == "the" else 0))  # the direction word
        k = next((j for j in range(i - 1, max(-1, i - 5), -1)
                  if doc[j].lower_ == prev[-2]), k)
        before = doc[k - 1] if k > 0 else None
        return prev[-2] in ("km", "kilometres", "kilometers", "miles") or before is not None \
            and (before.like_num or before.lower_ in ("km", "kilometres", "kilometers", "miles",
                                                        ",", "just", "some", "about")
                 or before.pos_ == "PROPN" or before.dep_ in ("pobj", "dobj", "nsubj")
                 and before.pos_ == "NOUN" and before.lemma_.lower() in _SITE_NOUNS)
    # "In Tver, near Moscow, ...": a phrase set off after a town's name that says where the
    # town lies (not "in the Donetsk region, near Pokrovsk": there the town is the spot)
    if len(prev) == 3 and prev[-1] in ("near", "outside") and prev[-2] == "," and \
            doc[i - 3].pos_ == "PROPN" and prev[-3] not in ADMIN_UNIT_WORDS:
        return True
    return False


# a site a direction phrase can locate ("the camp east of X"): X is then only a landmark
_SITE_NOUNS = frozenset({"camp", "village", "town", "base", "checkpoint", "hamlet", "airport",
                         "crossing", "settlement", "outpost", "post", "city", "port", "road",
                         "highway", "junction", "neighbourhood", "neighborhood", "area",
                         "district", "field", "refinery", "plant", "depot", "bridge"})


ADMIN_UNIT_WORDS = frozenset({"region", "oblast", "province", "district", "governorate",
                              "state", "county", "raion", "krai", "republic", "area"})


BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def is_border_reference(doc, start_char: int) -> bool:
    """A country named as the other side of a border ("a region on the border with
    Ukraine", "villages bordering Lebanon"): the event is on this side, not in it."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return False
    prev = [t.lower_ for t in doc[max(0, span.start - 2): span.start]]
    return bool(prev) and (prev[-1] in ("bordering", "borders") or len(prev) == 2 and
                           prev[-1] == "with" and prev[-2] in BORDER_NOUNS)


LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "around", "across",
                            "during", "from", "to", "towards", "toward", "into", "over"})


def locative_of(place_root, trigger) -> bool:
    """True when the place is in a locative phrase ("in X", "at X") that belongs to the
    trigger's clause: attached to the trigger, to its clause verb, or to a noun of it."""
    if place_root.dep_ == "compound" or place_root.dep_ == "amod":
        place_root = place_root.head
    # "the village of Udachne", "the port of Izmail": climb to the noun
    for _ in range(2):
        if place_root.dep_ == "pobj" and place_root.head.lower_ == "of":
            place_root = place_root.head.head
        elif place_root.dep_ == "appos":
            place_root = place_root.head
    if place_root.dep_ != "pobj":
        return False
    prep = place_root.head
    if prep.lower_ not in LOCATIVE_PREPS:
        return False
    verb = clause_verb(trigger)
    subject = trigger
    if subject.dep_ == "pobj" and subject.head.lower_ == "of" and \
            subject.head.head.dep_ in ("nsubj", "nsubjpass"):
        subject = subject.head.head  # "a new round of negotiations concluded in Brussels"
    if subject.dep_ in ("nsubj", "nsubjpass") and prep.head.i == subject.head.i:
        return True  # "the meeting ended in Alaska", "talks were held in Geneva"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and \
            trigger.head.head.pos_ == "VERB" and prep.head.i == trigger.head.head.i:
        return True  # "joined the envoy in Doha for talks", "flew to Cairo for a summit":
        #              the verb of the purpose phrase puts its talks there
    cur = prep.head
    for _ in range(4):
        if cur.i in (trigger.i, verb.i):
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "dobj" and cur.head.lemma_.lower() in TOPIC_VERBS:
            return False  # "discussed the risk of an offensive in Rafah": the topic's place,
            #               not where they talked
        cur = cur.head
    return False


def doc_text(sdoc) -> str:
    """The parsed text of a spaCy Doc, built once (``Doc.text`` joins every token each time
    it is read, which made a place choice cost a millisecond per event)."""
    cached = sdoc.user_data.get("eventdesk_text")
    if cached is None:
        cached = sdoc.user_data["eventdesk_text"] = sdoc.text
    return cached
