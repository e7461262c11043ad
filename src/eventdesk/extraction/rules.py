"""Word lists and patterns of the extract stage's rules (kept together so they can be read,
reviewed and tuned in one place; the trigger lexicon itself is data: data/triggers.yaml)."""

from __future__ import annotations

import re

STAGE = "extract.events"
VIOLENT = frozenset({"ASSAULT"})
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE",
                          "CONCEDE"})
SAY_LEMMAS = frozenset({"say", "tell", "state", "announce", "write", "report", "claim", "add",
                        "note", "declare", "confirm", "insist", "contend", "argue", "assert"})
# a count told again later: its time is the count's ("by Tuesday noon the number of
# injured stood at 40"), the strike came before it
TOLL_REVISION = re.compile(
    r"\b(?:toll|number of (?:[a-z]+ )?(?:killed|dead|deaths|wounded|injured|injuries|victims|"
    r"casualties))\b.{0,120}?\b(?:rose|risen|climbed|increased|reached|has risen|grew|jumped|"
    r"stood at|stands at|was put at|has been put at)\b", re.I | re.S)
INTERCEPTED = frozenset({"drone", "drones", "missile", "missiles", "rocket", "rockets", "uav",
                         "uavs", "shahed", "shaheds", "projectile", "projectiles"})
# "blamed the RSF for the attack": the accused of a blame that names the attack just told
BLAMED_FOR_ATTACK = re.compile(
    r"\b(?:blam\w*|accus\w*|held)\b.{1,80}?\b(?:for|of)\s+(?:the|this|that|Wednesday's|"
    r"Tuesday's|Monday's|Thursday's|Friday's|Saturday's|Sunday's)?\s*(?:deadly\s+)?"
    r"(?:attack|strike|shelling|bombing|massacre|killings?|blast|explosion)\b", re.I)
# ACLED: an abduction or kidnapping is Violence against civilians / Abduction/forced
# disappearance, not an arrest (PLOVER: an ASSAULT of mode "abduct", data/triggers.yaml)
ABDUCTION = re.compile(r"\b(?:abduct|kidnap|took .{0,20}hostage|taken .{0,20}hostage|"
                       r"forcibly disappear)", re.I)
ARRESTS = re.compile(r"\b(?:arrest|detain|detention|abduct|kidnap|jail|imprison|round(?:ed)? up|"
                     r"took .{0,20}prisoner|taken .{0,20}prisoner|captur|custody|held)", re.I)
# what was hit, when the text names no target party: a military object or a civilian one
MILITARY_TARGETS = re.compile(
    r"\b(?:air ?bases?|airbases?|airfields?|military (?:bases?|facility|facilities|airfield|"
    r"unit|units|positions?|targets?|equipment|vehicles?)|ammunition depot|arms depot|fuel depot for the army|"
    r"command posts?|firing positions?|barracks|warships?|frigate|corvette|landing ship|"
    r"submarine|air[- ]defen[cs]e (?:systems?|units?|batter(?:y|ies))|radar station|"
    r"howitzers?|tanks?|armou?red vehicles?|MLRS|HIMARS|S-[34]00)\b", re.I)
CIVILIAN_TARGETS = re.compile(
    r"\b(?:civilians?|residents?|homes?|houses?|apartment|residential|hospital|school|"
    r"kindergarten|market|shop|church|bus|car|train station|power (?:plant|station|grid)|"
    r"energy|substation|grain|port|children|women|people|man|woman|girl|boy)\b", re.I)
# places and gatherings of unarmed people an armed group's attack is aimed at ("gunmen
# opened fire on a bar": ACLED's Attack on civilians, extraction/events.py)
SOFT_TARGETS = re.compile(
    r"\b(?:bars?|restaurants?|nightclubs?|cafes?|caf\u00e9s?|markets?|churche?s?|mosques?|"
    r"weddings?|funerals?|parties|party|festivals?|concerts?|buses|bus|minibus(?:es)?|"
    r"passengers|worshipp?ers|villagers|farmers|traders|homes?|houses?|schools?|"
    r"cockfights?|football (?:match|game)|gatherings?)\b", re.I)
# a RETREAT that gives no ground: prisoner swaps, releases, resignations (ACLED "Other")
RELEASES = re.compile(r"prisoner|captive|hostage|releas|freed|\bfree\b|hand|swap|exchange|"
                      r"resign|step", re.I)
ADDITIVE = re.compile(r"\b(?:also|another|more|further|additional)\b", re.I)
NO_COMMENT = frozenset({"comment", "say", "confirm", "elaborate", "disclose", "answer",
                        "specify", "respond", "detail", "discuss", "give", "provide", "name",
                        "take", "reveal", "identify"})
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE",
                             "CONCEDE", "CONSULT"})
# what follows the speaker of a report (and its apposition): "..., the governor, said"
SPEAKER_TAIL = re.compile(r"[\s,]*(?:said|says|told|added|wrote|stated|reported|claimed)\b")
# a period that runs up to the report: "in recent months", "over the past few weeks"
TREND_PERIOD = re.compile(r"\b(?:recent|past|last)\s+(?:few\s+|several\s+|two\s+|three\s+)?"
                          r"(?:weeks|months|years)\b", re.I)
# an order to leave a place ("ordered residents to evacuate the town")
# an inquiry as the trigger of an accusation ("investigating the incident", "launched a
# probe into the failure")
INQUIRY = re.compile(r"\b(?:investigat\w*|probe[sd]?|probing|inquir\w*|enquir\w*)\b", re.I)
EVACUATION = re.compile(r"\b(?:evacuat\w*|leave|flee|move out)\b", re.I)
# the general public an official notice addresses (not protesters, not a named group)
THE_PUBLIC = frozenset({"residents", "resident", "citizens", "people", "population", "public",
                        "civilians", "inhabitants", "locals", "motorists", "drivers",
                        "households", "parents", "everyone"})


PROTESTERS = frozenset({"protesters", "protestors", "demonstrators", "crowds", "crowd",
                        "rioters", "mob", "mobs", "protester", "demonstrator"})
FEATURE_WORDS = ("reservoir", "river", "sea ", "lake", "dam", "canal", "bay", "gulf")
REPORT_VERBS = frozenset({"confirm", "report", "condemn", "deny", "claim", "acknowledge",
                          "describe", "investigate", "blame", "denounce"})
# who counts a toll is its source: "officials reported 30 deaths", "the ministry recorded ..."
TOLL_REPORT_VERBS = frozenset({"report", "confirm", "record", "count", "announce", "register",
                               "document", "tally", "put"})
TOLL_NOUNS = frozenset({"death", "casualty", "injury", "fatality", "toll", "victim", "loss"})
# a toll noun that is itself the victims: "Ukrainian casualties", "civilian deaths"
VICTIM_NOUNS = frozenset({"death", "casualty", "fatality"})
# weapons said to be the other side's: "shot down six enemy drones"
ENEMY_WORDS = frozenset({"enemy", "hostile", "adversary", "enemy's", "adversary's"})
LABOUR = re.compile(r"\b(?:union|unions|workers|teachers|employees|labou?r|stoppage|walkout|"
                    r"general strike|hunger strike|strikers|stopped work|(?:go|goes|went|"
                    r"gone|going|are|were|is|was|remain|remained) on strike|(?:nationwide|"
                    r"national|indefinite|sit-down) strike|(?:closed|shut|shuttered) (?:their|"
                    r"its|the) (?:shops|stores|stalls|businesses))\b", re.I)
SELF_ACTING_TYPES = frozenset({"MOBILIZE", "RETREAT"})
LONG_RUN = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|onset) of (?:the )?(?:[\w-]+ ){0,2}(?:war|invasion|conflict|"
    r"year|fighting|hostilities|offensive|operation)|\bsince (?:19|20)\d\d\b|\bsince (?:Jan|Feb|"
    r"Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\bsince the war (?:began|started)|"
    r"\b(?:this|last) year\b|\bso far\b|\bin total\b|\bto date\b|\boverall\b|"
    r"\bsince (?:last|early|late)\b(?! (?:morning|afternoon|evening|night|midnight|hours?)\b)|\bin (?:the )?(?:war|conflict)\b|"
    # a campaign's toll: "300 villagers died during the enemy offensive"
    r"\b(?:during|throughout) the (?:[\w-]+ ){0,2}(?:offensive|incursion|invasion|occupation|"
    r"campaign)\b", re.I)
# a war's or campaign's running toll: "the campaign has killed over 30,000 people"
# "violence linked to the insurgents has killed thousands": a toll counted in round magnitudes
WAR_TOTAL = re.compile(r"\b(?:war|offensive|campaign|invasion|conflict|hostilities|violence|"
                       r"insurgency|unrest)\b[^.;]{0,30}"
                       r"\b(?:has|have) (?:so far |now )?(?:killed|left|claimed)\b|"
                       r"\b(?:has|have) (?:so far |now |already )?(?:killed|claimed the lives of) "
                       r"(?:more than |over |at least |tens of |many |several )?"
                       r"(?:thousands|hundreds|millions)\b", re.I)
# "the deadliest attack since August", "the deadliest attack on civilians this year": a
# comparison with a period, not a count over it
SUPERLATIVE_SINCE = re.compile(r"\b(?:\w+est|worst|largest|biggest|heaviest) (?:\w+ ){0,2}since\b|"
                               r"\b(?:\w+est|worst|largest|biggest|heaviest) (?:[\w-]+ ){1,5}"
                               r"(?:so far )?(?:this|last) (?:year|month|week)\b", re.I)
FOLLOW_UP = re.compile(r"^\W*(?:the|this|that|these|those) (?:attacks?|strikes?|shelling|bombing|"
                       r"raid|barrage|explosions?|blasts?)\b|\b(?:also|as well)\b", re.I)
OCCUPIED = re.compile(r"\b(?:occupied|occupation|annexed|held by|-held|controlled by|"
                      r"-controlled)\b", re.I)
PLACE_LIKE_KINDS = frozenset({"capital", "country", "region"})
# subjects that kill without attacking
NON_AGENTS = frozenset({"earthquake", "quake", "flood", "floods", "storm", "cyclone", "hurricane",
                        "typhoon", "landslide", "blaze", "wildfire", "disease", "cholera", "outbreak",
                        "epidemic", "heatwave", "cold", "hunger", "famine", "accident", "crash",
                        "avalanche", "tsunami", "drought", "virus", "pandemic"})
# what one "meets" that is no party to a meeting: "met stiff resistance", "met the deadline",
# "the plan met fierce criticism", "met their demands"
MET_NOT_PARTY = frozenset({"resistance", "criticism", "opposition", "demand", "deadline", "target",
                           "requirement", "expectation", "fate", "end", "death", "challenge",
                           "skepticism", "scepticism", "backlash", "condemnation", "approval",
                           "goal", "standard", "criterion", "condition", "need", "threshold",
                           "obligation", "commitment", "objective", "fire", "silence", "response",
                           "reaction", "outrage", "protest", "anger", "derision", "applause",
                           "quota", "cost", "eye", "gaze", "success", "failure", "obstacle"})
DEFAULT_ACLED = {
    "PROTEST": ("Protests", "Peaceful protest"),
    "MOBILIZE": ("Strategic developments", "Other"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
    "AGREE": ("Strategic developments", "Agreement"),
}

# what a deal, a plan or one of its phases provides for: its terms, not events yet
DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "plan", "proposal", "ceasefire", "truce",
                        "framework", "arrangement", "pact", "treaty", "roadmap", "initiative",
                        "term", "phase", "stage", "provision", "draft", "resolution", "offer"})
DEAL_PROVIDE_VERBS = frozenset({"include", "involve", "see", "envisage", "envision",
                                "stipulate", "provide", "entail", "foresee", "require", "cover",
                                "call", "contain", "comprise", "outline", "propose"})
_DEAL = (r"(?:deal|agreement|accord|plan|proposal|ceasefire|truce|framework|arrangement|pact|"
         r"treaty|roadmap|initiative|phase|stage|draft|offer)s?")
# the parser often misreads these sentences ("the proposal envisions" as a noun phrase), so
# the words themselves decide: a deal noun, then a verb of providing, then the trigger
# (not through "which"/"that": "the deal, which includes an exchange, was signed" is signed)
DEAL_PROVIDES = re.compile(
    rf"\b{_DEAL}\b(?:,? (?!which\b|that\b)[\w'’-]+){{0,5}}? (?:(?:would|will) (?:also )?"
    r"(?:see|include|involve|entail|require)|includes|included|envisions|envisages|stipulates|"
    r"provides for|calls for|entails|foresees|outlines|involves|sets out)\b|"
    r"\bunder (?:which|whose terms)\b", re.I)

# an act repeated an unknown number of times: "several times", "repeatedly", "on many
# occasions" (not a count: "40 times overnight")
ITERATED = re.compile(r"\b(?:(?:several|many|multiple|numerous|countless|dozens of) times|"
                      r"repeatedly|more than once|time and again|"
                      r"on (?:several|many|multiple|numerous) occasions)\b", re.I)

# people who are no party: the civilians' role entry named by a plain noun of people
ORDINARY_PEOPLE = "role:civilians"
PEOPLE_NOUNS = frozenset({"people", "persons", "residents", "villagers", "medics", "rescuers",
                          "doctors", "nurses", "civilians", "citizens", "locals", "inhabitants",
                          "passengers", "survivors", "witnesses", "families", "relatives",
                          "patients", "workers", "volunteers", "onlookers", "bystanders",
                          "public", "population", "man", "woman", "men", "women", "someone",
                          "farmers", "students", "traders", "fishermen", "shoppers", "youths",
                          "children", "pupils", "drivers"})

# types whose source must be an actor of record (PROTEST and violence may be anyone's)
# (a threat of a strike or a protest is a crowd's act: "inhabitants threatened a strike")
OF_RECORD_TYPES = frozenset({"REQUEST", "AID", "AGREE", "SUPPORT", "CONCEDE", "CONSULT",
                             "COOPERATE", "REJECT", "ACCUSE", "SANCTION", "MOBILIZE"})
# acts a state may direct at its own people, no event between parties (a release of
# hostages or an arrest is one)
DOMESTIC_TYPES = frozenset({"AGREE", "CONCEDE", "REQUEST", "THREATEN", "SUPPORT", "AID"})

# what is told when a time dates the telling: "the latest figures were given on Tuesday"
TOLD_THINGS = frozenset({"figure", "data", "information", "detail", "update", "number",
                         "statement", "toll", "tally"})

WAR_SCALE = 10_000  # no one attack kills or wounds this many: a toll of the war so far


# words of a clash (a crowd's with the police, or armed sides'): the first word of a trigger
CLASH_WORDS = frozenset({"clash", "clashes", "clashed", "clashing", "scuffle", "scuffles",
                         "scuffled", "skirmish", "skirmishes", "skirmished", "brawl", "brawled"})


# a page's time stamp line: "May 3, 2024 03:26 pm | Updated 03:40 pm IST - Quetta", "Last
# Updated June 9, 2023 1:05 pm": it has a year, a clock time and a word or mark of a stamp
STAMP_LINE = re.compile(r"(?i)^(?=.{0,160}$)(?=.*\b(?:19|20)\d{2}\b)(?=.*\b\d{1,2}[:.]\d{2}\b)"
                        r"(?=.*(?:\bupdated?\b|\bpublished\b|\bposted\b|\||\b(?:ist|gmt|utc)\b))")


def in_stamp_line(text: str, pos: int) -> bool:
    """The offset lies in a line that is the page's time stamp (where the page was filed,
    not where anything happened)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return bool(STAMP_LINE.match(text[start:end if end >= 0 else len(text)].strip()))


# "Kharkiv governor Oleh Syniehubov", "Belgorod's governor", "the Odesa mayor": a local
# official named by the place he serves; the place stays a place (where what he reports
# happened), the rest of the title is the official
_LOCAL_OFFICE = re.compile(r"^(?:[Tt]he\s+)?(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
                           r"(?:['’]s)?)\s+(?:[Rr]egional\s+)?"
                           r"(?:[Gg]overnor|[Mm]ayor|[Pp]refect)\b")


def local_office_place(title: str) -> int:
    """The end offset, in ``title``, of the place a local official's title opens with
    ("Kharkiv" of "Kharkiv governor Oleh Syniehubov", "Kharkiv's" of "Kharkiv's governor");
    0 when it opens with none."""
    m = _LOCAL_OFFICE.match(title)
    return m.end("place") if m else 0


# nouns after a country's possessive that are places of their own ("Ukraine's second city",
# "Russia's Leningrad region"): the possessive says whose the place is (not the attacker,
# extraction/events.py; not the spot itself, extraction/locate.py)
POSSESSED_PLACES = frozenset({"city", "town", "village", "capital", "region", "province",
                              "oblast", "district", "governorate", "republic", "port",
                              "south", "north", "east", "west", "border", "territory",
                              "coast", "state", "area", "part", "frontier", "enclave",
                              "exclave"})
