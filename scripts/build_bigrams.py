"""Build ``cleaner/data/bigrams_en.tsv.gz``: English word-pair statistics for repair.

Source: the unigram and bigram counts that the ``wordsegment`` package ships (web
text counts, Apache-2.0). Each line is ``w1 w2<TAB>log10 P(w2 | w1)``; the repair stage
uses them to compare "nu clear" with "nuclear" and "ofthe" with "of the" in context.
Run: ``pip install wordsegment && python scripts/build_bigrams.py`` (deterministic).
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "bigrams_en.tsv.gz"


def _counts(name: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    text = (files("wordsegment") / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, value = line.rpartition("\t")
        if key:
            counts[key] += int(value)  # the source lists a few pairs twice
    return counts


def main() -> None:
    unigrams = _counts("unigrams.txt")
    bigrams = _counts("bigrams.txt")
    rows = []
    for pair, count in bigrams.items():
        first, _, second = pair.partition(" ")
        if not (first.isalpha() and second.isalpha()) or unigrams[first] == 0:
            continue
        rows.append(f"{pair}\t{math.log10(min(1.0, count / unigrams[first])):.2f}")
    rows.sort()
    # mtime=0 keeps the gzip bytes identical from run to run
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:
        handle.write(("\n".join(rows) + "\n").encode("utf-8"))
    print(f"wrote {OUT} ({len(rows)} pairs, {OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
