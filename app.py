"""Incident Atlas dashboard: navigation, the shared sidebar filters; the first page is the map.

``streamlit run app.py`` first imports this file as a module to look for a server object: it
finds ``app`` below, a server that warms the caches while it starts (``ui.warm_up_on_start``),
and then runs this same file as the page script of every visit (as ``__main__``).
"""

import streamlit as st

from incidents.errors import AtlasError
from pages import ui

if __name__ != "__main__":  # imported by `streamlit run` (or uvicorn): the server
    app = st.App(__file__, lifespan=ui.warm_up_on_start)
else:  # a visit: the page script
    st.set_page_config(page_title="Incident Atlas", page_icon="🗺️", layout="wide")

    page = st.navigation([
        st.Page("pages/map.py", title="Map", icon="🗺️", default=True),
        st.Page("pages/incidents.py", title="Incidents", icon="📋"),
        st.Page("pages/review.py", title="Review", icon="✏️"),
        st.Page("pages/briefing.py", title="Briefing & exports", icon="📄"),
        st.Page("pages/ingest.py", title="Add reports", icon="➕"),
        st.Page("pages/gazetteer.py", title="Gazetteer", icon="📍"),
    ])
    try:
        ui.seed_sample_data()
        options = ui.prepare_filters()
    except AtlasError as e:
        ui.show_error(e)
        st.stop()
    try:
        page.run()
    finally:  # the sidebar's widgets after the page: the map is on its way first (and a
        ui.sidebar_filters(options)  # page that stops early keeps the filters all the same)
    ui.prepare_search()
