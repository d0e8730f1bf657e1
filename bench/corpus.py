"""A generated corpus of realistic short reports (Arabic and English) for the benchmarks."""

from __future__ import annotations

import datetime as dt
import random

AR = [
    "أعلنت مصادر أمنية أن {place} تعرضت لهجوم بطائرة مسيرة مفخخة {day}، ما أسفر عن إصابة {n} عناصر.",
    "وقالت خلية الإعلام الأمني إن صواريخ كاتيوشا سقطت قرب {place} {day} دون وقوع إصابات.",
    "وشنت القوات الأميركية غارات جوية على مواقع لكتائب حزب الله في {place} {day}، وسقط {n} قتلى.",
    "وأفاد مسؤول محلي بانفجار عبوة ناسفة على طريق في {place} {day} أدى إلى مقتل {n} مدنيين.",
    "وبحث وزير الخارجية مع نظيره في بغداد سبل تعزيز التعاون الاقتصادي بين البلدين.",
]
EN = [
    "Security sources said a one-way attack drone struck {place} {day}, injuring {n} people.",
    "Rockets landed near {place} {day}, officials said, with no casualties reported.",
    "US forces carried out airstrikes on Kataib Hezbollah sites in {place} {day}, killing {n}.",
    "A roadside bomb exploded in {place} {day}, killing {n} civilians, police said.",
    "The foreign minister met his Iraqi counterpart in Baghdad to discuss trade and energy.",
]
PLACES_AR = ["القائم", "جرف الصخر", "قاعدة عين الأسد الجوية", "بغداد"]
PLACES_EN = ["al-Qaim", "Jurf al-Sakhar", "Ain al-Asad air base", "Baghdad"]
DAYS_AR = ["السبت", "الأحد", "أمس", "الليلة الماضية", "الأربعاء"]
DAYS_EN = ["on Saturday", "on Sunday", "yesterday", "last night", "on Wednesday"]
FILLER_AR = "وتأتي هذه التطورات في ظل توتر متصاعد في المنطقة، وسط دعوات إلى التهدئة وضبط النفس. "
FILLER_EN = "The developments come amid rising tension in the region and calls for restraint from all sides. "


def article(i: int, size: int = 3000) -> dict:
    """One report of about ``size`` bytes; even ids Arabic, odd ids English."""
    rnd = random.Random(i)
    arabic = i % 2 == 0
    templates, places, days, filler = (AR, PLACES_AR, DAYS_AR, FILLER_AR) if arabic else (EN, PLACES_EN, DAYS_EN, FILLER_EN)
    parts = [rnd.choice(templates).format(place=rnd.choice(places), day=rnd.choice(days), n=rnd.randint(1, 9))
             for _ in range(3)]
    text = " ".join(parts)
    while len(text.encode("utf-8")) < size:
        text += " " + filler
    published = dt.date(2024, 1, 1) + dt.timedelta(days=i % 365)
    return {"id": f"bench-{i}", "text": f"[{i}] " + text, "published": published.isoformat()}
