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


# ---- ingest page helpers -------------------------------------------------------------------
def documents_from(text: str, uploads) -> list:
    """Pasted text and uploaded files as raw documents (and readable errors for bad files)."""
    from incidents.ingest import RawDoc, parse

    docs: list = []
    if text and text.strip():
        docs.append(RawDoc("pasted text", text))
    for f in uploads or []:
        docs.extend(parse(f.name, f.getvalue()))
    return docs


def previews(docs: list, published: dt.date | None):
    """(name, Preview or error message) for each document."""
    from incidents.ingest import preview

    for doc in docs:
        if isinstance(doc, AtlasError):
            yield str(doc).split(": ")[0], str(doc)
            continue
        try:
            yield doc.where, preview(doc, gazetteer(), today=dt.date.today(), published=published)
        except AtlasError as e:
            yield doc.where, str(e)


def show_preview(found) -> None:
    from incidents.highlight import highlighted_evidence

    if isinstance(found, str):
        st.error(found)
        return
    a = found.article
    st.write(f"Publication date: {a.published or 'unknown'} ({a.published_source}) · language: {a.lang}")
    if not found.incidents:
        st.info("No incidents found in this report.")
    for inc in found.incidents:
        st.markdown(highlighted_evidence(inc), unsafe_allow_html=True)


def save(docs: list, published: dt.date | None, progress=None):
    from incidents.ingest import IngestReport, ingest_docs

    report = IngestReport()
    bar = st.progress(0.0, text="Saving reports") if len(docs) > 1 else None
    with open_store() as store:
        for n, doc in enumerate(docs, start=1):
            report.outcomes += ingest_docs([doc], store, gazetteer(), today=dt.date.today(), published=published)
            if bar is not None:
                bar.progress(n / len(docs), text=f"Saved {n} of {len(docs)}")
    st.cache_data.clear()
    return report


# ---- gazetteer page helpers ----------------------------------------------------------------
def search_places(query: str):
    return gazetteer().search(query, limit=15)


def candidates_frame(candidates):
    import pandas as pd

    return pd.DataFrame([{
        "name": c.place.name, "name (Arabic)": c.place.name_ar, "feature": c.place.feature,
        "governorate": c.place.admin1, "country": c.place.country, "latitude": c.place.latitude,
        "longitude": c.place.longitude, "precision": c.place.precision, "score": round(c.score, 1),
        "source": c.place.source, "id": c.place.id} for c in candidates])


def show_candidates_map(candidates) -> None:
    from streamlit_folium import st_folium

    from incidents.maps import places_map

    st_folium(places_map([c.place for c in candidates], assets()), key="gaz_map", height=360,
              use_container_width=True, returned_objects=[])


def add_alias(place_id: str | None, alias: str) -> None:
    from gazetteer.user import add_alias as _add

    if not place_id:
        st.error("Search for the place first, then pick it in the list.")
        return
    try:
        _add(db_path().parent, gazetteer(), place_id, alias)
    except AtlasError as e:
        show_error(e)
        return
    st.success(f"Alias {alias!r} added; reports ingested from now on will recognise it.")


def add_place(**fields) -> None:
    from gazetteer.user import add_place as _add

    try:
        place = _add(db_path().parent, gazetteer(), **fields)
    except AtlasError as e:
        show_error(e)
        return
    st.success(f"Added {place.name} ({place.id}) to your gazetteer layer.")
