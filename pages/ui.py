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


# ---- review page helpers -------------------------------------------------------------------
PRECISION_LABELS = {1: "1 · the day", 2: "2 · within a week", 3: "3 · the month only"}


def incident_label(inc: Incident) -> str:
    return f"#{inc.incident_id} · {inc.event_date or 'no date'} · {taxonomy()[inc.incident_type].label} · {inc.location}"


def preselected_index(ids: list[int]) -> int:
    """The incident picked elsewhere (the table or the map) comes up first."""
    wanted = st.session_state.get("selected_incident")
    return ids.index(wanted) if wanted in ids else 0


def fresh_incident(incident_id: int) -> Incident:
    """The incident as stored now (its revision is what an edit is checked against)."""
    with open_store() as store:
        inc = store.incident(incident_id)
    st.session_state.setdefault("review_opened", {})[incident_id] = inc.revision
    return inc


def incident_card(inc: Incident) -> str:
    from incidents.maps import popup_html

    return popup_html(inc)


def place_options(inc: Incident) -> dict[str, str]:
    """The current place first, then the other gazetteer candidates the name could mean."""
    g = gazetteer()
    out = {inc.place_id or "": f"{inc.location} · {inc.location_ar} (current)"}
    for pid in inc.candidates:
        p = g.by_id.get(pid)
        if p is not None:
            out[p.id] = f"{p.name} · {p.name_ar} · {p.admin1 or p.country} ({p.feature})"
    return out


def save_review(inc: Incident, *, kind, date, precision, place_id, lat, lon, killed, injured, actor1, actor2,
                reject) -> None:
    changes = {"incident_type": kind, "event_date": date.isoformat() if date else None,
               "time_precision": precision if date else None, "fatalities": killed, "injured": injured,
               "actor1": actor1.strip(), "actor2": actor2.strip(), "latitude": lat, "longitude": lon}
    if place_id and place_id != inc.place_id:
        p = gazetteer().by_id[place_id]
        changes.update(place_id=p.id, location=p.name, location_ar=p.name_ar, admin1=p.admin1, country=p.country,
                       latitude=p.latitude, longitude=p.longitude, geo_precision=p.precision)
    if reject:
        changes["status"] = "rejected"
    opened = st.session_state.get("review_opened", {}).get(inc.incident_id, inc.revision)
    try:
        with open_store() as store:
            store.update_incident(inc.incident_id, changes, expected_revision=opened, author="dashboard")
    except AtlasError as e:
        show_error(e)
        return
    st.cache_data.clear()
    st.success("Saved. The audit trail below lists what changed.")


def merge(keep: int, other: int | None) -> None:
    if other is None:
        return
    try:
        with open_store() as store:
            store.merge(keep, other, author="dashboard")
    except AtlasError as e:
        show_error(e)
        return
    st.cache_data.clear()
    st.success(f"Incident #{other} merged into #{keep}.")


def audit_frame(incident_id: int):
    import pandas as pd

    with open_store() as store:
        edits = store.edits(incident_id)
    return pd.DataFrame([{"at": e.at, "field": e.field, "before": e.before, "after": e.after, "by": e.author}
                         for e in edits], columns=["at", "field", "before", "after", "by"])
