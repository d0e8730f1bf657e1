"""Browser assets served locally: Leaflet (npm) and the basemap, copied into ``static/``.

The set-up installs the npm packages pinned in ``package.json``; ``prepare_static`` copies
what the map needs into the git-ignored ``static/`` folder, which Streamlit serves at
``/app/static/`` (``server.enableStaticServing``). Nothing third-party is in the repository.
"""

from __future__ import annotations

import html

import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from incidents.basemap import REPO_ROOT, SETUP_COMMAND, BasemapError, build_basemap, node_modules_dirs

STATIC_DIR = REPO_ROOT / "static"
STATIC_URL = "/app/static"
# (npm package, file in the package, where it goes under static/vendor/)
VENDOR_FILES = (
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    *(("leaflet", f"dist/images/{n}", f"leaflet/images/{n}") for n in
      ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ("leaflet.heat", "dist/leaflet-heat.js", "heat/leaflet-heat.js"),
)
JS = ("leaflet/leaflet.js", "markercluster/leaflet.markercluster.js", "heat/leaflet-heat.js")
# The map's frame loads its scripts one after another: one file (JS in order) saves round trips.
BUNDLE = "leaflet-bundle.js"
CSS = ("leaflet/leaflet.css", "markercluster/MarkerCluster.css", "markercluster/MarkerCluster.Default.css")


@dataclass(frozen=True)
class Assets:
    """Where the local copies are, on disk and as URLs under ``base_url``."""

    root: Path
    base_url: str

    @property
    def js(self) -> list[tuple[str, str]]:
        """Leaflet and its plugins (one file), as (name, URL) pairs like folium's default_js."""
        return [("leaflet", f"{self.base_url}/vendor/{BUNDLE}")]

    @property
    def css(self) -> list[tuple[str, str]]:
        return [(rel.split("/")[-1], f"{self.base_url}/vendor/{rel}") for rel in CSS]

    def url(self, relative: str) -> str:
        return f"{self.base_url}/{relative}"

    def preload_html(self) -> str:
        """``<link rel="preload">`` tags for what a map frame loads (Leaflet, its styles, the
        basemap outlines): put in the page before the map, the browser fetches them while the
        page is still busy with its own files, and the map frame finds them in its cache."""
        links = [("script", url, "") for _, url in self.js] + [("style", url, "") for _, url in self.css]
        links += [("fetch", self.url(f"basemap/{layer}.geojson"), ' crossorigin="anonymous"')
                  for layer in ("countries", "admin1")]
        return "".join(f'<link rel="preload" as="{kind}" href="{html.escape(url)}"{extra}>'
                       for kind, url, extra in links)

    def path(self, relative: str) -> Path:
        return self.root / relative


def _package_dir(name: str) -> Path:
    for d in node_modules_dirs():
        if (d / name / "package.json").exists():
            return d / name
    raise BasemapError(f"the npm package {name} is not installed (looked in node_modules); run the set-up: "
                       f"`{SETUP_COMMAND}` in {REPO_ROOT}")


def prepare_static(root: Path = STATIC_DIR, base_url: str = STATIC_URL) -> Assets:
    """Copy Leaflet and its plugins and build the basemap into ``root`` when missing or outdated."""
    for package, rel, dest in VENDOR_FILES:
        src, dst = _package_dir(package) / rel, root / "vendor" / dest
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    bundle = b"\n;\n".join((root / "vendor" / rel).read_bytes() for rel in JS)
    if not (root / "vendor" / BUNDLE).is_file() or (root / "vendor" / BUNDLE).read_bytes() != bundle:
        _write_atomically(root / "vendor" / BUNDLE, bundle)
    build_basemap(root / "basemap")
    return Assets(root, base_url)


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
