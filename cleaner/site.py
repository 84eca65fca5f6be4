"""Site chrome learned from the corpus: lines that recur on many pages of one site.

Pages of one site share their template (menu, footer, newsletter box), so a line
seen on many of a site's pages is chrome, whatever it says. A first pass counts, per
site, on how many pages each normalised line occurs (the idea of CCNet's line
dedup: lowercase, digits folded to one symbol, punctuation and whitespace folded);
the second pass drops such lines with the reason ``chrome:site-repeat``.

The counts are a ``SiteProfile``: an explicit value, built from any pages in any
order with the same result, saved and loaded as JSON, and merged by adding counts
(each worker or partition counts its own pages). Lines are kept as 64-bit hashes of
their normalised form in sorted numpy arrays, 16 bytes a distinct line.

Repetition alone is not enough to remove a line. Content repeats too: a sentence
quoted in two articles, a byline, a dateline, a heading like "Introduction". So a
line is site chrome only when it occurs on at least ``min_pages`` pages and
``min_share`` of the site's pages, a long prose line only when it is on nearly every
page, bylines and datelines never, and only where a template line sits: in the page
head or foot (no unrepeated text before or after it) or next to another template line.

The same pass counts the corpus's vocabulary for token repair: on how many pages, over
all sites, each word of four letters or more occurs. A word on ``min_word_pages`` pages
is the corpus's own ("worktree" in a corpus of release notes), never glue to cut:
damage strikes at random and does not recur.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from cleaner.io import CleanerError

REASON = "chrome:site-repeat"
_FORMAT = "cleaner-site-profile"
_VERSION = 1

_DIGITS_RE = re.compile(r"\d+")
_DIGIT_RE = re.compile(r"\d")
#: runs of letters and digits: whatever lies between them (punctuation, space) folds
_ALNUM_RE = re.compile(r"[^\W_]+")
#: article metadata that recurs by design: "By Jane Doe", "Von Max Muster", "Par ..."
_BYLINE_RE = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+\w", re.IGNORECASE)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATELINE_RE = re.compile(
    rf"\b(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS})\.?\s+\d{{1,2}}\b|"
    rf"\d{{1,2}}\.?\s+(?:{_MONTHS})\b)",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(r"©|\(c\)|copyright|all rights reserved", re.IGNORECASE)
#: the tokens counted as the corpus's words: letters only, long enough to be glue
_WORD_RE = re.compile(r"[^\W\d_]{4,64}")


def line_key(text: str) -> str:
    """The normalised form under which a line is counted."""
    key = " ".join(_ALNUM_RE.findall(text.lower()))
    return _DIGITS_RE.sub("0", key) if _DIGIT_RE.search(key) else key


def word_hash(word: str) -> int:
    """A stable 64-bit hash of a lower-case word, apart from any line's."""
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8, person=b"word").digest()
    return int.from_bytes(digest, "big")


def page_words(texts: Iterable[str]) -> set[str]:
    """The distinct lower-case words of a page that the corpus vocabulary counts."""
    return {word.lower() for text in texts for word in _WORD_RE.findall(text)}


def line_hash(text: str) -> int:
    """A stable 64-bit hash of the line's key (the same in every process and run)."""
    digest = hashlib.blake2b(line_key(text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def site_of_url(url: str) -> str | None:
    """The host of a URL without ``www.``; None when the URL has no host."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _is_metadata(text: str) -> bool:
    """Bylines and datelines: they recur on a site's pages but belong to each article."""
    words = len(text.split())
    if words > 12 or _COPYRIGHT_RE.search(text):
        return False
    return bool(_BYLINE_RE.match(text) or _DATELINE_RE.search(text))


@dataclass(frozen=True, slots=True)
class RepeatThresholds:
    """When a recurring line counts as site chrome. Defaults are deliberately cautious."""

    #: sites with fewer counted pages are left alone: too little evidence
    min_site_pages: int = 5
    #: a line must occur on at least this many pages ...
    min_pages: int = 3
    #: ... and on at least this share of the site's pages
    min_share: float = 0.2
    #: lines of this many words or more are prose ...
    prose_words: int = 16
    #: ... and are dropped only when they are on nearly every page
    prose_share: float = 0.8
    #: a token on at least this many pages of the corpus is one of its words, not glue:
    #: damage strikes at random, a field's vocabulary ("worktree", "codepath") recurs
    min_word_pages: int = 3


DEFAULT_THRESHOLDS = RepeatThresholds()


class LineCounts:
    """How many pages each line hash was seen on, for one site.

    Kept as two sorted numpy arrays (hash, count), 16 bytes a distinct line, with new
    pages' hashes buffered at 8 bytes each until the next compaction: a Python dict of
    the same counts would take about 100 bytes a line.
    """

    __slots__ = ("_counts", "_hashes", "_pending", "_pending_size", "_pending_tables")

    def __init__(self, hashes: np.ndarray | None = None, counts: np.ndarray | None = None) -> None:
        self._hashes = hashes if hashes is not None else np.empty(0, dtype=np.uint64)
        self._counts = counts if counts is not None else np.empty(0, dtype=np.int64)
        #: hashes of pages added since the last compaction, each counting once
        self._pending = array("Q")
        #: (hashes, counts) of tables merged in since the last compaction
        self._pending_tables: list[tuple[np.ndarray, np.ndarray]] = []
        self._pending_size = 0

    def add(self, hashes: Iterable[int]) -> None:
        before = len(self._pending)
        self._pending.extend(hashes)
        self._grew(len(self._pending) - before)

    def merge(self, other: LineCounts) -> None:
        hashes, counts = other.table()
        self._pending_tables.append((hashes, counts))
        self._grew(len(hashes))

    def _grew(self, size: int) -> None:
        self._pending_size += size
        # Compacting only when the buffer rivals the table keeps the total cost n log n,
        # however many small pages or partial tables arrive.
        if self._pending_size >= max(1 << 16, len(self._hashes)):
            self._compact()

    def _compact(self) -> None:
        if not self._pending_size:
            return
        new = np.frombuffer(self._pending, dtype=np.uint64)
        all_hashes = np.concatenate([self._hashes, new, *(h for h, _ in self._pending_tables)])
        all_counts = np.concatenate([self._counts, np.ones(len(new), dtype=np.int64),
                                     *(c for _, c in self._pending_tables)])
        order = np.argsort(all_hashes, kind="stable")
        all_hashes, all_counts = all_hashes[order], all_counts[order]
        unique, starts = np.unique(all_hashes, return_index=True)
        self._hashes = unique
        self._counts = np.add.reduceat(all_counts, starts) if len(starts) else all_counts
        self._pending = array("Q")
        self._pending_tables = []
        self._pending_size = 0

    def table(self) -> tuple[np.ndarray, np.ndarray]:
        """The sorted hashes and their counts."""
        self._compact()
        return self._hashes, self._counts

    def lookup(self, hashes: Sequence[int]) -> np.ndarray:
        """The count of every hash (0 for unseen ones)."""
        table, counts = self.table()
        wanted = np.array(hashes, dtype=np.uint64)
        if not len(table) or not len(wanted):
            return np.zeros(len(wanted), dtype=np.int64)
        at = np.minimum(np.searchsorted(table, wanted), len(table) - 1)
        return np.where(table[at] == wanted, counts[at], 0)

    def at_least(self, minimum: int) -> LineCounts:
        table, counts = self.table()
        keep = counts >= minimum
        return LineCounts(table[keep], counts[keep])

    def __len__(self) -> int:
        return len(self.table()[0])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LineCounts):
            return NotImplemented
        mine, theirs = self.table(), other.table()
        return bool(np.array_equal(mine[0], theirs[0]) and np.array_equal(mine[1], theirs[1]))

    __hash__ = None  # type: ignore[assignment]  # mutable


def _counts_to_json(counts: LineCounts) -> dict[str, int]:
    """A table of counts as JSON: each hash in hexadecimal, and its count."""
    hashes, values = counts.table()
    return {f"{h:016x}": c for h, c in zip(hashes.tolist(), values.tolist(), strict=True)}


def _counts_from_json(entry: dict[str, Any]) -> LineCounts:
    """The table ``_counts_to_json`` wrote."""
    pairs = sorted((int(h, 16), int(c)) for h, c in entry.items())
    return LineCounts(np.array([h for h, _ in pairs], dtype=np.uint64),
                      np.array([c for _, c in pairs], dtype=np.int64))


@dataclass(slots=True)
class SiteProfile:
    """Per site: pages counted, and on how many of them each line hash occurs; for the
    whole corpus: on how many pages each word occurs (its vocabulary, which token repair
    leaves whole)."""

    pages: Counter[str] = field(default_factory=Counter)
    lines: dict[str, LineCounts] = field(default_factory=dict)
    words: LineCounts = field(default_factory=LineCounts)

    def add_page(self, site: str, texts: Iterable[str]) -> None:
        """Count one page; a line or word that occurs twice in the page counts once."""
        texts = [text for text in texts if text.strip()]
        self.pages[site] += 1
        self._counts(site).add({line_hash(text) for text in texts})
        self.words.add({word_hash(word) for word in page_words(texts)})

    def _counts(self, site: str) -> LineCounts:
        counts = self.lines.get(site)
        if counts is None:
            counts = self.lines[site] = LineCounts()
        return counts

    def merge(self, other: SiteProfile) -> SiteProfile:
        """Add ``other``'s counts to this profile (in place) and return it."""
        self.pages.update(other.pages)
        for site, counts in other.lines.items():
            self._counts(site).merge(counts)
        self.words.merge(other.words)
        return self

    @classmethod
    def merged(cls, profiles: Iterable[SiteProfile]) -> SiteProfile:
        total = cls()
        for profile in profiles:
            total.merge(profile)
        return total

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SiteProfile):
            return NotImplemented
        sites = set(self.lines) | set(other.lines)
        return +self.pages == +other.pages and self.words == other.words and all(
            self.lines.get(site, LineCounts()) == other.lines.get(site, LineCounts()) for site in sites)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def pruned(self, thresholds: RepeatThresholds = DEFAULT_THRESHOLDS) -> SiteProfile:
        """Only what ``site_chrome`` can use with these thresholds: lines seen on at least
        ``min_pages`` pages of sites with at least ``min_site_pages`` pages.

        Gives the same verdicts in a fraction of the memory, but counts are lost: merge
        and save the full profile, prune the one that cleans.
        """
        kept = SiteProfile(words=self.words.at_least(thresholds.min_word_pages))
        for site, pages in self.pages.items():
            if pages >= thresholds.min_site_pages:
                kept.pages[site] = pages
                kept.lines[site] = self.lines.get(site, LineCounts()).at_least(thresholds.min_pages)
        return kept

    @property
    def sites(self) -> list[str]:
        return sorted(self.pages)

    def corpus_words(self, words: Iterable[str],
                     thresholds: RepeatThresholds = DEFAULT_THRESHOLDS) -> frozenset[str]:
        """Those of these lower-case words that the corpus writes on at least
        ``min_word_pages`` pages."""
        unique = sorted(set(words))
        seen = self.words.lookup([word_hash(word) for word in unique]).tolist()
        return frozenset(word for word, pages in zip(unique, seen, strict=True)
                         if pages >= thresholds.min_word_pages)

    def site_chrome(self, site: str | None, texts: Sequence[str],
                    thresholds: RepeatThresholds = DEFAULT_THRESHOLDS) -> list[bool]:
        """Which blocks of a page of ``site`` are its template lines."""
        n = len(texts)
        pages = self.pages.get(site, 0) if site is not None else 0
        if pages < thresholds.min_site_pages or site not in self.lines:
            return [False] * n
        stripped = [text.strip() for text in texts]
        seen_counts = self.lines[site].lookup([line_hash(text) for text in stripped]).tolist()
        needed = max(thresholds.min_pages, thresholds.min_share * pages)
        recurring = []
        for text, seen in zip(stripped, seen_counts, strict=True):
            if not text or seen < needed or _is_metadata(text):
                recurring.append(False)
            elif len(text.split()) >= thresholds.prose_words:
                recurring.append(seen >= max(needed, thresholds.prose_share * pages))
            else:
                recurring.append(True)
        unique = [i for i, text in enumerate(stripped) if text and not recurring[i]]
        first_unique = unique[0] if unique else n
        last_unique = unique[-1] if unique else -1
        template = []
        for i, is_recurring in enumerate(recurring):
            at_edge = i < first_unique or i > last_unique
            beside_another = (i > 0 and recurring[i - 1]) or (i + 1 < n and recurring[i + 1])
            template.append(is_recurring and (at_edge or beside_another))
        return template

    # -- persistence -----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        sites = {site: {"pages": self.pages[site],
                        "lines": _counts_to_json(self.lines.get(site, LineCounts()))}
                 for site in self.sites}
        return {"format": _FORMAT, "version": _VERSION, "sites": sites, "words": _counts_to_json(self.words)}

    @classmethod
    def from_dict(cls, data: Any, source: str = "profile") -> SiteProfile:
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise CleanerError(f"{source}: not a cleaner site profile (written by `cleaner learn`)")
        if data.get("version") != _VERSION:
            raise CleanerError(f"{source}: site profile version {data.get('version')!r}, "
                               f"this cleaner reads version {_VERSION}")
        profile = cls()
        try:
            for site, entry in data["sites"].items():
                profile.pages[site] = int(entry["pages"])
                profile.lines[site] = _counts_from_json(entry["lines"])
            # Profiles written before the corpus vocabulary was counted have none.
            profile.words = _counts_from_json(data.get("words", {}))
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise CleanerError(f"{source}: damaged site profile ({type(exc).__name__}: {exc})") from None
        return profile

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), separators=(",", ":"))

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        path = Path(path)
        try:
            raw = path.read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            data = json.loads(raw)
        except OSError as exc:
            raise CleanerError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except (ValueError, EOFError, RecursionError) as exc:
            raise CleanerError(f"{path}: not a cleaner site profile ({exc})") from None
        return cls.from_dict(data, str(path))
