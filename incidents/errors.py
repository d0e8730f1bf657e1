"""One root error class; each subclass also inherits the matching built-in.

Callers can catch ``AtlasError`` for everything the library raises on purpose, or the
built-in (``ValueError``, ``OSError``…) when they do not know about this package.
"""


class AtlasError(Exception):
    """Root of every error Incident Atlas raises on purpose."""


class InputError(AtlasError, ValueError):
    """Bad user input: an unreadable file, a malformed record, a bad date or query."""


class DataFileError(AtlasError, ValueError):
    """A bundled data file (lexicon, gazetteer) is malformed; names the file and entry."""


class StoreError(AtlasError, RuntimeError):
    """The SQLite store cannot be opened, migrated or written."""


class ExportError(AtlasError, RuntimeError):
    """An export cannot be produced (missing browser, bad format…)."""
