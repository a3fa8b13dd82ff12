"""`make demo PORT=…`: the decrees' verification line names the port the demo serves on.

Found in the browser walk of issue 12 (item 4 and item 15): a demo served on port 8106 printed
http://127.0.0.1:8000/tindakan/verifikasi/… on every SK, a link that leads nowhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _public_url(*args: str, **env: str) -> str:
    if shutil.which("make") is None:
        pytest.fail("make is needed to run the demo")
    environment = {k: v for k, v in os.environ.items() if k != "SIMASN_PUBLIC_URL"} | env
    result = subprocess.run(
        ["make", "-s", "--eval=print-public-url: ; @echo $$SIMASN_PUBLIC_URL", "print-public-url", *args],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_the_verification_address_follows_the_demo_port() -> None:
    assert _public_url() == "http://127.0.0.1:8000"
    assert _public_url("PORT=8106") == "http://127.0.0.1:8106"
    # A real deployment names its own address.
    assert _public_url("PORT=8106", SIMASN_PUBLIC_URL="https://simasn.example.go.id") == "https://simasn.example.go.id"
