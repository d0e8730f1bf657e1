"""Exports of stored incidents: GeoJSON (contract), CSV with ACLED's columns, KML."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from xml.sax.saxutils import escape

from incidents.lexicon.loader import default_lexicon
from incidents.model import Incident, taxonomy

CSV_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "inter1", "actor2", "inter2", "interaction", "country", "iso", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities",
    # our columns after ACLED's
    "injured", "incident_type", "location_ar", "evidence", "article_ids", "status",
)
COUNTRY_NAMES = {"IQ": ("Iraq", 368), "SY": ("Syria", 760)}


def feature_properties(inc: Incident) -> dict:
    info = taxonomy()[inc.incident_type]
    return {
        "incident_id": inc.incident_id, "event_date": inc.event_date, "time_precision": inc.time_precision,
        "incident_type": inc.incident_type, "event_type": info.event_type, "sub_event_type": info.sub_event_type,
        "location": inc.location, "location_ar": inc.location_ar, "admin1": inc.admin1, "country": inc.country,
        "geo_precision": inc.geo_precision, "latitude": inc.latitude, "longitude": inc.longitude,
        "fatalities": inc.fatalities, "injured": inc.injured, "actor1": inc.actor1, "actor2": inc.actor2,
        "status": inc.status,
        "sources": [{"article_id": s.article_id, "title": s.title, "url": s.url, "published": s.published,
                     "evidence": s.evidence} for s in inc.sources],
    }


def to_geojson(incidents: list[Incident]) -> dict:
    """A FeatureCollection, one Point feature per incident ([lon, lat], or null geometry)."""
    features = []
    for inc in incidents:
        geometry = None
        if inc.latitude is not None and inc.longitude is not None:
            geometry = {"type": "Point", "coordinates": [inc.longitude, inc.latitude]}
        features.append({"type": "Feature", "id": inc.incident_id, "geometry": geometry,
                         "properties": feature_properties(inc)})
    return {"type": "FeatureCollection", "features": features}


def geojson_text(incidents: list[Incident]) -> str:
    return json.dumps(to_geojson(incidents), ensure_ascii=False, separators=(",", ":"))


def _inter(actor: str) -> str:
    info = default_lexicon().actor_info.get(actor)
    return str(info.inter) if info else ""


def _interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction code: both inter codes, lower first; a lone actor pairs with 0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    return "".join(codes).ljust(2, "0") if codes else ""


def csv_text(incidents: list[Incident]) -> str:
    """CSV with ACLED's column names and codes, then our own columns."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in incidents:
        info = taxonomy()[inc.incident_type]
        country, iso = COUNTRY_NAMES.get(inc.country, (inc.country, ""))
        inter1, inter2 = _inter(inc.actor1), _inter(inc.actor2)
        actors = default_lexicon().actor_info
        writer.writerow({
            "event_id_cnty": f"{inc.country}ATLAS{inc.incident_id}", "event_date": inc.event_date or "",
            "year": (inc.event_date or "")[:4], "time_precision": inc.time_precision or "",
            "event_type": info.event_type, "sub_event_type": info.sub_event_type,
            "actor1": actors[inc.actor1].acled_actor if inc.actor1 in actors else inc.actor1,
            "inter1": inter1,
            "actor2": actors[inc.actor2].acled_actor if inc.actor2 in actors else inc.actor2,
            "inter2": inter2, "interaction": _interaction(inter1, inter2),
            "country": country, "iso": iso, "admin1": inc.admin1, "location": inc.location,
            "latitude": inc.latitude, "longitude": inc.longitude, "geo_precision": inc.geo_precision or "",
            "source": "; ".join(dict.fromkeys(s.title or s.url or f"article {s.article_id}" for s in inc.sources)),
            "notes": " | ".join(s.evidence for s in inc.sources),
            "fatalities": inc.fatalities if inc.fatalities is not None else 0,
            "injured": inc.injured if inc.injured is not None else "", "incident_type": inc.incident_type,
            "location_ar": inc.location_ar, "evidence": inc.sources[0].evidence if inc.sources else "",
            "article_ids": " ".join(str(s.article_id) for s in inc.sources), "status": inc.status,
        })
    return buf.getvalue()


def kml_text(incidents: list[Incident]) -> str:
    """KML with one style per incident type; every text escaped."""
    styles = []
    for t in taxonomy().values():
        rgb = t.color.lstrip("#")
        kml_color = f"ff{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}"
        styles.append(f'<Style id="{t.incident_type}"><IconStyle><color>{kml_color}</color></IconStyle></Style>')
    marks = []
    for inc in incidents:
        if inc.latitude is None or inc.longitude is None:
            continue
        desc = "\n".join(f"{k}: {v}" for k, v in asdict(inc).items() if k != "sources")
        desc += "\n" + "\n".join(s.evidence for s in inc.sources)
        marks.append(
            f"<Placemark><name>{escape(taxonomy()[inc.incident_type].label)} — {escape(inc.location)}</name>"
            f"<styleUrl>#{inc.incident_type}</styleUrl>"
            + (f"<TimeStamp><when>{escape(inc.event_date)}</when></TimeStamp>" if inc.event_date else "")
            + f"<description>{escape(desc)}</description>"
            f"<Point><coordinates>{inc.longitude},{inc.latitude}</coordinates></Point></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            "<name>Incident Atlas</name>" + "".join(styles) + "".join(marks) + "</Document></kml>\n")
