"""Killing an ingest mid-batch (a real SIGKILL) leaves a consistent database; a re-run completes."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import time

from bench.corpus import article
from incidents.extract import extract
from incidents.ingest import RawDoc, prepare
from tests.conftest import ROOT, run_cli

N = 400


def test_sigkill_mid_batch_then_rerun(tmp_path, gazetteer):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(N):
        (folder / f"r{i:04d}.jsonl").write_text(json.dumps(article(i, size=1500), ensure_ascii=False) + "\n",
                                                encoding="utf-8")
    db = tmp_path / "t.db"
    proc = subprocess.Popen([sys.executable, "-m", "incidents", "ingest", str(folder), "--db", str(db)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill once some, not all, articles are in (poll often: a fast
        time.sleep(0.02)  # machine stores the 400 within a fraction of a second of the first 20)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    n = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if n >= 20:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < stored < N, "the kill should land mid-batch"
    # every stored article is complete: as many incident sources as its extraction gives
    for article_id, text, published in con.execute("SELECT id, text, published FROM articles"):
        doc = RawDoc("x", text, published=published)
        expected = len(extract(prepare(doc, today=dt.date(2026, 1, 1)), gazetteer))
        got = con.execute("SELECT COUNT(*) FROM incident_sources WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert got == expected, f"article {article_id} stored {got} of {expected} incidents"
    con.close()
    rerun = run_cli("ingest", str(folder), "--db", str(db), timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {stored} already stored" in rerun.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == N
