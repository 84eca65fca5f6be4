"""Score chrome removal on the dev pages in ``../shared/devdata``.

For ``readability/*``: bag-of-words precision, recall and F1 against ``gold.txt``
(lower-cased ``\\w+`` tokens, multiset overlap; precision averaged over pages with
non-empty output, recall over all pages, F1 the harmonic mean of the two averages).
For ``trafilatura/*``: snippet precision, recall and F1 pooled over all pages (a
"with" snippet found in the output is a true positive, a missed one a false negative,
a "without" snippet found a false positive; whitespace collapsed and NFC on both sides).

One table per input: each text rendering (``page.r1.txt``, ``page.r2.txt``) and the
HTML (``page.html.gz``), plus reference systems on the same pages.

    python bench/boilerplate.py                       # text renderings, balanced mode
    python bench/boilerplate.py --html --mode precision
    python bench/boilerplate.py --systems keep-all,cleaner
    python bench/boilerplate.py --split validation --bootstrap 2000   # and 95% intervals
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner import Cleaner, CleanerConfig, chrome
from cleaner.chrome.model import RULES_ONLY, LineModel
from cleaner.normalize import folded

DEVDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "devdata"
TOKEN_RE = re.compile(r"\w+")
SPACE_RE = re.compile(r"\s+")


@dataclass
class Page:
    collection: str
    name: str
    folder: Path

    def read(self, source: str) -> str:
        if source == "html":
            with gzip.open(self.folder / "page.html.gz", "rt", encoding="utf-8") as fh:
                return fh.read()
        return (self.folder / f"page.{source}.txt").read_text(encoding="utf-8")


def pages(devdata: Path, collection: str) -> list[Page]:
    root = devdata / collection
    return [Page(collection, p.name, p) for p in sorted(root.iterdir()) if p.is_dir()]


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in TOKEN_RE.findall(text))


def squash(text: str) -> str:
    """Without invisible characters (a snippet written with soft hyphens matches an
    output without them, and the other way round), whitespace collapsed."""
    return folded(text)


@dataclass
class Score:
    bow_precisions: list[float] = field(default_factory=list)
    bow_recalls: list[float] = field(default_factory=list)
    #: each page's own figures, in the order scored, for resampling (``bootstrap``): a
    #: readability page's precision (None for an empty output) and recall, a trafilatura
    #: page's true positives, false positives and false negatives
    readability_pages: list[tuple[float | None, float]] = field(default_factory=list)
    snippet_pages: list[tuple[int, int, int]] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    chars: int = 0
    seconds: float = 0.0
    pages: int = 0

    def add_readability(self, output: str, gold: str) -> None:
        self.add_readability_tokens(tokens(output), tokens(gold))

    def add_readability_tokens(self, out: Counter[str], ref: Counter[str]) -> None:
        """``add_readability`` for texts already counted by ``tokens``."""
        overlap = sum((out & ref).values())
        precision = overlap / sum(out.values()) if out else None
        recall = overlap / sum(ref.values()) if ref else 1.0
        if precision is not None:
            self.bow_precisions.append(precision)
        self.bow_recalls.append(recall)
        self.readability_pages.append((precision, recall))

    def add_snippets(self, output: str, snippets: dict[str, list[str]]) -> None:
        self.add_snippets_squashed(squash(output), snippets)

    def add_snippets_squashed(self, text: str, snippets: dict[str, list[str]]) -> None:
        """``add_snippets`` for an output already ``squash``ed."""
        found = [squash(snippet) in text for snippet in snippets.get("with", [])]
        tp, fn = sum(found), len(found) - sum(found)
        fp = sum(1 for snippet in snippets.get("without", []) if squash(snippet) in text)
        self.tp += tp
        self.fn += fn
        self.fp += fp
        self.snippet_pages.append((tp, fp, fn))

    def readability_prf(self) -> tuple[float, float, float]:
        p = sum(self.bow_precisions) / len(self.bow_precisions) if self.bow_precisions else 0.0
        r = sum(self.bow_recalls) / len(self.bow_recalls) if self.bow_recalls else 0.0
        return p, r, _f1(p, r)

    def snippet_prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, _f1(p, r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def resample(score: Score, readability: list[int], snippets: list[int]) -> Score:
    """The score of the pages drawn (by their index in the order scored, repeats allowed)."""
    drawn = Score()
    for i in readability:
        precision, recall = score.readability_pages[i]
        if precision is not None:
            drawn.bow_precisions.append(precision)
        drawn.bow_recalls.append(recall)
    for i in snippets:
        tp, fp, fn = score.snippet_pages[i]
        drawn.tp, drawn.fp, drawn.fn = drawn.tp + tp, drawn.fp + fp, drawn.fn + fn
    return drawn


#: the interval printed: the middle 95% of the resampled figures
INTERVAL = (0.025, 0.975)


#: what ``bootstrap`` reads of each system on each draw, in this order
DRAWN = ("read F1", "snip P", "snip R", "snip F1")


def bootstrap(scores: list[tuple[Score, Score]], rounds: int, seed: int
              ) -> list[list[tuple[float, ...]]]:
    """Each system's figures named in ``DRAWN`` over ``rounds`` draws of the pages (with
    replacement, as many as were scored), one list per draw.

    Every system is scored on the same draw, so the spread of a difference between two
    systems is read from the same draws (a paired bootstrap): which pages happen to be in
    the validation split moves both systems together."""
    rng = random.Random(seed)
    n_read = len(scores[0][0].readability_pages)
    n_snip = len(scores[0][1].snippet_pages)
    if any(len(r.readability_pages) != n_read or len(s.snippet_pages) != n_snip for r, s in scores):
        raise ValueError("every system must be scored on the same pages")
    draws: list[list[tuple[float, ...]]] = []
    for _ in range(rounds):
        read_pages = [rng.randrange(n_read) for _ in range(n_read)]
        snip_pages = [rng.randrange(n_snip) for _ in range(n_snip)]
        draws.append([(resample(r, read_pages, []).readability_prf()[2],
                       *resample(s, [], snip_pages).snippet_prf()) for r, s in scores])
    return draws


def interval(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    last = len(ordered) - 1
    return ordered[round(INTERVAL[0] * last)], ordered[round(INTERVAL[1] * last)]


System = Callable[[str, str], str]


class StageClock:
    """Seconds spent inside the chrome stage (rules, context pass, model), measured by
    wrapping ``cleaner.chrome.classify``, which the pipeline looks up at each call; and
    inside the trained line model alone (its feature rows and inference), when one is used."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.model_seconds = 0.0
        self.classify = self._timed(chrome.classify, "seconds")
        chrome.classify = self.classify  # type: ignore[assignment]
        chrome.page_features = self._timed(chrome.page_features, "model_seconds")  # type: ignore[attr-defined]
        LineModel.predict = self._timed(LineModel.predict, "model_seconds")  # type: ignore[method-assign]

    def _timed(self, function: Callable[..., Any], counter: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                setattr(self, counter, getattr(self, counter) + time.perf_counter() - started)

        return timed

    def take(self) -> tuple[float, float]:
        """(chrome stage, line model) seconds since the last call."""
        taken = (self.seconds, self.model_seconds)
        self.seconds = self.model_seconds = 0.0
        return taken


def make_systems(names: list[str], config: CleanerConfig, model: str = RULES_ONLY) -> dict[str, System]:
    cleaner_text = Cleaner(config.replace(input_format="text"), model=model)
    cleaner_html = Cleaner(config.replace(input_format="html"), model=model)
    available: dict[str, System] = {
        "keep-all": lambda text, source: text,
        "cleaner": lambda text, source: (cleaner_html if source == "html" else cleaner_text).clean(text),
        "trafilatura": _trafilatura_extract,
    }
    unknown = [n for n in names if n not in available]
    if unknown:
        sys.exit(f"unknown system(s): {', '.join(unknown)}; choose from {', '.join(available)}")
    return {n: available[n] for n in names}


def _trafilatura_extract(text: str, source: str) -> str:
    if source != "html":
        return text  # trafilatura needs markup; on plain text it has nothing to go on
    import trafilatura

    return trafilatura.extract(text, output_format="txt", include_comments=False) or ""


def in_split(name: str, split: str) -> bool:
    """Stable train/validation split by a hash of the page name (used from issue 3 on)."""
    if split == "all":
        return True
    import hashlib

    bucket = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 10
    return (bucket < 3) == (split == "validation")


def warm_up(collections: dict[str, list[Page]], source: str) -> None:
    """Load the word lists of every language on these pages: start-up work, not cleaning."""
    from cleaner.lexicon import detect_language, load_bigrams, load_lexicon

    for page in (p for pages_ in collections.values() for p in pages_):
        language = detect_language(page.read(source).splitlines())
        if language and load_lexicon(language) is not None:
            load_bigrams(language)


def run(devdata: Path, sources: list[str], systems: dict[str, System], split: str,
        limit: int | None) -> Iterator[tuple[str, str, Score, Score]]:
    collections = {c: [p for p in pages(devdata, c) if in_split(f"{c}/{p.name}", split)][:limit]
                   for c in ("readability", "trafilatura")}
    if "cleaner" in systems:
        warm_up(collections, sources[0] if sources[0] != "html" else "r1")
    for source in sources:
        for system_name, system in systems.items():
            if system_name == "trafilatura" and source != "html":
                continue
            read_score, snip_score = Score(), Score()
            for collection, score in (("readability", read_score), ("trafilatura", snip_score)):
                for page in collections[collection]:
                    text = page.read(source)
                    started = time.perf_counter()
                    output = system(text, source)
                    score.seconds += time.perf_counter() - started
                    score.chars += len(text.encode("utf-8"))
                    score.pages += 1
                    if collection == "readability":
                        gold = (page.folder / "gold.txt").read_text(encoding="utf-8")
                        score.add_readability(output, gold)
                    else:
                        snippets = json.loads((page.folder / "snippets.json").read_text("utf-8"))
                        score.add_snippets(output, snippets)
            yield source, system_name, read_score, snip_score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--devdata", type=Path, default=DEVDATA)
    parser.add_argument("--mode", default="balanced", choices=["precision", "balanced", "recall"])
    parser.add_argument("--sources", default="r1,r2", help="comma list of r1, r2, html")
    parser.add_argument("--html", action="store_true", help="add the HTML source")
    parser.add_argument("--systems", default="keep-all,cleaner",
                        help="comma list of keep-all, cleaner, trafilatura (HTML only)")
    parser.add_argument("--split", default="all", choices=["all", "train", "validation"])
    parser.add_argument("--limit", type=int, default=None, help="pages per collection")
    parser.add_argument("--no-repair", action="store_true", help="score chrome removal alone")
    parser.add_argument("--model", default=RULES_ONLY,
                        help="line classifier: none (rules only), builtin, or a file from `cleaner train`")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="ROUNDS",
                        help="also print 95%% intervals of each F1, and of the cleaner's lead over the "
                             "other systems, from ROUNDS draws of the pages with replacement")
    parser.add_argument("--seed", type=int, default=13, help="seed of the --bootstrap draws")
    args = parser.parse_args()
    if not args.devdata.is_dir():
        sys.exit(f"no dev data at {args.devdata}")
    sources = [s for s in args.sources.split(",") if s]
    if args.html and "html" not in sources:
        sources.append("html")
    config = CleanerConfig(mode=args.mode, repair=not args.no_repair)
    systems = make_systems(args.systems.split(","), config, args.model)
    clock = StageClock()

    print(f"mode={args.mode} split={args.split} repair={not args.no_repair}")
    header = (f"{'source':6} {'system':12} | {'read P':>6} {'read R':>6} {'read F1':>7} | "
              f"{'snip P':>6} {'snip R':>6} {'snip F1':>7} | {'MB/s':>6}")
    print(header)
    print("-" * len(header))
    rows: list[tuple[str, str, Score, Score]] = []
    for source, name, read_score, snip_score in run(args.devdata, sources, systems, args.split,
                                                     args.limit):
        rows.append((source, name, read_score, snip_score))
        chrome_seconds, model_seconds = clock.take()
        rp, rr, rf = read_score.readability_prf()
        sp, sr, sf = snip_score.snippet_prf()
        seconds = read_score.seconds + snip_score.seconds
        mbps = (read_score.chars + snip_score.chars) / 1e6 / seconds if seconds else 0.0
        share = ""
        if name == "cleaner" and seconds:
            share = f"  chrome stage {chrome_seconds / seconds:.0%} of the time"
            if args.model != RULES_ONLY:
                share += f", line model {model_seconds / seconds:.0%}"
        print(f"{source:6} {name:12} | {rp:6.3f} {rr:6.3f} {rf:7.3f} | "
              f"{sp:6.3f} {sr:6.3f} {sf:7.3f} | {mbps:6.2f}{share}", flush=True)
    if args.bootstrap > 0 and rows:
        print_intervals(rows, args.bootstrap, args.seed)


def print_intervals(rows: list[tuple[str, str, Score, Score]], rounds: int, seed: int) -> None:
    draws = bootstrap([(r, s) for _, _, r, s in rows], rounds, seed)
    print(f"\n95% intervals over {rounds} draws of the pages (seed {seed}):")
    print(f"{'source':6} {'system':24} | " + " | ".join(f"{name:>15}" for name in DRAWN))
    for k, (source, name, _, _) in enumerate(rows):
        spans = [interval([draw[k][m] for draw in draws]) for m in range(len(DRAWN))]
        print(f"{source:6} {name:24} | " + " | ".join(f"{lo:6.3f} - {hi:6.3f}" for lo, hi in spans))
    for k, (source, name, _, _) in enumerate(rows):
        if name != "cleaner":
            continue
        for j, (other_source, other, _, _) in enumerate(rows):
            if other_source != source or j == k:
                continue
            spans = [interval([draw[k][m] - draw[j][m] for draw in draws]) for m in range(len(DRAWN))]
            print(f"{source:6} {'cleaner - ' + other:24} | "
                  + " | ".join(f"{lo:+6.3f} - {hi:+6.3f}" for lo, hi in spans))


if __name__ == "__main__":
    main()
