"""Browser assets served locally: Leaflet (npm) and the basemap, copied into ``static/``.

The set-up installs the npm packages pinned in ``package.json``; ``prepare_static`` copies
what the map needs into the git-ignored ``static/`` folder, which Streamlit serves at
``/app/static/`` (``server.enableStaticServing``). Nothing third-party is in the repository.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from incidents.basemap import REPO_ROOT, SETUP_COMMAND, BasemapError, build_basemap, node_modules_dirs

STATIC_DIR = REPO_ROOT / "static"
STATIC_URL = "/app/static"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")


@dataclass(frozen=True)
class Assets:
    """Where the local copies are, on disk and as URLs under ``base_url``."""

    root: Path
    base_url: str

    @property
    def js(self) -> list[tuple[str, str]]:
        return [("leaflet", f"{self.base_url}/vendor/leaflet/leaflet.js")]

    @property
    def css(self) -> list[tuple[str, str]]:
        return [("leaflet_css", f"{self.base_url}/vendor/leaflet/leaflet.css")]

    def url(self, relative: str) -> str:
        return f"{self.base_url}/{relative}"

    def path(self, relative: str) -> Path:
        return self.root / relative


def _leaflet_dist() -> Path:
    for d in node_modules_dirs():
        dist = d / "leaflet" / "dist"
        if (dist / "leaflet.js").exists():
            return dist
    raise BasemapError(f"Leaflet is not installed (looked for node_modules/leaflet); run the set-up: "
                       f"`{SETUP_COMMAND}` in {REPO_ROOT}")


def prepare_static(root: Path = STATIC_DIR, base_url: str = STATIC_URL) -> Assets:
    """Copy Leaflet and build the basemap into ``root`` when missing or outdated."""
    dist = _leaflet_dist()
    for rel in LEAFLET_FILES:
        src, dst = dist / rel, root / "vendor" / "leaflet" / rel
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    build_basemap(root / "basemap")
    return Assets(root, base_url)
