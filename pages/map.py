"""Map page: the filtered incidents on an offline map, the clicked one's record beside it,
incidents per day (week, month) under it, and playback that steps through time."""

import streamlit as st
from streamlit_folium import st_folium

from incidents.charts import CHART_CSS, CHART_FRAME_HEIGHT, CHART_H, bins, chart_svg
from incidents.maps import build_map
from pages import actions, ui

st.markdown(ui.assets().preload_html(), unsafe_allow_html=True)  # the map frame's files, fetched early
incidents = ui.filtered_incidents()
st.title("Incident map")
playing = ui.playback_controls(incidents)


@st.fragment(run_every=ui.PLAYBACK_SECONDS if playing else None)
def map_and_record():
    if playing and not st.session_state.get("map_playing"):
        st.rerun()  # playback ended (or was stopped): redraw the whole page without the timer
    shown = ui.playback_step(incidents) if st.session_state.get("map_playing") else incidents
    st.caption(f"{len(shown)} incident(s) shown{ui.playback_caption()} · basemap: Natural Earth · works offline")
    left, right = st.columns([3, 1])
    with left:
        m = build_map(shown, ui.assets(), focus=ui.focused(shown), view=ui.map_view(shown),
                      acled=ui.acled_events())
        state = st_folium(m, key="map_main", height=620, use_container_width=True,
                          returned_objects=ui.map_returned_objects(len(shown)))
    with right:
        ui.show_clicked(shown, (state or {}).get("last_object_clicked"))


map_and_record()
if st.button("Screenshot of this map (PNG, 1920×1080)", key="map_png"):
    actions.make_export("png", incidents, title=actions.default_title(incidents))
actions.show_exports(only="png", key_prefix="map")
binned = bins(incidents)
if binned[1]:  # drawn by the server as SVG: the page loads no chart library before the map
    st.subheader(f"Incidents per {binned[0]}")
    # in a frame of its own: the browser parses the SVG natively (as Markdown it took most of a second at 100,000)
    st.iframe(f"<style>body{{margin:0;font-family:sans-serif}}{CHART_CSS}.chart svg{{height:{CHART_H}px}}</style>"
              f"{chart_svg(incidents, binned)}", height=CHART_FRAME_HEIGHT, alt=f"Incidents per {binned[0]} by type")
