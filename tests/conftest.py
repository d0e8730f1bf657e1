"""Shared fixtures. The reference report is read from ../shared/corpus when it exists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
SEED = CORPUS / "seed_ar_2024-01-25.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"reference report not found at {SEED} (it lives in ../shared/corpus beside the repository)")
    return SEED


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def run_cli(*args: str, cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    """``python -m incidents ARGS`` as a user would run it."""
    return subprocess.run([sys.executable, "-m", "incidents", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)
