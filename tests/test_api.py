"""The library API: clean, clean_document, Cleaner and its config."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import cleaner
from cleaner import Cleaner, CleanerConfig, Mode, clean, clean_document
from tests.conftest import SAMPLES

PAGES = sorted(p for p in SAMPLES.iterdir() if p.suffix == ".txt" and ".expected" not in p.name)


def test_clean_returns_text_and_clean_document_explains_it() -> None:
    page = (SAMPLES / "news_donation.txt").read_text(encoding="utf-8")
    result = clean_document(page)
    assert clean(page) == result.text
    assert len(result.blocks) == len(result.verdicts)
    kept = [b.text for b, v in zip(result.blocks, result.verdicts, strict=True) if v.keep]
    assert result.text == "\n\n".join(kept) + "\n"
    assert result.language == "en"


def test_result_serialises_to_json() -> None:
    result = clean_document((SAMPLES / "damaged_tokens.txt").read_text(encoding="utf-8"))
    payload = json.loads(result.to_json())
    assert payload["text"] == result.text
    assert len(payload["blocks"]) == len(result.blocks)
    assert {e["rule"] for e in payload["edits"]} == {
        "repair:invisible", "repair:mojibake", "repair:space", "repair:split"}
    for block in payload["blocks"]:
        assert set(block) >= {"index", "text", "start", "end", "action", "reason", "score"}


def test_block_offsets_point_into_the_input() -> None:
    page = "Home\r\nThe committee met on Thursday to discuss the proposal for the new bridge.\r\n"
    result = clean_document(page, chrome=False)
    unified = page.replace("\r\n", "\n")
    for block in result.blocks:
        assert unified[block.start:block.end] == block.text


def test_options_and_config_agree() -> None:
    config = CleanerConfig(mode=Mode.PRECISION, repair=False)
    assert Cleaner(config).config == Cleaner(mode="precision", repair=False).config
    assert Cleaner(config, mode="recall").config.mode is Mode.RECALL
    with pytest.raises(TypeError, match="unknown option"):
        Cleaner(colour="blue")
    with pytest.raises(ValueError):
        CleanerConfig(mode="aggressive")  # type: ignore[arg-type]


def test_config_is_frozen() -> None:
    config = CleanerConfig()
    with pytest.raises(AttributeError):
        config.mode = Mode.RECALL  # type: ignore[misc]


def test_cleaner_is_reusable_and_thread_safe() -> None:
    shared = Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in PAGES] * 4
    sequential = [shared.clean(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(shared.clean, texts))
    assert parallel == sequential


def test_results_do_not_depend_on_what_ran_before() -> None:
    page = (SAMPLES / "german_news.txt").read_text(encoding="utf-8")
    first = clean(page)
    for other in PAGES:
        clean(other.read_text(encoding="utf-8"))
    assert clean(page) == first


def test_public_names() -> None:
    assert set(cleaner.__all__) >= {"clean", "clean_document", "Cleaner", "CleanerConfig", "CleanResult"}


def test_blocks_are_set_apart_but_a_tables_rows_stay_together() -> None:
    from cleaner.pipeline import join_blocks

    rows = ["| Site | Side |", "|---|---|", "| Pier | North |"]
    kept = [(0, "Harbour repairs"), (1, rows[0]), (2, rows[1]), (3, rows[2]), (5, "| Slipway | East |"),
            (6, "Crews started work on Monday.")]
    assert join_blocks(kept) == (
        "Harbour repairs\n\n" + "\n".join(rows) + "\n\n"  # a dropped block between two rows
        "| Slipway | East |\n\nCrews started work on Monday.\n")
    assert join_blocks([]) == ""
    # a menu written with pipes is no table row
    assert join_blocks([(0, "Home | News | Sport"), (1, "About | Contact | Jobs")]) == (
        "Home | News | Sport\n\nAbout | Contact | Jobs\n")


def test_a_markdown_tables_rows_come_out_together() -> None:
    paragraph = ("The council set aside most of its spring budget for the work, and the harbour master "
                 "said that fishing boats will keep their moorings while the engineers replace the beams.")
    table = "| Site | Side | Work |\n|---|---|---|\n| Pier | North | Railing |\n| Slipway | East | Concrete |"
    out = clean(f"{paragraph}\n{table}\n{paragraph.replace('spring', 'autumn')}\n")
    assert f"{paragraph}\n\n{table}\n\n" in out
