"""Incident Atlas core library: text → incidents → store → maps and exports.

Nothing in this package imports Streamlit; the dashboard pages call into it.
"""

from incidents.errors import AtlasError, DataFileError, InputError, StoreError

__all__ = ["AtlasError", "DataFileError", "InputError", "StoreError"]
