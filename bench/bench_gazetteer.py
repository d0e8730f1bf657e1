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


def main() -> None:
    t0 = time.perf_counter()
    g = Gazetteer.load()
    load_s = time.perf_counter() - t0
    print(f"places: {len(g.places)}; load: {load_s:.3f} s")
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        for q in QUERIES:
            g.search(q)
            n += 1
    per = (time.perf_counter() - t0) / n
    print(f"search(): {n / (n * per):,.0f} lookups/s, {per * 1000:.3f} ms per lookup (incl. fuzzy misses)")
    exact = [q for q in QUERIES if q != "Nowhere Town"]
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        for q in exact:
            g.search(q)
            n += 1
    print(f"search() of known names: {(time.perf_counter() - t0) / n * 1000:.3f} ms per lookup")
    words = [w for w, _, _ in words_of(TEXT)]
    t0 = time.perf_counter()
    reps = 50
    for _ in range(reps):
        g.scan(words)
    dt = time.perf_counter() - t0
    print(f"scan(): {len(words) * reps / dt:,.0f} words/s ({dt / reps * 1000:.2f} ms per {len(words)} words)")


if __name__ == "__main__":
    main()
