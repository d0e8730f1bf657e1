"""Map build time and HTML size for N incidents (the page the dashboard sends).

    .venv/bin/python -m bench.bench_map [N...]      (default 4 1000 10000)
"""

from __future__ import annotations

import random
import sys
import time

from incidents.assets import prepare_static
from incidents.maps import build_map
from incidents.model import Incident, SourceRef, taxonomy


def incidents(n: int) -> list[Incident]:
    rnd = random.Random(n)
    types = list(taxonomy())
    return [Incident(i, rnd.choice(types), f"2024-01-{1 + i % 28:02d}", 1, "al-Qaim", "القائم", "Anbar", "IQ",
                     33 + rnd.random() * 3, 40 + rnd.random() * 5, 1, rnd.randint(0, 5), None, "US forces", "",
                     "machine", sources=[SourceRef(i, "title", "https://example.org/a", "2024-01-25",
                                                   "وأصيب أربعة جنود أميركيين بعد تعرض قاعدة عين الأسد لصواريخ.")])
            for i in range(n)]


def main(sizes: list[int]) -> None:
    assets = prepare_static()
    for n in sizes:
        data = incidents(n)
        t0 = time.perf_counter()
        html = build_map(data, assets).get_root().render()
        secs = time.perf_counter() - t0
        print(f"{n:>6} incidents: map built and rendered in {secs * 1000:.0f} ms, HTML {len(html.encode()) / 1024:,.0f} KB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [4, 1000, 10000])
