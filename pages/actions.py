"""What the pages' buttons and forms do: ingest, gazetteer edits, review, exports.

Thin glue between widgets and the library; caching and shared state stay in ``pages.ui``.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from incidents.errors import AtlasError
from incidents.model import Incident, taxonomy
from pages.ui import assets, db_path, gazetteer, open_store, refresh_data, show_error

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
    refresh_data()
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
    refresh_data()
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
    refresh_data()
    st.success(f"Incident #{other} merged into #{keep}.")


def split(incident_id: int, article_id: int) -> None:
    try:
        with open_store() as store:
            new = store.split(incident_id, article_id, author="dashboard")
    except AtlasError as e:
        show_error(e)
        return
    refresh_data()
    st.success(f"Source moved to the new incident #{new.incident_id}; correct it there.")


def audit_frame(incident_id: int):
    import pandas as pd

    with open_store() as store:
        edits = store.edits(incident_id)
    return pd.DataFrame([{"at": e.at, "field": e.field, "before": e.before, "after": e.after, "by": e.author}
                         for e in edits], columns=["at", "field", "before", "after", "by"])


# ---- briefing page helpers -----------------------------------------------------------------
EXPORT_FILES = {"png": ("map.png", "image/png"), "html": ("briefing.html", "text/html"),
                "pdf": ("briefing.pdf", "application/pdf")}


def default_title(incidents: list[Incident]) -> str:
    from incidents.screenshot import default_title as _title

    return _title(incidents)


def make_export(kind: str, incidents: list[Incident], *, title: str, size: tuple[int, int] = (1920, 1080)) -> None:
    """Render a PNG, HTML or PDF export in headless Chromium and keep it for download."""
    from incidents.briefing import briefing_html, briefing_pdf
    from incidents.screenshot import map_png

    with st.status(f"Making the {kind.upper()}…", expanded=False) as status:
        try:
            if kind == "png":
                data = map_png(incidents, width=size[0], height=size[1], title=title)
            elif kind == "html":
                data = briefing_html(incidents, title=title).encode("utf-8")
            else:
                data = briefing_pdf(incidents, title=title)
        except AtlasError as e:
            status.update(label=f"The {kind.upper()} could not be made", state="error")
            show_error(e)
            return
        status.update(label=f"{kind.upper()} ready ({len(data) // 1024} KB)", state="complete")
    st.session_state.setdefault("briefing_exports", {})[kind] = data


def show_exports(only: str | None = None, key_prefix: str = "briefing") -> None:
    for kind, data in st.session_state.get("briefing_exports", {}).items():
        if only and kind != only:
            continue
        name, mime = EXPORT_FILES[kind]
        st.download_button(f"Download {name}", data, file_name=name, mime=mime, key=f"{key_prefix}_download_{kind}")
        if kind == "png":
            st.image(data, caption="Map screenshot", width="stretch")


def data_export(kind: str, incidents: list[Incident]) -> str:
    from incidents import export

    return {"csv": export.csv_text, "geojson": export.geojson_text, "kml": export.kml_text}[kind](incidents)
