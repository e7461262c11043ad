"""ACLED event and sub-event types of a violent event whose text names no weapon.

When the means are named, :func:`eventdesk.extraction.means.acled_hint` decides (a missile
attack, a drone strike, an IED). When they are not, the wording and the parties do, by the
ACLED codebook's definitions (word lists in ``data/quantities.yaml``, ``acled_words``):

* a non-state armed group taking a place ("the rebels took control of the town") is
  Battles / Non-state actor overtakes territory; other ground fighting and captures
  ("clashes", "an offensive", "a raid on a military base", "liberated the village",
  "repelled assaults") are Battles / Armed clash, as is an attack on armed men with no
  remote means;
* air words ("air strike", "warplanes", "bombed", "drone") make Explosions/Remote violence /
  Air/drone strike; remote-fire words ("shelled", "artillery", "rockets") a
  Shelling/artillery/missile attack;
* an armed group's direct violence against civilians (a massacre, gunmen killing villagers)
  is Violence against civilians / Attack, or Abduction/forced disappearance; small-arms
  fire ("a gunfight", "were shot") with no remote means is an Armed clash, or an Attack
  when the people hit are civilians;
* arson by people who are no armed force ("tried to set the enlistment office on fire") is
  Riots / Violent demonstration;
* otherwise ("a strike hit a house") a remote attack whose means are unknown: Explosions/Remote
  violence with the sub-event type an Air/drone strike when the attacker is a state whose
  strikes abroad are an air campaign (``acled_air_powers``: Israel, the United States, ...),
  else a shelling, which the document stage revises when the report's other attacks by the
  same side are air strikes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from eventdesk.records import Actor

STAGE = "extract.acled"
REMOTE = "Explosions/Remote violence"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
ARMED_SECTORS = frozenset({"MIL", "REB"})


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    raw = resources.files("eventdesk").joinpath("data/quantities.yaml").read_text("utf-8")
    table = yaml.safe_load(raw)["acled_words"]
    return {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in table.items()}


def acled_without_means(trigger: str, sentence: str, actor1: Actor | None,
                        actor2: Actor | None) -> tuple[str | None, str, str]:
    """(PLOVER mode or None, ACLED event type, sub-event type) from the wording and parties."""
    w = _words()
    words = f"{trigger} {sentence}"
    a1 = actor1.sector if actor1 is not None else None
    a2 = actor2.sector if actor2 is not None else None
    if w["abduction"].search(trigger):
        return (None, "Violence against civilians", "Abduction/forced disappearance")
    if w["arson"].search(words) and a1 not in ARMED_SECTORS and a1 != "GOV" and \
            not w["air"].search(words) and not w["remote"].search(words):
        # "attempts to set enlistment offices on fire", "a man threw a Molotov cocktail":
        # arson by people who are no armed force is a violent demonstration in ACLED's coding
        return (None, "Riots", "Violent demonstration")
    if w["protest"].search(words) and not w["air"].search(words) and \
            not w["remote"].search(words) and a1 != "REB":
        # deaths and shootings told of a demonstration: the crowd's violence (Riots) or the
        # force used against it (Protests)
        if a1 == "CVL":
            return (None, "Riots", "Violent demonstration")
        return (None, "Protests", "Excessive force against protesters")
    if w["air"].search(trigger):
        return ("aerial", REMOTE, AIR)
    if w["remote"].search(trigger):
        return ("heavy-weapons", REMOTE, SHELLING)
    if w["capture"].search(trigger):
        if a1 == "REB":
            return (None, "Battles", "Non-state actor overtakes territory")
        return (None, "Battles", "Armed clash")
    unarmed = a2 == "CVL" or a2 == "GOV" and not _POLICE.search(actor2.name or "") and \
        a1 in ARMED_SECTORS | {None}
    if unarmed and (w["ground"].search(trigger) or w["ground"].search(words)
                    or w["firearms"].search(words)) and \
            not w["air"].search(words) and not w["remote"].search(words) and \
            not _FIGHT.search(words):
        # "residents were killed during a raid on the camp", "gunmen raided a village": armed
        # men against unarmed people, with no fighting told, is Violence against civilians;
        # so is shooting a mayor or a councillor (an official who bears no arms is a
        # civilian in ACLED's coding; police are an armed force)
        return (None, "Violence against civilians", "Attack")
    if w["ground"].search(trigger) or w["firearms"].search(words) and \
            not w["air"].search(words) and not w["remote"].search(words):
        # clashes, raids, gunfights ("a four-hour gunfight between troops and militants")
        return (None, "Battles", "Armed clash")
    if w["air"].search(words) and not w["remote"].search(words):
        return ("aerial", REMOTE, AIR)
    if w["remote"].search(words):
        return ("heavy-weapons", REMOTE, SHELLING)
    air_power = actor1 is not None and actor1.country in _air_powers() and \
        a1 in (None, "MIL", "GOV")
    if air_power and _STRIKE.search(trigger) and not w["ground"].search(words):
        return ("aerial", REMOTE, AIR)  # "US strikes hit Houthi targets"
    if w["ground"].search(words) or w["capture"].search(words) or a2 in ARMED_SECTORS:
        return (None, "Battles", "Armed clash")
    if a2 == "GOV" and a1 in ("REB", None) and _POLICE.search(actor2.name or ""):
        # "militants attacked a police post, killing three officers": police are an armed
        # state force, so an armed group's attack on them is a battle in ACLED's coding
        return (None, "Battles", "Armed clash")
    if a1 == "REB" and a2 == "CVL":
        return (None, "Violence against civilians", "Attack")
    if air_power:
        return ("aerial", REMOTE, AIR)  # "an Israeli strike hit a Gaza home"
    return (None, REMOTE, SHELLING)


# fighting between armed sides ("clashes", "gun battle", "exchange of fire"); a security
# forces' operation or "encounter" (South Asia's word for a gunfight) is fought with armed men,
# whatever the report calls its dead ("three men were killed in a security operation")
_FIGHT = re.compile(r"\b(?:clash\w*|fight\w*|fought|battl\w*|firefights?|gunfights?|"
                    r"exchanges? of fire|exchanged fire|skirmish\w*|militants?|fighters|"
                    r"gunmen were killed|resist\w*|encounters?|(?:security|military|"
                    r"counter-?terror\w*|counter-?insurgency|intelligence-based|clearance|"
                    r"cordon-and-search|search) operations?)\b", re.I)
# armed state forces that are not the military ("police", "officers", "gendarmes")
_POLICE = re.compile(r"\b(?:police\w*|officers?|constables?|gendarme\w*|security|guards?|"
                     r"patrolm[ae]n|troopers?)\b", re.I)
POLICE_WORDS = _POLICE  # (armed state forces among GOV actors)
# remote-strike verbs and nouns ("strikes hit", "targeted", "pounded")
_STRIKE = re.compile(r"\b(?:strik\w*|struck|hit|target\w*|pound\w*)\b", re.I)


@lru_cache(maxsize=1)
def _air_powers() -> frozenset[str]:
    raw = resources.files("eventdesk").joinpath("data/quantities.yaml").read_text("utf-8")
    return frozenset(yaml.safe_load(raw)["acled_air_powers"])


def fighting_told(text: str) -> bool:
    """Whether the text tells of fighting between armed sides ("clashes", "a gunfight")."""
    return bool(_FIGHT.search(text))


def capture_told(text: str) -> bool:
    """Whether the text tells of ground taken ("captured", "took control", "liberated")."""
    return bool(_words()["capture"].search(text))


def remote_words(text: str) -> bool:
    """Whether the text names remote fire ("shelled", "artillery", "rockets")."""
    return bool(_words()["remote"].search(text))


@lru_cache(maxsize=1)
def _protest_words() -> dict[str, re.Pattern[str]]:
    raw = resources.files("eventdesk").joinpath("data/quantities.yaml").read_text("utf-8")
    return {k: re.compile(v, re.I) for k, v in yaml.safe_load(raw)["protest_words"].items()}


def protest_subtype(text: str) -> tuple[str, str]:
    """(ACLED event type, sub-event type) of a demonstration from what the report tells of it
    (word lists in ``data/quantities.yaml``, ``protest_words``, in the codebook's order: a
    mob's violence, demonstrators' violence, lethal force against them, an intervention)."""
    w = _protest_words()
    if w["mob"].search(text):
        return ("Riots", "Mob violence")
    if w["violent"].search(text):
        return ("Riots", "Violent demonstration")
    if w["lethal"].search(text):
        return ("Protests", "Excessive force against protesters")
    if w["intervention"].search(text):
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")
