"""The lexicon of chrome's words: what it learns, the features it gives, and its use in training."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from cleaner import Cleaner
from cleaner.chrome import classify
from cleaner.chrome.lexical import (
    LEXICAL_FEATURES,
    LabelledBlock,
    cross_fitted_lexicons,
    learn_lexicon,
    lexical_columns,
)
from cleaner.chrome.model import LineModel, builtin_model
from cleaner.config import Mode
from cleaner.train import Example, fit, labelled_blocks, page_rows, with_lexicon
from tests.conftest import run_cli


def _blocks(word: str, label: int, pages: int, start: int = 0) -> list[LabelledBlock]:
    return [LabelledBlock(f"page{start + i}", ["the", word], label) for i in range(pages)]


def test_a_word_of_chrome_on_enough_pages_counts_for_chrome_and_one_sites_word_not() -> None:
    blocks = (_blocks("subscribe", 0, 6) + _blocks("river", 1, 6) + _blocks("river", 1, 6, start=10)
              + _blocks("acmeshop", 0, 4))
    lexicon = learn_lexicon(blocks, min_pages=5)
    assert lexicon["subscribe"] > 0 > lexicon["river"]
    assert "acmeshop" not in lexicon  # four pages: one site's name, not a word of chrome
    assert "acmeshop" in learn_lexicon(blocks, min_pages=4)
    # "the" is everywhere, chrome and content alike in proportion: next to no evidence
    assert abs(lexicon["the"]) < min(abs(lexicon["subscribe"]), abs(lexicon["river"]))
    assert learn_lexicon(_blocks("river", 1, 6)) == {}  # no chrome at all: nothing to tell apart


def test_lexical_columns_read_a_block_and_its_neighbours() -> None:
    lexicon = {"menu": 2.0, "login": 1.0, "river": -1.0}
    columns = lexical_columns([["menu", "login", "home"], ["river", "river"], ["unknown"]], lexicon)
    assert columns.shape == (3, len(LEXICAL_FEATURES))
    assert columns[0].tolist() == [1.5, 2.0, 1.0, 2 / 3, 0.0, -1.0]
    assert columns[1].tolist() == [-1.0, -1.0, -1.0, 1.0, 1.5, 0.0]
    assert columns[2].tolist() == [0.0, 0.0, 0.0, 0.0, -1.0, 0.0]
    assert not lexical_columns([["menu"]], {}).any()


def test_each_page_reads_a_lexicon_learned_without_its_fold() -> None:
    pages = [_blocks("menu", 0, 1, start=i) + _blocks("river", 1, 1, start=i) for i in range(12)]
    folds = [i % 3 for i in range(12)]
    lexicons = cross_fitted_lexicons(pages, folds, min_pages=2)
    assert all("menu" in lexicon for lexicon in lexicons)
    only_fold_zero = [page + ([LabelledBlock(page[0].page, ["ticker"], 0)] if fold == 0 else [])
                      for page, fold in zip(pages, folds, strict=True)]
    lexicons = cross_fitted_lexicons(only_fold_zero, folds, min_pages=2)
    assert not any("ticker" in lexicon for lexicon, fold in zip(lexicons, folds, strict=True) if fold == 0)
    assert all("ticker" in lexicon for lexicon, fold in zip(lexicons, folds, strict=True) if fold != 0)


def _invented(rng: random.Random) -> list[str]:
    """Five made-up words of eight letters."""
    return ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4)) for _ in range(5)]


#: a template's words, which no rule names, shaped like the paragraphs' words
CHROME_WORDS = _invented(random.Random(0)) + _invented(random.Random(1))


#: the words of the sentence frame every block shares
FRAME_WORDS = ("the", "and", "were", "discussed", "in", "meeting", "on", "monday")


def _sentence(rng: random.Random, words: list[str]) -> str:
    """A sentence of the same shape whatever its words: chrome and content look alike."""
    chosen = [rng.choice(words) for _ in range(12)]
    return ("The " + " and the ".join(" ".join(chosen[i:i + 3]) for i in range(0, 12, 3))
            + " were discussed in the meeting on Monday.")


def _page(rng: random.Random) -> tuple[list[str], list[int]]:
    # Each paragraph has subject words of its own, found on no other page and in no other
    # paragraph: neither the page's topic nor any lexicon tells it from the template's.
    blocks = [(_sentence(rng, _invented(rng)), 1) for _ in range(6)]
    blocks.append((_sentence(rng, rng.sample(CHROME_WORDS, 5)), 0))
    rng.shuffle(blocks)
    return [text for text, _ in blocks], [label for _, label in blocks]


def _examples(cleaner: Cleaner) -> list[Example]:
    rng = random.Random(11)
    examples = []
    for number in range(24):
        texts, labels = _page(rng)
        found, rows = page_rows(cleaner, "\n".join(texts) + "\n")
        assert found == texts
        examples.append(Example(f"p{number}", texts, rows, list(labels)))
    return examples


def test_a_model_learns_chrome_by_its_words_where_nothing_else_tells(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cleaner = Cleaner(language="en", repair=False)
    examples = _examples(cleaner)
    model = fit(examples, epochs=300)
    assert all(model.lexicon[word] > 0 for word in CHROME_WORDS)
    assert set(model.lexicon) <= {*CHROME_WORDS, *FRAME_WORDS}

    texts, labels = _page(random.Random(99))  # a page the model never saw
    scores = [v.score for v in classify(texts, "en", Mode.BALANCED, model=model)]
    chrome_score = scores[labels.index(0)]
    content_scores = [s for s, label in zip(scores, labels, strict=True) if label == 1]
    assert chrome_score < 0.5 < min(content_scores)

    # Trained the same way without a lexicon, a model cannot tell the template's sentence apart.
    monkeypatch.setattr("cleaner.train.cross_fitted_lexicons", lambda pages, folds: [{} for _ in pages])
    monkeypatch.setattr("cleaner.train.learn_lexicon", lambda blocks: {})
    blind = fit(examples, epochs=300)
    blind_scores = [v.score for v in classify(texts, "en", Mode.BALANCED, model=blind)]
    assert blind_scores[labels.index(0)] > chrome_score + 0.3

    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    loaded = LineModel.load(path)
    assert dict(loaded.lexicon) == dict(model.lexicon)
    assert np.allclose(loaded.predict(with_lexicon(examples[0], loaded.lexicon).rows),
                       model.predict(with_lexicon(examples[0], model.lexicon).rows), atol=1e-4)


def test_labelled_blocks_take_other_labels_and_weights() -> None:
    example = Example("p", ["Menu Home", "A river runs."], np.zeros((2, 1)), [0, None])
    assert [b.words for b in labelled_blocks(example)] == [["menu", "home"]]
    silver = labelled_blocks(example, "site/page", 0.5, [None, 1])
    assert [(b.page, b.words, b.label, b.weight) for b in silver] == [
        ("site/page", ["a", "river", "runs"], 1, 0.5)]


@pytest.mark.parametrize("lexicon", ['"words"', '{"menu": "high"}', '[["menu", 1]]'])
def test_a_model_file_with_a_broken_lexicon_is_refused(tmp_path: Path, lexicon: str) -> None:
    payload = json.loads(builtin_model().to_json())
    payload["lexicon"] = json.loads(lexicon)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    result = run_cli("--model", str(path), input_text="text")
    assert result.returncode == 1 and b"lexicon" in result.stderr and b"Traceback" not in result.stderr
