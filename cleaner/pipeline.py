"""The composition of every stage, and nothing else.

input (text or HTML) -> unify line breaks -> segment into blocks -> normalise
-> detect language -> chrome verdicts -> repair kept blocks -> join.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner import chrome, html
from cleaner.chrome.model import LineModel, load_model
from cleaner.config import CleanerConfig, InputFormat
from cleaner.document import Block, CleanResult, Edit, Verdict
from cleaner.io import CleanerError
from cleaner.lexicon import UNSPACED_LANGUAGES, detect_language, load_bigrams, load_lexicon
from cleaner.normalize import may_need_normalizing, normalize_block
from cleaner.repair import Repairer, WordModel
from cleaner.segment import segment, unify_line_breaks
from cleaner.site import SiteProfile

BLOCK_SEPARATOR = "\n\n"


@dataclass
class Prepared:
    """A page ready for chrome removal: its blocks and their normalised texts."""

    blocks: list[Block]
    texts: list[str]
    edits: list[Edit]
    hyphen_breaks: list[tuple[int, ...]]
    language: str | None
    input_format: str


class Cleaner:
    """A reusable, thread-safe cleaner: its frozen config, and optionally a trained line
    model and the corpus's ``SiteProfile``, neither changed by cleaning."""

    def __init__(self, config: CleanerConfig | None = None, *, model: LineModel | str | Path | None = None,
                 profile: SiteProfile | str | Path | None = None, **options: Any) -> None:
        base = config or CleanerConfig()
        self.config = base.replace(**options) if options else base
        if isinstance(model, (str, Path)):
            model = load_model(model)
        #: a trained line classifier (``cleaner train``); None: the rules and context pass decide
        self.model: LineModel | None = model
        if isinstance(profile, (str, Path)):
            profile = SiteProfile.load(profile).pruned()
        #: corpus statistics of site templates (``cleaner learn``); used for pages given a site
        self.profile: SiteProfile | None = profile

    def with_profile(self, profile: SiteProfile | None) -> Cleaner:
        """The same cleaner with other site statistics."""
        return Cleaner(self.config, model=self.model, profile=profile)

    def clean(self, text: str, site: str | None = None) -> str:
        return self.clean_document(text, site).text

    def page_lines(self, text: str) -> list[str]:
        """The page's blocks as the chrome stage sees them: what a ``SiteProfile`` counts."""
        return self._read(text)[1]

    def prepare(self, text: str) -> Prepared:
        """The stages before chrome removal: reading, segmentation, normalisation."""
        blocks, texts, edits, hyphen_breaks, input_format = self._read(text)
        language = self.config.language or detect_language(texts)
        return Prepared(blocks, texts, edits, hyphen_breaks, language, input_format)

    def _read(self, text: str) -> tuple[list[Block], list[str], list[Edit], list[tuple[int, ...]], str]:
        config = self.config
        input_format = "text"
        if config.input_format is InputFormat.HTML or (
            config.input_format is InputFormat.AUTO and html.looks_like_html(text)
        ):
            text = html.extract_text(text, config.mode)
            input_format = "html"
        blocks = segment(unify_line_breaks(text))
        texts = [b.text for b in blocks]
        edits: list[Edit] = []
        hyphen_breaks = [b.hyphen_breaks for b in blocks]
        if config.normalize and may_need_normalizing(text):
            for i, block in enumerate(blocks):
                fixed, block_edits = normalize_block(i, block.text)
                if block_edits:
                    texts[i] = fixed
                    edits.extend(block_edits)
                    hyphen_breaks[i] = _shift(block.hyphen_breaks, block_edits)
        return blocks, texts, edits, hyphen_breaks, input_format

    def clean_document(self, text: str, site: str | None = None) -> CleanResult:
        """Clean one page of ``site`` (its key in the profile, if any).

        Raises ``DocumentTimeout`` past ``config.timeout`` seconds.
        """
        with time_budget(self.config.timeout):
            return self._clean_document(text, site)

    def _clean_document(self, text: str, site: str | None) -> CleanResult:
        config = self.config
        prepared = self.prepare(text)
        blocks, texts, edits = prepared.blocks, prepared.texts, prepared.edits
        hyphen_breaks, language = prepared.hyphen_breaks, prepared.language
        input_format = prepared.input_format
        if config.chrome:
            site_chrome = (self.profile.site_chrome(site, texts)
                           if self.profile is not None and site is not None else None)
            verdicts = chrome.classify(texts, language, config.mode, extracted=input_format == "html",
                                       model=self.model, site_chrome=site_chrome)
        else:
            verdicts = [Verdict(True, "content", 1.0) for _ in blocks]

        if config.repair:
            repairer = Repairer.for_page(
                word_model(language), [t for t, v in zip(texts, verdicts, strict=True) if v.keep],
                config.protect, config.protect_patterns,
            )
            for i, verdict in enumerate(verdicts):
                if verdict.keep:
                    texts[i], block_edits = repairer.repair_block(i, texts[i], hyphen_breaks[i])
                    edits.extend(block_edits)

        edits.sort(key=lambda e: e.block)  # stable: a block's normalisation stays before repair
        kept = [t.strip() for t, v in zip(texts, verdicts, strict=True) if v.keep and t.strip()]
        clean_text = BLOCK_SEPARATOR.join(kept) + ("\n" if kept else "")
        return CleanResult(clean_text, blocks, verdicts, edits, language, input_format)


class DocumentTimeout(CleanerError):
    """A document took longer than the configured time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the work inside after ``seconds`` (the last line of defence: every
    pattern is linear, but a corpus has pages nobody has imagined).

    Uses the interval timer, which only the main thread of a process can own; elsewhere
    (a thread pool) the budget is not enforced and the work runs to its end.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"took longer than the {seconds:g} s time budget")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def word_model(language: str | None) -> WordModel | None:
    """The repair evidence for a language: frequencies, and bigrams where shipped."""
    if language in UNSPACED_LANGUAGES:
        return None  # no spaces between words: no word to split, join or mend
    lexicon = load_lexicon(language) if language else None
    if lexicon is None:
        return None
    return WordModel(lexicon, load_bigrams(lexicon.language))


def _shift(offsets: tuple[int, ...], edits: list[Edit]) -> tuple[int, ...]:
    """Move offsets past the length changes that earlier edits made."""
    shifted = []
    for pos in offsets:
        delta = sum(len(e.after) - len(e.before) for e in edits if e.end <= pos)
        shifted.append(pos + delta)
    return tuple(shifted)
