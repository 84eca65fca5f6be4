"""Site chrome learned from the corpus: lines that recur on many pages of one site.

Pages of one site share their template (menu, footer, newsletter box), so a line
seen on many of a site's pages is chrome, whatever it says. A first pass counts, per
site, on how many pages each normalised line occurs (the idea of CCNet's line
dedup: lowercase, digits folded to one symbol, punctuation and whitespace folded);
the second pass drops such lines with the reason ``chrome:site-repeat``.

The counts are a ``SiteProfile``: an explicit value, built from any pages in any
order with the same result, saved and loaded as JSON, and merged by adding counts
(each worker or partition counts its own pages). Lines are kept as 64-bit hashes of
their normalised form, so a profile of a large site stays small.

Repetition alone is not enough to remove a line. Content repeats too: a sentence
quoted in two articles, a byline, a dateline, a heading like "Introduction". So a
line is site chrome only when it occurs on at least ``min_pages`` pages and
``min_share`` of the site's pages, a long prose line only when it is on nearly every
page, bylines and datelines never, and only where a template line sits: in the page
head or foot (no unrepeated text before or after it) or next to another template line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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


def line_key(text: str) -> str:
    """The normalised form under which a line is counted."""
    key = " ".join(_ALNUM_RE.findall(text.lower()))
    return _DIGITS_RE.sub("0", key) if _DIGIT_RE.search(key) else key


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


DEFAULT_THRESHOLDS = RepeatThresholds()


@dataclass(slots=True)
class SiteProfile:
    """Per site: pages counted, and on how many of them each line hash occurs."""

    pages: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[int]] = field(default_factory=dict)

    def add_page(self, site: str, texts: Iterable[str]) -> None:
        """Count one page; a line that occurs twice in the page counts once."""
        hashes = {line_hash(text) for text in texts if text.strip()}
        self.pages[site] += 1
        self.lines.setdefault(site, Counter()).update(hashes)

    def merge(self, other: SiteProfile) -> SiteProfile:
        """Add ``other``'s counts to this profile (in place) and return it."""
        self.pages.update(other.pages)
        for site, counts in other.lines.items():
            self.lines.setdefault(site, Counter()).update(counts)
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
        return +self.pages == +other.pages and {s: +c for s, c in self.lines.items() if c} == {
            s: +c for s, c in other.lines.items() if c
        }

    __hash__ = None  # type: ignore[assignment]  # mutable

    def pruned(self, thresholds: RepeatThresholds = DEFAULT_THRESHOLDS) -> SiteProfile:
        """Only what ``site_chrome`` can use with these thresholds: lines seen on at least
        ``min_pages`` pages of sites with at least ``min_site_pages`` pages.

        Gives the same verdicts in a fraction of the memory, but counts are lost: merge
        and save the full profile, prune the one that cleans.
        """
        kept = SiteProfile()
        for site, pages in self.pages.items():
            if pages < thresholds.min_site_pages:
                continue
            kept.pages[site] = pages
            kept.lines[site] = Counter({h: c for h, c in self.lines.get(site, Counter()).items()
                                        if c >= thresholds.min_pages})
        return kept

    @property
    def sites(self) -> list[str]:
        return sorted(self.pages)

    def site_chrome(self, site: str | None, texts: Sequence[str],
                    thresholds: RepeatThresholds = DEFAULT_THRESHOLDS) -> list[bool]:
        """Which blocks of a page of ``site`` are its template lines."""
        n = len(texts)
        pages = self.pages.get(site, 0) if site is not None else 0
        if pages < thresholds.min_site_pages:
            return [False] * n
        counts = self.lines.get(site or "", Counter())
        needed = max(thresholds.min_pages, thresholds.min_share * pages)
        recurring = []
        for text in texts:
            stripped = text.strip()
            seen = counts.get(line_hash(stripped), 0) if stripped else 0
            if seen < needed or _is_metadata(stripped):
                recurring.append(False)
            elif len(stripped.split()) >= thresholds.prose_words:
                recurring.append(seen >= max(needed, thresholds.prose_share * pages))
            else:
                recurring.append(True)
        unique = [i for i, text in enumerate(texts) if text.strip() and not recurring[i]]
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
        return {
            "format": _FORMAT,
            "version": _VERSION,
            "sites": {
                site: {
                    "pages": self.pages[site],
                    "lines": {f"{h:016x}": c for h, c in sorted(self.lines.get(site, Counter()).items())},
                }
                for site in self.sites
            },
        }

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
                profile.lines[site] = Counter({int(h, 16): int(c) for h, c in entry["lines"].items()})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
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
        except (ValueError, EOFError) as exc:
            raise CleanerError(f"{path}: not a cleaner site profile ({exc})") from None
        return cls.from_dict(data, str(path))
