"""Token repair cases from data files: must change, must not change, known failures."""

from __future__ import annotations

import pytest

from cleaner import clean, clean_document
from tests.conftest import DATA


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _repair(language: str, text: str) -> str:
    return clean(text, chrome=False, language=language).rstrip("\n")


@pytest.mark.parametrize(("language", "damaged", "repaired"), _rows("repair_change.tsv"),
                         ids=lambda v: v[:30])
def test_repair_restores_damage(language: str, damaged: str, repaired: str) -> None:
    assert _repair(language, damaged) == repaired


@pytest.mark.parametrize(("language", "text"), _rows("repair_keep.txt"), ids=lambda v: v[:30])
def test_repair_leaves_correct_text_alone(language: str, text: str) -> None:
    assert _repair(language, text) == text


@pytest.mark.parametrize(
    ("language", "damaged", "repaired"),
    [pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason="known repair gap"))
     for row in _rows("repair_xfail.tsv")],
)
def test_known_repair_failures(language: str, damaged: str, repaired: str) -> None:
    assert _repair(language, damaged) == repaired


def test_protected_words_are_never_changed() -> None:
    text = "The nu clear option and ofthe list stay as written."
    assert _repair("en", text) != text
    protected = clean(text, chrome=False, language="en", protect={"nu", "ofthe"}).rstrip("\n")
    assert protected == text


def test_every_repair_is_an_edit_with_its_rule() -> None:
    result = clean_document("The nu clear talks ofthe year ended.The end.", chrome=False, language="en")
    rules = sorted(e.rule for e in result.edits)
    assert rules == ["repair:join", "repair:space", "repair:split"]
    block = result.blocks[0].text
    for edit in result.edits:
        assert block[edit.start:edit.end] == edit.before


def test_no_repair_without_a_language() -> None:
    """Unknown language: no word list to trust, so nothing word-based is touched."""
    text = "Xqz nu clear ofthe vlorp"
    assert clean(text, chrome=False).rstrip("\n") == text


def test_repair_can_be_switched_off() -> None:
    text = "The nu clear talks ofthe year."
    assert clean(text, chrome=False, repair=False, language="en").rstrip("\n") == text


def _page(sentence: str, times: int, glued_sentence: str, glued_times: int) -> str:
    lines = [sentence.format(n=n) for n in range(times)]
    lines += [glued_sentence.format(n=n) for n in range(glued_times)]
    return "\n\n".join(lines)


def test_repeated_glue_is_repaired_where_the_page_writes_the_words_apart_far_more_often() -> None:
    """A template glues the same words on every use ("theoriginal" in each reference):
    the page's own spelling, far more often apart, says the token is damage."""
    page = _page("Cited in the survey, archived from the original on {n} March.", 12,
                 "Cited in the survey, archived from theoriginal on {n} March.", 2)
    assert "theoriginal" not in _repair("en", page)
    camel = _page("The crew sailed to Port Harlow in week {n}.", 12,
                  "The crew sailed to PortHarlow in week {n}.", 2)
    assert "PortHarlow" not in _repair("en", camel)


def test_a_repeated_token_stays_where_the_page_writes_it_apart_only_a_few_times() -> None:
    """An identifier beside the words it is made of ("RowCount" and "row count"), or a
    name the page spells whole, is the page's word, not glue repeated."""
    page = _page("The row count of table {n} is stored next to the data.", 4,
                 "Read RowCount from field {n} before the loop.", 2)
    assert _repair("en", page) == page
    glued = _page("We passed the original gate {n} times.", 5, "The theoriginal tool {n} was unlisted.", 2)
    assert "theoriginal" in _repair("en", glued)
