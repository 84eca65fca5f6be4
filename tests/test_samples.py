"""Golden tests: every page in samples/ against its NAME.expected.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from tests.conftest import SAMPLES

#: pages whose expected output states the ideal the cleaner does not reach yet
KNOWN_FAILURES: dict[str, str] = {}


def _pages() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir()
                  if p.suffix in (".txt", ".html") and not p.name.endswith(".expected.txt"))


def test_there_are_enough_samples() -> None:
    assert len(_pages()) >= 8
    assert any(p.suffix == ".html" for p in _pages())


@pytest.mark.parametrize(
    "page",
    [pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(reason=KNOWN_FAILURES[p.stem], strict=True)]
                  if p.stem in KNOWN_FAILURES else []) for p in _pages()],
)
def test_sample_matches_expected(page: Path) -> None:
    expected = page.with_name(page.stem + ".expected.txt").read_text(encoding="utf-8")
    assert clean(page.read_text(encoding="utf-8")) == expected
