"""The user's own example page must come out exactly right, in every layout."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cleaner import clean, clean_document
from tests.conftest import REPO, run_cli


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_seed_blank_line_layout(seed_page: tuple[str, str]) -> None:
    source, expected = seed_page
    assert clean(source).rstrip("\n") == expected.rstrip("\n")


def test_seed_one_block_per_line(seed_page: tuple[str, str]) -> None:
    source, expected = seed_page
    one_per_line = "\n".join(_paragraphs(source)) + "\n"
    assert clean(one_per_line).rstrip("\n") == expected.rstrip("\n")


def test_seed_hard_wrapped_at_72(seed_page: tuple[str, str]) -> None:
    source, expected = seed_page
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in _paragraphs(source)) + "\n"
    assert max(len(line) for line in wrapped.splitlines()) <= 72
    assert clean(wrapped).rstrip("\n") == expected.rstrip("\n")


def test_seed_through_the_real_command(seed_page: tuple[str, str]) -> None:
    source, expected = seed_page
    result = run_cli(input_text=source)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").rstrip("\n") == expected.rstrip("\n")


def test_seed_reasons_and_repairs(seed_page: tuple[str, str]) -> None:
    source, _ = seed_page
    result = clean_document(source)
    removed = {b.text: v.reason for b, v in result.removed()}
    assert removed["UNITED24 - Make a charitable donation in support of Ukraine!"] == "chrome:donation"
    assert removed["NEWSLETTER"] == "chrome:newsletter"
    repairs = {(e.before, e.after, e.rule) for e in result.edits}
    assert repairs == {
        ("nu clear", "nuclear", "repair:split"),
        ("ofthe", "of the", "repair:join"),
        ("thestates", "the states", "repair:join"),
        ('seek"not', 'seek "not', "repair:space"),
    }
    assert "Mosckvy" in result.text


def test_no_rule_or_fixture_mentions_the_seed_page() -> None:
    """The seed must pass by general rules: nothing in the repo may name its site or text."""
    forbidden = ("globalsecurity", "losyukov", "united24", "mosckvy", "pyongyang", "weapons of mass")
    searched = [*(REPO / "cleaner").rglob("*.py"), *(REPO / "cleaner").rglob("*.json"),
                *(REPO / "samples").glob("*"), *(REPO / "tests" / "data").rglob("*")]
    for path in searched:
        if path.is_file():
            text = Path(path).read_text(encoding="utf-8", errors="replace").lower()
            for word in forbidden:
                assert word not in text, f"{path} mentions {word!r}"
