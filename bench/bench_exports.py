"""Exports at scale: CSV, GeoJSON and KML of N incidents, and the PNG screenshot.

    .venv/bin/python -m bench.bench_exports [N]      (default N = 100000; PNG needs Chromium)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.bench_dashboard import fill
from incidents import export
from incidents.store import Store


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        fill(db, n)
        t0 = time.perf_counter()
        with Store(db) as store:
            incidents = store.incidents()
        print(f"read {len(incidents):,} incidents: {time.perf_counter() - t0:.2f} s")
        for name, fn in (("csv", export.csv_text), ("geojson", export.geojson_text), ("kml", export.kml_text)):
            t0 = time.perf_counter()
            text = fn(incidents)
            print(f"{name}: {time.perf_counter() - t0:.2f} s, {len(text.encode()) / 2**20:.1f} MB")
        from incidents.screenshot import map_png

        t0 = time.perf_counter()
        png = map_png(incidents)
        print(f"png 1920x1080: {time.perf_counter() - t0:.2f} s, {len(png) / 1024:.0f} KB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
