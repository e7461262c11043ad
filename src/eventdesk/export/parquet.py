"""Parquet directory partitioned by month, hive style: ``OUT/month=YYYY-MM/part-NNNNN.parquet``.

Flat columns of plain types (string, int64, double, bool, date32) that DuckDB
(``read_parquet('OUT/*/*.parquet', hive_partitioning=true)``), pandas/pyarrow
(``pyarrow.dataset.dataset(OUT, partitioning='hive')``) and Spark read. The month is the event
date's (docs/exports.md); events without a date go to ``month=unknown``. Rows are buffered up to
``batch_rows`` (50,000) in all, then written as new part files: memory stays flat for any input.
An existing non-empty ``OUT`` is refused unless ``overwrite=True`` (which removes its
``month=*`` folders only).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.export._common import Counter, ExportResult, FlagLookup, flat_row
from eventdesk.records import MergedEvent

_STRING = "string"
SCHEMA: tuple[tuple[str, str], ...] = (
    ("id", _STRING), ("event_id", _STRING), ("doc_id", _STRING), ("type", _STRING),
    ("mode", _STRING), ("acled_event_type", _STRING), ("acled_sub_event_type", _STRING),
    ("event_date", "date32"), ("date_start", "date32"), ("date_end", "date32"),
    ("time_precision", "int64"),
    ("actor1", _STRING), ("actor1_country", _STRING), ("actor1_sector", _STRING),
    ("actor2", _STRING), ("actor2_country", _STRING), ("actor2_sector", _STRING),
    ("place", _STRING), ("admin1", _STRING), ("admin2", _STRING), ("country", _STRING),
    ("country_name", _STRING), ("precision", _STRING), ("geonameid", "int64"),
    ("latitude", "float64"), ("longitude", "float64"),
    ("fatalities", "int64"), ("injuries", "int64"), ("fatalities_min", "int64"),
    ("fatalities_max", "int64"), ("injuries_min", "int64"), ("injuries_max", "int64"),
    ("conflicting", "bool"), ("n_sources", "int64"), ("outlets", _STRING), ("urls", _STRING),
    ("doc_ids", _STRING), ("first_published", "date32"), ("last_published", "date32"),
    ("trigger", _STRING), ("sentence", _STRING), ("confidence", "float64"),
    ("sources_json", _STRING), ("flags", _STRING),
)


def arrow_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "date32": pa.date32()}
    return pa.schema([(name, types[t]) for name, t in SCHEMA])


class Parquet:
    name = "parquet"
    description = "Parquet directory partitioned by month (hive style)"

    def write(self, records: Iterable[MergedEvent], out: Any, *, batch_rows: int = 50_000,
              overwrite: bool = False, compression: str = "zstd", flags: FlagLookup = None,
              **options: Any) -> ExportResult:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if options:
            raise ConfigError(f"parquet: unknown options {sorted(options)}")
        if hasattr(out, "write") or str(out) == "-":
            raise ConfigError("parquet: OUT must be a directory path")
        root = Path(out)
        if root.exists() and not root.is_dir():
            raise ConfigError(f"parquet: {root} exists and is not a directory")
        if root.exists() and any(root.iterdir()):
            if not overwrite:
                raise ConfigError(f"parquet: {root} is not empty (use overwrite=True)")
            for part in root.glob("month=*"):
                shutil.rmtree(part)
        root.mkdir(parents=True, exist_ok=True)
        schema = arrow_schema()
        names = [n for n, _ in SCHEMA]
        buffers: dict[str, dict[str, list[Any]]] = {}
        parts: dict[str, int] = {}
        buffered = 0
        count = Counter()

        def flush() -> None:
            nonlocal buffered
            for month, cols in sorted(buffers.items()):
                folder = root / f"month={month}"
                folder.mkdir(exist_ok=True)
                n = parts.get(month, 0)
                parts[month] = n + 1
                table = pa.Table.from_pydict(cols, schema=schema)
                pq.write_table(table, folder / f"part-{n:05d}.parquet", compression=compression)
            buffers.clear()
            buffered = 0

        for m in records:
            r = flat_row(m, flags)
            day = r["event_date"]
            month = f"{day:%Y-%m}" if day else "unknown"
            cols = buffers.get(month)
            if cols is None:
                cols = buffers[month] = {n: [] for n in names}
            for n in names:
                cols[n].append(r[n])
            buffered += 1
            count.written += 1
            if buffered >= batch_rows:
                flush()
        flush()
        return count.result(self.name, root)
