"""Exporters: each format written and read back (csv, json, geojson, duckdb/pyarrow parquet)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventdesk.errors import ConfigError, InputError
from eventdesk.export import EXPORTERS, ExportResult, export
from eventdesk.export.acled import COLUMNS
from eventdesk.merge.across import merge_events
from eventdesk.records import (Actor, DateWindow, Document, Event, MergedEvent, Place, Span)

KRYVYI_RIH = Place("Kryvyi Rih", "UKR", 47.91, 33.39, "city", admin1="Dnipropetrovsk",
                   geonameid=703845)
SENT = "Missile strikes were reported in Kryvyi Rih, injuring six individuals."


def ev(doc_id: str, *, type: str = "ASSAULT", mode: str | None = "aerial",
       place: Place | None = KRYVYI_RIH, day: tuple[str, str] | None = ("2023-10-04", "2023-10-05"),
       killed: int | None = 0, injured: int | None = 6, a1=("RUS", "MIL"), a2=("UKR", "CVL"),
       acled: tuple[str, str] | None = ("Explosions/Remote violence", "Air/drone strike")) -> Event:
    return Event(doc_id=doc_id, type=type, mode=mode, trigger=Span(0, 16, "Missile strikes"),
                 sentence=Span(0, len(SENT), SENT),
                 acled_event_type=acled[0] if acled else None,
                 acled_sub_event_type=acled[1] if acled else None,
                 actor1=Actor(None, *a1) if a1 else None, actor2=Actor(None, *a2) if a2 else None,
                 location=place,
                 date=DateWindow(date.fromisoformat(day[0]), date.fromisoformat(day[1]))
                 if day else None,
                 fatalities=killed, injuries=injured)


DOCS = {
    "d1": Document(id="d1", text="...", published=date(2023, 10, 5), source="Reuters",
                   url="https://example.org/1", title="Strikes"),
    "d2": Document(id="d2", text="...", published=date(2023, 10, 6), source="AP",
                   url="https://example.org/2"),
    "d3": Document(id="d3", text="...", published=date(2023, 11, 20), source="Kyiv Post"),
}


def corpus() -> list[MergedEvent | Event]:
    merged = merge_events([(DOCS["d1"], ev("d1", killed=0, injured=6)),
                           (DOCS["d2"], ev("d2", killed=1, injured=7))])
    assert len(merged) == 1 and merged[0].conflicting
    return [
        *merged,
        ev("d3", type="CONSULT", mode=None, acled=None, a1=("RUS", "GOV"), a2=("UKR", "GOV"),
           place=Place("Moscow", "RUS", 55.75, 37.62, "city"),
           day=("2023-11-20", "2023-11-20"), killed=None, injured=None),
        ev("d3", type="PROTEST", mode=None, acled=None, a1=("UKR", "CVL"), a2=None,
           place=Place("Kyiv", "UKR", None, None, "city"),
           day=("2023-11-01", "2023-11-19"), killed=None, injured=None).replace(id="p1"),
        ev("d3", mode="firearms", acled=None, place=None, day=None).replace(id="x1"),
    ]


def test_registry_lists_the_builtins() -> None:
    assert {"acled-csv", "plover-json", "geojson", "parquet"} <= set(EXPORTERS)
    with pytest.raises(ConfigError, match="unknown export format"):
        export("kml", [], "x")
    with pytest.raises(InputError, match="record 0"):
        export("plover-json", ["nope"], io.StringIO())


def test_acled_csv_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    res = export("acled-csv", corpus(), out, documents=DOCS)
    assert isinstance(res, ExportResult)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0].keys()) == COLUMNS
    assert res.written == len(rows) == 2
    assert res.skipped == 2 and res.reasons == {"no ACLED type for CONSULT": 1, "no date": 1}
    strike, protest = rows
    assert strike["event_id_cnty"].startswith("UKR")
    assert strike["event_date"] == "2023-10-04" and strike["year"] == "2023"
    assert strike["time_precision"] == "1" and strike["geo_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["actor1"] == "Military Forces of Russia (2000-)"
    assert strike["actor2"] == "Civilians (Ukraine)"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["country"], strike["region"]) == ("804", "Ukraine", "Europe")
    assert strike["fatalities"] == "1"  # the latest report's
    assert "conflicting fatality reports: 0-1" in strike["tags"]
    assert strike["source"] == "Reuters; AP"
    assert strike["latitude"] == "47.9100" and strike["longitude"] == "33.3900"
    assert strike["notes"].startswith("On 4 October 2023, Missile strikes")
    assert protest["event_type"] == "Protests" and protest["disorder_type"] == "Demonstrations"
    assert protest["actor1"] == "Protesters (Ukraine)" and protest["inter1"] == "6"
    assert protest["time_precision"] == "3" and protest["event_date"] == "2023-11-10"
    assert protest["fatalities"] == "0" and "fatalities unknown" in protest["tags"]
    # non-violent events as Strategic developments, with extra columns
    buf = io.StringIO()
    res = export("acled-csv", corpus(), buf, documents=DOCS, non_violent="strategic", extras=True)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert res.written == 3
    consult = [r for r in rows if r["plover_type"] == "CONSULT"][0]
    assert (consult["event_type"], consult["sub_event_type"]) == ("Strategic developments", "Other")
    assert consult["actor1"] == "Government of Russia (2000-)" and consult["iso"] == "643"
    with pytest.raises(ConfigError):
        export("acled-csv", [], buf, non_violent="maybe")


def test_plover_json_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "plover.json"
    res = export("plover-json", corpus(), out, documents=DOCS)
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert res.written == len(recs) == 4
    r = recs[0]
    assert r["event"] == "ASSAULT" and r["mode"] == "aerial"
    assert r["source"] == [{"actorText": "", "code": "RUS", "sector": "MIL", "country": "RUS"}]
    assert r["target"][0]["code"] == "UKR" and r["target"][0]["sector"] == "CVL"
    assert r["eventLoc"]["geonamesID"] == 703845 and r["eventLoc"]["country code"] == "UA"
    assert (r["eventLoc"]["lat"], r["eventLoc"]["lon"]) == (47.91, 33.39)
    assert r["dead"] == 1 and r["injured"] == 7 and r["deadRange"] == [0, 1] and r["conflicting"]
    assert [s["outlet"] for s in r["sources"]] == ["Reuters", "AP"]
    assert r["text"] == SENT and r["eventText"] == "Missile strikes"
    # bare Events get their document's metadata
    assert recs[1]["sources"][0]["outlet"] == "Kyiv Post"
    buf = io.StringIO()
    export("plover-json", corpus(), buf, lines=True)
    assert [json.loads(line)["id"] for line in buf.getvalue().splitlines()] == [x["id"] for x in recs]
    empty = io.StringIO()
    export("plover-json", [], empty)
    assert json.loads(empty.getvalue()) == []


def test_geojson_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    res = export("geojson", corpus(), out, documents=DOCS)
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    assert res.written == len(fc["features"]) == 2
    assert res.reasons == {"no coordinates": 2} and fc["eventdesk"]["skipped_no_coordinates"] == 2
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [33.39, 47.91]}  # lon, lat
    for value in f["properties"].values():
        assert value is None or isinstance(value, (str, int, float, bool))
    assert f["properties"]["event_date"] == "2023-10-04"
    assert f["properties"]["fatalities_max"] == 1 and f["properties"]["n_sources"] == 2
    assert json.loads(f["properties"]["sources_json"])[1]["outlet"] == "AP"


def test_parquet_round_trip_duckdb_and_pyarrow(tmp_path: Path) -> None:
    import duckdb
    import pyarrow.dataset as ds

    out = tmp_path / "pq"
    res = export("parquet", corpus(), out, documents=DOCS, batch_rows=2)
    assert res.written == 4
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2023-10", "month=2023-11", "month=unknown"]
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT month, type, event_date, fatalities, latitude, conflicting, n_sources "
        f"FROM read_parquet('{out}/*/*.parquet', hive_partitioning=true) "
        f"ORDER BY month, type").fetchall()
    assert rows[0] == ("2023-10", "ASSAULT", date(2023, 10, 4), 1, 47.91, True, 2)
    assert [r[1] for r in rows] == ["ASSAULT", "CONSULT", "PROTEST", "ASSAULT"]
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}/*/*.parquet', "
                            f"hive_partitioning=true)").fetchall()
    types = {r[0]: r[1] for r in described}
    assert types["event_date"] == "DATE" and types["fatalities"] == "BIGINT"
    assert types["latitude"] == "DOUBLE"
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 4
    df = table.to_pandas()
    assert set(df["month"]) == {"2023-10", "2023-11", "unknown"}
    # an existing directory is refused unless overwrite=True
    with pytest.raises(ConfigError, match="not empty"):
        export("parquet", corpus(), out)
    res = export("parquet", corpus()[:1], out, overwrite=True)
    assert sorted(p.name for p in out.iterdir()) == ["month=2023-10"]


def test_streaming_large_input_parquet_and_csv(tmp_path: Path) -> None:
    def many():
        for n in range(30_000):
            yield ev(f"doc{n}", day=(f"2024-{n % 12 + 1:02d}-01",) * 2).replace(id=f"e{n}")

    res = export("parquet", many(), tmp_path / "big", batch_rows=10_000)
    assert res.written == 30_000
    import duckdb

    n = duckdb.connect().execute(
        f"SELECT count(*), count(DISTINCT month) FROM "
        f"read_parquet('{tmp_path / 'big'}/*/*.parquet', hive_partitioning=true)").fetchone()
    assert n == (30_000, 12)
    res = export("acled-csv", many(), tmp_path / "big.csv")
    assert res.written == 30_000
