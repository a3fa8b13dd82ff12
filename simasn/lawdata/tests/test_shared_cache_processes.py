"""Two real processes share the cache (issue 10 item 7): a token revoked in one is refused
by the next request in the other, and a law version added in one decides the next request
in the other — no waiting for a per-process cache to expire.

Each process is `python -m simasn.testing.cache_probe` (Django's full request cycle) on one
SQLite file and one file cache, as the demo's web, worker and scheduler are.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
RETIREMENT = {"rule": "retirement", "on": "2027-01-01", "facts": {
    "employee_type": "PNS", "position_kind": "FUNGSIONAL", "functional_level": "AHLI_MADYA",
    "birth_date": "1967-03-10"}}
NEW_VERSION = {"name": "bup.functional_level", "valid_from": "2027-01-01", "value": {"AHLI_MADYA": 62},
               "regulation": "PP 99/2026", "article": "12", "ayat": "2", "last_verified_on": "2026-11-20",
               "reason": "PP 99/2026 menaikkan BUP ahli madya."}


class Probe:
    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "simasn.testing.cache_probe"], env=env, cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert "ready" in self._read()

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the probe process ended"
        return json.loads(line)

    def __call__(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        answer = self._read()
        assert "error" not in answer, answer["error"]
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)


pytestmark = pytest.mark.long


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base",
               "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "SIMASN_VAR_DIR": str(tmp_path),
               "SIMASN_REQUIRE_2FA": "0", "REDIS_URL": ""}
    subprocess.run([sys.executable, "-m", "simasn.cli", "migrate", "--noinput", "-v", "0"], env=environ,
                   cwd=ROOT, check=True, capture_output=True)
    return environ


def test_a_revocation_and_a_new_law_version_reach_the_other_process_at_once(env: dict[str, str]) -> None:
    web, worker = Probe(env), Probe(env)
    try:
        token = web(op="setup")
        raw = token["token"]
        # Both processes have the token and the law in their caches.
        for process in (web, worker):
            assert process(op="get", path="/api/v1/agencies/", token=raw)["status"] == 200
            decided = process(op="post", path="/api/v1/law/evaluate", token=raw, json=RETIREMENT)
            assert decided["body"]["outcome"]["retirement_age"] == 60
        # An administrator adds a version in one process...
        web(op="law", data=NEW_VERSION)
        decided = worker(op="post", path="/api/v1/law/evaluate", token=raw, json=RETIREMENT)
        assert decided["body"]["outcome"]["retirement_age"] == 62  # ...the other's next request uses it
        assert "PP 99/2026 Pasal 12 ayat (2)" in decided["body"]["citations"]
        # A user revokes the token in one process; the other refuses it on the next call.
        web(op="revoke", token_id=token["token_id"])
        refused = worker(op="get", path="/api/v1/agencies/", token=raw)
        assert refused["status"] == 401 and refused["body"]["error"]["code"] == "unauthenticated"
    finally:
        web.close()
        worker.close()
