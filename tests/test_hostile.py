"""Hostile inputs: whatever the web produced, cleaner answers in time, without a traceback.

Each input goes through the real command (a subprocess), and the text inputs through
batch and the library too. Binary input is refused with a one-line error; everything
else is cleaned.
"""

from __future__ import annotations

import codecs
import itertools
import re
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import cleaner
from cleaner import clean_document
from tests.conftest import run_cli

PROSE = ("The committee met on Thursday to discuss the proposal, which would change the way the city "
         "pays for road repairs and could raise local taxes for the first time in a decade.")


QUOTE_GLUE = 'x"y"'


def _utf16(bom: bool) -> bytes:
    text = f"{PROSE}\n{PROSE}\n"
    return (codecs.BOM_UTF16_LE if bom else b"") + text.encode("utf-16-le")


def _capital_glue(count: int) -> str:
    """Lines of prose, each with ten different words in capitals glued and written apart."""
    words = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)]
    pairs = list(itertools.islice(itertools.product(words, repeat=2), count))
    return "".join(f"{PROSE} " + " ".join(f"{a} {b} {a}{b}" for a, b in pairs[i:i + 10]) + "\n"
                   for i in range(0, len(pairs), 10))


INPUTS: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "whitespace": lambda: b"  \n\t\n   \r\n",
    "nul-inside-text": lambda: f"{PROSE}\x00 and more.\n".encode(),
    "utf16-bom": lambda: _utf16(True),
    "utf16-no-bom": lambda: _utf16(False),
    "latin1": lambda: "Caf\u00e9 cr\u00e8me, Stra\u00dfe und \u00e4hnliches.\n".encode("latin-1"),
    "cp1252": lambda: "He said \u201cfine\u201d \u2013 and left.\n".encode("cp1252"),
    "mixed-line-endings": lambda: f"{PROSE}\r\n{PROSE}\r{PROSE}\n{PROSE}\u2028{PROSE}\n".encode(),
    "50mb-line-no-spaces": lambda: b"x" * 50_000_000,
    "1mb-run-of-one-char": lambda: b"a" * 1_000_000,
    # In English prose the word repair looks at it: a token of letters is a glue candidate
    # only up to a word's length, or cutting it at every letter takes minutes.
    "1mb-word-in-prose": lambda: f"{PROSE} {'Abcdefghij' * 100_000}with {PROSE}\n".encode(),
    # A hundred thousand repairs proposed in one block: choosing among them stays fast.
    "100k-quote-glue-in-prose": lambda: f"{PROSE} {QUOTE_GLUE * 100_000} {PROSE}\n".encode(),
    # The same "module.Class" or byte pair a hundred thousand times: each asks what the
    # page writes elsewhere, which must not mean reading the page again each time.
    "100k-module-class-in-prose": lambda: f"{PROSE} {'net.Socket ' * 100_000}{PROSE}\n".encode(),
    "100k-hex-pairs-in-prose": lambda: f"{PROSE} {'de ad ' * 100_000}{PROSE}\n".encode(),
    # Fifty thousand different words in capitals, each glued and written apart ("AB CD ABCD").
    "50k-capital-glue-in-prose": lambda: _capital_glue(50_000).encode(),
    "20k-bulleted-paragraphs": lambda: "".join(f"* {PROSE}\n" for _ in range(20_000)).encode(),
    # Eight thousand slideshows of five slides: each is weighed against the page once.
    "40k-slide-counters": lambda: "".join(f"{k % 5 + 1}/5 Headline {k}\n{PROSE}\n"
                                          for k in range(40_000)).encode(),
    "10000-lines-of-a": lambda: b"a\n" * 10_000,
    # Code fences that never close, and long fences that shorter ones cannot close: each
    # opening looks for its closing fence among a bounded few.
    "100k-open-fences": lambda: "".join(f"```lang{k}\n" for k in range(100_000)).encode(),
    "50k-unclosable-fences": lambda: b"````x\nprint(1)\n```\n" * 50_000,
    # Thousands of garbled characters in one line of correct Chinese: the line's scripts
    # are counted once, not once per garbled run.
    "20k-mojibake-runs-in-cjk": lambda: ("渡輪票價為50å…ƒ，" * 20_000 + "\n").encode(),
    "20k-code-blocks-in-prose": lambda: f"{PROSE}\n```\nx = 1\n```\n".encode() * 20_000,
    "nested-html": lambda: (b"<html><body>" + b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000
                            + b"</body></html>"),
    "entity-html": lambda: (b"<html><body><p>" + b"&amp;&lt;&gt;&#169;&#x1F600;" * 20_000
                            + b"</p></body></html>"),
    "malformed-html": lambda: b"<html><body><p>unclosed <b>bold <i>italic <div></p></span>" + PROSE.encode()
                              + b"<a href='x>broken",
    "rtl-and-cjk": lambda: ("مرحبا بكم في موقعنا، نتمنى لكم قراءة ممتعة.\n"
                            "北京时间周二晚，国家统计局发布了最新的经济数据。\n").encode(),
    "emoji-combining": lambda: f"Emoji 🎉👍🏽 and e\u0301 combining. {PROSE}\n".encode(),
}
BINARY: dict[str, bytes] = {
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)),
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(256),
}
#: generous bounds: the point is "answers", not a speed test (bench/ measures speed)
SECONDS = 60


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_hostile_input_through_the_command(name: str, tmp_path: Path) -> None:
    page = tmp_path / "input.bin"
    page.write_bytes(INPUTS[name]())
    encoding = ["--encoding", "latin-1"] if name == "latin1" else ["--encoding", "cp1252"] \
        if name == "cp1252" else []
    started = time.perf_counter()
    result = run_cli(str(page), *encoding, timeout=300)
    assert time.perf_counter() - started < SECONDS * 2
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == (1 if name == "empty" else 0), stderr
    assert "Traceback" not in stderr
    assert page.read_bytes() == INPUTS[name]()  # the input is untouched
    if name.startswith("utf16") or name in ("mixed-line-endings", "nul-inside-text"):
        assert PROSE.split(",")[0] in result.stdout.decode("utf-8")


def test_hostile_outputs_keep_the_text() -> None:
    """Survival is not enough: the readable text of odd inputs comes out."""
    def out(name: str) -> str:
        data = INPUTS[name]()
        return cleaner.clean(data.decode("utf-16") if name.startswith("utf16") else data.decode("utf-8"))

    assert PROSE in out("utf16-bom")
    assert "deep text" in out("nested-html")
    assert out("empty") == "" and out("whitespace") == ""
    assert "北京时间" in out("rtl-and-cjk") and "مرحبا" in out("rtl-and-cjk")
    assert "🎉👍🏽" in out("emoji-combining") and "e\u0301" in out("emoji-combining")


@pytest.mark.parametrize("kind", sorted(BINARY))
def test_binary_is_refused_in_one_line(kind: str, tmp_path: Path) -> None:
    page = tmp_path / f"file.{kind}"
    page.write_bytes(BINARY[kind])
    result = run_cli(str(page))
    assert result.returncode == 1
    lines = result.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cleaner: error:") and "binary input" in lines[0]


def test_batch_survives_every_hostile_file(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    small = {k: v for k, v in INPUTS.items() if not k.startswith("50mb")}
    for name, make in small.items():
        (source / f"{name}.txt").write_bytes(make())
    for kind, data in BINARY.items():
        (source / f"{kind}.txt").write_bytes(data)
    result = run_cli("batch", str(source), str(tmp_path / "out"), timeout=300)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1 and "Traceback" not in stderr  # the binaries fail, the run goes on
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert {f"{kind}.txt" for kind in BINARY}.isdisjoint(written)
    assert "nested-html.txt" in written and "rtl-and-cjk.txt" in written
    assert not list((tmp_path / "out").glob(".*.part"))  # no half-written file anywhere


def _package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    import importlib
    import pkgutil

    found: list[tuple[str, re.Pattern[str]]] = []
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if info.name.endswith("__main__"):
            continue  # importing it runs the command line
        module = importlib.import_module(info.name)
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{attribute}", value))
            pattern = getattr(value, "pattern", None)
            if isinstance(pattern, re.Pattern):  # a ShapeRule's own expression
                found.append((f"{info.name}.{attribute}", pattern))
            for candidate in (pattern, getattr(value, "weak", None)):
                inner = getattr(candidate, "pattern", None)
                if isinstance(inner, re.Pattern):
                    found.append((f"{info.name}.{attribute}", inner))
    return found


ADVERSARIAL = ["a", "ab ", "AB ", "a.", "a@", "<p", "x-", "aA", 'a"', "a1", "\u00e9", "ww.", "/", " -", "a'"]


@pytest.mark.parametrize(("name", "pattern"), _package_patterns(), ids=[n for n, _ in _package_patterns()])
def test_no_pattern_takes_more_than_linear_time(name: str, pattern: re.Pattern[str]) -> None:
    """Doubling an adversarial line may at most about double the time of every search."""
    for unit in ADVERSARIAL:
        times = []
        for size in (20_000, 40_000):
            text = unit * (size // len(unit))
            started = time.perf_counter()
            for _ in pattern.finditer(text):
                pass
            times.append(time.perf_counter() - started)
        assert times[1] < 0.5 or times[1] < 4 * max(times[0], 1e-4), (name, unit, times)


def test_library_never_raises_on_odd_text() -> None:
    for text in ["", "\x00", "\ufeff", "\u2028" * 10, "-\n" * 50, '"' * 1000, "<" * 10_000, "a-\nb-\n" * 200]:
        result = clean_document(text)
        assert isinstance(result.text, str)


def test_one_gigabyte_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    """1 GB through the command: cleaned window by window, peak memory far below the size."""
    size = 1 << 30
    if shutil.disk_usage(tmp_path).free < 3 * size:
        pytest.skip("not enough disk for a 1 GB input and its output")
    page = tmp_path / "huge.txt"
    lines = [("x" * 9_999 + "\n").encode(), ("y" * 4_999 + " z\n").encode(), f"{PROSE}\n".encode()]
    with page.open("wb") as handle:
        written = 0
        while written < size:
            for line in lines:
                handle.write(line)
                written += len(line)
    # A fresh parent whose only child is the command, so its peak memory is the command's.
    probe = ("import resource, subprocess, sys\n"
             "code = subprocess.run([sys.executable, '-m', 'cleaner', *sys.argv[1:]]).returncode\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
             "sys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", probe, str(page), "-o", str(tmp_path / "huge.out"),
                             "--no-repair"], capture_output=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    peak_kib = int(result.stdout.decode().split()[-1])
    with (tmp_path / "huge.out").open(encoding="utf-8") as handle:
        assert PROSE in handle.read(1_000_000)
    assert peak_kib < 400 * 1024, peak_kib  # streamed, not loaded whole
