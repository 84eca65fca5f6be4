"""Every example in the README runs, and prints what the README says it prints.

``console`` blocks are shell sessions: each ``$ command`` runs in bash in a folder with a
copy of samples/, and the lines after it are its expected stdout. ``python`` blocks run
as they are from the repository root. ``bash`` blocks are the install, test and bench
commands: .ci/run executes the two fresh-machine commands itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK_RE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK_RE.findall(README) if lang == kind]


def _sessions() -> list[tuple[str, str]]:
    sessions: list[tuple[str, str]] = []
    for body in _blocks("console"):
        command: str | None = None
        expected: list[str] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    sessions.append((command, "\n".join(expected)))
                command, expected = line[2:], []
            else:
                expected.append(line)
        if command is not None:
            sessions.append((command, "\n".join(expected)))
    return sessions


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "samples", folder / "samples")
    return folder


def test_readme_has_examples() -> None:
    assert len(_sessions()) >= 5 and _blocks("python")


@pytest.mark.parametrize(("command", "expected"), _sessions(), ids=[c for c, _ in _sessions()])
def test_console_example(command: str, expected: str, workdir: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "NO_COLOR": "1", "COLUMNS": "120"}
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=workdir, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize("code", _blocks("python"))
def test_python_example(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})


def test_fresh_machine_commands_are_what_ci_runs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_commands" in ci
    install, tests = _blocks("bash")[:2]
    assert "pip install ." in install and "cleaner samples/" in install
    assert "pytest" in tests and ".[test]" in tests
