"""Training the line classifier: labels from examples, features from the pipeline.

Examples are pages with what they should become: a page text and its clean text
(``cleaner train``), a gold article text, or snippets known to belong to the article
or to its chrome. Each block of the page is labelled by whether its text is found in
the clean text; blocks that cannot be told are left out of training.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cleaner import chrome
from cleaner.chrome.lexical import (
    LabelledBlock,
    block_words,
    cross_fitted_lexicons,
    learn_lexicon,
    lexical_columns,
)
from cleaner.chrome.model import LEXICAL_COLUMNS, FloatArray, LineModel, page_features, train
from cleaner.io import CleanerError
from cleaner.pipeline import Cleaner

_SPACE_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\w+")


def squash(text: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class Example:
    """One page, its block texts and features, and a label (1, 0 or None) per block."""

    name: str
    texts: list[str]
    rows: FloatArray
    labels: list[int | None]


#: a block this long found inside a line of the clean text is held by it
HELD_INSIDE_MIN_CHARS = 40


class _CleanLines:
    """A clean text's lines, to ask whether it holds a block (squashed)."""

    def __init__(self, clean: str) -> None:
        squashed = [squash(line) for line in clean.splitlines() if line.strip()]
        self.lines = set(squashed)
        self.whole = " ".join(squashed)

    def holds(self, block: str) -> bool:
        """As a line of its own, or inside one when long enough to say so."""
        return block in self.lines or (len(block) >= HELD_INSIDE_MIN_CHARS and block in self.whole)

    def holds_as_words(self, block: str) -> bool:
        """Anywhere, as whole words."""
        return f" {block} " in f" {self.whole} "


def label_against_clean(texts: list[str], clean: str) -> list[int | None]:
    """1 for blocks the clean text keeps, 0 for blocks it drops, None when unsure."""
    held = _CleanLines(clean)
    vocabulary = Counter(t.lower() for t in _TOKEN_RE.findall(clean))
    labels: list[int | None] = []
    for text in texts:
        block = squash(text)
        tokens = [t.lower() for t in _TOKEN_RE.findall(block)]
        if not tokens:
            labels.append(None)
        elif held.holds(block):
            labels.append(1)
        else:
            share = sum(1 for t in tokens if t in vocabulary) / len(tokens)
            if share <= 0.3 or (len(tokens) < 8 and not held.holds_as_words(block)):
                labels.append(0)
            elif share >= 0.9 and len(tokens) >= 8:
                labels.append(1)
            else:
                labels.append(None)
    return labels


def label_as_extracted(texts: list[str], extracted: str) -> list[int | None]:
    """An extractor's choice as labels: 1 for a block its output holds (``_CleanLines``),
    0 for one it leaves out; None for a short block it holds only inside other text,
    which says nothing."""
    held = _CleanLines(extracted)
    labels: list[int | None] = []
    for text in texts:
        block = squash(text)
        if not block:
            labels.append(None)
        elif held.holds(block):
            labels.append(1)
        elif len(block) < 15 and held.holds_as_words(block):
            labels.append(None)
        else:
            labels.append(0)
    return labels


def label_with_snippets(texts: list[str], inside: Iterable[str], outside: Iterable[str]) -> list[int | None]:
    """1 for blocks holding a snippet of the article, 0 for blocks holding chrome."""
    keep = [squash(s) for s in inside]
    drop = [squash(s) for s in outside]
    labels: list[int | None] = []
    for text in texts:
        block = squash(text)
        good = any(s in block for s in keep)
        bad = any(s in block for s in drop)
        labels.append(1 if good and not bad else 0 if bad and not good else None)
    return labels


def analyzed_page(cleaner: Cleaner, raw: str) -> tuple[list[str], chrome.PageAnalysis, FloatArray]:
    """A page's block texts, what the rules make of them, and the model's feature rows."""
    prepared = cleaner.prepare(raw)
    page = chrome.analyze(prepared.texts, prepared.language)
    return prepared.texts, page, page_features(page.features, page.classes, page.heuristic, page.stopwords)


def page_rows(cleaner: Cleaner, raw: str) -> tuple[list[str], FloatArray]:
    texts, _, rows = analyzed_page(cleaner, raw)
    return texts, rows


def example_from_pair(cleaner: Cleaner, name: str, raw: str, clean: str) -> Example:
    texts, rows = page_rows(cleaner, raw)
    return Example(name, texts, rows, label_against_clean(texts, clean))


def read_examples(source: Path) -> Iterator[tuple[str, str, str]]:
    """(name, raw, clean) from a folder of NAME.raw.txt + NAME.clean.txt, or JSONL."""
    if source.is_dir():
        raws = sorted(source.rglob("*.raw.txt"))
        if not raws:
            raise CleanerError(f"{source}: no NAME.raw.txt files (each needs a NAME.clean.txt)")
        for raw in raws:
            clean = raw.with_name(raw.name.removesuffix(".raw.txt") + ".clean.txt")
            if not clean.exists():
                raise CleanerError(f"{raw}: no matching {clean.name}")
            yield raw.name.removesuffix(".raw.txt"), raw.read_text("utf-8"), clean.read_text("utf-8")
        return
    if not source.exists():
        raise CleanerError(f"{source}: no such file or folder")
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CleanerError(f"{source}:{number}: not JSON ({exc.msg})") from None
            except (ValueError, RecursionError):  # a number of 4,300+ digits, deep nesting
                raise CleanerError(f"{source}:{number}: not JSON (too long a number or too deep)") from None
            if not isinstance(record, dict) or not isinstance(record.get("raw"), str) \
                    or not isinstance(record.get("clean"), str):
                raise CleanerError(f"{source}:{number}: needs string fields 'raw' and 'clean'")
            yield str(record.get("id", number)), record["raw"], record["clean"]


def stack(examples: list[Example], weight: float = 1.0) -> tuple[FloatArray, np.ndarray, FloatArray]:
    rows, labels = [], []
    for example in examples:
        for row, label in zip(example.rows, example.labels, strict=True):
            if label is not None:
                rows.append(row)
                labels.append(label)
    x = np.asarray(rows, dtype=np.float64).reshape(len(rows), -1)
    return x, np.asarray(labels, dtype=np.int8), np.full(len(labels), weight)


def labelled_blocks(example: Example, page: str | None = None, weight: float = 1.0,
                    labels: list[int | None] | None = None) -> list[LabelledBlock]:
    """The labelled blocks of an example (or ``labels`` of its blocks) for learning a lexicon."""
    return [LabelledBlock(page or example.name, block_words(text), label, weight)
            for text, label in zip(example.texts, example.labels if labels is None else labels, strict=True)
            if label is not None]


def with_lexicon(example: Example, lexicon: Mapping[str, float]) -> Example:
    """The example with its rows' lexical features read against ``lexicon``."""
    rows = np.array(example.rows, dtype=np.float64)
    rows[:, LEXICAL_COLUMNS] = lexical_columns([block_words(text) for text in example.texts], lexicon)
    return Example(example.name, example.texts, rows, example.labels)


#: folds of the examples for the lexicon each one's features are read against
LEXICON_FOLDS = 4


def fit(examples: list[Example], *, seed: int = 7, epochs: int = 400,
        thresholds: dict[str, float] | None = None) -> LineModel:
    """A model and its lexicon. Each example's lexical features are read against a
    lexicon learned without it (``cross_fitted_lexicons``); the model ships the lexicon
    of all examples."""
    blocks = [labelled_blocks(example) for example in examples]
    folds = [i % LEXICON_FOLDS for i in range(len(examples))]
    lexicons = cross_fitted_lexicons(blocks, folds)
    x, y, w = stack([with_lexicon(example, lexicon)
                     for example, lexicon in zip(examples, lexicons, strict=True)])
    if len(y) < 10 or len(set(y.tolist())) < 2:
        raise CleanerError("not enough labelled blocks to train on (need kept and dropped blocks)")
    model = train(x, y, w, seed=seed, epochs=epochs, thresholds=thresholds)
    return model.with_lexicon(learn_lexicon(block for page in blocks for block in page))
