"""Country table for exporters: ISO3 -> ISO2, ISO numeric, ACLED country name and region.

Data lives in ``eventdesk/data/acled_countries.csv`` (GeoNames countryInfo, CC BY 4.0,
"GeoNames, geonames.org", with ACLED's names and regions). Rebuild it with
``python -m eventdesk.export.countries /work/shared/data/geonames/countryInfo.txt``.
``state_since`` is the first year of the current regime period ACLED puts in state actor names
("Military Forces of Russia (2000-)"); blank where this table does not know it.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_FILE = "acled_countries.csv"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    iso_numeric: int
    name: str
    region: str
    state_since: int | None = None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    text = resources.files("eventdesk.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    out: dict[str, Country] = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["iso3"]] = Country(row["iso3"], row["iso2"], int(row["iso_numeric"]), row["name"],
                                   row["region"],
                                   int(row["state_since"]) if row["state_since"] else None)
    return out


def country(iso3: str | None) -> Country | None:
    return countries().get(iso3) if iso3 else None


# --- build -------------------------------------------------------------------------------

_REGIONS = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA "
                      "ZMB ZWE IOT ATF",
    "Southern Africa": "BWA LSO NAM ZAF SWZ",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC JPN MNG PRK KOR TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "North America": "USA CAN BMU GRL SPM",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN SGS",
    "Caribbean": "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI "
                 "BLM KNA LCA MAF VCT SXM TTO TCA VIR",
}
_CONTINENT_REGION = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica", "AF": "Eastern Africa",
                     "AS": "Middle East", "NA": "Caribbean", "SA": "South America"}
_ACLED_NAMES = {
    "COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "PSE": "Palestine",
    "CZE": "Czech Republic", "SWZ": "eSwatini", "TLS": "East Timor", "CPV": "Cape Verde",
    "VAT": "Vatican City", "MAC": "Macau",
}
_STATE_SINCE = {"RUS": 2000, "UKR": 2019, "ISR": 2022, "SDN": 2019, "MMR": 2021, "COD": 2019,
                "BLR": 1994, "TUR": 2002, "SYR": 2024, "IRN": 1979, "RWA": 1994}


def build(country_info: str, out: str | None = None) -> int:
    """Write the CSV from GeoNames' countryInfo.txt; return the number of countries."""
    region_of = {iso3: region for region, codes in _REGIONS.items() for iso3 in codes.split()}
    rows = []
    with open(country_info, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            iso2, iso3, num, name, continent = c[0], c[1], c[2], c[4], c[8]
            rows.append({"iso3": iso3, "iso2": iso2, "iso_numeric": int(num),
                         "name": _ACLED_NAMES.get(iso3, name),
                         "region": region_of.get(iso3, _CONTINENT_REGION.get(continent, "")),
                         "state_since": _STATE_SINCE.get(iso3, "")})
    rows.sort(key=lambda r: r["iso3"])
    path = out or str(resources.files("eventdesk.data").joinpath(DATA_FILE))
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


if __name__ == "__main__":  # pragma: no cover
    print(build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None), "countries")
