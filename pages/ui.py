"""The one UI helper module: Streamlit caching, shared filters, error display.

Pages stay thin: they read widgets, call a function here or in the library, show results.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from incidents.assets import Assets, prepare_static
from incidents.errors import AtlasError
from incidents.filters import Filters, apply, searchable
from incidents.model import Incident, taxonomy
from incidents.store import DEFAULT_DB, Store

PRECISION_LABELS = {1: "1 · the day", 2: "2 · within a week", 3: "3 · the month only"}
SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


def db_path() -> Path:
    """The database the dashboard uses: $ATLAS_DB, else data/incidents.db."""
    return Path(os.environ.get("ATLAS_DB") or DEFAULT_DB)


@st.cache_resource(show_spinner=False)
def assets() -> Assets:
    return prepare_static()


def gazetteer():
    """The gazetteer with the user layer kept beside the database (cached in the library)."""
    from gazetteer import default_gazetteer

    return default_gazetteer(db_path().parent)


def open_store() -> Store:
    return Store(db_path())


def seed_sample_data() -> None:
    """On first start (an empty database), load the bundled sample reports."""
    with open_store() as store:
        if store.counts()["articles"]:
            return
        from incidents.ingest import ingest

        with st.spinner("First start: loading the bundled sample reports…"):
            ingest([SAMPLE_DIR], store, gazetteer(), today=dt.date.today())
    refresh_data()


@st.cache_resource(show_spinner=False, max_entries=2)
def all_incidents(version: tuple[str, int]) -> list[Incident]:
    """Every stored incident of the database ``version`` names, read once per database change
    (shared, treat as read-only)."""
    gc.collect()  # (see below) so that no garbage of the moment is frozen with them
    with Store(Path(version[0])) as store:  # that database, even if $ATLAS_DB changed since
        incidents = store.incidents()
    # Long-lived and free of reference cycles: keep them out of the cycle collector's passes
    # (half a second over 100,000 incidents right after the load, and 0.2 s per full pass after).
    # Freezing does not keep them alive: they are freed as usual once the cache drops them.
    gc.freeze()
    return incidents


def refresh_data() -> None:
    """After a write: the next read of the incidents comes from the database again."""
    st.cache_resource.clear()


def db_version() -> tuple[str, int]:
    """The database and its last change: the key of everything cached from it. A reader's open
    connection leaves an empty -wal file behind it, which is not a change: only a -wal holding
    writes counts. The path is part of the key, so that work started for one database (the
    search texts prepared in the background) never reads another."""
    p = db_path()
    wal = p.with_name(p.name + "-wal")
    stats = [f.stat() for f in (p, wal) if f.exists()]
    return str(p), max((s.st_mtime_ns for s in stats if s.st_size), default=0)


@dataclass(frozen=True)
class SidebarOptions:
    first_day: dt.date | None
    last_day: dt.date | None
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    admin1: tuple[str, ...]


@st.cache_resource(show_spinner=False, max_entries=2)
def sidebar_options(version: tuple[str, int]) -> SidebarOptions:
    """The sidebar's choices, computed once per database change rather than on every rerun."""
    incidents = all_incidents(version)
    days = [i.event_date for i in incidents if i.event_date]
    return SidebarOptions(dt.date.fromisoformat(min(days)) if days else None,
                          dt.date.fromisoformat(max(days)) if days else None,
                          tuple(sorted({a for i in incidents for a in (i.actor1, i.actor2) if a})),
                          tuple(sorted({i.country for i in incidents if i.country})),
                          tuple(sorted({i.admin1 for i in incidents if i.admin1})))


def warm_up() -> None:
    """What the first visitor would otherwise wait for: the incidents (what a page needs first),
    the map page's imports, the static files, and a first map built once (folium's templates
    load on first use) (see ``warm_up_on_start``)."""
    version = db_version() if db_path().is_file() else None  # else the first visit loads the samples
    if version is not None:
        sidebar_options(version)
    import folium.plugins  # noqa: F401  (streamlit_folium's, which registers itself in a page run only)

    from incidents.charts import chart_svg
    from incidents.maps import build_map

    shown = apply(all_incidents(version), Filters()) if version is not None else []
    build_map(shown, assets()).get_root().render()  # folium's templates compiled once
    chart_svg(shown[:50])
    # All of it stays for the server's life: out of the cycle collector's passes with it, among
    # them the full collection Streamlit makes after every page run (0.2 s per run otherwise).
    gc.freeze()


@contextlib.asynccontextmanager
async def warm_up_on_start(_app):
    """The server's start-up (st.App lifespan, see app.py): the caches are warmed before the
    server takes its first visitor (in a worker thread, so the event loop stays free), so the
    first visit finds the incidents loaded and the map page's modules imported."""
    try:
        await asyncio.to_thread(warm_up)
    except Exception:  # the page reports any real problem when it runs
        logging.getLogger(__name__).exception("warm-up failed")
    yield


# The sidebar's widgets: session-state key → query-parameter name (views are shareable URLs).
QUERY_KEYS = {"sidebar_dates": "dates", "sidebar_undated": "undated", "sidebar_types": "types",
              "sidebar_actors": "actors", "sidebar_countries": "countries", "sidebar_admin1": "admin1",
              "sidebar_geo": "geo", "sidebar_time_precision": "tp", "sidebar_min_casualties": "min_cas",
              "sidebar_status": "status", "sidebar_text": "q"}


def _from_query(key: str, kind: str, allowed=None):
    """A widget's initial value from the URL, if the URL carries a valid one."""
    name = QUERY_KEYS[key]
    if key in st.session_state or name not in st.query_params:
        return
    raw = st.query_params.get_all(name)
    try:
        if kind == "dates":
            value = tuple(dt.date.fromisoformat(v) for v in raw[0].split("~"))
            assert len(value) == 2
        elif kind == "list":
            value = [v for v in raw if allowed is None or v in allowed]
        elif kind == "int":
            value = int(raw[0])
        elif kind == "bool":
            value = raw[0] == "1"
        else:
            value = raw[0]
    except (ValueError, AssertionError, IndexError):
        return  # a hand-edited URL with a bad value falls back to the default
    st.session_state[key] = value


def _to_query(defaults: dict) -> None:
    """Write the filters that differ from their defaults into the URL (a short, shareable link)."""
    params = {}
    for key, name in QUERY_KEYS.items():
        value = st.session_state.get(key)
        if value in (None, "", [], 0) or value == defaults.get(key):
            continue
        if key == "sidebar_dates":
            params[name] = f"{value[0]}~{value[1]}"
        elif isinstance(value, bool):
            params[name] = "1" if value else "0"
        elif isinstance(value, list):
            params[name] = [str(v) for v in value]
        else:
            params[name] = str(value)
    st.query_params.from_dict(params)


def prepare_filters() -> SidebarOptions:
    """The sidebar filters' values before any page runs: from the URL (a shared view), else the
    defaults, dates kept inside the data's span. The widgets themselves are drawn after the page
    (``sidebar_filters``), so that the map reaches the browser first; the page reads the values
    from the session state, where Streamlit also puts what the analyst changes."""
    options = sidebar_options(db_version())
    if options.first_day:
        lo, hi = _timeline_span(options)
        _from_query("sidebar_dates", "dates")
        current = st.session_state.get("sidebar_dates")
        if current and not (lo <= current[0] <= current[1] <= hi):
            st.session_state["sidebar_dates"] = (max(lo, min(current[0], hi)), min(hi, max(current[1], lo)))
        st.session_state.setdefault("sidebar_dates", (lo, hi))
    for key, kind, allowed in (("sidebar_undated", "bool", None), ("sidebar_types", "list", list(taxonomy())),
                               ("sidebar_actors", "list", options.actors), ("sidebar_countries", "list", options.countries),
                               ("sidebar_admin1", "list", options.admin1), ("sidebar_geo", "int", None),
                               ("sidebar_time_precision", "list", ["1", "2", "3"]),
                               ("sidebar_min_casualties", "int", None), ("sidebar_status", "list", None),
                               ("sidebar_text", "str", None)):
        _from_query(key, kind, allowed)
    st.session_state.setdefault("sidebar_undated", True)
    st.session_state.setdefault("sidebar_types", list(taxonomy()))
    return options


def _timeline_span(options: SidebarOptions) -> tuple[dt.date, dt.date]:
    lo, hi = options.first_day, options.last_day
    return (lo, lo + dt.timedelta(days=1)) if lo == hi else (lo, hi)


def sidebar_filters(options: SidebarOptions) -> None:
    """The shared sidebar: timeline (date range) and the other filters, kept in the URL."""
    types = list(taxonomy())
    actors, countries, admin1 = options.actors, options.countries, options.admin1
    st.sidebar.header("Filters")
    if options.first_day:
        lo, hi = _timeline_span(options)
        st.sidebar.slider("Timeline: event dates", min_value=lo, max_value=hi, format="YYYY-MM-DD",
                          key="sidebar_dates")
    st.sidebar.checkbox("Include incidents without a date", key="sidebar_undated")
    st.sidebar.multiselect("Incident types", options=types, format_func=lambda t: taxonomy()[t].label,
                           key="sidebar_types")
    st.sidebar.text_input("Search places, actors, evidence", key="sidebar_text")
    with st.sidebar.expander("More filters"):
        st.multiselect("Actor", options=actors, key="sidebar_actors")
        st.multiselect("Country", options=countries, key="sidebar_countries")
        st.multiselect("Governorate", options=admin1, key="sidebar_admin1")
        st.selectbox("Place precision", options=[3, 2, 1], key="sidebar_geo",
                     format_func={3: "any", 2: "town or district", 1: "exact site or town"}.get)
        st.multiselect("Time precision", options=["1", "2", "3"], key="sidebar_time_precision",
                       format_func=lambda p: PRECISION_LABELS[int(p)])
        st.number_input("Minimum casualties (killed + injured)", min_value=0, step=1, key="sidebar_min_casualties")
        st.multiselect("Review status", options=["machine", "reviewed"], key="sidebar_status")
    with st.sidebar.expander("Compare with ACLED"):
        upload = st.file_uploader("ACLED export (CSV)", type=["csv"], key="sidebar_acled")
        _load_acled(upload)
    _to_query({"sidebar_dates": (options.first_day, options.last_day) if options.first_day else None,
               "sidebar_types": types,
               "sidebar_undated": True, "sidebar_geo": 3})


def current_filters() -> Filters:
    ss = st.session_state
    since, until = ss.get("sidebar_dates", (None, None))

    def chosen(key):
        values = ss.get(key) or []
        return frozenset(values) if values else None

    tps = chosen("sidebar_time_precision")
    return Filters(since, until, frozenset(ss.get("sidebar_types", taxonomy())), ss.get("sidebar_undated", True),
                   actors=chosen("sidebar_actors"), countries=chosen("sidebar_countries"),
                   admin1=chosen("sidebar_admin1"), max_geo_precision=ss.get("sidebar_geo", 3),
                   time_precisions=frozenset(int(t) for t in tps) if tps else None,
                   min_casualties=int(ss.get("sidebar_min_casualties") or 0),
                   statuses=chosen("sidebar_status"), text=ss.get("sidebar_text", ""))


@st.cache_resource(show_spinner=False, max_entries=2)
def search_texts(version: tuple[str, int]) -> dict[int, str]:
    """What the text filter searches in each incident, normalised once per database change."""
    return searchable(all_incidents(version))


SEARCH_PREPARED_AFTER_S = 3  # after a page was sent: its map has drawn by then


@st.cache_resource(show_spinner=False, max_entries=2)
def _search_texts_soon(version: tuple[str, int]) -> threading.Timer:
    timer = threading.Timer(SEARCH_PREPARED_AFTER_S, search_texts, args=(version,))
    timer.daemon = True
    timer.start()
    return timer


def prepare_search() -> None:
    """Once a page has been sent and drawn: prepare the text filter's texts in the background
    (most of a second for 100,000 incidents), so that the first search need not wait for them.
    Not sooner: done during the server's warm-up or the first page, it delayed the first map
    by as much. A search in the first seconds makes them itself (once: they are cached)."""
    if db_path().is_file():
        _search_texts_soon(db_version())


def filtered_incidents() -> list[Incident]:
    """Incidents passing the sidebar filters."""
    version, filters = db_version(), current_filters()
    return apply(all_incidents(version), filters, search_texts(version) if filters.text else None)


def show_error(e: AtlasError) -> None:
    st.error(str(e))


# ---- map page helpers ----------------------------------------------------------------------
def map_view(shown: list[Incident]):
    """The view to draw a big map at (what it shows depends on the view); None for small maps.

    The map reports its view after every move. While the markers or cells to draw stay the same,
    the map is drawn at the view it was last drawn at: the page is then unchanged and the browser
    keeps the map as the analyst left it. Redrawing it at each reported view reloaded the map,
    which reported its view again: the map reloaded about once a second, forever.
    """
    from incidents.aggregate import MAX_MARKERS, drawn_for_view, view_from_state

    if len(shown) <= MAX_MARKERS:
        return None
    view = view_from_state(st.session_state.get("map_main"))
    playback_day = st.session_state.get("map_playback_day") if st.session_state.get("map_playing") else None
    key = (db_version(), current_filters(), playback_day, drawn_for_view(shown, view))
    last = st.session_state.get("map_drawn")
    if last is not None and last[0] == key:
        return last[1]
    st.session_state["map_drawn"] = (key, view)
    return view


def map_returned_objects(count: int) -> list[str]:
    """Clicks always; pans and zooms only when the map redraws by view (many incidents)."""
    from incidents.aggregate import MAX_MARKERS

    return ["last_object_clicked", "zoom", "bounds"] if count > MAX_MARKERS else ["last_object_clicked"]


def focused(incidents: list[Incident]) -> Incident | None:
    """The incident picked in the table, if it is on the map: the map centres on it."""
    wanted = st.session_state.get("selected_incident")
    return next((i for i in incidents if i.incident_id == wanted), None)


def show_clicked(incidents: list[Incident], clicked) -> None:
    """The full record of the incident clicked on the map."""
    from incidents.maps import popup_html
    from incidents.tables import nearest

    inc = nearest(incidents, clicked["lat"], clicked["lng"]) if clicked else None
    if inc is None:
        st.caption("Click a marker to see its full record here.")
        return
    st.session_state["selected_incident"] = inc.incident_id
    st.markdown(f"**Incident #{inc.incident_id}** · {inc.status}")
    st.markdown(popup_html(inc), unsafe_allow_html=True)
    st.caption(f"{len(inc.sources)} source(s) · actors: {inc.actor1 or '—'} → {inc.actor2 or '—'}")
    if st.button("Review this incident", key="map_review"):
        st.switch_page("pages/review.py")


def picked_incident(incidents: list[Incident], event) -> Incident | None:
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not rows:
        return None
    inc = incidents[rows[0]]
    st.session_state["selected_incident"] = inc.incident_id
    return inc


# ---- playback --------------------------------------------------------------------------------
PLAYBACK_SECONDS = 1.5  # one step of playback


def _days(incidents: list[Incident]) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in sorted({i.event_date for i in incidents if i.event_date})]


def playback_controls(incidents: list[Incident]) -> bool:
    """Play / stop buttons; playback shows the incidents up to each event day in turn."""
    days = _days(incidents)
    if len(days) < 2:
        return False
    c1, c2, _ = st.columns([1, 1, 4])
    if c1.button("▶ Play timeline", key="map_play", disabled=st.session_state.get("map_playing", False)):
        st.session_state["map_playing"] = True
        st.session_state["map_playback_index"] = 0
    if c2.button("■ Stop", key="map_stop", disabled=not st.session_state.get("map_playing", False)):
        st.session_state["map_playing"] = False
    return st.session_state.get("map_playing", False)


def playback_step(incidents: list[Incident]) -> list[Incident]:
    """The incidents up to the current playback day; advances the day for the next step."""
    days = _days(incidents)
    index = min(st.session_state.get("map_playback_index", 0), len(days) - 1)
    day = days[index]
    st.session_state["map_playback_day"] = day
    if index + 1 < len(days):
        st.session_state["map_playback_index"] = index + 1
    else:  # the last day: stop, and let the whole page settle
        st.session_state["map_playing"] = False
    return apply(incidents, Filters(until=day, include_undated=False))


def playback_caption() -> str:
    day = st.session_state.get("map_playback_day")
    return f" up to {day}" if st.session_state.get("map_playing") and day else ""


# ---- ACLED comparison layer -----------------------------------------------------------------
def _load_acled(upload) -> None:
    if upload is None:
        st.session_state.pop("acled_file", None)
        return
    from incidents.acled import read_acled  # imports the ingest pipeline: only when needed

    try:
        loaded = read_acled(upload.name, upload.getvalue())
    except AtlasError as e:
        show_error(e)
        return
    st.session_state["acled_file"] = loaded
    st.caption(f"{len(loaded.events)} ACLED events on the map (layer 'ACLED events'); "
               f"{len(loaded.skipped)} row(s) skipped")
    for line in loaded.skipped[:5]:
        st.caption(line)


def acled_events() -> list:
    """The loaded ACLED events within the timeline's date range."""
    loaded = st.session_state.get("acled_file")
    if loaded is None:
        return []
    from incidents.acled import in_range

    since, until = st.session_state.get("sidebar_dates", (None, None))
    return in_range(loaded.events, since, until)
