"""Review page: correct an incident, pick another place, merge, reject — every edit audited."""

import datetime as dt

import streamlit as st

from incidents.model import taxonomy
from pages import actions, ui

st.title("Review an incident")
incidents = ui.filtered_incidents()
if not incidents:
    st.info("No incidents match the filters.")
    st.stop()
labels = {i.incident_id: actions.incident_label(i) for i in incidents}
chosen = st.selectbox("Incident", options=list(labels), format_func=labels.get, key="review_incident",
                      index=actions.preselected_index(list(labels)))
inc = actions.fresh_incident(chosen)
st.markdown(actions.incident_card(inc), unsafe_allow_html=True)

places = actions.place_options(inc)
with st.form("review_form"):
    c1, c2, c3 = st.columns(3)
    kind = c1.selectbox("Type", options=list(taxonomy()), index=list(taxonomy()).index(inc.incident_type),
                        format_func=lambda t: taxonomy()[t].label, key="review_type")
    date = c2.date_input("Date", value=dt.date.fromisoformat(inc.event_date) if inc.event_date else None,
                         key="review_date")
    precision = c3.selectbox("Time precision", options=[1, 2, 3], index=(inc.time_precision or 1) - 1,
                             format_func=ui.PRECISION_LABELS.get, key="review_time_precision")
    place_id = st.selectbox("Place (gazetteer candidates)", options=list(places), format_func=places.get,
                            key="review_place")
    c4, c5 = st.columns(2)
    lat = c4.number_input("…or drop a pin: latitude", value=inc.latitude, format="%.5f", key="review_lat")
    lon = c5.number_input("longitude", value=inc.longitude, format="%.5f", key="review_lon")
    c6, c7 = st.columns(2)
    killed = c6.number_input("Killed", min_value=0, value=inc.fatalities, step=1, key="review_killed")
    injured = c7.number_input("Injured", min_value=0, value=inc.injured, step=1, key="review_injured")
    actor1 = c6.text_input("Actor 1 (perpetrator)", value=inc.actor1, key="review_actor1")
    actor2 = c7.text_input("Actor 2 (target)", value=inc.actor2, key="review_actor2")
    reject = st.checkbox("Not an incident: reject it", value=False, key="review_reject")
    if st.form_submit_button("Save changes", type="primary", key="review_save"):
        actions.save_review(inc, kind=kind, date=date, precision=precision, place_id=place_id, lat=lat, lon=lon,
                       killed=killed, injured=injured, actor1=actor1, actor2=actor2, reject=reject)

with st.expander("Merge another incident into this one"):
    others = {k: v for k, v in labels.items() if k != inc.incident_id}
    other = st.selectbox("Same incident as", options=list(others), format_func=others.get, key="review_merge_other")
    if st.button("Merge", key="review_merge"):
        actions.merge(inc.incident_id, other)

if len(inc.sources) > 1:
    with st.expander("Split: a source tells of another incident"):
        sources = {src.article_id: f"{src.title or 'article ' + str(src.article_id)} — {src.evidence[:90]}"
                   for src in inc.sources}
        moved = st.selectbox("Source to move to a new incident", options=list(sources), format_func=sources.get,
                             key="review_split_source")
        if st.button("Split", key="review_split"):
            actions.split(inc.incident_id, moved)

st.subheader("Audit trail")
st.dataframe(actions.audit_frame(inc.incident_id), key="review_audit", hide_index=True, width="stretch")
