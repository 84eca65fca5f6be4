"""Train a line classifier on the dev pages (default output: ``bench/out/dev_model.json``).

Not shipped yet: on the validation pages it does not beat the rules clearly (see the
README's benchmark section); the script is how the next model will be built.

Data: ``../shared/devdata`` (read from there, never copied). Readability pages are
labelled block by block against ``gold.txt``; trafilatura pages by their snippets
(a block holding a "with" snippet is content, one holding a "without" snippet chrome,
the rest unlabelled). Both text renderings are used. Pages are split into training and
validation by a stable hash of their name (``bench/boilerplate.py``'s split): only
training pages are seen here, thresholds included. Seeded: the same data gives the
same file.

    python scripts/train_model.py
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from boilerplate import DEVDATA, Score, in_split, pages  # noqa: E402

from cleaner.chrome.model import LineModel, train  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.train import Example, label_against_clean, label_with_snippets, page_rows, stack  # noqa: E402

OUT = REPO / "bench" / "out" / "dev_model.json"
SNIPPET_WEIGHT = 4.0  # a few labels per page, but the ones the benchmark is about
#: chosen by an inner split of the training pages (two thirds train, one third check)
HIDDEN, L2, EPOCHS = 16, 1e-3, 150


def _example(job: tuple[str, str, str]) -> tuple[str, Example, dict[str, list[str]] | str]:
    collection, folder, source = job
    page_dir = Path(folder)
    cleaner = Cleaner(input_format="text")
    texts, rows = page_rows(cleaner, (page_dir / f"page.{source}.txt").read_text(encoding="utf-8"))
    if collection == "readability":
        gold = (page_dir / "gold.txt").read_text(encoding="utf-8")
        labels = label_against_clean(texts, gold)
        truth: dict[str, list[str]] | str = gold
    else:
        snippets = json.loads((page_dir / "snippets.json").read_text(encoding="utf-8"))
        labels = label_with_snippets(texts, snippets.get("with", []), snippets.get("without", []))
        truth = snippets
    return collection, Example(f"{collection}/{page_dir.name}:{source}", texts, rows, labels), truth


def _score(examples: list[tuple[str, Example, object]], probabilities: list[np.ndarray],
           threshold: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    readability, snippets = Score(), Score()
    for (collection, example, truth), probs in zip(examples, probabilities, strict=True):
        text = "\n\n".join(t for t, p in zip(example.texts, probs, strict=True) if p >= threshold)
        if collection == "readability":
            readability.add_readability(text, str(truth))
        else:
            snippets.add_snippets(text, truth)  # type: ignore[arg-type]
    return readability.readability_prf(), snippets.snippet_prf()


def choose_thresholds(examples: list[tuple[str, Example, object]], model: LineModel) -> dict[str, float]:
    probabilities = [model.predict(example.rows) for _, example, _ in examples]
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.05)]
    table = {t: _score(examples, probabilities, t) for t in grid}
    for t, (read, snip) in table.items():
        print(f"  threshold {t:.2f}: readability F1 {read[2]:.3f}  snippets P {snip[0]:.3f} "
              f"R {snip[1]:.3f} F1 {snip[2]:.3f}")
    balanced = max(grid, key=lambda t: table[t][0][2] + table[t][1][2])
    precise = [t for t in grid if table[t][1][0] >= 0.95 and table[t][1][1] >= 0.80]
    precision = min(precise) if precise else max(grid, key=lambda t: table[t][1][0] * (table[t][1][1] >= 0.8))
    recall = max(t for t in grid if t <= balanced and table[t][1][1] >= table[balanced][1][1] + 0.02) \
        if any(t <= balanced and table[t][1][1] >= table[balanced][1][1] + 0.02 for t in grid) else \
        max(0.05, balanced - 0.2)
    return {"precision": float(max(precision, balanced)), "balanced": float(balanced),
            "recall": float(min(recall, balanced))}


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
        examples = pool.map(_example, jobs, chunksize=8)
    read = [e for c, e, _ in examples if c == "readability"]
    snip = [e for c, e, _ in examples if c == "trafilatura"]
    xr, yr, wr = stack(read)
    # Bag-of-words scores weigh long blocks more; so does the loss (by sqrt of words).
    wr = wr * np.sqrt(np.expm1(xr[:, 0]) + 1) / 3
    xs, ys, ws = stack(snip, SNIPPET_WEIGHT)
    x, y, w = np.vstack([xr, xs]), np.concatenate([yr, ys]), np.concatenate([wr, ws])
    print(f"training pages: {len(read) // 2} readability, {len(snip) // 2} trafilatura; "
          f"labelled blocks: {len(yr)} + {len(ys)} ({y.mean():.1%} content)")
    model = train(x, y, w, seed=args.seed, epochs=args.epochs, hidden=HIDDEN, l2=L2)
    thresholds = choose_thresholds(examples, model)
    model = LineModel(model.mean, model.scale, model.hidden_weights, model.hidden_bias,
                      model.output_weights, model.output_bias, thresholds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"thresholds {thresholds}; wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
