"""The gazetteer: GeoNames places (villages of Ukraine, world towns, admin units, countries).

Data: ``eventdesk/data/gazetteer/`` built by ``scripts/build_gazetteer.py`` from GeoNames
("GeoNames, geonames.org", CC BY 4.0). :meth:`Gazetteer.load` reads it once per process.

    gaz = Gazetteer.load()
    gaz.lookup("Kharkov")                  # [Entry(Kharkiv, city), Entry(Kharkiv, admin1), ...]
    gaz.lookup("Pokrovsk", country="UKR")  # only Ukrainian namesakes
    gaz.reverse(48.28, 37.18)              # ("Donetsk", "UKR")
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventdesk.errors import ConfigError

KINDS: tuple[str, ...] = ("city", "admin2", "admin1", "country")
FEATURE_RANK: dict[str, int] = {"PCLI": 9, "ADM1": 8, "PPLC": 7, "PPLA": 6, "ADM2": 5,
                                "PPLA2": 5, "PPLA3": 4, "PPLA4": 3}

_APOS = re.compile(r"[\u2018\u2019\u02bc\u02b9'`\u00b4\"]")
_SEP = re.compile(r"[-\u2010-\u2015./,()]+")


def name_key(name: str) -> str:
    """Normalised lookup key: no accents, case-folded, no apostrophes, hyphens as spaces.

    Must stay identical to ``scripts/build_gazetteer.py:name_key``.
    """
    s = unicodedata.normalize("NFKD", name)
    if not s.isascii():
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = _APOS.sub("", s.casefold())
    s = _SEP.sub(" ", s)
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO3
    admin1: str | None  # display name ("Kharkiv", "Belgorod", "Kyiv City")
    admin2: str | None  # display name ("Pokrovsk"), when known
    kind: str  # city | admin2 | admin1 | country
    population: int = 0
    feature: str = ""  # GeoNames feature code (PPLA, PPLA2, PPL, ADM1, ...)
    admin1_code: str = ""  # GeoNames admin1 code ("UA.05")

    @property
    def rank(self) -> int:
        """Feature rank: capital > admin seat > town > village."""
        return FEATURE_RANK.get(self.feature, 2)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def data_dir() -> Path:
    return Path(str(resources.files("eventdesk") / "data" / "gazetteer"))


class Gazetteer:
    """Name index and point lookups over the built gazetteer files."""

    _instance: "Gazetteer | None" = None
    _lock = threading.Lock()

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        try:
            with gzip.open(directory / "entries.tsv.gz", "rt", encoding="utf-8") as fh:
                raw = fh.read().split("\n")
            with gzip.open(directory / "names.tsv.gz", "rt", encoding="utf-8") as fh:
                names = fh.read().split("\n")
            with gzip.open(directory / "common.txt.gz", "rt", encoding="utf-8") as fh:
                self.common: frozenset[str] = frozenset(fh.read().split())
            self.lexicon: dict[str, list[str]] = json.loads(
                (directory / "lexicon.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"gazetteer data missing or unreadable in {directory}: {exc}; "
                "run scripts/build_gazetteer.py") from exc
        # rows are parsed lazily: id -> raw line
        self._raw: dict[int, str] = {}
        for line in raw:
            if line:
                self._raw[int(line[: line.index("\t")])] = line
        self._names: dict[str, str] = {}
        self._aliases: dict[str, str] = {}
        for line in names:
            if not line:
                continue
            k, _, ids = line.partition("\t")
            if k[0] == "@":
                self._aliases[k[1:]] = ids
            else:
                self._names[k] = ids
        self._entries: dict[int, Entry] = {}
        self._admin1_rows: dict[str, int] | None = None
        self._country_rows: dict[str, int] | None = None
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._seats: dict[str, int] | None = None
        self.max_words = max(k.count(" ") for k in list(self._names)[:: 50] + list(self._aliases)) + 1

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, directory: Path | None = None) -> "Gazetteer":
        """The process-wide gazetteer (loaded on first use), or a fresh one from ``directory``."""
        if directory is not None:
            return cls(Path(directory))
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls(data_dir())
        return cls._instance

    def entry(self, geonameid: int) -> Entry | None:
        e = self._entries.get(geonameid)
        if e is None:
            line = self._raw.get(geonameid)
            if line is None:
                return None
            f = line.split("\t")
            gid, name, lat, lon, iso3, a1, a2, kind, fcode, pop = f
            e = Entry(int(gid), name, float(lat), float(lon), iso3,
                      self._admin1_name(a1, kind, name), a2 or None, kind, int(pop), fcode, a1)
            self._entries[geonameid] = e
        return e

    def _admin1_name(self, code: str, kind: str, name: str) -> str | None:
        if kind == "admin1":
            return name
        if not code:
            return None
        gid = self._admin1_index().get(code)
        if gid is None:
            return None
        return self._raw[gid].split("\t", 2)[1]

    def _admin1_index(self) -> dict[str, int]:
        if self._admin1_rows is None:
            rows: dict[str, int] = {}
            countries: dict[str, int] = {}
            for gid, line in self._raw.items():
                if "\tadmin1\t" in line:
                    rows[line.split("\t")[5]] = gid
                elif "\tcountry\t" in line:
                    countries[line.split("\t")[4]] = gid
            self._admin1_rows, self._country_rows = rows, countries
        return self._admin1_rows

    # ------------------------------------------------------------------ lookups
    def has_key(self, key: str) -> bool:
        return key in self._names or key in self._aliases

    def is_alias(self, key: str) -> bool:
        return key in self._aliases

    def ids_for_key(self, key: str) -> tuple[list[int], bool]:
        """Geonameids for a normalised key (best first) and whether they come from an alias."""
        ids = self._aliases.get(key)
        if ids is not None:
            return [int(x) for x in ids.split(",")], True
        ids = self._names.get(key)
        if ids is None:
            return [], False
        return [int(x) for x in ids.split(",")], False

    def lookup(self, name: str, *, country: str | None = None,
               kind: str | None = None) -> list[Entry]:
        """Every entry named ``name`` (any known variant), best-ranked first."""
        key = name_key(name)
        ids, _ = self.ids_for_key(key)
        if not ids and key.startswith("the "):
            ids, _ = self.ids_for_key(key[4:])
        out = []
        for gid in ids:
            e = self.entry(gid)
            if e is None or (country and e.country != country) or (kind and e.kind != kind):
                continue
            out.append(e)
        return out

    def spelling_variants(self, name: str) -> list[Entry]:
        """Entries of the names a transliteration may have spelled differently: y/i (Ukrainian
        и/і: "Khotyn" for Khotin), g/h (Russian г: "Gruzskoye", "Gorlovka"), e/ie, io/o
        (Ukrainian ьо: "Verkhniotoretske" for Verkhnotoretske), l/ll and ia/ya (Ukrainian
        ля: "Bilopilia" for Bilopillia), and the English vowels of other transliterations
        (ou/au, oo/u, ee/i, aa/a: "Rajouri" for Rajauri). Used only where the
        document's context rejects every entry of the name as written, and for names the
        gazetteer does not know at all (annotate.places)."""
        key = name_key(name)
        keys = {key.replace("y", "i"), key.replace("i", "y"), key.replace("g", "h"),
                key.replace("h", "g").replace("kg", "kh").replace("zg", "zh").replace("sg", "sh")
                .replace("cg", "ch"), key.replace("ie", "e"), key.replace("e", "ie"),
                key.replace("io", "o")}
        for i, ch in enumerate(key):
            if ch in "yi":
                keys.add(key[:i] + ("i" if ch == "y" else "y") + key[i + 1:])
        # Ukrainian soft "л" before "я": one l or two, "ia" or "ya" ("Bilopilia",
        # "Bilopillia", "Bilopillya"; "Krasnopilia" for Krasnopillya)
        soft = {key.replace("ll", "l")} | {key[:i] + "l" + key[i:] for i, ch in enumerate(key)
                                           if ch == "l" and key[i - 1:i] != "l"
                                           and key[i + 1:i + 2] != "l"}
        keys |= soft | {k.replace("ia", "ya") for k in soft} | {
            k.replace("ya", "ia") for k in soft} | {key.replace("ia", "ya"),
                                                   key.replace("ya", "ia")}
        # vowels of English-style transliteration (South Asia, the Middle East, Africa):
        # "ou"/"au" ("Rajouri" for Rajauri), "oo"/"u" ("Poonch" for Punch), "ee"/"i",
        # "aa"/"a"
        keys |= {key.replace("ou", "au"), key.replace("au", "ou"), key.replace("ou", "u"),
                 key.replace("oo", "u"), key.replace("ee", "i"), key.replace("aa", "a")}
        keys.discard(key)
        out: list[Entry] = []
        for k in sorted(keys):
            ids, _ = self.ids_for_key(k)
            out.extend(e for e in (self.entry(g) for g in ids) if e is not None and e not in out)
        return out

    def admin1_entry(self, country: str, admin1: str) -> Entry | None:
        """The admin1 unit of ``country`` named ``admin1`` (display name, variant or code)."""
        idx = self._admin1_index()
        if admin1 in idx:
            return self.entry(idx[admin1])
        for e in self.lookup(admin1, country=country, kind="admin1"):
            return e
        stripped = re.sub(r"\s+(oblast|region|province|governorate|state)$", "", admin1.strip(),
                          flags=re.I)
        for e in self.lookup(stripped, country=country, kind="admin1"):
            return e
        return None

    def admin1_seat(self, admin1_code: str) -> Entry | None:
        """The seat town of an admin1 unit (GeoNames code "RU.09"): its most populous
        place with feature PPLA (or PPLC when the capital is the seat)."""
        if self._seats is None:
            best: dict[str, tuple[int, int]] = {}
            for gid, line in self._raw.items():
                if "\tPPLA\t" not in line and "\tPPLC\t" not in line:
                    continue
                f = line.split("\t")
                if f[7] != "city":
                    continue
                pop = int(f[9] or 0)
                if f[5] not in best or pop > best[f[5]][0]:
                    best[f[5]] = (pop, gid)
            self._seats = {code: gid for code, (_, gid) in best.items()}
        gid = self._seats.get(admin1_code)
        return self.entry(gid) if gid is not None else None

    def admin1_point(self, country: str, admin1: str) -> tuple[float, float] | None:
        e = self.admin1_entry(country, admin1)
        return (e.lat, e.lon) if e else None

    def country_entry(self, iso3: str) -> Entry | None:
        self._admin1_index()
        assert self._country_rows is not None
        gid = self._country_rows.get(iso3.upper())
        return self.entry(gid) if gid is not None else None

    def country_point(self, iso3: str) -> tuple[float, float] | None:
        e = self.country_entry(iso3)
        return (e.lat, e.lon) if e else None

    def reverse(self, lat: float, lon: float, *, max_km: float = 150.0) -> tuple[str | None, str | None]:
        """(admin1 display name, country ISO3) of the nearest populated place within ``max_km``."""
        e = self.nearest(lat, lon, max_km=max_km)
        if e is None:
            return None, None
        return e.admin1, e.country

    def nearest(self, lat: float, lon: float, *, max_km: float = 150.0) -> Entry | None:
        grid = self._grid_index()
        cy, cx = int(math.floor(lat)), int(math.floor(lon))
        best: tuple[float, int] | None = None
        for ring in range(0, 3):
            for dy in range(-ring, ring + 1):
                for dx in range(-ring, ring + 1):
                    if max(abs(dy), abs(dx)) != ring:
                        continue
                    for gid in grid.get((cy + dy, cx + dx), ()):
                        f = self._raw[gid].split("\t", 4)
                        d = haversine_km(lat, lon, float(f[2]), float(f[3]))
                        if best is None or d < best[0]:
                            best = (d, gid)
            if best is not None and best[0] < ring * 60:
                break
        if best is None or best[0] > max_km:
            return None
        return self.entry(best[1])

    def _grid_index(self) -> dict[tuple[int, int], list[int]]:
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = {}
            for gid, line in self._raw.items():
                f = line.split("\t", 8)
                if f[7] != "city":
                    continue
                key = (int(math.floor(float(f[2]))), int(math.floor(float(f[3]))))
                grid.setdefault(key, []).append(gid)
            self._grid = grid
        return self._grid

    def __len__(self) -> int:
        return len(self._raw)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer.load()
