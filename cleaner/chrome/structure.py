"""Language-independent rules: blocks that are only links, addresses, markup, symbols or
server error messages."""

from __future__ import annotations

import re

from cleaner.chrome.features import BlockFeatures
from cleaner.html import MARKUP_TAG_RE

_URLISH_RE = re.compile(r"^\W*(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)\W*$", re.IGNORECASE)


def link_only(features: BlockFeatures) -> str | None:
    """A block that is nothing but a URL or an e-mail address."""
    if features.words <= 12 and _URLISH_RE.match(features.text):
        return "chrome:link"
    return None


_MARKUP_START_RE = re.compile(r"\s*<[/!]?[a-zA-Z]")
_REMOTE_EMBED_RE = re.compile(
    r"<(?:img|iframe|a|embed)\b[^<>]{0,1000}?\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)


def markup_only(features: BlockFeatures) -> str | None:
    """A line of raw HTML left in page text that pulls in something from elsewhere (an
    ad slot, a tracking pixel, an embedded player): it opens with a tag, loads a remote
    address and has next to no text outside its tags. A code sample in a tutorial
    (``<div id="app"></div>``, ``<script src="app.js">``) loads nothing remote and stays."""
    if not _MARKUP_START_RE.match(features.text) or not _REMOTE_EMBED_RE.search(features.text):
        return None
    outside = MARKUP_TAG_RE.sub(" ", features.text)
    if outside == features.text:
        return None
    letters = sum(1 for c in outside if c.isalpha())
    return "chrome:embed" if letters <= max(3, len(features.text) // 20) else None


#: what PHP prints into a page when a site's code goes wrong: a level, the message, and
#: where it happened ("Warning: Undefined variable $id in /var/www/index.php on line 12")
_SERVER_ERROR_RE = re.compile(
    r"^\W{0,3}(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?[Ff]atal error"
    r"|Parse error)\s?: .{0,2000}? in \S{1,500} on line \d+")


def server_error(features: BlockFeatures) -> str | None:
    """A server's error message printed into the page: the site's code, not its text."""
    text = features.text
    if "on line" in text and _SERVER_ERROR_RE.match(text):
        return "chrome:server-error"
    return None


def symbols_only(features: BlockFeatures) -> str | None:
    """Separators, arrows, icons: no letters and no digits at all."""
    if not any(c.isalnum() for c in features.text):
        return "chrome:symbols"
    return None


RULES = (link_only, markup_only, server_error)
