"""Ingest page: paste a report or upload files, preview what is found, then save."""

import datetime as dt

import streamlit as st

from incidents.errors import AtlasError
from pages import actions, ui

st.title("Add reports")
st.caption("Arabic or English. Pasted text or .txt, .html, .jsonl files. Nothing is stored until you save.")

text = st.text_area("Paste a report", height=220, key="ingest_text")
uploads = st.file_uploader("…or upload files", type=["txt", "html", "htm", "jsonl"], accept_multiple_files=True,
                           key="ingest_files")
known = st.checkbox("I know the publication date", key="ingest_has_date")
published = st.date_input("Publication date", value=dt.date.today(), key="ingest_date",
                          disabled=not known) if known else None
st.caption("Without a date, Incident Atlas looks for one in the text; relative dates stay empty if none is found.")

docs = actions.documents_from(text, uploads)
if docs:
    try:
        for name, found in actions.previews(docs, published):
            with st.expander(f"{name}: {found}", expanded=len(docs) == 1):
                actions.show_preview(found)
    except AtlasError as e:
        ui.show_error(e)
    if st.button("Save to the database", type="primary", key="ingest_save"):
        with st.status("Saving…", expanded=True) as status:
            report = actions.save(docs, published, progress=status)
            status.update(label=report.summary(), state="complete" if not report.count("failed") else "error")
        for o in report.outcomes:
            if o.status == "failed":
                st.error(o.message)
            elif o.message:
                st.warning(f"{o.where}: {o.message}")
