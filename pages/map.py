"""Map page: the filtered incidents on an offline map, the clicked one's record beside it,
and incidents per day under it."""

import streamlit as st
from streamlit_folium import st_folium

from incidents.maps import build_map
from incidents.tables import per_day
from pages import ui

incidents = ui.filtered_incidents()
st.title("Incident map")
st.caption(f"{len(incidents)} incident(s) shown · basemap: Natural Earth · works offline")
left, right = st.columns([3, 1])
with left:
    m = build_map(incidents, ui.assets(), focus=ui.focused(incidents), view=ui.map_view(len(incidents)))
    state = st_folium(m, key="map_main", height=620, use_container_width=True,
                      returned_objects=ui.map_returned_objects(len(incidents)))
with right:
    ui.show_clicked(incidents, (state or {}).get("last_object_clicked"))
counts = per_day(incidents)
if not counts.empty:
    st.subheader("Incidents per day")
    st.bar_chart(counts, x="date", y="incidents", color="type", height=220)
