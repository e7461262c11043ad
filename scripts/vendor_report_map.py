"""Vendor the report's base map from the npm registry.

    python scripts/vendor_report_map.py     # refresh src/eventdesk/data/report/

``world-atlas`` (Natural Earth 1:110m countries, public domain, TopoJSON) is fetched with
``npm pack world-atlas@VERSION`` (the npm registry, nothing else), its tarball checked against
the registry's integrity hash, and ``countries-110m.json`` copied with the package's licence.
``SOURCE.json`` records name, version, integrity and the file taken. The report draws
country outlines from it with matplotlib; nothing is downloaded at run time.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventdesk" / "data" / "report"
NAME, VERSION = "world-atlas", "2.0.2"
FILES = {"countries-110m.json": "countries-110m.json", "LICENSE": "LICENSE.world-atlas.txt"}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["npm", "pack", f"{NAME}@{VERSION}", "--json", "--silent"],
                             cwd=tmp, check=True, capture_output=True, text=True).stdout
        info = json.loads(out)[0]
        data = (Path(tmp) / info["filename"]).read_bytes()
    algo, _, digest = info["integrity"].partition("-")
    if base64.b64encode(hashlib.new(algo, data).digest()).decode() != digest:
        raise SystemExit(f"{NAME}@{VERSION}: tarball does not match {info['integrity']}")
    OUT.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for src, dst in FILES.items():
            (OUT / dst).write_bytes(tar.extractfile(f"package/{src}").read())
    (OUT / "SOURCE.json").write_text(json.dumps({
        "name": NAME, "version": VERSION, "integrity": info["integrity"],
        "licence": "ISC (package); Natural Earth data: public domain",
        "files": FILES}, indent=2) + "\n")
    print(f"{NAME}@{VERSION} -> {OUT}")


if __name__ == "__main__":
    main()
