from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed"
DEVDATA = SHARED / "devdata"


def run_cli(*args: str, input_text: str | None = None, input_bytes: bytes | None = None,
            cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The real installed command in a subprocess, as a user runs it."""
    data = input_bytes if input_bytes is not None else (
        input_text.encode("utf-8") if input_text is not None else b"")
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=data, capture_output=True,
                          cwd=cwd, timeout=timeout, env=env, check=False)


@pytest.fixture
def seed_page() -> tuple[str, str]:
    source = SEED / "000_6635017b2db129e1.txt"
    if not source.exists():
        pytest.skip("../shared/seed is not available")
    expected = SEED / "000_6635017b2db129e1.expected.txt"
    return source.read_text(encoding="utf-8"), expected.read_text(encoding="utf-8")
