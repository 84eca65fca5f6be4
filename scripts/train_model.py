"""Train the line classifier shipped in the package (``cleaner/data/line_model.json``).

Data: ``../shared/devdata`` (read from there, never copied). Readability pages are
labelled block by block against ``gold.txt``; trafilatura pages by their snippets
(a block holding a "with" snippet is content, one holding a "without" snippet chrome,
the rest unlabelled). Both text renderings are used. Pages are split into training and
validation by a stable hash of their name (``bench/boilerplate.py``'s split): only
training pages are seen here.

How each mode turns scores into decisions (a threshold, and the margin by which the
model must pass it to overrule the rules) is chosen on out-of-fold scores: the training
pages are cut into folds by a hash of their name, each fold is scored by a model
trained on the others, and the decisions are scored with the benchmark's own measures.
Then one model is trained on all training pages. Seeded: the same data gives the same
file.

    python scripts/train_model.py              # writes cleaner/data/line_model.json
    python scripts/train_model.py --out /tmp/model.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from boilerplate import DEVDATA, Score, in_split, pages  # noqa: E402

from cleaner.chrome.context import resolve  # noqa: E402
from cleaner.chrome.model import (  # noqa: E402
    HEADINGS,
    NAMED_CHROME,
    FloatArray,
    LineModel,
    decide,
    defers,
    train,
)
from cleaner.config import MODE_SETTINGS, Mode  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.train import Example, analyzed_page, label_against_clean, label_with_snippets, stack  # noqa: E402

OUT = REPO / "cleaner" / "data" / "line_model.json"
SNIPPET_WEIGHT = 4.0  # a few labels per page, but the ones the benchmark is about
#: chosen by an inner split of the training pages (two thirds train, one third check)
HIDDEN, L2, EPOCHS = 16, 1e-3, 150
FOLDS = 4
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.91, 0.05))
#: never 0: near its threshold the model leaves the decision to the rules
MARGINS = (0.1, 0.2, 0.3)
#: what the shipped model leaves to the rules: overruling a block a rule names gained
#: nothing on the training pages (and a site's counts are evidence one page cannot
#: outweigh); headings, because the readability gold leaves titles out and a model
#: learns to drop them, where users of a corpus want them kept
DEFERS_TO = frozenset({NAMED_CHROME, HEADINGS})

#: the precision mode keeps this much snippet recall on the training pages (the target
#: is 0.80; a little more leaves room for pages never seen)
PRECISION_MIN_RECALL = 0.82


@dataclass
class DevPage:
    collection: str
    name: str
    example: Example
    #: the rules' and the context pass's verdicts in each mode
    rules: dict[str, list[bool]]
    #: and whether the shipped model leaves each to them (``model.defers``)
    firm: dict[str, list[bool]]
    truth: dict[str, list[str]] | str


def _page(job: tuple[str, str, str]) -> DevPage:
    collection, folder, source = job
    page_dir = Path(folder)
    texts, page, rows = analyzed_page(Cleaner(input_format="text"),
                                      (page_dir / f"page.{source}.txt").read_text("utf-8"))
    verdicts = {mode.value: resolve(page.features, page.classes, page.reasons, MODE_SETTINGS[mode])
                for mode in Mode}
    rules = {mode: [v.keep for v in found] for mode, found in verdicts.items()}
    firm = {mode: [defers(DEFERS_TO, v, rule, block)
                   for v, rule, block in zip(found, page.reasons, page.features, strict=True)]
            for mode, found in verdicts.items()}
    if collection == "readability":
        gold = (page_dir / "gold.txt").read_text(encoding="utf-8")
        labels = label_against_clean(texts, gold)
        truth: dict[str, list[str]] | str = gold
    else:
        snippets = json.loads((page_dir / "snippets.json").read_text(encoding="utf-8"))
        labels = label_with_snippets(texts, snippets.get("with", []), snippets.get("without", []))
        truth = snippets
    example = Example(f"{collection}/{page_dir.name}:{source}", texts, rows, labels)
    return DevPage(collection, page_dir.name, example, rules, firm, truth)


def _fit(dev_pages: list[DevPage], seed: int, epochs: int) -> LineModel:
    read = [p.example for p in dev_pages if p.collection == "readability"]
    snip = [p.example for p in dev_pages if p.collection == "trafilatura"]
    xr, yr, wr = stack(read)
    # Bag-of-words scores weigh long blocks more; so does the loss (by sqrt of words).
    wr = wr * np.sqrt(np.expm1(xr[:, 0]) + 1) / 3
    xs, ys, ws = stack(snip, SNIPPET_WEIGHT)
    x, y, w = np.vstack([xr, xs]), np.concatenate([yr, ys]), np.concatenate([wr, ws])
    return train(x, y, w, seed=seed, epochs=epochs, hidden=HIDDEN, l2=L2)


def _fold(page: DevPage) -> int:
    # Both renderings of a page fall in the same fold.
    return int(hashlib.sha256(page.name.encode()).hexdigest(), 16) % FOLDS


def out_of_fold(dev_pages: list[DevPage], seed: int, epochs: int) -> list[FloatArray]:
    """Each page's scores from a model that never saw it."""
    scores: list[FloatArray] = [np.zeros(0)] * len(dev_pages)
    for fold in range(FOLDS):
        model = _fit([p for p in dev_pages if _fold(p) != fold], seed, epochs)
        for i, page in enumerate(dev_pages):
            if _fold(page) == fold:
                scores[i] = model.predict(page.example.rows)
    return scores


Figures = tuple[tuple[float, float, float], tuple[float, float, float]]


def score(dev_pages: list[DevPage], keeps: list[list[bool]]) -> Figures:
    readability, snippets = Score(), Score()
    for page, keep in zip(dev_pages, keeps, strict=True):
        text = "\n\n".join(t for t, k in zip(page.example.texts, keep, strict=True) if k)
        if page.collection == "readability":
            readability.add_readability(text, str(page.truth))
        else:
            snippets.add_snippets(text, page.truth)  # type: ignore[arg-type]
    return readability.readability_prf(), snippets.snippet_prf()


def choose_decisions(dev_pages: list[DevPage], scores: list[FloatArray]
                     ) -> tuple[dict[str, float], dict[str, float]]:
    """Per mode, the (threshold, margin) that serves it best on out-of-fold scores."""
    thresholds: dict[str, float] = {}
    margins: dict[str, float] = {}
    for mode in Mode:
        table: dict[tuple[float, float], Figures] = {}
        for threshold in THRESHOLDS:
            for margin in MARGINS:
                keeps = [[r if f else decide(float(p), r, threshold, margin)
                          for p, r, f in zip(s, page.rules[mode.value], page.firm[mode.value], strict=True)]
                         for page, s in zip(dev_pages, scores, strict=True)]
                table[threshold, margin] = score(dev_pages, keeps)
        rules = score(dev_pages, [page.rules[mode.value] for page in dev_pages])
        if mode is Mode.PRECISION:
            allowed = [k for k, (_, snip) in table.items() if snip[1] >= PRECISION_MIN_RECALL] or list(table)
            best = max(allowed, key=lambda k: (table[k][1][0], table[k][1][2]))
        elif mode is Mode.BALANCED:
            best = max(table, key=lambda k: table[k][0][2] + table[k][1][2])
        else:
            floor = rules[0][2] + rules[1][2] - 0.01
            allowed = [k for k, (read, snip) in table.items() if read[2] + snip[2] >= floor] or list(table)
            best = max(allowed, key=lambda k: table[k][0][1] + table[k][1][1])
        read, snip = table[best]
        print(f"{mode.value:9}: rules readability F1 {rules[0][2]:.3f}, snippets P/R/F1 "
              f"{rules[1][0]:.3f}/{rules[1][1]:.3f}/{rules[1][2]:.3f} -> threshold {best[0]:.2f} margin "
              f"{best[1]:.1f}: readability F1 {read[2]:.3f}, snippets "
              f"{snip[0]:.3f}/{snip[1]:.3f}/{snip[2]:.3f}")
        thresholds[mode.value], margins[mode.value] = best
    return thresholds, margins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--devdata", type=Path, default=DEVDATA)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.devdata.is_dir():
        sys.exit(f"no dev data at {args.devdata}")
    jobs = [(c, str(p.folder), source) for c in ("readability", "trafilatura")
            for p in pages(args.devdata, c) if in_split(f"{c}/{p.name}", "train") for source in ("r1", "r2")]
    with Pool(2) as pool:
        dev_pages = pool.map(_page, jobs, chunksize=8)
    labelled = sum(1 for p in dev_pages for label in p.example.labels if label is not None)
    print(f"training pages: {len(jobs) // 2} ({len(dev_pages)} renderings), {labelled} labelled blocks")
    print(f"out-of-fold scores ({FOLDS} folds), measured as bench/boilerplate.py does:")
    thresholds, margins = choose_decisions(dev_pages, out_of_fold(dev_pages, args.seed, args.epochs))
    model = _fit(dev_pages, args.seed, args.epochs).with_decisions(thresholds, margins, DEFERS_TO)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
