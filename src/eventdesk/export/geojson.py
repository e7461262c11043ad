"""GeoJSON FeatureCollection of Point features ([lon, lat], RFC 7946) for located events.

Properties are flat strings, numbers and booleans (QGIS and geojson.io show them as columns);
the per-report figures are one JSON string (``sources_json``). Events without coordinates are
skipped and counted (in the result and in the collection's ``eventdesk`` member). Streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.export._common import Counter, ExportResult, FlagLookup, flat_row, text_output
from eventdesk.records import MergedEvent


def feature(m: MergedEvent, flags: FlagLookup = None) -> dict[str, Any] | None:
    loc = m.event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    props = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in flat_row(m, flags).items()}
    return {"type": "Feature", "id": m.id,
            "geometry": {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]},
            "properties": props}


class GeoJson:
    name = "geojson"
    description = "GeoJSON FeatureCollection of points (located events only)"

    def write(self, records: Iterable[MergedEvent], out: Any, *, flags: FlagLookup = None,
              **options: Any) -> ExportResult:
        if options:
            raise ConfigError(f"geojson: unknown options {sorted(options)}")
        count = Counter()
        with text_output(out) as f:
            f.write('{"type": "FeatureCollection", "features": [')
            for m in records:
                feat = feature(m, flags)
                if feat is None:
                    count.skip("no coordinates")
                    continue
                f.write(("\n" if count.written == 0 else ",\n")
                        + json.dumps(feat, ensure_ascii=False))
                count.written += 1
            f.write('\n], "eventdesk": ' + json.dumps(
                {"written": count.written, "skipped_no_coordinates":
                 count.reasons.get("no coordinates", 0)}) + "}\n")
        return count.result(self.name, out)
