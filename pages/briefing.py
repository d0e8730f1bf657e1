"""Briefing page: export the filtered incidents — map screenshot, briefing, data files."""

import streamlit as st

from pages import actions, ui

incidents = ui.filtered_incidents()
st.title("Briefing and exports")
st.caption(f"{len(incidents)} incident(s) from the current filters (sidebar). Everything is made offline.")
if not incidents:
    st.info("No incidents match the filters.")
    st.stop()

title = st.text_input("Title", value=actions.default_title(incidents), key="briefing_title")
sizes = {"Slide 1920×1080": (1920, 1080), "Half slide 1280×720": (1280, 720), "Square 1200×1200": (1200, 1200),
         "A4 landscape 1754×1240": (1754, 1240)}
size = st.selectbox("Screenshot size", options=list(sizes), key="briefing_size")

c1, c2, c3 = st.columns(3)
if c1.button("Make map screenshot (PNG)", key="briefing_make_png"):
    actions.make_export("png", incidents, title=title, size=sizes[size])
if c2.button("Make briefing (HTML)", key="briefing_make_html"):
    actions.make_export("html", incidents, title=title)
if c3.button("Make briefing (PDF)", key="briefing_make_pdf"):
    actions.make_export("pdf", incidents, title=title)
actions.show_exports()

st.subheader("Data")
d1, d2, d3 = st.columns(3)
d1.download_button("CSV (ACLED columns)", actions.data_export("csv", incidents), file_name="incidents.csv",
                   mime="text/csv", key="briefing_csv")
d2.download_button("GeoJSON", actions.data_export("geojson", incidents), file_name="incidents.geojson",
                   mime="application/geo+json", key="briefing_geojson")
d3.download_button("KML (Google Earth)", actions.data_export("kml", incidents), file_name="incidents.kml",
                   mime="application/vnd.google-earth.kml+xml", key="briefing_kml")
