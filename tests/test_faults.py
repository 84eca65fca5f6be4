"""Faults: unreadable files, vanishing folders, loops, full disks, signals, slow pages."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner, DocumentTimeout
from cleaner.batch import discover, run_batch
from tests.conftest import SAMPLES, run_cli


def _tree(root: Path, copies: int = 3) -> Path:
    source = root / "in"
    for folder in ("a", "b"):
        (source / folder).mkdir(parents=True)
        for number in range(copies):
            shutil.copy(SAMPLES / "news_donation.txt", source / folder / f"page{number}.txt")
    return source


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".part")]


def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path: Path, monkeypatch: Any) -> None:
    source = _tree(tmp_path)
    tasks = discover(source, tmp_path / "out")
    victim = tasks[1].source
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == victim:
            raise PermissionError(errno.EACCES, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    summary = run_batch(tasks, Cleaner())
    assert summary.failed == 1 and summary.files == len(tasks)
    assert "Permission denied" in summary.errors[0][1]
    assert not (tmp_path / "out" / tasks[1].relative).exists()


def test_folder_vanishing_mid_run(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    tasks = discover(source, tmp_path / "out")
    seen: list[str] = []

    def after(report: Any) -> None:
        seen.append(report.task.relative)
        if len(seen) == 1:
            shutil.rmtree(source / "b")

    summary = run_batch(tasks, Cleaner(), on_done=after)
    assert summary.files == len(tasks)
    vanished = {t.relative for t in tasks if t.relative.startswith("b/")}
    assert {relative for relative, _ in summary.errors} == vanished


def test_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    source = _tree(tmp_path)
    os.symlink(source, source / "a" / "loop")
    tasks = discover(source, tmp_path / "out")
    assert len(tasks) == 6


def test_full_disk_leaves_no_partial_output(tmp_path: Path, monkeypatch: Any) -> None:
    source = _tree(tmp_path, copies=1)
    import cleaner.io as io_module

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(io_module.os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
    summary = run_batch(discover(source, tmp_path / "out"), Cleaner())
    assert summary.failed == 2
    assert all("No space left on device" in error for _, error in summary.errors)
    assert _leftovers(tmp_path / "out") == []
    assert not list((tmp_path / "out").rglob("*.txt"))


def test_time_budget(tmp_path: Path) -> None:
    slow = Cleaner(timeout=0.001)
    with pytest.raises(DocumentTimeout):
        slow.clean_document((SAMPLES / "news_donation.txt").read_text(encoding="utf-8") * 200)
    assert Cleaner(timeout=30).clean("Short page.\n") == "Short page.\n"
    source = _tree(tmp_path, copies=1)
    big = source / "a" / "big.txt"
    # Every copy numbered: a page's repeated blocks are read once, so copies alone are cheap.
    lines = (SAMPLES / "news_donation.txt").read_text(encoding="utf-8").splitlines()
    big.write_text("\n".join(f"{line} {copy}" if line.strip() else line
                             for copy in range(8000) for line in lines), encoding="utf-8")
    result = run_cli("batch", str(source), str(tmp_path / "out"), "--timeout", "2")
    assert result.returncode == 1
    assert b"time budget" in result.stderr
    assert (tmp_path / "out" / "b" / "page0.txt").exists()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signals_leave_only_complete_outputs(signum: int, tmp_path: Path) -> None:
    source = _tree(tmp_path, copies=150)
    reference = tmp_path / "reference"
    assert run_cli("batch", str(source), str(reference)).returncode == 0
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "cleaner", "batch", str(source), str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.txt"))) < 20:
        time.sleep(0.02)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    assert _leftovers(out) == []
    written = list(out.rglob("*.txt"))
    assert 0 < len(written) < 300
    for path in written:
        assert path.read_bytes() == (reference / path.relative_to(out)).read_bytes()


def test_unreadable_single_file(tmp_path: Path, monkeypatch: Any) -> None:
    """As root, permissions do not stop a read; the denial is simulated where it surfaces."""
    from typer.testing import CliRunner

    import cleaner.io as io_module
    from cleaner.cli import app

    page = tmp_path / "page.txt"
    page.write_text("Some text.\n", encoding="utf-8")

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(io_module, "open", denied, raising=False)
    result = CliRunner().invoke(app, [str(page)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"cleaner: error: {page}: permission denied"


def test_interrupting_the_single_file_command(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_text((SAMPLES / "news_donation.txt").read_text(encoding="utf-8") * 4000, encoding="utf-8")
    target = tmp_path / "out.txt"
    process = subprocess.Popen([sys.executable, "-m", "cleaner", str(page), "-o", str(target)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.decode("utf-8").strip() == "cleaner: interrupted; no output file was left half written"
    assert not target.exists() and _leftovers(tmp_path) == []


def test_killed_run_resumes_to_the_same_outputs(tmp_path: Path) -> None:
    source = _tree(tmp_path, copies=150)
    reference = tmp_path / "reference"
    assert run_cli("batch", str(source), str(reference), "--jobs", "1").returncode == 0
    out = tmp_path / "out"
    command = [sys.executable, "-m", "cleaner", "batch", str(source), str(out), "--jobs", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.txt"))) < 30:
        time.sleep(0.02)
    process.kill()  # SIGKILL: no handler runs; the workers die with their parent
    process.wait(timeout=60)
    time.sleep(0.5)
    finished = len(list(out.rglob("*.txt")))
    assert 0 < finished < 300
    rerun = run_cli("batch", str(source), str(out), "--jobs", "2")
    assert rerun.returncode == 0
    assert f"{finished} file(s) already done".encode() in rerun.stderr
    assert _leftovers(out) == []
    for path in reference.rglob("*.txt"):
        assert (out / path.relative_to(reference)).read_bytes() == path.read_bytes()
    again = run_cli("batch", str(source), str(out), "--force", "--jobs", "2")
    assert again.returncode == 0 and b"already done" not in again.stderr
