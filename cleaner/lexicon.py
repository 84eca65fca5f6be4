"""Word statistics: stopword lists, language detection and word frequencies.

The loaders are cached because the data they return is read-only: caching changes
speed, never results.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from itertools import filterfalse, repeat

from cleaner.html import MARKUP_TAG_RE
from cleaner.io import CleanerError

WORD_RE = re.compile(r"\w+")


def ascii_translation(keep: Callable[[str], bool]) -> bytes:
    """A ``bytes.translate`` table that keeps the ASCII characters ``keep`` accepts and
    makes every other one a space: with ``split()``, a fast tokenizer for ASCII text."""
    return bytes(c if keep(chr(c)) else ord(" ") for c in range(128)) + bytes(range(128, 256))


#: ASCII word characters (letters, digits, "_")
_ASCII_WORD_BYTES = ascii_translation(lambda char: char.isalnum() or char == "_")


def word_tokens(text: str) -> list[str]:
    """``WORD_RE.findall(text)``. ASCII text, most of what is cleaned, is split by a
    byte translation instead: four to five times faster than the regular expression."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    return WORD_RE.findall(text)

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
    tokens: Counter[str] = Counter()
    seen = letters = 0
    sample: list[str] = []
    for text in texts:
        found = word_tokens(text.lower())
        tokens.update(found)
        seen += len(found)
        letters += sum(map(len, found))
        sample.append(text)
        if seen >= max_tokens:
            break
    joined = "\n".join(sample)
    if "<" in joined and not joined.isascii():
        # Markup left in the text (an ad slot, a tracking pixel) is no language: its
        # Latin letters must not outvote the page's CJK prose.
        joined = MARKUP_TAG_RE.sub(" ", joined)
        letters = sum(map(len, WORD_RE.findall(joined)))
    unspaced = _unspaced_language(joined, letters)
    if unspaced is not None:
        return unspaced
    hits: dict[str, int] = {}
    for token, count in tokens.items():  # each distinct word once: far fewer than tokens
        for lang in index.get(token, ()):
            hits[lang] = hits.get(lang, 0) + count
    if not hits:
        return None
    # Ties go to the alphabetically first language, so the result never depends on order.
    best_lang = min(hits, key=lambda lang: (-hits[lang], lang))
    best_hits = hits[best_lang]
    if best_hits < _MIN_HITS or best_hits / seen < _MIN_SHARE:
        return None
    return best_lang


#: scripts written without spaces between words, and the language each one marks
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7af"
_HAN_RE = re.compile(f"[{_HAN}]")
_KANA_RE = re.compile(f"[{_KANA}]")
#: a character of Chinese or Japanese: kana, CJK ideographs
CHINESE_JAPANESE_RE = re.compile(f"[{_KANA}{_HAN}]")
_HANGUL_RE = re.compile(f"[{_HANGUL}]")
#: a character of any of them: kana, CJK ideographs, hangul syllables
CJK_RE = re.compile(f"[{_KANA}{_HAN}{_HANGUL}]")
#: share of a page's letters in CJK scripts that makes it a CJK page
_CJK_PAGE_SHARE = 0.5
#: languages whose words are not separated by spaces (or whose spaces separate phrases,
#: not words): word frequencies say nothing about where a space is missing there
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "ko"})


def _unspaced_language(sample: str, letters: int) -> str | None:
    """zh, ja or ko when most of the ``letters`` (word characters) of ``sample`` are in
    those scripts: a run of CJK characters is a single ``\\w+`` token, so stopword
    votes cannot see its words."""
    if sample.isascii() or len(CJK_RE.findall(sample)) < max(1.0, _CJK_PAGE_SHARE * letters):
        return None  # one scan decides for nearly every page
    han, kana, hangul = (len(pattern.findall(sample)) for pattern in (_HAN_RE, _KANA_RE, _HANGUL_RE))
    if hangul > han + kana:
        return "ko"
    return "ja" if kana >= 0.1 * (han + kana) else "zh"


class CompactTable:
    """A read-only ``str -> float`` map in little memory.

    Entries whose value reaches ``head_min`` (the frequent words: most lookups) sit in
    a dict, which ``get_head`` alone searches; the long tail is kept only as sorted
    64-bit string hashes beside their values in hundredths (every value here has two
    decimals: wordfreq's centibel buckets, the bigram table's rounded log
    probabilities), 10 bytes an entry instead of a hundred, found by binary search.
    The hashes are Python's own, which differ between processes: a table is built where it is used
    and never pickled (a ``Lexicon`` pickles as its language and reloads).
    """

    __slots__ = ("_hashes", "_head", "_values")

    def __init__(self, items: Iterable[tuple[str, float]], head_min: float = math.inf) -> None:
        head: dict[str, float] = {}
        hashes, hundredths = array("q"), array("h")
        for key, value in items:
            if value >= head_min:
                head.setdefault(key, value)
            elif key not in head:
                hashes.append(hash(key))
                hundredths.append(round(value * 100))
        self._finish(head, hashes, hundredths)

    @classmethod
    def from_buckets(cls, buckets: Iterable[tuple[float, list[str]]],
                     head_min: float = math.inf) -> CompactTable:
        """The same table as from ``(key, value)`` items, built from runs of keys that
        share one value (a word list's frequency buckets): the tail is hashed a bucket
        at a time in C instead of a key at a time."""
        head: dict[str, float] = {}
        hashes, hundredths = array("q"), array("h")
        for value, keys in buckets:
            if value >= head_min:
                for key in keys:
                    head.setdefault(key, value)
                continue
            fresh = list(filterfalse(head.__contains__, keys))
            hashes.extend(map(hash, fresh))
            hundredths.extend(repeat(round(value * 100), len(fresh)))
        table = cls.__new__(cls)
        table._finish(head, hashes, hundredths)
        return table

    @classmethod
    def from_columns(cls, keys: list[str], values: list[str]) -> CompactTable:
        """The same table as from ``(key, float(value))`` items with no head, built from a
        file's two columns (values as decimal text): hashed and parsed in C rather than
        a row at a time (0.17 s instead of 0.27 s for the English word pairs, paid by
        every process once)."""
        import numpy as np

        hashes = array("q", map(hash, keys))
        hundredths = np.rint(np.array(values, dtype=np.float64) * 100).astype(np.int16)
        table = cls.__new__(cls)
        table._finish({}, hashes, array("h", hundredths.tobytes()))
        return table

    def _finish(self, head: dict[str, float], hashes: array[int], hundredths: array[int]) -> None:
        import numpy as np

        # Sorted by hash; a stable sort keeps the first (most frequent) of equal keys first.
        order = np.argsort(np.frombuffer(hashes, dtype=np.int64), kind="stable")
        self._head = head
        self._hashes = array("q", np.frombuffer(hashes, dtype=np.int64)[order].tobytes())
        self._values = array("h", np.frombuffer(hundredths, dtype=np.int16)[order].tobytes())

    def get(self, key: str) -> float | None:
        found = self._head.get(key)
        if found is not None:
            return found
        hashed = hash(key)
        i = bisect_left(self._hashes, hashed)
        if i < len(self._hashes) and self._hashes[i] == hashed:
            return self._values[i] / 100
        return None

    def get_head(self, key: str) -> float | None:
        """The value if it is at least ``head_min``, else None: one dict lookup."""
        return self._head.get(key)

    @property
    def head(self) -> Mapping[str, float]:
        """The keys at least ``head_min`` and their values (read only by convention)."""
        return self._head

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return len(self._head) + len(self._hashes)


#: words at least this common (Zipf) sit in a plain dict: most of running text, and
#: every word that token repair may create by merging (see ``repair.MERGED_MIN_ZIPF``)
COMMON_ZIPF = 2.5


class Lexicon:
    """Word frequencies of one language: log10 of the frequency of each lower-case word."""

    __slots__ = ("_common_words", "_function_glue", "language", "log_frequencies")

    def __init__(self, language: str, log_frequencies: CompactTable) -> None:
        self.language = language
        self.log_frequencies = log_frequencies
        self._common_words: dict[tuple[float, int], frozenset[str]] = {}
        self._function_glue: frozenset[str] | None = None

    def function_glue(self) -> frozenset[str]:
        """Every two of the language's most frequent words written as one ("ofthe",
        "inthe"): some fifteen thousand strings, built on first use and kept, so that
        telling such glue is one set lookup instead of a try at every cut."""
        if self._function_glue is None:
            stop = stopword_table().get(self.language, frozenset())
            self._function_glue = frozenset(a + b for a in stop for b in stop)
        return self._function_glue

    def common_words(self, min_zipf: float, below_length: int) -> frozenset[str]:
        """The words shorter than ``below_length`` at least ``min_zipf`` common (no lower
        than ``COMMON_ZIPF``).

        Built on first use and kept (a megabyte or less a language): a set lookup is what
        token repair does for every possible cut of every rare word.
        """
        key = (min_zipf, below_length)
        found = self._common_words.get(key)
        if found is None:
            assert min_zipf >= COMMON_ZIPF
            found = frozenset(word for word, value in self.log_frequencies.head.items()
                              if value + 9.0 >= min_zipf and len(word) < below_length)
            self._common_words[key] = found
        return found

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return _reload_lexicon, (self.language,)

    def log10(self, word: str) -> float | None:
        """log10 of the frequency of an already lower-case word; None if unknown."""
        return self.log_frequencies.get(word)

    def zipf(self, word: str) -> float:
        """Zipf value (log10 of per-billion frequency), 0 for unknown words."""
        found = self.log_frequencies.get(word.lower())
        return 0.0 if found is None else found + 9.0

    def common_zipf(self, word: str) -> float:
        """The Zipf value of a lower-case word if at least ``COMMON_ZIPF``, else 0 (fast)."""
        found = self.log_frequencies.get_head(word)
        return 0.0 if found is None else found + 9.0

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.log_frequencies

    @property
    def compounding(self) -> bool:
        return self.language in COMPOUNDING_LANGUAGES


def _reload_lexicon(language: str) -> Lexicon:
    lexicon = load_lexicon(language)
    assert lexicon is not None
    return lexicon


def load_bigrams(language: str) -> CompactTable | None:
    """``"w1 w2" -> log10 P(w2 | w1)``, shipped for English (``scripts/build_bigrams.py``)."""
    # Checked before the cache: languages without a table must not evict the tables there are.
    if not resources.files("cleaner").joinpath(f"data/bigrams_{language}.tsv.gz").is_file():
        return None
    return _read_bigrams(language)


@lru_cache(maxsize=2)
def _read_bigrams(language: str) -> CompactTable:
    resource = resources.files("cleaner").joinpath(f"data/bigrams_{language}.tsv.gz")
    with resource.open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    # Rows of "w1 w2<TAB>value": with line ends read as tabs, one split lists the pairs
    # and their values in turn.
    fields = text.replace("\n", "\t").split("\t")
    if fields and not fields[-1]:
        fields.pop()
    if len(fields) % 2:
        raise ValueError(f"bigrams_{language}.tsv.gz: a row without its value")
    return CompactTable.from_columns(fields[0::2], fields[1::2])


@lru_cache(maxsize=16)
def load_lexicon(language: str) -> Lexicon | None:
    """Frequencies shipped by wordfreq for ``language``, or None if it has none.

    Read from wordfreq's file directly: its own ``get_frequency_dict`` caches every
    language for the life of the process, ten times larger than this table.
    """
    import wordfreq  # imported lazily: start-up of the CLI stays fast without repair

    path = wordfreq.available_languages("best").get(language)
    if path is None:
        return None
    return Lexicon(language, CompactTable.from_buckets(_cbpack_buckets(path), head_min=COMMON_ZIPF - 9.0))


def _cbpack_buckets(path: str) -> Iterator[tuple[float, list[str]]]:
    """(log10 frequency, its words) from a wordfreq "cBpack" file, most frequent first.

    The file is a gzipped msgpack list: a header, then bucket i holding the words of
    frequency 10 ** (-i / 100). Streamed bucket by bucket, so the words of the long
    tail are hashed and dropped without all being in memory at once.
    """
    import msgpack  # a dependency of wordfreq

    with gzip.open(path, "rb") as packed:
        unpacker = msgpack.Unpacker(packed, raw=False)
        buckets = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise CleanerError(f"{path}: not a wordfreq cBpack file")
        for index in range(buckets):
            words = unpacker.unpack()
            if words:
                yield -index / 100, words
