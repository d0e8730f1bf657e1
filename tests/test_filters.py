"""The sidebar's filters as a user would combine them."""

import datetime as dt

from incidents.filters import Filters, apply
from incidents.model import Incident, SourceRef


def inc(i, kind="airstrike", date="2024-01-24", precision=1, killed=None, injured=None, actor1="US forces",
        admin1="Anbar", country="IQ", geo=1, status="machine", evidence="الضربات في القائم"):
    return Incident(i, kind, date, precision, "al-Qaim", "القائم", admin1, country, 34.0, 41.0, geo, killed, injured,
                    actor1, "", status, sources=[SourceRef(i, "t", "", "2024-01-25", evidence)])


ALL = [inc(1), inc(2, "drone_strike", "2024-01-01", 3, killed=1, admin1="Baghdad"),
       inc(3, "missile_attack", "2024-01-20", injured=4, actor1="Iran-backed militias"),
       inc(4, date=None, precision=None, country="SY", admin1="Deir ez-Zor", geo=2, status="reviewed",
           evidence="Strikes near Albu Kamal")]


def ids(f):
    return [i.incident_id for i in apply(ALL, f)]


def test_date_range_keeps_month_only_incidents_whose_month_overlaps():
    assert ids(Filters(since=dt.date(2024, 1, 21), until=dt.date(2024, 1, 31))) == [1, 2, 4]
    assert ids(Filters(since=dt.date(2024, 1, 21), include_undated=False)) == [1, 2]
    assert ids(Filters(until=dt.date(2023, 12, 31), include_undated=False)) == []


def test_combined_filters():
    assert ids(Filters(types=frozenset({"airstrike"}))) == [1, 4]
    assert ids(Filters(actors=frozenset({"Iran-backed militias"}))) == [3]
    assert ids(Filters(countries=frozenset({"SY"}))) == [4]
    assert ids(Filters(admin1=frozenset({"Baghdad"}))) == [2]
    assert ids(Filters(max_geo_precision=1)) == [1, 2, 3]
    assert ids(Filters(time_precisions=frozenset({3}))) == [2]
    assert ids(Filters(min_casualties=2)) == [3]
    assert ids(Filters(statuses=frozenset({"reviewed"}))) == [4]


def test_free_text_in_arabic_ignores_hamza_and_diacritics():
    assert ids(Filters(text="الضَّربات")) == [1, 2, 3]
    assert ids(Filters(text="albu kamal")) == [4]
