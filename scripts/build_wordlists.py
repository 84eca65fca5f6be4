"""Build ``cleaner/data/stopwords.json`` from the wordfreq package.

The file holds, for every language wordfreq knows, its most frequent words. The
chrome stage uses them as a stopword share (prose is full of them, menus are not)
and language detection uses them to pick which frequency list repair may trust.
Run: ``python scripts/build_wordlists.py`` (deterministic: same wordfreq, same file).
"""

from __future__ import annotations

import json
from pathlib import Path

import wordfreq

TOP_N = 120
OUT = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "stopwords.json"


def main() -> None:
    languages = sorted(wordfreq.available_languages("best"))
    table: dict[str, list[str]] = {}
    for lang in languages:
        words = [w for w in wordfreq.top_n_list(lang, TOP_N * 2) if any(c.isalpha() for c in w)]
        table[lang] = words[:TOP_N]
    payload = {"source": f"wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else ''}",
               "top_n": TOP_N, "languages": table}
    OUT.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(table)} languages)")


if __name__ == "__main__":
    main()
