"""The extract stage: from an annotated document to event records with evidence.

For each sentence: trigger mentions (lexicon + modality), then arguments: actors (subject,
agent, object by the parse; pronouns to the last named actor), the place (gazetteer mentions in
the sentence, nearest to the trigger, reference points skipped), the date window (time
expressions relative to `published`), casualties, weapons, damage and quotes. Casualty
figures in a following sentence with no trigger of its own continue the last violent event.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventdesk.annotate.structure import DocStructure
from eventdesk.extraction import arguments as args
from eventdesk.extraction.acled import (POLICE_WORDS, acled_without_means, capture_told,
                                        fighting_told, remote_words)
from eventdesk.extraction.casualties import CasualtyMention, find_casualties
from eventdesk.extraction.lexicon import Lexicon, default_lexicon
from eventdesk.extraction.locate import PlacedMention, choose_place
from eventdesk.extraction.means import acled_hint, find_damage, find_weapons
from eventdesk.extraction.mentions import (Mention, find_mentions, perfect_tense,
                                           weapons_sent_at)
from eventdesk.extraction.quotes import find_quotes
from eventdesk.extraction.rules import (
    ABDUCTION, ADDITIVE, ARRESTS, BLAMED_FOR_ATTACK, CIVILIAN_TARGETS, CLASH_WORDS, DEFAULT_ACLED,
    FOLLOW_UP, INTERCEPTED, LABOUR, LONG_RUN, MILITARY_TARGETS, NO_COMMENT, NON_AGENTS, OCCUPIED,
    PLACE_LIKE_KINDS, PROTESTERS, RELEASES, REPORT_VERBS, SAY_LEMMAS, SELF_ACTING_TYPES,
    SPEECH_TYPES, STAGE, STATEMENT_TYPES, SUPERLATIVE_SINCE, TOLL_NOUNS, TOLL_REPORT_VERBS,
    TOLL_REVISION, THE_PUBLIC, VICTIM_NOUNS, EVACUATION, SPEAKER_TAIL, TREND_PERIOD, VIOLENT,
    WAR_TOTAL, ENEMY_WORDS, DOMESTIC_TYPES, INQUIRY, OF_RECORD_TYPES, ORDINARY_PEOPLE,
    PEOPLE_NOUNS, TOLD_THINGS, WAR_SCALE, POSSESSED_PLACES, SOFT_TARGETS,
)
from eventdesk.extraction.timex import TimeMention, dateline_time, find_times, pick_window
from eventdesk.records import (Actor, Dateline, DateWindow, Document, Event, Evidence, Place,
                               Quote, Span, Victim)
from eventdesk.resolve.actor_finder import PATRON_WORDS
from eventdesk.resolve.wars import foe as war_foe, invader


def _named_community(d: Any, a: Actor) -> bool:
    """"Druze inhabitants", "Kurdish residents": people named by their community or nation
    (a capitalised word right before the noun) speak as that community."""
    if a.span is None:
        return False
    prev = [t for t in d.sent if t.idx + len(t.text) <= a.span.start][-1:]
    return bool(prev) and prev[0].text[:1].isupper() and (
        prev[0].i != d.sent.start or prev[0].pos_ == "PROPN" or prev[0].ent_type_ == "NORP")


def _people_of_a_place(d: Any, a: Actor) -> bool:
    """"residents of southern Lebanon": people placed by a phrase of their own, whose country
    the report may not share with the actor facing them."""
    if a.span is None:
        return False
    noun = next((t for t in d.sent if t.idx == a.span.start), None)
    return noun is not None and any(
        p.dep_ == "prep" and p.lower_ in ("of", "in", "from") and any(
            o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN")
            for o in p.children) for p in noun.children)


def _ordinary_people(a: Actor | None) -> bool:
    """"people", "residents", "medics", "villagers": people who are no party to an event of
    record (not "the European Community", which the actor finder may misread as a role)."""
    return a is not None and a.entry_id == ORDINARY_PEOPLE and \
        (a.name or "").lower().rsplit(" ", 1)[-1] in PEOPLE_NOUNS


# "Rwanda-backed rebels", "Ankara-aligned forces": the state before the hyphen is a patron,
# not the country of the role word after it
PATRON = re.compile(r"-(?:" + "|".join(sorted(PATRON_WORDS)) + r")\b", re.I)


_TOWARD = frozenset({"at", "on", "in", "into", "near", "against"})


def _owns_a_place(doc: Any, hit: Any, layers: Layers) -> bool:
    """The actor mention is a country's possessive before a place ("Russia's northwestern
    Leningrad region", "Ukraine's second city"): it says whose the place is."""
    span = doc.char_span(hit.span.start, hit.span.end, alignment_mode="expand")
    if span is None or span[-1].dep_ != "poss":
        return False
    owner = span[-1].head
    return owner.lemma_.lower() in POSSESSED_PLACES or layers.places.covering(
        owner.idx, owner.idx + len(owner.text)) is not None


def _going_on_now(head: Any) -> bool:
    """The trigger's verb is in the present progressive ("some 200 people are rallying
    outside the town hall", "officers are detaining marchers"): it goes on as the report is
    written, so it does not take the time of an earlier sentence ("on Sunday")."""
    verb = head if head.pos_ in ("VERB", "AUX") else (
        head.head if head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else None)
    if verb is None or verb.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'re", "'s")
               for c in verb.children)


def _fired_from(sent: Any, pos: int, loc: Place | None) -> bool:
    """The event's place is where the fire came from: the trigger verb has a "from" phrase
    and no place it hit ("at", "on", "in" ...), and the place stands in that phrase ("fired
    from Yemen"), or it was taken from another sentence while the phrase names a country or
    area ("fired from Houthi-held areas of Yemen toward a destroyer"). "Fired from artillery"
    names no place; "shells fired from Congolese territory killed two in Gisenyi" keeps the
    town that was hit."""
    tok = next((t for t in sent if t.idx == pos), None)
    if tok is None or tok.pos_ not in ("VERB", "AUX") or loc is None:
        return False
    preps = [c for c in tok.children if c.dep_ == "prep"]
    if preps and any(c.lower_ in _TOWARD for c in preps):
        return False
    origin = [t for c in preps if c.lower_ == "from" for t in c.subtree]
    if not origin:
        return False
    lo, hi = origin[0].idx, origin[-1].idx + len(origin[-1])
    if loc.span is not None and lo <= loc.span.start < hi:
        return True
    outside = loc.span is None or not sent.start_char <= loc.span.start < sent.end_char
    return outside and any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in origin)


def _relative_clauses(tok: Any) -> list[tuple[int, int]]:
    """Character ranges of the relative clauses below ``tok`` in its phrase."""
    return [args.token_char_range(d) for d in tok.subtree if d.dep_ == "relcl" and d.i != tok.i]


@dataclass(frozen=True, slots=True)
class Layers:
    """What annotate/resolve found over the whole document, by character position."""

    actors: args.SpanIndex
    places: args.SpanIndex  # of (PlaceMention-like with .span, Place)
    times: list[TimeMention]
    dateline: TimeMention | None
    casualties: args.SpanIndex


# a charge told in the passive or as the ground of an arrest, ending at the trigger
_LEGAL_CHARGE = re.compile(r"(?:\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+)?"
                           r"(?:accused|charged)(?:\s+(?:with|of|over|for|in))?|"
                           r"\bon\s+(?:\w+\s+){0,2}"
                           r"(?:charges?|allegations?|suspicion)(?:\s+of)?)\s*$", re.I)

# a penalty's "by", which names no accuser: "an offence punishable by life in prison"
_PENALTY_BY = re.compile(r"\b(?:punishable|punished)\s+by\b", re.I)

# the ground of an arrest told with it: "detained a courier on charges of smuggling"
_ARREST_GROUND = re.compile(r"\b(?:detain|arrest|held|hold|jail|imprison|sentenc|convict|remand)"
                            r"\w*\b[^.;]{0,80}\bon\s+(?:\w+\s+){0,2}(?:charges?|allegations?|"
                            r"suspicion)(?:\s+of)?\s*$", re.I)

# who tells of an attack, never its author
TELLER_NOUNS = frozenset({"authority", "authorities", "official", "governor", "mayor",
                          "ministry", "spokesman", "spokeswoman", "spokesperson",
                          "administration", "council", "office", "agency"})


# prepositions of a scene: an actor's name under one of them in a trigger's phrase is a place
SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "within"})


def _under_locative(doc: Any, hit: Any, top: Any) -> bool:
    """The name lies in a locative phrase of ``top``'s phrase ("in the river port of X,
    Ukraine", "near the border town of Y")."""
    span = doc.char_span(hit.span.start, hit.span.end, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(8):
        if cur.i == top.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in SCENE_PREPS:
            return True
        cur = cur.head
    return False


@dataclass(slots=True)
class _Draft:
    mention: Mention
    sent_index: int
    sent: Any
    trigger: Span
    actor1: Actor | None
    actor2: Actor | None
    location: Place | None
    date: DateWindow
    killed: list[CasualtyMention]
    injured: list[CasualtyMention]
    evidence: list[Evidence]
    confidence: float
    extra_killed: int = 0  # "two women were also killed" in a follow-up sentence
    extra_injured: int = 0
    more: list = field(default_factory=list)  # follow-up sentences: (start, end) for means/damage


# nouns of a crowd's action that can be the subject of a clash ("the march clashed with police")
CROWD_EVENT_NOUNS = frozenset({"protest", "rally", "demonstration", "march", "riot",
                               "gathering", "procession"})


def _launched_by(thing: Any) -> list[Any]:
    """Who launched the weapons downed, told in a participle's by-phrase: "40 of 60
    drones launched by Russia", "missiles fired by the Houthis"."""
    out = []
    for c in thing.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("launch", "fire", "send"):
            for by in c.children:
                if by.dep_ == "agent":
                    out += [g for g in by.children if g.dep_ == "pobj"]
    return out


# whom a person may refuse to speak to, and where to be taken, without rejecting anything
MEDIA_NOUNS = frozenset({"press", "reporter", "journalist", "media", "medium", "newspaper"})
CARE_NOUNS = frozenset({"hospital", "treatment", "care", "clinic", "doctor"})


def _private_refusal(verb: Any) -> bool:
    """The infinitive a refusal hangs on is a personal matter, no political rejection:
    speaking to the press ("refused to talk to reporters") or seeking care ("declined to go
    to hospital"); being named ("declined to be identified") is in ``NO_COMMENT``."""
    lemma = verb.lemma_.lower()
    objs = {g.lemma_.lower() for c in verb.children if c.dep_ == "prep"
            for g in c.children if g.dep_ == "pobj"} | {
        c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    if lemma in ("talk", "speak") and objs & MEDIA_NOUNS:
        return True
    return lemma in ("go", "seek", "receive", "accept", "get") and bool(objs & CARE_NOUNS)


def _crowd_clash(d: "_Draft") -> bool:
    """A clash between the forces of order and a crowd ("police clashed with demonstrators",
    "protesters clashed with police"), with no one killed: ACLED's violent demonstration,
    not an armed clash (a clash that kills is an attack on the crowd)."""
    if any(c.count for c in d.killed) or d.extra_killed:
        return False
    if d.trigger.text.lower().split()[0] not in CLASH_WORDS:
        # "four policemen were injured in clashes with protesters": the hurt told of a clash
        # with a crowd, no one killed, is the violent demonstration itself
        return d.mention.mode != "kill" and bool(_HURT_IN_CROWD_CLASH.search(d.sent.text)) \
            and any(w in d.trigger.text.lower() for w in _HURT_WORDS)
    if any(a is not None and a.name and a.name.lower().split()[-1] in CROWD_WORDS
           for a in (d.actor1, d.actor2)):
        return True  # ("riot police clashed with stone-throwing youths": a crowd, too)
    # the clash verb's subject, its own or its conjunct's, is the protest itself ("protests
    # broke out in the capital ... and clashed with police")
    tok = next((t for t in d.sent if t.idx == d.trigger.start), None)
    if tok is not None and tok.pos_ == "NOUN":
        # "clashes between police and protesters", "clashes of students with the police"
        sides = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in (
            "between", "with", "of") for g in c.children if g.dep_ == "pobj"]
        sides += [k for g in sides for k in g.conjuncts]
        words = {g.lower_ for g in sides}
        return bool(words & ORDER_NOUNS) and bool(words & (CIVIL_GROUPS | PROTESTERS))
    if tok is None or tok.pos_ != "VERB":
        return False
    head = tok.head if tok.dep_ == "conj" else tok
    kids = list(tok.children) + (list(head.children) if head is not tok else [])
    if any(c.dep_ == "nsubj" and (c.lemma_.lower() in CROWD_EVENT_NOUNS or
                                  c.lower_ in PROTESTERS) for c in kids):
        return True
    # the police and an unarmed group of civilians, either way round ("police clashed with
    # pensioners outside parliament", "students clashed with police")
    sides = [c for c in kids if c.dep_ == "nsubj"] + [
        g for c in kids if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children if g.dep_ == "pobj"]
    words = {c.lower_ for c in sides}
    return bool(words & ORDER_NOUNS) and bool(words & CIVIL_GROUPS)


# the forces of order, by the head noun of their name
ORDER_NOUNS = frozenset({"police", "policemen", "officers", "gendarmes", "gendarmerie",
                          "carabineros"})
# groups of unarmed civilians a street clash with the police is a violent demonstration of
CIVIL_GROUPS = frozenset({"students", "pensioners", "retirees", "supporters", "activists",
                          "workers", "farmers", "fans", "residents", "villagers", "youths",
                          "opponents", "traders", "miners", "teachers", "marchers", "strikers",
                          "vendors", "drivers", "locals", "worshippers", "mourners"})


_HURT_WORDS = ("injur", "wound", "hurt")
_HURT_IN_CROWD_CLASH = re.compile(
    r"\b(?:in|during)\s+(?:the\s+)?(?:violent\s+|fierce\s+|heavy\s+)?(?:clash(?:es)?|scuffles?|"
    r"skirmish(?:es)?)\s+(?:\w+\s+){0,2}?with\s+(?:\w+\s+){0,2}?(?:" +
    "|".join(sorted(PROTESTERS)) + r")\b", re.I)


def _span(text: str, start: int, end: int, stage: str = STAGE) -> Span:
    return Span(start=start, end=end, text=text[start:end], stage=stage)


class Extractor:
    """Turns one document and its spaCy parse into events (before within-document merge)."""

    def __init__(self, *, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()

    # ------------------------------------------------------------------ entry point
    def extract(self, doc: Document, sdoc: Any, *, actors: Sequence[Any],
                places: Sequence[PlacedMention], published: date,
                dateline: Dateline | None = None, structure: DocStructure | None = None
                ) -> list[Event]:
        """Events of one document. ``structure`` (annotate.structure) tells title lines, whose
        present tense tells past events, and page furniture, which holds no events."""
        text = doc.text
        self._dateline_place = None
        if dateline is not None:
            # the dateline (at the head, or opening a paragraph after the headline) names
            # where the report was filed: its place and actors are no event's
            start, end = dateline.span.start, dateline.span.end
            inside = [p for p in places if start <= p.span.start and p.span.end <= end]
            places = [p for p in places if not (start <= p.span.start < end)]
            # ("WASHINGTON/ SANA'A/ DUBAI:", a report filed from several cities, names no
            # one filing place)
            named = {p.place.name for p in inside
                     if dateline.place.start <= p.span.start < dateline.place.end}
            self._dateline_place = inside[0].place if inside and len(named) <= 1 else None
            actors = [a for a in actors if not (start <= a.span.start < end)]
        # the countries the report's body names places in, most named first: a dateline of
        # another country is the newsroom's ("NEW DELHI: Myanmar's junta ..."), not the scene
        self._body_countries = collections.Counter(
            p.place.country for p in places if p.place.country)
        times = find_times(text, published=published, dateline=dateline)
        casualties = find_casualties(text, 0, len(text))
        layers = Layers(actors=args.SpanIndex(list(actors)), places=args.SpanIndex(list(places)),
                        times=times, dateline=dateline_time(dateline, published=published),
                        casualties=args.SpanIndex(casualties))
        background = self._background_tokens(sdoc, times)
        since = self._background_tokens(sdoc, [t for t in times if t.relation == "since"])
        # direct speech of four words or more; a word or two in quotes ("unacceptable") is
        # the reporter's attribution of a stance and may carry the event
        self._quoted = [(q.span.start, q.span.end) for q in find_quotes(text, 0, len(text))
                        if q.span is not None and len(q.text.split()) >= 4]
        # times a later sentence does not inherit: inside quotations, and inside a clause of
        # another event ("met on Tuesday, following a call held last week": the next
        # sentence's agreement is Tuesday's, not last week's)
        self._no_carry = self._quoted + [(t.span.start, t.span.end) for t in times
                                         if _in_subordinate_clause(sdoc, t.span)
                                         or _dates_an_inception(sdoc, t.span)] + (
            [] if structure is None else  # (a caption's date is the picture's)
            [(b.start, b.end) for b in structure.blocks if b.kind == "caption"])
        # an attack told next does not happen when the telling before it did ("figures were
        # given on Tuesday. Missiles hit a hotel ..."); a statement told next may ("told
        # reporters on Sunday ... He urged the UN to act")
        self._telling_times = [(t.span.start, t.span.end) for t in times
                               if _time_of_telling(sdoc, t.span)]
        self._flashbacks = _flashbacks(times)
        self._last_statement_place: tuple[int, Place] | None = None
        drafts: list[_Draft] = []
        sents = list(sdoc.sents)
        cut = _cut_sentence(text, sents, structure)
        last_violent: _Draft | None = None
        last_actor: dict[str, Actor] = {}
        for si, sent in enumerate(sents):
            if structure is not None and structure.skipped(
                    sent.start_char, sent.start_char + len(sent.text.rstrip())):
                continue  # page furniture: "Support The Moscow Times!"
            self._headline = structure is not None and structure.headline_style(
                sent.start_char)
            mentions = find_mentions(sent, self.lexicon, background_tokens=background,
                                     since_tokens=since, headline=self._headline)
            sent_drafts = []
            for men in mentions:
                if si == cut and men.nominal and _predicate_cut(sent, sdoc[men.head]):
                    continue  # "Drone raids on oil depots in the region hav": the text breaks
                    #           off before the nominal's predicate, which would tell its news
                draft = self._draft(doc, sdoc, sent, si, men, layers, published, last_actor)
                if draft is not None:
                    sent_drafts.append(draft)
            continuation = False
            if last_violent is not None and si - last_violent.sent_index <= 2:
                kept = []
                for d in sent_drafts:
                    if self._casualty_only(d):
                        continuation = True  # "At least 25 people were injured."
                    else:
                        kept.append(d)
                sent_drafts = kept
            self._assign_casualties(sent, sent_drafts, layers, last_violent, si,
                                    additive=continuation and bool(ADDITIVE.search(sent.text)))
            if last_violent is not None and si - last_violent.sent_index == 1 and not any(
                    d.mention.type in VIOLENT for d in sent_drafts) and FOLLOW_UP.search(sent.text):
                # "The attacks also caused damage to over 40 residential buildings."
                last_violent.more.append((sent.start_char, sent.end_char))
            if last_violent is not None and last_violent.actor1 is None and \
                    si - last_violent.sent_index <= 2 and BLAMED_FOR_ATTACK.search(sent.text):
                # "The medical group blamed the RSF for the attack": the alleged attacker
                blame = next((d for d in sent_drafts if d.mention.type == "ACCUSE"
                              and d.actor2 is not None and d.actor2.sector != "CVL"), None)
                if blame is not None:
                    last_violent.actor1 = blame.actor2
            for d in sent_drafts:
                if d.mention.type in VIOLENT and last_violent is not None and \
                        si - last_violent.sent_index <= 2 and _borrowed(d.date, sent):
                    # no time of its own: the previous attack's time, not the last date
                    # the text named ("..., the governor said on Nov. 25. Russian forces
                    # attacked 42 settlements ...")
                    d.date = last_violent.date
                    d.evidence = [ev for ev in d.evidence if ev.role != "date"] + [
                        ev for ev in last_violent.evidence if ev.role == "date"]
                if d.mention.type in VIOLENT:
                    if d.actor1 is None and last_violent is not None and (
                            d.location is None or last_violent.location is None
                            or d.location.country == last_violent.location.country):
                        d.actor1 = last_violent.actor1
                    if not (last_violent is not None and last_violent.sent_index == si
                            and args.clause_of_other_time(sdoc[d.mention.head], 8)
                            is not None) and not self._flashback_dated(d):
                        # (the sentence's own attack, not one a clause of another time
                        # recalls: "fired missiles on Tuesday, days after strikes killed ...",
                        # nor one told in a flashback: "Israel resumed its offensive on
                        # March 18": what follows does not inherit its time)
                        last_violent = d
            drafts.extend(sent_drafts)
            self._remember_actors(sent, layers, last_actor)
        drafts = [d for d in drafts if self._keep(d)]
        for d in drafts:
            a = d.actor1
            last = (a.name or "").lower().split()[-1:] if a is not None else []
            if d.mention.type in VIOLENT and a is not None and a.country and \
                    (a.entry_id or "").startswith("people:") and a.span is not None and \
                    a.span.end <= d.trigger.start and not d.mention.nominal:
                # "the Russians hit the district four times": a nation named by its people
                # as an attacker is its armed forces
                d.actor1 = Actor(name=a.name, country=a.country, sector="MIL", span=a.span,
                                 entry_id=a.entry_id)
                continue
            if d.mention.type in VIOLENT and a is not None and (
                    a.sector == "CVL" and not (last and last[0] in PROTESTERS)
                    or a.sector == "MED"):
                # "Khotyn community: the enemy used mortars": civilians (a community, residents,
                # people) and the media ("AFP footage showed ...") are no attacker; the report's
                # attacker may be named elsewhere
                d.actor1 = None
        self._fill_countries(drafts, actors)
        self._attacker_prior(drafts)
        self._adversary(drafts)
        events = [self._finish(doc, d, layers) for d in drafts]
        return events

    # ------------------------------------------------------------------ pieces
    @staticmethod
    def _background_tokens(sdoc: Any, times: Sequence[TimeMention]) -> frozenset[int]:
        out: set[int] = set()
        for t in times:
            if _is_history(t):
                span = sdoc.char_span(t.span.start, t.span.end, alignment_mode="expand")
                if span is not None:
                    out.update(range(span.start, span.end))
        return frozenset(out)

    def _draft(self, doc: Document, sdoc: Any, sent: Any, si: int, men: Mention, layers: Layers,
               published: date, last_actor: dict[str, Actor]) -> _Draft | None:
        text = doc.text
        head = sdoc[men.head]
        # the trigger is the match that holds the head word; other words of the same event
        # in the sentence ("struck ..., killing ... and wounding") are further evidence
        primary = next((m for m in men.matches if m.head == men.head), men.matches[0])
        t_start = sdoc[primary.start].idx
        t_end = sdoc[primary.end - 1].idx + len(sdoc[primary.end - 1].text)
        trigger = _span(text, t_start, t_end)
        evidence = [Evidence("trigger", trigger, rule=primary.rule)]
        for m in men.matches:
            if m is not primary:
                ms, me = sdoc[m.start].idx, sdoc[m.end - 1].idx + len(sdoc[m.end - 1].text)
                evidence.append(Evidence("trigger", _span(text, ms, me), rule=m.rule))
        r = args.roles(head)
        s_start, s_end = sent.start_char, sent.end_char

        # actors ------------------------------------------------------------
        used: list[Any] = []
        actor1 = None
        first = r.agent if (r.passive and r.agent is not None) else (
            None if r.passive else r.subject)
        if r.agent is not None and (head.pos_ in ("NOUN", "PROPN") or
                                    args.misparsed_gerund_subject(head)) and (
                r.agent.head.head.i == head.i or r.agent.head.head.dep_ == "acl" and
                r.agent.head.head.head.i == head.i):
            first = r.agent  # "a raid by the army's special forces on two hamlets", "an
            #                  attack attributed to X"
        if men.type in VIOLENT and head.lemma_.lower() in ("die", "perish") and \
                head.pos_ == "VERB":
            # "five soldiers died in an ambush by Al-Shabaab": who died is no attacker; the
            # attack's own by-phrase names it
            first = next((g for p in head.children if p.dep_ == "prep" and
                          p.lower_ in ("in", "during", "after") for n in p.children
                          if n.dep_ == "pobj" for b in n.children
                          if b.dep_ == "prep" and b.lower_ == "by" for g in b.children
                          if g.dep_ == "pobj"), None)
        if men.type in VIOLENT and first is not None and \
                first.lemma_.lower() in TELLER_NOUNS and first.i < head.i and any(
                    t.lemma_.lower() in SAY_LEMMAS and t.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                    for t in sdoc[first.i + 1:head.i]):
            first = None  # "Authorities in X, south of Y, stated drones had hit two
            #               plants": a telling verb misread as a modifier leaves the teller as the
            #               subject; the teller is not the attacker
        if men.type in VIOLENT and men.nominal and head.dep_ == "dobj" and \
                head.head.lemma_.lower() in TOLL_REPORT_VERBS and \
                head.lemma_.lower() in TOLL_NOUNS:
            first = None  # "health officials reported 30 deaths": the source, not the attacker
        entry = primary.entry
        if any(qs <= t_start and t_end <= qe for qs, qe in self._quoted) and not (
                men.type in VIOLENT and (self._quoted_toll(sent, layers, t_start)
                                         or self._quoted_place_report(head, sent, layers,
                                                                      t_start))) and not (
                self._partial_quote(first, t_start)):
            return None  # words inside a quotation are what someone said, not an event
            #              (but an official's or a monitor's quoted toll reports the attack:
            #              "“Five people have been killed in Israeli strikes on Homs,” the
            #              monitor said")
        if self._after_history(t_start, sent, layers):
            return None  # "... since the war began on Oct. 7, 2023, when fighters attacked";
            #              "In a ruling last spring, the tribunal urged ..."
        if men.type in VIOLENT and head.dep_ == "relcl" and self._describes_actor(head, layers):
            return None  # "The M23, which seized Goma earlier this year, ..."
        if si > 0 and men.nominal and head.dep_ == "dobj" and \
                head.head.lemma_.lower() in REPORT_VERBS and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None  # "the army confirmed the attack": a reference to an attack told
            #              before, not a new event (the first sentence has nothing before it)
        if men.type == "REJECT" and any(c.dep_ == "xcomp" and (
                c.lemma_.lower() in NO_COMMENT or _private_refusal(c)) for c in head.children):
            return None  # "declined to comment" is no rejection; nor are "refused to talk to
            #              the press" and "declined to go to hospital"
        if men.type in VIOLENT and (
                (first is not None and any(t.lemma_.lower() in NON_AGENTS for t in first.subtree))
                or any(t.lemma_.lower() in NON_AGENTS
                       for t in sdoc[max(sent.start, head.i - 6):head.i])):
            return None  # "the earthquake killed ...": not an attack
        if any(m.entry.object_actor for m in men.matches) and not any(
                not m.entry.object_actor for m in men.matches):
            # the object itself names the party ("received the minister"), not a phrase
            # inside it ("received the remains of 55 soldiers")
            objs = [t for t in r.objects if t.lower_ not in args.PRONOUNS and
                    layers.actors.covering(t.idx, t.idx + len(t.text)) is not None and
                    (a := self._actor_at(t, layers, last_actor, [])) is not None
                    and a.sector not in ("CVL", None)]
            if not objs:
                return None
        intercept = head.lemma_.lower() in ("destroy", "intercept", "down") or (
            head.lemma_.lower() == "shoot" and any(c.lower_ == "down" for c in head.children))
        hit_things = list(r.objects) + ([r.subject] if r.passive and r.subject is not None
                                        else [])
        if intercept and not hit_things:
            # "shot down 21 of 22 drones": the parser may take the count for an adverb
            hit_things = [c for c in head.children if c.dep_ == "npadvmod" and c.like_num]
        if men.type in VIOLENT and intercept and (
                any(o.lower_ in INTERCEPTED or o.lemma_.lower() in INTERCEPTED
                    for o in hit_things)
                or any(o.like_num for o in hit_things)
                and any(t.lower_ in INTERCEPTED for t in sent)):
            # an air defence claim is no attack by the defender ("destroyed 18 drones", "of
            # which 41 were shot down"); when it names whose weapons they were ("downed 22
            # Ukrainian drones") it tells that side's salvo, with the defender as its target
            return self._intercepted_salvo(doc, sdoc, sent, si, men, layers, published,
                                           trigger, evidence, hit_things, r, last_actor)
        if entry.reverse and men.type == "PROTEST":
            # "police dispersed the rally": the crowd (its named side, else the place's
            # people) protests; the dispersing force is what it faced
            obj = r.objects[0] if r.objects else (r.subject if r.passive else None)
            crowd = self._actor_in_subtree(obj, layers, [], exclude_generic=True) \
                if obj is not None else None
            if crowd is not None and crowd.sector in ("GOV", "MIL"):
                crowd = None  # ("an anti-government rally")
            force = self._actor_at(r.subject, layers, last_actor, []) \
                if r.subject is not None and not r.passive else (
                    self._actor_at(r.agent, layers, last_actor, [])
                    if r.agent is not None else None)
            return self._finish_draft(doc, sdoc, sent, si, men, layers, published, trigger,
                                      evidence, crowd, force, [])
        if entry.reverse:
            # "troops repelled 38 Russian assaults": the attacker is in the object
            obj = r.objects[0] if r.objects else None
            if obj is not None:
                a = self._actor_in_subtree(obj, layers, [], exclude_generic=True)
                if a is not None:
                    first_actor = a
                    defender = self._actor_at(r.subject, layers, last_actor, []) \
                        if r.subject is not None else None
                    if (defender is None or defender.country is None) and \
                            r.subject is not None and _own_side(r.subject):
                        # "the General Staff said its troops had repelled ...": the speaker's
                        speaker = self._speaker(sent, layers, last_actor, [])
                        if speaker is not None and speaker.country and \
                                speaker.country != first_actor.country:
                            defender = Actor(name=f"Military forces ({speaker.country})",
                                             country=speaker.country, sector="MIL")
                    return self._finish_draft(doc, sdoc, sent, si, men, layers, published,
                                              trigger, evidence, first_actor, defender, [])
        conj_actor = None
        if first is None and r.passive and r.agent is None and men.type not in VIOLENT:
            first = _between_parties(head, r.subject)
            # "a truce was reached between X and Y": the parties, not whoever told of it
        if first is None and r.passive and r.subject is not None and \
                men.type in SELF_ACTING_TYPES:
            first = r.subject  # "40,000 Polish troops have been deployed": Poland deployed them
        if first is not None:
            actor1 = self._actor_at(first, layers, last_actor, used,
                                    locative_places_ok=men.type not in VIOLENT,
                                    skip_aimed=men.type in VIOLENT)
            # ("the strike on a school in Gaza killed 12": Gaza is where, not who)
            if actor1 is not None:
                conj_actor = self._conjoined_actor(first, actor1, layers, used)
                if conj_actor is not None and conj_actor.span is not None and \
                        actor1.span is not None and conj_actor.span.start < actor1.span.start:
                    actor1, conj_actor = conj_actor, actor1  # the first named leads
        if actor1 is None and men.nominal or actor1 is None and head.pos_ == "NOUN":
            actor1 = self._actor_in_subtree(head, layers, used, exclude_generic=True,
                                            skip_targets=men.type in VIOLENT)
        if actor1 is None and r.passive and r.agent is None and men.type in VIOLENT:
            actor1 = None
        if actor1 is None and men.type in VIOLENT:
            # "the villages were back under Ukrainian control", "the town is back under its
            # control, the army said": who holds the ground now took it
            actor1 = self._controller(sdoc, men, sent, layers, last_actor, used)
        adjective = head.head if args.misparsed_gerund_subject(head) else next(
            (c for c in head.children if c.dep_ == "amod" and c.i == head.i - 1), None) \
            if head.tag_ == "VBG" else None
        if actor1 is None and men.type in VIOLENT and adjective is not None:
            # "Ukrainian shelling damaged houses": the parser made the event noun a verb
            # (or the demonym its head); the armed force the demonym names with it is the
            # attacker
            hit = layers.actors.covering(adjective.idx, head.idx + len(head))
            if hit is not None and hit.span.start == adjective.idx and \
                    hit.span.end >= head.idx + len(head) and hit.sector not in ("CVL", None):
                actor1 = _to_actor(hit)
        if actor1 is None and men.type in VIOLENT and not r.passive and (
                head.tag_ in ("VBD", "VBZ", "VBP") or primary.start < primary.head):
            # headline order the parser missed: "DPR: Ukrainian troops shelled Gorlovka"
            # (an armed actor right before the verb, or opening the trigger phrase)
            for hit in reversed(layers.actors.within(s_start, t_end)):
                if hit.span.end <= t_start - 2 and args.doc_text(sdoc)[hit.span.end:t_start].strip():
                    break
                if hit.span.start < t_start and hit.sector not in ("CVL", None) and \
                        getattr(hit, "kind", "") not in ("generic", "demonym", *PLACE_LIKE_KINDS) \
                        and layers.casualties.covering(hit.span.start, hit.span.end) is None:
                    actor1 = _to_actor(hit)  # (not the victims: "two servicemen killed")
                    break
        if actor1 is None and men.type in VIOLENT:
            for m in men.matches:
                tok = sdoc[m.head]
                if tok.pos_ in ("NOUN", "PROPN") or m.pattern.nominal:
                    actor1 = self._actor_in_subtree(tok, layers, used, exclude_generic=True,
                                                    skip_targets=True)
                    if actor1 is not None and actor1.sector not in ("CVL",) and not (
                            actor1.span is not None and layers.casualties.covering(
                                actor1.span.start, actor1.span.end) is not None):
                        break  # (the victims are no attacker: "one soldier killed amid
                        #         attacks", parsed with "attacks" as the head)
                    actor1 = None
        if actor1 is None and men.type in VIOLENT and weapons_sent_at(head):
            # "the RSF deployed suicide drones targeting ...": who sent the weapons
            weapon = head.head
            for hit in reversed(layers.actors.within(s_start, weapon.idx)):
                if hit.sector not in ("CVL", "MED", None) and \
                        getattr(hit, "kind", "") not in ("generic", "demonym"):
                    actor1 = _to_actor(hit)
                    break
        if actor1 is None and men.type in VIOLENT:
            claimer = _claimer(head)
            if claimer is not None:
                # "the Houthis claimed an attack that hit a tanker", "the group claimed
                # responsibility for the bombing": who claims an attack made it
                actor1 = self._actor_at(claimer, layers, last_actor, used)
        if men.type == "ACCUSE" and primary.entry.type == "ASSAULT":
            # a characterised attack: the speaker accuses the side said to attack
            return self._finish_draft(doc, sdoc, sent, si, men, layers, published, trigger,
                                      evidence, self._speaker(sent, layers, last_actor, []),
                                      actor1, used, roles=r, last_actor=last_actor)
        if actor1 is None and men.type in SPEECH_TYPES | {"CONSULT"}:
            actor1 = self._speaker(sent, layers, last_actor, used)
        if men.type == "THREATEN" and primary.entry.type != "THREATEN" and actor1 is None:
            return None  # "residents fear that gangs will attack the district again": an
            #              act still to come is a threat only from someone who makes it
        elif _ordinary_people(actor1) and men.type in SPEECH_TYPES and not (
                r.subject is not None and actor1.span is not None and
                actor1.span.start <= r.subject.idx < actor1.span.end):
            # "the office said the killing of people seeking food could be a war crime":
            # people named in what was said are no speaker; the one who said it is
            speaker = self._speaker(sent, layers, last_actor, used)
            if speaker is not None and not _ordinary_people(speaker):
                actor1 = speaker
        if men.type in VIOLENT and conj_actor is not None and not r.passive and not (
                _RECIPROCAL.search(trigger.text) and not r.objects and not any(
                    t.head.lower_ in ("against", "with") for t in r.targets)):
            conj_actor = None  # "US and British warplanes struck Hodeidah": a co-attacker,
            #                    not the side hit (who meets whom keeps its second party;
            #                    so does a fight of the two: "X and Y forces exchanged fire",
            #                    "X and Y troops clashed on the border")
        return self._finish_draft(doc, sdoc, sent, si, men, layers, published, trigger,
                                  evidence, actor1, conj_actor, used, roles=r,
                                  last_actor=last_actor)

    def _intercepted_salvo(self, doc, sdoc, sent, si, men, layers, published, trigger,
                           evidence, hit_things, r, last_actor) -> _Draft | None:
        """The attacker's salvo behind an air defence claim, or None when the claim does
        not say whose weapons were downed."""
        attacker = None
        for thing in hit_things:
            a = self._actor_in_subtree(thing, layers, [], exclude_generic=False)
            if a is not None and a.country and a.sector not in ("CVL",):
                attacker = a
                break
            for sender in _launched_by(thing):
                a = self._actor_at(sender, layers, None, [])
                if a is not None and a.country and a.sector not in ("CVL",):
                    attacker = a  # "40 of 60 drones launched by Russia"
                    break
            if attacker is not None:
                break
        if attacker is None:
            if not any(c.lower_ in ENEMY_WORDS for thing in hit_things for c in thing.children
                       if c.dep_ in ("amod", "compound", "poss")):
                return self._war_foes_salvo(doc, sdoc, sent, si, men, layers, published,
                                            trigger, evidence)
            # "gunners shot down six enemy drones": the defender's enemy sent them; the
            # salvo is told, its sender is the other side (the document may name it)
            defender = self._actor_at(r.subject, layers, last_actor, []) \
                if r.subject is not None and not r.passive else None
            if defender is None or defender.country is None:
                return None
            defender = Actor(name=f"Military forces ({defender.country})",
                             country=defender.country, sector="MIL", span=defender.span)
            return self._finish_draft(doc, sdoc, sent, si, men, layers, published, trigger,
                                      evidence, None, defender, [])
        defender = self._actor_at(r.subject, layers, last_actor, []) \
            if r.subject is not None and not r.passive else None
        if defender is None or defender.country in (None, attacker.country):
            speaker = self._speaker(sent, layers, last_actor, [])
            defender = speaker if speaker is not None and speaker.country and \
                speaker.country != attacker.country else None
        attacker = Actor(name=f"Military forces ({attacker.country})", country=attacker.country,
                         sector="MIL", span=attacker.span)
        if defender is not None:
            defender = Actor(name=f"Military forces ({defender.country})",
                             country=defender.country, sector="MIL", span=defender.span)
        return self._finish_draft(doc, sdoc, sent, si, men, layers, published, trigger,
                                  evidence, attacker, defender, [])

    def _war_foes_salvo(self, doc, sdoc, sent, si, men, layers, published, trigger,
                        evidence) -> _Draft | None:
        """Drones or missiles downed over a place of a state at war, with no sender named
        ("air defence units downed drones over the city of Kaluga"): the salvo of the
        state's foe in wars.csv, with the state as its target. None when the sentence
        places the claim in no such state (or in more than one)."""
        countries = {pm.place.country for pm in layers.places.within(sent.start_char,
                                                                      sent.end_char)
                     if pm.place.country}
        if len(countries) != 1:
            return None
        home = countries.pop()
        sender = war_foe(home, published)
        if sender is None:
            return None
        return self._finish_draft(
            doc, sdoc, sent, si, men, layers, published, trigger, evidence,
            Actor(name=f"Military forces ({sender})", country=sender, sector="MIL"),
            Actor(name=f"Military forces ({home})", country=home, sector="MIL"), [])

    def _quoted_toll(self, sent: Any, layers: Layers, pos: int) -> bool:
        """The quotation holding ``pos`` states a toll (a count of killed or injured), in the
        trigger's sentence or in a later sentence of the same quotation (an official's account:
        "“At dawn the enemy shelled the village. Two men died,” the governor said")."""
        quote = next(((qs, qe) for qs, qe in self._quoted if qs <= pos < qe), None)
        if quote is None:
            return False
        return any(c.count is not None and quote[0] <= c.span.start < quote[1] and (
            c.span.start < sent.end_char or c.count > 0)  # "no one was hurt" is no toll
            for c in layers.casualties.within(sent.start_char, max(sent.end_char, quote[1])))

    def _quoted_place_report(self, head: Any, sent: Any, layers: Layers, pos: int) -> bool:
        """An official's quoted account of an attack done, at a place it names: the trigger
        is a past or perfect verb (active or passive) and a place stands in the same quotation
        and sentence ("“The Khotin and Esman communities were shelled,” the administration
        said"). Quoted plans, threats and talk of attacks ("“we will strike Kyiv”") have no
        past verb; quoted words without a place, or only with places the report named
        before the quote, stay speech."""
        for _ in range(3):  # a nominal trigger's verb: "came under fire", "suffered strikes"
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or head.tag_ not in ("VBD", "VBN"):
            return False
        if head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
            return False  # a bare participle modifying a noun ("the shelled village")
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may",
                                                 "should", "must", "can")
               for c in head.children):
            return False
        quote = next(((qs, qe) for qs, qe in self._quoted if qs <= pos < qe), None)
        if quote is None:
            return False
        sub = list(head.subtree)  # the place is the verb's own: its subject, object or
        #                             adjunct ("was destroyed" beside a town told elsewhere
        #                             in the quote is damage, not a report of its own)
        lo = max(quote[0], sent.start_char, sub[0].idx)
        hi = min(quote[1], sent.end_char, sub[-1].idx + len(sub[-1]))
        own = [pm for pm in layers.places.within(lo, hi) if lo <= pm.span.start < hi]
        # a place the report named before is retold in the quote, not reported by it
        told = {pm.place.name for pm in layers.places.within(0, quote[0])}
        return any(pm.place.name not in told for pm in own)

    def _partial_quote(self, subject: Any, pos: int) -> bool:
        """The quotation holding ``pos`` continues the reporter's own clause, whose subject
        stands before it, outside the quotes: 'Its troops "have taken the village of X", the
        ministry said' reports the claim as the writer's sentence, not a speech."""
        quote = next(((qs, qe) for qs, qe in self._quoted if qs <= pos < qe), None)
        if quote is None or subject is None or subject.idx >= quote[0]:
            return False
        doc = subject.doc
        end = max(t.i for t in subject.subtree) + 1
        between = [t for t in doc[end:] if t.idx < quote[0]]
        # only the verb's auxiliaries or adverbs stand between ("army units had “liberated")
        return all(t.dep_ in ("aux", "auxpass", "neg", "advmod", "punct") or t.is_space
                   for t in between)

    def _flashback_dated(self, d: _Draft) -> bool:
        span = d.date.span if d.date is not None else None
        return span is not None and not d.date.carried and any(
            a <= span.start < b for a, b in self._flashbacks)

    @staticmethod
    def _after_history(pos: int, sent: Any, layers: Layers) -> bool:
        in_sent = [t for t in layers.times if sent.start_char <= t.span.start < sent.end_char]
        history = [t for t in in_sent if _is_history(t)]
        if not history or any(not _is_history(t) and t.relation != "future" for t in in_sent):
            return False
        return min(t.span.start for t in history) < pos

    @staticmethod
    def _running_total(sent: Any, layers: Layers) -> bool:
        """The sentence counts over a long run ("since the war began", "this year"), not one
        event ("in 24 hours", "the bloodiest day since August")."""
        if SUPERLATIVE_SINCE.search(sent.text):
            return False
        return bool(LONG_RUN.search(sent.text) or WAR_TOTAL.search(sent.text)) or any(
            _is_history(t) for t in layers.times
            if sent.start_char <= t.span.start < sent.end_char)

    @staticmethod
    def _describes_actor(head: Any, layers: Layers) -> bool:
        """A relative clause about a named actor ("The M23, which seized Goma earlier this
        year"), not about the victims of the event ("soldiers killed in 24 hours")."""
        noun = head.head
        hit = layers.actors.covering(noun.idx, noun.idx + len(noun.text))
        return hit is not None and bool(getattr(hit, "entry_id", None)) and \
            getattr(hit, "kind", "") in ("org", "group", "person", "institution")

    def _conjoined_actor(self, tok: Any, actor1: Actor, layers: Layers,
                         used: list[Any]) -> Actor | None:
        """The second of two coordinated initiators ("Russian and Ukrainian delegations",
        "Congo and Rwanda signed"): the other party of a joint act."""
        start, end = args.token_char_range(tok)
        for hit in layers.actors.within(start, end):
            if hit.span == actor1.span or getattr(hit, "kind", "") == "generic":
                continue
            if hit.country and hit.country != actor1.country:
                text = args.doc_text(tok.doc)[min(hit.span.start, actor1.span.start if actor1.span
                                        else hit.span.start):max(hit.span.end, actor1.span.end
                                        if actor1.span else hit.span.end)]
                if " and " in text or " & " in text:
                    used.append(hit)
                    return _to_actor(hit)
        return None

    def _finish_draft(self, doc, sdoc, sent, si, men, layers, published, trigger, evidence,
                      actor1, actor2, used, *, roles=None, last_actor=None) -> _Draft | None:
        text = doc.text
        head = sdoc[men.head]
        r = roles
        t_start, t_end = trigger.start, trigger.end
        s_start, s_end = sent.start_char, sent.end_char
        second = [] if r is None else list(r.objects) + list(r.targets)
        if r is not None and r.passive and r.subject is not None:
            second.insert(0, r.subject)
        for tok in second if actor2 is None else ():
            if men.type in VIOLENT and layers.places.covering(tok.idx, tok.idx + len(tok.text)):
                continue  # "hit the Ukrainian capital": the object is the place, not a party
            actor2 = self._actor_at(tok, layers, last_actor or {}, used,
                                    places_ok=men.type not in VIOLENT,
                                    locative_places_ok=men.type == "AID")
            if actor2 is not None and actor1 is not None and actor2.span == actor1.span:
                actor2 = None
            if actor2 is not None:
                break
        if actor2 is None and men.type == "THREATEN":
            actor2 = self._threatened_party(sent, layers, actor1, used)
        if actor2 is None and men.type in SPEECH_TYPES:
            actor2 = self._content_party(head, layers, actor1, used)
        if actor1 is not None and actor1.span is not None:
            evidence.append(Evidence("actor1", actor1.span))
        if actor2 is not None and actor2.span is not None:
            evidence.append(Evidence("actor2", actor2.span))

        # place -------------------------------------------------------------
        location = self._place(sdoc, head, sent, layers, used, men.type,
                               initiator=actor1.span if actor1 is not None else None)
        if location is None and men.type in STATEMENT_TYPES:
            last = self._last_statement_place
            if last is not None and si - last[0] <= 1:
                location = last[1]  # "The two sides agreed ..." after "met in Riyadh"
            elif self._dateline_place is not None:
                location = self._dateline_place
        elif location is None and men.type not in VIOLENT and self._dateline_place is not None:
            # where the report was filed, unless the parties are all from elsewhere ("WARSAW —
            # ... as Russia and Belarus began joint exercises")
            sides = {a.country for a in (actor1, actor2) if a is not None and a.country}
            if self._dateline_place.country in sides or not sides and self._newsroom_is_scene():
                location = self._dateline_place
        if location is not None and men.type in STATEMENT_TYPES and location.span is not None \
                and s_start <= location.span.start < s_end:
            self._last_statement_place = (si, location)
        if location is not None and location.span is not None:
            # (a place taken from the dateline is evidence of where the report was filed)
            evidence.append(Evidence("dateline" if location is self._dateline_place
                                     else "location", location.span))

        # date --------------------------------------------------------------
        window = pick_window(layers.times, start=t_start, end=t_end, sentence_start=s_start,
                             sentence_end=s_end, published=published, dateline=layers.dateline,
                             text=text, carry=0 if _going_on_now(head) else 1000,
                             carry_skip=self._no_carry,
                             carry_stop=(self._telling_times if men.type in VIOLENT else [])
                             + self._flashbacks)
        if window.span is not None and TREND_PERIOD.search(window.span.text) and \
                (window.latest - window.earliest).days > 14 and \
                _times_own_clause(sdoc, window.span, head):
            return None  # "Kyiv has stepped up its attacks on refineries in recent months": a
            #              trend over a period up to now, not an event of the day
        if men.type in VIOLENT and window.span is not None and \
                window.earliest == window.latest and \
                _dates_the_report(sdoc, window.span, head):
            sub = list(head.subtree)
            own = [t for t in layers.times if sub[0].idx <= t.span.start
                   and t.span.end <= sub[-1].idx + len(sub[-1].text)
                   and t.relation != "future" and not t.background]
            if own:
                # "said on Sunday that 30 were killed in last week's strike": the told
                # clause names its own time
                window = own[0].window()
            else:
                # "the ministry reported on Saturday that ten soldiers were killed": the day
                # is the report's; the attack came that day or the day before, most likely
                # before
                day = window.earliest
                window = DateWindow(earliest=day - timedelta(days=1), latest=day,
                                    span=window.span, rule="reported_on",
                                    best=day - timedelta(days=1))
        if men.type not in VIOLENT and perfect_tense(sdoc[men.head]):
            # "have been demobilized since the accord": the window runs from the accord
            since = [t for t in layers.times if t.relation == "since"
                     and s_start <= t.span.start < s_end]
            if since:
                window = min(since, key=lambda t: abs(t.span.start - t_start)).window()
        toll = TOLL_REVISION.search(sent.text) if men.type in VIOLENT else None
        if toll is not None:
            # "the death toll from an overnight strike rose to nine on Thursday": a time before
            # "rose" dates the strike; one after it dates the new count, not the strike
            verb_at = s_start + toll.end()
            before = [t for t in layers.times if s_start <= t.span.start < verb_at
                      and not _is_history(t) and t.relation != "future"]
            if before:
                window = before[-1].window()
            elif window.span is None:
                # "Death toll from the shelling of X rises to two": the strike may be today's
                window = DateWindow(earliest=published - timedelta(days=7), latest=published,
                                    span=None, rule="toll_revision", best=published)
            elif window.span.start >= verb_at - 8:
                # "... rose to nine on Thursday": the strike came before the new count
                counted = window.earliest
                window = DateWindow(earliest=counted - timedelta(days=7),
                                    latest=counted - timedelta(days=1), span=None,
                                    rule="toll_revision", best=counted - timedelta(days=1))
        if window.span is not None:
            evidence.append(Evidence("date", window.span))

        near = [c for c in layers.casualties.within(s_start, s_end)
                if abs(c.span.start - t_start) < 80]
        if men.type in VIOLENT and near and (all(_running(c) for c in near) and
                                             self._running_total(sent, layers)
                                             or WAR_TOTAL.search(sent.text)
                                             or all(_war_scale(c) for c in near)):
            return None  # a running total ("has killed tens of thousands since ...", "the
            #              campaign has killed over 30,000")
        if men.nominal and actor1 is None and location is None and window.span is None:
            has_cas = bool(layers.casualties.within(s_start, s_end))
            victims = head.lemma_.lower() in VICTIM_NOUNS and any(
                c.dep_ == "amod" and (hit := layers.actors.covering(
                    c.idx, c.idx + len(c.text))) is not None and getattr(hit, "country", None)
                for c in head.children)
            if not has_cas and not victims:
                return None  # (but "Ukrainian casualties reported": one side's dead)
        conf = men.weight + 0.1 * (actor1 is not None) + 0.05 * (location is not None) \
            + 0.05 * (window.span is not None)
        return _Draft(mention=men, sent_index=si, sent=sent, trigger=trigger, actor1=actor1,
                      actor2=actor2, location=location, date=window, killed=[], injured=[],
                      evidence=evidence, confidence=min(conf, 0.99))

    @staticmethod
    def _threatened_party(sent: Any, layers: Layers, actor1: Actor | None,
                          used: list[Any]) -> Actor | None:
        """Whom a threat names as the one to suffer: "grave consequences for Tehran", "a
        heavy price for the rebels"."""
        own = actor1.country if actor1 is not None else None
        for tok in sent:
            if tok.lemma_.lower() not in THREAT_OUTCOMES:
                continue
            preps = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])
            for prep in preps:  # ("will carry grave consequences for Tehran": on the verb)
                if prep.dep_ != "prep" or prep.lower_ != "for":
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    hit = layers.actors.covering(obj.idx, obj.idx + len(obj.text))
                    if hit is not None and hit.country and hit.country != own:
                        used.append(hit)
                        return _to_actor(hit)
        return None

    @staticmethod
    def _content_party(head: Any, layers: Layers, actor1: Actor | None,
                       used: list[Any]) -> Actor | None:
        """The party a statement is about when it has no object of its own: the first state,
        force or group named in what it says ("demanded that Kyiv pull its forces back",
        "called on the RSF to stop shelling", "criticised Moscow's decision"), not the
        speaker's own side."""
        own = actor1.country if actor1 is not None else None
        start = head.idx
        fronted = next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)
        if fronted is not None:  # ""An attack will carry grave consequences for Tehran," the
            start = fronted.left_edge.idx  # official warned": what was said comes first
        for hit in layers.actors.within(start, head.sent.end_char):
            if hit in used or not hit.country or hit.country == own:
                continue
            if hit.sector in ("CVL", None) or getattr(hit, "kind", "") in ("generic", "demonym"):
                continue
            if getattr(hit, "locative", False):
                continue
            used.append(hit)
            return _to_actor(hit)
        return None

    def _actor_at(self, tok: Any, layers: Layers, last_actor: dict[str, Actor],
                  used: list[Any], *, places_ok: bool = True,
                  locative_places_ok: bool = True, skip_aimed: bool = False) -> Actor | None:
        low = tok.lower_
        if low in args.PRONOUNS:
            kind = args.PRONOUNS[low]
            sent = tok.sent
            for hit in reversed(layers.actors.within(sent.start_char, tok.idx)):
                hk = getattr(hit, "kind", "")
                if hk in ("generic", "demonym") or getattr(hit, "locative", False):
                    continue
                if (kind == "person") == (hk in ("person", "title")):
                    return _to_actor(hit)
            return last_actor.get(kind) or last_actor.get("any")
        start, end = args.token_char_range(tok)
        # the mention holding the head word first, then any in the phrase
        hit = layers.actors.covering(tok.idx, tok.idx + len(tok.text))
        if hit is None:
            # (not a place the phrase locates itself in: "rallies against the law across
            # Armenia" are against the law, not against Armenia; but the recipients of aid
            # "to families in Gaza" are of the place)
            # (a speaker the parser hung on the phrase as a conjunct or apposition is no party:
            # "injured by falling debris, Ivan Petrov, the governor of the city, said")
            text = tok.doc.text
            speakers = [args.token_char_range(c) for c in tok.children
                        if c.dep_ in ("conj", "appos")
                        and SPEAKER_TAIL.match(text, args.token_char_range(c)[1])]
            # (nor a party of a relative clause that describes a place or a thing in the
            # phrase: "strikes in the north, where the army and its allies fight rebels")
            clauses = _relative_clauses(tok)
            # (nor, for the attacker, what an attack is aimed at: "a grenade attack on a police
            # station injured two": the police were hit)
            aimed = [args.token_char_range(c) for c in tok.children
                     if c.dep_ == "prep" and c.lower_ in ("on", "against")] \
                if skip_aimed and tok.pos_ == "NOUN" else []
            cands = [c for c in layers.actors.within(start, end)
                     if (locative_places_ok or not (getattr(c, "locative", False)
                                                    and getattr(c, "kind", "") in PLACE_LIKE_KINDS))
                     and not any(a <= c.span.start < b for a, b in speakers)
                     and not any(a <= c.span.start < b for a, b in clauses)
                     and not any(a <= c.span.start < b for a, b in aimed)]
            hit = cands[0] if cands else None
        if hit is None:
            return None
        if not places_ok and getattr(hit, "kind", "") in PLACE_LIKE_KINDS:
            return None  # "pounded Kyiv": the target is a place, not the government
        used.append(hit)
        if hit.country is None and hit.sector not in ("IGO", "CVL"):
            # "the foreign ministers of Congo and Rwanda": the title belongs to the countries
            # (not a country of an apposition that describes the place: "an army base near
            # Myawaddy, a town on the border with Thailand")
            text = tok.doc.text
            owner = next((o for o in layers.actors.within(start, end)
                          if o is not hit and o.country
                          and not PATRON.match(text[o.span.end:o.span.end + 12])
                          and not (o.span.start > hit.span.end
                                   and "," in text[hit.span.end:o.span.start])), None)
            if owner is not None:
                used.append(owner)
                return Actor(name=hit.name, country=owner.country, sector=hit.sector or "GOV",
                             span=hit.span, entry_id=getattr(hit, "entry_id", None))
        return _to_actor(hit)

    def _actor_in_subtree(self, tok: Any, layers: Layers, used: list[Any], *,
                          exclude_generic: bool, skip_targets: bool = False) -> Actor | None:
        """The first actor named in the phrase of ``tok``. ``skip_targets``: not a word that
        names the target or the place as a modifier ("a strike on a former police station",
        "an attack on an army post": the police and the army of the facility hit are not
        the attacker)."""
        start, end = args.token_char_range(tok)
        targets = [args.token_char_range(c) for c in tok.children
                   if c.dep_ == "prep" and c.lower_ in TARGET_PREPS] if skip_targets else []
        # what the act is aimed at is never its doer: "a drone attack on Kyiv"
        aimed = [args.token_char_range(c) for c in tok.children
                 if c.dep_ == "prep" and c.lower_ in AIMED_PREPS] if skip_targets else []
        victims = [args.token_char_range(c) for c in tok.children
                   if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"] \
            if tok.lemma_.lower() in DEATH_NOUNS else []
        doc = tok.doc
        # (a relative clause in the phrase describes something in it: "drone strikes in the
        # north, where the army and its allies are fighting rebels" names no attacker)
        clauses = _relative_clauses(tok)
        for hit in layers.actors.within(start, end):
            if exclude_generic and getattr(hit, "kind", "") == "generic":
                continue
            if any(a <= hit.span.start < b for a, b in clauses):
                continue
            if any(a <= hit.span.start < b for a, b in victims):
                continue  # "the deaths of four soldiers", "the sailors' deaths": who died
            if any(a <= hit.span.start < b for a, b in aimed) and \
                    getattr(hit, "kind", "") in PLACE_LIKE_KINDS:
                continue
            if any(a <= hit.span.start < b for a, b in targets):
                last = doc.char_span(hit.span.start, hit.span.end, alignment_mode="expand")
                if last is not None and last[-1].dep_ in ("compound", "amod", "poss") and \
                        last[-1].head.i > last[-1].i and last[-1].head.pos_ == "NOUN":
                    continue  # (also the owner of the thing hit: "attacks on Ukraine's
                    #           energy infrastructure")
            if getattr(hit, "locative", False) or _under_locative(doc, hit, tok):
                continue  # "a meeting in the Kremlin", "a raid near the port town of Izmail,
                #           Ukraine": a place here
            if skip_targets and _owns_a_place(doc, hit, layers):
                continue  # "struck a refinery in Russia's Leningrad region": the country
                #           owns the place hit; it is not the attacker
            used.append(hit)
            return _to_actor(hit)
        return None

    def _controller(self, sdoc: Any, men: Mention, sent: Any, layers: Layers,
                    last_actor: dict[str, Actor], used: list[Any]) -> Actor | None:
        """The party named as holding the ground in a trigger "under X control" / "in X
        hands": a demonym or a name before the noun, or "its"/"their" for the speaker."""
        for m in men.matches:
            for i in m.words:
                tok = sdoc[i]
                if tok.lower_ not in ("control", "hands"):
                    continue
                for c in tok.children:
                    if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i:
                        if c.lower_ in ("its", "their"):
                            return self._speaker(sent, layers, last_actor, used)
                        hit = layers.actors.covering(c.idx, c.idx + len(c))
                        if hit is not None and hit.sector not in ("CVL",):
                            return _to_actor(hit)
        return None

    def _speaker(self, sent: Any, layers: Layers, last_actor: dict[str, Actor],
                 used: list[Any]) -> Actor | None:
        """The subject of a reporting verb in the sentence ("..., Zelensky said")."""
        for tok in sent:
            if tok.lemma_.lower() in SAY_LEMMAS and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ in ("nsubj",):
                        a = self._actor_at(c, layers, last_actor, used)
                        if a is not None:
                            return a
        return None

    def _newsroom_is_scene(self) -> bool:
        """Whether the dateline's place can stand for where a party-less event happened: the
        body names no place, or names places of the dateline's country at least as often as of
        any other country."""
        if self._dateline_place is None:
            return False
        if not self._body_countries:
            return True
        top = max(self._body_countries.values())
        return self._body_countries.get(self._dateline_place.country, 0) >= top

    def _place(self, sdoc: Any, head: Any, sent: Any, layers: Layers, used: list[Any],
               etype: str, *, initiator: Span | None = None) -> Place | None:
        return choose_place(sdoc, head, sent, layers, used, etype, initiator=initiator,
                            headline=getattr(self, "_headline", False))

    @staticmethod
    def _casualty_only(d: _Draft) -> bool:
        """A violent mention that only reports victims: no place, no attacker, no weapon
        ("At least 25 people were injured, eight of them children.")."""
        if d.mention.type not in VIOLENT or d.location is not None:
            return False
        if d.actor1 is not None and d.actor1.sector not in ("CVL", None):
            return False
        return all(m.entry.id == "assault.kill" for m in d.mention.matches)

    def _assign_casualties(self, sent: Any, drafts: list[_Draft], layers: Layers,
                           last_violent: _Draft | None, si: int, *,
                           additive: bool = False) -> None:
        total = self._running_total(sent, layers)
        mentions = [c for c in layers.casualties.within(sent.start_char, sent.end_char)
                    if not (_running(c) and total) and not _war_scale(c)
                    and not getattr(c, "subset", False)]
        if not mentions:
            return
        violent = [d for d in drafts if d.mention.type in VIOLENT]
        if not violent:
            # a follow-up sentence: "Five people there were injured." (not history: "In late
            # January, the same group killed 30 villagers" tells another, older attack)
            history = any(_is_history(t) for t in layers.times
                          if sent.start_char <= t.span.start < sent.end_char)
            if last_violent is not None and si - last_violent.sent_index <= 2 and not any(
                    d.location is not None for d in drafts) and not history and \
                    not self._running_total(sent, layers):
                violent = [last_violent]
            else:
                return
        for c in mentions:
            target = min(violent, key=lambda d: abs(d.trigger.start - c.span.start))
            if additive and target.sent_index != si and c.count is not None:
                if c.outcome == "killed":
                    target.extra_killed += c.count
                else:
                    target.extra_injured += c.count
            else:
                (target.killed if c.outcome == "killed" else target.injured).append(c)
            target.evidence.append(Evidence("fatalities" if c.outcome == "killed"
                                            else "injuries", c.span))

    @staticmethod
    def _remember_actors(sent: Any, layers: Layers, last_actor: dict[str, Actor]) -> None:
        for hit in layers.actors.within(sent.start_char, sent.end_char):
            kind = getattr(hit, "kind", "")
            if hit.country is None and hit.sector != "IGO":
                continue  # "he" and "it" refer to someone whose side the text named
            if kind in ("person", "title"):
                last_actor["person"] = _to_actor(hit)
                last_actor["any"] = last_actor["person"]
            elif kind not in ("generic", "demonym"):
                last_actor["org"] = _to_actor(hit)
                last_actor["any"] = last_actor["org"]

    @staticmethod
    def _keep(d: _Draft) -> bool:
        if d.mention.type == "PROTEST" and d.actor1 is not None and (
                d.actor1.sector == "MIL" or d.actor1.sector in ("GOV", None) and d.actor1.country
                and (d.actor1.entry_id or "").split(":")[0] in ("country", "capital", "demonym")
                or d.actor1.sector == "GOV" and (d.actor1.entry_id or "").startswith("role:")) \
                and d.sent.doc[d.mention.head].lemma_.lower() in MARCH_VERBS | BLOCK_VERBS:
            return False  # "soldiers marched out of the plant", "the forces blocked traffic",
            #               "Israel blocked off roads": a state moving troops or closing roads,
            #               no protest
        a1 = d.actor1
        if d.mention.type == "REQUEST" and a1 is None and d.actor2 is None and all(
                m.entry.type == "REQUEST" for m in d.mention.matches):
            return False  # "international calls for an inquiry", "calling for reforms": a
            #               call with no one who calls and no one called on (a deontic "X
            #               must ..." is a request addressed to X: kept)
        if d.mention.type in SPEECH_TYPES and a1 is not None and a1.sector == "CVL" and \
                (a1.entry_id or "").startswith("role:") and \
                (a1.name or "").lower().rsplit(" ", 1)[-1] in PROTESTERS:
            return False  # "crowds accused Western governments", "protesters demanding ...":
            #               what a crowd shouts is its protest's content, no act of record
        if d.mention.type in ACTED_TYPES and d.actor1 is None and d.actor2 is None and \
                d.sent.doc[d.mention.head].pos_ in ("NOUN", "PROPN"):
            return False  # "hostilities led to a halt in trade": no actor of record acted
        if d.mention.type == "MOBILIZE" and _civil_services_move(d):
            return False  # "emergency services were mobilising to restore power",
            #               "volunteers were deployed to clear rubble": relief, no force
        if d.mention.type == "THREATEN" and d.actor2 is None and _advisory(d):
            return False  # "the maritime agency warned ships to stay alert": advice, no threat
        if d.mention.type == "ACCUSE" and _unattributed_blame(d.sent.doc[d.mention.head]):
            return False  # "the attack was blamed on the gang", "it is alleged that ...",
            #               "both sides have been blamed for attacks": the report's
            #               attribution with no accuser named, no accusation of record
        if d.mention.type == "CONSULT" and a1 is None and d.actor2 is None and \
                re.match(r"(?:spoke|speak|talk)", d.trigger.text, re.I):
            return False  # "Mr X, who spoke to a local paper by phone, said ...": an
            #               interview, no talks between parties of record
        if d.mention.type in ("RETREAT", "SUPPORT", "CONSULT") and _crowd_actor(a1):
            return False  # "demonstrators retreated towards the square", "the retirees, who
            #               were supported by fans": a crowd's moves in its protest, no
            #               withdrawal, support or visit of record
        a2 = d.actor2
        if d.mention.type == "REQUEST" and REINFORCEMENTS.match(
                d.sent.text[d.trigger.end - d.sent.start_char:]):
            return False  # "the unit called in more reinforcements": a force's own means
        if d.mention.type == "REQUEST" and "refuge" in d.trigger.text.lower() and (
                a2 is None or not a2.country) and (
                d.location is None or d.location.precision != "country"):
            return False  # "had sought refuge in a school": people fled, they asked no state
            #               (refuge in Germany asks Germany)
        if d.mention.type == "REQUEST" and a1 is not None and a2 is not None and \
                a2.sector == "CVL" and a1.sector in ("GOV", "MIL") and a1.country and \
                a2.country == a1.country:
            return False  # "the military urged all civilians to go to shelters": a state's
            #               instruction to its own people, no request between parties
        if d.mention.type == "CONSULT" and d.trigger.text.lower().startswith(
                ("arriv", "visit")) and (a2 is None or a2.country in (
                    None, getattr(a1, "country", None))) and (
                a1 is None or a1.sector not in ("GOV", "MIL", "IGO", "REB") or
                d.location is not None and d.location.country == a1.country):
            return False  # "when the rescuers arrived at the scene", "the minister visited a
            #               hospital in his own country": no trip of a party to another one
        if d.mention.type == "CONSULT" and d.trigger.text.lower().startswith("arriv") and \
                a1 is not None and (a1.name or " ").rsplit(" ", 1)[-1] in FORCE_NOUNS:
            return False  # "more riot police arrived", "troops arrived in the village": a
            #               force moving in, no visit to another party (a named group's
            #               delegation, "the Rapid Support Forces arrived for talks", visits)
        if d.mention.type == "COERCE" and a1 is not None and a1.sector in ("GOV", "MIL") and \
                a1.country and d.location is not None and d.location.country == a1.country and \
                EVACUATION.search(d.trigger.text) and (a2 is None or a2.country in (
                    None, a1.country)):
            return False  # "authorities ordered families to evacuate the city": a state moving
            #               its own people out of harm's way, not forced displacement
        if d.mention.type == "ACCUSE" and a2 is None and INQUIRY.search(d.trigger.text):
            return False  # "the incident is being investigated", "launched a probe into the
            #               failure": an inquiry that names no suspect accuses no party
        before = d.sent.text[:d.trigger.end - d.sent.start_char]
        if d.mention.type == "ACCUSE" and (a1 is None and _LEGAL_CHARGE.search(before) and not
                                           re.search(r"\bby\b", _PENALTY_BY.sub(
                                               "", d.sent.text[len(before):]))
                                           or _ARREST_GROUND.search(before)):
            return False  # "the man was accused of spying", "has been charged with treason",
            #               "detained on charges of sabotage": a suspect's charge with no
            #               accuser named (no "by" agent; "a crime punishable by life"
            #               names none), told of an arrest, not an
            #               accusation by a party
        if d.mention.type == "PROTEST" and a1 is not None and a1.sector in ("REB", "MIL") and \
                re.match(r"(?:block|barricad|seal)", d.trigger.text, re.I):
            return False  # "militants had blocked the highway", "armed men blocked the road":
            #               an armed party's blockade is part of its operation, not a protest
        if d.mention.type in OF_RECORD_TYPES and _ordinary_people(a1) and a1.country is None \
                and not _named_community(d, a1):
            return False  # "people sought medical help", "medics provided assistance",
            #               "villagers demanded justice": people who are no party (a state,
            #               an armed or political group, an official) make no such event
        if d.mention.type in DOMESTIC_TYPES and _ordinary_people(a2) and \
                (a2.name or "").lower().rsplit(" ", 1)[-1] in THE_PUBLIC and (
                    a1 is None or a1.sector in ("GOV", "MIL") and (
                        a2.country == a1.country or a2.country is None and (
                            d.location is None or d.location.country == a1.country)
                        and not _people_of_a_place(d, a2))):
            return False  # "the premier promised the country's citizens", "people were
            #               allowed to leave the shelters": a state and its own people
        if d.mention.type in ("REQUEST", "THREATEN") and a1 is not None and a2 is not None \
                and a2.sector == "CVL" and a2.country in (None, a1.country) and \
                a1.sector == "GOV" and (a1.entry_id or "").startswith("role:") and \
                (a2.name or "").lower().rsplit(" ", 1)[-1] in THE_PUBLIC:
            return False  # "local authorities warned residents of smoke and urged them to
            #               keep windows shut": an official's notice to the public, no threat
            #               or request between parties
        return True

    @staticmethod
    def _fill_countries(drafts: list[_Draft], actors: Sequence[Any]) -> None:
        """Armed actors named without a country ("the military", "militants") take the
        document's usual armed country (for forces) or the event's country (for armed groups);
        occupiers and invaders take the report's other armed country, never the place's."""
        counts: dict[str, int] = {}
        for a in actors:
            if getattr(a, "sector", None) == "MIL" and a.country:
                counts[a.country] = counts.get(a.country, 0) + 1
        usual = max(counts, key=lambda c: counts[c]) if counts else None
        named: dict[str, int] = {}  # every country a party of the report belongs to
        for a in actors:
            if a.country and getattr(a, "sector", None) != "IGO":
                named[a.country] = named.get(a.country, 0) + 1
        for d in drafts:
            a = d.actor1
            loc = d.location.country if d.location is not None else None
            if a is not None and a.sector == "REB" and loc and a.country != loc and \
                    not a.entry_id:
                # "Islamist militants" (a role word, not a named group) fight where they are
                d.actor1 = Actor(name=a.name, country=loc, sector="REB", span=a.span)
                continue
            if a is None or a.country is not None or a.sector not in ("MIL", "REB") or \
                    ENEMY.match(a.name or ""):
                continue  # (the enemy: see _attacker_prior)
            loc = d.location.country if d.location is not None else None
            if FOREIGN_FORCE.search(a.name or ""):
                # "the occupiers hit a building in Kharkiv": a force foreign to the place,
                # the report's other armed country (none when the report names no other)
                others = [c for c in sorted(named, key=lambda c: -named[c]) if c != loc]
                other = others[0] if others else OTHER_SIDE.get(loc or "")
                if loc and other:
                    d.actor1 = Actor(name=a.name, country=other, sector=a.sector,
                                     span=a.span, entry_id=a.entry_id)
                continue
            country = (usual or loc) if a.sector == "MIL" else (loc or usual)
            if country:
                d.actor1 = Actor(name=a.name, country=country, sector=a.sector, span=a.span,
                                 entry_id=a.entry_id)

    @staticmethod
    def _attacker_prior(drafts: list[_Draft]) -> None:
        """A violent event with no named attacker takes the document's usual attacker: the
        most frequent initiating country of its other violent events, when that country is
        not the one where the event happened ("shelling on Tuesday killed ..." in a report of
        Russian strikes on Ukrainian towns)."""
        counts: dict[str, int] = {}
        example: dict[str, Actor] = {}
        for d in drafts:
            if d.mention.type in VIOLENT and d.actor1 is not None and d.actor1.country and \
                    d.actor1.sector in ("MIL", "GOV", "REB", None):
                counts[d.actor1.country] = counts.get(d.actor1.country, 0) + 1
                example.setdefault(d.actor1.country, d.actor1)
        top = max(counts, key=lambda c: counts[c]) if counts else None
        for d in drafts:
            a1, loc = d.actor1, d.location.country if d.location is not None else None
            if a1 is not None and a1.country is None and ENEMY.match(a1.name or ""):
                # "the enemy shelled the market": the report's usual attacker, else the
                # other side of the place's war
                other = top if top is not None else OTHER_SIDE.get(loc or "")
                if other:
                    d.actor1 = Actor(name=a1.name, country=other, sector=a1.sector,
                                     span=a1.span, entry_id=a1.entry_id)
                continue
            if top is not None and d.mention.type in VIOLENT and a1 is None:
                if loc == top:
                    continue
                a = example[top]
                d.actor1 = Actor(name=a.name, country=a.country, sector="MIL", span=None,
                                 entry_id=a.entry_id)

    @staticmethod
    def _adversary(drafts: list[_Draft]) -> None:
        """A one-sided move in a war between two countries is aimed at the other one: when
        the report's violent and hostile events pit country A against country B, "Russia declared an
        Easter truce", "Moscow will hand over 6,000 bodies" or "the ministry accused Kyiv's
        forces" with no target of its own take the other side as target (PLOVER codes such
        moves dyadically); ground won back ("the army liberated two villages") is won from
        the other side's forces. Types that are acts of their own with no addressee (a
        mobilisation, an aid package) are left alone."""
        pairs: dict[tuple[str, str], int] = {}
        for d in drafts:
            if d.mention.type not in HOSTILE:
                continue
            a = d.actor1.country if d.actor1 is not None else None
            b = d.actor2.country if d.actor2 is not None else (
                d.location.country if d.location is not None and d.mention.type in VIOLENT
                else None)
            if a and b and a != b:
                key = (min(a, b), max(a, b))
                pairs[key] = pairs.get(key, 0) + 1
        if not pairs:
            # no dyad in the report: ground a state's forces won back at home was won from
            # the invader of a war in wars.csv ("Ukrainian forces recaptured Robotyne")
            for d in drafts:
                if d.actor2 is None and d.actor1 is not None and \
                        d.mention.type == "ASSAULT" and RETAKEN.search(d.trigger.text) and \
                        d.actor1.sector in ("GOV", "MIL", None):
                    foe = invader(d.actor1.country, _day(d))
                    if foe:
                        d.actor2 = Actor(name=f"Military forces ({foe})", country=foe,
                                         sector="MIL")
            return
        best = max(pairs, key=lambda k: pairs[k])
        if sorted(pairs.values())[-2:] == [pairs[best], pairs[best]] and len(pairs) > 1:
            return  # two wars told alike: no one dyad
        for d in drafts:
            if d.actor2 is not None or d.actor1 is None or not (
                    d.mention.type in DYADIC
                    or d.mention.type == "RETREAT" and TRUCE.search(d.trigger.text)
                    or d.mention.type == "ASSAULT" and RETAKEN.search(d.trigger.text)):
                continue
            own = d.actor1.country
            if own not in best or d.actor1.sector not in ("GOV", "MIL", None):
                continue
            other = best[1] if own == best[0] else best[0]
            d.actor2 = Actor(name=f"Military forces ({other})", country=other, sector="MIL") \
                if d.mention.type == "ASSAULT" else \
                Actor(name=f"Government ({other})", country=other, sector="GOV")

    def _finish(self, doc: Document, d: _Draft, layers: Layers) -> Event:
        text = doc.text
        s_start, s_end = d.sent.start_char, d.sent.end_char
        fatalities = _add(_count(d.killed, (s_start, s_end)), d.extra_killed)
        injuries = _add(_count(d.injured, (s_start, s_end)), d.extra_injured)
        victims: list[Victim] = []
        for c in d.killed + d.injured:
            victims.extend(c.victims)
        ranges = [(s_start, s_end)] + list(d.more)
        weapons = tuple(w for a, b in ranges for w in find_weapons(text, a, b)) \
            if d.mention.type in VIOLENT else ()
        damage = tuple(x for a, b in ranges for x in find_damage(text, a, b)) \
            if d.mention.type in VIOLENT else ()
        quotes = tuple(find_quotes(text, s_start, s_end))
        mode = d.mention.mode
        acled: tuple[str, str] | None = None
        etype = d.mention.type
        crowd_second = False
        if etype in VIOLENT and d.mention.nominal and d.trigger.text.lower().startswith(
                "strike") and LABOUR.search(d.sent.text):
            etype = "PROTEST"  # a workers' strike
            acled = ("Protests", "Peaceful protest")
        elif etype in VIOLENT and d.actor1 is not None and d.actor1.name and \
                d.actor1.span is not None and s_start <= d.actor1.span.start < s_end and \
                d.actor1.name.lower().split()[-1] in PROTESTERS:
            etype = "PROTEST"  # protesters attacking embassies: a riot, coded as a protest
            acled = ("Riots", "Violent demonstration")
        elif etype in VIOLENT and _crowd_clash(d):
            etype = "PROTEST"  # "police clashed with demonstrators": the demonstration turned
            acled = ("Riots", "Violent demonstration")  # violent, no deaths told with it
            crowd_second = True
        elif d.mention.type in VIOLENT and mode == "abduct":
            # a kidnapping: ACLED's abduction, whatever arms the kidnappers carried
            acled = ("Violence against civilians", "Abduction/forced disappearance")
        elif d.mention.type in VIOLENT:
            hint = acled_hint(list(weapons), d.sent.text)
            own = acled_without_means(d.trigger.text, "", d.actor1, d.actor2)
            if hint is not None and own[2] == "Air/drone strike" and \
                    hint[1] == "Explosions/Remote violence":
                hint = own  # "launched airstrikes" (with missiles): the trigger's own means
            if own[2] == "Non-state actor overtakes territory":
                hint = own  # a rebel group taking a place, whatever arms it fought with
            if hint is not None:
                mode = hint[0] or mode
                acled = (hint[1], hint[2])
            if acled is None:
                if mode == "firearms":
                    acled = ("Battles", "Armed clash")
                else:
                    words_mode, *pair = acled_without_means(
                        d.trigger.text, d.sent.text, d.actor1, d.actor2)
                    acled = (pair[0], pair[1])
                    mode = mode or words_mode
            if acled == ("Explosions/Remote violence", "Shelling/artillery/missile attack") \
                    and not weapons and d.actor1 is not None and (
                        d.actor1.sector == "REB" or d.actor1.sector is None and
                        d.actor1.country is None) and not remote_words(d.sent.text) and \
                    _civilians_only(d):
                # "jihadists attacked a village, killing 22 civilians": an armed group's attack
                # with no remote means named, on civilians, is no shelling but an Attack
                acled = ("Violence against civilians", "Attack")
                mode = None if mode == "heavy-weapons" else mode
            if acled == ("Battles", "Armed clash") and _civilians_only(d):
                # "bandits stormed the village, killing 12 residents", "a girl was wounded by
                # gunfire": armed men against unarmed people, no fighting told, is ACLED's
                # Violence against civilians / Attack, not a battle
                acled = ("Violence against civilians", "Attack")
        elif d.mention.type == "COERCE":
            # ACLED codes arrests and dispersals; border closures, bans, curfews it does not
            trig = d.trigger.text.lower()
            acled = ("Violence against civilians", "Abduction/forced disappearance") \
                if ABDUCTION.search(trig) else \
                ("Strategic developments", "Arrests") if ARRESTS.search(trig) else (
                ("Protests", "Protest with intervention") if CROWD_CONTROL.search(trig) else (
                    ("Riots", "Violent demonstration")
                    if d.mention.matches[0].entry.id == "coerce.property" and
                    _crowd_actor(d.actor1) else
                    ("Strategic developments", "Looting/property destruction")
                    if d.mention.matches[0].entry.id == "coerce.property" else None))
        elif d.mention.type == "RETREAT" and RELEASES.search(d.trigger.text):
            acled = ("Strategic developments", "Other")  # swaps, releases, resignations
        elif d.mention.type in DEFAULT_ACLED:
            acled = DEFAULT_ACLED[d.mention.type]
        if etype != d.mention.type:
            weapons, damage = (), ()
        actor1, actor2 = d.actor1, d.actor2
        if crowd_second and actor2 is not None and actor2.name and \
                actor2.name.lower().split()[-1] in CROWD_WORDS | CIVIL_GROUPS:
            actor1, actor2 = actor2, actor1  # the crowd is the protest's side
        elif crowd_second and actor1 is not None and actor1.name and \
                actor1.name.lower().split()[-1] in ORDER_NOUNS and (
                    actor2 is None or actor2.sector == "GOV"):
            actor1, actor2 = None, actor1  # "clashes between police and protesters": the
            #                                police are the side the crowd faced
        loc_country = d.location.country if d.location is not None else None
        # the people hit are the place's people, unless the place is held by the other side
        # ("Russian-occupied areas"): then their side is left open
        occupied = bool(OCCUPIED.search(d.sent.text))
        side = None if occupied and actor1 is not None and actor1.country == loc_country \
            else loc_country
        holder = invader(loc_country, _day(d)) if occupied and side is None else None
        if side and etype in VIOLENT and _fired_from(d.sent, d.trigger.start, d.location):
            side = None  # "a missile fired from Yemen toward a destroyer": the launch site's
            #              people are not the ones hit
        if etype in VIOLENT and actor1 is not None and actor1.country and \
                actor1.sector in (None, "GOV") and actor1.span is not None and \
                " " not in actor1.span.text.strip() and \
                (actor1.entry_id or "").split(":")[0] in ("country", "demonym", "capital"):
            # "Russia launched 89 drones", "a Russian attack": the state's armed forces
            actor1 = Actor(name=actor1.name, country=actor1.country, sector="MIL",
                           span=actor1.span, entry_id=actor1.entry_id)
        if etype in VIOLENT:
            battle = acled is not None and acled[0] == "Battles"
            hit = {v.kind for c in d.killed + d.injured for v in c.victims}  # who was hit
            if actor2 is None and battle:
                # a battle is fought with the other side's forces, not with civilians: the
                # place's army when the attacker is foreign or a rebel group, an armed group
                # of the country when it is the state's own forces, else unknown
                a1c = actor1.country if actor1 is not None else None
                a1s = actor1.sector if actor1 is not None else None
                if side and hit and hit <= {"police"} and (a1c not in (None, side)
                                                           or a1s == "REB"):
                    # "a policeman was killed in a gun attack by militants": the police
                    actor2 = Actor(name=f"Police forces ({side})", country=side, sector="GOV")
                elif side and (a1c not in (None, side) or a1s == "REB"):
                    actor2 = Actor(name=f"Military forces ({side})", country=side, sector="MIL")
                elif side and a1s in ("MIL", "GOV") and invader(side, _day(d)):
                    # "Ukrainian troops advanced south of Bakhmut": a state's forces at home
                    # in a war with an invader fight the invader's forces (wars.csv)
                    foe = invader(side, _day(d))
                    actor2 = Actor(name=f"Military forces ({foe})", country=foe, sector="MIL")
                elif side and a1s in ("MIL", "GOV"):
                    # "a gunfight between troops and militants": the state's forces at home
                    # fight an armed group of the country
                    actor2 = Actor(name=f"Armed group ({side})", country=side, sector="REB")
            elif actor2 is None and (side or holder) and MILITARY_TARGETS.search(d.sent.text) \
                    and not CIVILIAN_TARGETS.search(d.sent.text):
                # "drones struck the Engels air base": the place's forces were hit; in a place
                # "occupied" by a war's invader (wars.csv), the invader's forces
                foe = side or holder
                actor2 = Actor(name=f"Military forces ({foe})", country=foe, sector="MIL")
            elif actor2 is None and side and hit and hit <= {"soldier"} and \
                    (actor1 is None or actor1.country != side):
                # "one Ukrainian soldier killed in Donbas": the place's soldiers were hit
                actor2 = Actor(name=f"Military forces ({side})", country=side, sector="MIL")
            elif actor2 is None and side and hit and hit <= {"police"} and \
                    (actor1 is None or actor1.country != side or actor1.sector == "REB"):
                # "a grenade attack on a police station injured two constables"
                actor2 = Actor(name=f"Police forces ({side})", country=side, sector="GOV")
            elif actor2 is None and side:
                actor2 = Actor(name=f"Civilians ({side})", country=side, sector="CVL")
            elif actor2 is not None and actor2.country is None and \
                    actor2.sector in ("CVL", "MED") and side:
                # (journalists hit are the place's too: "a strike killed a journalist in X")
                actor2 = Actor(name=actor2.name, country=side, sector=actor2.sector,
                               span=actor2.span, entry_id=actor2.entry_id)
            elif actor2 is not None and actor2.country is None and \
                    actor2.sector in ("MIL", "GOV") and \
                    side and (actor1 is None or actor1.country != side
                              or actor1.sector == "REB"):
                # "gunmen killed six soldiers in a raid on a base near Damboa", "militants
                # killed three policemen in Bannu": soldiers, police or officials attacked by
                # someone else are the place's
                actor2 = Actor(name=actor2.name, country=side, sector=actor2.sector,
                               span=actor2.span, entry_id=actor2.entry_id)
            elif actor2 is not None and actor2.country is None and actor2.sector == "REB" \
                    and side and actor1 is not None and actor1.country is not None:
                # "security forces killed six militants in North Waziristan": fighters named
                # by no group or country are an armed group of the place (ACLED's
                # "Unidentified Armed Group (Pakistan)")
                actor2 = Actor(name=actor2.name, country=side, sector="REB",
                               span=actor2.span, entry_id=actor2.entry_id)
        elif actor2 is not None and actor2.country is None and actor2.sector == "CVL" and side \
                and etype in ("COERCE", "AID", "PROTEST"):
            actor2 = Actor(name=actor2.name, country=side, sector="CVL", span=actor2.span,
                           entry_id=actor2.entry_id)
        elif actor2 is None and side and etype == "COERCE" and (
                actor1 is None or actor1.sector in ("GOV", "MIL", "REB")):
            # "the army arrested four men in Burqa", "a curfew was imposed on Funtua": the
            # people a state's (or an armed group's) measure falls on are the place's
            actor2 = Actor(name=f"Civilians ({side})", country=side, sector="CVL")
        if etype == "COERCE" and loc_country and _crowd_actor(actor1) and \
                actor1.country is None:
            # "protesters set fire to a police station in Dhaka": the place's crowd
            actor1 = Actor(name=actor1.name, country=loc_country, sector="CVL",
                           span=actor1.span, entry_id=actor1.entry_id)
        if etype == "PROTEST" and loc_country:
            if actor1 is None or (actor1.country is None and actor1.sector in ("CVL", None)):
                actor1 = Actor(name=actor1.name if actor1 else f"Protesters ({loc_country})",
                               country=loc_country, sector="CVL",
                               span=actor1.span if actor1 else None)
            if actor2 is None:
                actor2 = Actor(name=f"Government ({loc_country})", country=loc_country,
                               sector="GOV")
            elif actor2.country is None and actor2.sector in ("GOV", "MIL"):
                # "officers began dispersing the rally": the place's police
                actor2 = Actor(name=actor2.name, country=loc_country, sector=actor2.sector,
                               span=actor2.span, entry_id=actor2.entry_id)
        evidence = list(d.evidence)
        for w in weapons:
            if w.span is not None:
                evidence.append(Evidence("weapon", w.span))
        for dm in damage:
            if dm.span is not None:
                evidence.append(Evidence("damage", dm.span))
        return Event(
            doc_id=doc.id, type=etype, trigger=d.trigger,
            sentence=_span(text, s_start, s_end), mode=mode,
            acled_event_type=acled[0] if acled else None,
            acled_sub_event_type=acled[1] if acled else None,
            actor1=actor1, actor2=actor2, location=d.location, date=d.date,
            fatalities=fatalities, injuries=injuries, victims=tuple(victims),
            weapons=weapons, damage=damage, quotes=quotes, confidence=d.confidence,
            evidence=tuple(evidence),
        )


# one-sided moves of a warring party that PLOVER codes towards the other party
DYADIC = frozenset({"CONCEDE", "THREATEN", "ACCUSE"})
HOSTILE = VIOLENT | {"ACCUSE", "THREATEN", "COERCE", "SANCTION", "REJECT"}
# what a force calls for from its own side: "called on more reinforcements", "air support"
REINFORCEMENTS = re.compile(r"^\s*(?:in\s+|for\s+|on\s+)?(?:more\s+|additional\s+|extra\s+)?"
                            r"(?:reinforcements|back-?up|air support|artillery support)\b", re.I)
# forces named as foreign to the place they act in
FOREIGN_FORCE = re.compile(r"\b(?:occupiers|occupying forces|occupation forces|invaders|"
                           r"aggressors?|invading forces)\b", re.I)
# "the enemy" is the speaker's: the report's usual attacker, else the other side of the
# place's war (a Russian-installed official in Donetsk calls Ukraine's army so)
ENEMY = re.compile(r"^(?:the\s+)?enemy\b", re.I)
# the other side of the war a foreign force fights in a country, when the report names no
# other party: "the occupiers shelled Kherson" (Russia), "the enemy attacked Belgorod"
# (Ukraine), "occupation forces raided Jenin" (Israel)
OTHER_SIDE = {"UKR": "RUS", "RUS": "UKR", "PSE": "ISR"}
# ground won back is won from the other side: "the army liberated two villages"
RETAKEN = re.compile(r"\b(?:liberat|recaptur|retak|retook|regain|reclaim|freed)", re.I)
TRUCE = re.compile(r"\b(?:cease-?fire|truce|armistice|pause|hand(?:ed|s|ing)? over|return(?:ed|s)?)\b",
                   re.I)
_CIVILIAN_KINDS = frozenset({"child", "civilian"})
# who is mobilised or deployed when it is relief, not force
_RELIEF_MOVERS = frozenset({
    "service", "services", "rescuer", "rescuers", "volunteer", "volunteers", "crew", "crews",
    "firefighter", "firefighters", "medic", "medics", "doctor", "doctors", "nurse", "nurses",
    "worker", "workers", "engineer", "engineers", "team", "teams", "brigade", "brigades",
    "fund", "funds", "resource", "resources", "aid", "ambulance", "ambulances", "equipment",
    "generator", "generators", "utility", "utilities", "electrician", "electricians"})
_RELIEF_WORDS = re.compile(r"\b(?:emergency|rescue|repair|relief|medical|fire|power|utility|"
                           r"humanitarian|volunteer|ambulance|road|energy)\b", re.I)



def _civil_services_move(d: "_Draft") -> bool:
    """The one mobilised or deployed (subject of the active or passive verb, or its object)
    is a relief body ("emergency services", "rescue teams", "repair brigades", "volunteers"),
    not an armed or state force."""
    head = d.sent.doc[d.mention.head]
    for t in list(head.children):
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        low = t.lower_
        if low not in _RELIEF_MOVERS:
            continue
        mods = " ".join(c.lower_ for c in t.children if c.dep_ in ("amod", "compound"))
        if low in ("volunteers", "volunteer", "rescuers", "rescuer", "firefighters",
                   "firefighter", "medics", "doctors", "nurses", "ambulances") or \
                _RELIEF_WORDS.search(mods):
            return True
    return False


def _civilians_only(d: "_Draft") -> bool:
    """The people hit are civilians only (children, civilians; people of no kind too when no
    state force attacked), the target named is no armed side, and the sentence tells no
    fighting and no capture."""
    kinds = {v.kind for c in d.killed + d.injured for v in c.victims}
    a1s = d.actor1.sector if d.actor1 is not None else None
    a2s = d.actor2.sector if d.actor2 is not None else None
    civil = bool(kinds) and (kinds <= _CIVILIAN_KINDS or (
        kinds <= _CIVILIAN_KINDS | {"person", "official"} and a1s in (None, "REB")))
    if not kinds and a1s == "REB" and SOFT_TARGETS.search(
            d.sent.text[d.trigger.start - d.sent.start_char:]):
        civil = True  # "gunmen opened fire on a bar", "attacked a crowded market"
    # a mayor, a councillor or a social leader shot by gunmen bears no arms: a civilian in
    # ACLED's coding (police do: an armed force)
    unarmed_official = a2s == "GOV" and bool(kinds) and not POLICE_WORDS.search(
        d.actor2.name or "")
    if not ((a2s == "CVL" or unarmed_official) and (not kinds or civil)
            or a2s is None and civil):
        return False
    text = d.sent.text
    a1 = d.actor1.span if d.actor1 is not None else None
    if a1 is not None and d.sent.start_char <= a1.start < a1.end <= d.sent.end_char:
        # (the attacker's own name, "suspected militants attacked", tells no fighting)
        at = a1.start - d.sent.start_char
        text = text[:at] + " " * (a1.end - a1.start) + text[at + a1.end - a1.start:]
    return not fighting_told(text) and not capture_told(d.trigger.text)


def _day(d: "_Draft") -> date | None:
    """The event's most likely day (else the window's end) for date-bound tables."""
    w = d.date
    return (w.best or w.latest) if w is not None else None


def _unattributed_blame(head: Any) -> bool:
    """A passive of blaming or alleging with no by-agent: "was blamed on", "have been
    blamed for", "it is alleged that" (a passive "accused of" stays: PLOVER codes "has been
    accused of misusing funds" as an accusation)."""
    if head.lemma_.lower() not in ("blame", "allege") or not any(
            c.dep_ == "auxpass" for c in head.children):
        return False
    return not any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                   for c in head.children)


def _crowd_actor(actor: Actor | None) -> bool:
    """A crowd as the actor: "protesters set fire to a police station", "rioters torched
    cars" (ACLED codes a crowd's destruction of property as a violent demonstration)."""
    return actor is not None and actor.sector in ("CVL", None) and bool(actor.name) and \
        actor.name.lower().split()[-1] in CROWD_WORDS


# crowds that are no protesters by name ("a mob torched the shops")
CROWD_NOUNS = frozenset({"rioters", "mob", "mobs", "crowd", "crowds", "youths", "looters"})
CROWD_WORDS = PROTESTERS | CROWD_NOUNS  # a crowd by any name
CROWD_CONTROL = re.compile(r"dispers|tear gas|water cannon|rubber bullet|stun grenade")
MARCH_VERBS = frozenset({"march", "parade", "rally", "gather", "walk"})
WARNING_VERBS = frozenset({"warn", "caution", "alert"})
CONSEQUENCE = re.compile(r"\b(?:consequences?|retaliat\w*|respon(?:d|se)|price|pay|punish\w*|"
                         r"revenge|reprisals?|force|strike|attack|war|tolerate|allow|permit|"
                         r"action|measures|crack\s*down)\b", re.I)


BLOCK_VERBS = frozenset({"block", "close", "barricade", "seal"})
# measures someone takes: a noun naming one with no one taking it and no one it is taken
# against is no event
ACTED_TYPES = frozenset({"SANCTION", "REJECT", "SUPPORT", "AGREE"})


_SENTENCE_END = re.compile(r"[.!?…\"”’)\]]\s*$")


def _cut_sentence(text: str, sents: Sequence[Any], structure: DocStructure | None
                  ) -> int | None:
    """Index of the last sentence when the text breaks off inside it (a cut excerpt): the
    text has more than one line and its last sentence ends on no sentence punctuation."""
    if "\n" not in text.strip() or not sents:
        return None
    k = len(sents) - 1
    while k >= 0 and not sents[k].text.strip():
        k -= 1
    if k <= 0:
        return None
    last = sents[k]
    if structure is not None and (structure.in_title(last.start_char)
                                  or structure.skipped(last.start_char, last.end_char)):
        return None
    return None if _SENTENCE_END.search(last.text) else k


def _predicate_cut(sent: Any, head: Any) -> bool:
    """No verb follows the nominal trigger before the cut word (the last token)."""
    toks = [t for t in sent if t.i > head.i and not t.is_space]
    return not any(t.pos_ in ("VERB", "AUX") for t in toks[:-1])


def _advisory(d: _Draft) -> bool:
    """A warning with no one it is aimed at and no harm the speaker would do is advice or a
    forecast, not a threat (PLOVER THREATEN needs a target): "the agency warned ships in the
    area to report anything suspicious", "the campaign group warned that such a deployment
    risks escalation". A warning that names a consequence ("warned of a harsh response")
    stays."""
    doc = d.sent.doc
    tok = doc[d.mention.head]
    if tok.lemma_.lower() not in WARNING_VERBS or len(d.mention.matches) > 1:
        return False
    tail = doc[tok.i:d.sent.end].text
    said = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
    if said is not None:  # a fronted quotation is what was warned: ""... will carry severe
        #                  consequences," the official warned"
        tail = doc[said.left_edge.i:said.right_edge.i + 1].text + " " + tail
    return not CONSEQUENCE.search(tail)


def _count(mentions: Sequence[CasualtyMention],
           sentence: tuple[int, int] | None = None) -> int | None:
    """One figure from the casualty mentions of one event: a revised toll wins, then the
    largest stated count, except that the tolls of two sides told in the event's own
    ``sentence`` add up; 0 only when the text says nobody; None when no number is given."""
    if not mentions:
        return None
    revised = [m.count for m in mentions if m.revised and m.count is not None]
    if revised:
        return revised[-1]
    counted = [m for m in mentions if m.count is not None]
    if not counted:
        return None
    sides = {_side(m) for m in counted}
    if len(sides) > 1 and None not in sides and sentence is not None and all(
            sentence[0] <= m.span.start and m.span.end <= sentence[1] for m in counted):
        # "Twelve soldiers were killed and six militants were killed": the tolls of two
        # sides add up (ACLED counts every death of the event); a side told twice counts
        # once; tolls from other sentences may come from other sources, so they do not add
        return sum(max(m.count for m in counted if _side(m) == side) for side in sides)
    return max(m.count for m in counted)


# victim kinds by the side they fall on: state forces, armed groups, people outside the fight
_SIDE_OF_KIND = {"soldier": "state", "police": "state", "fighter": "armed group",
                 "civilian": "civilian", "child": "civilian", "journalist": "civilian",
                 "medic": "civilian", "rescuer": "civilian", "aid_worker": "civilian",
                 "official": "civilian"}


def _side(m: CasualtyMention) -> str | None:
    """The one side a casualty mention's victims fall on; None when it names none or more
    than one ("people", "soldiers and civilians")."""
    sides = {_SIDE_OF_KIND.get(v.kind) for v in m.victims}
    return sides.pop() if len(sides) == 1 else None


def _own_side(subject: Any) -> bool:
    """ "it", "they", "its troops", "our forces": the speaker's side."""
    if subject.lower_ in ("it", "they", "we"):
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subject.children)


def _borrowed(window: DateWindow, sent: Any) -> bool:
    """The window came from before the sentence (carried) or from the publication date."""
    if window.span is None:
        return window.rule in ("published", "default", "")
    return window.span.start < sent.start_char


# what a threat says someone will suffer: "grave consequences for Tehran"
THREAT_OUTCOMES = frozenset({"consequence", "price", "response", "retaliation", "punishment",
                             "retribution", "reprisal", "cost"})
FLASHBACK_DAYS = 7
# units that move in rather than visit: their arrival is no meeting
FORCE_NOUNS = frozenset({"police", "troops", "soldiers", "forces", "officers", "units",
                         "reinforcements", "policemen", "gendarmes", "militiamen",
                         "fighters", "convoy", "paratroopers", "marines"})
# verbs whose object names an act done before them: "claimed on Sunday an attack that hit a
# ship", "claimed responsibility for the bombing", "confirmed on Monday the death of a soldier"
CLAIM_LEMMAS = frozenset({"claim", "confirm", "report", "acknowledge", "admit"})
# nouns of a death whose "of" complement or possessor names who died, never who killed
DEATH_NOUNS = frozenset({"death", "martyrdom", "demise"})
# prepositions that introduce the target or the place of a nominal attack
TARGET_PREPS = frozenset({"on", "against", "at", "in", "near", "into", "upon", "inside"})
# prepositions of what an attack is aimed at ("an attack on", "strikes against")
AIMED_PREPS = frozenset({"on", "against", "at", "upon", "into", "towards", "toward"})


# a fight of two sides, neither of them the other's target alone
_RECIPROCAL = re.compile(r"\b(?:clash\w*|fought|fight\w*|battl\w*|exchang\w*|skirmish\w*)\b",
                         re.I)


def _between_parties(verb: Any, subject: Any) -> Any:
    """The first party of "between X and Y" on a passive verb or on its subject noun ("an
    agreement was reached between X and Y", "talks were held between X and Y")."""
    for holder in (verb, subject):
        if holder is None:
            continue
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _flashbacks(times: Sequence[TimeMention]) -> list[tuple[int, int]]:
    """Times that step back more than a week before a time the text told earlier ("killed 25
    people on Friday. The army restarted its campaign on March 2, ... Four members of one
    family were killed"): they date their own sentence, and the sentences after them do not
    inherit them (nor an older time behind them)."""
    out: list[tuple[int, int]] = []
    latest: date | None = None
    for t in sorted(times, key=lambda t: t.span.start):
        if t.relation == "future" or t.background:
            continue
        if latest is not None and (latest - t.latest).days > FLASHBACK_DAYS:
            out.append((t.span.start, t.span.end))
        latest = t.latest if latest is None else max(latest, t.latest)
    return out


def _time_of_telling(sdoc: Any, span: Any) -> bool:
    """The time expression dates a telling ("officials said on Tuesday", "the latest figures
    were provided on Tuesday"), not an event: a later sentence does not inherit it."""
    tokens = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    cur = tokens.root
    for _ in range(3):  # "on Tuesday" -> "on" -> the verb
        if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
            break
        cur = cur.head
    if cur.pos_ not in ("VERB", "AUX"):
        return False
    lemma = cur.lemma_.lower()
    if lemma in SAY_LEMMAS:
        return True
    return lemma in ("provide", "give", "release", "publish", "update") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in TOLD_THINGS
        for c in cur.children)


def _in_subordinate_clause(sdoc: Any, span: Any) -> bool:
    """The time expression lies in a participle or relative clause on a noun ("a call held
    last week", "the strike that hit the port on Monday"), not in its sentence's main
    clause."""
    tokens = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    cur = tokens[0]
    for _ in range(10):
        if cur.dep_ in ("acl", "relcl"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


INCEPTION_VERBS = frozenset({"begin", "start", "erupt", "break", "spark", "ignite", "flare"})
ONGOING_NOUNS = frozenset({"protest", "demonstration", "unrest", "war", "conflict", "fighting",
                           "crisis", "uprising", "revolt", "rally", "movement", "strike",
                           "wave", "violence", "clash", "offensive", "campaign", "insurgency"})


def _dates_an_inception(sdoc: Any, span: Any) -> bool:
    """The time expression dates when an ongoing situation began ("the protests began last
    month", "the war that started in 2022"): the start of what still goes on, which later
    sentences telling its latest events do not inherit."""
    tokens = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    cur = tokens.root
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.lemma_.lower() not in INCEPTION_VERBS:
        return False
    if cur.lemma_.lower() == "break" and not any(c.dep_ == "prt" and c.lower_ == "out"
                                                 for c in cur.children):
        return False
    subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and cur.dep_ == "relcl":
        subj = cur.head  # "the war that started in 2022"
    return subj is not None and subj.lemma_.lower() in ONGOING_NOUNS


def _times_own_clause(sdoc: Any, span: Any, trigger: Any) -> bool:
    """The time expression ``span`` modifies the trigger's own clause (its verb, or the
    trigger itself), not a phrase or clause beside it."""
    tokens = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    verb = args.clause_verb(trigger)
    root = tokens.root  # "weeks" of "in recent weeks": its preposition hangs on the clause
    head = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    return head.i in (trigger.i, verb.i)


def _dates_the_report(sdoc: Any, span: Any, trigger: Any) -> bool:
    """The time expression ``span`` modifies a verb of saying whose reported clause holds the
    trigger ("reported on Saturday that ten soldiers were killed"), not the event itself."""
    tokens = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    cur = tokens[0]
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
    if cur.lemma_.lower() not in SAY_LEMMAS or cur.i == trigger.i or tokens[0].i < cur.i and \
            not (subjects and subjects[0].i < tokens[0].i):
        return False  # (a time before the verb and its subject dates the told event: "On
        #               Saturday, the governor said, troops shelled the town"; between them
        #               it dates the saying: "the governor on Saturday said ...")
    clause = trigger
    for _ in range(8):
        if clause.head.i == cur.i:
            return clause.dep_ in ("ccomp", "xcomp", "parataxis") or \
                clause.dep_ == "dobj" and cur.lemma_.lower() in CLAIM_LEMMAS
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


def _claimer(trigger: Any) -> Any | None:
    """The subject of "claim" when the trigger is in what is claimed: its object ("claimed
    an attack which hit a ship") or the object's "for" phrase ("claimed responsibility for
    the bombing")."""
    cur = trigger
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.lemma_.lower() == "claim" and head.pos_ == "VERB":
            if cur.dep_ != "dobj":
                return None
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
        if cur.dep_ not in ("relcl", "pobj", "prep", "dobj", "nsubj", "compound", "amod",
                            "conj"):
            return None
        cur = head
    return None


def _war_scale(c: Any) -> bool:
    """"Over 80,000 people have been hurt": a count only a war's running toll reaches, told
    with or without "since the war began"."""
    return c.count is not None and c.count >= WAR_SCALE


def _running(c: Any) -> bool:
    """A running total over a long period ("12 soldiers killed since early May"): many
    events told as one count. A total of one is one event, however long its window ("one
    soldier killed amid attacks since Monday")."""
    return bool(c.cumulative) and c.count != 1


def _is_history(t: TimeMention) -> bool:
    """A time phrase that places its clause in the past of the report: "in February 2022",
    "since the war began" (not "since the beginning of the day")."""
    return t.background or (t.relation == "since" and (t.latest - t.earliest).days > 7)


def _add(count: int | None, extra: int) -> int | None:
    if not extra:
        return count
    return (count or 0) + extra


def _to_actor(hit: Any) -> Actor:
    return Actor(name=hit.name, country=hit.country, sector=hit.sector, span=hit.span,
                 entry_id=getattr(hit, "entry_id", None))
