"""Build src/eventdesk/data/gazetteer/demonym_capitals.tsv from the actor dictionary's country
table (src/eventdesk/data/actors/countries.csv): demonym -> ISO3 -> capital name, so that the
place finder reads "the Ukrainian capital" as Kyiv.

    python scripts/build_demonym_capitals.py
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src/eventdesk/data/actors/countries.csv"
OUT = ROOT / "src/eventdesk/data/gazetteer/demonym_capitals.tsv"


def main() -> None:
    rows = []
    with SRC.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            capital = (rec.get("capitals") or "").replace(";", "|").split("|")[0].strip()
            if not capital:
                continue
            for demonym in (rec.get("demonyms") or "").split("|"):
                demonym = demonym.strip()
                if demonym:
                    rows.append((demonym.lower(), rec["iso3"], capital))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# demonym\tiso3\tcapital (built by scripts/build_demonym_capitals.py)\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
