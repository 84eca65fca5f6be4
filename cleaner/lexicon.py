"""Word statistics: stopword lists, language detection and word frequencies.

The loaders are cached because the data they return is read-only: caching changes
speed, never results.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WORD_RE = re.compile(r"\w+")

#: languages whose compounds are written as one word: gluing two words is normal
#: there, so splitting unknown long words would damage correct text
COMPOUNDING_LANGUAGES = frozenset({"de", "nl", "sv", "da", "nb", "fi", "hu", "is", "el", "lt", "lv"})

#: detection needs at least this many stopword hits and this share of tokens
_MIN_HITS = 5
_MIN_SHARE = 0.12


@lru_cache(maxsize=1)
def stopword_table() -> dict[str, frozenset[str]]:
    """Most frequent words per language, built by ``scripts/build_wordlists.py``."""
    raw = resources.files("cleaner").joinpath("data/stopwords.json").read_text(encoding="utf-8")
    languages: dict[str, list[str]] = json.loads(raw)["languages"]
    return {lang: frozenset(words) for lang, words in languages.items()}


@lru_cache(maxsize=1)
def all_stopwords() -> frozenset[str]:
    """Union over every language: a language-independent stopword set."""
    union: set[str] = set()
    for words in stopword_table().values():
        union.update(words)
    return frozenset(union)


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Inverted stopword table: each word and the languages that use it often."""
    index: dict[str, list[str]] = {}
    for lang, words in sorted(stopword_table().items()):
        for word in words:
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def detect_language(texts: Iterable[str], max_tokens: int = 4000) -> str | None:
    """The language whose stopwords cover the most tokens, or None when unsure."""
    index = _languages_of_word()
    hits: dict[str, int] = {}
    seen = 0
    for text in texts:
        for token in WORD_RE.findall(text.lower()):
            seen += 1
            for lang in index.get(token, ()):
                hits[lang] = hits.get(lang, 0) + 1
        if seen >= max_tokens:
            break
    if not hits:
        return None
    # Ties go to the alphabetically first language, so the result never depends on order.
    best_lang = min(hits, key=lambda lang: (-hits[lang], lang))
    best_hits = hits[best_lang]
    if best_hits < _MIN_HITS or best_hits / seen < _MIN_SHARE:
        return None
    return best_lang


@dataclass(frozen=True)
class Lexicon:
    """Word frequencies of one language, as Zipf values (log10 of per-billion counts)."""

    language: str
    frequencies: dict[str, float]

    def zipf(self, word: str) -> float:
        freq = self.frequencies.get(word.lower())
        if not freq:
            return 0.0
        return math.log10(freq) + 9.0

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.frequencies

    @property
    def compounding(self) -> bool:
        return self.language in COMPOUNDING_LANGUAGES


def load_bigrams(language: str) -> dict[str, float] | None:
    """``"w1 w2" -> log10 P(w2 | w1)``, shipped for English (``scripts/build_bigrams.py``)."""
    # Checked before the cache: languages without a table must not evict the tables there are.
    if not resources.files("cleaner").joinpath(f"data/bigrams_{language}.tsv.gz").is_file():
        return None
    return _read_bigrams(language)


@lru_cache(maxsize=2)
def _read_bigrams(language: str) -> dict[str, float]:
    resource = resources.files("cleaner").joinpath(f"data/bigrams_{language}.tsv.gz")
    table: dict[str, float] = {}
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        for line in handle:
            pair, _, value = line.rstrip("\n").partition("\t")
            table[pair] = float(value)
    return table


@lru_cache(maxsize=8)
def load_lexicon(language: str) -> Lexicon | None:
    """Frequencies shipped by wordfreq for ``language``, or None if it has none."""
    import wordfreq  # imported lazily: start-up of the CLI stays fast without repair

    if language not in wordfreq.available_languages("best"):
        return None
    return Lexicon(language, wordfreq.get_frequency_dict(language, "best"))
