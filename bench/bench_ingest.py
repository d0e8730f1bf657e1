"""Ingest throughput: generated reports end to end (clean, extract, geocode, dedup, store).

    .venv/bin/python -m bench.bench_ingest [N]      (default N = 2000)
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import article
from gazetteer import default_gazetteer
from incidents.ingest import ingest
from incidents.store import Store


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps(article(i), ensure_ascii=False) + "\n")
        size_mb = src.stat().st_size / 2**20
        g = default_gazetteer()
        t0 = time.perf_counter()
        with Store(Path(tmp) / "bench.db") as store:
            report = ingest([src], store, g, today=dt.date(2026, 1, 1))
            counts = store.counts()
        secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} articles ({size_mb:.1f} MB) in {secs:.1f} s: {n / secs:,.0f} articles/s, {size_mb / secs:.2f} MB/s; "
          f"{counts['incidents']} incidents stored ({report.incidents} extracted); peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
