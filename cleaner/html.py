"""HTML input: detect it, and extract the main text with trafilatura."""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from dataclasses import dataclass
from typing import Any

from cleaner.config import Mode
from cleaner.normalize import folded
from cleaner.segment import fenced_blocks

_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|ul|table|td|tr|script|meta|link|h[1-6])\b[^>]{0,2000}>",
                     re.IGNORECASE)
#: any tag, as markup left in page text has them (an ad slot, a tracking pixel)
MARKUP_TAG_RE = re.compile(r"<[/!]?[a-zA-Z][^<>]{0,2000}>")


#: how a document (not page text quoting markup) starts: a declaration, a comment or
#: an element of its head; page text may open with a stray ``<div>`` of an ad
_DOCUMENT_START_RE = re.compile(
    r"(?:\ufeff)?\s*<(?:!doctype|\?xml|!--|html|head|body|style|script|meta|link|title)\b", re.IGNORECASE)
#: share of a fragment's lines that hold markup; page text quoting some code or an ad
#: snippet has a tag on a line here and there, an HTML fragment on most of them
MARKUP_LINE_SHARE = 0.3


def looks_like_html(text: str) -> bool:
    """True for an HTML document, or a fragment dense in markup."""
    head = text[:5000]
    if _DOCUMENT_START_RE.match(head):
        return True
    if len(_TAG_RE.findall(head)) < 5:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _TAG_RE.search(line))
    return tagged >= MARKUP_LINE_SHARE * len(lines)


#: a fast extraction shorter than this (characters) is redone with trafilatura's fallbacks
FULL_EXTRACTION_BELOW = 1000


@dataclass(frozen=True)
class HtmlText:
    """An HTML page as text: what the extractor chose, and every visible text of the page."""

    #: trafilatura's main text, one block per line; empty when it found none
    extracted: str
    #: the whole page rendered as text, one block per line, chrome included; empty
    #: unless asked for or the extractor found nothing
    page: str


def read_html(markup: str, mode: Mode, whole_page: bool = False) -> HtmlText:
    """Parse once and extract the main text with trafilatura; render the whole page too
    when asked (``whole_page``) or when the extractor finds nothing."""
    import trafilatura  # lazy: text-only users never pay for lxml and trafilatura
    from trafilatura.utils import load_html

    # trafilatura logs parse trouble at WARNING; our CLI reports errors itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = load_html(markup)
    except (ValueError, TypeError, RecursionError):  # lxml's and trafilatura's ways of giving up
        tree = None
    if tree is None:
        return HtmlText("", strip_tags(markup))

    def extract(fast: bool) -> str:
        try:
            found = trafilatura.extract(
                tree, fast=fast, output_format="txt", include_comments=False, include_tables=True,
                include_images=False, include_links=False, deduplicate=False,
                favor_precision=mode is Mode.PRECISION, favor_recall=mode is Mode.RECALL, with_metadata=False,
            )
        except (ValueError, RecursionError):
            return ""
        return str(found) if found else ""

    # trafilatura's own extractor first; its comparison with the readability and jusText
    # fallbacks costs as much again and pays off on pages where it found little.
    extracted = extract(fast=True)
    if len(extracted) < FULL_EXTRACTION_BELOW:
        extracted = extract(fast=False) or extracted
    extracted = fence_code(extracted, tree)
    page = render_page(tree) if whole_page or not extracted else ""
    if not extracted and not page:
        page = strip_tags(markup)  # the parser gave up (100,000 nested tags): tags out, text kept
    return HtmlText(extracted, page)


#: a page's preformatted block with fewer lines of text than this is no code sample
CODE_MIN_LINES = 2
#: how many places of an extraction that open like a code sample are tried for it
CODE_MAX_TRIES = 8


def _code_samples(tree: Any) -> list[list[str]]:
    """The lines of each ``<pre>`` of the page with two lines of text or more, as written."""
    samples = []
    for pre in tree.iter("pre"):
        lines = [line.rstrip() for line in "".join(pre.itertext()).split("\n")]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if sum(1 for line in lines if line.strip()) >= CODE_MIN_LINES:
            samples.append(lines)
    return samples


def fence_code(extracted: str, tree: Any) -> str:
    """The extraction with each code sample of the page between Markdown fences, its
    lines as the page writes them. trafilatura prints a ``<pre>`` line by line, blank
    lines dropped: as such lines the text pipeline would read and repair each on its own.
    A sample is fenced where the extraction holds all its lines in order."""
    samples = _code_samples(tree) if extracted else []
    if not samples:
        return extracted
    lines = extracted.split("\n")
    where: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        where.setdefault(line.strip(), []).append(i)
    spans: list[tuple[int, int, list[str]]] = []
    taken: set[int] = set()
    #: where the next sample opening with a line starts looking (a page may repeat one)
    tried: dict[str, int] = {}
    for sample in samples:
        wanted = [line.strip() for line in sample if line.strip()]
        starts = where.get(wanted[0], [])
        first = tried.get(wanted[0], 0)
        for position, start in enumerate(starts[first:first + CODE_MAX_TRIES], start=first):
            if start in taken:
                continue
            end, found = start, 0
            while end < len(lines) and found < len(wanted):
                held = lines[end].strip()
                if held and held != wanted[found]:
                    break
                found += bool(held)
                end += 1
            if found == len(wanted):
                spans.append((start, end, sample))
                taken.update(range(start, end))
                tried[wanted[0]] = position + 1
                break
    if not spans:
        return extracted
    fenced: list[str] = []
    previous_end = 0
    for start, end, sample in sorted(spans, key=lambda span: span[0]):
        fence = "~~~~" if any(line.lstrip().startswith(("```", "~~~")) for line in sample) else "```"
        fenced.extend(lines[previous_end:start])
        fenced.extend([fence, *sample, fence])
        previous_end = end
    fenced.extend(lines[previous_end:])
    return "\n".join(fenced)


#: elements that start a block of their own on a rendered page
_BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
)
#: an element's inline style in lower case without spaces, as CSS reads it
_STYLE = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz')"
#: what a reader never sees as text, and figures with their captions (text about an
#: image, which extractors leave out too)
_HIDDEN = (
    "button", "canvas", "head", "iframe", "noscript", "object", "script", "select", "style", "svg",
    "template", "textarea", "figure", "figcaption", "*[contains(@class, 'caption')]", "comment()",
    "processing-instruction()",
    # hidden by the page itself: a browser shows none of it (MathML kept for screen
    # readers beside a formula's image, a menu's collapsed copy, a template)
    "*[@hidden]", f"*[contains({_STYLE}, 'display:none')]", f"*[contains({_STYLE}, 'visibility:hidden')]",
    # a formula's TeX source, which MathML carries for machines
    "annotation", "annotation-xml",
)
#: a private-use character marks block boundaries in the rendering
_BREAK = "\ue000"


@functools.cache
def _renderer() -> Any:
    """An XSLT program that writes a page's text with a mark around every block: lxml
    runs it in C, several times faster than a walk over the tree in Python, and leaves
    the tree as it was. Built once; applying it is thread-safe."""
    from lxml import etree

    mark = f"&#x{ord(_BREAK):X};"
    return etree.XSLT(etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="{"|".join(_HIDDEN)}"/>'
        f'<xsl:template match="{"|".join(_BLOCK_TAGS)}">{mark}<xsl:apply-templates/>{mark}</xsl:template>'
        "</xsl:stylesheet>"))


def render_page(tree: Any) -> str:
    """Every visible text of a parsed page, one block per line, as a browser lays it out:
    block elements break lines, and whitespace inside text (line breaks of the source
    included) collapses to one space. Empty if libxslt gives up on the page."""
    from lxml import etree

    try:
        rendered = str(_renderer()(tree))
    except etree.Error:  # libxslt's own limits (depth, memory): the caller falls back
        return ""
    # str.split() takes the same whitespace as a regex's \s, in a third of the time
    blocks = (" ".join(piece.split()) for piece in rendered.split(_BREAK))
    return "\n".join(block for block in blocks if block)


#: a block of the page that the extractor left out comes back when the text pipeline
#: keeps it as prose this long, at least this sure, and this many blocks or fewer
#: from a block the extraction holds
RECOVER_MIN_CHARS = 100
RECOVER_MIN_SCORE = 0.8
RECOVER_REACH = 2
#: blocks of context on each side of the candidates that the text pipeline reads: the
#: rest of a long page (menus, footers, comment threads) costs time and, on the training
#: pages, changed no score
RECOVER_CONTEXT = 40
#: blocks shorter than this say nothing about where the extraction lies ("Home", "Share")
ANCHOR_MIN_CHARS = 30


class Recovery:
    """Where an extraction lies among the blocks of its whole page, and which of the
    page's blocks it missed could come back (``merge``).

    Extractors work on the markup tree and now and then drop a paragraph of the article
    (one in an unusual container, or one their scoring found too short or too linked);
    the text pipeline, which sees the whole page, may keep it. A block comes back only as
    prose, and beside blocks the extraction holds, so the page's other prose (teasers,
    comments) stays out. ``past_end`` False leaves out what follows the extraction's last
    block: an article's lead, set in a header above its body, is what an extractor misses
    most, while below the body a page puts the author's biography and teasers of other
    articles, which read as prose as well. A paragraph the page repeats (a refrain, a
    repeated warning) may come back wherever it lies: extractors keep one copy of it.
    """

    def __init__(self, extracted: list[str], page: list[str], past_end: bool = True) -> None:
        self.extracted = extracted
        self.page = page
        folded_lines = [folded(line) for line in extracted]
        # blank lines (a code sample's) join nothing: the page's rendering has none
        filled = [i for i, line in enumerate(folded_lines) if line]
        joined = " ".join(folded_lines[i] for i in filled)
        line_starts = list(itertools.accumulate((len(folded_lines[i]) + 1 for i in filled[:-1]), initial=0))
        # Most blocks the extraction holds are one of its lines, found without a scan.
        # Each copy of a line, and each place in the joined lines, holds one page block:
        # the page's second copy of a paragraph the extraction holds once is a repeat.
        copies_of: dict[str, list[int]] = {}
        for i, line in reversed(list(enumerate(folded_lines))):
            copies_of.setdefault(line, []).append(i)
        #: the extraction's line holding each long page block, or None
        self.held: list[int | None] = [None] * len(page)
        repeats: set[int] = set()
        search_from: dict[str, int] = {}
        for i, block in enumerate(page):
            if len(block) > ANCHOR_MIN_CHARS:
                block_folded = folded(block)
                copies = copies_of.get(block_folded)
                if copies:
                    self.held[i] = copies.pop()
                elif copies is not None:
                    repeats.add(i)
                else:
                    position = joined.find(block_folded, search_from.get(block_folded, 0))
                    if position >= 0:
                        self.held[i] = filled[bisect.bisect_right(line_starts, position) - 1]
                        search_from[block_folded] = position + len(block_folded)
                    elif block_folded in search_from:
                        repeats.add(i)
        # A run of repeats of different paragraphs is the whole article rendered twice (a
        # print or mobile copy), not a paragraph written twice: that run stays out.
        long_blocks = [i for i, block in enumerate(page) if len(block) > ANCHOR_MIN_CHARS]
        copied = [pair for pair in itertools.pairwise(long_blocks)
                  if pair[0] in repeats and pair[1] in repeats and page[pair[0]] != page[pair[1]]]
        repeats -= {i for pair in copied for i in pair}
        self._anchors = [i for i, line in enumerate(self.held) if line is not None]
        #: a code sample's lines (``fence_code``) take no block between them: a block
        #: that would follow one follows the sample's closing fence
        self._fence_close = _fence_closes(extracted)
        end = len(page) if past_end or not self._anchors else self._anchors[-1]
        #: page blocks that may come back, each with the line it would follow (-1: first)
        self.candidates: dict[int, int] = {}
        for i, block in enumerate(page):
            if (self.held[i] is None and len(block) >= RECOVER_MIN_CHARS
                    and (i < end or i in repeats)):
                after = self._after(i)
                if after is not None:
                    self.candidates[i] = after

    def _after(self, i: int) -> int | None:
        """The extraction line a block near extracted ones would follow; None if none is near."""
        anchors = self._anchors
        k = bisect.bisect_left(anchors, i)
        if not ((k < len(anchors) and anchors[k] - i <= RECOVER_REACH)
                or (k > 0 and i - anchors[k - 1] <= RECOVER_REACH)):
            return None
        line = self.held[anchors[k - 1]] if k > 0 else None
        return -1 if line is None else self._fence_close.get(line, line)

    def merge(self, keep: list[bool]) -> tuple[list[str], set[int]]:
        """The extraction's lines with the candidates that ``keep`` marks put back in
        their place; and the positions of those among the merged lines."""
        insert_after: dict[int, list[str]] = {}
        for i, after in self.candidates.items():
            if keep[i]:
                insert_after.setdefault(after, []).append(self.page[i])
        merged: list[str] = []
        recovered: set[int] = set()
        for line_index in range(-1, len(self.extracted)):
            if line_index >= 0:
                merged.append(self.extracted[line_index])
            for block in insert_after.get(line_index, ()):
                recovered.add(len(merged))
                merged.append(block)
        return merged, recovered


def _fence_closes(lines: list[str]) -> dict[int, int]:
    """Each line of a code block, fences included, mapped to the block's closing line."""
    return {line: closing for opening, closing in fenced_blocks([line.strip() for line in lines]).items()
            for line in range(opening, closing + 1)}


_ANY_TAG_RE = re.compile(r"<(script|style)\b[^>]{0,2000}>.*?</\1\s*>|<[^>]{0,2000}>",
                         re.IGNORECASE | re.DOTALL)
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|section|article|header|footer|table|ul|ol)\b",
                           re.IGNORECASE)


def strip_tags(markup: str) -> str:
    """Last resort when the parsers give up (100,000 nested tags): tags out, text kept."""
    import html as html_module

    marked = _BLOCK_TAG_RE.sub(lambda m: "\n" + m.group(0), markup)
    text = html_module.unescape(_ANY_TAG_RE.sub(" ", marked))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
