"""kill -9 in the middle of an import, rerun: exactly the right rows, nothing twice.

Runs the real command line in subprocesses against a file-based SQLite database.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SIMASN = [sys.executable, "-m", "simasn.cli"]


def _simasn(env, *args, **kwargs):
    return subprocess.run([*SIMASN, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture
def cli_env(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "SIMASN_MEDIA_ROOT": str(tmp_path / "media"),
           "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    _simasn(env, "migrate", "--noinput", "-v", "0")
    _simasn(env, "generate-reference")
    return env


def _break_rows(path: Path, rows: set[int]) -> None:
    """Make the NIP of the given data rows disagree with the birth date."""
    lines = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    for i in rows:
        lines[i][5] = "1950-01-01"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(lines)


def test_kill_9_mid_import_then_rerun_loads_exactly_the_valid_rows(cli_env, tmp_path):
    path = tmp_path / "register.csv"
    _simasn(cli_env, "generate-population", "--employees", "3000", "--seed", "5", "--out", str(path), "--no-progress")
    _break_rows(path, {100, 2500})
    db = tmp_path / "db.sqlite3"

    process = subprocess.Popen(
        [*SIMASN, "import-employees", str(path), "--chunk-size", "200", "--pause", "0.5", "--no-progress"],
        env=cli_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    processed = 0
    while time.monotonic() < deadline and processed < 600:
        time.sleep(0.1)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                row = conn.execute("SELECT processed_rows FROM bulk_importjob").fetchone()
            processed = row[0] if row else 0
        except sqlite3.OperationalError:
            continue
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 600 <= processed < 3000, "the import should be killed mid-way"

    with sqlite3.connect(db) as conn:
        processed, status = conn.execute("SELECT processed_rows, status FROM bulk_importjob").fetchone()
        employees = conn.execute("SELECT count(*) FROM personnel_employee").fetchone()[0]
    assert status == "RUNNING" and processed % 200 == 0
    assert employees == processed - (1 if processed > 100 else 0)  # whole chunks only

    result = _simasn(cli_env, "import-employees", str(path), "--chunk-size", "200", "--no-progress")
    assert "melanjutkan impor" in result.stdout

    with sqlite3.connect(db) as conn:
        jobs = conn.execute("SELECT count(*), max(status), max(inserted), max(rejected) FROM bulk_importjob").fetchone()
        employees = conn.execute("SELECT count(*), count(DISTINCT nip) FROM personnel_employee").fetchone()
        history = conn.execute("SELECT count(*) FROM personnel_positionhistory").fetchone()[0]
        rejects = conn.execute("SELECT row_number FROM bulk_importreject ORDER BY row_number").fetchall()
        audits = conn.execute("SELECT count(*) FROM core_auditevent WHERE action='import' AND object_type='bulk.importjob'").fetchone()[0]
    assert jobs == (1, "DONE", 2998, 2)
    assert employees == (2998, 2998)
    assert history == 2998
    assert rejects == [(101,), (2501,)]  # lines[100] is file row 101 (the header is row 1)
    assert audits == 1
