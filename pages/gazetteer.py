"""Gazetteer page: search places (Arabic or Latin), see candidates, add an alias or a place."""

import streamlit as st

from gazetteer.gazetteer import PRECISION
from incidents.errors import AtlasError
from pages import actions, ui

st.title("Gazetteer")
query = st.text_input("Search a place (Arabic or Latin)", key="gaz_query", placeholder="القائم, Ain al-Asad, Deir ez-Zor…")
candidates = []
if query.strip():
    try:
        candidates = actions.search_places(query)
    except AtlasError as e:
        ui.show_error(e)
    if candidates:
        st.dataframe(actions.candidates_frame(candidates), key="gaz_results", hide_index=True, width="stretch")
        actions.show_candidates_map(candidates)
    else:
        st.info("No place of that name. Add it below, or add the name as an alias of a known place.")

left, right = st.columns(2)
with left:
    st.subheader("Add an alias")
    if not candidates:
        st.caption("Search for the place above; then add another name for it here.")
    else:
        with st.form("gaz_alias_form", clear_on_submit=True):
            options = {c.place.id: f"{c.place.name} · {c.place.name_ar} · {c.place.admin1 or c.place.country}"
                       for c in candidates}
            place_id = st.selectbox("Place", options=list(options), format_func=options.get, key="gaz_alias_place")
            alias = st.text_input("Alias", key="gaz_alias_text")
            if st.form_submit_button("Add alias", key="gaz_alias_submit"):
                actions.add_alias(place_id, alias)

with right, st.form("gaz_place_form", clear_on_submit=False):
    st.markdown("**Add a place**")
    name = st.text_input("Name (Latin)", key="gaz_new_name")
    name_ar = st.text_input("Name (Arabic)", key="gaz_new_name_ar")
    lat = st.number_input("Latitude", min_value=-90.0, max_value=90.0, value=33.0, format="%.5f", key="gaz_new_lat")
    lon = st.number_input("Longitude", min_value=-180.0, max_value=180.0, value=44.0, format="%.5f", key="gaz_new_lon")
    feature = st.selectbox("Feature", options=list(PRECISION), key="gaz_new_feature")
    admin1 = st.text_input("Governorate", key="gaz_new_admin1")
    country = st.selectbox("Country", options=["IQ", "SY", "JO", "TR", "IR", "LB", "SA", "KW"], key="gaz_new_country")
    source = st.text_input("Source (GeoNames id, Wikipedia article, ICAO code…)", key="gaz_new_source")
    if st.form_submit_button("Add place", key="gaz_place_submit"):
        actions.add_place(name=name, name_ar=name_ar, latitude=lat, longitude=lon, feature=feature, admin1=admin1,
                     country=country, source=source or "analyst")
