"""The one UI helper module: Streamlit caching, shared filters, error display.

Pages stay thin: they read widgets, call a function here or in the library, show results.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st

from incidents.assets import Assets, prepare_static
from incidents.errors import AtlasError
from incidents.filters import Filters, apply
from incidents.model import Incident, taxonomy
from incidents.store import DEFAULT_DB, Store

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


def db_path() -> Path:
    """The database the dashboard uses: $ATLAS_DB, else data/incidents.db."""
    return Path(os.environ.get("ATLAS_DB") or DEFAULT_DB)


@st.cache_resource
def assets() -> Assets:
    return prepare_static()


@st.cache_resource
def gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


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
    st.cache_data.clear()


@st.cache_data(show_spinner=False)
def all_incidents(_version: float) -> list[Incident]:
    with open_store() as store:
        return store.incidents()


def db_version() -> float:
    p = db_path()
    wal = p.with_name(p.name + "-wal")
    return max((f.stat().st_mtime_ns for f in (p, wal) if f.exists()), default=0)


def sidebar_filters() -> None:
    """The shared sidebar: date range (timeline) and incident types. Results in session state."""
    incidents = all_incidents(db_version())
    dates = sorted(dt.date.fromisoformat(i.event_date) for i in incidents if i.event_date)
    st.sidebar.header("Filters")
    if dates:
        lo, hi = dates[0], dates[-1]
        if lo == hi:
            hi = lo + dt.timedelta(days=1)
        st.sidebar.slider("Timeline: event dates", min_value=lo, max_value=hi, value=(lo, hi),
                          format="YYYY-MM-DD", key="sidebar_dates")
    st.sidebar.checkbox("Include incidents without a date", value=True, key="sidebar_undated")
    st.sidebar.multiselect("Incident types", options=list(taxonomy()), default=list(taxonomy()),
                           format_func=lambda t: taxonomy()[t].label, key="sidebar_types")


def filtered_incidents() -> list[Incident]:
    """Incidents passing the sidebar filters."""
    since, until = st.session_state.get("sidebar_dates", (None, None))
    f = Filters(since, until, frozenset(st.session_state.get("sidebar_types", taxonomy())),
                st.session_state.get("sidebar_undated", True))
    return apply(all_incidents(db_version()), f)


def show_error(e: AtlasError) -> None:
    st.error(str(e))
