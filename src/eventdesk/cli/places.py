"""`eventdesk places NAME [--country ISO3] [--json]`: the gazetteer's candidates for a name."""

from __future__ import annotations

import argparse
import json

from eventdesk.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "places", help="look a place name up in the gazetteer (GeoNames, geonames.org)",
        description="Print the gazetteer entries a place name may mean, best-ranked first.")
    p.add_argument("name", help='a place name or variant ("Kharkov", "Andriivka", "the Kremlin")')
    p.add_argument("--country", metavar="ISO3", help="only entries in this country (ISO3)")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventdesk.resources.gazetteer import Gazetteer

    if not args.name.strip():
        raise InputError("NAME", "empty place name")
    country = args.country.upper() if args.country else None
    if country is not None and len(country) != 3:
        raise InputError("--country", f"expected an ISO3 code such as UKR, got {args.country!r}")
    entries = Gazetteer.load().lookup(args.name, country=country)[: args.limit]
    for e in entries:
        if args.json:
            print(json.dumps({"geonameid": e.geonameid, "name": e.name, "kind": e.kind,
                              "country": e.country, "admin1": e.admin1, "admin2": e.admin2,
                              "lat": e.lat, "lon": e.lon, "population": e.population,
                              "feature": e.feature}, ensure_ascii=False))
        else:
            where = ", ".join(x for x in (e.admin2, e.admin1, e.country) if x)
            print(f"{e.geonameid}\t{e.name}\t{e.kind}\t{where}\t{e.lat:.4f},{e.lon:.4f}"
                  f"\tpop {e.population}")
    if not entries:
        print(f"no place named {args.name!r}" + (f" in {country}" if country else ""))
        return 1
    return 0
