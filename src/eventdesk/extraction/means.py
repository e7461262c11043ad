"""The means of an attack and what it damaged.

- :func:`find_weapons`: weapon mentions with a normalised kind and the launch count where the
  text gives one ("two ballistic missiles and 138 drones" -> 2 ballistic missile, 138 drone;
  "64 Shahed-type attack drones" -> 64 drone; "a glide bomb" -> 1; "rockets" -> None).
  "41 were shot down" names no weapon and is not a launch count.
- :func:`find_damage`: damaged objects ("over 40 residential buildings" -> 40,
  "a grain terminal" -> 1, "several lorries" -> None), only where the range says something
  was hit, damaged, destroyed, set on fire, shut down, ...
- :func:`acled_hint`: the PLOVER ASSAULT mode and ACLED event/sub-event type the means point
  to (missiles and artillery: Shelling/artillery/missile attack; aircraft and drones:
  Air/drone strike; IEDs, mines, car bombs: Remote explosive/landmine/IED; guns: Armed clash
  or, against civilians, Violence against civilians/Attack).

Weapon and damage lexicons, and the kind -> ACLED table, live in ``data/quantities.yaml``.
"""

from __future__ import annotations

import re

from eventdesk.extraction.numbers import Token, qualifier_at, quantities, read_number, tokenize
from eventdesk.records import Damage, Span, Weapon

__all__ = ["find_weapons", "find_damage", "acled_hint", "WEAPON_KINDS"]

STAGE_WEAPONS = "extract.weapons"
STAGE_DAMAGE = "extract.damage"

_Q = quantities()


class _Lexicon:
    """Patterns per entry, each run only when one of its stems occurs in the text (fast);
    overlapping matches resolve to the earliest start, then the entry listed first."""

    def __init__(self, entries: list[dict], key: str) -> None:
        self.rows = [(entry[key], re.compile(
            r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in entry["patterns"]) + r")(?![\w-])",
            re.I)) for entry in entries]
        self.stems = [(st, i) for i, entry in enumerate(entries) for st in entry["stems"]]

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        low = text[start:end].lower()
        hits = []
        for order in sorted({i for st, i in self.stems if st in low}):
            name, rx = self.rows[order]
            for m in rx.finditer(text, start, end):
                hits.append((m.start(), order, -m.end(), name))
        hits.sort()
        out: list[tuple[int, int, str]] = []
        last = -1
        for s, _o, neg_e, name in hits:
            if s >= last:
                out.append((s, -neg_e, name))
                last = -neg_e
        return out


_WEAPONS = _Lexicon(_Q["weapons"], "kind")
_DAMAGE = _Lexicon(_Q["damage"], "object")
WEAPON_KINDS: tuple[str, ...] = tuple(dict.fromkeys(e["kind"] for e in _Q["weapons"]))
_ACLED: dict[str, dict] = _Q["acled"]
_CLASH_RE = re.compile(rf"\b(?:{_Q['clash_words']})\b", re.I)
_CIVILIAN_RE = re.compile(rf"\b(?:{_Q['civilian_target_words']})\b", re.I)
_DAMAGE_CUES: tuple[str, ...] = tuple(_Q["damage_cues"])
# (a "bomb attack" or "bomb blast" with no aircraft named is set off on the ground)
_IED_CUE_RE = re.compile(r"\b(?:explod|went off|planted|detonat|roadside|blast|"
                         r"bomb\s+attack|homemade|improvised)", re.I)

# words allowed between a count and the weapon/object noun ("18 Ukrainian drones")
_BACK_STOP = frozenset("""
of and or the its their his her from with by to in on at were was are is had have has been
into across over near after before during than that which who including as per for
""".split())
_UNCOUNTABLE = frozenset({"infrastructure", "utilities", "power grid", "shelling", "gunfire",
                          "artillery", "artillery fire", "shooting", "rocket fire",
                          "missile fire", "sniper fire", "small arms fire", "live fire",
                          "bombing", "bombed", "shelled", "opened fire", "open fire",
                          "explosives", "tear gas"})
_NO_COUNT = frozenset({"firearms", "bladed weapon", "tear gas", "chemical weapon"})
_SINGULAR_S = ("bus", "premises", "barracks", "gas", "sarin", "mlrs", "himars", "uas",
               "missile strikes", "news")


def _count_before(toks: list[Token], k: int, *, max_mods: int = 2) -> tuple[int | None, int | None, bool]:
    """A count ending just before token ``k`` (after up to ``max_mods`` modifier words):
    (count, index of its first token, vague)."""
    for mods in range(0, max_mods + 1):
        e = k - mods
        if e <= 0:
            break
        if mods and (not toks[e].low[0].isalpha() or toks[e].low in _BACK_STOP):
            break
        for s in range(max(0, e - 4), e):
            got = read_number(toks, s)
            if got is not None and got[1] == e:
                s2 = s
                # qualifier in front ("more than 240 drones")
                for q in range(max(0, s - 3), s):
                    if qualifier_at(toks, q)[0] == s and qualifier_at(toks, q)[1]:
                        s2 = q
                        break
                return got[0], s2, got[2]
        low = toks[e - 1].low
        if low in ("a", "an", "one", "another", "single"):
            return 1, e - 1, False
        if low in ("the", "its", "their", "this"):
            return None, e - 1, False
    return None, None, False


def _token_index(toks: list[Token], pos: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _plural(phrase: str) -> bool:
    low = phrase.lower()
    if low.endswith(_SINGULAR_S):
        return False
    return low.endswith("s") or low.endswith(("men", "aircraft", "children"))


_DOWNED = re.compile(r"\b(?:shot|shoots?|shooting|brought|bring)\s+down\b[^.,;]*$|"
                     r"\b(?:downed|downing|intercept(?:ed|ing|s)?)\b[^.,;]*$", re.I)
_DOWNED_AFTER = re.compile(r"\s+(?:were|was|had\s+been|have\s+been)\s+"
                           r"(?:shot\s+down|downed|intercepted|destroyed)", re.I)
_AIRCRAFT = frozenset({"airstrike", "helicopter", "aircraft"})


def find_weapons(text: str, start: int = 0, end: int | None = None) -> list[Weapon]:
    """Weapons named in ``text[start:end]``, with launch counts where given."""
    end = len(text) if end is None else end
    matches = _WEAPONS.finditer(text, start, end)
    if not matches:
        return []
    toks = tokenize(text, max(start, matches[0][0] - 60), end)
    out: list[Weapon] = []
    for s, e, kind in matches:
        k = _token_index(toks, s)
        count, first, vague = _count_before(toks, k)
        low = text[s:e].lower()
        if count is not None and count > 1 and not _plural(low):
            count = None  # "two drone attacks" counted above; "1,000 artillery" odd
        if low in _UNCOUNTABLE or kind in _NO_COUNT:
            count = None
        if first is not None and (count is not None or vague) and toks[first].start >= start:
            s = toks[first].start
        if out and out[-1].kind == kind and out[-1].count is None and count is None \
                and out[-1].span.end >= s - 40:
            continue  # "aircraft bombed": one weapon
        if _DOWNED.search(text[max(start, s - 40):s]) or _DOWNED_AFTER.match(text, e):
            # "shot down a Russian Su-34 jet": the target, not the means; "of which 64
            # drones were shot down": the interceptions of a salvo already counted
            if kind in _AIRCRAFT or any(w.kind == kind for w in out):
                continue
        out.append(Weapon(kind=kind, count=count, span=Span(s, e, text[s:e], STAGE_WEAPONS)))
    return out


def find_damage(text: str, start: int = 0, end: int | None = None) -> list[Damage]:
    """Objects damaged, destroyed, hit or shut down in ``text[start:end]``."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    if not any(c in low for c in _DAMAGE_CUES):
        return []
    matches = _DAMAGE.finditer(text, start, end)
    if not matches:
        return []
    toks = tokenize(text, max(start, matches[0][0] - 60), end)
    weapons = [(a, b) for a, b, _k in _WEAPONS.finditer(text, start, end)]
    out: list[Damage] = []
    for s, e, obj in matches:
        if any(a < e and s < b for a, b in weapons):
            continue  # "a car bomb" is a weapon, not a damaged car
        low = text[s:e].lower()
        # a number right after ("the crew of 21") or a household/heating context is not damage
        k = _token_index(toks, s)
        count, first, vague = _count_before(toks, k)
        plural = _plural(low)
        if count is None and not vague and not plural and first is not None \
                and "infrastructure" not in low and obj != "infrastructure":
            count = 1
        if count is not None and count > 1 and not plural:
            count = None
        if first is not None and toks[first].start >= start:
            s = toks[first].start
        out.append(Damage(object=obj, count=count, span=Span(s, e, text[s:e], STAGE_DAMAGE)))
    return out


def acled_hint(weapons: list[Weapon] | tuple[Weapon, ...], text: str = "", *,
               scheme: str = "plover") -> tuple[str, str, str] | None:
    """(mode, ACLED event type, ACLED sub-event type) the means point to, or None.

    ``scheme="plover"`` gives PLOVER ASSAULT modes (drone, aerial, heavy-weapons, explosives,
    firearms, ...); ``scheme="gold"`` the informal modes of the project's gold files (aerial
    for drones and missiles, explosives for artillery). The lowest-ranked kind present wins
    (missiles and drones fired together: a missile attack). ``text`` (the event's sentence)
    settles firearms (clash words -> Battles/Armed clash; civilian targets -> Violence
    against civilians/Attack) and bare "bomb" (exploded/planted -> IED; else air-dropped).
    """
    known = [w for w in weapons if w.kind in _ACLED]
    if not known:
        return None
    best = min(known, key=lambda w: _ACLED[w.kind]["rank"])
    row = _ACLED[best.kind]
    mode = row["gold_mode" if scheme == "gold" else "mode"]
    etype, sub = row["type"], row["sub"]
    if best.kind == "bomb":
        if _IED_CUE_RE.search(text) and not any(w.kind in ("airstrike", "helicopter")
                                                for w in known):
            return ("explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED")
        return ("aerial", etype, sub)
    if best.kind == "firearms":
        if _CLASH_RE.search(text):
            return (mode, "Battles", "Armed clash")
        if _CIVILIAN_RE.search(text):
            return (mode, "Violence against civilians", "Attack")
        return (mode, "Battles", "Armed clash")
    return (mode, etype, sub)
