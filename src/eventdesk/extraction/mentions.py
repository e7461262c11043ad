"""Event mentions: one trigger (or several of one event) in one sentence, before arguments.

A sentence's trigger matches are filtered by modality (negation, future, hypothetical,
embedded content, background history) and grouped: matches of the same PLOVER type in one
clause name one event ("struck ..., killing two and wounding nine").
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventdesk.extraction.arguments import headline_verb, misparsed_gerund_subject
from eventdesk.extraction.dep_patterns import DepPattern
from eventdesk.extraction.lexicon import Lexicon, TokenView, TriggerMatch
from eventdesk.extraction.modality import is_embedded_content, modality
from eventdesk.extraction.timex_patterns import MONTHS
from eventdesk.extraction.rules import (
    DEAL_NOUNS, DEAL_PROVIDE_VERBS, DEAL_PROVIDES, ITERATED, MET_NOT_PARTY, SAY_LEMMAS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan

NOUN_LIKE_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "compound", "appos"})
# Future actions that are promises or offers of a concession, not threats.
ASSAULT_FUTURE_TYPE = "THREATEN"


@dataclass(slots=True)
class Mention:
    """An event mention in one sentence (mutable while arguments are attached)."""

    type: str
    matches: list[TriggerMatch]
    head: int  # doc token index of the main trigger token
    nominal: bool
    weight: float
    mode: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(m.start for m in self.matches)

    @property
    def end(self) -> int:
        return max(m.end for m in self.matches)


def token_views(sent: "SpacySpan") -> list[TokenView]:
    views = []
    titled = _title_case(sent)
    for t in sent:
        pos = t.pos_
        lemma = t.lemma_.lower()
        if pos == "VERB" and t.dep_ in NOUN_LIKE_DEPS and t.tag_ in ("NNS", "NN", "VBG"):
            pos = "NOUN"
        elif pos == "VERB" and t.tag_ == "VBN" and t.dep_ in ("pobj", "nsubj", "dobj"):
            pos = "NOUN"  # "dozens of wounded"
        elif titled and pos == "PROPN" and t.is_alpha:
            # "Rebels Ambushed Army Convoy Near Gao": in a title-case headline the tagger
            # reads words as proper nouns; the English lemma tables say what they are
            guess = _guess_lemma(t.doc.vocab, t.lower_)
            if guess is not None:
                lemma, pos = guess
        elif pos == "NOUN" and headline_verb(t):
            pos, lemma = "VERB", t.lower_
        lower = t.lower_
        if lower == "fire" and t.i >= 2 and t.doc[t.i - 1].text == "-" and \
                t.doc[t.i - 2].lower_ == "cease" and not t.doc[t.i - 1].whitespace_:
            lower = lemma = "ceasefire"  # "cease-fire", split by the tokenizer, is one word
        views.append(TokenView(lower, lemma, pos, t.i))
    return views


_TITLE_SMALL = frozenset({"with", "from", "into", "over", "after", "amid", "near", "than",
                          "upon", "onto", "about", "against", "during", "without"})


def _title_case(sent: "SpacySpan") -> bool:
    """A headline in title case: every word of four letters or more is capitalised."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) >= 4
             and t.lower_ not in _TITLE_SMALL]
    return len(words) >= 3 and all(w[0].isupper() for w in words) and not all(
        w.isupper() for w in words)


_LEMMA_TABLES: dict[int, Any] = {}


def _guess_lemma(vocab, lower: str) -> tuple[str, str] | None:
    """(lemma, coarse POS) of an English word out of context, from the spaCy lemmatizer's
    own tables (exceptions, suffix rules, known lemmas): a verb reading first ("ambushed" ->
    ambush), then a noun reading ("strikes" -> strike); None for a word they do not know."""
    tables = _LEMMA_TABLES.get(id(vocab))
    if tables is None:
        tables = _LEMMA_TABLES[id(vocab)] = _lemma_tables()
    if tables is None:
        return None
    exc, rules, index = tables
    for pos, upos in (("verb", "VERB"), ("noun", "NOUN")):
        if lower in exc.get(pos, {}):
            return exc[pos][lower][0], upos
        for old, new in rules.get(pos, ()):
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if form in index.get(pos, ()):
                    return form, upos
        if lower in index.get(pos, ()):
            return lower, upos
    return None


def _lemma_tables() -> tuple[dict, dict, dict] | None:
    from eventdesk.annotate.nlp import load_nlp

    try:
        lookups = load_nlp().get_pipe("lemmatizer").lookups
        exc = lookups.get_table("lemma_exc")
        rules = lookups.get_table("lemma_rules")
        index = lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return None
    return ({p: dict(exc[p]) for p in ("verb", "noun") if p in exc},
            {p: list(rules[p]) for p in ("verb", "noun") if p in rules},
            {p: frozenset(index[p]) for p in ("verb", "noun") if p in index})


def _final_type(match: TriggerMatch, sent: "SpacySpan", heads: dict[int, str], *,
                headline: bool = False) -> str | None:
    """The type this match stands for after modality, or None to drop it."""
    doc = sent.doc
    tok = doc[match.head]
    entry = match.entry
    mod = modality(tok)
    if mod.negated and (mod.conditional or mod.hypothetical) and \
            entry.type not in ("THREATEN", "REQUEST"):
        return None  # "if the rebels did not sign the accord": a negated supposition is no event
    if mod.negated and not any(t.words & NEGATION_WORDS for t in match.pattern.tests):
        return entry.negated  # (a pattern that spells its negation, "not bound by", keeps it)
    if entry.type == "NONE":
        return None
    if _courtesy(tok):
        return None  # "offered condolences to the families": a courtesy, not an offer
    if entry.type != "ASSAULT" and _nothing_given(tok):
        return None  # "offered no evidence", "gave no details": nothing was done
    if entry.type == "CONSULT" and _met_no_party(tok):
        return None  # "met stiff resistance", "the plan met criticism": no meeting
    if entry.type == "ASSAULT" and _repatriated_dead(tok):
        return None  # "received the bodies of 900 soldiers killed in the fighting": the dead
        #              handed back, not an attack the report tells
    if entry.id == "assault.repel" and any(c.dep_ in ("dobj", "nsubjpass") and
                                           c.lemma_.lower() in PLOT_NOUNS
                                           for c in tok.children):
        return None  # "foiled a plot to attack the airfield": a plan stopped, no attack
    if entry.type == "RETREAT" and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and \
            tok.head.lower_ in ("before", "after"):
        return None  # "raided the camp and arrested a man before withdrawing": the end of
        #              another act told in a gerund clause of time, no withdrawal of record
    if _told_before(tok):
        return None  # "the town had previously been shelled", "prosecutors previously
        #              established that the army launched an attack": earlier news
    if entry.type == "ASSAULT" and _riot_control_means(match, tok):
        return None  # "fired tear gas shells at marchers", "tear gas shelling": means of
        #              crowd control (the protest's intervention), no shelling
    if entry.type == "ASSAULT" and _filming(tok):
        return None  # "the man who shot the video": filming, not shooting
    if entry.type == "ASSAULT" and _cease_fire(tok):
        return None  # "ways to cease fire", "hold fire": a stop to fire, not fire
    if entry.type == "ASSAULT" and _halted(tok):
        return None  # "a plan to halt fighting", "an end to the attacks": what is stopped
    if entry.type == "ASSAULT" and _blaze(tok):
        return None  # "the strike started a fire at the depot": a blaze, not gunfire
    if entry.type == "ASSAULT" and (_served_for(tok) or _named_battle(tok)
                                    or _clash_of_views(tok) or _fights_a_thing(tok)
                                    or _measure_targets(tok) or _executes_an_act(tok)
                                    or _harms_an_abstraction(tok)):
        return None  # "who fought for Ukraine", "the Battle of Kosovo", "clashes over trade",
        #              "firefighters battled the blaze", "the arrests targeted activists",
        #              "executed the swap", "destroyed relations with Riga"
    if tok.pos_ == "NOUN" and any(c.lower_ == "such" and c.dep_ in ("predet", "amod", "det")
                                  for c in tok.children):
        return None  # "the toll of such an assault", "such attacks": a kind, not one event
    if entry.type == "RETREAT" and (_withdrawn_from_a_roll(tok) or _released_a_thing(tok)):
        # "the withdrawal of the group from the list", "released a video showing soldiers"
        return None
    if entry.type in ("ASSAULT", "COERCE") and not headline and (
            _ongoing_since(tok) or _tally_perfect(tok) or _standing_progressive(tok)
            or _record_of(tok)):
        return None  # "has been trading fire since March", "have hit dozens of
        #              tankers", "the rebels have been targeting convoys", "a history of
        #              targeting workers": a state of things, a running tally or a record,
        #              not one event
    if entry.type == "CONSULT" and tok.lemma_.lower() == "call" and any(
            c.dep_ in ("oprd", "ccomp", "attr") for c in tok.children):
        return None  # "called the president a liar": a name given, not a phone call
    if not headline and _as_background(tok, match):
        return None  # "As Kyiv negotiates a peace deal, soldiers face ...": the backdrop
    if _in_order_to(tok):
        return None  # "targets ships in order to protest the war": a stated aim
    if entry.type not in VIOLENT_TYPES and _aim_of_effort(tok):
        return None  # "negotiations to reach a ceasefire deal", "efforts to end the war":
        #              what a diplomatic effort aims at, not yet done
    if entry.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "MOBILIZE") and \
            tok.pos_ == "NOUN" and \
            tok.dep_ == "pobj" and tok.head.lower_ in BACKDROP_PREPS:
        return None  # "despite calls for early elections", "clashes broke out over demands
        #              for higher pay", "amid accusations of fraud", "despite the deployment
        #              of troops": the setting of another act, no event of record
    if entry.type == "MOBILIZE" and _deploys_crowd_control(tok):
        return None  # "security forces deployed pepper spray and water cannon": means used on
        #              a crowd (the protest's intervention), no force mobilised
    if entry.type == "SUPPORT" and _signs_a_peace(tok):
        return "AGREE"  # "signed a pact in Doha to end the fighting", "signed the accord
        #                Qatar brokered": a peace signed is agreed to (other treaties
        #                signed stay SUPPORT, as in the PLOVER manual)
    if entry.type == "CONSULT" and _visits_no_party(tok):
        return None  # "visited survivors in hospital", "visited the site of the blast": a
        #              visit to victims or a scene, no meeting of parties
    if entry.type == "AID" and _unnamed_relief(tok):
        return None  # "victims are being provided with assistance": relief with no provider
        #              named, no aid between parties of record
    if entry.type == "REQUEST" and _calls_a_protest(tok):
        return None  # "the party called for a rally in the capital": a call to demonstrate
        #              (the rally is the event when it is held), no demand on a party
    if entry.type == "AGREE" and _promises_information(tok):
        return None  # "the mayor promised to give details later": news promised, no
        #              commitment to another party
    if entry.type == "CONSULT" and _attackers_arrive(tok):
        return None  # "the attackers arrived in two vehicles": how a raid began, no visit
    if entry.type == "COOPERATE" and _domestic_joint_operation(tok):
        return None  # "a joint search operation by the army and police": one state's forces
        #              working together, no cooperation between parties of record
    if entry.type == "COERCE" and _booty(tok):
        return None  # "seized rifles from the base they overran": the spoils of a
        #              battle (the capture is the event), no confiscation
    if entry.type == "MOBILIZE" and _polices_a_gathering(tok):
        return None  # "600 police were deployed to oversee the march": a demonstration
        #              policed (its own event), no force mobilised
    if entry.type == "MOBILIZE" and _sent_to_the_scene(tok):
        return None  # "more officers were sent to the area", "soldiers mobilised to the
        #              village": the response at the scene of an incident the report
        #              tells, no force mobilised
    if entry.type == "MOBILIZE" and _reinforcements_not_sent(tok):
        return None  # "waiting for reinforcements", "attacked regime reinforcements": troops
        #              awaited or hit, not a force sent (the sending verb is its own trigger)
    if entry.type == "AGREE" and _agrees_with_a_view(tok):
        return None  # "all the participants agree that Russia is dragging out the war": a
        #              shared opinion, no agreement between parties
    if entry.type == "PROTEST" and _month_march(tok):
        return None  # "Updated March 1, 2024", "in March 2023": the month
    if entry.type == "AGREE" and _pledged_reprisal(tok):
        return None  # "pledged a tough response": a threat (trigger threaten/pledged-reprisal)
    if entry.type == "THREATEN" and _forecast(tok):
        return None  # "warned the toll could climb further": a forecast, not a threat
    if entry.type not in ("ASSAULT", "PROTEST") and _vague_subject(tok):
        return None  # "Some nations have refused to adopt the name": no actor of record
    if entry.type == "CONSULT" and _speaks_to_the_press(tok):
        return None  # "an engineer, who talked to Reuters without being named", "the
        #              minister spoke to reporters": a source talking to the press, no meeting
    if entry.type == "CONSULT" and tok.dep_ in ("pobj", "conj") and _flooded_with(tok):
        return None  # "lawmakers were inundated with phone calls": pressure, not talks
    if entry.type == "CONSULT" and _reaction_met(tok):
        return None  # "the outcome was met with skepticism": a reaction, not a meeting
    if entry.type == "PROTEST" and match.pattern.nominal and tok.dep_ == "dobj" and \
            tok.head.lemma_.lower() in ANNOUNCED_PROTEST_VERBS:
        return None  # "Vesna announced protests across Russia", "the union planned a
        #              strike": a protest called for, not yet held
    if entry.type == "PROTEST" and tok.lemma_.lower() == "demonstrate" and any(
            c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return None  # "demonstrated its ability to strike", "demonstrated that ...": shown
    if entry.type == "REQUEST" and _question_put(tok):
        return None  # "When asked how he would respond, ...": a question put to a speaker
    if entry.type == "REQUEST" and _anonymity_asked(tok):
        return None  # "she told AFP, asking for anonymity": a source's condition, no demand
    if entry.type == "REQUEST" and tok.tag_ == "VBN" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None  # "refused to resign as demanded": the demand told before
    if entry.type in AIMED_TYPES and tok.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
            tok.head.lemma_.lower() in AIM_HEADS and tok.i > tok.head.i:
        return None  # "conducting talks in Doha to reach a deal": an aim of the talks, not
        #              reached
    if _long_span_of(tok):
        return None  # "three years of fighting", "weeks of shelling": the state of the war
    if match.pattern.nominal and _sequel_of(tok):
        return None  # "The latest attack follows explosions at ...": the earlier events
    if match.pattern.nominal and entry.type in ("CONSULT", "AGREE") and _time_adjunct(tok):
        return None  # "after a heated meeting", "ahead of Sunday's talks": another time
    if mod.scheduled:
        return None
    if entry.type == "AID" and _care_for_casualties(tok):
        return None  # "paramedics provided assistance to the wounded", "the injured were
        #              provided with medical help at the scene": care, no aid between parties
    if entry.type == "COOPERATE" and _helps_an_inquiry(tok):
        return None  # "the detainee is cooperating with investigators": a suspect's conduct
        #              in a case, not cooperation between parties
    if entry.type == "MOBILIZE" and _recruited_agent(tok):
        return None  # "the suspect was recruited by a foreign service": an agent enlisted
    if entry.type == "MOBILIZE" and _weapons_deployed(tok):
        return None  # "the militia deployed suicide drones against the city": the attack's means
    if match.pattern.nominal and _attempt_at(tok):
        return None  # "despite attempts at mediation": tried, not held
    if match.pattern.nominal and tok.dep_ == "compound" and \
            tok.head.lemma_.lower() in EQUIPMENT_HEADS:
        return None  # "riot police", "riot gear", "protest marshals": a kind of unit or kit
    if match.pattern.nominal and tok.dep_ == "compound" and \
            tok.head.lemma_.lower() in MEDIA_HEADS:
        return None  # "the channel that aired the raid video", "strike footage": a recording,
        #              its event is told (or not) where the report tells it
    if match.pattern.nominal and _site_of(tok):
        return None  # "people inspect the site of an air strike": a scene, told elsewhere
    if match.pattern.nominal and _open_to(tok):
        return None  # "he is open to a meeting with Putin": a readiness, not a meeting
    if match.pattern.nominal and entry.type in ("CONSULT", "AGREE") and _called_off(tok):
        return None  # "suspended peace talks with the ELN", "the summit was cancelled": the
        #              stop is the event (SANCTION, where the lexicon has it), not a meeting
    if entry.type not in VIOLENT_TYPES and _attempted(tok):
        return None  # "have been trying to mediate a deal" (an attempted attack is still
        #              an attack in ACLED's codebook, so violent types keep it)
    if _before_present(tok) or match.pattern.nominal and (
            tok.dep_ in ("dobj", "nsubj") and _before_present(tok.head)
            or tok.dep_ == "pobj" and _before_present(tok.head.head)):
        return None  # "days before Brazil hosts the summit", "before the army proceeds with
        #              an assault on the city": not yet
    if _open_question(tok):
        return None  # "questioned whether any soldiers were killed": asked, not told
    if _charge_of(tok):
        return None  # "held three activists for urging a general strike", "detained on
        #              suspicion of backing an outlawed movement": the charge of an arrest,
        #              not an act the report tells
    if _since_clause(tok):
        return None  # "two years since Moscow launched its invasion": the span's start
    if match.pattern.nominal and tok.dep_ == "compound" and \
            tok.head.lemma_.lower() in ALERT_NOUNS:
        return None  # "an air raid alert", "missile sirens", "a bomb shelter": a warning or
        #              a refuge, not the attack
    if entry.type == "ACCUSE" and _arrest_charge(tok):
        return None  # "arrested the man, who was accused of spying": the arrest's charge,
        #              told by the arrest
    if entry.type == "PROTEST" and tok.lemma_.lower() == "gather" and not _protest_gathering(tok):
        return None  # "fighters who had gathered in the village", "families gathered at the
        #              gate to greet the freed prisoners": a gathering, no protest
    if entry.type == "MOBILIZE" and tok.lemma_.lower() == "deploy" and _deployed_means(tok):
        return None  # "launched and deployed 62 drones", "air defences were deployed against
        #              the missiles", "an official deployed for the summit's security"
    if entry.type == "CONSULT" and match.pattern.nominal and _state_of_talks(tok):
        return None  # "talks with the rebels have faltered", "the group is engaged in
        #              negotiations with the state": how talks stand, not a meeting
    if _sourcing_infinitive(tok):
        return None  # "officials who spoke on condition of anonymity to discuss the raid",
        #              why a source is unnamed
    if entry.id == "assault.kill" and _dead_returned(tok):
        return None  # "handed over four dead hostages", "the remains of dead soldiers":
        #              bodies returned, not a killing told
    if entry.id == "assault.kill" and _killed_no_one(tok):
        return None  # "the veto killed the draft resolution": a text or a deal, not people
    if entry.type in VIOLENT_TYPES and (_war_toll(tok) or match.pattern.nominal and
                                         tok.dep_ == "nsubj" and _war_toll(tok.head)):
        return None  # "the bodies of soldiers killed in the war", "the bombardment has
        #              killed 5,000 people since then": a war's toll over time, not news
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass") and \
            tok.head.tag_ in ("VBZ", "VBP"):
        return None  # "targeting the grid undermines the war effort": an act in general
    if _participial_modifier(tok) and not (entry.id == "assault.kill" and (
            tok.dep_ == "acl" or _counted_casualties(tok))) and not _opening_gerund(match, tok) \
            and not _telegraphic_passive(tok):
        return None  # ("Three civilians killed in Donetsk" is a headline's event)
    if match.pattern.nominal and _anaphoric_nominal(tok) and not (
            tok.dep_ == "dobj" and tok.head.lemma_.lower() in SENDING_VERBS):
        return None  # (a verb of sending anchors its object: "rushed reinforcements")
    if match.pattern.nominal and any(c.dep_ == "amod" and c.lower_ in EARLIER_ADJ
                                     for c in tok.children):
        return None  # "previous attacks by Afghan troops", "past strikes on the port":
        #              earlier events the report recalls, not its news
    if match.pattern.nominal and any(c.dep_ == "amod" and c.lower_ in PLANNED
                                     and not (c.lower_ == "new" and entry.type in NEW_ACTS)
                                     and not (c.lower_ in ("further", "new")
                                              and _subject_of_past(tok))
                                     for c in tok.children):
        return None  # "a planned meeting", "possible strikes" (not "a new aid package":
        #              announcing it is the act, nor "further strikes were reported in X":
        #              a past verb tells they happened)
    if _topic_of_talks(tok):
        return None  # "met Erdogan to discuss the resumption of prisoner exchanges", "the
        #              sides discussed an exchange of prisoners"
    if _terms_of_deal(tok, mod):
        return None  # "Under the deal, troops will withdraw within 60 days", "the plan's
        #              first phase includes an exchange of prisoners": what a deal provides
    if not match.pattern.nominal and not headline and entry.type in GENERIC_TYPES and (
            _generic_present(tok) or _purpose_of_generic(tok)):
        return None  # (a headline tells past events in the present: "Glide bombs kill two")
    if not headline and _descriptive_clause(tok):
        return None  # "in the north, where the army is fighting separatists": a standing state
    if not headline and _in_habitual_clause(tok):
        return None  # "previous attacks on the outposts that have killed four soldiers":
        #              told of attacks in general, not one event
    if match.pattern.nominal and not headline and _habitual_plural(tok):
        return None  # "Kyiv rarely claims responsibility for attacks in Russia"
    if match.pattern.nominal and not headline and entry.type in ("ASSAULT", "PROTEST") and \
            _trend_or_foiled(tok):
        return None  # "the group has intensified its attacks", "the stepping up of drone
        #              attacks", "agents prevented an attack on a bridge": a trend or an
        #              attack that did not happen, not one event
    if not headline and _iterated_before(tok):
        return None  # "she had been arrested several times for joining marches": a record
    if _unasserted_infinitive(tok, heads):
        return None  # "deemed it premature to discuss", "refrained from detailing"
    if _purpose_of_trigger(tok, heads) and not (
            entry.type == "CONSULT" and heads.get(tok.head.i) == "PROTEST"):
        return None  # "rallied to demand fixed terms": the demand is the rally's purpose
        #              (but "officials gathered in Geneva to discuss the plan" met: whether
        #              the gathering was a protest the actors decide)
    if entry.type == "SUPPORT" and tok.lemma_.lower() in PRAISE_VERBS and \
            not any(c.dep_ in ("dobj", "attr") for c in tok.children) and any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                          for m in c.children) for c in tok.children):
        return None  # "hailed that diplomacy has been reinvigorated": praise of a state of
        #              affairs, no party supported
    if entry.type == "SUPPORT" and _corroborates(tok):
        return None  # "no evidence to back up the claim": corroboration, not support
    if entry.type == "SUPPORT" and tok.dep_ == "advcl" and tok.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None  # "laundered money to support the group": an aim, not a declared support
        #              (unlike "flocked to the capital to protest": the protest itself)
    if entry.type == "ASSAULT" and _characterised_attack(tok):
        return "ACCUSE"  # "Zelensky said Russia was deliberately targeting civilians"
    if is_embedded_content(tok, heads):
        return None  # "accused Moscow of shelling ...": the accusation is the event
    if mod.conditional and entry.type not in ("THREATEN", "REQUEST", "ACCUSE"):
        # "will withdraw its force unless ...", "could attack if ...": a threat
        hostile = entry.type in ("ASSAULT", "SANCTION", "COERCE", "PROTEST", "RETREAT", "REJECT")
        return "THREATEN" if hostile and (mod.future or mod.hypothetical) else (
            "THREATEN" if entry.type in ("ASSAULT", "SANCTION", "COERCE") else None)
    if mod.future and entry.type in VIOLENT_TYPES and _ordered(tok):
        return None  # "ordered the army to strike": a command inside one side, no threat
    if mod.future and entry.type in VIOLENT_TYPES and _past_design(tok):
        return None  # "they decided to attack the village because ...", "the man planned to
        #              blow up the railway": a decision or a plot told in the past, no
        #              threat made to anyone (the attack, if it came, is told as done)
    if mod.future:
        if entry.future == "drop":
            return None
        if entry.future:
            return entry.future
        if entry.type in ("ASSAULT", "COERCE", "SANCTION"):
            return ASSAULT_FUTURE_TYPE
        return None
    if mod.deontic and not mod.negated and entry.type not in ("ACCUSE", "THREATEN"):
        return "REQUEST"  # "the rebels must withdraw", "both sides must reach an agreement"
    if mod.hypothetical:
        return entry.type if entry.type in ("ACCUSE", "REQUEST", "THREATEN") else None
    return entry.type


DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                         "such"})
GENERIC_HEADS = frozenset({"attack", "attacks", "strike", "strikes", "talks", "meeting",
                           "negotiations", "fighting", "killing", "assault", "assaults",
                           "offensive", "war", "fire", "shelling"})


NEGATION_WORDS = frozenset({"not", "n't", "no", "never"})
# a plan stopped before it was carried out ("foiled a plot to attack", "thwarted a plan")
PLOT_NOUNS = frozenset({"plot", "plan", "conspiracy", "scheme"})
PLANNED = frozenset({"planned", "proposed", "possible", "future", "upcoming", "expected", "next",
                     "potential", "new", "further", "scheduled"})
PRAISE_VERBS = frozenset({"hail", "praise", "welcome", "applaud", "commend", "laud"})
EARLIER_ADJ = frozenset({"previous", "past", "prior", "earlier", "former"})
ANNOUNCED = frozenset({"AID", "SANCTION"})  # measures that exist once announced
# "a new aid package" exists once announced; "new shelling of Donetsk", "new clashes" are
# the latest of their kind, not planned ones
NEW_ACTS = ANNOUNCED | {"ASSAULT"}
GENERIC_TYPES = frozenset({"ASSAULT", "COERCE", "SUPPORT", "AID", "MOBILIZE", "COOPERATE",
                           "REJECT", "ACCUSE", "REQUEST"})


def _subject_of_past(tok) -> bool:
    """The noun is the subject of a past-tense verb ("further strikes hit X", "further
    clashes were reported in Y")."""
    verb = tok.head
    if tok.dep_ == "nsubj":
        return verb.tag_ == "VBD"
    return tok.dep_ == "nsubjpass" and verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)


def _nothing_given(tok) -> bool:
    """A verb whose direct object is denied by "no" ("the group offered no evidence for it",
    "made no commitment"): the act did not happen. (An attack that "killed no one"
    did, and reads as a toll of zero, so ASSAULT is left out by the caller.)"""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lower_ not in ("one", "casualties") and any(
            d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
        for c in tok.children)


def _met_no_party(tok) -> bool:
    """ "meet" whose object is what one comes up against or fulfils ("met heavy resistance",
    "met the deadline", "the budget met criticism"), not a party to a meeting."""
    if tok.lemma_.lower() != "meet":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MET_NOT_PARTY
           for c in tok.children):
        return True
    # "protesters were met by riot police who fired tear gas", "marchers were met with
    # tear gas": a crowd confronted by a force or its means, no meeting
    return any(c.dep_ == "auxpass" for c in tok.children) and any(
        c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _CONFRONTING for g in c.children)
        for c in tok.children)


_CONFRONTING = frozenset({"police", "policeman", "officer", "force", "troops", "soldier",
                          "guard", "gendarme", "gas", "teargas", "cannon", "bullet", "baton",
                          "fire", "violence"})


def _generic_present(tok) -> bool:
    """A verb in the simple present inside a running text states a habit or a position
    ("Kyiv says its strikes target military sites"), not an event. Headlines (one-sentence
    documents) use the present for past events and are left alone."""
    if tok.pos_ != "VERB":
        return False
    if tok.tag_ == "VB":
        # the tagger gives some plural presents the base form ("Kurds, however, accuse
        # Ankara of ..."): a finite verb with its own subject and no auxiliary or "to" (an
        # imperative has no subject; "will accuse", "to accuse" have their helper)
        if tok.dep_ not in ("ROOT", "ccomp", "conj") or \
                not any(c.dep_ == "nsubj" for c in tok.children):
            return False
    elif tok.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    n_sents = 0
    for _ in tok.doc.sents:
        n_sents += 1
        if n_sents > 2:
            return True
    return False


def _purpose_of_generic(tok) -> bool:
    """An infinitive of a verb in the generic present ("the crews fly drones to hunt and
    strike any vehicle they see"; "they continue to shell the town") shares its habit: not
    an event either."""
    if not (tok.tag_ in ("VB", "VBP") or tok.tag_ == "VBD" and tok.lower_ == tok.lemma_) or \
            any(c.dep_ == "nsubj" for c in tok.children):
        return False  # ("hit", "cut": a past tag on a base form the tagger could not tell)
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or head.pos_ != "VERB":
            return False
        if cur.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in cur.children) or cur.dep_ == "conj":
            if _generic_present(head):
                return True  # (the parser may hang a conjunct on the present verb itself)
            cur = head
            continue
        return False
    return False


PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})


def _present_clause(verb) -> bool:
    """A verb in the present simple or progressive ("uses", "are fighting", "have been
    advancing")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had")
                       for c in verb.children)
    if verb.tag_ == "VBG":
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        return bool(aux & PRESENT_AUX) or "been" in aux and bool(aux & {"has", "have"})
    return False


def _descriptive_clause(tok) -> bool:
    """A trigger in a relative clause in the present describes a standing state of what the
    sentence names, not an event: "in Mali's north, where troops and their allies are
    fighting separatists", "a drone that Russia uses to strike cities"."""
    cur = tok
    reported = False
    for _ in range(3):  # through "uses to strike": the infinitive leans on its governor
        if cur.dep_ in ("xcomp",) and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "ccomp" and cur.head.i != cur.i and _present_state(cur):
            cur, reported = cur.head, True  # "which Kinshasa says is backed by Kigali"
        else:
            break
    if cur.dep_ != "relcl" and not (cur.dep_ == "advcl" and any(
            c.lower_ == "where" and c.dep_ == "advmod" for c in cur.children)):
        return False
    return _present_state(cur) and (not reported or _present_state(tok))


def _present_state(verb) -> bool:
    """A present clause or a present passive ("is backed", "are supplied")."""
    return _present_clause(verb) or verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am") for c in verb.children)


HABITUAL_WORDS = frozenset({"often", "rarely", "never", "always", "usually", "repeatedly",
                            "routinely", "regularly", "frequently", "seldom", "recurrent",
                            "previous", "past", "frequent", "repeated", "regular",
                            # "near-daily incursions", "nightly drone attacks"
                            "daily", "nightly", "weekly", "constant", "incessant"})


REPEATED_ADVERBS = frozenset({"repeatedly", "regularly", "routinely", "frequently", "often",
                              "constantly", "continually", "continuously", "persistently",
                              "systematically", "increasingly"})


def _iterated_before(tok) -> bool:
    """An act told as repeated an unknown number of times before the report's news, in the
    pluperfect ("had been arrested several times", "had repeatedly shelled") or the perfect
    with an adverb of repetition or of a long time ("has repeatedly attacked", "have long
    complained"): a record, not one event (a count with its own day, "shelled the town
    several times on Monday", is still one)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    pluperfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")
                     for c in verb.children)
    if pluperfect:
        return bool(ITERATED.search(" ".join(t.text for t in verb.subtree)))
    # the perfect with an adverb of repetition on the verb itself: "has repeatedly attacked
    # ports since ...", "have regularly shelled the town": a record up to now
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve", "'s")
                  for c in verb.children)
    if perfect:
        return any(c.dep_ == "advmod" and c.lower_ in REPEATED_ADVERBS | STANDING
                   for c in verb.children)
    # the simple present with an adverb of repetition: "Ukraine regularly strikes depots in
    # Russia", "the army often shells the villages": a habit, not one event
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "advmod" and c.lower_ in REPEATED_ADVERBS for c in verb.children)


# adverbs that make a perfect a standing position held over time: "residents have long
# complained about the raids", "the group has long denied it"
STANDING = frozenset({"long"})


def _in_habitual_clause(tok) -> bool:
    """The trigger lies in a relative clause of a bare plural event noun told as recurrent
    ("previous attacks that have killed ...")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "relcl":
            noun = cur.head
            for _ in range(3):  # (the parser may hang the clause on the attacks' target:
                #                "previous assaults on troops that have killed ...")
                if noun.lower_ in HABITUAL_EVENT_NOUNS and _habitual_plural(noun):
                    return True
                if noun.dep_ != "pobj":
                    return False
                noun = noun.head.head
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


HABITUAL_EVENT_NOUNS = frozenset({"attacks", "assaults", "strikes", "airstrikes", "raids",
                                  "bombings", "shellings", "incidents", "clashes", "killings"})


# verbs (and their nouns) of a trend in attacks or of an attack kept from happening
# ("a wave of drone attacks" is one night's salvo: no trend word)
TREND_LEMMAS = frozenset({"intensify", "escalate", "step", "increase", "ramp", "scale",
                          "surge", "spike", "rise", "uptick", "escalation", "intensification",
                          "stepping", "upsurge", "spate"})
# nouns that count or rate acts, and the adjectives of their growth
RATE_NOUNS = frozenset({"number", "frequency", "incidence", "incident", "rate", "count", "tally"})
GROWING = frozenset({"grow", "growing", "rising", "mount", "mounting", "increasing", "soar",
                     "soaring"})
FOILED_LEMMAS = frozenset({"prevent", "foil", "thwart", "avert", "prevention", "foiling",
                           "halt", "moratorium", "pause", "suspension", "ban"})


def _trend_or_foiled(tok) -> bool:
    """An attack noun that is the object of a trend or prevention verb or noun ("has
    intensified its attacks", "a spate of attacks", "the stepping up of attacks", "agents
    prevented an attack", "a halt on attacks"), up to two steps up ("of", "on", "in").
    ("troops foiled / repelled an attack" is a battle: assault.repel, a surface pattern.)"""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return False
        lem = head.lemma_.lower()
        if cur.dep_ in ("dobj", "pobj", "nsubjpass", "compound", "prep") and (
                lem in FOILED_LEMMAS or lem in TREND_LEMMAS and (
                    head.pos_ == "NOUN" or tok.tag_ == "NNS")):
            return True
        if cur.dep_ == "prep" and lem in RATE_NOUNS and any(
                c.dep_ == "amod" and c.lemma_.lower() in TREND_LEMMAS | GROWING
                for c in head.children):
            return True  # "the growing number of bomb attacks", "a rising rate of raids"
        if head.pos_ == "ADP" and head.lower_ in ("of", "on", "in", "against"):
            cur = head
            continue
        if cur.dep_ == "pobj":
            cur = head
            continue
        return False
    return False


def _habitual_plural(tok) -> bool:
    """A bare plural event noun ("attacks", "strikes") under a verb that tells a habit or a
    standing position ("rarely claims responsibility for attacks in Russia", "has repeatedly
    voiced concerns over attacks"), or marked as recurrent ("previous attacks"): attacks in
    general, not one that happened."""
    if tok.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    if any(c.lower_ in HABITUAL_WORDS for c in tok.children) or any(
            t.lower_ in HABITUAL_WORDS and t.dep_ == "amod" for t in tok.lefts):
        return True
    if any(t.lower_ in HABITUAL_WORDS and t.dep_ == "amod"
           for c in tok.lefts if c.dep_ == "compound" for t in c.subtree) or (
            tok.dep_ == "conj" and any(c.lower_ in HABITUAL_WORDS and c.dep_ == "amod"
                                       for c in tok.head.children)):
        return True  # ("repeated drone and missile attacks": the parser joins them by conj)
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            habit = any(c.lower_ in HABITUAL_WORDS for c in head.children)
            return habit or _present_clause(head) and head.dep_ != "ROOT" or \
                _present_clause(head) and tok.i > head.i and cur.dep_ != "nsubj"
        cur = head
    return False


NON_FACTIVE = frozenset({"refrain", "fail", "hesitate", "deem", "want", "hope",
                         "wish", "seek", "aim", "premature", "difficult", "hard", "impossible",
                         "unlikely", "unable", "reluctant", "eager", "keen", "avoid", "stop",
                         "cease", "prevent", "forbid", "need", "able", "likely", "possible",
                         "pressure", "pressurise", "pressurize", "persuade", "convince",
                         "encourage", "lobby", "design", "intend", "suggest", "propose",
                         "recommend", "consider", "give", "allow", "permit", "authorise",
                         "authorize", "enable"})


# nouns of a way or an aim whose to-infinitive is not (yet) done: "the best way to free"
# (not "attempt", "bid": an attempted attack is an attack in ACLED's codebook)
MEANS_NOUNS = frozenset({"way", "means", "aim", "goal", "purpose", "chance", "opportunity",
                         "intention", "need", "tool", "strategy", "option", "right", "duty",
                         "obligation", "ability", "capacity",
                         # what is put forward: "a proposal by Putin to resume talks" (a
                         # readiness or a promise to act is itself an intent, PLOVER's AGREE;
                         # "announced plans to storm the town" a threat)
                         "proposal", "offer", "bid", "initiative", "call", "push",
                         "request", "demand", "pressure", "precondition", "condition",
                         "requirement"})


def _unasserted_infinitive(tok, heads: dict[int, str]) -> bool:
    """An infinitive or gerund under a word that does not assert it happened."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the best way to reach a truce and free the hostages": the
        #                     conjunct shares the first one's way, even when that is a trigger
    if first is not tok and first.dep_ in ("relcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in first.children) and \
            first.head.lemma_.lower() in MEANS_NOUNS:
        return True
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.i not in heads:
        tok = tok.head  # "suggested freezing the line and accepting ...": the first conjunct
    if tok.head.i == tok.i or tok.head.i in heads:
        return False
    gov = tok.head
    to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if to_inf and tok.dep_ in ("relcl", "acl") and gov.lemma_.lower() in MEANS_NOUNS:
        return True  # "the only way to free the captives", "the means to end the siege"
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and gov.dep_ in ("relcl", "acl") and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children) and \
            gov.head.lemma_.lower() in MEANS_NOUNS:
        return True  # "an offer to host negotiations": the talks it names
    if to_inf and tok.dep_ == "xcomp" and gov.lemma_.lower() == "be":
        return True  # "its raids are to support the villagers": a purpose told
    if tok.dep_ == "pcomp" and gov.dep_ == "prep":
        gov = gov.head  # "refrained from detailing"
    elif tok.dep_ not in ("xcomp", "ccomp", "advcl", "acl"):
        return False
    if gov.lemma_.lower() in NON_FACTIVE:
        return True
    # one infinitive further up: "allowing the army to use the missiles to strike targets"
    return gov.dep_ in ("xcomp", "ccomp", "advcl") and gov.head.i != gov.i and \
        gov.head.i not in heads and gov.head.lemma_.lower() in NON_FACTIVE and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children)


def _purpose_of_trigger(tok, heads: dict[int, str]) -> bool:
    """An infinitive of purpose hanging on another trigger: "gathered to protest"."""
    if tok.dep_ not in ("advcl", "xcomp") or tok.head.i not in heads:
        return False
    if _weapons_deployed(tok.head):
        return False  # "deployed drones to strike the depot": the strike is the event
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _telegraphic_passive(tok) -> bool:
    """A headline without a finite verb whose participle has its agent: "Nine tanks destroyed
    by Russian artillery near Kupiansk" is "were destroyed by", an event, unlike "the city
    destroyed in 2022"."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl":
        return False
    noun = tok.head  # "40 vehicles of the army destroyed by ...": up to the headline's noun
    while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD")
           for t in tok.sent):
        return False
    return any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
               for c in tok.children)


def _participial_modifier(tok) -> bool:
    """"the besieged city", "Rwanda-backed rebels", "retreating militants": a participle that
    describes a noun is not an event of its own."""
    if tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "acl"):
        return not weapons_sent_at(tok) and not misparsed_gerund_subject(tok)

    if tok.tag_ == "VBN" and tok.dep_ == "compound":
        return True
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("-",) and tok.tag_ in ("VBN", "VBD"):
        return True  # "the Iran-backed Houthis" (the tagger may call it a past tense)
    if tok.dep_ == "amod" and tok.tag_ in ("JJ", "VBD") and tok.lower_.endswith("ed") and \
            any(c.dep_ in ("det", "poss") and c.i < tok.i for c in tok.head.children):
        return True  # "of the demobilized guerrilla", "its besieged garrison"
    return False


SENDING_VERBS = frozenset({"deploy", "use", "send", "launch", "fire", "dispatch", "unleash"})
WEAPON_NOUNS = frozenset({"drone", "missile", "rocket", "uav", "shell", "bomb", "munition",
                          "shahed", "projectile", "artillery", "warplane", "jet"})


def weapons_sent_at(tok) -> bool:
    """"the RSF deployed suicide drones targeting civilian sites": a present participle on
    weapons someone sent tells the attack they were sent into."""
    noun = tok.head
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or noun.lemma_.lower() not in WEAPON_NOUNS:
        return False
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in SENDING_VERBS or any(
        c.dep_ == "amod" and c.tag_ == "VBD" and c.lemma_.lower() in SENDING_VERBS
        for c in noun.children)  # (the parser may read "X deployed drones" as an adjective)


CASUALTY_PARTICIPLES = frozenset({"killed", "wounded", "injured", "dead", "hurt"})


def _counted_casualties(tok) -> bool:
    """Headline shorthand the parser reads as a modifier: "four killed - ministry",
    "one militia killed, two wounded", "2 fighters killed": a number, maybe a person noun,
    then the participle, then no noun it could describe."""
    if tok.lower_ not in CASUALTY_PARTICIPLES:
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.sent.start == tok.sent.start and \
            nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB"):
        return False
    for k in range(tok.i - 1, max(tok.sent.start, tok.i - 4) - 1, -1):
        prev = doc[k]
        if prev.like_num or prev.pos_ == "NUM":
            return True
        if prev.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
    return False


COURTESY = frozenset({"condolence", "condolences", "sympathy", "sympathies", "thanks",
                      "congratulations", "prayers", "gratitude", "apology", "apologies",
                      "greetings", "wishes"})


def _courtesy(tok) -> bool:
    """"offered his condolences to", "extended thanks to": the object is a courtesy."""
    return tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in COURTESY
                                      for c in tok.children)


MEDIA_OBJECTS = frozenset({"video", "videos", "footage", "film", "films", "photo", "photos",
                           "photograph", "photographs", "picture", "pictures", "scene",
                           "documentary", "clip", "clips", "image", "images"})


# the dead handed back: "returned the bodies of", "received the remains of"
REMAINS_NOUNS = frozenset({"body", "bodies", "remains", "corpse", "corpses"})
REPATRIATION_VERBS = frozenset({"return", "receive", "repatriate", "hand", "transfer", "send",
                                "exchange", "swap", "deliver", "give", "bring"})


def _repatriated_dead(tok) -> bool:
    """A killing told to say whose remains were handed back ("Kyiv received the bodies of 900
    people killed in the war", "the remains of 40 soldiers killed near X were returned"): a
    return of the dead, not an attack the report tells."""
    if tok.lemma_.lower() not in ("kill", "die") or tok.pos_ not in ("VERB", "ADJ"):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in REMAINS_NOUNS for c in tok.children):
        return True  # "the bodies of 1,000 killed soldiers were handed over", the participle
        #              misread as the verb of "the bodies"
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in REMAINS_NOUNS or cur.lower_ in REMAINS_NOUNS:
            return cur.dep_ in ("dobj", "nsubjpass", "nsubj") and \
                cur.head.lemma_.lower() in REPATRIATION_VERBS
    return False


def _filming(tok) -> bool:
    """"shot the video", "shooting footage": to shoot a picture is to film it."""
    return tok.lemma_.lower() == "shoot" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in MEDIA_OBJECTS for c in tok.children)


CESSATION_VERBS = frozenset({"end", "stop", "halt", "cease", "pause", "suspend", "freeze",
                             "curb", "de-escalate", "deescalate"})
# words of the fighting as it goes on (not of one operation: a raid, a siege)
ONGOING_FIGHTING = frozenset({"fighting", "fight", "hostility", "hostilities", "attack",
                              "shelling", "strike", "airstrike", "bombardment", "bombing",
                              "violence", "clash", "war", "killing", "firing", "fire"})
CESSATION_NOUNS = frozenset({"end", "halt", "pause", "lull", "cessation", "stop", "suspension",
                             "freeze", "respite"})


def _halted(tok) -> bool:
    """The fighting as what a cessation stops ("a plan to halt fighting in Gaza", "an end to
    the attacks", "a pause in the shelling"): the war going on, the topic of the stop, not an
    incident."""
    head = tok.head
    if head.i == tok.i or tok.lemma_.lower() not in ONGOING_FIGHTING:
        return False  # ("troops ended a two-week raid on the camp": the raid happened)
    if tok.dep_ in ("dobj", "xcomp", "nsubjpass") and head.lemma_.lower() in CESSATION_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ in ("to", "in", "of") and \
        head.head.lemma_.lower() in CESSATION_NOUNS and head.head.i != head.i


REPRISAL_NOUNS = frozenset({"response", "retaliation", "revenge", "reprisal", "reprisals",
                            "punishment", "retribution", "crackdown", "vengeance"})


def _pledged_reprisal(tok) -> bool:
    """"pledged a tough response", "promised a harsh crackdown": the pledge is a threat."""
    return tok.lemma_.lower() in ("pledge", "promise", "vow") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in REPRISAL_NOUNS for c in tok.children)


ANONYMITY_WORDS = frozenset({"anonymity", "confidentiality", "anonymous"})
# acts whose aim an agreement, a release or a withdrawal is: "negotiated for months to reach
# a deal", "travelled to Doha to secure the hostages' release"
AIMED_TYPES = frozenset({"AGREE", "CONCEDE", "RETREAT", "COOPERATE", "AID", "SUPPORT"})
AIM_HEADS = frozenset({"conduct", "hold", "work", "negotiate", "meet", "talk", "press",
                       "push", "strive", "mediate", "travel", "fly", "visit", "arrive", "pursue",
                       "engage", "intensify"})  # ("continued to send arms" sends them)


def _anonymity_asked(tok) -> bool:
    """"asking for anonymity", "requested anonymity", "asked not to be named": a source's
    condition for speaking."""
    if any(c.dep_ == "dobj" and c.lower_ in ANONYMITY_WORDS for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.lower_ in ANONYMITY_WORDS for g in c.children) for c in tok.children):
        return True
    return any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) and any(
        g.lemma_.lower() in ("name", "identify") for g in c.subtree) for c in tok.children)


def _cease_fire(tok) -> bool:
    """"ways to cease fire", "hold their fire": "fire" as what stops."""
    if tok.lower_ not in ("fire", "fires"):
        return False
    head = tok.head
    return head.i != tok.i and head.lemma_.lower() in ("cease", "hold", "stop", "halt")


BLAZE_VERBS = frozenset({"trigger", "cause", "start", "spark", "set", "extinguish", "contain",
                         "battle", "fight", "douse", "put", "tackle"})
BLAST_NOUNS = frozenset({"explosion", "blast", "smoke", "damage", "blackout"})


FLOOD_VERBS = frozenset({"inundate", "flood", "bombard", "swamp", "deluge", "besiege",
                         "overwhelm", "bury", "pepper"})


def _told_before(tok) -> bool:
    """"previously" or "formerly" on the trigger's verb, or on the verb of saying or
    finding whose content it is: what the report says came before its news."""
    verb = _verb_or_its_verb(tok)
    if verb is None:
        return False
    for v in (verb, verb.head if verb.dep_ in ("ccomp", "xcomp") else None):
        if v is not None and any(c.dep_ == "advmod" and c.lower_ in ("previously", "formerly")
                                 for c in v.children):
            return True
    return False


_RIOT_CONTROL = frozenset({"tear", "teargas", "tear-gas", "pepper", "rubber", "smoke"})


def _riot_control_means(match: TriggerMatch, tok) -> bool:
    """The shells or the shelling are of tear gas, pepper spray or rubber: "fired tear gas
    shells", "tear gas shelling" (the words the pattern spans, or the head's compounds)."""
    doc = tok.doc
    words = {doc[i].lower_ for i in range(match.start, match.end)}
    words |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    words |= {g.lower_ for c in tok.children if c.dep_ == "compound" for g in c.children
              if g.dep_ in ("compound", "amod")}
    return bool(words & _RIOT_CONTROL)


def _flooded_with(tok) -> bool:
    """"inundated with phone calls and messages": calls from the public, no meeting."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "pobj" and cur.head.lower_ == "with" and \
        cur.head.head.lemma_.lower() in FLOOD_VERBS


def _blaze(tok) -> bool:
    """"triggered a fire at the refinery", "the fire at the depot was put out", "explosions
    and fire at the pumping station": "fire" with an article, or started, fought or told
    beside explosions, is a blaze (damage), not gunfire ("came under fire", "sniper fire",
    "opened fire")."""
    if tok.lower_ not in ("fire", "fires") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head.lemma_.lower()
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that")
               for c in tok.children) or (
        tok.dep_ == "dobj" and head in BLAZE_VERBS) or (
        tok.dep_ == "conj" and head in BLAST_NOUNS)


CLAIM_NOUNS = frozenset({"claim", "allegation", "assertion", "statement", "account",
                         "figure", "version", "accusation", "theory", "report"})


def _corroborates(tok) -> bool:
    """"no evidence to back up the claim", "videos support his account": backing a claim
    with evidence, not a declared support for a party."""
    if tok.lemma_.lower() not in ("back", "support", "corroborate", "confirm"):
        return False
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children) or any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_NOUNS
        for c in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower() in (
            "evidence", "proof", "data", "document"))


MEASURE_NOUNS = frozenset({"arrest", "detention", "sanction", "measure", "law", "ban",
                           "investigation", "probe", "policy", "decree", "bill", "regulation",
                           "tariff", "restriction", "reform", "programme", "program", "scheme",
                           "legislation"})


def _measure_targets(tok) -> bool:
    """"the arrests targeted former detainees", "the sanctions target two banks": a measure
    aimed at people, not an armed attack."""
    return tok.lemma_.lower() == "target" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in MEASURE_NOUNS for c in tok.children)


FOUGHT_THINGS = frozenset({"fire", "blaze", "flame", "wildfire", "corruption", "disease",
                           "virus", "pandemic", "epidemic", "poverty", "inflation", "crime",
                           "drought", "flood", "hunger", "disinformation", "misinformation",
                           "cancer", "fraud", "smuggling", "trafficking", "terrorism"})


def _fights_a_thing(tok) -> bool:
    """"firefighters battled the blaze", "pledged to fight corruption": a fight against a
    thing or an ill, not an armed fight."""
    return tok.lemma_.lower() in ("fight", "battle", "combat", "tackle") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in FOUGHT_THINGS
        for c in tok.children)


# what is harmed only in a figure of speech: ties, trust, chances, a process
ABSTRACT_HARMED = frozenset({"relation", "relations", "tie", "ties", "trust", "confidence",
                             "hope", "hopes", "chance", "chances", "credibility", "reputation",
                             "prospect", "prospects", "dialogue", "process", "efforts",
                             "effort", "image", "economy", "morale", "friendship",
                             "partnership", "cooperation", "understanding", "consensus"})
HARM_VERBS = frozenset({"destroy", "damage", "wreck", "ruin", "hit", "strike", "kill",
                        "shatter", "torpedo", "bomb", "sink", "attack", "hurt", "wound",
                        "advance"})


def _harms_an_abstraction(tok) -> bool:
    """"had destroyed relations with Moscow", "the move hit hopes of a deal": a verb of
    violence whose object (or passive subject) is a tie, a hope or a process."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in HARM_VERBS and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ABSTRACT_HARMED
        for c in tok.children)


# what is "executed" when no one is put to death: a plan, an order, an operation, a swap
EXECUTED_ACTS = frozenset({"what", "which", "plan", "plans", "order", "orders", "operation",
                           "operations", "exchange", "swap", "deal", "agreement", "transfer",
                           "mission", "manoeuvre", "maneuver", "strategy", "programme",
                           "program", "project", "search", "warrant", "attack", "strike",
                           "strikes", "raid", "handover", "policy", "decision", "move",
                           "contract", "transaction", "step", "steps", "task", "tasks",
                           "massacre", "massacres", "assault", "assaults", "bombing",
                           "bombings", "offensive", "ambush", "invasion", "coup", "plot",
                           "hijacking", "kidnapping", "abduction", "attacks", "raids"})


def _executes_an_act(tok) -> bool:
    """"executed what officials call the largest swap", "the plan was executed": carrying
    out an act, not putting someone to death."""
    return tok.lemma_.lower() == "execute" and any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp") and (
            c.lemma_.lower() in EXECUTED_ACTS or c.tag_ in ("WP", "WDT")
            or any(g.dep_ == "dobj" and g.tag_ in ("WP", "WDT") for g in c.children))
        for c in tok.children)


def _served_for(tok) -> bool:
    """"two Danes who fought for Ukraine", "fighting alongside the rebels": serving with a side,
    not a fight (unlike "fighting for control of the town")."""
    if tok.lemma_.lower() != "fight" or tok.pos_ != "VERB" or any(
            c.dep_ == "dobj" for c in tok.children):
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "alongside", "with") and any(
                o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "NORP", "ORG") or
                                      o.lower_ in ("side", "army", "forces", "rebels"))
                for o in prep.children):
            return prep.lower_ != "with" or any(  # "fought with the rebels" is ambiguous:
                c.lower_ == "alongside" for c in tok.children) or (  # only "alongside" serves
                tok.dep_ == "relcl" and any(  # or "volunteers who fought with Ukrainian
                    o.dep_ == "pobj" and o.lower_ in ("forces", "army", "troops", "units")
                    for o in prep.children))  # forces": who they are, not a fight
    return False


# what one is withdrawn from without leaving ground: a list, a race, a case
ROLLS = frozenset({"list", "lists", "register", "registry", "roster", "race", "election",
                   "elections", "contest", "competition", "tournament", "candidacy", "bid",
                   "case", "lawsuit", "designation", "listing", "ballot"})


def _withdrawn_from_a_roll(tok) -> bool:
    """A withdrawal from a list, a race or a case: no troops leave any ground."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "from" and any(
                o.dep_ == "pobj" and o.lower_ in ROLLS for o in prep.children):
            return True
    return False


# what is released that is not a person: "released a video showing soldiers"
RELEASED_THINGS = frozenset({"video", "footage", "statement", "report", "image", "images",
                             "photo", "photos", "photograph", "photographs", "list", "figures",
                             "details", "names", "document", "documents", "data", "recording",
                             "audio", "clip", "letter", "book", "film", "map", "record"})


def _released_a_thing(tok) -> bool:
    """What was released is a thing: its object, or the first noun after the verb (the
    parser may hang "a video showing soldiers" on the soldiers)."""
    if tok.lemma_.lower() not in ("release", "free"):
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RELEASED_THINGS
           for c in tok.children):
        return True
    nxt = next((t for t in tok.doc[tok.i + 1:min(tok.i + 5, tok.sent.end)]
                if t.pos_ in ("NOUN", "PROPN", "NUM")), None)
    return nxt is not None and nxt.lemma_.lower() in RELEASED_THINGS


def _as_background(tok, match) -> bool:
    """A clause of "as" in the simple present ("As Kyiv negotiates a deal with Washington,
    soldiers face ..."): the ongoing backdrop of the sentence, not an event it reports (not in
    a headline, whose present tells past news, and not "as troops shelled the town", a
    clause of the same moment in the past)."""
    return not match.pattern.nominal and tok.dep_ == "advcl" and tok.tag_ in ("VBZ", "VBP") \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and \
        tok.head.tag_ not in ("VBD", "VBN")


def _verb_or_its_verb(tok):
    """The trigger itself when it is a verb, or the verb it is the object of ("trading fire").
    (Narrower than arguments.clause_verb, which climbs to the verb that carries a subject.)"""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        return tok.head
    return None


def _ongoing_since(tok) -> bool:
    """A perfect progressive with "since" ("the militia has been trading fire with the army
    since March"): a state of things that goes on, not an event of the report."""
    verb = _verb_or_its_verb(tok)
    if verb is None or verb.tag_ != "VBG":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "been" not in aux or not aux & {"has", "have", "had", "'s", "'ve"}:
        return False
    for c in verb.children:
        if c.lower_ == "since" and c.dep_ == "prep":
            return not any(o.lower_ in SAME_DAY for o in c.children)  # ("since dawn": today's)
        if c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children):
            return True
        if c.lower_ == "for" and c.dep_ == "prep" and any(o.lower_ in LONG_SPANS
                                                          for o in c.children):
            return True  # "has for years been carrying out strikes in Syria"
    return False


def _standing_progressive(tok) -> bool:
    """A perfect progressive with no day of its own and no toll ("the rebels have been
    targeting convoys on the highway", "the Houthis have been attacking ships in the Red
    Sea"): an activity that goes on, not an event of the report. ("have been shelling the
    town since this morning", "... overnight", "... on Monday", "..., killing two" stay.)"""
    verb = _verb_or_its_verb(tok)
    if verb is None or verb.tag_ != "VBG":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "been" not in aux or not aux & {"has", "have", "'s", "'ve"}:
        return False
    return not _day_anchored(verb) and not any(
        c.dep_ in ("advcl", "conj") and c.lemma_.lower() in TOLL_VERBS for c in verb.children)


TOLL_VERBS = frozenset({"kill", "wound", "injure", "leave", "claim", "hurt"})


def _day_anchored(verb) -> bool:
    """The verb's clause names a day or an hour: a weekday, "today", "overnight", "this
    morning", a date of a month."""
    for t in verb.subtree:
        low = t.lower_
        if low in SAME_DAY or low in ("today", "tonight", "yesterday", "hours", "hour") or \
                low in MONTHS and t.ent_type_ == "DATE":  # (the timex month names)
            return True
    return False


# nouns of a record of conduct: "a history of targeting workers", "a pattern of attacking
# convoys"
RECORD_NOUNS = frozenset({"history", "record", "pattern", "habit", "practice", "tradition"})


def _record_of(tok) -> bool:
    """The trigger is the gerund of "a history / pattern / record of V-ing" ("separatists
    have a history of targeting workers"): conduct over time, not one event."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "of" and \
        tok.head.head.lemma_.lower() in RECORD_NOUNS


LONG_SPANS = frozenset({"years", "months", "decades", "weeks", "ages"})
# a "since" of the same day or the day before: what goes on since then is news
SAME_DAY = frozenset({"dawn", "morning", "midnight", "noon", "daybreak", "night", "evening",
                      "yesterday", "today", "monday", "tuesday", "wednesday", "thursday",
                      "friday", "saturday", "sunday", "overnight"})


TALLY_WORDS = frozenset({"dozens", "hundreds", "scores", "thousands", "tens", "countless",
                         "numerous"})


def _tally_perfect(tok) -> bool:
    """A present perfect whose object is counted in dozens or hundreds ("the group has
    hit dozens of tankers and seized three"), or acts counted so in any tense ("carried out
    hundreds of breaches of the truce, killing 400"): a tally of many acts, not one."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in TALLY_WORDS \
            and tok.head.head.dep_ == "dobj":
        tok = tok.head.head  # the acts counted: "committed hundreds of breaches"
    verb = _verb_or_its_verb(tok)
    if verb is None:
        return False
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # ("have hit dozens of tankers and seized three": the first verb's)
    any_tense = False
    if first.tag_ == "VBG" and first.dep_ == "advcl" and first.head.i != first.i:
        first = first.head  # "carried out hundreds of breaches of the truce, killing 400"
        any_tense = True    # (a tally of acts and their toll, in any tense)
    perfect = first.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                                          for c in first.children)
    if not perfect and not (first.tag_ == "VBD" or any_tense):
        return False
    things = TALLIED_THINGS if perfect else TALLIED_ACTS  # (a past "destroyed dozens of
    #                                                       homes" is one strike's damage)
    for c in first.children:
        if c.dep_ != "dobj":
            continue
        if c.lower_ in TALLY_WORDS:  # "dozens of tankers": what the dozens are of
            counted = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]
            return any(o.lemma_.lower() in things for o in counted)
        if c.lemma_.lower() in things and any(
                d.lower_ in TALLY_WORDS for d in c.children
                if d.dep_ in ("amod", "nummod", "quantmod")):
            return True
    return False


# what a tally counts that is not people (tortured "scores of refugees" is one campaign's
# victims, which PLOVER codes as an event)
TALLIED_THINGS = frozenset({"ship", "vessel", "boat", "tanker", "home", "house", "building",
                            "village", "town", "attack", "strike", "drone", "missile",
                            "rocket", "raid", "target", "site", "facility", "violation",
                            "breach"})


# acts a tally counts in a past tense too ("committed hundreds of breaches")
TALLIED_ACTS = frozenset({"attack", "strike", "raid", "violation", "breach", "airstrike"})


def _in_order_to(tok) -> bool:
    """The trigger is the verb of an "in order to" / "so as to" clause, or of a "so that"
    clause ("seized the bridge so that the army would pull back"): the aim of another act, not an
    act of its own."""
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "that" and c.i > 0
            and tok.doc[c.i - 1].lower_ == "so" for c in tok.children) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "can", "may", "might")
            for c in tok.children):
        return True  # (a past "so that the army withdrew" tells the outcome: kept)
    if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    return (head.lower_ == "order" and head.dep_ == "pobj" and head.head.lower_ == "in"
            or any(c.lower_ == "as" and c.i == tok.i - 2 and c.nbor(-1).lower_ == "so"
                   for c in tok.children if c.i > 0))


# nouns of a diplomatic effort, whose infinitive is its aim ("talks to reach a deal")
EFFORT_NOUNS = frozenset({"effort", "negotiation", "talk", "bid", "push", "drive", "initiative",
                          "mediation", "diplomacy", "pressure", "proposal", "mission",
                          "endeavour", "endeavor", "process", "race", "plan", "framework"})


def _aim_of_effort(tok) -> bool:
    """The trigger is the infinitive of a noun of effort: "negotiations to reach a deal",
    "efforts to end the war", "a bid to broker a truce"."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("acl", "relcl") and \
        tok.head.lemma_.lower() in EFFORT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


# prepositions that make a noun of speech the setting of another act
BACKDROP_PREPS = frozenset({"despite", "amid", "amidst", "over"})


# verbs whose object "reinforcements" are a force moved in
SENDING_VERBS = frozenset({"send", "rush", "dispatch", "deploy", "bring", "move", "airlift",
                           "fly", "receive", "get", "pour", "ship", "redeploy"})


# what a force "deploys" against a crowd (its means, not troops)
CROWD_MEANS = frozenset({"spray", "gas", "teargas", "cannon", "cannons", "bullet", "bullets",
                         "grenade", "grenades", "baton", "batons", "canister", "canisters"})


def _deploys_crowd_control(tok) -> bool:
    """"deployed pepper spray and a water cannon truck": the object is a means of
    crowd control."""
    if tok.lemma_.lower() != "deploy":
        return False
    return any(c.dep_ == "dobj" and (c.lower_ in CROWD_MEANS or c.lower_ in _RIOT_CONTROL
                                     or any(g.lower_ in _RIOT_CONTROL for g in c.children))
               for c in tok.children)


# verbs of a design whose past tense tells a decision or a plot, not a threat
DESIGN_VERBS = frozenset({"decide", "plan", "intend", "plot", "prepare", "conspire"})


def _past_design(tok) -> bool:
    """The violent infinitive hangs on a verb of design in the past tense ("decided to
    attack", "had planned to blow up"), not under a verb of saying ("said it planned to
    strike": an announced intent, a threat)."""
    gov = tok.head
    if tok.dep_ != "xcomp" or gov.lemma_.lower() not in DESIGN_VERBS or \
            gov.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "would") for c in gov.children):
        return False
    up = gov.head
    if not (gov.dep_ in ("ccomp", "xcomp") and up.lemma_.lower() in SAY_VERBS_THREAT):
        return True
    # under a verb of saying: the speaker's own design is announced ("Russia said it planned
    # to strike"), another's is a plot told ("investigators said the man had planned to")
    subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in up.children if c.dep_ == "nsubj"), None)
    if subj is None or gov.dep_ == "xcomp":
        return False
    return not (subj.lower_ in ("it", "they", "we", "i", "he", "she") or
                speaker is not None and subj.lower_ == speaker.lower_)


# verbs that announce a design (the project's verbs of saying and those of vowing)
SAY_VERBS_THREAT = SAY_LEMMAS | {"vow", "warn", "threaten", "post"}


PACT_NOUNS = frozenset({"agreement", "deal", "accord", "declaration", "pact", "treaty",
                        "protocol", "memorandum"})
CONFLICT_NOUNS = frozenset({"fighting", "war", "conflict", "hostility", "violence",
                            "bloodshed", "clash", "insurgency", "rebellion"})


def _signs_a_peace(tok) -> bool:
    """The object of "sign" is a peace: a pact "to end" a war or the fighting, one with a
    peace or ceasefire word, or one brokered or mediated by a third party."""
    if tok.lemma_.lower() != "sign":
        return False
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lemma_.lower() not in PACT_NOUNS:
            continue
        for g in obj.subtree:
            low = g.lemma_.lower()
            if low in ("peace", "ceasefire", "truce", "armistice") or \
                    low in ("broker", "mediate") and g.dep_ == "acl":
                return True
            if low in ("end", "halt", "stop") and g.dep_ in ("acl", "relcl", "xcomp") and any(
                    h.dep_ == "dobj" and h.lemma_.lower() in CONFLICT_NOUNS
                    for h in g.children):
                return True
    # "signed a pact in Doha to end years of war": the infinitive may hang on
    # the verb
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("end", "halt", "stop")
               and any(h.dep_ == "dobj" and (h.lemma_.lower() in CONFLICT_NOUNS or any(
                   k.lemma_.lower() in CONFLICT_NOUNS for k in h.subtree))
                       for h in c.children) for c in tok.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in PACT_NOUNS for c in tok.children)


# whom or what a visit that meets no party goes to
VISITED_NON_PARTIES = frozenset({"survivor", "victim", "wounded", "injured", "hospital",
                                 "site", "scene", "family", "families", "grave", "morgue",
                                 "camp", "school", "area", "ruin", "shelter"})


def _visits_no_party(tok) -> bool:
    if tok.lemma_.lower() != "visit":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in VISITED_NON_PARTIES
               for c in tok.children)


RELIEF_RECIPIENTS = frozenset({"victim", "resident", "survivor", "family", "people", "wounded",
                               "injured", "evacuee", "civilian", "household", "child"})


def _unnamed_relief(tok) -> bool:
    """"victims are being provided with assistance": a passive of providing whose subject is
    the people helped and that names no provider."""
    if tok.lemma_.lower() != "provide" or tok.tag_ != "VBN":
        return False
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in RELIEF_RECIPIENTS
               for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


# what a call to demonstrate calls for
PROTEST_CALL_NOUNS = frozenset({"rally", "protest", "strike", "demonstration", "march",
                                "shutdown", "hartal", "boycott", "sit", "walkout", "blockade"})


def _calls_a_protest(tok) -> bool:
    """"called for a large rally in Dhaka", "calling for a general strike": the object of
    "call for" is a protest to be held."""
    if tok.lemma_.lower() != "call":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in PROTEST_CALL_NOUNS for g in c.children)
        for c in tok.children)


INFORMATION_NOUNS = frozenset({"detail", "information", "update", "answer", "explanation",
                               "data", "figure", "comment", "clarification"})


def _promises_information(tok) -> bool:
    """"promised to provide details later", "pledged to give an update": the infinitive
    hands over information, no commitment between parties."""
    if tok.lemma_.lower() not in ("promise", "pledge", "commit", "vow", "undertake"):
        return False
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in (
                "provide", "give", "share", "release", "publish", "issue", "offer"):
            return any(g.dep_ in ("dobj", "dative") and g.lemma_.lower() in INFORMATION_NOUNS
                       for g in c.children)
    return False


# who arrives to attack, not to visit (by the lemma of the subject's head noun)
ATTACKER_NOUNS = frozenset({"attacker", "gunman", "assailant", "militant", "bandit", "man",
                            "terrorist", "insurgent", "rebel", "fighter", "raider", "mob",
                            "soldier", "troop", "settler", "jihadist", "kidnapper", "robber"})


def _attackers_arrive(tok) -> bool:
    """"armed men arrived in a pickup", "the attackers arrived on motorbikes": the subject
    of "arrive" is a band of attackers."""
    if tok.lemma_.lower() != "arrive":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in ATTACKER_NOUNS for c in tok.children)


def _domestic_joint_operation(tok) -> bool:
    """"a joint operation" or "a joint search operation" in a sentence that names no two
    states or peoples: forces of one state working together (army and police), not a
    cooperation between parties ("Russian and Belarusian forces began joint exercises" names
    two)."""
    if tok.lemma_.lower() != "operation":
        return False
    sent = tok.sent
    parties = {e.text.lower().rstrip("s") for e in sent.ents if e.label_ in ("GPE", "NORP")}
    return len(parties) < 2


BOOTY_SOURCES = frozenset({"outpost", "base", "post", "camp", "position", "garrison",
                           "barracks", "soldier", "troop", "army", "enemy", "battalion",
                           "headquarters", "checkpoint", "fighter", "militant", "body"})


def _booty(tok) -> bool:
    """"seized rifles and shells from the base", "captured arms from the enemy":
    what a force took from the side it fought."""
    if tok.lemma_.lower() not in ("seize", "capture"):
        return False
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in ("weapon", "arm", "ammunition",
                                                          "munition", "rifle", "gun")
               for c in tok.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in BOOTY_SOURCES for g in c.children)
        for c in tok.subtree) or any(
        t.lemma_.lower() in ("capture", "overrun", "take", "seize") and t.i != tok.i
        and t.pos_ == "VERB" for t in tok.sent)


# what officers are deployed to keep in hand when they police a gathering
_POLICING_VERBS = frozenset({"manage", "police", "control", "secure", "guard", "monitor",
                             "oversee", "handle", "watch", "supervise", "contain", "disperse"})
_GATHERINGS = frozenset({"protest", "rally", "march", "demonstration", "crowd", "gathering",
                         "procession", "parade", "vigil", "protester", "demonstrator", "match",
                         "event", "marcher"})


def _polices_a_gathering(tok) -> bool:
    """"police were deployed to oversee the march", "police deployed at the rally": a
    force sent to police a gathering (a protest told as its own event), not mobilised for
    a fight ("deployed to quell the unrest" is a force mobilised)."""
    if tok.lemma_.lower() != "deploy":
        return False
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _POLICING_VERBS and any(
                g.dep_ == "dobj" and g.lemma_.lower() in _GATHERINGS for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("at", "for", "around") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _GATHERINGS for g in c.children):
            return True
    return False


# the scene of the report's incident, named back with "the"
SCENE_NOUNS = frozenset({"area", "scene", "site", "spot", "village", "location", "place",
                         "neighbourhood", "neighborhood", "vicinity"})


def _sent_to_the_scene(tok) -> bool:
    """A force deployed or mobilised "to the area" / "to the scene" / "to the village" (the
    place of the incident told before): the response at the scene, no mobilisation."""
    if tok.lemma_.lower() not in ("deploy", "mobilise", "mobilize", "rush", "dispatch", "send"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into", "in", "at") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in SCENE_NOUNS and any(
            d.dep_ == "det" and d.lower_ == "the" for d in g.children)
        and not any(m.dep_ == "prep" for m in g.children)
        for g in c.children) for c in tok.children)


def _reinforcements_not_sent(tok) -> bool:
    """"reinforcements" in a phrase or as the object of a verb that does not move them
    ("while waiting for reinforcements", "attacked regime reinforcements", "sensed the
    arrival of reinforcements")."""
    if tok.lemma_.lower() != "reinforcement" or tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "pobj":
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() not in SENDING_VERBS


def _agrees_with_a_view(tok) -> bool:
    """"agree that ...", "agreed the situation was grave": a clause of opinion after
    "agree", with no act agreed to ("agreed to", "agreed on") and no party agreed with."""
    if tok.lemma_.lower() not in ("agree", "concur"):
        return False
    kids = list(tok.children)
    return any(c.dep_ == "ccomp" for c in kids) and not any(
        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("to", "on", "with", "upon")
        or c.dep_ == "dobj" for c in kids)


def _month_march(tok) -> bool:
    """"March" with a capital before a day or a year, or after a word that takes a month
    ("in March", "since early March"), is the month the tagger read as a noun."""
    if tok.text != "March":
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prev = tok.nbor(-1) if tok.i > 0 else None
    return nxt is not None and nxt.like_num or prev is not None and prev.lower_ in (
        "in", "since", "until", "till", "by", "of", "early", "mid", "late", "last", "next",
        "this", "from", "through", "before", "after", "during", "updated", "published")


def _named_battle(tok) -> bool:
    """"on the day marking the Battle of Kosovo": a capitalised battle name mid-sentence is
    history or a campaign's name, not an event of the report."""
    return tok.text in ("Battle", "Battles") and tok.i > tok.sent.start and \
        any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in tok.children)


ABSTRACT_ISSUES = frozenset({"trade", "economy", "tariff", "tariffs", "policy", "policies", "budget",
                             "taxes", "reform", "reforms", "rights", "issue", "issues",
                             "technology", "prices", "wages", "pensions", "law", "bill"})


def _clash_of_views(tok) -> bool:
    """"clashes over trade", "clashed on the budget": a dispute over an issue, not fighting."""
    if tok.lemma_.lower() != "clash" or any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children):
        return False  # ("police clashed with protesters over the law": a physical clash)
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("over", "on", "about"):
            if any(o.dep_ == "pobj" and ABSTRACT_ISSUES & {o.lemma_.lower(), o.lower_}
                   for o in prep.children):
                return True
    return False


VAGUE_DETERMINERS = frozenset({"some", "many", "several", "few", "most", "other", "certain",
                               "various", "numerous"})
VAGUE_NOUNS = frozenset({"nations", "countries", "states", "governments", "officials",
                         "analysts", "observers", "experts", "critics", "people", "others",
                         "diplomats", "lawmakers", "leaders"})


def _vague_subject(tok) -> bool:
    """A statement or act whose subject is an unnamed group ("Some nations ... have refused",
    "Many analysts warned"): no actor of record (a named one in apposition does not make it
    one: "such as the United States"). A passive's subject is who the act befell ("several
    people were detained"): the act still has its actor."""
    for c in tok.children:
        if c.dep_ == "nsubj" and c.lower_ in VAGUE_NOUNS and any(
                d.dep_ in ("det", "amod") and d.lower_ in VAGUE_DETERMINERS
                for d in c.children):
            return True
    return False


FORECAST_SUBJECTS = frozenset({"toll", "number", "figure", "figures", "count", "situation",
                               "prices", "price", "weather", "crisis", "casualties",
                               "shortages", "risk", "risks", "economy", "inflation",
                               "famine", "hunger", "fighting", "danger", "dangers",
                               "potential", "possibility", "prospect", "likelihood", "war",
                               "conflict"})
MODAL_WORDS = frozenset({"will", "would", "could", "may", "might", "can", "shall", "should",
                         "must", "'ll", "’ll"})


RISKING_SUBJECTS = FORECAST_SUBJECTS | {"incident", "move", "decision", "violence", "conflict",
                                        "war", "escalation", "row", "dispute", "standoff",
                                        "crackdown", "unrest", "tension", "tensions", "law",
                                        "bill", "plan", "policy", "measure", "strike", "attack",
                                        "killing", "clash", "clashes", "protest", "protests"}


def _forecast(tok) -> bool:
    """"warned (that) the death toll would rise", "warned of shortages": what someone expects
    to happen, with no one made to suffer for what someone does (a threat)."""
    if tok.lemma_.lower() == "threaten":
        # "the incident, which threatened to inflame tensions": a thing that threatens to
        # happen risks it; no one threatens anyone
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return subj is not None and any(c.dep_ == "xcomp" for c in tok.children) and (
            subj.lower_ in ("which", "this") or subj.lemma_.lower() in RISKING_SUBJECTS)
    if tok.lemma_.lower() not in ("warn", "caution"):
        return False
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in FORECAST_SUBJECTS and any(
                g.dep_ == "ccomp" for g in tok.children):
            return True  # (the parser reads "warned the toll would rise" with "toll" as object)
        if c.dep_ == "ccomp":
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in FORECAST_SUBJECTS:
                return True
            if c.tag_ in ("VBD", "VBN") and not any(
                    g.dep_ in ("aux", "auxpass") and g.lower_ in MODAL_WORDS
                    for g in c.children):
                return True  # "warned the war went on", "warned that troops had massed":
                #              an alarm about what is, no harm the speaker would do
        preps = [c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ == "prep"] \
            if c.dep_ == "dobj" else []  # ("warned residents of the danger")
        for prep in preps:
            if prep.lower_ != "of":
                continue
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in FORECAST_SUBJECTS:
                return True
            if obj is not None and obj.lemma_.lower() in ALERT_ATTACKS and any(
                    g.lower_ in ALERT_MODIFIERS for g in obj.children
                    if g.dep_ in ("amod", "det")) and not any(
                    g.dep_ == "prep" and g.lower_ in ("on", "against") and not any(
                        t.dep_ == "pobj" and t.ent_type_ in ("DATE", "TIME")
                        for t in g.children) for g in obj.children):
                return True  # "warned of another attack", "warned of possible strikes":
                #              an alert to the public, no harm the speaker would do (a
                #              threat names its target: "warned of strikes on the capital")
    return False


# attacks an official alerts the public to, and the words that make them expected
ALERT_ATTACKS = frozenset({"attack", "strike", "raid", "shelling", "bombardment", "barrage",
                           "assault"})
ALERT_MODIFIERS = frozenset({"another", "new", "further", "more", "possible", "imminent",
                             "repeated", "renewed", "fresh", "likely", "potential"})


# what one meets that is not a party: "to meet its urgent needs", "the demands were met"
MET_REQUIREMENTS = frozenset({"need", "demand", "requirement", "target", "goal", "deadline",
                              "expectation", "criterion", "criteria", "condition", "standard",
                              "obligation", "quota", "threshold", "challenge", "cost",
                              "commitment", "pledge", "request", "fate", "end", "death"})


def _reaction_met(tok) -> bool:
    """"X was met with skepticism / protests": the passive of "meet with" tells how something
    was received, not a meeting; "to meet its urgent needs", "if his demands were met", "met
    his death": a requirement fulfilled or a fate, not a meeting."""
    if tok.lemma_.lower() != "meet":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MET_REQUIREMENTS
           for c in tok.children):
        return True
    return any(c.dep_ == "auxpass" for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)


# a quoted question just before the verb, its speaker between ('"Why now?" he asked')
_QUESTION_QUOTED = re.compile(r"\?\s*[\"”’']\s*,?\s*(?:[\w.-]+\s+){0,3}$")


def _question_put(tok) -> bool:
    """"When asked how he would respond, ...", "Asked about the strike, ...": a reduced clause
    with no subject of its own: the speaker was asked, nobody requested anything; '"Were they
    armed?" he asked': a question quoted, put by the speaker."""
    if tok.lemma_.lower() != "ask":
        return False
    if _QUESTION_QUOTED.search(tok.doc[tok.sent.start:tok.i].text + " "):
        return True
    if tok.tag_ != "VBN":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in tok.children):
        return False
    return tok.dep_ in ("advcl", "ROOT", "csubj") or any(
        c.dep_ == "advmod" and c.lower_ in ("when", "if", "once") for c in tok.children)


ATTACK_MEANS = frozenset({"drone", "drones", "jet", "jets", "warplane", "warplanes", "aircraft",
                          "helicopter", "helicopters", "missile", "missiles", "rocket", "rockets",
                          "bomb", "bombs", "munition", "munitions", "artillery", "mortars",
                          "shells",
                          # the means of a dispersal: "police deploying tear gas"
                          # (not ammunition: "would deploy depleted uranium ammunition if
                          # ..." threatens)
                          "gas", "teargas", "cannon", "cannons", "batons"})
# whom a service recruits as its agent: one person, not a force mobilised
RECRUITED_AGENTS = frozenset({"man", "woman", "suspect", "citizen", "resident", "he", "she",
                              "agent", "informant", "teenager", "student", "person", "him",
                              "her", "who", "national", "local"})


def _recruited_agent(tok) -> bool:
    """"The man was recruited by the special services", "after being recruited remotely":
    a service enlisting an agent, not a mobilisation of forces."""
    if tok.lemma_.lower() != "recruit":
        return False
    people = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl" and not people:
        people = [tok.head]
    if not people:  # "after being recruited": the clause's subject
        return tok.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in tok.children)
    return all(p.lower_ in RECRUITED_AGENTS or p.lemma_.lower() in RECRUITED_AGENTS
               and p.tag_ in ("NN", "NNP", "PRP") for p in people)


def _weapons_deployed(tok) -> bool:
    """"deployed suicide drones", "fighter jets were deployed to strike": weapons sent into an
    attack are its means (the attack is its own mention), not a mobilisation of forces."""
    if tok.lemma_.lower() != "deploy":
        return False
    if tok.dep_ in ("amod", "acl") and tok.head.lower_ in ATTACK_MEANS:
        return True  # (the parser reads "X deployed drones" as "deployed drones" sometimes)
    if any(c.dep_ == "nsubj" and c.lower_ in ATTACK_MEANS for c in tok.children):
        return True  # "Drones deployed to support the army carried out strikes": a reduced
        #              relative read as the clause's verb; weapons do not deploy themselves
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ATTACK_MEANS
               for c in tok.children)


ATTEMPT_NOUNS = frozenset({"attempt", "attempts", "effort", "efforts", "bid", "bids"})


def _attempt_at(tok) -> bool:
    """"attempts at mediation", "efforts at a truce": an event noun the attempt is aimed at."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "at" and head.head.lower_ in ATTEMPT_NOUNS


# who a source talks to when it talks to the press
PRESS_WORDS = frozenset({"afp", "reuters", "ap", "bbc", "cnn", "xinhua", "tass", "ria",
                         "reporters", "reporter", "journalists", "journalist", "press", "media",
                         "newspaper", "outlet", "broadcaster", "correspondent", "correspondents",
                         "interviewer", "channel", "television", "radio", "agency", "daily"})


def _speaks_to_the_press(tok) -> bool:
    """A "speak/talk to|with" whose listener is the press or a news agency."""
    if tok.lemma_.lower() not in ("speak", "talk"):
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.lower_ in PRESS_WORDS or any(
                    c.dep_ == "compound" and c.lower_ in PRESS_WORDS for c in obj.children)):
                return True
    return False


MEDIA_HEADS = frozenset({"video", "footage", "image", "photo", "photograph", "clip", "picture",
                         "recording", "livestream"})
EQUIPMENT_HEADS = frozenset({"police", "policeman", "policemen", "officer", "gear", "squad",
                             "unit", "shield", "control", "cop", "vehicle", "marshal",
                             # "fire crews", "the fire service", "a fire engine"
                             "crew", "brigade", "service", "department", "station", "engine",
                             "truck", "fighter", "alarm", "safety", "hydrant", "escape", "exit"})
SITE_NOUNS = frozenset({"site", "scene", "aftermath", "wreckage", "rubble", "ruins",
                        "remains", "debris", "crater"})


def _site_of(tok) -> bool:
    """"the site of an air strike", "the aftermath of the attack", "debris of a drone": the
    place or traces of an event, which the report tells (or not) in its own words."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SITE_NOUNS


READY_WORDS = frozenset({"open", "ready", "willing", "prepared", "amenable", "receptive"})
# verbs that stop, call off or shun a meeting: "suspended talks", "cancelled the summit",
# "boycotted the negotiations"
CALL_OFF_VERBS = frozenset({"suspend", "cancel", "postpone", "halt", "freeze", "abandon",
                            "boycott", "scrap", "shelve", "delay", "adjourn", "derail",
                            "torpedo", "snub", "skip", "quit"})


def _called_off(tok) -> bool:
    """A meeting as the object of a verb that stops or shuns it ("suspended peace talks",
    "the summit was postponed", "broke off negotiations", "pulled out of the talks")."""
    head = tok.head
    if head.i == tok.i:
        return False
    lem = head.lemma_.lower()
    if tok.dep_ in ("dobj", "nsubjpass") and lem in CALL_OFF_VERBS:
        return True
    if tok.dep_ == "dobj" and lem == "break" and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
        return True
    # "pulled out of the talks", "walked out of the negotiations", "withdrew from the talks"
    return tok.dep_ == "pobj" and head.lower_ in ("of", "from") and (
        head.head.lemma_.lower() in ("pull", "walk", "withdraw", "step")) and \
        head.head.i != head.i


# nouns of what is wanted, whose "for" names what has not been held: "the need for talks",
# "a push for a summit", "hopes for negotiations"
WANT_NOUNS = frozenset({"need", "necessity", "push", "call", "hope", "prospect", "plea",
                        "appeal", "pressure", "case", "demand", "desire", "preparation"})


def _open_to(tok) -> bool:
    """"open to a direct meeting", "ready for talks", "the door is open for a summit", "the
    need for talks": what someone would accept or wants, not held."""
    head = tok.head
    if tok.dep_ != "pobj" or head.lower_ not in ("to", "for"):
        return False
    gov = head.head
    if gov.lemma_.lower() in READY_WORDS or head.lower_ == "for" and (
            gov.lemma_.lower() in WANT_NOUNS and gov.pos_ == "NOUN"):
        return True
    # the preposition hangs on the copula: "the door is now open for new talks"
    return gov.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ in READY_WORDS for c in gov.children)


ATTEMPT_VERBS = frozenset({"try", "attempt", "strive", "struggle"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})


ORDER_VERBS = frozenset({"order", "instruct", "command", "direct", "tell"})


def _ordered(tok) -> bool:
    """"ordered the military to strike", "told troops to attack": an order's infinitive."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ORDER_VERBS


def _attempted(tok) -> bool:
    """"trying to mediate", "attempted to broker": an infinitive under a verb of trying;
    "to try to restart talks": a noun that such an infinitive takes as its object."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
        tok = tok.head
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ATTEMPT_VERBS


SPAN_PREPS = frozenset({"since", "between", "from"})


def _since_clause(tok) -> bool:
    """"two years since Moscow launched its invasion", "its sway rose since it began arming
    the militias", "since withdrawing from the deal": a past clause of "since" is the point a span of time runs
    from, a known earlier event, not news (the verb of a nominal trigger decides; "since" on
    the first of coordinated verbs covers them all)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else (
        tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else None)
    while verb is not None:
        if verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "mark" and c.lower_ == "since"
                                               for c in verb.children):
            return True
        if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when"
                                        for c in verb.children) and \
                verb.head.dep_ == "pobj" and verb.head.head.lower_ in SPAN_PREPS:
            return True  # "since March 3, when the rebels attacked the capital, ...": the
            #              day a span runs from, told by what happened on it
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "since":
            return True  # "since withdrawing from the deal"
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head  # "since it began supporting"
        elif verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        else:
            return False
    return False


def _before_present(tok) -> bool:
    """"before Brazil hosts the summit", "until the army withdraws": a present-tense
    clause of "before"/"until" tells what has not happened yet."""
    return tok.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "mark" and c.lower_ in ("before", "until", "till") for c in tok.children)


# words whose "if" clause is an indirect question, not a condition
ASKING_HEADS = frozenset({"unclear", "clear", "known", "unknown", "know", "ask", "wonder",
                          "check", "verify", "confirm", "determine", "establish", "sure",
                          "certain", "uncertain", "say", "tell", "see", "investigate"})


def _open_question(tok) -> bool:
    """An indirect question: "officials asked whether any soldiers were killed", "it is unclear
    whether the drones hit the depot". The clause is asked about, not told; its verb (or the
    verb a nominal trigger hangs on) has the marker "whether", or "if" under a word of asking
    or knowing ("unclear if", "did not say if")."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("ccomp", "advcl", "csubj"):
            if any(c.dep_ == "mark" and c.lower_ == "whether" for c in cur.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ == "if" for c in cur.children) and (
                    cur.head.lemma_.lower() in ASKING_HEADS or any(
                        c.dep_ == "acomp" and c.lower_ in ASKING_HEADS
                        for c in cur.head.children)):  # ("it is unclear if": "is" heads it)
                return True  # "unclear if anyone was hurt": "if" as "whether"
            if cur.dep_ in ("ccomp", "advcl", "csubj", "ROOT", "relcl", "conj"):
                return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


SEQUEL_VERBS = frozenset({"follow", "come", "came", "precede"})


def _long_span_of(tok) -> bool:
    """"to end three years of fighting", "after months of shelling", "struck by decades of
    unrest", "a rise in attacks": a war or a campaign measured over a long span, or its
    trend, is the state of things, not one incident (days of fighting may be the news)."""
    prep = tok.head
    if tok.dep_ in ("pobj", "pcomp") and prep.lower_ == "of" and \
            prep.head.i != prep.i and prep.head.lower_ in LONG_SPANS:
        return True
    # a trend of them: "a rise in terrorist attacks", "a surge in drone strikes"
    if tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head.i != prep.i and \
            prep.head.lemma_.lower() in TREND_NOUNS:
        return True
    # struck by a long span of it: "suffered, struck by decades of unrest"
    return any(c.dep_ == "agent" and any(
        g.dep_ == "pobj" and g.lower_ in LONG_SPANS for g in c.children) for c in tok.children)


TREND_NOUNS = frozenset({"rise", "increase", "surge", "spike", "uptick", "upsurge", "jump",
                         "decline", "drop", "fall", "decrease", "reduction", "lull"})


def _sequel_of(tok) -> bool:
    """"The latest attack follows explosions at ...", "The strikes come amid / days after
    clashes ...": the noun is an earlier event the report points back to."""
    cur, path = tok, []
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return False
        path.append((cur.dep_, head))
        if head.pos_ in ("VERB", "AUX"):
            break
        cur = head
    dep, verb = path[-1]
    lemma = verb.lemma_.lower()
    if lemma == "follow" and dep == "dobj" and len(path) == 1:
        return True
    if lemma in ("come", "follow") and len(path) == 2 and path[0][0] == "pobj" and \
            path[0][1].lower_ in ("amid", "after", "following"):
        return True
    return False


TIME_PREPS = frozenset({"after", "before", "following", "since", "ahead", "prior", "until",
                        "pending"})


def _told_in_full(tok) -> bool:
    """The meeting noun names its parties ("of the two delegations", "between X and Y", "with
    the Russian president") and its place ("in Jeddah") in its own phrase."""
    parties = any(c.dep_ == "prep" and c.lower_ in ("of", "between", "with")
                  for c in tok.children)
    place = any(t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in ("in", "at")
                for t in tok.subtree)
    return parties and place


def _time_adjunct(tok) -> bool:
    """A meeting or deal named to date something else ("the pause came after a heated
    meeting", "ahead of Sunday's talks", "prior to the summit"): told as the time of another
    event, earlier or to come, not reported as news of its own."""
    head = tok.head
    if tok.dep_ != "pobj" or head.i == tok.i:
        return False
    prep = head.lower_
    if prep in ("after", "following") and _told_in_full(tok):
        return False  # "a statement following the meeting of the two delegations in Jeddah":
        #               its parties and its place make it the report's news, not a date
    if prep == "of" and head.head.lower_ in ("ahead", "prior"):
        return True  # "ahead of the talks"
    if prep == "to" and head.head.lower_ == "prior":
        return True
    return prep in TIME_PREPS


def _opening_gerund(match: TriggerMatch, tok) -> bool:
    """"Fighting flares in the east": a phrase trigger opened by a gerund the parser took for
    a modifier; the phrase itself says the event happens."""
    return tok.tag_ == "VBG" and tok.i == tok.sent.start and match.end - match.start > 1


DELIBERATE = frozenset({"deliberately", "intentionally", "systematically", "purposely",
                        "consciously", "knowingly", "wilfully", "willfully"})
CLAIM_VERBS = frozenset({"say", "show", "prove", "demonstrate", "claim", "insist", "tell",
                         "write", "add", "state", "confirm", "reveal", "mean"})


def _characterised_attack(tok) -> bool:
    """A speaker's characterisation of a side's conduct, not a report of one attack:
    "(said) the strike showed that Russia was deliberately targeting civilians"."""
    if not any(c.dep_ == "advmod" and c.lower_ in DELIBERATE for c in tok.children):
        return False
    if tok.tag_ not in ("VBG", "VBZ", "VBP"):
        return False  # "troops deliberately shelled the hospital on Monday": an attack
    cur = tok
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return False
        if cur.head.lemma_.lower() in CLAIM_VERBS:
            return True
        cur = cur.head
    return False


# verbs and nouns of an arrest or a conviction, whose "for" (or "on suspicion of") phrase
# names the charge
CHARGE_VERBS = frozenset({"detain", "arrest", "jail", "imprison", "charge", "convict",
                          "sentence", "fine", "prosecute", "hold", "punish", "indict", "try",
                          "question", "summon", "deport", "expel"})
CONFESS_VERBS = frozenset({"confess", "admit"})
CHARGE_NOUNS = frozenset({"suspicion", "charge", "charges", "accusation", "accusations",
                          "allegation", "allegations"})
# a verdict's words: "found him guilty of killing a general" (a court's finding; "both sides
# are guilty of violating the truce" is a finding about acts and stays)
VERDICT_ADJ = frozenset({"guilty", "innocent", "convicted", "acquitted"})
VERDICT_VERBS = frozenset({"find", "plead", "declare", "rule", "prove", "convict", "acquit"})


# objects of "kill" that are no people: a vote or a veto kills a text, a plan or hopes
NOT_LIVING = frozenset({"resolution", "bill", "deal", "proposal", "plan", "measure", "motion",
                        "draft", "agreement", "talks", "idea", "initiative", "project",
                        "legislation", "amendment", "hope", "hopes", "chance", "chances",
                        "treaty", "accord", "story", "engine", "lights", "power"})
# what a war's toll is counted over: "killed in the war", "killed since the invasion began"
WAR_NOUNS = frozenset({"war", "conflict", "invasion", "hostilities", "insurgency",
                       "rebellion", "uprising"})
TOLL_VERBS = frozenset({"kill", "injure", "wound", "murder", "slaughter", "massacre"})
# a "since" of a recent day: SAME_DAY's words, "last"/"this"/"early" ..., "the weekend"
_RECENT = re.compile(r"^(?:the\s+)?(?:" + "|".join(sorted(SAME_DAY | {"weekend"})) +
                     r"|last|this|early)\b", re.I)


ALERT_NOUNS = frozenset({"alert", "alarm", "siren", "warning", "shelter", "drill",
                         "signal"})
RETURN_VERBS = frozenset({"hand", "return", "repatriate", "exchange", "swap", "receive",
                          "transfer", "release", "bury", "identify"})
RETURN_NOUNS = frozenset({"exchange", "return", "repatriation", "handover", "transfer", "swap",
                          "burial"})


# what makes a gathering a protest: its words in the clause, or a crowd of protesters
PROTEST_CUES = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|chant\w*|"
                          r"slogans?|placards?|banners?|demand\w*|against|condemn\w*|"
                          r"denounc\w*|vigil|sit-in|march\w*|marched|strike)\b", re.I)
NOT_PROTESTERS = frozenset({"militant", "fighter", "militia", "troop", "soldier", "rebel",
                            "gunman", "jihadist", "insurgent", "terrorist", "bandit",
                            "extremist", "attacker"})
# what is deployed that is no force moved: weapons, craft and the like
DEPLOYED_MEANS = frozenset({"drone", "uav", "missile", "rocket", "aircraft", "plane",
                            "jet", "helicopter", "defence", "defense", "system", "weapon",
                            "vehicle", "munition", "bomb", "shahed", "decoy", "balloon"})


TALKS_STALL = frozenset({"falter", "stall", "collapse", "stagnate", "founder", "fail",
                         "deadlock", "languish"})


def _state_of_talks(tok) -> bool:
    """Talks named only to say how they stand: the subject of "falter", "stall", "collapse"
    ("break down"), or what a party "is engaged in" (a present state)."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and (
            head.lemma_.lower() in TALKS_STALL or head.lemma_.lower() == "break" and any(
                c.dep_ == "prt" and c.lower_ == "down" for c in head.children)):
        return True
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in (
            "engage", "involve", "mire", "bog") and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "am", "'s", "'re",
                                                         "remain", "remains")
            for c in head.head.children):
        return True
    return False


def _protest_gathering(tok) -> bool:
    """A gathering is a protest only with a protest word in its clause ("gathered outside
    the embassy chanting slogans", "gathered to demand") and not by armed men."""
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ == "relcl":
        subj.append(tok.head)
    if any(w.lemma_.lower() in NOT_PROTESTERS for s in subj for w in s.subtree):
        return False
    clause = " ".join(t.text for t in tok.subtree)
    return bool(PROTEST_CUES.search(clause)) or any(
        w.lemma_.lower() in ("protester", "protestor", "demonstrator", "activist")
        for s in subj for w in s.subtree)


def _deployed_means(tok) -> bool:
    """"deploy" whose object (or passive subject) is a weapon or craft, or a participle on
    a person ("an official deployed for the summit"): no force is mobilised."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lemma_.lower() in DEPLOYED_MEANS or any(
            c.lemma_.lower() in DEPLOYED_MEANS for c in o.children if c.dep_ == "compound")
           for o in objs):
        return True
    return tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and \
        tok.head.lemma_.lower() in ("official", "officer", "spokesman", "spokesperson",
                                    "envoy", "diplomat", "adviser", "advisor")


ARREST_VERBS = frozenset({"detain", "arrest", "jail", "imprison", "hold", "sentence",
                          "apprehend", "convict", "remand"})


def _arrest_charge(tok) -> bool:
    """An accusation that is the charge of an arrest told in the same clause: a relative
    clause on the person arrested ("arrested the man, who was accused of spying"). (PLOVER
    codes "jailed 52 members on allegations of treason" as the accusation, so the arrest's
    own "on charges of" phrase stays one.)"""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl" and cur.head.dep_ in ("dobj", "nsubjpass") and \
                cur.head.head.lemma_.lower() in ARREST_VERBS:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _sourcing_infinitive(tok) -> bool:
    """A wire's sourcing formula: "to discuss X" that says why a source speaks unnamed
    ("spoke on condition of anonymity to discuss the operation"). ("Not authorized to
    discuss" is already no meeting: what one may do is no act.)"""
    if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    return tok.dep_ in ("advcl", "xcomp", "acl") and any(
        t.lower_ == "anonymity" for t in head.subtree if t.i < tok.i)


def _dead_returned(tok) -> bool:
    """ "dead" describing bodies handed back, received or buried: "Hamas handed over four
    dead hostages", "the exchange of the remains of dead soldiers"."""
    if tok.lower_ != "dead" or tok.dep_ != "amod":
        return False
    noun = tok.head
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in RETURN_VERBS:
        return True
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and
            (noun.head.head.lower_ == "remains"
             or noun.head.head.lemma_.lower() in ("body", "corpse"))):
        return False
    cur = noun.head.head  # the remains: handed back or exchanged ("bodies of dead civilians
    for _ in range(4):    # were found" tells killings and stays)
        if cur.lemma_.lower() in RETURN_VERBS | RETURN_NOUNS:
            return True
        if cur.dep_ not in ("conj", "pobj", "prep", "dobj", "nsubjpass", "nsubj") or \
                cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _killed_no_one(tok) -> bool:
    """ "Russia's veto killed the draft resolution", "the move killed hopes of a deal": the
    object of "kill" is a text, a plan or a hope, not people."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in NOT_LIVING or o.lower_ in NOT_LIVING
                              for o in objs)


def _war_toll(tok) -> bool:
    """A toll counted over a war, not one attack: a participle "killed in the war" (or
    "conflict", "invasion") describing people ("the remains of soldiers killed in the war"),
    or a present perfect of which a war is the subject ("the insurgency has killed 3,000"),
    or one with a "since" that is not a recent day ("the bombardment has
    killed 5,000 people since then", "... since the invasion began"; "since Monday" is a
    recent attack's toll and stays)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in TOLL_VERBS:
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in" and tok.tag_ == "VBN" and \
                tok.dep_ in ("acl", "relcl", "ccomp", "conj", "advcl") and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in WAR_NOUNS and not any(
                        m.dep_ == "amod" for m in o.children) for o in c.children):
            return True
    perfect = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have")
                                        for c in tok.children)
    if not perfect:
        return False
    for c in tok.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in WAR_NOUNS:
            return True  # "the insurgency has killed 3,000 villagers": the war's toll
        if c.lower_ == "since" and c.dep_ in ("prep", "advmod", "mark"):
            rest = " ".join(t.text for t in c.subtree if t.i != c.i) or \
                (tok.doc[c.i + 1].text if c.i + 1 < len(tok.doc) else "")
            if rest and not _RECENT.match(rest):
                return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since"
                                     for m in c.children) and \
                not any(_RECENT.match(t.text) for t in c.subtree):
            return True  # "... since the offensive began" (not "since the army left on Monday")
    return False


# who gives care at the scene of an attack
MEDIC_WORDS = frozenset({"medic", "paramedic", "doctor", "ambulance", "rescuer", "crew",
                         "nurse", "medical", "hospital", "responder", "emt"})
CARE_NOUNS = frozenset({"assistance", "aid", "help", "care", "treatment", "attention"})


def _care_for_casualties(tok) -> bool:
    """Care given at the scene: a medical or rescue crew gives care ("the ambulance crew
    provided help to three residents"), or a passive with no giver hands medical care to the
    wounded ("the injured were provided with medical help at the scene")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    care = any(c.dep_ == "dobj" and c.lemma_.lower() in CARE_NOUNS for c in verb.children)
    for c in verb.children:
        if care and c.dep_ == "nsubj" and (c.lemma_.lower() in MEDIC_WORDS or any(
                m.dep_ in ("compound", "amod") and m.lemma_.lower() in MEDIC_WORDS
                for m in c.children)):
            return True  # (doctors who hand over medicine to a relief agency give aid)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return any(t.lemma_.lower() in CARE_NOUNS and any(
            m.dep_ == "amod" and m.lower_ in ("medical", "first", "psychological")
            for m in t.children) for t in verb.subtree)
    return False


INQUIRY_NOUNS = frozenset({"investigation", "investigator", "probe", "inquiry", "inquest",
                           "prosecutor", "prosecution", "detective", "interrogator"})


def _helps_an_inquiry(tok) -> bool:
    """The verb's partner ("with ...") is a criminal inquiry or those who run it."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in INQUIRY_NOUNS for o in c.children)
        for c in tok.children)


def _charge_of(tok) -> bool:
    """The trigger names what someone is held for: it lies in the "for" phrase of an
    arrest ("detained three activists for urging a strike"), or after "on suspicion/charges
    of" ("detained on suspicion of backing an outlawed movement")."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in ("pcomp", "pobj") and head.lower_ == "for" and \
                head.head.lemma_.lower() in CHARGE_VERBS:
            return True
        if cur.dep_ in ("pcomp", "pobj") and head.lower_ == "of" and \
                head.head.lower_ in CHARGE_NOUNS:
            return True
        if cur.dep_ in ("pcomp", "pobj") and (
                head.lower_ == "of" and head.head.lemma_.lower() == "suspect"
                or head.lower_ == "to" and head.head.lemma_.lower() in CONFESS_VERBS):
            return True  # "people it suspects of aiding the enemy", "he admitted to
            #              having worked for a foreign service": what one is held to have done
        if cur.dep_ in ("pcomp", "pobj") and head.lower_ == "of" and \
                head.head.lower_ in VERDICT_ADJ and \
                head.head.head.lemma_.lower() in VERDICT_VERBS:
            return True  # "found him guilty of killing a general": a verdict's charge
        if cur.dep_ not in ("pcomp", "pobj", "compound", "amod", "conj", "prep"):
            return False
        cur = head  # ("guilty of killing a general in a car bombing": the bombing too)
    return False


TOPIC_VERBS = frozenset({"discuss", "debate", "consider", "negotiate", "review", "address",
                         "raise", "propose", "plan", "prepare", "explore", "examine"})
TOPIC_NOUNS = frozenset({"talks", "negotiations", "discussions", "discussion", "meeting",
                         "proposal", "proposals", "plan", "plans", "deal", "framework",
                         "agreement", "agreements", "accord"})
# what an act named as a deal's kind makes a term of it: "a prisoner exchange agreement"
DEAL_NOUNS = frozenset({"agreement", "deal", "accord", "plan", "proposal", "framework"})


def _terms_of_deal(tok, mod) -> bool:
    """The trigger is a term of a deal or plan: a future or conditional act "under the terms
    of the agreement" ("troops will withdraw", "hostages would be freed"), or what a deal, a
    plan or a phase of one "includes", "envisions" or "would see" (whatever the tense)."""
    sent = tok.sent
    rel = tok.idx - sent.start_char
    if any(m.end() <= rel for m in DEAL_PROVIDES.finditer(sent.text)):
        return True
    verb = tok
    for _ in range(8):  # up to the verb of the trigger's clause, through noun phrases
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("amod", "compound"):
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    if mod.future or mod.hypothetical:
        for t in (tok, verb):
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in ("under", "per"):
                    objs = [o for o in prep.subtree if o.dep_ == "pobj"][:2]
                    if any(o.lemma_.lower() in DEAL_NOUNS for o in objs):
                        return True
        if verb.dep_ == "relcl" and verb.head.lemma_.lower() in DEAL_NOUNS:
            return True  # "a swap deal, under which 20 captives would be let go"
    cur, steps = verb, 0
    while steps < 3 and cur.pos_ in ("VERB", "AUX"):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if cur.lemma_.lower() in DEAL_PROVIDE_VERBS and subj is not None and \
                subj.lemma_.lower() in DEAL_NOUNS and cur is not tok:
            return True  # "the proposal envisions a pause alongside a prisoner exchange"
        if cur.dep_ not in ("relcl", "xcomp", "ccomp", "advcl", "conj") or cur.head.i == cur.i:
            break
        if cur.dep_ == "relcl" and cur.head.lemma_.lower() not in DEAL_NOUNS and \
                cur.head.pos_ == "NOUN":
            cur = cur.head
            while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
                cur = cur.head  # the clause the noun of the relative clause stands in
        else:
            cur = cur.head
        steps += 1
    return False


def _topic_of_talks(tok) -> bool:
    """A noun trigger that is what people talk about, not what happened: the object of
    "discuss"/"negotiate" (through "the resumption of ..."), or "talks on ..."."""
    cur = tok
    listed = False  # reached through "including": one of the topics listed
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return False
        listed = listed or (cur.dep_ == "pobj" and head.lower_ == "including")
        if (cur.dep_ in ("dobj", "pobj", "nsubjpass") or listed and cur.dep_ in (
                "prep", "nsubj")) and head.lemma_.lower() in TOPIC_VERBS and head.pos_ == "VERB":
            return True  # a listed topic: "discussed aid during the truce, including the
            #              exchange of prisoners" (however the parser attaches "including")
        if cur.dep_ == "pobj" and head.lower_ in ("on", "about", "over") and \
                head.head.lower_ in TOPIC_NOUNS:
            return True
        if cur.dep_ == "compound" and cur.pos_ == "NOUN" and \
                head.lemma_.lower() in DEAL_NOUNS:
            return True  # "a ceasefire and prisoner exchange agreement": the deal's terms
        if cur.dep_ not in ("pobj", "prep", "compound", "dobj", "conj", "amod", "nmod") and \
                not (listed and cur.dep_ == "nsubj"):
            return False
        cur = head
    return False


def _anaphoric_nominal(tok) -> bool:
    """A nominal trigger that only refers back ("the talks had been useful", "in the attack")
    or speaks in general ("comments on individual attacks"): no modifier of its own that
    anchors it (an actor word, a place or time phrase, a number)."""
    children = list(tok.children)
    det = next((c for c in children if c.dep_ in ("det", "poss")), None)
    anchors = [c for c in children if c.dep_ in ("amod", "compound", "nummod", "prep", "npadvmod",
                                                   "nmod", "poss", "acl")
               and c.lower_ not in ("new", "individual", "further", "more", "such", "other",
                                    "previous", "future", "possible")]
    if det is not None and det.lower_ in DETERMINERS and det.dep_ == "det":
        if _occurs(tok) and _placed_verb(tok.head):
            return False  # "The rallies took place in towns such as X, Y and Z": the
            #               places where the incident told before happened
        # "the attack on the port", "the strike in Nuseirat" anchor it; "the attack" does not
        return not any(c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near", "against",
                                                          "between", "with", "by", "of",
                                                          "from")
                       for c in children) and not any(c.dep_ in ("compound", "amod", "nmod")
                                                      and c.pos_ == "PROPN" for c in children)
    if any(c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i for c in children):
        return False  # "its demand that Israel ease restrictions": the content anchors it
    if det is not None and det.dep_ == "poss" and det.lower_ in DETERMINERS:
        return not any(c.dep_ == "prep" for c in children)
    if tok.tag_ == "NNS" and det is None and not anchors:
        return not _occurs(tok)
    return False


# verbs that tell that an event happened: "protests took place", "clashes erupted"
OCCURRENCE_VERBS = frozenset({"erupt", "occur", "rage", "spread", "flare", "unfold", "resume"})


# verbs whose object protest is called for, not held ("announced protests", "planned a strike")
ANNOUNCED_PROTEST_VERBS = frozenset({"announce", "plan", "schedule", "organise", "organize",
                                     "threaten", "urge"})
PLACE_LIST_NOUNS = frozenset({"cities", "towns", "villages", "regions", "provinces", "areas"})


def _placed_verb(verb) -> bool:
    """The verb has a locative phrase naming places: "in Tehran", "in cities including X"."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "across", "at") and any(
        o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.lower_ in PLACE_LIST_NOUNS)
        for o in c.children) for c in verb.children)


# verbs whose subject is a place that saw an event ("the town reported clashes")
PLACE_SAW_VERBS = frozenset({"report", "see", "witness", "record", "experience"})
PLACE_NOUNS = frozenset({"town", "city", "village", "region", "province", "area", "county",
                         "district", "state", "capital"})


def _occurs(tok) -> bool:
    """A bare plural told as happening: the subject of "take place", "break out", "be held",
    "erupt", "spread" ("Protests took place in several cities"), or reported or heard at
    named places ("Explosions were reported in Kyiv and Odesa")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.dep_ in ("nsubj", "nsubjpass"):
        tok = tok.head.head  # "most of those arrests were made in X": the part told
    verb = tok.head
    if tok.dep_ == "dobj" and verb.pos_ == "VERB" and \
            verb.lemma_.lower() in PLACE_SAW_VERBS and any(
                c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lemma_.lower() in PLACE_NOUNS)
                for c in verb.children):
        return True  # "other towns like X and Y reported clashes", "Nyeri saw protests": a
        #              place that saw them, where they happened
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    kids = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "prt")}
    return lemma in OCCURRENCE_VERBS or (lemma == "take" and "place" in kids) or (
        lemma == "break" and "out" in kids) or (lemma == "hold" and tok.dep_ == "nsubjpass") or (
        # "Strikes were reported in Kyiv, Odesa and Dnipro": reported at named places
        lemma in ("report", "hear", "record") and tok.dep_ == "nsubjpass" and _placed_verb(verb)) or (
        # "most of those arrests were made in X, Y and Z": where they were made
        lemma in ("make", "carry") and tok.dep_ == "nsubjpass" and _placed_verb(verb))


def _most_specific(matches: list) -> list:
    """A bare one-word match gives way to a longer match of another type on the same head
    that spells out its object: "ousted the consular staff" is an expulsion (a sanction), not the
    "ousted" of a battle; "expelled diplomats" is not the "expel" of residents. So does a
    surface match of any length to a dependency pattern of another type on the same head
    that covers it and names by its role a word the surface pattern skipped over or did not
    reach: "ordered the envoy to leave" is an expulsion, not the "ordered ... to leave" of
    residents. A match whose tested words are all tested by a match of another type that
    tests more gives way too: "signed a peace agreement" is agreed to (sign, peace,
    agreement), not the signing of any agreement (sign, agreement) that SUPPORT codes.
    (Two patterns testing the same words, "lifted the blockade", both stand. A
    word that only counts when negated, "would not recognise the results", keeps its
    match.)"""
    return [m for m in matches if not (m.type != "NONE" and any(
        o is not m and o.head == m.head and o.type != m.type and o.type != "NONE"
        and o.start <= m.start and m.end <= o.end
        and (m.end - m.start == 1 and o.end - o.start > 1
             or isinstance(o.pattern, DepPattern) and not isinstance(m.pattern, DepPattern)
             and bool(set(o.words) - set(m.words))
             or bool(m.words) and set(m.words) < set(o.words))
        for o in matches))]


def find_mentions(sent: "SpacySpan", lexicon: Lexicon, *,
                  background_tokens: frozenset[int] = frozenset(),
                  since_tokens: frozenset[int] = frozenset(),
                  headline: bool = False) -> list[Mention]:
    """Event mentions of one sentence. `headline`: the sentence is a title line (headlines
    tell past events in the simple present). `background_tokens`: tokens of history/since
    phrases;
    `since_tokens`: those of "since ..." phrases among them, which do not make a perfect-tense
    non-violent event history ("fighters have been demobilized since the accord": the
    demobilisation is the news; "have been killed since the war began" is a running total)."""
    if _direct_question(sent):
        return []  # "What do we know about the attack?", "Will Israel strike again?"
    matches = _most_specific(lexicon.match(token_views(sent), sent=sent))
    if not matches:
        return []
    heads = {m.head: m.type for m in matches}
    mentions: list[Mention] = []
    doc = sent.doc
    for m in matches:
        etype = _final_type(m, sent, heads, headline=headline)
        if etype is None:
            continue
        tok = doc[m.head]
        if etype == "RETREAT" and _forced_back(tok):
            continue
        if _imperative(tok) or etype == "SUPPORT" and _describing_participle(tok):
            continue
        if etype in CROWD_CLAIMS and _crowds_claim(tok):
            continue
        if _in_background(tok, background_tokens) and not (
                etype not in ("ASSAULT", "COERCE") and perfect_tense(tok)
                and not _in_background(tok, background_tokens - since_tokens)):
            continue
        nominal = m.pattern.nominal
        merged = False
        for men in mentions:
            if men.type == etype and (_same_clause(doc, men.head, m.head)
                                      or (nominal or men.nominal) and not _new_subject(
                                          doc, men.head, m.head, nominal)):
                men.matches.append(m)
                if men.nominal and not nominal:
                    men.head, men.nominal = m.head, False
                men.weight = max(men.weight, m.entry.weight)
                men.mode = men.mode or m.entry.mode
                merged = True
                break
        if not merged:
            mentions.append(Mention(type=etype, matches=[m], head=m.head, nominal=nominal,
                                    weight=m.entry.weight, mode=m.entry.mode))
    return mentions


def _imperative(tok) -> bool:
    """A command that opens its sentence, with no subject and no auxiliary ("Support us with
    a donation", "Subscribe to our channel"): a page's appeal to its reader, not an event."""
    sent = tok.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space or t.is_quote)), None)
    return first is not None and first.i == tok.i and tok.tag_ == "VB" and (
        tok.dep_ == "ROOT" or tok.dep_ in ("advcl", "ccomp")
        and tok.head.lemma_.lower() in COMMAND_TELLERS) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children)
    # ("Agree to a truce or face sanctions, the leaders told Moscow": what someone is told to
    # do; the telling is the event)


# verbs that report a command quoted before them
COMMAND_TELLERS = frozenset({"tell", "say", "warn", "urge", "demand", "order", "write",
                             "post", "declare", "insist"})


def _describing_participle(tok) -> bool:
    """"The junta, backed by Moscow, tightened ...", "rebels supported by a
    neighbour": a participle that describes a party, not an act of support told."""
    if tok.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") or (
        # the parser may hang the set-off participle on the clause's verb
        tok.dep_ == "advcl" and any(c.dep_ == "agent" for c in tok.children)
        and (tok.i == tok.sent.start or tok.doc[tok.i - 1].text == ","))


# what a crowd demands or denounces as it marches is the protest's claim, not an act of its own
CROWD_CLAIMS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
CROWD_VERBS = frozenset({"rally", "march", "protest", "demonstrate", "gather", "chant",
                         "take", "pour", "fill", "flood", "converge", "assemble"})
CROWD_PEOPLE = frozenset({"protester", "protestor", "demonstrator", "crowd", "marcher"})
CROWD_NOUNS = CROWD_PEOPLE | {"rally", "march", "protest", "demonstration"}


def _crowds_claim(tok) -> bool:
    """"the march drew thousands of demonstrators demanding new elections", "students rallied in
    the capital, denouncing the government": a participle of demanding or denouncing that
    hangs on the crowd or on its marching tells the protest's claim."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("acl", "advcl", "xcomp", "conj"):
        return False
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma in CROWD_NOUNS or head.pos_ in ("VERB", "AUX") and lemma in CROWD_VERBS:
        return True
    # "the march drew thousands of demonstrators demanding ...": the crowd is the verb's
    # subject or object
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "dobj") and any(t.lemma_.lower() in CROWD_PEOPLE
                                            for t in c.subtree)
        for c in head.children)


FORCING_VERBS = frozenset({"force", "compel", "oblige", "make", "drive"})


def _forced_back(tok) -> bool:
    """A retreat forced on one side in a fight or a clash, with no ground named ("fought off
    the gunmen and forced them to retreat", "protesters forced the police to fall back"):
    the outcome of the attack or the clash told there, not an event of its own. A
    withdrawal from a named place ("were forced to withdraw from the town") is one."""
    return tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in FORCING_VERBS and \
        not any(c.dep_ == "prep" and c.lower_ in ("from", "out") or c.dep_ == "prt"
                and c.lower_ == "out" for c in tok.children)


QUESTION_OPENERS = frozenset({"what", "who", "why", "how", "when", "where", "which", "will",
                              "would", "did", "does", "do", "is", "are", "was", "were", "can",
                              "could", "should", "has", "have", "shall", "whose"})


def _direct_question(sent) -> bool:
    """The sentence is a direct question of the writer ("What is known so far about the
    attack?", "Will the army strike again?"): it asks, and tells no event. (A question
    quoted from someone is inside a longer sentence; "??" is a lost character.)"""
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or words[-1].text != "?" or words[-2].text == "?":
        return False
    first = words[0]
    return first.lower_ in QUESTION_OPENERS and not first.is_quote


def perfect_tense(tok) -> bool:
    """"have been demobilized", "has withdrawn": the present perfect."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                     and c.tag_ in ("VBP", "VBZ") for c in tok.children)


def _in_background(tok, background_tokens: frozenset[int]) -> bool:
    """True when a history/since time phrase modifies the trigger's clause."""
    if not background_tokens:
        return False
    sent = tok.sent
    for b in background_tokens:
        bt = tok.doc[b]
        # walk from the time phrase up to its clause verb; is that the trigger's clause?
        cur = bt
        for _ in range(6):
            if cur.i == tok.i or cur.i == tok.head.i and tok.dep_ in ("dobj", "pobj", "nsubj"):
                return True
            if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
                break
            if cur.pos_ in ("NOUN", "PROPN") and cur.i != tok.i and \
                    cur.i not in background_tokens and cur.dep_ not in ("npadvmod", "tmod"):
                break  # "the scene of violence last March" modifies a noun, not the event
            cur = cur.head
        if cur.i == tok.i:
            return True
        if tok.pos_ != "VERB" and cur.i == tok.head.i:
            return True
        if sent.start <= b < sent.end and 0 < b - tok.i <= 6 and tok.pos_ == "NOUN":
            return True
    return False


_ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his",
                             "her", "such"})


def _new_subject(doc, a: int, b: int, b_nominal: bool) -> bool:
    """The nominal trigger ``b`` is the subject of a clause coordinated with ``a``'s, and no
    determiner points back to ``a``'s event: "thousands rallied in X, and smaller protests
    were held in Y and Z" tells a second event ("..., and the protest ended peacefully" does
    not)."""
    if not b_nominal:
        return False
    tb = doc[b]
    if tb.dep_ not in ("nsubj", "nsubjpass") or any(
            c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS for c in tb.children):
        return False
    verb, ta = tb.head, doc[a]
    return verb.dep_ == "conj" and verb.i != a and (verb.head.i == a or verb.head.i == ta.head.i
                                                    or verb.head.i == ta.i)


def _same_clause(doc, a: int, b: int) -> bool:
    """Two trigger tokens belong to one event: same verb, or one is a participle/nominal
    dependent of the other ("struck ..., killing two"; "drone strike killed")."""
    if a == b:
        return True
    ta, tb = doc[a], doc[b]

    def clause_root(t):
        cur = t
        for _ in range(8):
            if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
                return cur
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("ccomp", "relcl", "parataxis"):
                return cur
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("conj", "advcl") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                return cur
            cur = cur.head
        return cur

    ra, rb = clause_root(ta), clause_root(tb)
    if ra.i == rb.i:
        return True
    # a coordinated clause with its own subject is a separate event
    for r1, r2 in ((ra, rb), (rb, ra)):
        if r1.dep_ == "conj" and r1.head.i == r2.i:
            has_subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in r1.children)
            return not has_subj
    return False
