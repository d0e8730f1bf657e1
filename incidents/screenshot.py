"""Pictures of the map and briefing printed by headless Chromium, with the network off.

Debian's Chromium (``/usr/bin/chromium``, or ``$ATLAS_CHROMIUM``) is driven through Playwright's
Python API; Playwright never downloads a browser here. Every page is loaded from a string with all
its code and data inlined; any request for something other than a ``file:``/``data:``/``blob:`` URL
is blocked, and a page that tried one is an error (an export must not depend on the network).

One :class:`Browser` can serve many renders (the briefing needs two: the map, then the PDF):

    with Browser() as browser:
        png = map_png(incidents, browser=browser)
"""

from __future__ import annotations

import asyncio
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from incidents.aggregate import for_view
from incidents.errors import ExportError, InputError
from incidents.maps import CLUSTER_ABOVE, standalone_map_html
from incidents.model import Incident

DEFAULT_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--font-render-hinting=none"]
LOCAL_URLS = ("file:", "data:", "blob:", "about:")
SETUP_HINT = ("run `make test` in the repository (it installs Debian's chromium and the fonts-noto-core "
              "fonts), or `apt-get install chromium fonts-noto-core` and `pip install --no-deps -r requirements.txt`")
TIMEOUT_MS = 30_000
MIN_SIDE, MAX_SIDE = 200, 8000

# Resolves once the map has drawn its markers (or clusters), the basemap and the fonts.
MAP_READY_JS = """async (expected) => {
    const ready = () => {
        const markers = document.querySelectorAll("path.atlas-incident").length;
        const clusters = document.querySelectorAll(".marker-cluster").length;
        const cells = document.querySelectorAll("path.atlas-cell").length;
        const outlines = document.querySelectorAll("path:not(.atlas-incident):not(.atlas-cell)").length;
        const drawn = expected.cells ? cells === expected.cells
            : expected.clustered ? markers + clusters > 0 : markers === expected.markers;
        return drawn && outlines > 0;
    };
    const deadline = Date.now() + expected.timeout;
    while (!ready()) {
        if (Date.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 50));
    }
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return true;
}"""


def chromium_executable() -> str | None:
    """The Chromium binary to drive, or None when it is not installed."""
    configured = os.environ.get("ATLAS_CHROMIUM", DEFAULT_CHROMIUM)
    if Path(configured).is_file():
        return configured
    return shutil.which("chromium")


def chromium_problem() -> str | None:
    """Why pictures cannot be made on this machine (a message naming the fix), or None when they can."""
    if chromium_executable() is None:
        where = os.environ.get("ATLAS_CHROMIUM", DEFAULT_CHROMIUM)
        return f"Chromium is not installed (looked for {where} and `chromium` on PATH): {SETUP_HINT}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"the Python package playwright is not installed: {SETUP_HINT}"
    return None


class Browser:
    """One headless Chromium for one or more offline renders (a context manager; one thread)."""

    def __init__(self, executable: str | None = None):
        self.executable = executable
        self._playwright = None
        self._manager = None
        self._browser = None

    def __enter__(self) -> "Browser":
        executable = self.executable
        if executable is None:
            problem = chromium_problem()
            if problem:
                raise ExportError(f"cannot render images: {problem}")
            executable = chromium_executable()
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        try:
            self._manager = sync_playwright()
            self._playwright = self._manager.start()
            self._browser = self._playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except PlaywrightError as e:
            self.__exit__(None, None, None)
            reason = str(e).splitlines()[0]
            hint = "" if "asyncio" in reason else f"; {SETUP_HINT}"  # see with_own_browser
            raise ExportError(f"Chromium at {executable} did not start ({reason}){hint}") from e
        return self

    def __exit__(self, *exc) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._manager is not None:
            self._manager.__exit__(None, None, None)
            self._manager = None

    def render(self, html: str, *, width: int, height: int, action, scale: int = 1):
        """Load ``html`` offline in a fresh page of ``width``×``height`` CSS px (``scale`` device pixels
        per CSS px); return ``action(page)``."""
        from playwright.sync_api import Error as PlaywrightError

        if self._browser is None:
            raise ExportError("the browser is not running: use `with Browser() as browser:`")
        context = self._browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                            locale="en-GB", timezone_id="UTC", java_script_enabled=True)
        outside: list[str] = []
        errors: list[str] = []

        def block(route):
            if route.request.url.startswith(LOCAL_URLS):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        result, failure = None, None
        try:
            context.route("**/*", block)
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            # our pages never open dialogs: one means injected script ran
            page.on("dialog", lambda d: (errors.append(f"it opened a {d.type} dialog ({d.message!r})"), d.dismiss()))
            page.on("request", lambda r: None if r.url.startswith(LOCAL_URLS) else outside.append(r.url))
            page.set_content(html, wait_until="load", timeout=TIMEOUT_MS)
            if not (outside or errors):
                result = action(page)
        except PlaywrightError as e:
            failure = ExportError(f"Chromium could not render the page: {str(e).splitlines()[0]}")
            failure.__cause__ = e
        except ExportError as e:
            failure = e
        finally:
            context.close()
        if outside:  # the first cause, when a page both failed and went online, is the one to report
            urls = ", ".join(dict.fromkeys(outside))
            raise ExportError(f"the page tried to reach the network (blocked, exports must work offline): "
                              f"{urls}") from failure
        if errors:
            raise ExportError(f"the page failed in the browser: {errors[0]}") from failure
        if failure is not None:
            raise failure
        return result

    def map_screenshot(self, html: str, *, width: int, height: int, markers: int, scale: int = 1,
                       cells: int = 0) -> bytes:
        """PNG of a map page once its ``markers`` incident markers, or its ``cells`` grid cells
        when there are too many incidents to draw one by one (and the basemap), are drawn."""
        expected = {"markers": markers, "cells": cells, "clustered": markers > CLUSTER_ABOVE, "timeout": TIMEOUT_MS}

        def shoot(page) -> bytes:
            if not page.evaluate(MAP_READY_JS, expected):
                drawn = page.locator("path.atlas-incident").count()
                raise ExportError(f"the map did not finish drawing within {TIMEOUT_MS // 1000} s "
                                  f"({drawn} of {markers} markers)")
            return page.screenshot(type="png", animations="disabled", caret="hide")

        return self.render(html, width=width, height=height, action=shoot, scale=scale)

    def pdf(self, html: str, *, landscape: bool = False) -> bytes:
        """``html`` printed to an A4 PDF with backgrounds (the page's own @page rules apply)."""
        def print_pdf(page) -> bytes:
            page.evaluate("document.fonts.ready.then(() => true)")
            return page.pdf(format="A4", landscape=landscape, print_background=True, prefer_css_page_size=True,
                            margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})

        return self.render(html, width=1123 if landscape else 794, height=794 if landscape else 1123,
                            action=print_pdf)


def with_own_browser(work):
    """``work(browser)`` in a Chromium of its own. Playwright's sync API refuses to start where an
    asyncio loop runs (an async app, or another :class:`Browser` open in this thread): then the
    work runs in a worker thread."""
    def run():
        with Browser() as browser:
            return work(browser)

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-chromium") as pool:
        return pool.submit(run).result()


def date_range_text(incidents: list[Incident]) -> str:
    """``2024-01-01 – 2024-01-24`` from the incidents' event dates (a month-only date counts as its
    first day, as stored); one date alone; ``dates unknown`` when none is known."""
    dates = sorted(i.event_date for i in incidents if i.event_date)
    if not dates:
        return "dates unknown"
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def default_title(incidents: list[Incident]) -> str:
    """``Incidents 2024-01-01 – 2024-01-24`` (``No incidents`` for none)."""
    if not incidents:
        return "No incidents"
    span = date_range_text(incidents)
    return f"Incidents {span}" if any(i.event_date for i in incidents) else f"Incidents ({span})"


def _check_size(width: int, height: int, scale: int) -> None:
    if scale not in (1, 2, 3):
        raise InputError(f"image scale {scale!r} is not allowed: use 1, 2 or 3")
    for name, value in (("width", width), ("height", height)):
        if not isinstance(value, int) or isinstance(value, bool) or not MIN_SIDE <= value * scale <= MAX_SIDE:
            raise InputError(f"image {name} {value!r} is not allowed: use a whole number of pixels "
                             f"from {MIN_SIDE} to {MAX_SIDE}")


def map_png(incidents: list[Incident], *, width: int = 1920, height: int = 1080, title: str | None = None,
            scale: int = 1, browser: Browser | None = None) -> bytes:
    """A ``width``×``height`` PNG of the incidents on the offline map, with a title (by default the
    date range), the legend and the source line. Same incidents and options → the same image.
    ``scale=2`` draws the same layout with twice the pixels each way (sharp in print).

    Pass a running :class:`Browser` to reuse one Chromium across several renders.
    Raises ``ExportError`` when Chromium is missing or the map cannot be drawn offline.
    """
    _check_size(width, height, scale)
    title = title if title is not None else default_title(incidents)
    html = standalone_map_html(incidents, title=title, static=True)
    drawn, cells = for_view(incidents, None)
    markers = len(drawn)
    if browser is not None:
        return browser.map_screenshot(html, width=width, height=height, markers=markers, scale=scale,
                                      cells=len(cells))
    return with_own_browser(lambda own: own.map_screenshot(html, width=width, height=height, markers=markers,
                                                           cells=len(cells), scale=scale))
