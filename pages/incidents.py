"""Incidents page: the filtered incidents as a sortable table; picking a row centres the map on it."""

import streamlit as st

from incidents.tables import incidents_frame
from pages import ui

incidents = ui.filtered_incidents()
st.title("Incidents")
st.caption("Click a column to sort. Select a row to centre the map on it or to review it.")
event = st.dataframe(incidents_frame(incidents), key="incidents_table", hide_index=True, width="stretch",
                     on_select="rerun", selection_mode="single-row")
picked = ui.picked_incident(incidents, event)
if picked is not None:
    c1, c2 = st.columns(2)
    if c1.button("Show on the map", key="incidents_show_map"):
        st.switch_page("pages/map.py")
    if c2.button("Review", key="incidents_review"):
        st.switch_page("pages/review.py")
