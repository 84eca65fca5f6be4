"""HTML input: detect it, and extract the main text with trafilatura."""

from __future__ import annotations

import logging
import re

from cleaner.config import Mode

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


def extract_text(html: str, mode: Mode) -> str:
    """Main text of an HTML page, one block per line; empty when nothing is found."""
    import trafilatura  # lazy: text-only users never pay for lxml and trafilatura

    # trafilatura logs parse trouble at WARNING; our CLI reports errors itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def extract(fast: bool) -> str | None:
        return trafilatura.extract(
            html, fast=fast, output_format="txt", include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
            favor_precision=mode is Mode.PRECISION, favor_recall=mode is Mode.RECALL, with_metadata=False,
        )

    # trafilatura's own extractor first; its comparison with the readability and jusText
    # fallbacks costs as much again and pays off on pages where it found little.
    extracted = extract(fast=True)
    if not extracted or len(extracted) < FULL_EXTRACTION_BELOW:
        extracted = extract(fast=False)
    if extracted:
        return str(extracted)
    try:
        fallback = trafilatura.html2txt(html)
    except (ValueError, RecursionError):
        fallback = ""
    return str(fallback) if fallback else strip_tags(html)


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
