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
from cleaner.chrome.features import is_table_row
from cleaner.chrome.model import LineModel, model_from
from cleaner.config import CleanerConfig, InputFormat, Mode
from cleaner.document import Block, CleanResult, Edit, Verdict
from cleaner.io import CleanerError
from cleaner.lexicon import UNSPACED_LANGUAGES, detect_language, load_bigrams, load_lexicon
from cleaner.normalize import may_need_normalizing, normalize_block
from cleaner.repair import Repairer, WordModel
from cleaner.segment import is_code_block, segment, unify_line_breaks
from cleaner.site import SiteProfile

BLOCK_SEPARATOR = "\n\n"


def join_blocks(kept: list[tuple[int, str]]) -> str:
    """The kept blocks (each with its index on the page), a blank line between two; the
    rows of a table, next to each other on the page, stay on consecutive lines: a blank
    line would cut a Markdown table into one-row tables."""
    parts: list[str] = []
    previous_index, previous_row = -2, False
    for index, text in kept:
        row = is_table_row(text)
        if parts:
            parts.append("\n" if row and previous_row and index == previous_index + 1 else BLOCK_SEPARATOR)
        parts.append(text)
        previous_index, previous_row = index, row
    return "".join(parts) + ("\n" if kept else "")


@dataclass
class Prepared:
    """A page ready for chrome removal: its blocks and their normalised texts."""

    blocks: list[Block]
    texts: list[str]
    edits: list[Edit]
    hyphen_breaks: list[tuple[int, ...]]
    language: str | None
    input_format: str
    #: an HTML extractor chose these blocks already
    extracted: bool = False
    #: blocks of the page that the extractor missed and the text pipeline put back
    recovered: frozenset[int] = frozenset()


class Cleaner:
    """A reusable, thread-safe cleaner: its frozen config, and optionally a line classifier
    and the corpus's ``SiteProfile``, none of them changed by cleaning.

    ``model``: None or ``"none"`` (the default) for the rules and the context pass alone;
    ``"builtin"`` for the classifier shipped in the package; a file written by
    ``cleaner train``; or a ``LineModel``.
    """

    def __init__(self, config: CleanerConfig | None = None, *, model: LineModel | str | Path | None = None,
                 profile: SiteProfile | str | Path | None = None, **options: Any) -> None:
        base = config or CleanerConfig()
        self.config = base.replace(**options) if options else base
        #: the line classifier; None: the rules and the context pass decide alone
        self.model: LineModel | None = model_from(model)
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
        return self.prepare(text, detect=False).texts

    def prepare(self, text: str, detect: bool = True, extract: bool = True) -> Prepared:
        """The stages before chrome removal: reading, segmentation, normalisation.
        ``extract`` False reads an HTML page whole, as if the extractor had found nothing."""
        config = self.config
        input_format, extracted = "text", False
        recovered_starts: set[int] = set()
        if config.input_format is InputFormat.HTML or (
            config.input_format is InputFormat.AUTO and html.looks_like_html(text)
        ):
            input_format = "html"
            page = html.read_html(text, config.mode, whole_page=self._recovers or not extract)
            if page.extracted and extract:
                extracted = True
                text, recovered_starts = self._recover(page)
            else:
                text = page.page  # the extractor found nothing: the text pipeline reads it all
        blocks, texts, edits, hyphen_breaks = _read_text(text, config.normalize)
        language = (config.language or detect_language(texts)) if detect else None
        recovered = frozenset(b.index for b in blocks if b.start in recovered_starts)
        return Prepared(blocks, texts, edits, hyphen_breaks, language, input_format, extracted, recovered)

    @property
    def _recovers(self) -> bool:
        """Recall and balanced mode put back what an HTML extractor missed (balanced mode
        only within and before the extraction, ``html.Recovery``); precision mode keeps
        to its choice. On the training pages, balanced recovery raised snippet recall
        from 0.941 to 0.967 at a cost of 0.002 in precision, and left readability F1 as
        it was; past the extraction's end it added biographies and teasers."""
        return self.config.chrome and self.config.mode in (Mode.RECALL, Mode.BALANCED)

    def _recover(self, page: html.HtmlText) -> tuple[str, set[int]]:
        """The extraction, with the blocks it dropped that the text pipeline keeps on the
        whole page (``html.Recovery``); and the offsets where those start."""
        config = self.config
        if not self._recovers:
            return page.extracted, set()
        page_blocks = page.page.split("\n")  # the rendering writes one block per line
        recovery = html.Recovery(page.extracted.split("\n"), page_blocks,
                                 past_end=config.mode is Mode.RECALL)
        if not recovery.candidates:
            return page.extracted, set()
        lo = max(0, min(recovery.candidates) - html.RECOVER_CONTEXT)
        hi = min(len(page_blocks), max(recovery.candidates) + html.RECOVER_CONTEXT + 1)
        texts = page_blocks[lo:hi]
        if config.normalize and may_need_normalizing(page.page):
            texts = [normalize_block(i, block)[0] for i, block in enumerate(texts)]
        verdicts = chrome.classify(texts, config.language or detect_language(texts), config.mode,
                                   model=self.model)
        keep = [False] * len(page_blocks)
        for i, v in enumerate(verdicts):
            keep[lo + i] = v.keep and v.score >= html.RECOVER_MIN_SCORE
        lines, recovered = recovery.merge(keep)
        starts, offset = set(), 0
        for i, line in enumerate(lines):
            if i in recovered:
                starts.add(offset)
            offset += len(line) + 1
        return "\n".join(lines), starts

    def clean_document(self, text: str, site: str | None = None) -> CleanResult:
        """Clean one page of ``site`` (its key in the profile, if any).

        Raises ``DocumentTimeout`` past ``config.timeout`` seconds.
        """
        with time_budget(self.config.timeout):
            return self._clean_document(text, site)

    def _clean_document(self, text: str, site: str | None) -> CleanResult:
        config = self.config
        prepared = self.prepare(text)
        verdicts = self._verdicts(prepared, site)
        extraction_kept = any(v.keep for i, v in enumerate(verdicts) if i not in prepared.recovered)
        if prepared.extracted and not extraction_kept:
            # The extractor chose only chrome (a server's warnings, a notice that asks for
            # JavaScript), and what was put back beside it is no article: the text pipeline
            # reads the whole page instead.
            prepared = self.prepare(text, extract=False)
            verdicts = self._verdicts(prepared, site)
        blocks, texts, edits = prepared.blocks, prepared.texts, prepared.edits
        hyphen_breaks, language = prepared.hyphen_breaks, prepared.language
        input_format = prepared.input_format

        if config.repair:
            repairer = Repairer.for_page(
                word_model(language), [t for t, v in zip(texts, verdicts, strict=True) if v.keep],
                config.protect, config.protect_patterns,
                self.profile.corpus_words if self.profile is not None else None,
            )
            for i, verdict in enumerate(verdicts):
                # a code sample's identifiers and spacing are the program's: never "repaired"
                if verdict.keep and not is_code_block(texts[i]):
                    texts[i], block_edits = repairer.repair_block(i, texts[i], hyphen_breaks[i])
                    edits.extend(block_edits)

        edits.sort(key=lambda e: e.block)  # stable: a block's normalisation stays before repair
        # a code sample keeps its first line's indentation
        kept = [(i, t.rstrip() if is_code_block(t) else t.strip())
                for i, (t, v) in enumerate(zip(texts, verdicts, strict=True)) if v.keep and t.strip()]
        clean_text = join_blocks(kept)
        return CleanResult(clean_text, blocks, verdicts, edits, language, input_format)


    def _verdicts(self, prepared: Prepared, site: str | None) -> list[Verdict]:
        config = self.config
        if not config.chrome:
            return [Verdict(True, "content", 1.0) for _ in prepared.blocks]
        site_chrome = (self.profile.site_chrome(site, prepared.texts)
                       if self.profile is not None and site is not None else None)
        verdicts = chrome.classify(prepared.texts, prepared.language, config.mode,
                                   extracted=prepared.extracted, model=self.model, site_chrome=site_chrome)
        for i in prepared.recovered:
            if verdicts[i].keep:
                verdicts[i] = Verdict(True, "content:recovered", verdicts[i].score)
        return verdicts


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


def _read_text(text: str, normalize: bool
               ) -> tuple[list[Block], list[str], list[Edit], list[tuple[int, ...]]]:
    """Segment page text into blocks and normalise each: the blocks, their texts, the
    normalising edits and the wrap hyphens' offsets in the normalised texts."""
    blocks = segment(unify_line_breaks(text))
    texts = [b.text for b in blocks]
    edits: list[Edit] = []
    hyphen_breaks = [b.hyphen_breaks for b in blocks]
    if normalize and may_need_normalizing(text):
        for i, block in enumerate(blocks):
            fixed, block_edits = normalize_block(i, block.text)
            if block_edits:
                texts[i] = fixed
                edits.extend(block_edits)
                hyphen_breaks[i] = _shift(block.hyphen_breaks, block_edits)
    return blocks, texts, edits, hyphen_breaks


def _shift(offsets: tuple[int, ...], edits: list[Edit]) -> tuple[int, ...]:
    """Move offsets past the length changes that earlier edits made."""
    shifted = []
    for pos in offsets:
        delta = sum(len(e.after) - len(e.before) for e in edits if e.end <= pos)
        shifted.append(pos + delta)
    return tuple(shifted)
