"""Incident Atlas dashboard: navigation, the shared sidebar filters; the first page is the map."""

import streamlit as st

from incidents.errors import AtlasError
from pages import ui

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
    ui.sidebar_filters()
except AtlasError as e:
    ui.show_error(e)
    st.stop()
page.run()
