"""Is a trigger a real, past event? Negation, modality, conditionals and embedded content.

Works on the spaCy parse of one sentence. The rules are deliberately small and general:
- negation: a `neg` child, or "no"/"never"/"without" right before the trigger;
- future or promise: "will", "would", "shall", "'ll", "going to", "plans to", "ready to", ...
- hypothetical: "could", "may", "might", "should", "if", "unless";
- embedded content: a trigger inside the complement of a speech act that is itself an event
  ("accused Moscow of targeting ...", "urged the RSF to stop shelling") is the content of that act,
  not an event of its own; likewise a trigger under a denial ("denied attacking").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "should", "must", "can", "ca"})
FUTURE_GOVERNORS = frozenset({
    "plan", "intend", "aim", "prepare", "want", "hope", "expect", "seek", "threaten", "vow",
    "promise", "pledge", "offer", "agree", "propose", "consider", "ready", "willing", "prepared",
    "due", "set", "going", "wish", "decide", "order", "desire", "like",
    "would", "need", "deem", "seek", "prefer", "contemplate",
})
INTENT_NOUNS = frozenset({"plan", "intention", "intent", "aim", "threat", "readiness",
                          "willingness"})  # (an offer or a pledge is an act of its own)
# nouns of a secret design, whose infinitive is neither done nor announced: "a conspiracy to
# destroy the state" (an attempt, by contrast, happened)
PLOT_NOUNS = frozenset({"plot", "conspiracy", "scheme", "ploy"})
# nouns of what may happen: "the risk of an assault", "the threat of strikes"
RISK_NOUNS = frozenset({"risk", "danger", "threat", "prospect", "possibility", "spectre",
                        "specter", "fear", "likelihood", "chance", "looming", "eve"})
# plans and schedules are not events yet, nor promises: "are due to meet next week"
SCHEDULE_GOVERNORS = frozenset({"due", "schedule", "expect", "set", "desire", "want", "hope",
                                "like", "deem", "need", "consider", "going", "prefer",
                                "contemplate"})
NEGATORS = frozenset({"not", "n't", "n’t", "nt", "never", "no", "without", "nobody", "neither", "nor"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Speech acts whose complement is content, not an event.
CONTENT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "AGREE", "SUPPORT",
                           "CONCEDE", "NONE"})
DENIAL_LEMMAS = frozenset({"deny", "refute", "dismiss"})
INQUIRY_LEMMAS = frozenset({"investigate", "probe", "investigation", "inquiry"})
TEMPORAL_MARKS = frozenset({"after", "before", "when", "while", "as", "because", "since",
                            "once", "until"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False
    scheduled: bool = False
    deontic: bool = False  # "must", "has to": someone is told what to do

    @property
    def asserted(self) -> bool:
        return not (self.negated or self.future or self.hypothetical or self.conditional)


def _clause_head(tok: "Token") -> "Token":
    """The verb whose clause the token belongs to (itself for verbs)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("ROOT",):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _own_clause(conj: "Token") -> bool:
    """A coordinated verb with its own auxiliary ("has not disclosed it and has suggested")
    or after a contrast ("did not confirm it but said"): it borrows no negation or tense."""
    if any(c.dep_ in ("aux", "auxpass") for c in conj.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < conj.i
               for c in conj.head.children)


def modality(tok: "Token") -> Modality:
    """Modality of the event named by trigger token `tok`."""
    verb = _clause_head(tok)
    negated = future = hypothetical = conditional = scheduled = deontic = False
    chain = [verb]
    # a participle or infinitive borrows the auxiliaries of the verb it depends on
    cur = verb
    for _ in range(3):
        if cur.dep_ == "conj" and _own_clause(cur):
            break  # "has not disclosed it, but has suggested ...": the second verb stands alone
        if cur.dep_ in ("xcomp", "conj", "aux", "auxpass") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
        else:
            break
    # a subject with "no" ("No crowds gathered at the site", "no ceasefire had been agreed"):
    # nothing of the kind happened, and no one refused either
    # ("no one was hurt" is a toll of zero: the casualty stage reads it)
    # (only the verb's own event: "No casualties were reported amid 12 attacks" keeps them)
    # ("No fewer than six soldiers were killed" counts them)
    if verb.i == tok.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "one" and any(
            d.dep_ == "det" and d.lower_ in ("no", "neither") and not (
                d.i + 1 < len(d.doc) and d.doc[d.i + 1].lower_ in ("fewer", "less", "more"))
            for d in c.children) for c in verb.children):
        negated = hypothetical = True
    for v in chain:
        for child in v.children:
            low = child.lower_
            if child.dep_ == "neg" and low in NEGATORS or (
                    child.dep_ in ("advmod", "det") and low in ("never", "no")):
                # (the parser sometimes labels a possessive "’s" as `neg`: "the army’s shelling")
                negated = True
            elif child.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX:
                    future = True
                elif low in HYPOTHETICAL_AUX:
                    hypothetical = True
                    deontic = deontic or low == "must"
                elif low == "to" and v.i != verb.i:
                    pass
            elif child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                conditional = True
        if v.i != verb.i and v.lemma_.lower() in FUTURE_GOVERNORS:
            future = True
        if v.i != verb.i and v.lemma_.lower() in SCHEDULE_GOVERNORS:
            scheduled = True
    # governed by a future verb or adjective: "plans to strike", "ready to accept"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in FUTURE_GOVERNORS:
        future = True
    gov = verb.head if verb.dep_ in ("xcomp", "ccomp", "acomp") else None
    if gov is not None and gov.lemma_.lower() in SCHEDULE_GOVERNORS:
        scheduled = True
    # a noun of intent governs an infinitive: "plans to strike", "no intention to attack"
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        future = True
        if any(c.dep_ in ("det", "neg") and c.lower_ in NEGATORS for c in verb.head.children):
            negated = True
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in PLOT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        hypothetical = True
    # "the risk of an assault on Rafah", "fears of a new offensive": what may happen
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in RISK_NOUNS:
        hypothetical = True
    # "are due to meet": the adjective governs through an xcomp of the copula
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and \
            verb.head.lemma_.lower() in SCHEDULE_GOVERNORS:
        scheduled = True
    # "due to", "set to", "expected to"
    if tok.i > 0:
        prev = tok.doc[max(tok.sent.start, tok.i - 3): tok.i]
        lows = [t.lower_ for t in prev]
        if any(w in ("no", "never", "without") for w in lows[-2:]):
            negated = True
        if "not" in lows[-2:] and tok.pos_ in ("NOUN", "ADJ"):
            negated = True
    return Modality(negated=negated, future=future, hypothetical=hypothetical,
                    conditional=conditional, scheduled=scheduled, deontic=deontic)


def is_embedded_content(tok: "Token", triggers: dict[int, str]) -> bool:
    """True when `tok` sits in the complement of a content-bearing speech act or a denial."""
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        rel = cur.dep_
        parent = cur.head
        if rel == "conj":  # coordinated verbs are siblings, not content
            cur = parent
            continue
        if any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in cur.children):
            return False  # "... after a combat vehicle killed a girl": a clause of time
        if rel == "advcl" and cur.i < parent.i and not any(
                c.dep_ == "mark" for c in cur.children) and any(
                t.text in (",", ";", ":") for t in cur.doc[cur.i:parent.i]):
            return False  # "Fighting flares in the east, Kiev and rebels blame each other"
        if rel == "prep" and cur.lower_ in ("in", "during") and cur.i < parent.i and \
                cur.i == cur.sent.start:
            return False  # "In separate calls with the two leaders, Ruto urged restraint":
            #               a fronted setting of the act, not its content
        if parent.lemma_.lower() in DENIAL_LEMMAS:
            return True
        if parent.lemma_.lower() in INQUIRY_LEMMAS and cur is tok or (
                rel == "pobj" and parent.head.i != tok.i and (
                    parent.head.lemma_.lower() in INQUIRY_LEMMAS or
                    parent.lower_ == "for" and parent.head.lemma_.lower() == "blame")):
            # "police are investigating a killing in Zaitseve", "blamed the rebels for deaths of
            # five": an inquiry or a blame presupposes what it is about (a bare noun is news;
            # "investigating the attack" names one told elsewhere)
            return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        ptype = triggers.get(parent.i)
        if ptype in CONTENT_TYPES and parent.i != tok.i:
            return True
        cur = parent
    return False
