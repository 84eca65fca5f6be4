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


def _traditional_forms(words: list[str]) -> set[str]:
    """Every traditional spelling of ``words`` in wordfreq's own character mapping."""
    import gzip
    from importlib.resources import files

    import msgpack

    with (files("wordfreq") / "data" / "_chinese_mapping.msgpack.gz").open("rb") as raw:
        to_simplified: dict[int, str] = msgpack.unpackb(gzip.decompress(raw.read()), raw=False,
                                                        strict_map_key=False)
    to_traditional: dict[str, list[str]] = {}
    for code, simplified in to_simplified.items():
        to_traditional.setdefault(simplified, []).append(chr(code))
    forms: set[str] = set()
    for word in words:
        variants = [""]
        for char in word:
            variants = [v + c for v in variants for c in [char, *to_traditional.get(char, [])]]
        forms.update(variants[:8])  # a word of several characters: a few spellings are enough
    return forms


def main() -> None:
    languages = sorted(wordfreq.available_languages("best"))
    table: dict[str, list[str]] = {}
    for lang in languages:
        words = [w for w in wordfreq.top_n_list(lang, TOP_N * 2) if any(c.isalpha() for c in w)]
        table[lang] = words[:TOP_N]
    # wordfreq counts Chinese in simplified characters; pages in traditional characters
    # ("這", "們") must find their function words too.
    table["zh"] = table["zh"] + sorted(_traditional_forms(table["zh"]) - set(table["zh"]))
    payload = {"source": f"wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else ''}",
               "top_n": TOP_N, "languages": table}
    OUT.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(table)} languages)")


if __name__ == "__main__":
    main()
