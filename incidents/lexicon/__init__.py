"""Language data as CSV files with a ``source`` column; loaded and validated here.

Adding a word, an actor or a trigger is a change to a CSV file in this folder. A malformed
row raises :class:`~incidents.errors.DataFileError` naming the file and the line.
"""

from __future__ import annotations

import csv
from pathlib import Path

from incidents.errors import DataFileError

LEXICON_DIR = Path(__file__).resolve().parent


def load_csv(name: str, required: tuple[str, ...], directory: Path = LEXICON_DIR) -> list[dict[str, str]]:
    """Rows of ``directory/name`` as dicts; every row needs ``required`` columns and a source."""
    path = directory / name
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in (*required, "source") if c not in header]
            if missing:
                raise DataFileError(f"{path}: missing column(s) {', '.join(missing)}; header is {header}")
            rows = []
            for lineno, row in enumerate(reader, start=2):
                if None in row or any(v is None for v in row.values()):
                    raise DataFileError(f"{path}:{lineno}: expected {len(header)} fields, got a different count")
                empty = [c for c in (*required, "source") if not row[c].strip()]
                if empty:
                    raise DataFileError(f"{path}:{lineno}: empty {', '.join(empty)} in {dict(row)}")
                rows.append({k: v.strip() for k, v in row.items()})
    except OSError as e:
        raise DataFileError(f"cannot read lexicon file {path}: {e}") from e
    except csv.Error as e:
        raise DataFileError(f"{path}: not valid CSV: {e}") from e
    return rows


def choice(path_name: str, lineno: int, value: str, allowed: tuple[str, ...] | set[str]) -> str:
    """Validate an enumerated field value, naming the file and line when it is off."""
    if value not in allowed:
        raise DataFileError(f"{LEXICON_DIR / path_name}:{lineno}: {value!r} is not one of {sorted(allowed)}")
    return value
