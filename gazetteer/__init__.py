"""The local Iraq/Syria gazetteer and its geopy-compatible geocoder.

``Gazetteer`` loads the CSV layers in ``gazetteer/data`` (plus an optional user layer) into
an in-memory index; ``LocalGazetteer`` wraps it in geopy's ``Geocoder`` shape.
"""

from gazetteer.gazetteer import Candidate, Gazetteer, Mention, Place, default_gazetteer
from gazetteer.geocoder import LocalGazetteer

__all__ = ["Candidate", "Gazetteer", "LocalGazetteer", "Mention", "Place", "default_gazetteer"]
