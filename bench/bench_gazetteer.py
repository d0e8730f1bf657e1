"""Gazetteer: load time, ranked lookups per second, and scanning throughput.

    .venv/bin/python -m bench.bench_gazetteer
"""

from __future__ import annotations

import time

from gazetteer import Gazetteer
from incidents.text import words_of

QUERIES = ["al-Qaim", "القائم", "بالقائم", "Ain al-Assad", "عين الأسد", "Jurf al-Sakhar", "جرف الصخر", "Baghdad",
           "بغداد", "Erbil", "أربيل", "Deir ez-Zor", "Albu Kamal", "Akashat", "Mosul", "Kirkuk", "Qaim", "Nowhere Town"]
TEXT = ("وقال المصدران إن الضربات استهدفت مواقع في منطقتي جرف الصخر والقائم على الحدود مع سوريا "
        "وأصيب أربعة جنود بعد تعرض قاعدة عين الأسد الجوية لصواريخ. US strikes hit sites in al-Qaim and Akashat. ") * 20


def _ms_per_lookup(g: Gazetteer, queries: list[str], seconds: float = 2.0) -> float:
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for q in queries:
            g.search(q)
            n += 1
    return (time.perf_counter() - t0) / n * 1000


def main() -> None:
    t0 = time.perf_counter()
    g = Gazetteer.load()
    load_s = time.perf_counter() - t0
    print(f"places: {len(g.places)}; load: {load_s:.3f} s")
    per = _ms_per_lookup(g, QUERIES)
    print(f"search(): {1000 / per:,.0f} lookups/s, {per:.3f} ms per lookup (incl. fuzzy misses)")
    print(f"search() of known names: {_ms_per_lookup(g, [q for q in QUERIES if q != 'Nowhere Town']):.3f} ms per lookup")
    words = [w for w, _, _ in words_of(TEXT)]
    t0 = time.perf_counter()
    reps = 50
    for _ in range(reps):
        g.scan(words)
    dt = time.perf_counter() - t0
    print(f"scan(): {len(words) * reps / dt:,.0f} words/s ({dt / reps * 1000:.2f} ms per {len(words)} words)")


if __name__ == "__main__":
    main()
