"""Helpers for the browser tests: a real Streamlit server and headless Debian Chromium,
with every request that leaves this machine blocked (the map must work offline)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
LOCAL = ("file:", "http://localhost", "http://127.0.0.1", "ws://localhost", "ws://127.0.0.1", "data:", "blob:", "about:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(db: Path):
    """``streamlit run app.py`` on a free port against ``db``; yields the base URL."""
    port = free_port()
    env = {**os.environ, "ATLAS_DB": str(db)}
    log = db.with_suffix(".log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start: {db.with_suffix('.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def offline_browser():
    """Headless Debian Chromium via Playwright; yields (page, list of outside URLs it tried).

    Every request that leaves this machine goes to a proxy that does not exist, so it fails;
    the page's requests are watched to list them. (Playwright's request routing would block
    them too, but it turns the browser's cache off, so a reopened page would reload every file.)
    """
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make test`")
    with sync_api.sync_playwright() as p:
        # Chromium never sends localhost through a proxy; everything else meets a closed port
        dead_proxy = f"--proxy-server=http://127.0.0.1:{free_port()}"
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*LAUNCH_ARGS, dead_proxy])
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        blocked: list[str] = []
        context.on("request", lambda r: None if r.url.startswith(LOCAL) else blocked.append(r.url))
        page = context.new_page()
        try:
            yield page, blocked
        finally:
            browser.close()


def map_frame(page, timeout_s: float = 30):
    """The st_folium iframe once its Leaflet map has drawn."""
    deadline = time.monotonic() + timeout_s
    from playwright.sync_api import Error as PlaywrightError

    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if "streamlit_folium" in frame.url and frame.locator(".leaflet-container").count():
                    return frame
            except PlaywrightError:  # a frame detached while we looked
                continue
        page.wait_for_timeout(250)
    raise AssertionError("the map did not render")


def marker_count(page, expected: int | None = None, timeout_s: float = 20) -> int:
    """Incident markers on the map; waits until ``expected`` when given."""
    from playwright.sync_api import Error as PlaywrightError

    deadline = time.monotonic() + timeout_s
    n = -1
    while True:
        try:
            n = map_frame(page).locator("path.atlas-incident").count()
        except PlaywrightError:  # Streamlit re-rendered the map's iframe mid-count: look again
            pass
        else:
            if (expected is None and n) or n == expected:
                return n
        if time.monotonic() > deadline:
            return n
        page.wait_for_timeout(250)
