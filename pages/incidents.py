"""Incidents page: the filtered incidents as a sortable table."""

import streamlit as st

from incidents.tables import incidents_frame
from pages import ui

incidents = ui.filtered_incidents()
st.title("Incidents")
st.dataframe(incidents_frame(incidents), key="incidents_table", hide_index=True, width="stretch")
