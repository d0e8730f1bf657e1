"""Map page: the filtered incidents on an offline map."""

import streamlit as st
from streamlit_folium import st_folium

from incidents.maps import build_map
from pages import ui

incidents = ui.filtered_incidents()
st.title("Incident map")
st.caption(f"{len(incidents)} incident(s) shown · basemap: Natural Earth · works offline")
st_folium(build_map(incidents, ui.assets()), key="map_main", height=640, use_container_width=True,
          returned_objects=[])
