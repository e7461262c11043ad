"""The actor dictionary and the actor finder (stage ``resolve.actors``).

The dictionary lives in data files under ``eventdesk/data/actors/`` (see the README there):
countries with their demonyms and capitals, people in office, organisations and armed
groups, institutions, regions, and role words ("president", "forces", "civilians").
:meth:`ActorDictionary.load` reads them once per process into a token trie;
:func:`find_actors` returns every actor mention of a text, non-overlapping, longest first,
each with its span, canonical name, ISO3 country and sector (:mod:`.actor_finder` does the
matching).

    >>> [(m.span.text, m.country, m.sector) for m in find_actors("Russian forces shelled Kherson.")]
    [('Russian forces', 'RUS', 'MIL')]
"""

from __future__ import annotations

import csv
import threading
import time
import unicodedata
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventdesk.errors import ConfigError
from eventdesk.records import SECTORS, Actor, Span

STAGE = "resolve.actors"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
KINDS: tuple[str, ...] = (
    "person", "title", "org", "institution", "country", "capital", "force", "group",
    "demonym", "generic", "region",
)
# Which entry wins when two share one alias ("U.S." is a country before a demonym).
KIND_PRIORITY: dict[str, int] = {
    "person": 0, "group": 1, "force": 1, "org": 1, "institution": 1, "country": 2,
    "capital": 3, "demonym": 4, "region": 5, "title": 6, "generic": 6,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the actor dictionary."""

    id: str  # "person:vladimir-putin", "country:UKR", "role:president", ...
    name: str  # canonical name
    kind: str  # one of KINDS
    country: str | None  # ISO3, None for international organisations and roles
    sector: str | None
    aliases: tuple[str, ...] = ()
    note: str | None = None  # the office held, for people
    # role words only: a name may follow / country from context / needs an owner
    person: bool = False
    local: bool = False
    needs_owner: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "sector": self.sector, "aliases": list(self.aliases), "note": self.note}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor mention in a text: ``text[span.start:span.end] == span.text``.

    ``head`` is the (start, end) character offsets of the head word ("forces" in "Russian
    forces", "Zelensky" in "President Volodymyr Zelensky"). ``locative`` is True when a
    preposition such as "in" or "near" stands right before the mention ("in Kyiv"): the
    name is then more likely a place than an actor.
    """

    span: Span
    name: str
    country: str | None
    sector: str | None
    kind: str
    entry_id: str | None = None
    head: tuple[int, int] = (0, 0)
    locative: bool = False

    def to_actor(self) -> Actor:
        return Actor(name=self.name, country=self.country, sector=self.sector, span=self.span,
                     entry_id=self.entry_id)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "kind": self.kind, "entry_id": self.entry_id, "head": list(self.head),
                "locative": self.locative, "span": self.span.to_dict()}


def fold(token: str) -> str:
    """Match key of a token: lower case, no diacritics, one apostrophe and one hyphen."""
    low = token.lower()
    if low.isascii():
        return low
    low = low.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    low = low.replace("\u2010", "-").replace("\u2011", "-")
    if low.isascii():
        return low
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


class ActorDictionary:
    """Entries, a token trie over their aliases, and the role-word tables."""

    def __init__(self, entries: list[Entry], *, surnames: dict[str, list[str]],
                 modifiers: set[tuple[str, ...]], name_particles: set[str],
                 not_names: set[str], locatives: set[str],
                 affiliations: set[str] = frozenset(),
                 subject_followers: set[str] = frozenset(),
                 given_names: set[str] = frozenset(), source: Path | None = None,
                 load_seconds: float = 0.0) -> None:
        from eventdesk.resolve.actor_finder import tokenize

        self.entries: dict[str, Entry] = {}
        self.source = source
        self.load_seconds = load_seconds
        self.modifiers = modifiers
        self.max_modifier = max((len(m) for m in modifiers), default=1)
        self.name_particles = name_particles
        self.not_names = not_names
        self.locatives = locatives
        self.affiliations = affiliations
        self.subject_followers = subject_followers
        self.given_names = given_names
        # key (tuple of folded tokens) -> [(entry, per-token case rule)], and all prefixes
        self.phrases: dict[tuple[str, ...], list[tuple[Entry, tuple[int, ...]]]] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        # surnames that match only after the full name appeared in the same document
        self.doc_surnames: dict[str, dict[tuple[str, ...], Entry]] = {}
        self.by_country: dict[str, dict[str, Entry]] = {}
        for entry in entries:
            if entry.id in self.entries:
                raise ConfigError(f"actor dictionary: duplicate entry id {entry.id!r}")
            self.entries[entry.id] = entry
            if entry.country and entry.kind in ("country", "demonym", "capital"):
                self.by_country.setdefault(entry.country, {}).setdefault(entry.kind, entry)
            for alias in (entry.name, *entry.aliases):
                self._add(alias, entry, tokenize)
        for entry_id, names in surnames.items():
            entry = self.entries[entry_id]
            for surname in names:
                toks = tuple(t for _, _, t in tokenize(surname))
                self.doc_surnames.setdefault(entry_id, {})[tuple(fold(t) for t in toks)] = entry

    def _add(self, alias: str, entry: Entry, tokenize: Any) -> None:
        toks = [t for _, _, t in tokenize(alias)]
        if not toks:
            return
        key = tuple(fold(t) for t in toks)
        rules = tuple(2 if (t.isupper() and t.isalpha() and 2 <= len(t) <= 5) else
                      1 if t[:1].isupper() else 0 for t in toks)
        bucket = self.phrases.setdefault(key, [])
        if any(e.id == entry.id and r == rules for e, r in bucket):
            return
        bucket.append((entry, rules))
        bucket.sort(key=lambda er: KIND_PRIORITY.get(er[0].kind, 9))
        for n in range(1, len(key) + 1):
            self.prefixes.add(key[:n])

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None) -> "ActorDictionary":
        """The dictionary in ``path`` (default: the packaged data), loaded once per process."""
        key = str(Path(path).resolve()) if path else str(DATA_DIR)
        with _LOCK:
            if key not in _CACHE:
                _CACHE[key] = _load(Path(key))
            return _CACHE[key]

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, query: str) -> list[Entry]:
        """Entries one of whose names or aliases is ``query`` (case- and accent-blind);
        failing that, entries whose name contains it."""
        from eventdesk.resolve.actor_finder import tokenize

        key = tuple(fold(t) for _, _, t in tokenize(query))
        found = [e for e, _ in self.phrases.get(key, [])]
        for entry_id, names in self.doc_surnames.items():
            if key in names:
                found.append(self.entries[entry_id])
        if not found and key:
            needle = " ".join(key)
            found = [e for e in self.entries.values()
                     if needle in " ".join(fold(t) for _, _, t in tokenize(e.name))]
        seen: set[str] = set()
        return [e for e in found if not (e.id in seen or seen.add(e.id))]

    def find(self, text: str, *, context_country: str | None = None,
             place_country: str | None = None) -> list[ActorMention]:
        """Every actor mention in ``text``; see :func:`find_actors`."""
        from eventdesk.resolve.actor_finder import find_mentions

        return find_mentions(self, text, context_country=context_country,
                             place_country=place_country)

    def adjective(self, iso3: str | None) -> str | None:
        """The demonym adjective of a country ("Russian"), or its name when it has none."""
        if not iso3:
            return None
        kinds = self.by_country.get(iso3, {})
        entry = kinds.get("demonym") or kinds.get("country")
        return entry.name if entry else iso3


_CACHE: dict[str, ActorDictionary] = {}
_LOCK = threading.Lock()


def find_actors(text: str, *, context_country: str | None = None,
                place_country: str | None = None,
                dictionary: ActorDictionary | None = None) -> list[ActorMention]:
    """Every actor mention in ``text``, non-overlapping, longest first, in text order.

    ``context_country`` (ISO3) is the document's own country, used for local titles with
    no country of their own ("the regional governor", "police"); by default it is read
    from the dateline or, failing that, ``place_country`` (the country of the towns and
    regions the text names, where its local officials serve), or the most mentioned country.
    """
    return (dictionary or ActorDictionary.load()).find(
        text, context_country=context_country, place_country=place_country)


# ---------------------------------------------------------------------- data files
def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise ConfigError(f"actor dictionary: cannot read {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"actor dictionary: {path} is not valid YAML: {exc}") from exc


def _check(entry: Entry, where: str) -> Entry:
    if entry.sector is not None and entry.sector not in SECTORS:
        raise ConfigError(f"actor dictionary: {where}: unknown sector {entry.sector!r}")
    if entry.country is not None and (len(entry.country) != 3 or not entry.country.isupper()):
        raise ConfigError(f"actor dictionary: {where}: country {entry.country!r} is not ISO3")
    if entry.kind not in KINDS:
        raise ConfigError(f"actor dictionary: {where}: unknown kind {entry.kind!r}")
    return entry


def _load(root: Path) -> ActorDictionary:
    t0 = time.perf_counter()
    if not root.is_dir():
        raise ConfigError(f"actor dictionary: no such directory {root}")
    entries: list[Entry] = []
    countries = root / "countries.csv"
    try:
        with countries.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise ConfigError(f"actor dictionary: cannot read {countries}: {exc}") from exc
    for n, row in enumerate(rows, start=2):
        iso, name = row["iso3"].strip(), row["name"].strip()
        where = f"{countries.name}:{n}"
        entries.append(_check(Entry(f"country:{iso}", name, "country", iso, "GOV",
                                    tuple(_split(row["aliases"]))), where))
        dem = _split(row["demonyms"])
        if dem:
            entries.append(_check(Entry(f"demonym:{iso}", dem[0], "demonym", iso, None,
                                        tuple(dem[1:])), where))
        people = _split(row["people"])
        if people:
            entries.append(_check(Entry(f"people:{iso}", people[0], "demonym", iso, "CVL",
                                        tuple(people[1:])), where))
        caps = _split(row["capitals"])
        if caps:
            entries.append(_check(Entry(f"capital:{iso}", caps[0], "capital", iso, "GOV",
                                        tuple(caps[1:])), where))
    regions = root / "regions.csv"
    if regions.exists():
        with regions.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                name = row["name"].strip()
                entries.append(_check(Entry(f"region:{_slug(name)}", name, "region",
                                            row["iso3"].strip(), None,
                                            tuple(_split(row.get("aliases")))),
                                      f"{regions.name}:{n}"))
    roles = _read_yaml(root / "roles.yaml") or {}
    particles = frozenset(fold(str(p)) for p in roles.get("name_particles") or ())
    surnames: dict[str, list[str]] = {}
    for n, rec in enumerate(_read_yaml(root / "people.yaml") or [], start=1):
        entry, alone, doc_only = _person(rec, f"people.yaml entry {n}", particles)
        entries.append(entry)
        if alone:
            entries[-1] = entry = dataclasses.replace(entry, aliases=entry.aliases + tuple(alone))
        if doc_only:
            surnames[entry.id] = doc_only
    for n, rec in enumerate(_read_yaml(root / "organisations.yaml") or [], start=1):
        name = str(rec["name"])
        entries.append(_check(Entry(
            f"{rec['kind']}:{_slug(name)}", name, rec["kind"], rec.get("country"),
            rec.get("sector"), tuple(str(a) for a in rec.get("aliases") or ())),
            f"organisations.yaml entry {n} ({name})"))
    for n, rec in enumerate(roles.get("roles") or [], start=1):
        words = [str(w) for w in rec["words"]]
        entries.append(_check(Entry(
            f"role:{_slug(words[0])}", words[0], rec["kind"], None, rec.get("sector"),
            tuple(words[1:]), person=bool(rec.get("person")), local=bool(rec.get("local")),
            needs_owner=bool(rec.get("needs_owner"))), f"roles.yaml role {n} ({words[0]})"))
    from eventdesk.resolve.actor_finder import tokenize

    modifiers = {tuple(fold(t) for _, _, t in tokenize(str(m))) for m in roles.get("modifiers") or ()}
    dictionary = ActorDictionary(
        entries, surnames=surnames, modifiers=modifiers,
        name_particles={fold(str(p)) for p in roles.get("name_particles") or ()},
        not_names={fold(str(p)) for p in roles.get("not_names") or ()},
        locatives={fold(str(p)) for p in roles.get("locatives") or ()},
        affiliations={fold(str(p)) for p in roles.get("affiliations") or ()},
        subject_followers={fold(str(p)) for p in roles.get("subject_followers") or ()},
        given_names={fold(str(p)) for p in roles.get("given_names") or ()},
        source=root)
    dictionary.load_seconds = time.perf_counter() - t0
    return dictionary


def _person(rec: dict[str, Any], where: str,
            particles: frozenset[str]) -> tuple[Entry, list[str], list[str]]:
    """A person entry, the surnames that match alone, and those that need the full name."""
    from eventdesk.resolve.actor_finder import surname_of

    name = str(rec["name"])
    aliases = tuple(str(a) for a in rec.get("aliases") or ())
    entry = _check(Entry(f"person:{_slug(name)}", name, "person", rec.get("country"),
                         rec.get("sector"), aliases, note=rec.get("office")),
                   f"{where} ({name})")
    if rec.get("surname"):
        surnames = [str(rec["surname"])]
    else:
        surnames = []
        for full in (name, *aliases):
            for s in surname_of(full, particles):
                if s not in surnames and fold(s) != fold(full):
                    surnames.append(s)
    if rec.get("surname_alone", True):
        return entry, surnames, []
    return entry, [], surnames


__all__ = ["ActorDictionary", "ActorMention", "Entry", "STAGE", "find_actors", "fold"]
