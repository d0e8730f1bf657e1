"""The user layer: places and aliases analysts add in the dashboard.

Kept beside the database (``user_places.csv``, ``user_aliases.csv``), never in ``gazetteer/data``,
so rebuilding the bundled gazetteer does not lose them. Same columns as the bundled layers.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from gazetteer.gazetteer import COLUMNS, PRECISION, Gazetteer, Place, _place
from incidents.arabic import name_key
from incidents.errors import InputError

PLACES_FILE = "user_places.csv"
ALIASES_FILE = "user_aliases.csv"
ALIAS_COLUMNS = ("place_id", "alias", "source")
MAX_NAME = 100


def layer_files(directory: Path) -> tuple[Path, Path]:
    return Path(directory) / PLACES_FILE, Path(directory) / ALIASES_FILE


def _check_name(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value or not name_key(value):
        raise InputError(f"{what} is empty: give a name with letters")
    if len(value) > MAX_NAME or any(c in value for c in "\n\r|"):
        raise InputError(f"{what} {value[:40]!r} must be one line of at most {MAX_NAME} characters, without '|'")
    return value


def _append(path: Path, columns: tuple[str, ...], row: dict) -> None:
    new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow(row)


def add_alias(directory: Path, gazetteer: Gazetteer, place_id: str, alias: str, source: str = "analyst") -> None:
    """Another name for a known place; found by every later search and scan."""
    if place_id not in gazetteer.by_id:
        raise InputError(f"no gazetteer place with id {place_id!r}")
    alias = _check_name(alias, "alias")
    _append(layer_files(directory)[1], ALIAS_COLUMNS, {"place_id": place_id, "alias": alias, "source": source})


def add_place(directory: Path, gazetteer: Gazetteer, *, name: str, name_ar: str = "", latitude: float,
              longitude: float, feature: str, admin1: str = "", country: str, aliases: str = "",
              source: str = "analyst") -> Place:
    """A new place in the user layer (validated like the bundled layers)."""
    name = _check_name(name, "place name")
    if name_ar:
        name_ar = _check_name(name_ar, "Arabic name")
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "place"
    ids = {p.id for p in gazetteer.places}
    place_id, n = f"user:{slug}", 2
    while place_id in ids:
        place_id, n = f"user:{slug}-{n}", n + 1
    if feature not in PRECISION:
        raise InputError(f"feature {feature!r} is not one of {', '.join(PRECISION)}")
    if not re.fullmatch(r"[A-Z]{2}", country or ""):
        raise InputError(f"country {country!r} must be an ISO alpha-2 code such as IQ or SY")
    row = {"id": place_id, "name": name, "name_ar": name_ar, "aliases": aliases, "aliases_ar": "",
           "latitude": f"{float(latitude):.5f}", "longitude": f"{float(longitude):.5f}", "feature": feature,
           "admin1": admin1, "country": country, "population": "", "source": source}
    try:
        place = _place(Path(PLACES_FILE), 0, row)
    except ValueError as e:
        raise InputError(str(e)) from e
    _append(layer_files(directory)[0], COLUMNS, row)
    return place
