"""HTML input: detect it, and extract the main text with trafilatura."""

from __future__ import annotations

import logging
import re

from cleaner.config import Mode

_DOCUMENT_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|ul|table|td|tr|script|meta|link|h[1-6])\b[^>]*>",
                     re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for an HTML document, or a fragment dense in markup."""
    head = text[:5000]
    if _DOCUMENT_RE.search(head):
        return True
    return len(_TAG_RE.findall(head)) >= 5


def extract_text(html: str, mode: Mode) -> str:
    """Main text of an HTML page, one block per line; empty when nothing is found."""
    import trafilatura  # lazy: text-only users never pay for lxml and trafilatura

    # trafilatura logs parse trouble at WARNING; our CLI reports errors itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    extracted = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        favor_precision=mode is Mode.PRECISION,
        favor_recall=mode is Mode.RECALL,
        with_metadata=False,
    )
    if extracted:
        return str(extracted)
    fallback = trafilatura.html2txt(html)
    return str(fallback or "")
